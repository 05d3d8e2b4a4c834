"""The French date and time grammar of event posts.

`parse_when` finds the first day expression in a phrase ("le mardi 24 novembre 2020",
"Du 02/11 au 30/11", "les 7, 8 et 9 septembre") with the times that go with it;
`parse_times` (from french_times.py) reads times alone ("14h-14h30", "de 9h jusqu'à 18h").
Nothing here raises on text: what cannot be a date or a time becomes a problem sentence for the
post's author.

The text is first folded (lower case, no accents, one kind of space, dash and apostrophe,
URLs and HTML tags blanked) into a string of the same length, so spans found in the folded
text are spans of the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from calendar_tui.i18n import N_, _
from calendar_tui.model.date_text import FoldedText as _Text
from calendar_tui.model.date_text import fold_for_dates as _fold
from calendar_tui.model.french_times import TimeRange, parse_times, scan_times
from calendar_tui.model.problem import Problem

__all__ = ["MONTHS", "WEEKDAYS", "TimeRange", "When", "infer_year", "parse_times", "parse_when"]

WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "fev": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "aout": 8, "août": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11, "decembre": 12, "décembre": 12, "dec": 12, "déc": 12,
}  # fmt: skip
_ENGLISH_DAYS = (  # translated where a problem names the day
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


@dataclass(frozen=True, slots=True)
class When:
    """What one phrase says about when something happens."""

    days: tuple[date, ...]  # in order; a range holds (first, last)
    is_range: bool  # every day from days[0] to days[-1] inclusive
    times: tuple[TimeRange, ...]
    all_day: bool  # "toute la journée", or no time at all
    problems: tuple[str, ...]  # author-facing sentences
    start: int  # span of the whole expression in the input text
    end: int


# --- Folding -------------------------------------------------------------------------------

# --- Days ----------------------------------------------------------------------------------

_WD = "|".join(WEEKDAYS)
_SHORT = ("janv", "fevr", "fev", "avr", "juil", "sept", "oct", "nov", "dec")  # may end with '.'
_FULL = "|".join(k for k in MONTHS if k.isascii() and k not in _SHORT)
_MON = rf"(?:{_FULL})(?![a-z])|(?:{'|'.join(_SHORT)})(?![a-z])\.?"
_WEEKDAY_PREFIX = rf"(?:(?<![a-z])(?P<wd>{_WD})(?![a-z])[\s,*_]+)?"
_DAY = re.compile(
    _WEEKDAY_PREFIX
    + rf"""(?:
      (?<![0-9a-z/:.])(?P<d>[0-9]{{1,3}})(?:er|ere|eme|e)?\s+(?P<mon>{_MON})
        (?:\s+(?P<y>[0-9]{{4,5}})(?![0-9]))?
    | (?<![0-9a-z/:.,])(?P<nd>[0-9]{{1,2}})/(?P<nm>[0-9]{{1,2}})(?:/(?P<ny>[0-9]{{1,5}}))?
        (?![0-9/])(?!\s*journ)
    | (?<![0-9])(?P<iy>[0-9]{{4}})-(?P<im>[0-9]{{2}})-(?P<id>[0-9]{{2}})(?![0-9])
    )""",
    re.X,
)
_DIGIT = re.compile("[0-9]")
# What every day written holds: a month's name (each holds one of these stems), a "/" or a "-".
# Sought before _DAY, whose every try at each position costs far more (see _find_day).
_DAY_MARK = re.compile("[/-]|janv|fev|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec")
_ITEM = rf"(?:(?:{_WD})[\s,*_]+)?(?:le\s+)?[0-9]{{1,2}}(?:er|ere|e)?"
_ITEM_PARTS = re.compile(rf"(?:(?P<wd>{_WD})[\s,*_]+)?(?:le\s+)?(?P<d>[0-9]{{1,2}})")
# "les 7, 8 et " / "13 & " just before "9 septembre"
_LIST_PREFIX = re.compile(
    rf"(?<![0-9a-z/:.])(?:les?\s+)?(?P<items>(?:{_ITEM}\s*,\s*)*{_ITEM}\s*(?:et|&)\s+(?:le\s+)?)\Z"
)
_BARE_RANGE_PREFIX = re.compile(rf"(?<![a-z])du\s+(?P<items>{_ITEM})\s+au\s+\Z")  # "du 13 au "
_FROM = re.compile(r"(?<![a-z])du\s+\Z")  # "du " before a full first day
_TO = re.compile(r"\s*(?:au|jusqu'au)\s+(?:le\s+)?")  # " au " after it
_ARTICLE = re.compile(r"(?<![a-z])les?[\s*_]+\Z")
_WINDOW = 160  # how far back list and range prefixes are looked for
_NEAR = 20  # times before a day go with it when at most this many characters separate them


class _Day(NamedTuple):
    """One named day as written, before its year is settled (a NamedTuple, as `_Days`: a
    frozen dataclass costs ten times more to make, and the grammar makes several per date)."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: tuple[int, int] | None  # span of the weekday word


