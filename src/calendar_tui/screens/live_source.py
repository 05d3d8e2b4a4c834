"""Where the calendar's store came from, and how to follow it: given to the screen before its
first frame, followed by its live-reload controller (screens/live_reload.py) after it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from calendar_tui.check_watch import WatchCache

Batches = Callable[[Sequence[Path], "bool | None", threading.Event], Iterator[set]]


@dataclass(frozen=True)
class LiveSource:
    """Where the shown store came from, and how to follow it."""

    paths: tuple[Path, ...]
    drafts: bool
    cache: WatchCache
    watch: bool = True  # False: `--no-watch`, reload by hand only
    poll: bool | None = None  # True: look at the files instead of waiting for events
    batches: Batches | None = None  # None: watchfiles (tests give their own)
