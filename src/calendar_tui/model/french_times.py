"""The French time grammar of event posts: `parse_times` reads times alone ("14h-14h30",
"de 9h jusqu'à 18h", "midi"), and `scan_times` finds them in folded text (french_dates reads
the times of a date phrase with it). Nothing here raises on text: what cannot be a time becomes
a problem sentence for the post's author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import NamedTuple

from calendar_tui.i18n import _, current_language
from calendar_tui.model.date_text import FoldedText as _Text
from calendar_tui.model.date_text import fold_for_dates as _fold
from calendar_tui.model.problem import Problem


@dataclass(frozen=True, slots=True)
class TimeRange:
    start: time
    end: time | None  # None when only a start is known ("à 9h", "à partir de 14h")


_HOUR = r"(?<![0-9a-z.,:/])[0-9]{1,2}"
_ATOM = rf"""(?:
    {_HOUR}[ ]*(?:heures?|h)(?![a-z])(?:[ ]*[0-9]{{2}}(?![0-9]|[ ]*(?:h(?![a-z])|heure)))?
  | (?<!\+){_HOUR}:[0-9]{{2}}(?::[0-9]{{2}})?(?![0-9])
  | (?<![a-z-])(?<!apres\ )(?:midi|minuit)(?![a-z-])
)(?!/[0-9])"""
_ATOM_PARTS = re.compile(r"([0-9]{1,2})[ ]*(?:heures?|h|:)[ ]*([0-9]{2})?|(midi)|minuit")
_TIME_RANGE = re.compile(
    rf"""(?:(?<![a-z])(?P<lead>a\ partir\ de|entre|jusqu'au|jusqu'a|des|de|a|vers)\s+)?
    (?P<a>{_ATOM})
    (?:\s*(?P<sep>et\ jusqu'au|et\ jusqu'a|jusqu'au|jusqu'a|au|a|et|-+)(?![a-z])\s*(?P<b>{_ATOM}))?""",
    re.X,
)

_TIME_MARK = re.compile("[0-9]|mi(?:di|nuit)")


def _fmt(value: time) -> str:
    return f"{value.hour}h{value.minute:02d}" if value.minute else f"{value.hour}h"


def _atom_time(t: _Text, start: int, end: int, problems: list[str]) -> time | None:
    m = _ATOM_PARTS.search(t.norm, start, end)
    if m is None:
        return None
    if m[1] is None:
        return time(12) if m[3] else time(0)
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > 23 or minute > 59:
        problems.append(
            Problem("time.impossible", _("'{text}' is not a time").format(text=t.quote(start, end)))
        )
        return None
    return time(hour, minute)


class _Found(NamedTuple):
    """A time or time range found in the folded text."""

    start: int
    end: int
    range: TimeRange | None  # None when its start is not a time
    problems: tuple[str, ...]


def scan_times(t: _Text, lo: int, hi: int) -> list[_Found]:
    """Every time or time range in norm[lo:hi]."""
    found = []
    pos = lo
    # Every time holds a digit or "midi"/"minuit": sought first, as the pattern tries much at
    # each position (its lead words and lookbehinds).
    while _TIME_MARK.search(t.norm, pos, hi) and (m := _TIME_RANGE.search(t.norm, pos, hi)):
        lead, sep = m["lead"] or "", m["sep"] or ""
        a_span, b_span, end = m.span("a"), m.span("b"), m.end()
        if sep == "et" and lead != "entre":  # "à 9h et à 14h": two starts, not a range
            b_span, end = (-1, -1), m.end("a")
        if lead.startswith("jusqu") and b_span[0] < 0:  # an end with no start: not ours
            pos = end
            continue
        problems: list[str] = []
        first = _atom_time(t, *a_span, problems)
        last = _atom_time(t, *b_span, problems) if b_span[0] >= 0 else None
        if first is not None and last is not None and last <= first:
            problems.append(
                Problem(
                    "time.range_reversed",
                    _("end {end} before start {start}").format(end=_fmt(last), start=_fmt(first)),
                )
            )
            last = None
        found_range = TimeRange(first, last) if first is not None else None
        found.append(_Found(m.start(), end, found_range, tuple(problems)))
        pos = end
    return found


def parse_times(text: str) -> tuple[tuple[TimeRange, ...], tuple[str, ...]]:
    """All times / time ranges in text (no dates needed), and problems. Used for running orders
    like '14h-14h30', '**14h30 :**', '[9h-9h30]', and for 'Horaires' fields like '9h - 17h30'."""
    if len(text) <= _KEPT_TIMES_LENGTH:  # the same few times come back in every running order
        return _parse_short_times(text, current_language())
    return _read_times(text)


_KEPT_TIMES_LENGTH = 60  # longer texts are rarely read twice, and would be kept in memory


@lru_cache(maxsize=1024)
def _parse_short_times(text: str, language: str) -> tuple[tuple[TimeRange, ...], tuple[str, ...]]:
    """`_read_times`, kept: its values are immutable, its problems in `language`."""
    return _read_times(text)


def _read_times(text: str) -> tuple[tuple[TimeRange, ...], tuple[str, ...]]:
    t = _fold(text)
    ranges, problems = [], []
    for found in scan_times(t, 0, len(t.norm)):
        if found.range is not None:
            ranges.append(found.range)
        problems.extend(found.problems)
    return tuple(ranges), tuple(problems)
