"""A layout per size: rows in the day list at 60x20, the detail never squeezed, a sentence under
the minimum, the problems readable at 120 columns without scrolling sideways."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList

from calendar_tui.i18n import _
from calendar_tui.widgets.detail import SessionDetail
from conftest import write_broken_posts


async def test_60x20_shows_the_days_sessions_and_a_full_width_detail(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("end", "p", "p")
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        assert options.size.height >= 4  # two sessions of two lines, at least
        await pilot.press("enter", "enter")  # into the list, then the session's detail
        await pilot.pause()
        detail = app.screen.query_one(SessionDetail)
        assert detail.has_focus and detail.size.width >= 50
        await pilot.press("escape")
        await pilot.pause()
        assert options.has_focus and options.size.height >= 4


async def test_below_the_minimum_the_app_asks_for_room(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=(36, 12)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#too-small").display
        assert not app.screen.query_one("#main").display
        assert str(app.screen.query_one("#too-small").content) == _("Enlarge the terminal…")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one("#too-small").display


async def test_problems_fit_120_columns(make_app, tmp_path, monkeypatch):
    from calendar_tui.model.loader import load_store

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling
        paths = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert all(not p.startswith("broken/") for p in paths)  # from the collection
