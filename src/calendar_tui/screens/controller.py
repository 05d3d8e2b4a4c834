"""A controller: a widget that shows nothing and does one job for its screen (favourites,
export, links), with its own messages and workers.

Its workers post messages (handled with `@on`); a worker that fails anyway (a bug, not a
foreseen error such as a folder that cannot be written) is said in a notification, here, for
every controller, rather than closing the app.
"""

from __future__ import annotations

from textual import on
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from calendar_tui.i18n import _


class Controller(Widget):
    """Hidden (`display: none` in app.tcss), never focused; mounted after its screen's first frame."""

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(
                f"{event.worker.name} : {event.worker.error!r}",
                title=_("Error"),
                severity="error",
                timeout=10,
                markup=False,
            )
