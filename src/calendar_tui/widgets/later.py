"""`Later`: Textual's `Lazy` (the widget is mounted after the first frame, in the placeholder's
place), plus a way to wait for that when a key typed ahead needs the widget sooner; and the
styles of what is shown later (styles/later.tcss), read once the first frame is drawn."""

from __future__ import annotations

import asyncio
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
    """`Lazy`, which says when it is done: Lazy removes the placeholder once the widget is
    mounted, and the placeholder's unmount sets `done`."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.done = asyncio.Event()

    def on_unmount(self) -> None:
        self.done.set()

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        # Lazy's, except when the app quits between the first frame and this mount (a key
        # pressed at once): the parent is then detached and Lazy's mount raised MountError.
        parent = self.parent
        if not isinstance(parent, Widget):
            return

        async def mount() -> None:
            if parent.is_attached and not parent._closing and not self._closing:
                read_later_styles(self.app)
                await parent.mount(self._replace_widget, after=self)
                await self.remove()

        self.call_after_refresh(mount)

    @staticmethod
    async def all_mounted(node: DOMNode) -> None:
        """Wait until every `Later` under `node` has mounted its widget. When all have, return
        without yielding (the keys typed after the caller's must find its focus moved)."""
        for later in node.query(Later):
            await later.done.wait()
