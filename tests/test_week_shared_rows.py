"""Two sessions of one lane that meet on a row of the week grid (17:00–17:30 then 17:30–18:00,
one row an hour): the row shows the later one, every line keeps the grid's width, and equal
labels never crash the render (their styles were compared to sort them: a TypeError ended the
app on the corpora's busiest week)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from rich.console import Console

from calendar_tui.model.clock import PARIS
from calendar_tui.model.types import Session, Slot
from calendar_tui.widgets.week_grid import WeekGrid
from conftest import store_of

DAY = date(2020, 11, 18)  # the fixed clock's day


def _session(ident: str, title: str, hour: int, minute: int, minutes: int) -> Session:
    start = datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=PARIS)
    return Session(ident, title, (Slot(start, start + timedelta(minutes=minutes)),))


def _store():
    """Five rooms at 17:00-17:30, then five at 17:30-18:00: five narrow lanes, each holding two
    blocks on the 17:00 row."""
    return store_of(
        _session("early", "Accueil", 8, 0, 60),  # the hours run 08:00-23:00: one row an hour
        *(_session(f"first-{room}", "Atelier", 17, 0, 30) for room in range(5)),
        *(_session(f"second-{room}", "Atelier", 17, 30, 30) for room in range(5)),
        _session("late", "Clôture", 22, 0, 60),
    )


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_sessions_meeting_on_a_row_draw_one_block_and_keep_the_width(make_app, size):
    app = make_app(_store())
    async with app.run_test(size=size) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        grid = app.screen.query_one(WeekGrid)
        assert app.screen.week and grid.display
        console = Console(width=grid.content_size.width, record=True, color_system=None)
        lines = list(grid.render().renderables)
        widths = {line.cell_len for line in lines}
        assert len(widths) == 1, widths  # a block drawn twice pushed the days after it right
        console.print(grid.render())
        assert "08:00 Ac" in console.export_text()
