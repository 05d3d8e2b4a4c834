"""Every day of the real posts drawn in the month grid and the week grid, small and large: a
layout the corpora hold and hand-made stores do not (the week of 23/11/2020, where sessions of
one lane meet on a row) once ended the app with a traceback."""

from __future__ import annotations

from datetime import datetime

import pytest

from calendar_tui.model.clock import PARIS
from calendar_tui.model.loader import load_store
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.widgets.month_grid import MonthGrid
from calendar_tui.widgets.week_grid import WeekGrid
from conftest import FixedClock
from test_corpus import CORPUS, _shared

# In the busiest week, while sessions run: the header's now-and-next line takes a row, and the
# week grid is left one row an hour.
NOW = datetime(2020, 11, 26, 15, 45, tzinfo=PARIS)

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside the project"
)


@pytest.fixture(scope="module")
def corpora_store():
    folders = [_shared() / name for name in ("corpus", "corpus-more", "seeds")]
    return load_store(folders)


@pytest.mark.parametrize(("size", "week"), [((60, 20), True), ((80, 24), True), ((120, 40), False)])
async def test_every_day_of_the_corpora_is_drawn(make_app, corpora_store, size, week):
    app = make_app(corpora_store, clock=FixedClock(NOW))
    async with app.run_test(size=size) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen: CalendarScreen = app.screen
        if week:
            await pilot.press("w")
            await pilot.pause()
        assert screen.week is week
        days = corpora_store.days
        assert len(days) > 100
        grid = screen.query_one(WeekGrid if week else MonthGrid)
        for day in days:
            screen.day = day
            await pilot.pause()
            grid.render()  # drawn here, whatever the app's paint has reached: a raise fails
        assert app.return_code is None and app.screen is screen
