"""Dates and times in words of the current language (babel's names, kept as data in
model.french_names and model.english_names), for the widgets.

"jeudi 26 novembre 2020, 9 h 30 – 12 h 00" / "Thursday 26 November 2020, 9:30 – 12:00".
Everything here returns plain strings; the widgets turn them into Rich `Text` (never markup).
"""

from __future__ import annotations

from datetime import date, datetime, time

from calendar_tui.i18n import _, current_language, ngettext
from calendar_tui.model.date_names import day_names, month_year
from calendar_tui.model.date_words import day_words
from calendar_tui.model.types import Occurrence


def weekday_names(width: int) -> list[str]:
    """Monday-first weekday headings that fit in `width` cells ("lun." / "Mon", or "lu" / "Mo"
    when narrow)."""
    kind = "wide" if width >= 10 else "abbreviated" if width >= 4 else "short"
    return list(day_names(kind))


def month_title(day: date) -> str:
    """ "novembre 2020" / "November 2020"."""
    return month_year(day)


NBSP = "\u00a0"  # "12 h 30" and "26 novembre" are never broken across lines


def hour_words(value: time | datetime) -> str:
    """ "9 h 30", "12 h 00" (non-breaking spaces); "9:30", "12:00" in English."""
    if current_language() == "en":
        return f"{value.hour}:{value.minute:02d}"
    return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"


def zone_words(occ: Occurrence) -> str:
    """For a session in another time zone than the collection's (Paris): its zone, and the
    Paris time beside it. Empty otherwise (and for all-day sessions)."""
    from calendar_tui.i18n import _
    from calendar_tui.model.clock import PARIS

    start = occ.start
    if occ.all_day or not isinstance(start, datetime) or start.tzinfo is None:
        return ""
    paris_start = start.astimezone(PARIS)
    if paris_start.utcoffset() == start.utcoffset():
        return ""
    zone = getattr(start.tzinfo, "key", None) or start.strftime("UTC%z")
    paris = hour_words(paris_start)
    if occ.end is not None and isinstance(occ.end, datetime):
        paris += f" – {hour_words(occ.end.astimezone(PARIS))}"
    if paris_start.date() != start.date():
        paris = f"{day_words(paris_start.date(), year=False)}, {paris}"
    return _("{zone} time; {paris} in Paris").format(zone=zone, paris=paris)


def hour_short(value: time | datetime) -> str:
    """ "09:30"."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _day(day: date, year: bool = True) -> str:
    """ "jeudi 26 novembre 2020": the date after the weekday in one piece (non-breaking)."""
    weekday, _, rest = day_words(day, year=year).partition(" ")
    return f"{weekday} {rest.replace(' ', NBSP)}"


def when_words(occ: Occurrence) -> str:
    """The occurrence's day(s) and time in words."""
    first, last = occ.first_day, occ.last_day
    if occ.all_day:
        if first == last:
            return _("{day}, all day").format(day=_day(first))
        start_words = _day(first, year=first.year != last.year)
        return _("from {start} to {end}, all day").format(start=start_words, end=_day(last))
    start = occ.start
    end = occ.end
    if end is None:
        return f"{_day(first)}, {hour_words(start)}"
    if first == last:
        return f"{_day(first)}, {hour_words(start)} – {hour_words(end)}"
    return _("from {start_day}, {start} to {end_day}, {end}").format(
        start_day=_day(first),
        start=hour_words(start),
        end_day=_day(last),
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
