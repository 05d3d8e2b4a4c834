"""The linear view (`L`, `--linear`): the shown programme as paragraphs of sentences, a month
at a time, every symbol mark said in words, the filters and the search kept, moving in it selects
a session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import OptionList

from calendar_tui.screens.live_reload import LiveReload
from calendar_tui.widgets.linear_view import LinearView
from calendar_tui.widgets.month_grid import MonthGrid
from helpers import SIZE, shown
from test_app_live import opened, reload, until, write_post

SNAPSHOT_SIZE = (80, 24)


def paragraphs(app) -> list[str]:
    options = app.screen.query_one("#linear-sessions", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def heading(app) -> str:
    return shown(app.screen.query_one("#linear-heading"))


async def linear(pilot) -> None:
    await pilot.press("L")
    await until(pilot, lambda: pilot.app.screen.query_one(LinearView).occurrences)
    await pilot.pause()


async def test_l_shows_the_programme_as_sentences_and_back(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await linear(pilot)
        assert screen.query_one(LinearView).display and not screen.query_one("#left").display
        texts = paragraphs(app)
        assert len(texts) == len(bundled_store.occurrences)
        assert f"novembre 2020 : {len(texts)} sessions." in heading(app)  # the day's month
        assert all("novembre 2020" in text.split("\n")[0] for text in texts)  # sentences
        assert screen.query_one("#linear-sessions").has_focus
        # The selected session is the highlighted paragraph; moving selects another.
        options = screen.query_one("#linear-sessions", OptionList)
        selected = screen.occurrence
        assert selected is not None
        assert screen.query_one(LinearView).occurrences[options.highlighted] == selected
        assert selected.title in paragraphs(app)[options.highlighted].split("\n")[0]
        await pilot.press("down")
        await pilot.pause()
        moved = screen.query_one(LinearView).occurrences[options.highlighted]
        assert screen.occurrence == moved and screen.day == moved.first_day
        await pilot.press("L")
        await pilot.pause()
        assert screen.query_one("#left").display and screen.query_one(MonthGrid).has_focus
        assert screen.occurrence == moved


async def test_every_mark_has_words(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("s")  # the opening day's first session, starred
        await pilot.pause()
        starred = screen.occurrence
        await linear(pilot)
        view = screen.query_one(LinearView)
        text = paragraphs(app)[view.occurrences.index(starred)]
        assert text.startswith("★ ") and "Dans vos favoris." in text
        now = [t for t in paragraphs(app) if t.split(" ")[0] in ("▶", "★") and "En cours." in t]
        nexts = [t for t in paragraphs(app) if "Commence ensuite." in t]
        assert all(t.startswith(("▶", "★ ▶")) for t in now)
        assert nexts and all("›" in t.split("\n")[0] for t in nexts)
        all_day = [t for t in paragraphs(app) if "toute la journée" in t]
        assert all(t.split("\n")[0].split(" ")[0] in ("▬", "★", "▶", "›") for t in all_day)
        assert all("▬" in t.split("\n")[0] for t in all_day)


async def test_filters_and_search_apply_in_the_linear_view(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await linear(pilot)
        everything = len(paragraphs(app))
        tag = bundled_store.tags()[0]
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert len(paragraphs(app)) == tag.count < everything
        assert "filtré par" in heading(app)
        await pilot.press("c", "slash", *"piaf")
        await pilot.pause()
        await pilot.pause()
        assert 0 < len(paragraphs(app)) < everything
        assert all("piaf" in text.lower() for text in paragraphs(app))
        # The day shown before has no such session: the first paragraph is the one selected.
        view = app.screen.query_one(LinearView)
        assert app.screen.occurrence == view.occurrences[0]
        assert app.screen.query_one("#linear-sessions", OptionList).highlighted == 0
        await pilot.press("enter")  # back to the list, not to the hidden grid
        await pilot.pause()
        assert app.screen.query_one("#linear-sessions").has_focus


async def test_linear_opens_on_the_linear_view_and_follows_a_reload(make_app, tmp_path: Path):
    folder = tmp_path / "posts"
    folder.mkdir()
    write_post(folder, "a.md", "Atelier A", 18, 14)
    app = make_app(paths=[folder], linear=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        await until(pilot, lambda: paragraphs(app))
        assert paragraphs(app)[0].startswith("› Mercredi 18 novembre 2020, à 14 h : Atelier A.")
        write_post(folder, "b.md", "Atelier B", 18, 16)
        await reload(pilot, screen, folder / "b.md")
        await until(pilot, lambda: len(paragraphs(app)) == 2)
        assert paragraphs(app)[1].startswith("Mercredi 18 novembre 2020, à 16 h : Atelier B.")
        assert screen.query_one(LiveReload).store is screen.store


async def test_the_linear_view_shows_the_days_month(make_app):
    from conftest import store_of, timed_session

    days = [date(2020, 10, 30), date(2020, 11, 3), date(2020, 11, 20), date(2020, 12, 1)]
    store = store_of(*(timed_session(f"s{n}", f"Atelier {n}", d, 10) for n, d in enumerate(days)))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.day = date(2020, 11, 3)
        await linear(pilot)
        assert [o.title for o in app.screen.query_one(LinearView).occurrences] == [
            "Atelier 1",
            "Atelier 2",
        ]
        await pilot.press("right_square_bracket")  # the next month
        await until(
            pilot, lambda: app.screen.query_one(LinearView).occurrences[0].title == "Atelier 3"
        )
        assert "décembre 2020 : 1 session." in heading(app)


def test_linear_view_80x24(snap_compare, make_app, bundled_store):
    async def run_before(pilot) -> None:
        await linear(pilot)

    assert snap_compare(make_app(bundled_store), terminal_size=SNAPSHOT_SIZE, run_before=run_before)
