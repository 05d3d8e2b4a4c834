"""Search as you type; Escape clears the search."""

from __future__ import annotations

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from calendar_tui.commands import SEARCH_COMMANDS, bindings


class SearchBar(Input):
    """The calendar screen watches `value` and filters in the keystroke's own call, so the bar,
    the grid and the list repaint in one frame; `Input.Changed` is still posted as usual."""

    BINDINGS: list[BindingType] = bindings(SEARCH_COMMANDS)

    class Cleared(Message):
        """Escape: the search is emptied and the bar closed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Chercher (titre, description, tags, lieu)…", **kwargs)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