def _find_day(norm: str, start: int, end: int) -> re.Match[str] | None:
    """`_DAY.search(norm, start, end)`, looked for only where a day can be."""
    if _DAY_MARK.search(norm, start, end) is None:
        return None
    return _DAY.search(norm, start, end)


# The groups _day_from reads, by number: one call for all of them, no name looked up.
_DAY_NAMES = ("wd", "mon", "d", "y", "nd", "nm", "ny", "iy", "im", "id")
_DAY_GROUPS = tuple(_DAY.groupindex[name] for name in _DAY_NAMES)


def _day_from(m: re.Match[str]) -> _Day:
    wd_text, mon, d, y, nd, nm, ny, iy, im, iday = m.group(*_DAY_GROUPS)
    wd = m.span(_DAY_GROUPS[0]) if wd_text else None
    if mon:
        year = int(y) if y else None
        return _Day(m.start(), m.end(), int(d), MONTHS[mon.rstrip(".")], year, wd)
    if nd:
        year = int(ny) if ny else None
        if ny and len(ny) == 2:  # 05/11/20: as strptime's %y
            year += 2000 if year < 69 else 1900
        return _Day(m.start(), m.end(), int(nd), int(nm), year, wd)
    return _Day(m.start(), m.end(), int(iday), int(im), int(iy), wd)


def _bare_days(t: _Text, items: str, offset: int, anchor: _Day) -> list[_Day]:
    """The bare day numbers of a list or range prefix, in the month and year of `anchor`."""
    found = []
    for m in _ITEM_PARTS.finditer(items):
        wd = (offset + m.start("wd"), offset + m.end("wd")) if m["wd"] else None
        found.append(
            _Day(offset + m.start("d"), offset + m.end("d"), int(m["d"]), anchor.month, None, wd)
        )
    return found


def _make_date(t: _Text, d: _Day, year: int, problems: list[str]) -> date | None:
    if not 1 <= year <= 9999:
        problems.append(
            Problem(
                "date.year_range",
                _("'{text}' is not a date: year {year} is out of range").format(
                    text=t.quote(d.start, d.end), year=year
                ),
            )
        )
        return None
    try:
        value = date(year, d.month, d.day)
    except ValueError:
        problems.append(
            Problem(
                "date.impossible",
                _("'{text}' is not a date").format(text=t.quote(d.start, d.end)),
            )
        )
        return None
    if d.weekday is not None:
        word = t.norm[d.weekday[0] : d.weekday[1]]
        if WEEKDAYS[word] != value.weekday():
            problems.append(
                Problem(
                    "date.weekday_mismatch",
                    _("'{text}' does not match {date} (a {weekday})").format(
                        text=t.quote(*d.weekday),
                        date=f"{value.day:02d}/{value.month:02d}/{value.year:04d}",
                        weekday=_(_ENGLISH_DAYS[value.weekday()]),
                    ),
                )
            )
    return value


