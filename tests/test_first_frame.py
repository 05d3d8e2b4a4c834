"""The first frame: the calendar is drawn once the app has mounted, before the deferred work."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

from textual.app import App

from calendar_tui.factory import make_app
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme, later_styles
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


# Modules that only later screens, keys or workers need: none of them is imported, and no worker
# is started, before the first frame (each competes with it for the interpreter).
NOT_BEFORE_FIRST_FRAME = (
    "babel",  # French names come from model/french_names.py
    "calendar_tui.model.agenda_text",  # the linear view's sentences
    "calendar_tui.model.changes",  # the comparison behind --changes-since and live reload
    "calendar_tui.model.export_files",
    "calendar_tui.model.favourites",  # read by its worker, after the first frame
    "calendar_tui.model.filter_eval",  # the filter expression language
    "calendar_tui.model.filter_expr",
    "calendar_tui.model.links",  # html and the link patterns: once a session is shown
    "calendar_tui.model.live",
    "calendar_tui.model.reminders",
    # The controllers, mounted after the first frame, and what they alone import.
    "calendar_tui.screens.changes",
    "calendar_tui.screens.controller",
    "calendar_tui.screens.dismiss_once",
    "calendar_tui.screens.export",
    "calendar_tui.screens.favourites",
    "calendar_tui.screens.links",
    "calendar_tui.screens.live_reload",
    "calendar_tui.screens.reminders",
    # The hidden panes, made after the first frame (screens/calendar_panes.py).
    "calendar_tui.widgets.linear_view",
    "calendar_tui.widgets.search_bar",
    "calendar_tui.widgets.tag_picker",
    "calendar_tui.widgets.week_grid",
    "watchfiles",
    "calendar",  # the standard library's: model/day_range.py counts a month's days itself
    "textual.widgets._label",  # the header's and the day's titles are Statics
)

FIRST_FRAME_STATE = """
import json, sys
from textual.app import App
from calendar_tui.factory import make_app
from calendar_tui.model.cache import PostCache
from calendar_tui.paths import bundled_programme
from calendar_tui.settings import Settings

seen = {}
display = App._display
def _display(app, screen, renderable):
    if not seen and renderable is not None and not app._batch_count and screen.query("MonthGrid"):
        seen["modules"] = sorted(sys.modules)
        seen["workers"] = sorted(worker.group for worker in app.workers)
        app.call_later(app.exit)
    return display(app, screen, renderable)
App._display = _display
# As `calendar-tui` opens the bundled programme: the post cache, the files watched.
app = make_app(paths=[bundled_programme()], cache=PostCache(), settings=Settings(), watch=True)
app.run(headless=True)
print(json.dumps(seen))
"""


def test_nothing_only_later_work_needs_is_imported_or_started_before_the_first_frame(tmp_path):
    env = {
        **os.environ,
        "CALENDAR_TUI_DATA_DIR": str(tmp_path / "data"),
        "CALENDAR_TUI_CACHE_DIR": str(tmp_path / "cache"),
    }
    for _ in range(2):  # the second opening reads the post from the cache, as users' do
        result = subprocess.run(
            [sys.executable, "-c", FIRST_FRAME_STATE],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    early = [
        name
        for name in seen["modules"]
        if any(name == m or name.startswith(m + ".") for m in NOT_BEFORE_FIRST_FRAME)
    ]
    assert early == []
    assert seen["workers"] == []  # the favourites file and the file watcher: after it


def _looks(screen) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Each node's computed styles, with its component classes' (as the widget paints them)."""
    looks = {}
    for node in screen.walk_children(with_self=True):
        components = tuple(
            str(node.get_component_rich_style(name, partial=True))
            for name in sorted(getattr(node, "COMPONENT_CLASSES", ()))
        )
        looks[id(node)] = (node.styles.css, components)
    return looks


