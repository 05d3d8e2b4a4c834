"""The problems screen: every diagnostic found while loading, with its file and line."""

from __future__ import annotations

import os
import textwrap

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label

from calendar_tui.i18n import N_, _, ngettext
from calendar_tui.model.shown_path import display_path
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Diagnostic
from calendar_tui.paths import later_styles
from calendar_tui.screens.dismiss_once import DismissOnce
from calendar_tui.widgets.formatting import problems_count

SEVERITY = {"error": (N_("error"), "bold red"), "warning": (N_("warning"), "yellow")}


class ProblemsScreen(DismissOnce, Screen[None]):
    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar
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
        if self._root:
            summary.append(" — " + _("in {folder}").format(folder=self._root_shown), "dim")
        yield Label(summary, id="problems-summary")
        table: DataTable[Text] = DataTable(
            id="problems-table", cursor_type="row", zebra_stripes=True
        )
        if not self.diagnostics:
            yield Label(Text(_("No problem.")), id="problems-none")
        yield table
        yield Footer()

    @property
    def _root(self) -> str:
        """The folder every problem's file is in: paths are shown from there."""
        folders = [os.path.dirname(d.path) for d in self.diagnostics if d.path]
        try:
            return os.path.commonpath(folders) if folders else ""
        except ValueError:  # absolute and relative paths mixed
            return ""

    @property
    def _root_shown(self) -> str:
        return display_path(self._root, from_cwd=True).rstrip("/") + "/"

    def _fill(self, width: int) -> None:
        """Rows wrapped to `width` columns: every column on screen, no sideways scrolling."""
        table = self.query_one(DataTable)
        table.clear(columns=True)
        root = self._root
        paths = [os.path.relpath(d.path, root) if root else d.path for d in self.diagnostics]
        path_width = max(8, min(max(map(len, paths), default=8), width // 4))
        message_width = max(16, width - path_width - 5 - 13 - 4 * 2 - 2)
        table.add_column(_("File"), width=path_width)
        table.add_column(_("Line"), width=5)
        table.add_column(_("Severity"), width=13)
        table.add_column(_("Message"), width=message_width)
        for diagnostic, path in zip(self.diagnostics, paths, strict=True):
            words, style = SEVERITY.get(diagnostic.severity, (diagnostic.severity, ""))
            file_lines = _wrap(one_line(path), path_width)
            message_lines = _wrap(one_line(diagnostic.message), message_width)
            table.add_row(
                Text("\n".join(file_lines)),
                Text(str(diagnostic.line or ""), justify="right"),
                Text(_(words), style),
                Text("\n".join(message_lines)),
                height=max(len(file_lines), len(message_lines)),
            )

    def on_resize(self, event: events.Resize) -> None:
        self._fill(event.size.width)

    def on_mount(self) -> None:
        self._fill(self.app.size.width)
        self.query_one(DataTable).focus()


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells, broken at spaces; a path (no space) after its slashes."""
    if " " in text:
        return textwrap.wrap(text, width, break_on_hyphens=False) or [""]
    pieces = textwrap.wrap(text.replace("/", "/ "), width, break_on_hyphens=False)
    return [piece.replace("/ ", "/") for piece in pieces] or [""]
