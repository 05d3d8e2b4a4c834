"""What the body recognisers share: the post's context (diagnostics, dates, time zone), the
header a recogniser returns, and turning what the grammar read into Slots."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from calendar_tui.i18n import _
from calendar_tui.model.french_dates import When, parse_times, parse_when
from calendar_tui.model.problem import Problem, code_of
from calendar_tui.model.text import one_line
from calendar_tui.model.types import AgendaItem, Diagnostic, Slot

_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTHS = r"(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[ûu]t|sept|oct|nov|d[ée]c)"
# What a date at the start of a header looks like, valid or not ("31/11", "jeudi 116 décembre").
_DATEISH = re.compile(
    rf"^(?:(?:le|du|les|d[èe]s le|[àa] partir du)\s+)?(?:{_WEEKDAYS}\s*,?\s+)?"
    rf"\d{{1,3}}(?:er)?\s*(?:/\s*\d{{1,2}}|(?:(?:et|au|-|–)\s*\d{{1,2}}(?:er)?\s+)?{_MONTHS})",
    re.IGNORECASE,
)
# Words allowed before the date's own span in a header ("Le", "Du", a weekday).
_DATE_PREFIX = re.compile(
    rf"^(?:(?:le|du|les|d[èe]s le|[àa] partir du)\s*)?(?:{_WEEKDAYS}\s*,?\s*)?$", re.IGNORECASE
)


@dataclass
class Header:
    """Where a session starts, as a recogniser found it (its end is found afterwards)."""

    index: int  # line index (0-based in the body) where the session starts
    kind: str  # bracket | titled | inline | labelled | timed | invalid
    title: str = ""
    tags: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    body_start: int = 0  # first line of the description
    end: int = 0  # first line after the section
    list_item: bool = False
    html_item: bool = False
    location: str = ""
    agenda: list[AgendaItem] = field(default_factory=list)
    pending: tuple[tuple, tuple[str, ...], int] | None = None  # times waiting for their day


@dataclass
class Context:
    path: str
    first_line: int
    reference: date
    tz: tzinfo
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, index: int, severity: str, message: str) -> None:
        """`message` a `Problem` (or a plain sentence: code `date.problem`)."""
        code = code_of(message, "date.problem")
        diagnostic = Diagnostic(self.path, self.first_line + index, severity, message, code)  # type: ignore[arg-type]
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    def when(self, text: str, index: int) -> When | None:
        try:
            return parse_when(text, self.reference)
        except Exception:  # the grammar must not take a post down with it (nor show its error)
            failed = _("could not read the date in {text!r}").format(text=text.strip())
            self.report(index, "error", Problem("date.reader_failed", failed))
            return None

    def times(self, text: str, index: int) -> tuple[tuple, tuple[str, ...]]:
        try:
            return parse_times(text)
        except Exception:
            failed = _("could not read the times in {text!r}").format(text=text.strip())
            self.report(index, "error", Problem("time.reader_failed", failed))
            return (), ()

    def at(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, tzinfo=self.tz)

    def leading_when(self, text: str, index: int) -> tuple[When | None, bool]:
        """The date `text` starts with: (when, looked_like_a_date)."""
        text = text.strip()
        if not _DATEISH.match(text):
            return None, False
        when = self.when(text, index)
        if when is None or not when.days:
            return when, True
        if not _DATE_PREFIX.match(text[: max(0, when.start)]):
            return None, False  # the first date is further in: this line does not start with it
        return when, True

    def date_problem(self, index: int, text: str, when: When | None) -> None:
        problems = tuple(when.problems) if when is not None else ()
        not_a_date = _("{text!r} is not a date").format(text=one_line(text))
        for problem in problems or (Problem("date.unreadable", not_a_date),):
            self.report(index, "error", problem)

    def slots_for(
        self, index: int, days: list[date], is_range: bool, times: tuple, all_day: bool
    ) -> tuple[Slot, ...]:
        if not days:
            return ()
        if is_range:
            days = _day_range(min(days), max(days))
        if all_day or not times:
            if is_range and len(days) > 1:
                return (Slot(days[0], days[-1], all_day=True),)
            return tuple(Slot(day, day, all_day=True) for day in sorted(set(days)))
        slots = []
        for day in days:
            for span in times:
                start = self.at(day, span.start)
                end = self.at(day, span.end) if span.end is not None else None
                if end is not None and end <= start:
                    message = _("{end} is not after {start}: the end time is ignored").format(
                        end=f"{span.end:%H:%M}", start=f"{span.start:%H:%M}"
                    )
                    self.report(index, "warning", Problem("time.end_before_start", message))
                    end = None
                slots.append(Slot(start, end))
        return tuple(slots)

    def slots_from_when(self, index: int, when: When) -> tuple[Slot, ...]:
        for problem in when.problems:
            self.report(index, "warning", problem)
        return self.slots_for(index, list(when.days), when.is_range, when.times, when.all_day)


def _day_range(first: date, last: date) -> list[date]:
    if last < first:
        return [first]
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
