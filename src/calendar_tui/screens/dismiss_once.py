"""Screens that a key arriving after they closed cannot close again.

Textual 8.2.8's `Screen.dismiss` pops whichever screen is on top: keys queued for a dialog (the
command palette, a chooser) before its first key closed it are still delivered to it, and each
one that dismisses pops the screen below (`Ctrl+P Enter Enter Enter` in one read popped the
calendar, then raised `ScreenStackError`). Here a screen that is no longer the active one
ignores dismiss, and the palette runs its command once.
"""

from __future__ import annotations

from typing import cast

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import Input


class DismissOnce:
    """Mixed in before a Screen class: dismiss only while this screen is the active one. (Not a
    Screen itself: Textual takes a class's CSS and component classes from its first DOM base.)
    """

    def dismiss(self, result=None) -> AwaitComplete:
        screen = cast(Screen, self)
        if not screen.is_active:
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc]


class GuardedPalette(DismissOnce, CommandPalette):  # type: ignore[misc]
    """The command palette, closed once; PageUp/PageDown before its list has a size do nothing
    (Textual's raise `KeyError`, see widgets/paged_options.py)."""

    BINDINGS = [
        Binding("pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
    ]

    @on(Input.Submitted)
    def _closed_already(self, event: Input.Submitted) -> None:
        # Runs before CommandPalette's own handler, which it then skips (prevent_default).
        if not self.is_active:
            event.stop()
            event.prevent_default()

    def action_page(self, direction: int) -> None:
        options = self.query_one(CommandList)
        if options.option_count and options.scrollable_content_region:
            if direction > 0:
                options.action_page_down()
            else:
                options.action_page_up()
