"""Textual's built-in texts in the app's language: the command palette, the system commands.

Textual writes these in English (the palette's "Search for commands…" and "No matches found",
the system commands Theme, Quit, Keys, Maximize, Screenshot and their help). The app uses this
palette everywhere and offers its own system commands: the keys panel is the app's help
screen (French, closed by Esc), Quit is already the app's own command, and Screenshot (a file
dropped in Downloads, an English notice) is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from calendar_tui.i18n import _

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen


class Palette(CommandPalette):
    """Textual's command palette with its words translated."""

    def __init__(self, *args, placeholder: str | None = None, **kwargs) -> None:
        super().__init__(*args, placeholder=placeholder or _("Search for commands…"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # As Textual 8's own (pinned), with the "No matches found" line translated.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    yield SystemCommand(_("Theme"), _("Change the colour theme"), app.action_change_theme)
    yield SystemCommand(
        _("Keys"), _("Show every key, by where it works"), lambda: app.run_action("help")
    )
    if screen.maximized is not None:
        yield SystemCommand(
            _("Restore"), _("Give the widget back its normal size"), screen.action_minimize
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            _("Maximise"), _("Show the focused widget alone, full size"), screen.action_maximize
        )
