"""Day and month names in the current language, from tables kept as data (no babel lookup).

"jeudi 26 novembre 2020" / "Thursday 26 November 2020" (babel's "EEEE d MMMM y" for fr_FR and
en: day before month, as a European programme is read in either language), "novembre 2020" /
"November 2020" ("LLLL y").
"""

from __future__ import annotations

from datetime import date
from types import ModuleType

from calendar_tui.i18n import current_language
from calendar_tui.model import english_names, french_names


def names(language: str | None = None) -> ModuleType:
    """The table module (`DAY_NAMES`, `MONTH_NAMES`) of `language` (default: the current one)."""
    return english_names if (language or current_language()) == "en" else french_names


def day_names(kind: str, language: str | None = None) -> tuple[str, ...]:
    """Monday-first names: "wide" (lundi / Monday), "abbreviated" (lun. / Mon), "short"."""
    return names(language).DAY_NAMES[kind]


def month_year(day: date, language: str | None = None) -> str:
    """ "novembre 2020" / "November 2020"."""
    return f"{names(language).MONTH_NAMES[day.month - 1]} {day.year}"


def weekday_day_month(day: date, year: bool = True, language: str | None = None) -> str:
    """ "jeudi 26 novembre 2020" / "Thursday 26 November 2020" (or without the year)."""
    table = names(language)
    text = f"{table.DAY_NAMES['wide'][day.weekday()]} {day.day} {table.MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text
