"""Days and hours in French words, with babel (plain Python, for the CLI's agenda and the app)."""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date

LOCALE = "fr_FR"


def day_words(day: date, year: bool = True) -> str:
    """ "jeudi 26 novembre 2020"."""
    pattern = "EEEE d MMMM y" if year else "EEEE d MMMM"
    text = format_date(day, pattern, locale=LOCALE)
    # babel says "1 novembre"; French writes "1er novembre".
    if day.day == 1:
        text = text.replace(" 1 ", " 1er ", 1)
    return text


def spoken_hour(value: time | datetime) -> str:
    """ "9 h 30", "12 h": how a French sentence says a time (no ":00")."""
    return f"{value.hour} h {value.minute:02d}" if value.minute else f"{value.hour} h"
