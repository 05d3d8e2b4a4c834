"""The problems screen: every diagnostic found while loading, with its file and line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from calendar_tui.model.shown_path import display_path
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Diagnostic
from calendar_tui.screens.dismiss_once import DismissOnce
from calendar_tui.widgets.formatting import problems_count

SEVERITY = {"error": ("erreur", "bold red"), "warning": ("avertissement", "yellow")}


class ProblemsScreen(DismissOnce, Screen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", "Retour", id="problems.close")]

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__()
        self.diagnostics = diagnostics

    def compose(self) -> ComposeResult:
        errors = sum(1 for d in self.diagnostics if d.severity == "error")
        summary = Text(f"Problèmes au chargement : {problems_count(len(self.diagnostics))}", "bold")
        summary.append(f" (dont {errors} erreur{'s' if errors > 1 else ''})" if errors else "")
        yield Label(summary, id="problems-summary")
        table: DataTable[Text] = DataTable(
            id="problems-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns("Fichier", "Ligne", "Gravité", "Message")
        for diagnostic in self.diagnostics:
            words, style = SEVERITY.get(diagnostic.severity, (diagnostic.severity, ""))
            table.add_row(
                Text(display_path(diagnostic.path, from_cwd=True)),
                Text(str(diagnostic.line or ""), justify="right"),
                Text(words, style),
                Text(one_line(diagnostic.message)),
            )
        if not self.diagnostics:
            yield Label(Text("Aucun problème."), id="problems-none")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
