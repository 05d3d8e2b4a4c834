"""The footer: the keys that apply now, drawn by one widget.

Textual's `Footer` recomposes a widget per key whenever the bindings change (a filter set or
cleared, the focus moving), which costs a layout and a restyle of every key: more than the rest
of a filter keystroke. This one looks the same (same theme variables, same spacing, the palette
key on the right) but only repaints a single line, and does nothing when the keys shown did not
change. Clicking a key presses it; hovering shows its help as a tooltip.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widget import Widget

from calendar_tui.commands import FOOTER_FIRST
from calendar_tui.i18n import _

HELP_ID = "app.help"  # its key says "more keys" when some do not fit

SEPARATOR = "▏"  # the left edge of the palette key (Textual's "vkey" border)


class FooterItem(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    id: str | None = None  # binding id


def by_priority(items: list[FooterItem], first: tuple[str, ...]) -> list[FooterItem]:
    """The items whose binding id is in `first`, in that order, then the others as they came."""
    rank = {binding_id: index for index, binding_id in enumerate(first)}
    return sorted(items, key=lambda item: rank.get(item.id or "", len(rank)))


class KeyFooter(Widget, can_focus=False):
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
        "key-footer--disabled",
    }

    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._items: tuple[FooterItem, ...] = ()
        self._palette: FooterItem | None = None
        self._spans: list[tuple[int, int, FooterItem]] = []  # x range of each key, as drawn
        self._hover: FooterItem | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._read_bindings()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if screen is self.screen:
            self._read_bindings()

    def _read_bindings(self) -> None:
        app = self.app
        active = self.screen.active_bindings
        items: list[FooterItem] = []
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            # One entry per action, as Textual's footer shows them.
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append(
                FooterItem(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip or binding.tooltip,
                    binding.id,
                )
            )
        items = by_priority(items, FOOTER_FIRST)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = FooterItem(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                enabled,
                binding.tooltip or binding.description,
            )
        if (tuple(items), palette) != (self._items, self._palette):
            self._items, self._palette = tuple(items), palette
            self.refresh()  # one line, fixed height: a repaint, never a layout

    # -- drawing ------------------------------------------------------------------------------

    def _item_text(self, item: FooterItem, compact: bool = False) -> Text:
        style = self.get_component_rich_style
        key_style = style("key-footer--key")
        description_style = style("key-footer--description")
        if item is self._hover:
            hover = style("key-footer--hover")
            key_style, description_style = key_style + hover, description_style + hover
        text = Text(end="")
        if compact:  # "^p palette"
            text.append(item.display, key_style)
            if item.description:
                text.append(f" {item.description}", description_style)
        else:  # " q Quitter "
            text.append(f" {item.display} ", key_style)
            if item.description:
                text.append(f"{item.description} ", description_style)
        if not item.enabled:
            text.stylize(style("key-footer--disabled", partial=True))
        return text

    def _fitting(self, room: int) -> list[FooterItem]:
        """The keys that fit in `room` cells, whole, in priority order; when some are left out
        the help key (if shown) says there are more."""
        items = list(self._items)
        if sum(self._item_text(item).cell_len for item in items) <= room:
            return items
        items = [
            item._replace(description=_("More keys")) if item.id == HELP_ID else item
            for item in items
        ]
        kept, used = [], 0
        for item in items:
            width = self._item_text(item).cell_len
            if used + width <= room:
                kept.append(item)
                used += width
        return kept

    def render_line(self, y: int) -> Strip:
        if y:
            return Strip.blank(self.size.width, self.visual_style.rich_style)
        width = self.size.width
        base = self.visual_style.rich_style
        blank = Style(bgcolor=base.bgcolor)  # free space, as Textual leaves it: no foreground
        console = self.app.console
        spans: list[tuple[int, int, FooterItem]] = []
        palette = Text(end="")
        if self._palette is not None:
            # As Textual's footer draws it: "▏^p palette ", the key without its left padding.
            palette.append(SEPARATOR, self.get_component_rich_style("key-footer--separator"))
            palette.append_text(self._item_text(self._palette, compact=True))
        room = max(0, width - (palette.cell_len + 1 if palette else 0))
        line = Text(no_wrap=True, overflow="crop", end="")
        for item in self._fitting(room):
            start = line.cell_len
            line.append_text(self._item_text(item))
            spans.append((start, line.cell_len, item))
        line.truncate(room)
        segments = list(Segment.apply_style(line.render(console), base))
        if room > line.cell_len:
            segments.append(Segment(" " * (room - line.cell_len), blank))
        if self._palette is not None:
            spans.append((room + 1, width, self._palette))
            segments.extend(Segment.apply_style(palette.render(console), base))
            segments.append(Segment(" ", blank))
        self._spans = spans
        return Strip(segments).crop_extend(0, width, blank)

    # -- mouse --------------------------------------------------------------------------------

    def _item_at(self, x: int) -> FooterItem | None:
        for start, end, item in self._spans:
            if start <= x < end:
                return item
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self._item_at(event.x)
        if item is not self._hover:
            self._hover = item
            self.tooltip = item.tooltip if item is not None and item.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        item = self._item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()
