"""Shown while a worker loads the posts: a progress bar, and the UI stays responsive."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar

from calendar_tui.i18n import _


class LoadingScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(Text(_("Loading the posts…")), id="loading-label")
            yield ProgressBar(id="loading-progress", show_eta=False)
        yield Footer()

    def set_progress(self, done: int, total: int) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.query_one("#loading-label", Label).update(
            Text(_("Loading the posts… {done}/{total}").format(done=done, total=total))
        )
