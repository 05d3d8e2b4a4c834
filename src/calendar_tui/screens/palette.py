"""The calendar screen's entries in the command palette: the command table, a tag, a date.

Tag labels come from the posts: every hit and help text is a `Content` made from plain text,
never markup (`Matcher.highlight` and a `str` help would read `[...]` as markup and actions).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from calendar_tui.commands import APP_COMMANDS, CALENDAR_COMMANDS, AppCommand
from calendar_tui.i18n import N_, _
from calendar_tui.key_names import key_label
from calendar_tui.model.day_input import parse_day

if TYPE_CHECKING:
    from calendar_tui.screens.calendar import CalendarScreen

TAG_PREFIX = N_("Tag: ")


def literal(text: str) -> str:
    """`text` as Content (typed as the str a Hit's help expects; Textual keeps a Content as is)."""
    return cast(str, Content(text))


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` with the query's letters highlighted, as plain text (no markup read)."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def keys_help(command: AppCommand, keymap: dict[str, str]) -> str:
    """The help line under a command: its keys (the name already says what it does)."""
    return _("Key: {keys}").format(keys=key_label(keymap.get(command.id, command.keys)))


class CalendarCommands(Provider):
    """The app's own commands in the palette: those of the table, go to a date, toggle a tag.
    Declared in `CalendarScreen.COMMANDS`, so `self.screen` is the calendar screen."""

    @property
    def _calendar(self) -> CalendarScreen:
        return self.screen  # type: ignore[return-value]

    def _entries(self) -> Iterator[tuple[str, str, object]]:
        screen = self._calendar
        keymap = getattr(self.app, "keymap", {})
        for command in CALENDAR_COMMANDS:
            if command.palette:
                yield (
                    _(command.help),
                    keys_help(command, keymap),
                    partial(screen.run_action, command.action),
                )
        for tag in screen.store.tags():
            label = f"{_(TAG_PREFIX)}{tag.label} ({tag.count})"
            help_text = _("Include this tag in the filters, or remove it")
            yield label, help_text, partial(screen.toggle_tag, tag.key)
        for command in APP_COMMANDS:
            if command.palette:
                yield (
                    _(command.help),
                    keys_help(command, keymap),
                    partial(self.app.run_action, command.action),
                )

    async def discover(self) -> Hits:
        for name, help_text, callback in self._entries():
            if not name.startswith(_(TAG_PREFIX)):
                yield DiscoveryHit(Content(name), callback, text=name, help=literal(help_text))

    async def search(self, query: str) -> Hits:
        screen = self._calendar
        day = parse_day(query, screen.day.year)
        if day is not None:
            go = _("Go to {day}").format(day=f"{day:%d/%m/%Y}")
            yield Hit(
                1.0,
                Content(go),
                partial(screen.go_to_day, day),
                text=go,
                help=literal(_("Go to this day in the calendar")),
            )
        matcher = self.matcher(query)
        for name, help_text, callback in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, highlighted(matcher, name), callback, text=name, help=literal(help_text)
                )
