"""Where calendar-tui keeps the user's files: platformdirs folders, each overridable by an
environment variable (the tests point them at temporary folders)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

APP_NAME = "calendar-tui"
Kind = Literal["config", "data", "cache"]


def user_dir(kind: Kind, env_var: str) -> Path:
    override = os.environ.get(env_var)
    if override:
        return Path(override)
    import platformdirs

    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(finder(APP_NAME, appauthor=False))
