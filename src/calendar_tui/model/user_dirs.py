"""Where calendar-tui keeps the user's files: platformdirs folders, each overridable by an
environment variable (the tests point them at temporary folders)."""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path
from typing import Literal

APP_NAME = "calendar-tui"
Kind = Literal["config", "data", "cache"]
ENV_CONFIG_DIR = "CALENDAR_TUI_CONFIG_DIR"
SETTINGS_NAME = "settings.json"

# On Linux, the XDG variable or its default under an absolute $HOME, as platformdirs' Unix
# folders are: importing platformdirs (tempfile, shutil, random...) cost `list` ~5 ms.
_XDG = {
    "config": ("XDG_CONFIG_HOME", "~/.config"),
    "data": ("XDG_DATA_HOME", "~/.local/share"),
    "cache": ("XDG_CACHE_HOME", "~/.cache"),
}


def user_dir(kind: Kind, env_var: str) -> Path:
    override = os.environ.get(env_var)
    if override:
        return Path(override)
    return Path(_linux_dir(kind) or _platformdirs_dir(kind))


def settings_path() -> Path:
    """The settings file (settings.py reads it): `list` looks for it before importing that."""
    return user_dir("config", ENV_CONFIG_DIR) / SETTINGS_NAME


def _linux_dir(kind: Kind) -> str | None:
    """The folder on a plain Linux; None for any case left to platformdirs (other systems,
    Android, a relative or missing $HOME, which it resolves through the password database)."""
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") == "/data" and os.environ.get("ANDROID_ROOT") == "/system":
        return None
    variable, default = _XDG[kind]
    base = os.environ.get(variable, "")
    if not posixpath.isabs(base):  # unset, empty or relative: ignored, as platformdirs does
        if not posixpath.isabs(os.environ.get("HOME", "")):
            return None
        base = os.path.expanduser(default)
    return os.path.join(base, APP_NAME)


def _platformdirs_dir(kind: Kind) -> str:
    import platformdirs

    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return finder(APP_NAME, appauthor=False)
