"""Atomic file writes: a temp file in the same folder, fsync, then `os.replace`.

A process killed at any point leaves either the previous file or the new one, never a
truncated mix: the temp file is only renamed over the target once its bytes are on disk.
Errors (disk full, read-only folder, permissions) are raised as `OSError` after the temp
file is removed; callers that must not raise wrap this (see `favourites.py`).
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def atomic_write_bytes(path: Path | str, data: bytes, *, make_dirs: bool = True) -> None:
    """Replace `path` with `data` atomically.

    A new file gets the usual permissions (0o666 minus the umask); an existing file keeps its
    mode. The folder is fsynced after the rename where the platform allows it, so the rename
    itself survives a power cut.
    """
    target = Path(path)
    folder = target.parent
    if make_dirs:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    temp = folder / f".{target.name}.{os.urandom(6).hex()}.tmp"
    # O_EXCL: never reuse (or follow a symlink planted at) the temp name; 0o666 lets the umask apply.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.chmod(temp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(folder)


def atomic_write_text(
    path: Path | str, text: str, *, encoding: str = "utf-8", make_dirs: bool = True
) -> None:
    atomic_write_bytes(path, text.encode(encoding), make_dirs=make_dirs)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; the rename is still atomic there
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def set_aside(path: Path, stamp: str) -> Path:
    """Rename a damaged user file to `<name>.corrupt-<stamp>` (never over an earlier one).

    Raises OSError when it cannot be moved; the caller must then leave it untouched.
    """
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, aside)
    return aside
