"""The header: the programme's name, the active filters in words, a discreet problems count."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from calendar_tui.i18n import _
from calendar_tui.model.text import one_line
from calendar_tui.widgets.formatting import problems_count


class ProblemsBadge(Static):
    """ "⚠ 3 problèmes": click (or `!`) to see them."""

    class Clicked(Message):
        pass

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())


class CalendarHeader(Horizontal):
    title: reactive[str] = reactive("")
    filters: reactive[str] = reactive("")  # words; "" when no filter is active
    problems: reactive[int] = reactive(0)

    def compose(self) -> ComposeResult:
        # Statics, not Labels: one widget class (and its default styles) fewer to register
        # before the first frame; app.tcss gives them a Label's minimum height.
        yield Static(Text(one_line(self.title), end=""), id="header-title")
        yield Static(id="header-filters")
        yield ProblemsBadge(id="header-problems")

    def on_mount(self) -> None:
        # `is_mounted` only turns true after this handler: show the values set before mounting.
        self._show_filters(self.filters)
        self._show_problems(self.problems)

    def watch_title(self, title: str) -> None:
        if self.is_mounted:
            self.query_one("#header-title", Static).update(Text(one_line(title), end=""))

    def watch_filters(self, filters: str) -> None:
        if self.is_mounted:
            self._show_filters(filters)

    def watch_problems(self, problems: int) -> None:
        if self.is_mounted:
            self._show_problems(problems)

    def _show_filters(self, filters: str) -> None:
        label = self.query_one("#header-filters", Static)
        # One line of fixed height (no wrap, ellipsis): a repaint, never a layout.
        label.update(
            Text(
                _("Filters: {filters}").format(filters=one_line(filters))
                if filters
                else _("All tags"),
                end="",
            ),
            layout=False,
        )
        if label.has_class("-active") != bool(filters):
            label.set_class(bool(filters), "-active")

    def _show_problems(self, problems: int) -> None:
        badge = self.query_one("#header-problems", ProblemsBadge)
        badge.update(Text(f"⚠ {problems_count(problems)}", end="") if problems else Text(""))
        badge.display = problems > 0
