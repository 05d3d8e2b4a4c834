"""Where the app's .ics exports go, and under what name.

The folder is `$CALENDAR_TUI_EXPORT_DIR` when set (the tests set it), else the current
directory when it can be written to, else the home folder. A name never replaces an existing
file: "programme-20201118-1000.ics", then "programme-20201118-1000-2.ics"...
"""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime
from pathlib import Path

from calendar_tui.i18n import _
from calendar_tui.model.atomic import atomic_write_bytes
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


def write_export(path: Path, data: bytes) -> str:
    """Writes `data` to `path` as a user who typed `-o path` expects; returns how, for a message.

    - absent or a regular file: replaced atomically (never a half-written .ics);
    - a symlink: the file it points to is written the same way and the link is kept (it is
      never replaced by a file): " (through the symbolic link to ...)";
    - a named pipe, a device (/dev/stdout, /dev/full): written through, never replaced:
      " (written through: not a regular file)".
    Raises OSError (a missing folder, a full disk...).
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    through = (
        _(" (through the symbolic link to {target})").format(target=target)
        if target != path
        else ""
    )
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return through + _(" (written through: not a regular file)")
    atomic_write_bytes(target, data, make_dirs=False)
    return through
