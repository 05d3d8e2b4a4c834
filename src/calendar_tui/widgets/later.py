"""`Later`: Textual's `Lazy` (the widget is mounted after the first frame, in the placeholder's
place), plus a way to wait for that when a key typed ahead needs the widget sooner."""

from __future__ import annotations

import asyncio

from textual.dom import DOMNode
from textual.lazy import Lazy


class Later(Lazy):
    """`Lazy`, which says when it is done: Lazy removes the placeholder once the widget is
    mounted, and the placeholder's unmount sets `done`."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.done = asyncio.Event()

    def on_unmount(self) -> None:
        self.done.set()

    @staticmethod
    async def all_mounted(node: DOMNode) -> None:
        """Wait until every `Later` under `node` has mounted its widget. When all have, return
        without yielding (the keys typed after the caller's must find its focus moved)."""
        for later in node.query(Later):
            await later.done.wait()
