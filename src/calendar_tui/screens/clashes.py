"""The clashes view (`C`): every pair of starred sessions that overlap, day by day."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from calendar_tui.model.text import one_line
from calendar_tui.model.types import Occurrence
from calendar_tui.widgets.formatting import day_words, time_range_short


def clashes_summary(count: int) -> str:
    if count == 0:
        return "Aucun chevauchement entre vos favoris."
    pairs = f"{count} paire" + ("s" if count > 1 else "")
    return f"Favoris qui se chevauchent : {pairs}"


class ClashesScreen(Screen[tuple[date, str] | None]):
    """Dismissed with (day, occurrence id) when a pair is chosen, so the calendar can go there."""

    BINDINGS = [Binding("escape,q,C", "dismiss", "Retour", id="clashes.close")]

    def __init__(self, pairs: list[tuple[Occurrence, Occurrence]]) -> None:
        super().__init__()
        self.pairs = pairs

    def compose(self) -> ComposeResult:
        yield Label(Text(clashes_summary(len(self.pairs)), "bold"), id="clashes-summary")
        table: DataTable[Text] = DataTable(
            id="clashes-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns("Jour", "Session", "chevauche", "Session")
        for first, second in self.pairs:
            day = first.first_day
            table.add_row(
                Text(day_words(day, year=False)),
                self._session(first, day),
                Text("⟷", justify="center"),
                self._session(second, day),
            )
        yield table
        yield Label(Text("Entrée : aller à la session · échap : retour", "dim"), id="clashes-help")
        yield Footer()

    @staticmethod
    def _session(occurrence: Occurrence, day: date) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{time_range_short(occurrence, day)} ", "bold")
        text.append(one_line(occurrence.title) or "(sans titre)")
        return text

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.pairs):
            first, _ = self.pairs[event.cursor_row]
            self.dismiss((first.first_day, first.id))
