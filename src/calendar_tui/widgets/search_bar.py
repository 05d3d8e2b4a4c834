"""Search as you type; Escape clears the search."""

from __future__ import annotations

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from calendar_tui.commands import SEARCH_COMMANDS, bindings


class SearchBar(Input):
    """Posts `Input.Changed` on every keystroke; the calendar screen filters with it."""

    BINDINGS: list[BindingType] = bindings(SEARCH_COMMANDS)

    class Cleared(Message):
        """Escape: the search is emptied and the bar closed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Chercher (titre, description, tags, lieu)…", **kwargs)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
