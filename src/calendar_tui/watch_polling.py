"""Looking at the post files at intervals, for file systems that send no change events (`--poll`).

watchfiles' own poller compares modification times to the whole second and nothing else, so a
save that keeps the file's size within the same second as the one before (an editor renaming a
fixed copy over the post, `31/11` → `30/11`) is never seen. This one compares what the post
cache compares (device, inode, size, and the nanosecond mtime and ctime) for every file the
loader would read, found the way the loader finds them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from watchfiles import Change

POLL_S = 0.3  # between two looks at the files
BUSY_SHARE = 3  # a look that takes t is followed by a pause of at least (BUSY_SHARE - 1) * t


class StopEvent(Protocol):
    def wait(self, timeout: float) -> bool: ...


def poll_batches(
    paths: Sequence[Path],
    *,
    quiet_s: float,
    max_batch_s: float,
    stop_event: StopEvent | None = None,
) -> Iterator[set[tuple[Change, str]]]:
    """As `watchfiles.watch` gives them: an empty set once the first look is done (the watcher is
    in place), then each batch of changes once the files have been quiet for `quiet_s`, or after
    `max_batch_s` of steady changes. Ends soon after `stop_event` is set."""
    before = _look(paths)
    yield set()
    pending: set[tuple[Change, str]] = set()
    first_change = last_change = 0.0
    pause = POLL_S
    while not _stopped(stop_event, pause):
        started = time.monotonic()
        now = _look(paths)
        took = time.monotonic() - started
        changes = _differences(before, now)
        before = now
        if changes:
            if not pending:
                first_change = started
            pending |= changes
            last_change = started
        if pending and (started - last_change >= quiet_s or started - first_change >= max_batch_s):
            yield pending
            pending = set()
        pause = max(POLL_S, (BUSY_SHARE - 1) * took)  # a huge folder is not looked at non-stop


def _stopped(stop_event: StopEvent | None, pause: float) -> bool:
    if stop_event is None:
        time.sleep(pause)
        return False
    return stop_event.wait(pause)


def _look(paths: Sequence[Path]) -> dict[str, tuple[int, ...]]:
    from calendar_tui.model.loader import discover

    files, _problems = discover(paths)  # a missing folder is the loader's to report
    return {file.path: file.key for file in files}


def _differences(
    before: dict[str, tuple[int, ...]], now: dict[str, tuple[int, ...]]
) -> set[tuple[Change, str]]:
    changes = {(Change.deleted, path) for path in before.keys() - now.keys()}
    for path, key in now.items():
        old = before.get(path)
        if old is None:
            changes.add((Change.added, path))
        elif old != key:
            changes.add((Change.modified, path))
    return changes