async def test_the_calendar_screen_is_styled_once_before_its_first_frame_and_rightly(monkeypatch):
    # Each node is styled as it is registered; Textual's restyle of the whole screen when it
    # is pushed was the same work again before the first frame.
    restyled: list[bool] = []  # for each whole-screen restyle: was a frame written before?
    frames: list[object] = []
    display, update_styles = App._display, App.update_styles

    def _display(app, screen, renderable):
        if written(app, renderable) and screen.query("MonthGrid"):
            frames.append(screen)
        return display(app, screen, renderable)

    def _update_styles(app, node, animate=True):
        if node.__class__.__name__ == "CalendarScreen":
            restyled.append(bool(frames))
        return update_styles(app, node, animate)

    monkeypatch.setattr(App, "_display", _display)
    monkeypatch.setattr(App, "update_styles", _update_styles)
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert frames and False not in restyled
        # Styled once is styled rightly: a full restyle now changes nothing.
        before = _looks(app.screen)
        app.stylesheet.update(app.screen, animate=False)
        assert _looks(app.screen) == before


async def test_the_cyclic_collector_waits_for_the_first_frame_and_runs_after_it(monkeypatch):
    # No collection while the app starts (it would walk the new modules, widgets and styles
    # again and again); on again once the first frame is drawn.
    at_first_frame: list[bool] = []
    display = App._display

    def _display(app, screen, renderable):
        if written(app, renderable) and screen.query("MonthGrid") and not at_first_frame:
            at_first_frame.append(gc.isenabled())
        return display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", _display)
    assert gc.isenabled()
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    assert not gc.isenabled()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert at_first_frame == [False]
        assert gc.isenabled()
        # Deferred past the first frame, and loaded once it is drawn: the first filter key
        # does not wait for the expression language.
        assert "calendar_tui.model.filter_eval" in sys.modules


async def test_the_collector_runs_again_when_the_app_ends_before_its_first_frame():
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    assert not gc.isenabled()
    async with app.run_test(size=(120, 40)):
        app.exit()
    assert gc.isenabled()


def test_the_collector_stays_off_when_it_was_off():
    gc.disable()
    try:
        app = make_app(load_store([bundled_programme()]), settings=Settings())
        app.first_frame_drawn()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_an_app_built_and_never_run_leaves_the_collector_to_the_next_one():
    make_app(load_store([bundled_programme()]), settings=Settings())
    assert not gc.isenabled()
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert gc.isenabled()


async def test_the_later_styles_are_read_after_the_first_frame_and_before_what_they_style(
    monkeypatch,
):
    # styles/later.tcss (other screens, the panes mounted after the first frame) is not parsed
    # before the first frame; the hidden panes and the detail's parts get its rules all the same.
    read_at_first_frame: list[bool] = []
    display = App._display
    later = str(later_styles())

    def _display(app, screen, renderable):
        if written(app, renderable) and screen.query("MonthGrid") and not read_at_first_frame:
            read_at_first_frame.append(app.stylesheet.has_source(later))
        return display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", _display)
    app = make_app(load_store([bundled_programme()]), settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert read_at_first_frame == [False]
        assert app.stylesheet.has_source(later)
        screen = app.screen
        assert screen.query_one("TagPicker").styles.dock == "right"  # later.tcss
        assert screen.query_one("SearchBar").styles.dock == "bottom"
        assert screen.query_one("WeekGrid").styles.border_top[0] == "round"
        assert screen.query_one("#detail-title").styles.color != screen.styles.color
        await pilot.press("w")
        await pilot.pause()
        assert not screen.query_one("MonthGrid").display and screen.query_one("WeekGrid").display


async def test_a_screen_shown_before_the_calendar_is_styled_all_the_same():
    # Help over the loading screen (a large collection): its styles, in later.tcss, are read
    # when it is shown, although the calendar has not drawn its first frame.
    from calendar_tui.screens.help import HelpScreen

    class Bare(App):
        def on_mount(self) -> None:
            self.push_screen(HelpScreen())

    app = Bare()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.stylesheet.has_source(str(later_styles()))
        assert app.screen.query_one("#help-body").outer_size.width == 90
