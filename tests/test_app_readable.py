"""Readable detail and grid: a star moves nothing in a cell, the running order does not repeat the
description and wraps under its text, times never break, another time zone is named; the tag
picker's counts follow the filters; no match said once for the whole programme."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from textual.widgets import OptionList

from calendar_tui.i18n import _
from calendar_tui.model.types import AgendaItem, Session, Slot
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.month_grid import MonthGrid
from conftest import store_of, timed_session
from helpers import SIZE, shown


def grid_rows(app) -> list[str]:
    grid = app.screen.query_one(MonthGrid)
    return [grid.render_line(y).text for y in range(grid.content_size.height)]


async def test_a_star_moves_neither_the_all_day_mark_nor_the_count(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "p", "p")  # 26 November: an all-day span and sessions
        await pilot.pause()
        before = grid_rows(app)
        await pilot.press("enter", "s")
        await pilot.pause()
        after = grid_rows(app)
        changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
        assert changed, "the star shows"
        for b, a in changed:
            assert len(a) == len(b)
            diffs = [i for i, (x, y) in enumerate(zip(b, a, strict=True)) if x != y]
            assert {a[i] for i in diffs} == {"★"}, (b, a)  # only blanks became stars
            assert all(b[i] == " " for i in diffs)


def _session(**extra) -> Session:
    return timed_session("s1", "Journée", date(2020, 11, 18), 9, minutes=8 * 60, **extra)


async def test_running_order_wraps_under_its_text_and_repeats_no_paragraph(make_app, clock):
    long = "Une très longue présentation des travaux de la matinée " * 3
    session = _session(
        description=f"Le matin.\n\n{long}\n\nFin.",
        agenda=(
            AgendaItem(time(9, 30), None, long),
            AgendaItem(time(14, 0), time(15, 0), "Ateliers " * 12),
        ),
    )
    app = make_app(store_of(session))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        lines = shown(app.screen.query_one("#detail-agenda")).rstrip().splitlines()
        assert lines[0].startswith("Déroulé")
        assert lines[1].lstrip().startswith("9\u00a0h\u00a030") and lines[1].endswith("…")
        at_14 = next(i for i, line in enumerate(lines) if "14\u00a0h\u00a000" in line)
        column = lines[at_14].index("Ateliers")
        assert len(lines) > at_14 + 1  # wrapped...
        for line in lines[at_14 + 1 :]:
            assert line[:column].strip() == "" and line[column:].startswith("Ateliers")  # ...under


async def test_times_urls_and_paths_never_break_mid_word(make_app, clock):
    from calendar_tui.model.types import Link

    url = "https://www.example.org/un/tres/long/chemin/vers/la/page/d-inscription?session=12345"
    session = _session(links=(Link("Inscription", url),))
    app = make_app(store_of(session))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        detail = app.screen.query_one(SessionDetail)
        when = shown(detail.query_one("#detail-when"))
        for part in ("9\u00a0h\u00a000", "17\u00a0h\u00a000", "18\u00a0novembre\u00a02020"):
            assert part in when.replace("\n", " ") and part not in ("",)
            assert not any(part.split("\u00a0")[0] == line.strip() for line in when.splitlines())
        links = shown(detail.query_one("#detail-links")).splitlines()
        assert [line.strip()[:8] for line in links if "https" in line] == ["https://"]
        source = shown(detail.query_one("#detail-source")).splitlines()
        assert source[0].strip() == "Source :" and "essai.md:1" in source[1]


async def test_another_time_zone_is_named_with_the_paris_time(make_app, clock):
    toronto = ZoneInfo("America/Toronto")
    start = datetime(2020, 11, 18, 9, tzinfo=toronto)
    session = Session(id="t", title="À Toronto", slots=(Slot(start, start + timedelta(hours=2)),))
    app = make_app(store_of(session))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        when = shown(app.screen.query_one("#detail-when")).replace("\n", " ")
        assert "America/Toronto" in when and "15\u00a0h\u00a000 – 17\u00a0h\u00a000" in when


async def test_tag_picker_counts_follow_the_other_filters(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"pseudonymisation", "enter")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        options = app.screen.query_one("#tags").query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        total = {t.label: t.count for t in bundled_store.tags()}
        webinar = next(p for p in prompts if "Webinaire" in p)
        assert webinar.endswith(f"/{total['Webinaire']})")  # under the search / in all
        assert any(p.endswith(" (0/" + str(total[label]) + ")") for label in total for p in prompts)


async def test_no_match_is_said_for_the_whole_programme(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzqqq")
        await pilot.pause()
        await pilot.pause()
        empty = shown(app.screen.query_one("#no-sessions"))
        assert empty == _("No session matches these filters, in the whole programme")
