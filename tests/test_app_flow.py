"""How data moves in the app: the screen picks the selection (the day list reports only the
user's moves), the week grid lays its week out once, a failing worker is said, not fatal."""

from __future__ import annotations

from datetime import date

from textual.worker import WorkerState

import calendar_tui.widgets.week_grid as week_grid_module
from calendar_tui.screens.favourites import FavouritesKeeper
from calendar_tui.widgets.day_list import DayList
from helpers import SIZE, detail_title, list_texts


async def test_the_day_list_reports_only_the_users_moves(make_app, bundled_store):
    reported: list[DayList.Highlighted] = []

    def hook(message) -> None:
        # Called at every node the message bubbles through: count each message once.
        if isinstance(message, DayList.Highlighted) and message not in reported:
            reported.append(message)

    app = make_app(bundled_store)
    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("right", "n", "1", "c")  # day and filter changes: the screen picks
        await pilot.pause()
        assert reported == []
        first = screen.day_occurrences[0]
        assert screen.occurrence is first
        assert detail_title(app).startswith(first.title)
        await pilot.press("enter", "down")  # to the list, then the user moves in it
        await pilot.pause()
        assert [m.occurrence for m in reported] == [screen.day_occurrences[1]]
        assert screen.occurrence is screen.day_occurrences[1]
        assert first.title in list_texts(app)[0]


async def test_the_week_grid_lays_its_week_out_once(make_app, bundled_store, monkeypatch):
    calls: list[date] = []
    lanes = week_grid_module.lanes

    def counting(occurrences, day):
        calls.append(day)
        return lanes(occurrences, day)

    monkeypatch.setattr(week_grid_module, "lanes", counting)
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert len(calls) == 7  # the week's days, once, for its height and its paint
        calls.clear()
        grid = app.screen.query_one(week_grid_module.WeekGrid)
        grid.refresh(layout=True)
        await pilot.pause()
        assert calls == []  # same result, same week: nothing laid out again
        await pilot.press("down")  # another week
        await pilot.pause()
        assert len(calls) == 7


async def test_a_failing_worker_is_said_and_the_app_goes_on(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.controllers_mounted.wait()  # after the first frame
        keeper = app.screen.query_one(FavouritesKeeper)

        def broken() -> None:
            raise RuntimeError("disque plein")

        worker = keeper.run_worker(broken, thread=True, exit_on_error=False, name="essai")
        for _ in range(100):
            await pilot.pause(0.02)
            if worker.state == WorkerState.ERROR:
                break
        await pilot.pause()
        assert app.is_running
        notes = [n.message for n in app._notifications]
        assert any("essai" in note and "disque plein" in note for note in notes)
