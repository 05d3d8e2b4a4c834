"""Days and hours in words, in the current language (names kept as data, see `date_names`),
for the CLI's agenda and the app."""

from __future__ import annotations

from datetime import date, datetime, time

from calendar_tui.i18n import current_language
from calendar_tui.model.date_names import weekday_day_month


def day_words(day: date, year: bool = True) -> str:
    """ "jeudi 26 novembre 2020" / "Thursday 26 November 2020"."""
    text = weekday_day_month(day, year)
    # babel says "1 novembre"; French writes "1er novembre".
    if day.day == 1 and current_language() != "en":
        text = text.replace(" 1 ", " 1er ", 1)
    return text


def spoken_hour(value: time | datetime) -> str:
    """ "9 h 30", "12 h": how a French sentence says a time (no ":00"); "9:30", "12:00" in
    English (24-hour, as a European programme prints it)."""
    if current_language() == "en":
        return f"{value.hour}:{value.minute:02d}"
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"
