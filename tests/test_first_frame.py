"""The first frame: the calendar is drawn once the app has mounted, before the deferred work."""

from __future__ import annotations

import subprocess
import sys

from textual.app import App

from calendar_tui.factory import make_app
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme
from calendar_tui.settings import Settings


def written(app, renderable) -> bool:
    """Whether `App._display` sends this frame to the terminal (headless: would send)."""
    return renderable is not None and not app._batch_count and app._running and not app._closed


async def test_the_first_frame_written_is_the_calendar_before_the_deferred_widgets(monkeypatch):
    # Pushed while the app mounted, the screen's first frame was thrown away (a batch update
    # was open) and the Lazy widgets meant for after it were mounted before anything was shown.
    frames: list[tuple[bool, bool]] = []
    display = App._display

    def _display(app, screen, renderable):
        if written(app, renderable):
            frames.append((bool(screen.query("MonthGrid")), bool(screen.query("TagPicker"))))
        return display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", _display)
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert app.screen.query("TagPicker")
    assert frames[0] == (True, False), frames[:3]


QUIT_AT_FIRST_FRAME = """
from textual.app import App
from calendar_tui.factory import make_app
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme
from calendar_tui.settings import Settings

display = App._display
def _display(app, screen, renderable):
    if renderable is not None and not app._batch_count and screen.query("MonthGrid"):
        app.call_later(app.exit)  # as a key pressed at once
    return display(app, screen, renderable)
App._display = _display
app = make_app(load_store([bundled_programme()]), settings=Settings())
app.run(headless=True)
raise SystemExit(app.return_code or 0)
"""


def test_quitting_at_the_first_frame_is_clean():
    result = subprocess.run(
        [sys.executable, "-c", QUIT_AT_FIRST_FRAME], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "Error" not in result.stdout + result.stderr, (
        result.stdout[-2000:] + result.stderr[-2000:]
    )
