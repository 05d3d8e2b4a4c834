"""Clashes: pairs of timed occurrences that overlap, found by sorting and one sweep.

Rules:
- Times are half-open intervals [start, end): a session ending at 10 h does not clash with
  one starting at 10 h.
- A session with no known end (or an end not after its start) is taken to last
  `DEFAULT_DURATION` (one hour), the usual length of a webinar in the programmes, so
  "à 17h" clashes with something at 17 h 30 but not with something at 18 h.
- All-day spans never clash (with anything): they are calls for ideas, exhibitions, periods.
- The same occurrence given twice is not a clash with itself.

`clashes()` is O(n log n + k) for n occurrences and k clashing pairs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import datetime, timedelta

from calendar_tui.model.clock import PARIS
from calendar_tui.model.types import Occurrence

DEFAULT_DURATION = timedelta(hours=1)


def interval(occurrence: Occurrence) -> tuple[datetime, datetime] | None:
    """The [start, end) an occurrence occupies for clash purposes; None for all-day spans."""
    if occurrence.all_day or not isinstance(occurrence.start, datetime):
        return None
    start = _aware(occurrence.start)
    end = _aware(occurrence.end) if isinstance(occurrence.end, datetime) else None
    if end is None or end <= start:
        end = start + DEFAULT_DURATION
    return start, end


def clashes(occurrences: Iterable[Occurrence]) -> list[tuple[Occurrence, Occurrence]]:
    """Every pair of overlapping timed occurrences as (earlier, later), sorted by the earlier one
    then the later one (start, end, id)."""
    timed: list[tuple[datetime, datetime, str, Occurrence]] = []
    seen: set[str] = set()
    for occurrence in occurrences:
        span = interval(occurrence)
        if span is None or occurrence.id in seen:
            continue
        seen.add(occurrence.id)
        timed.append((span[0], span[1], occurrence.id, occurrence))
    timed.sort(key=lambda item: (item[0], item[1], item[2]))

    pairs: list[tuple[int, int]] = []  # indices into `timed`, (earlier, later)
    active: list[tuple[datetime, int]] = []  # heap of (end, index) of what is still running
    for index, (start, end, _, _) in enumerate(timed):
        while active and active[0][0] <= start:
            heapq.heappop(active)
        pairs.extend((other, index) for _, other in active)
        heapq.heappush(active, (end, index))
    pairs.sort()  # by the earlier occurrence, then the later one
    return [(timed[first][3], timed[second][3]) for first, second in pairs]


def clash_index(
    pairs: Iterable[tuple[Occurrence, Occurrence]],
) -> dict[str, tuple[Occurrence, ...]]:
    """For each occurrence id in some clash, the occurrences it overlaps, in time order."""
    index: dict[str, list[Occurrence]] = {}
    for first, second in pairs:
        index.setdefault(first.id, []).append(second)
        index.setdefault(second.id, []).append(first)
    return {
        key: tuple(sorted(others, key=lambda o: (_aware(o.start), o.id)))
        for key, others in index.items()
    }


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=PARIS)
