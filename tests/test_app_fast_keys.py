"""Keys typed fast, or arriving in one read of the terminal (a paste, a slow machine): each key
counts, none crashes the app, and what it leaves behind is consistent."""

from __future__ import annotations

import random
from datetime import date

import pytest
from textual import events

from calendar_tui import commands
from calendar_tui.model.favourites import FavouritesFile
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme
from calendar_tui.screens.calendar import CalendarScreen
from helpers import SIZE

_CHARS = {"space": " ", "enter": "\r", "tab": "\t", "slash": "/", "question_mark": "?"}
_CHARS |= {"exclamation_mark": "!", "minus": "-", "left_square_bracket": "["}
_CHARS |= {"right_square_bracket": "]"}


def key_event(key: str) -> events.Key:
    return events.Key(key, key if len(key) == 1 else _CHARS.get(key))


async def together(pilot, *keys: str) -> None:
    """The keys as the driver posts those of one read: all queued before any is handled."""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def programme():
    return load_store([bundled_programme()])


@pytest.fixture
def app_in(make_app, programme, tmp_path, monkeypatch):
    """The app on the bundled programme with its files in tmp_path; nothing opened or copied."""
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")

    def build():
        app = make_app(
            programme, favourites_path=tmp_path / "fav.json", export_dir=tmp_path / "export"
        )
        app.used = []  # type: ignore[attr-defined]
        monkeypatch.setattr(app, "open_url", lambda url, **_: app.used.append(url))
        monkeypatch.setattr("webbrowser.open", lambda url, *_, **__: app.used.append(url) or 1)
        monkeypatch.setattr(app, "copy_to_clipboard", lambda text: app.used.append(text))
        return app

    return build


def calendar(app) -> CalendarScreen:
    [screen] = [s for s in app.screen_stack if isinstance(s, CalendarScreen)]
    return screen


async def test_five_moves_in_one_read_move_five_days(app_in):
    app = app_in()
    async with app.run_test(size=SIZE) as pilot:
        start = calendar(app).day
        await together(pilot, "l", "l", "l", "l", "l")
        assert calendar(app).day == date.fromordinal(start.toordinal() + 5)
        await together(pilot, "w", "h", "h", "j")
        assert calendar(app).day == date.fromordinal(start.toordinal() + 10)


async def test_star_and_down_in_one_read_star_each_session(app_in):
    app = app_in()
    async with app.run_test(size=SIZE) as pilot:
        screen = calendar(app)
        screen.day = max(screen.days, key=lambda day: len(screen.result.on_day(day)))
        await pilot.pause()
        await pilot.press("enter")  # the day's sessions
        await pilot.pause()
        ids = [o.session.id for o in screen.day_occurrences]
        assert len(ids) >= 3
        await together(pilot, *["space", "down"] * len(ids))
        assert screen.favourites == frozenset(ids)


async def test_ctrl_p_then_enter_three_times_in_one_read(app_in):
    app = app_in()
    async with app.run_test(size=SIZE) as pilot:
        await together(pilot, "ctrl+p", "enter", "enter", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CalendarScreen)
        await together(pilot, "ctrl+p", "a", "i", "d", "e", "enter", "enter", "escape")
        assert isinstance(app.screen, CalendarScreen)  # help shown, then closed by escape


async def test_ctrl_p_then_page_down_in_one_read(app_in):
    app = app_in()
    async with app.run_test(size=SIZE) as pilot:
        await together(pilot, "ctrl+p", "pagedown", "pageup", "pagedown")
        await together(pilot, "escape")
        assert isinstance(app.screen, CalendarScreen)


# Every key the app binds, and the ones its dialogs and text fields read; `q` quits, so bursts
# leave it out (app.exit is also watched below).
APP_KEYS = sorted(
    {
        key
        for table in (
            commands.APP_COMMANDS,
            commands.CALENDAR_COMMANDS,
            commands.GRID_COMMANDS,
            commands.DAY_LIST_COMMANDS,
            commands.TAG_PICKER_COMMANDS,
        )
        for command in table
        for key in command.keys.split(",")
    }
    | {"escape", "enter", "up", "down", "left", "right", "pageup", "pagedown", "home", "end"}
    | {"tab", "shift+tab", "backspace", "ctrl+p", "space", "a", "i", "r", "0"} - {"q"}
)


# Six seeds of 200 keys (about 25 s each here); before the fixes, seeds 6 and 10 of 300 keys
# crashed (KeyError in OptionList, the palette left open over a popped calendar).
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 6, 10])
async def test_a_burst_of_keys_leaves_the_app_alive_and_consistent(app_in, monkeypatch, seed):
    app = app_in()
    exits: list[object] = []
    monkeypatch.setattr(app, "exit", lambda *args, **kwargs: exits.append(args))
    chance = random.Random(seed)
    async with app.run_test(size=SIZE) as pilot:
        sent = 0
        while sent < 200:
            keys = [chance.choice(APP_KEYS) for _ in range(chance.randint(1, 12))]
            sent += len(keys)
            if chance.random() < 0.5:
                await together(pilot, *keys)
            else:
                await pilot.press(*keys)
        for _ in range(6):  # back to the calendar from whatever is open
            if isinstance(app.screen, CalendarScreen):
                break
            await pilot.press("escape")
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = calendar(app)
        assert app.screen is screen
        on_disk = FavouritesFile.open(app.favourites_path, clock=app.clock).ids
        assert frozenset(on_disk) == screen.favourites
        if screen.occurrence is not None:
            assert screen.occurrence in screen.day_occurrences
        assert screen.day_occurrences == screen.result.on_day(screen.day)
    assert all(url.startswith(("https://", "http://", "mailto:")) for url in app.used)


async def test_keys_typed_before_the_controllers_are_mounted_wait_for_them(app_in, monkeypatch):
    # The controllers (favourites file, export...) are mounted after the first frame: star
    # and export asked for with the first frame wait for them, then star and export.
    from textual.app import App

    at_first_frame: list[bool] = []
    display = App._display

    def _display(app, screen, renderable):
        drawn = renderable is not None and not app._batch_count and screen.query("MonthGrid")
        if drawn and not at_first_frame:
            at_first_frame.append(bool(screen.query("FavouritesKeeper")))
            for action in ("screen.star", "screen.export"):
                app.call_next(app.run_action, action)
        return display(app, screen, renderable)

    monkeypatch.setattr(App, "_display", _display)
    app = app_in()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = calendar(app)
        assert at_first_frame == [False]
        assert screen.occurrence is not None
        assert screen.favourites == {screen.occurrence.session.id}
        assert screen.last_export is not None and screen.last_export.is_file()
