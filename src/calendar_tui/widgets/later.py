"""`Later`: a placeholder (Textual's `Lazy`) for a widget made and mounted in its place after
the first frame, its module imported then; a way to wait for that when a key typed ahead needs
the widget sooner; and the styles of what is shown later (styles/later.tcss), read then."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.lazy import Lazy
from textual.widget import Widget

from calendar_tui.paths import later_styles

if TYPE_CHECKING:
    from textual.app import App


def read_later_styles(app: App) -> None:
    """Add styles/later.tcss to the app's stylesheet, once, and parse it (only it: Textual keeps
    the other sheets' rules). Called after the first frame, before anything it styles is
    mounted; the screens it styles also name it in their CSS_PATH, so that one shown sooner
    (help over the loading screen) is styled all the same. Nothing shown before it is read
    depends on its rules (app.tcss is read first), so nothing is restyled."""
    path = str(later_styles())
    if not app.stylesheet.has_source(path):
        app.stylesheet.read(path)
        app.stylesheet.parse()  # now: `read` leaves the map of rules by selector stale


class Later(Lazy):
    """Stands for the widget `make` returns until `Later.mount_all` makes it and mounts it in
    its place; `done` is set once it has (the placeholder's unmount)."""

    def __init__(self, make: Callable[[], Widget]) -> None:
        # Not Lazy's __init__, which takes the widget itself: here it is made later.
        Widget.__init__(self)
        self._make = make
        self.done = asyncio.Event()

    def on_unmount(self) -> None:
        self.done.set()

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        """Nothing: Lazy mounts its widget itself after a refresh, in its own context; the
        screen calls `mount_all` instead, in its context (the widgets' data_bind is to it)."""

    @staticmethod
    async def mount_all(screen: Widget) -> None:
        """After the screen's first frame: the later styles read, then each placeholder's
        widget made and mounted in its place (unless the app is closing: a key pressed at
        once)."""
        read_later_styles(screen.app)
        for later in list(screen.query(Later)):
            parent = later.parent
            if not isinstance(parent, Widget) or not parent.is_attached or parent._closing:
                continue
            if later._closing:
                continue
            await parent.mount(later._make(), after=later)
            await later.remove()

    @staticmethod
    async def all_mounted(node: DOMNode) -> None:
        """Wait until every `Later` under `node` has mounted its widget. When all have, return
        without yielding (the keys typed after the caller's must find its focus moved)."""
        for later in node.query(Later):
            await later.done.wait()
