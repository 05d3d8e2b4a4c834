"""Dates and times in French words, with babel, for the widgets.

"jeudi 26 novembre 2020, 9 h 30 – 12 h 00". Everything here returns plain strings; the widgets
turn them into Rich `Text` (never markup).
"""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date, get_day_names

from calendar_tui.i18n import _, ngettext
from calendar_tui.model.date_words import day_words
from calendar_tui.model.types import Occurrence

LOCALE = "fr_FR"


def weekday_names(width: int) -> list[str]:
    """Monday-first weekday headings that fit in `width` cells ("lun.", or "lu" when narrow)."""
    kind = "wide" if width >= 10 else "abbreviated" if width >= 4 else "short"
    names = get_day_names(kind, locale=LOCALE)
    return [names[i] for i in range(7)]  # babel: 0 is Monday


def month_title(day: date) -> str:
    """ "novembre 2020"."""
    return format_date(day, "LLLL y", locale=LOCALE)


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
            return _("{day}, all day").format(day=day_words(first))
        start_words = day_words(first, year=first.year != last.year)
        return _("from {start} to {end}, all day").format(start=start_words, end=day_words(last))
    start = occ.start
    end = occ.end
    if end is None:
        return f"{day_words(first)}, {hour_words(start)}"
    if first == last:
        return f"{day_words(first)}, {hour_words(start)} – {hour_words(end)}"
    return _("from {start_day}, {start} to {end_day}, {end}").format(
        start_day=day_words(first),
        start=hour_words(start),
        end_day=day_words(last),
        end=hour_words(end),
    )


def time_range_short(occ: Occurrence, day: date | None = None) -> str:
    """Compact times for a list row: "09:30–12:00", "toute la journée", "02/11 → 30/11"."""
    if occ.all_day:
        if occ.first_day == occ.last_day:
            return _("all day")
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
        return _("no session")
    return ngettext("{count} session", "{count} sessions", count).format(count=count)


def problems_count(count: int) -> str:
    return ngettext("{count} problem", "{count} problems", count).format(count=count)
