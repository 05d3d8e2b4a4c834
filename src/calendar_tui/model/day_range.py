"""Day and month arithmetic that never leaves the days a `date` can hold (years 1 to 9999).

Navigation (next month, PageUp from 01/01/0001, End on an event of 31/12/9999) goes through
these, so no key can ask for year 0 or 10000: a step past either end stops at it.
"""

from __future__ import annotations

from datetime import MAXYEAR, MINYEAR, date, timedelta

FIRST_DAY = date.min  # 0001-01-01
LAST_DAY = date.max  # 9999-12-31


def clamp_day(day: date, first: date = FIRST_DAY, last: date = LAST_DAY) -> date:
    return min(max(day, first), last)


def add_days(day: date, days: int) -> date:
    """`day + days`, stopping at the first or last representable day."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return LAST_DAY if days > 0 else FIRST_DAY


def day_or_none(day: date, days: int) -> date | None:
    """`day + days`, or None beyond the representable days (a grid cell left blank)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def clamp_month(year: int, month: int) -> tuple[int, int]:
    """(year, month) moved into January 0001 .. December 9999."""
    index = min(max(year * 12 + month - 1, MINYEAR * 12), MAXYEAR * 12 + 11)
    year, month0 = divmod(index, 12)
    return year, month0 + 1


def add_months(day: date, months: int) -> date:
    """Same day number in another month (clamped to its length), the month clamped to the
    representable ones: from March 9999, +12 months is December 9999."""
    year, month = clamp_month(day.year, day.month + months)
    return date(year, month, min(day.day, month_length(year, month)))


def month_length(year: int, month: int) -> int:
    """Days in that month (the standard library's `calendar` module, not imported for this)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days
