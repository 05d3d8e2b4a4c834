"""Where the calendar's store came from, and how to follow it: given to the screen before its
first frame, followed by its live-reload controller (screens/live_reload.py) after it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from calendar_tui.check_watch import WatchCache

Batches = Callable[[Sequence[Path], "bool | None", threading.Event], Iterator[set]]


class LiveSource:
    """Where the shown store came from, and how to follow it. (A plain class: a dataclass
    costs its module a millisecond to build, before the first frame.)"""

    __slots__ = ("paths", "drafts", "cache", "watch", "poll", "batches")

    def __init__(
        self,
        paths: tuple[Path, ...],
        drafts: bool,
        cache: WatchCache,
        watch: bool = True,  # False: `--no-watch`, reload by hand only
        poll: bool | None = None,  # True: look at the files instead of waiting for events
        batches: Batches | None = None,  # None: watchfiles (tests give their own)
    ) -> None:
        self.paths, self.drafts, self.cache = paths, drafts, cache
        self.watch, self.poll, self.batches = watch, poll, batches
