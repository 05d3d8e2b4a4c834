"""Reading a file the user pointed at, or that lies in a folder: regular files only, bounded.

A named pipe would block the load forever and `/dev/zero` would fill memory, so only regular
files are opened (checked before opening, so no device is ever opened, and again on the open
descriptor, in case the file was swapped meanwhile), and the size limit is enforced while
reading, not taken from `st_size` (which a growing file or a special file does not honour).
"""

from __future__ import annotations

import os
import stat

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotReadable(Exception):
    """Why a file was not read, as the end of a sentence ("is a device, not a regular file")."""


def special_kind(mode: int) -> str | None:
    """'a named pipe (FIFO)', 'a device'...: what a file that is not a regular file is."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises NotReadable for a file that is not regular or is larger than `limit`, and OSError
    when it cannot be opened or read."""
    _check(os.stat(path).st_mode)
    fd = os.open(path, _FLAGS)
    try:
        _check(os.fstat(fd).st_mode)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(limit + 1 - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:
        raise NotReadable(f"is larger than {_size(limit)}; skipped")
    return b"".join(chunks)


def _check(mode: int) -> None:
    kind = special_kind(mode)
    if kind is not None:
        raise NotReadable(f"is {kind}, not a regular file; skipped")


def _size(limit: int) -> str:
    return f"{limit // 1_048_576} MB" if limit >= 1_048_576 else f"{limit:,} bytes"
