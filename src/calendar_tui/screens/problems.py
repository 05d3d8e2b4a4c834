"""The problems screen: every diagnostic found while loading, with its file and line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from calendar_tui.i18n import N_, _, ngettext
from calendar_tui.model.shown_path import display_path
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Diagnostic
from calendar_tui.widgets.formatting import problems_count

SEVERITY = {"error": (N_("error"), "bold red"), "warning": (N_("warning"), "yellow")}


class ProblemsScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "dismiss", _("Back"), id="problems.close")]

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__()
        self.diagnostics = diagnostics

    def compose(self) -> ComposeResult:
        errors = sum(1 for d in self.diagnostics if d.severity == "error")
        count = problems_count(len(self.diagnostics))
        summary = Text(_("Problems while loading: {count}").format(count=count), "bold")
        among = ngettext(" (of which {errors} error)", " (of which {errors} errors)", errors)
        summary.append(among.format(errors=errors) if errors else "")
        yield Label(summary, id="problems-summary")
        table: DataTable[Text] = DataTable(
            id="problems-table", cursor_type="row", zebra_stripes=True
        )
        table.add_columns(_("File"), _("Line"), _("Severity"), _("Message"))
        for diagnostic in self.diagnostics:
            words, style = SEVERITY.get(diagnostic.severity, (diagnostic.severity, ""))
            table.add_row(
                Text(display_path(diagnostic.path, from_cwd=True)),
                Text(str(diagnostic.line or ""), justify="right"),
                Text(_(words), style),
                Text(one_line(diagnostic.message)),
            )
        if not self.diagnostics:
            yield Label(Text(_("No problem.")), id="problems-none")
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
