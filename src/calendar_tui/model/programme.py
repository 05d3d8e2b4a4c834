"""My programme, in plain Python: what is on now and next, and how a week lays out in lanes.

- `now_and_next()`: the timed occurrences in progress at a moment, the ones starting next,
  and until when that answer holds (so a timer recomputes only when something changes).
- `lanes()`: for one day of a week grid, which lane each timed occurrence takes and how many
  lanes its group of overlapping occurrences needs, so overlapping ones sit side by side.

All-day spans are neither "in progress" nor laid out in lanes (the week grid shows them in a
band of their own). Times are half-open [start, end), with the clash rules' one-hour default
for a session with no known end (`clashes.interval`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

import msgspec

from calendar_tui.model.clashes import interval
from calendar_tui.model.day_range import day_or_none
from calendar_tui.model.types import Occurrence


# Frozen msgspec Structs, not dataclasses: the same value semantics, made in a thirtieth of
# the time (a dataclass compiles its methods at import, ~1 ms each before the first frame).
class NowNext(msgspec.Struct, frozen=True):
    now: frozenset[str] = frozenset()  # occurrence ids in progress
    next: frozenset[str] = frozenset()  # occurrence ids starting next (same start)
    until: datetime | None = None  # the answer may change at this moment; None: never


def now_and_next(occurrences: Iterable[Occurrence], moment: datetime) -> NowNext:
    """What is in progress at `moment` and what starts next after it."""
    running: list[tuple[str, datetime]] = []
    next_start: datetime | None = None
    upcoming: list[str] = []
    for occurrence in occurrences:
        span = interval(occurrence)
        if span is None:
            continue
        start, end = span
        if start <= moment < end:
            running.append((occurrence.id, end))
        elif start > moment:
            if next_start is None or start < next_start:
                next_start, upcoming = start, [occurrence.id]
            elif start == next_start:
                upcoming.append(occurrence.id)
    changes = [end for _, end in running]
    if next_start is not None:
        changes.append(next_start)
    return NowNext(
        frozenset(ident for ident, _ in running),
        frozenset(upcoming),
        min(changes) if changes else None,
    )


class Placed(msgspec.Struct, frozen=True):
    """A timed occurrence on one day of the week grid, in minutes since that day's midnight."""

    occurrence: Occurrence
    start: int  # minutes, clipped to the day
    end: int  # minutes, clipped to the day, > start
    lane: int
    lanes: int  # lanes its group of overlapping occurrences needs


def day_minutes(occurrence: Occurrence, day: date) -> tuple[int, int] | None:
    """The part of a timed occurrence on `day` as [start, end) minutes; None if it is not there."""
    span = interval(occurrence)
    if span is None:
        return None
    start, end = span
    tz = start.tzinfo
    midnight = datetime.combine(day, time(0), tzinfo=tz)
    following = day_or_none(day, 1)  # None on 31/12/9999: the day runs to its end
    next_midnight = datetime.combine(following, time(0), tzinfo=tz) if following else None
    if end <= midnight or (next_midnight is not None and start >= next_midnight):
        return None
    first = max(start, midnight)
    begin = int((first - midnight).total_seconds() // 60)
    last = end if next_midnight is None else min(end, next_midnight)
    finish = int((last - midnight).total_seconds() // 60)
    return begin, max(finish, begin + 1)


def lanes(occurrences: Iterable[Occurrence], day: date) -> list[Placed]:
    """Lay out the day's timed occurrences: greedy lanes within each group of overlapping ones."""
    spans = []
    for occurrence in occurrences:
        minutes = day_minutes(occurrence, day)
        if minutes is not None:
            spans.append((minutes[0], minutes[1], occurrence.id, occurrence))
    spans.sort(key=lambda item: (item[0], -item[1], item[2]))
    placed: list[Placed] = []
    group: list[tuple[int, int, int, Occurrence]] = []  # (start, end, lane, occurrence)
    group_end = -1

    def close_group() -> None:
        count = max((lane for _, _, lane, _ in group), default=-1) + 1
        placed.extend(Placed(o, s, e, lane, count) for s, e, lane, o in group)
        group.clear()

    for start, end, _, occurrence in spans:
        if group and start >= group_end:
            close_group()
        lane_ends: dict[int, int] = {}
        for _, other_end, lane, _ in group:
            lane_ends[lane] = max(lane_ends.get(lane, -1), other_end)
        lane = 0
        while lane in lane_ends and lane_ends[lane] > start:
            lane += 1
        group.append((start, end, lane, occurrence))
        group_end = max(group_end, end) if len(group) > 1 else end
    if group:
        close_group()
    return placed
