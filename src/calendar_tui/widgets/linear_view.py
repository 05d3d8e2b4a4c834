"""The linear view: the shown programme as a scrolling list of paragraphs, for screen readers
and plain terminals.

One session a paragraph, in the sentences of `model.agenda_text` (the `agenda` command's), so
every mark the calendar draws as a symbol also has words: the symbol opens the paragraph
(★ favourite, ▶ now, › next, ⚠ clash, ▬ all day) and a sentence says it. It shows what the
screen's filters and search keep, a month at a time (the month of the screen's day, as the grid:
`[` `]`, `n` `p` move it; thousands of paragraphs at once would take seconds to lay out);
moving in it selects the session on the screen.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from calendar_tui.i18n import _
from calendar_tui.model.agenda_text import Marks, agenda_paragraphs, marks_for
from calendar_tui.model.date_names import month_year
from calendar_tui.model.programme import NowNext
from calendar_tui.model.store import QueryResult
from calendar_tui.model.types import Occurrence


def mark_symbols(occurrence: Occurrence, marks: Marks) -> str:
    """The symbols the calendar shows for these marks, each said again in the sentences."""
    symbols = [
        symbol
        for symbol, shown in (
            ("★", marks.favourite),
            ("▶", marks.now),
            ("›", marks.next and not marks.now),
            ("⚠", bool(marks.clashes)),
            ("▬", occurrence.all_day),
        )
        if shown
    ]
    return " ".join(symbols) + " " if symbols else ""


def month_span(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    return first, following - timedelta(days=1)


def shown_day(occurrence: Occurrence, day: date) -> date:
    """The day to select `occurrence` on without leaving `day`'s month: its first day, or the
    month's first when it began before (it spans it)."""
    first, _ = month_span(day)
    return max(occurrence.first_day, first)


class LinearView(Vertical):
    """Hidden until the screen turns the linear view on (`active`): only then is it built."""

    active: reactive[bool] = reactive(False)
    result: reactive[QueryResult | None] = reactive(None)
    title: reactive[str] = reactive("")
    filters: reactive[str] = reactive("")
    favourites: reactive[frozenset[str]] = reactive(frozenset)
    clashes: reactive[dict[str, tuple[Occurrence, ...]]] = reactive(dict)
    now: reactive[frozenset[str]] = reactive(frozenset)
    next: reactive[frozenset[str]] = reactive(frozenset)
    current: reactive[str | None] = reactive(None)  # the screen's selected occurrence id
    day: reactive[date] = reactive(date(2000, 1, 1))  # the screen's: its month is shown

    class Highlighted(Message):
        """The user moved to another session."""

        def __init__(self, occurrence: Occurrence) -> None:
            super().__init__()
            self.occurrence = occurrence

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.occurrences: tuple[Occurrence, ...] = ()
        self._stale = True
        self._scheduled = False

    def compose(self) -> ComposeResult:
        yield Static(id="linear-heading")
        yield OptionList(id="linear-sessions")

    def on_mount(self) -> None:
        self._changed()

    def focus_sessions(self) -> None:
        self.query_one(OptionList).focus()

    # Any input changes the paragraphs: rebuilt once, after the screen's state settled.
    def watch_active(self) -> None:
        self._changed()

    def watch_result(self) -> None:
        self._changed()

    def watch_title(self) -> None:
        self._changed()

    def watch_filters(self) -> None:
        self._changed()

    def watch_favourites(self) -> None:
        self._changed()

    def watch_clashes(self) -> None:
        self._changed()

    def watch_now(self) -> None:
        self._changed()

    def watch_next(self) -> None:
        self._changed()

    def watch_day(self, day: date, previous: date) -> None:
        if (day.year, day.month) != (previous.year, previous.month):
            self._changed()

    def watch_current(self, current: str | None) -> None:
        if self.active and not self._stale:
            self._highlight(current)

    def _changed(self) -> None:
        self._stale = True
        if self.active and self.is_mounted and not self._scheduled:
            self._scheduled = True
            self.call_after_refresh(self._rebuild)

    def _rebuild(self) -> None:
        self._scheduled = False
        if not self.active or self.result is None:
            return
        first, last = month_span(self.day)
        occurrences = tuple(
            o for o in self.result.occurrences if o.first_day <= last and o.last_day >= first
        )
        now_next = NowNext(self.now, self.next)
        marks = {o.id: marks_for(o, self.favourites, self.clashes, now_next) for o in occurrences}
        month = month_year(first)
        paragraphs = agenda_paragraphs(
            f"{self.title}, {month}", occurrences, filters=self.filters, marks=marks
        )
        heading = f"{paragraphs[0]}\n" + _("Keys [ and ]: previous and next month.")
        self.query_one("#linear-heading", Static).update(Text(heading))
        options: list[Option | None] = []
        for occurrence, paragraph in zip(occurrences, paragraphs[1:], strict=True):
            if options:
                options.append(None)  # a separator line between paragraphs
            options.append(Option(Text(mark_symbols(occurrence, marks[occurrence.id]) + paragraph)))
        self.occurrences = occurrences
        self.query_one(OptionList).set_options(options)
        self._stale = False
        self._highlight(self.current)

    def _highlight(self, occurrence_id: str | None) -> None:
        """The selected session's paragraph; the first when the list does not hold it (the
        screen's day has no session the filters keep): that one is then selected."""
        options = self.query_one(OptionList)
        ids = [occurrence.id for occurrence in self.occurrences]
        index = ids.index(occurrence_id) if occurrence_id in ids else 0 if ids else None
        if index is not None and options.highlighted != index:  # (separators take no index)
            options.highlighted = index

    @on(OptionList.OptionHighlighted, "#linear-sessions")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.occurrences):
            occurrence = self.occurrences[index]
            if occurrence.id != self.current:
                self.post_message(self.Highlighted(occurrence))
