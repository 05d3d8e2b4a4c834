"""A day typed by a person ("go to a date" in the command palette)."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def parse_day(text: str, default_year: int) -> date | None:
    """ "26/11", "26/11/2020" or "2020-11-26" -> a date; None when there is none."""
    try:
        if match := _ISO.search(text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DAY.search(text):
            year = int(match[3]) if match[3] else default_year
            if match[3] and len(match[3]) == 2:  # "26/11/20"; "01/01/0001" is year 1
                year += 2000
            return date(year, int(match[2]), int(match[1]))
    except ValueError:
        return None
    return None
