"""Where the app's .ics exports go, and under what name.

The folder is `$CALENDAR_TUI_EXPORT_DIR` when set (the tests set it), else the current
directory when it can be written to, else the home folder. A name never replaces an existing
file: "programme-20201118-1000.ics", then "programme-20201118-1000-2.ics"...
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from calendar_tui.model.shown_path import display_path as display_path  # where exports went
from calendar_tui.model.text import fold

ENV_EXPORT_DIR = "CALENDAR_TUI_EXPORT_DIR"


def default_export_dir() -> Path:
    override = os.environ.get(ENV_EXPORT_DIR)
    if override:
        return Path(override).expanduser()
    here = Path.cwd()
    if os.access(here, os.W_OK):
        return here
    return Path.home()


def export_name(kind: str, moment: datetime) -> str:
    """ "favoris-20201118-1000.ics": the kind, as a safe slug, and the time of the export."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(kind)).strip("-") or "export"
    return f"{slug}-{moment:%Y%m%d-%H%M}.ics"


def free_path(folder: Path, name: str) -> Path:
    """`folder / name`, or with "-2", "-3"... before the suffix when that file exists."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    counter = 1
    while path.exists():
        counter += 1
        path = folder / f"{stem}-{counter}{suffix}"
    return path
