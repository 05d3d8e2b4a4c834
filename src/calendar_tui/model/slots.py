"""Turning what the grammar read (days, times) into concrete Slots in a time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from calendar_tui.model.types import Slot

if TYPE_CHECKING:
    from calendar_tui.model.french_dates import TimeRange

MAX_REPEAT_DAYS = (
    62  # a "Du .. au .. de 17h à 17h30" repeating longer than this is a span, not a series
)


def at(day: date, moment: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)


def timed_slot(day: date, times: TimeRange, tz: tzinfo) -> Slot:
    start = at(day, times.start, tz)
    end = at(day, times.end, tz) if times.end is not None else None
    if end is not None and end <= start:  # "de 22h à 1h" runs past midnight
        end = at(day + timedelta(days=1), times.end, tz)
    return Slot(start, end)


def slots_for(
    days: tuple[date, ...], is_range: bool, times: tuple[TimeRange, ...], tz: tzinfo
) -> tuple[Slot, ...]:
    """A range with times repeats on each day; a range without times is one all-day span;
    named days get each time range (or are all-day when no time is given)."""
    if not days:
        return ()
    if is_range:
        first, last = days[0], days[-1]
        if last < first:
            first, last = last, first
        span = (last - first).days
        if not times or span > MAX_REPEAT_DAYS:
            return (Slot(first, last, all_day=True),)
        days = tuple(first + timedelta(days=n) for n in range(span + 1))
    if not times:
        return tuple(Slot(day, day, all_day=True) for day in days)
    return tuple(timed_slot(day, rng, tz) for day in days for rng in times)
