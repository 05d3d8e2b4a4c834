"""The tag picker: every tag with its count; include, exclude, "any" or "all" of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from calendar_tui.commands import TAG_PICKER_COMMANDS, bindings
from calendar_tui.i18n import _
from calendar_tui.model.filters import Filter
from calendar_tui.model.store import TagCount
from calendar_tui.model.text import one_line
from calendar_tui.widgets.paged_options import PagedOptionList

INCLUDED = "[+]"
EXCLUDED = "[−]"
NEUTRAL = "[ ]"


def tag_prompt(
    tag: TagCount,
    flt: Filter,
    rank: int,
    style: Callable[[str], Style],
    counts: Mapping[str, int] | None = None,
) -> Text:
    """The tag's line: its rank (1-9 are keys), its mark, its label, its count; `style("rank")`...
    gives the TagPicker's component styles (styles/later.tcss)."""
    if tag.key in flt.include:
        mark, mark_style = INCLUDED, style("included")
    elif tag.key in flt.exclude:
        mark, mark_style = EXCLUDED, style("excluded")
    else:
        mark, mark_style = NEUTRAL, ""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{rank if rank <= 9 else ' '} ", style("rank"))
    text.append(mark + " ", mark_style)
    text.append(one_line(tag.label), style("struck") if tag.key in flt.exclude else "")
    # Under the other filters (search, favourites, exclusions), then the total when it differs.
    shown = tag.count if counts is None else counts.get(tag.key, 0)
    text.append(f" ({shown}" if shown == tag.count else f" ({shown}/{tag.count}", style("count"))
    text.append(")", style("count"))
    return text


def _mark(key: str, flt: Filter) -> int:
    return 1 if key in flt.include else -1 if key in flt.exclude else 0


class TagOptions(PagedOptionList):
    BINDINGS: list[BindingType] = bindings(TAG_PICKER_COMMANDS)

    class Action(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def action_toggle(self) -> None:
        self.post_message(self.Action("toggle"))

    def action_exclude(self) -> None:
        self.post_message(self.Action("exclude"))

    def action_match_all(self) -> None:
        self.post_message(self.Action("match_all"))

    def action_close(self) -> None:
        self.post_message(self.Action("close"))


class TagPicker(Vertical):
    """A side panel; the calendar screen owns the Filter and passes it down."""

    COMPONENT_CLASSES = {
        f"tag-picker--{name}"
        for name in ("included", "excluded", "rank", "struck", "count", "help", "mode", "key")
    }

    tags: reactive[tuple[TagCount, ...]] = reactive(tuple)
    filter: reactive[Filter] = reactive(Filter)
    expression: reactive[str] = reactive("")  # the same filter as an expression, from the screen

    class Toggled(Message):
        """Include (or stop including) a tag; `exclude` to exclude (or stop excluding) it."""

        def __init__(self, key: str, exclude: bool = False) -> None:
            super().__init__()
            self.key = key
            self.exclude = exclude

    class ModeToggled(Message):
        """Switch between any and all of the included tags."""

    class Closed(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label(id="tag-mode")
        yield TagOptions(id="tag-options")
        yield Label(id="tag-expr")
        yield Label(id="tag-help")

    @property
    def options(self) -> TagOptions:
        return self.query_one(TagOptions)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"tag-picker--{name}", partial=True)

    def on_mount(self) -> None:
        self.border_title = "Tags"
        words = _("space include · x exclude · a any/all · escape close")
        self.query_one("#tag-help", Label).update(Text(words, self._style("help"), end=""))
        self._rebuild_all()
        self._show_expression()

    def watch_expression(self) -> None:
        if self.is_mounted:
            self._show_expression()

    def _show_expression(self) -> None:
        # "= tag:…", as typed in the search bar to filter by an expression (model/view_state).
        self.query_one("#tag-expr", Label).update(Text(one_line(self.expression), end=""))

    def watch_tags(self) -> None:
        if self.is_mounted:
            self._rebuild_all()

    # The screen gives the tag counts under a Filter (the store's), for counts that follow it.
    count_under: Callable[[Filter], Mapping[str, int]] | None = None
    _counts: Mapping[str, int] | None = None
    _counts_for: Filter | None = None

    def _counts_now(self) -> Mapping[str, int] | None:
        """Each tag's count under the filter, its own tag choices aside."""
        if self.count_under is None:
            return None
        others = replace(self.filter, include=frozenset(), match_all=False)
        if others != self._counts_for:
            self._counts_for = others
            self._counts = None if others.is_empty else self.count_under(others)
        return self._counts

    def watch_filter(self, old: Filter, new: Filter) -> None:
        if not self.is_mounted:
            return
        if self.display:
            before = self._counts
            if self._counts_now() is not before:
                self._rebuild_all()
                return
        options = self.options
        # A toggle changes one tag's mark: redraw only the prompts whose mark changed.
        for index, tag in enumerate(self.tags):
            if _mark(tag.key, old) != _mark(tag.key, new):
                options.replace_option_prompt_at_index(
                    index, tag_prompt(tag, new, index + 1, self._style, self._counts)
                )
        if old.match_all != new.match_all:
            self._show_mode()

    def _rebuild_all(self) -> None:
        options = self.options
        highlighted = options.highlighted
        counts = self._counts_now()
        options.set_options(
            Option(tag_prompt(tag, self.filter, rank, self._style, counts), id=f"tag-{rank}")
            for rank, tag in enumerate(self.tags, 1)
        )
        if self.tags:
            options.highlighted = min(highlighted or 0, len(self.tags) - 1)
        self._show_mode()

    def _show_mode(self) -> None:
        mode = Text(_("Sessions with "), end="")
        mode.append(
            _("all the chosen tags") if self.filter.match_all else _("any of the chosen tags"),
            self._style("mode"),
        )
        mode.append(" (a)", self._style("key"))
        self.query_one("#tag-mode", Label).update(mode)

    def focus_options(self) -> None:
        before = self._counts_for
        self._counts_now()
        if self._counts_for != before:  # filtered while the picker was closed
            self._rebuild_all()
        self.options.focus()

    def _current(self) -> TagCount | None:
        index = self.options.highlighted
        if index is None or index >= len(self.tags):
            return None
        return self.tags[index]

    @on(TagOptions.Action)
    def _action(self, event: TagOptions.Action) -> None:
        event.stop()
        if event.name == "close":
            self.post_message(self.Closed())
        elif event.name == "match_all":
            self.post_message(self.ModeToggled())
        elif (tag := self._current()) is not None:
            self.post_message(self.Toggled(tag.key, exclude=event.name == "exclude"))

    @on(OptionList.OptionSelected, "#tag-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click toggles the tag too.
        event.stop()
        if event.option_index < len(self.tags):
            self.post_message(self.Toggled(self.tags[event.option_index].key))
