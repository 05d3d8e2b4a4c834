"""The cache folder stays bounded: one cache file per collection ever opened would grow without
end (every `calendar-tui list some/post.md` names a new collection), so only the most recently
used files are kept.

A file's modification time says when it was last used: saving writes it, and a load that finds
nothing to save touches it.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path

KEEP_FILES = 8  # collections whose parsed posts are kept
KEEP_BYTES = 512 * 1024 * 1024  # and at most this much of them (the file in use is always kept)
PATTERN = ("posts-", ".msgpack")


def mark_used(path: Path) -> None:
    with suppress(OSError):  # a read-only cache only loses its place in the order
        os.utime(path)


def prune(folder: Path, keep: Path) -> list[str]:
    """Removes the least recently used cache files beyond `KEEP_FILES` or `KEEP_BYTES`, never
    `keep` nor anything that is not one of our cache files; returns the names removed."""
    try:
        with os.scandir(folder) as entries:
            files = [
                (entry.stat(follow_symlinks=False), entry)
                for entry in entries
                if entry.name.startswith(PATTERN[0])
                and entry.name.endswith(PATTERN[1])
                and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return []
    files.sort(key=lambda item: item[0].st_mtime_ns, reverse=True)
    removed: list[str] = []
    kept = total = 0
    for stat, entry in files:
        if entry.path != str(keep) and (kept >= KEEP_FILES or total + stat.st_size > KEEP_BYTES):
            with suppress(OSError):  # gone already, or not ours to remove: left
                os.unlink(entry.path)
                removed.append(entry.name)
            continue
        kept += 1
        total += stat.st_size
    return removed
