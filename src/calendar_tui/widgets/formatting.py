"""Dates and times in French words (babel's, kept as data in model.french_names), for the widgets.

"jeudi 26 novembre 2020, 9 h 30 – 12 h 00". Everything here returns plain strings; the widgets
turn them into Rich `Text` (never markup).
"""

from __future__ import annotations

from datetime import date, datetime, time

from calendar_tui.model.date_words import day_words
from calendar_tui.model.french_names import DAY_NAMES, month_year
from calendar_tui.model.types import Occurrence


def weekday_names(width: int) -> list[str]:
    """Monday-first weekday headings that fit in `width` cells ("lun.", or "lu" when narrow)."""
    kind = "wide" if width >= 10 else "abbreviated" if width >= 4 else "short"
    return list(DAY_NAMES[kind])


def month_title(day: date) -> str:
    """ "novembre 2020"."""
    return month_year(day)


def hour_words(value: time | datetime) -> str:
    """ "9 h 30", "12 h 00"."""
    return f"{value.hour} h {value.minute:02d}"


def hour_short(value: time | datetime) -> str:
    """ "09:30"."""
    return f"{value.hour:02d}:{value.minute:02d}"


def when_words(occ: Occurrence) -> str:
    """The occurrence's day(s) and time in words."""
    first, last = occ.first_day, occ.last_day
    if occ.all_day:
        if first == last:
            return f"{day_words(first)}, toute la journée"
        start_words = day_words(first, year=first.year != last.year)
        return f"du {start_words} au {day_words(last)}, toute la journée"
    start = occ.start
    end = occ.end
    if end is None:
        return f"{day_words(first)}, {hour_words(start)}"
    if first == last:
        return f"{day_words(first)}, {hour_words(start)} – {hour_words(end)}"
    return f"du {day_words(first)}, {hour_words(start)} au {day_words(last)}, {hour_words(end)}"


def time_range_short(occ: Occurrence, day: date | None = None) -> str:
    """Compact times for a list row: "09:30–12:00", "toute la journée", "02/11 → 30/11"."""
    if occ.all_day:
        if occ.first_day == occ.last_day:
            return "journée"
        return f"{occ.first_day:%d/%m}→{occ.last_day:%d/%m}"
    start, end = occ.start, occ.end
    if end is None:
        return hour_short(start)
    if day is not None and occ.first_day != occ.last_day:
        begin = hour_short(start) if day == occ.first_day else "…"
        finish = hour_short(end) if day == occ.last_day else "…"
        return f"{begin}–{finish}"
    return f"{hour_short(start)}–{hour_short(end)}"


def sessions_count(count: int) -> str:
    if count == 0:
        return "aucune session"
    return f"{count} session" + ("s" if count > 1 else "")


def problems_count(count: int) -> str:
    return f"{count} problème" + ("s" if count > 1 else "")
