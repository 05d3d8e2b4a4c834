"""Which day the calendar opens on, which days "have sessions", which session is selected.

Plain functions of the query result, so the screen's choices are tested without a terminal.
"""

from __future__ import annotations

from datetime import date

from calendar_tui.model.store import MAX_SPAN_DAYS, QueryResult
from calendar_tui.model.types import Occurrence


def opening_day(days: tuple[date, ...], today: date) -> date:
    """Today when its month has sessions, else the first session day of the nearest such month."""
    if not days:
        return today
    months = sorted({(d.year, d.month) for d in days})
    here = (today.year, today.month)
    if here in months:
        return today

    def distance(month: tuple[int, int]) -> int:
        return abs((month[0] * 12 + month[1]) - (here[0] * 12 + here[1]))

    year, month = min(months, key=lambda m: (distance(m), m))
    return min(d for d in days if (d.year, d.month) == (year, month))


def session_days(days: tuple[date, ...], occurrences: tuple[Occurrence, ...]) -> tuple[date, ...]:
    """The days where a session begins (a month-long span does not make every day "a day");
    all the days when no session begins in them."""
    starts = {o.first_day for o in occurrences}
    return tuple(sorted(d for d in days if d in starts)) or days


def selected_occurrence(
    on_day: tuple[Occurrence, ...], current_id: str | None
) -> Occurrence | None:
    """The day's occurrence with the selected id when the day still has it (a filter or a
    repaint keeps the selection), else the day's first one, None when the day has none."""
    for occurrence in on_day:
        if occurrence.id == current_id:
            return occurrence
    return on_day[0] if on_day else None


def starred_days(result: QueryResult, favourites: frozenset[str]) -> frozenset[date]:
    """The days shown with a star: those of the starred sessions among the shown ones."""
    if not favourites:
        return frozenset()
    return frozenset(
        day
        for o in result.occurrences
        if o.session.id in favourites
        for day in o.days(limit=MAX_SPAN_DAYS)
    )
