"""The help screen (`?` or F1): every key, by where it works, from the one command table."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from calendar_tui.commands import BUILTIN_KEYS, HELP_SECTIONS
from calendar_tui.i18n import _
from calendar_tui.key_names import key_label
from calendar_tui.paths import later_styles
from calendar_tui.screens.dismiss_once import DismissOnce


def help_table(keymap: dict[str, str] | None = None) -> Table:
    keymap = keymap or {}
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for title, commands in HELP_SECTIONS:
        table.add_row(Text(_(title), "bold underline"), "")
        for command in commands:
            keys = keymap.get(command.id, command.keys)
            table.add_row(Text(key_label(keys)), Text(_(command.help)))
        table.add_row("", "")
    table.add_row(Text("Textual", "bold underline"), "")
    for keys, words in BUILTIN_KEYS:
        table.add_row(Text(key_label(keys)), Text(_(words)))
    return table


class HelpScreen(DismissOnce, ModalScreen[None]):
    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", _("Close"), id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = _("Help — every key")
            body.border_subtitle = _("escape to close")
            yield Static(help_table(getattr(self.app, "keymap", {})), id="help-table")
