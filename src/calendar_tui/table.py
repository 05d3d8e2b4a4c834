"""The `list` command's table for people (Rich, never Textual)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from calendar_tui.model.filters import Filter
from calendar_tui.model.store import EventStore
from calendar_tui.model.types import Occurrence


def when_text(occurrence: Occurrence) -> str:
    if occurrence.all_day:
        if occurrence.end and occurrence.end != occurrence.start:
            return f"{occurrence.start:%d/%m/%Y} → {occurrence.end:%d/%m/%Y}"
        return f"{occurrence.start:%d/%m/%Y} (journée)"
    end = f"–{occurrence.end:%H:%M}" if occurrence.end is not None else ""
    return f"{occurrence.start:%d/%m/%Y %H:%M}{end}"


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Left to the CLI, which ends every command's broken pipe the same way."""
        self.quiet = True
        raise BrokenPipeError


def print_table(store: EventStore, occurrences: Sequence[Occurrence], flt: Filter) -> None:
    described = flt.describe(store.labels)
    title = store.title + (f" — {described}" if described else "")
    table = Table(title=Text(title), title_justify="left", expand=False)
    table.add_column("Quand", no_wrap=True)
    table.add_column("Session", overflow="fold")
    table.add_column("Tags", overflow="fold")
    for occurrence in occurrences:
        # Text objects: post text is data, never Rich markup.
        table.add_row(
            Text(when_text(occurrence)), Text(occurrence.title), Text(", ".join(occurrence.tags))
        )
    console = _Console()
    console.print(table)
    console.print(Text(f"{len(occurrences)} occurrence(s)"))