def infer_year(day: int, month: int, reference: date) -> int:
    """Year for a day/month given without one: the year that puts the date nearest to the
    reference (so a post written in December listing January dates rolls over to next year)."""
    if isinstance(reference, datetime):  # no date minus a datetime: none is nearer
        return reference.year
    target = reference.toordinal()  # days counted as ordinals: no timedelta made per year
    try:
        gap = abs(date(reference.year, month, day).toordinal() - target)
    except (ValueError, OverflowError, TypeError):
        gap = None
    if gap is not None and gap <= 182:  # the same day a year off is 365 days or more further
        return reference.year
    best: tuple[int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs(date(year, month, day).toordinal() - target)
        except (ValueError, OverflowError, TypeError):
            continue
        if best is None or gap <= best[0]:  # ties go to the later year
            best = (gap, year)
    return best[1] if best else reference.year


class _Days(NamedTuple):
    """What the day part of a phrase says, and where it is in the folded text."""

    days: tuple[date, ...]
    is_range: bool
    problems: tuple[str, ...]
    start: int
    end: int


def _days_expression(t: _Text, m: re.Match[str], reference: date) -> _Days:
    """The day expression around the first day match: one day, a list or a range."""
    anchor = _day_from(m)
    lo = max(0, anchor.start - _WINDOW)
    window = t.norm[lo : anchor.start]
    textual = m["mon"] is not None
    year = (
        anchor.year if anchor.year is not None else infer_year(anchor.day, anchor.month, reference)
    )
    if textual and (p := _BARE_RANGE_PREFIX.search(window)):  # "du 13 au 15 juin"
        (first,) = _bare_days(t, p["items"], lo + p.start("items"), anchor)
        same_year = [first._replace(year=year), anchor._replace(year=year)]
        return _range(t, *same_year, lo + p.start(), reference)
    if (
        (since := _FROM.search(window))
        and (to := _TO.match(t.norm, anchor.end))
        and (second := _DAY.match(t.norm, to.end()))
    ):  # "du 29 novembre au 15 décembre", "Du 02/11 au 30/11"
        return _range(t, anchor, _day_from(second), lo + since.start(), reference)
    named, start = [anchor], anchor.start
    if textual and (p := _LIST_PREFIX.search(window)):  # "les 7, 8 et 9 septembre"
        named = [*_bare_days(t, p["items"], lo + p.start("items"), anchor), anchor]
        start = lo + p.start()
    elif article := _ARTICLE.search(window):
        start = lo + article.start()
    problems: list[str] = []
    days = tuple(day for n in named if (day := _make_date(t, n, year, problems)) is not None)
    return _Days(days, False, tuple(problems), start, anchor.end)


def _range(t: _Text, first: _Day, last: _Day, start: int, reference: date) -> _Days:
    """'du <first> au <last>': a year given on either day counts for both, else it is inferred."""
    first_before_last = (first.month, first.day) <= (last.month, last.day)
    if first.year is not None:
        first_year = first.year
    elif last.year is not None:
        first_year = last.year if first_before_last else last.year - 1
    else:
        first_year = infer_year(first.day, first.month, reference)
    last_year = last.year if last.year is not None else first_year + (not first_before_last)
    problems: list[str] = []
    begin = _make_date(t, first, first_year, problems)
    finish = _make_date(t, last, last_year, problems)
    if begin is None or finish is None:
        days = tuple(day for day in (begin, finish) if day is not None)
        return _Days(days, False, tuple(problems), start, last.end)
    if finish < begin:
        problems.append(
            Problem(
                "date.range_reversed",
                _("'{text}' ends before it starts").format(text=t.quote(start, last.end)),
            )
        )
    if finish <= begin:
        return _Days((begin,), False, tuple(problems), start, last.end)
    return _Days((begin, finish), True, tuple(problems), start, last.end)


_ALL_DAY = re.compile(r"(?<![a-z])toute la journee(?![a-z])")
_BOUNDARY = re.compile(
    r"[.!?](?=\s|\Z)|[;|\[\x00]|\](?!\()|\n\s*\n|\n(?=\s*(?:[*#>+|-]|[0-9]+\.\s))"
)


# --- Phrases -------------------------------------------------------------------------------


def _phrase(t: _Text, start: int, end: int) -> tuple[int, int]:
    """Bounds of the phrase holding norm[start:end]: up to a sentence end or the next day."""
    lo = 0
    for b in _BOUNDARY.finditer(t.norm, 0, start):
        lo = b.end()
    hi = len(t.norm)
    if b := _BOUNDARY.search(t.norm, end):
        hi = b.start()
    if (d := _find_day(t.norm, end, hi)) is not None:
        hi = d.start()
    return lo, hi


def parse_when(text: str, reference: date) -> When | None:
    """First date expression in `text` with the times that go with it (after it, or just before it
    in the same phrase). None when the text names no day at all. When the text names a day that
    cannot exist ('31/11', 'jeudi 116 décembre'), return a When with that problem and no days
    (or only the valid ones). `reference` is used to infer missing years."""
    if _DIGIT.search(text) is None:  # every day pattern holds an ASCII digit; folding adds none
        return None
    t = _fold(text)
    m = _find_day(t.norm, 0, len(t.norm))
    if m is None:
        return None
    named = _days_expression(t, m, reference)
    start, end = named.start, named.end
    lo, hi = _phrase(t, start, end)
    timed = scan_times(t, end, hi)
    if timed:
        end = timed[-1].end
    else:  # "à 14h, le 5 novembre"
        before = scan_times(t, lo, start)
        if before and len(t.norm[before[-1].end : start].strip(" ,:*_-()'")) <= _NEAR:
            timed, start = before, before[0].start
    all_day = _ALL_DAY.search(t.norm, lo, hi) if "toute la journee" in t.norm else None
    if all_day:
        start, end = min(start, all_day.start()), max(end, all_day.end())
    times = tuple(found.range for found in timed if found.range is not None)
    raw_start, raw_end = t.span(start, end)
    return When(
        days=named.days,
        is_range=named.is_range,
        times=times,
        all_day=bool(all_day) or not times,
        problems=named.problems + tuple(p for found in timed for p in found.problems),
        start=raw_start,
        end=raw_end,
    )
