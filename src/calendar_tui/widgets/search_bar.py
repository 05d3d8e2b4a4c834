"""Search as you type; Escape clears the search. A filter expression's mistake is marked where
it is (the character in the error style, the sentence in the bar's bottom border)."""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from calendar_tui.commands import SEARCH_COMMANDS, bindings
from calendar_tui.i18n import _


class SearchBar(Input):
    """The calendar screen watches `value` and filters in the keystroke's own call, so the bar,
    the grid and the list repaint in one frame; `Input.Changed` is still posted as usual."""

    BINDINGS: list[BindingType] = bindings(SEARCH_COMMANDS)
    COMPONENT_CLASSES = {"search-bar--error"}

    class Cleared(Message):
        """Escape: the search is emptied and the bar closed."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=_("Search (title, description, tags, place)…"), **kwargs)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())

    def mark_error(self, index: int | None, message: str = "") -> None:
        """Mark the character at `index` of the value (None: no mistake) and say `message`."""
        self.highlighter = None if index is None else _ErrorMark(self, index)
        self.border_subtitle = Content(message) if message else None  # plain text, no markup
        self.set_class(index is not None, "-error")
        self.refresh()


class _ErrorMark(Highlighter):
    def __init__(self, bar: SearchBar, index: int) -> None:
        self.bar = bar
        self.index = index

    def highlight(self, text: Text) -> None:
        if text.plain:
            start = min(self.index, len(text.plain) - 1)  # past the end: the last character
            style = self.bar.get_component_rich_style("search-bar--error", partial=True)
            text.stylize(style, start, start + 1)
