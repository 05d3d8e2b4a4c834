"""Reading a file the user pointed at, or that lies in a folder: regular files only, bounded.

A named pipe would block the load forever and `/dev/zero` would fill memory, so only regular
files are opened (checked before opening, so no device is ever opened, and again on the open
descriptor, in case the file was swapped meanwhile), and the size limit is enforced while
reading, not taken from `st_size` (which a growing file or a special file does not honour).
"""

from __future__ import annotations

import os
import stat

from calendar_tui.i18n import N_, _

_KINDS = (
    (stat.S_ISDIR, N_("a folder")),
    (stat.S_ISFIFO, N_("a named pipe (FIFO)")),
    (stat.S_ISCHR, N_("a device")),
    (stat.S_ISBLK, N_("a device")),
    (stat.S_ISSOCK, N_("a socket")),
)
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FLAGS |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotReadable(Exception):
    """Why a file was not read, as the end of a sentence ("is a device, not a regular file"),
    with the diagnostic code (`file.special`, `file.too_big`)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def special_kind(mode: int) -> str | None:
    """'a named pipe (FIFO)', 'a device'...: what a file that is not a regular file is (in the
    current language)."""
    if stat.S_ISREG(mode):
        return None
    return _(next((name for test, name in _KINDS if test(mode)), N_("not a regular file")))


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
        raise NotReadable(
            "file.too_big", _("is larger than {size}; skipped").format(size=_size(limit))
        )
    return b"".join(chunks)


def _check(mode: int) -> None:
    kind = special_kind(mode)
    if kind is not None:
        raise NotReadable("file.special", special_sentence(kind))


def special_sentence(kind: str) -> str:
    return _("is {kind}, not a regular file; skipped").format(kind=kind)


def _size(limit: int) -> str:
    if limit >= 1_048_576:
        return _("{count} MB").format(count=limit // 1_048_576)
    return _("{count} bytes").format(count=f"{limit:,}")
