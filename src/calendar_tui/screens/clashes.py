"""The clashes view (`C`): every pair of starred sessions that overlap, day by day."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from calendar_tui.i18n import _, ngettext
from calendar_tui.model.clashes import interval
from calendar_tui.model.types import Occurrence
from calendar_tui.paths import later_styles
from calendar_tui.screens.dismiss_once import DismissOnce
from calendar_tui.widgets.formatting import day_words, hour_short, time_range_short


def clashes_summary(count: int) -> str:
    if count == 0:
        return _("No clash between your favourites.")
    pairs = ngettext("{count} pair", "{count} pairs", count).format(count=count)
    return _("Favourites that clash: {pairs}").format(pairs=pairs)


def overlap_words(first: Occurrence, second: Occurrence) -> str:
    """ "11:00–11:45": when both take place."""
    spans = [interval(first), interval(second)]
    if None in spans:
        return ""
    start = max(span[0] for span in spans)
    end = min(span[1] for span in spans)
    return f"{hour_short(start)}–{hour_short(end)}"


class ClashesScreen(DismissOnce, Screen[tuple[date, str] | None]):
    """Dismissed with (day, occurrence id) when a pair is chosen, so the calendar can go there."""

    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar

    BINDINGS = [Binding("escape,q,C", "dismiss", _("Back"), id="clashes.close")]

    def __init__(self, pairs: list[tuple[Occurrence, Occurrence]]) -> None:
        super().__init__()
        self.pairs = pairs

    def compose(self) -> ComposeResult:
        yield Label(Text(clashes_summary(len(self.pairs)), "bold"), id="clashes-summary")
        table: DataTable[Text] = DataTable(
            id="clashes-table", cursor_type="row", zebra_stripes=True
        )
        # Each pair on two lines, the sessions cut to the screen's width (no sideways scrolling).
        width = max(20, self.app.size.width - 18 - 13 - 8)
        table.add_column(_("Day"), width=18)
        table.add_column(_("Overlap"), width=13)
        table.add_column(_("Sessions"), width=width)
        for first, second in self.pairs:
            day = first.first_day
            sessions = self._session(first, day, width)
            sessions.append("\n")
            sessions.append_text(self._session(second, day, width))
            table.add_row(
                Text(day_words(day, year=False)),
                Text(overlap_words(first, second)),
                sessions,
                height=2,
            )
        yield table
        yield Label(Text(_("Enter: go to the session · escape: back"), "dim"), id="clashes-help")
        yield Footer()

    @staticmethod
    def _session(occurrence: Occurrence, day: date, width: int) -> Text:
        text = Text(end="")
        text.append(f"{time_range_short(occurrence, day):<11} ", "bold")
        text.append(occurrence.title)
        text.truncate(width, overflow="ellipsis")
        return text

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.pairs):
            first, _ = self.pairs[event.cursor_row]
            self.dismiss((first.first_day, first.id))
