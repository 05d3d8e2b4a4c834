"""Typed user settings: the remembered theme and key remaps, in one JSON file.

The file lives in the user's config directory (platformdirs), or in `$CALENDAR_TUI_CONFIG_DIR`
when that is set (the tests do, so no user config ever leaks in). Writes are atomic; a corrupt
file is set aside as `settings.json.corrupt` with a warning, never silently overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import warnings
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

ENV_CONFIG_DIR = "CALENDAR_TUI_CONFIG_DIR"
FILE_NAME = "settings.json"
DEFAULT_THEME = "textual-dark"


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("calendar-tui", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """What the app remembers between runs."""

    theme: str = DEFAULT_THEME
    # Binding id -> keys ("calendar.next_month": "pagedown,ctrl+n"): users remap keys here.
    keymap: dict[str, str] = field(default_factory=dict)
    # Where the settings came from and go back to; None keeps them in memory only.
    path: Path | None = field(default=None, compare=False, repr=False)

    def with_theme(self, theme: str) -> Settings:
        return replace(self, theme=theme)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("path", None)
        return data

    @classmethod
    def from_json(cls, data: Any, path: Path | None = None) -> Settings:
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
        theme = data.get("theme", DEFAULT_THEME)
        keymap = data.get("keymap", {})
        if not isinstance(theme, str) or not theme:
            theme = DEFAULT_THEME
        if not isinstance(keymap, dict):
            keymap = {}
        keymap = {str(k): str(v) for k, v in keymap.items() if isinstance(v, str) and v.strip()}
        return cls(theme=theme, keymap=keymap, path=path)


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file gives defaults, a corrupt one is set aside."""
    path = path or config_dir() / FILE_NAME
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(path=path)
    except OSError as error:
        warnings.warn(f"cannot read {path}: {error}", stacklevel=2)
        return Settings(path=path)
    try:
        return Settings.from_json(json.loads(raw), path=path)
    except ValueError as error:
        aside = path.with_name(path.name + ".corrupt")
        with contextlib.suppress(OSError):
            os.replace(path, aside)
        warnings.warn(f"{path} is not valid ({error}); set aside as {aside.name}", stacklevel=2)
        return Settings(path=path)


def save_settings(settings: Settings) -> None:
    """Write atomically (temp file in the same folder, then `os.replace`)."""
    if settings.path is None:
        return
    path = settings.path
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
