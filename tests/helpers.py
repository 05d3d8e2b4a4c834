"""What the app's tests share: the terminal size, and reading what a widget shows."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text
from textual.widgets import OptionList

SIZE = (120, 40)  # every app test and snapshot runs in this terminal


def shown(widget) -> str:
    """The text a widget shows (Static/Label), as plain text."""
    content = widget.content
    if isinstance(content, (str, Text)):
        return str(content)
    console = Console(width=widget.size.width or 100, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def day_title(app) -> str:
    return shown(app.screen.query_one("#day-title"))


def list_texts(app) -> list[str]:
    options = app.screen.query_one("#sessions", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def detail_title(app) -> str:
    return shown(app.screen.query_one("#detail-title"))
