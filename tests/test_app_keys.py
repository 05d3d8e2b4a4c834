"""Pilot tests: every key of the app, asserting the state and what is shown."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Markdown, OptionList, Static

from calendar_tui.model.clock import PARIS, FixedClock
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.screens.help import HelpScreen
from calendar_tui.screens.problems import ProblemsScreen
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.month_grid import MonthGrid
from calendar_tui.widgets.tag_picker import TagPicker
from helpers import SIZE, day_title, detail_title, list_texts, shown


async def test_opens_on_today_when_its_month_has_sessions(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert screen.day == date(2020, 11, 18)
        assert screen.query_one(MonthGrid).has_focus
        assert day_title(app).startswith("Mercredi 18 novembre 2020")
        assert "Mois de l’innovation publique" in shown(screen.query_one("#header-title"))


@pytest.mark.parametrize("now", [datetime(2024, 3, 15, 9), datetime(2020, 10, 1, 9)])
async def test_opens_on_nearest_month_with_sessions(make_app, bundled_store, now):
    app = make_app(bundled_store, clock=FixedClock(now.replace(tzinfo=PARIS)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.day == date(2020, 11, 2)  # its first session day
        assert "02/11→30/11" in list_texts(app)[0]


async def test_arrows_and_hjkl_move_the_day(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("right")
        assert screen.day == date(2020, 11, 19)
        await pilot.press("l", "l")
        assert screen.day == date(2020, 11, 21)
        await pilot.press("left", "h")
        assert screen.day == date(2020, 11, 19)
        await pilot.press("down")
        assert screen.day == date(2020, 11, 26)
        await pilot.press("j")
        assert screen.day == date(2020, 12, 3)
        assert app.screen.query_one(MonthGrid).border_title == "Décembre 2020"
        await pilot.press("k", "up")
        assert screen.day == date(2020, 11, 19)
        await pilot.pause()
        assert day_title(app).startswith("Jeudi 19 novembre 2020")


async def test_months_change_with_page_keys_and_brackets(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("pagedown")
        assert screen.day == date(2020, 12, 18)
        await pilot.press("right_square_bracket")
        assert screen.day == date(2021, 1, 18)
        await pilot.press("pageup", "left_square_bracket")
        assert screen.day == date(2020, 11, 18)
        await pilot.press("[")
        assert screen.day == date(2020, 10, 18)
        await pilot.pause()
        assert app.screen.query_one(MonthGrid).border_title == "Octobre 2020"


async def test_n_p_home_end_jump_between_session_days(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("n")
        assert screen.day == date(2020, 11, 19)
        await pilot.press("n", "n")
        assert screen.day == date(2020, 11, 23)  # the weekend only has the month-long span
        await pilot.press("p")
        assert screen.day == date(2020, 11, 20)
        await pilot.press("end")
        assert screen.day == date(2020, 11, 30)
        await pilot.press("home")
        assert screen.day == date(2020, 11, 2)
        await pilot.press("p")  # nothing before: stays, says so
        assert screen.day == date(2020, 11, 2)


async def test_t_jumps_to_today(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "pagedown", "t")
        assert app.screen.day == date(2020, 11, 18)
        assert app.screen.query_one(MonthGrid).today == date(2020, 11, 18)


async def test_enter_focuses_the_day_sessions_and_tab_cycles(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("end", "p", "p")
        assert screen.day == date(2020, 11, 26)
        await pilot.press("enter")
        await pilot.pause()
        options = screen.query_one("#sessions", OptionList)
        assert options.has_focus
        texts = list_texts(app)
        assert len(texts) == 6  # the span, then five sessions with overlaps
        assert texts[1].startswith("09:30–12:00 Open Lab PIAF")
        assert texts[2].startswith("11:00–11:45 La mission LABEL")
        await pilot.press("down")
        await pilot.pause()
        assert detail_title(app).startswith("Open Lab PIAF")
        await pilot.press("enter")
        assert screen.query_one(SessionDetail).has_focus
        await pilot.press("tab")
        assert screen.query_one(MonthGrid).has_focus
        await pilot.press("tab")
        assert options.has_focus
        await pilot.press("escape")
        assert screen.query_one(MonthGrid).has_focus


async def test_detail_pane_shows_everything_in_words(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "p", "p", "enter", "down")
        await pilot.pause()
        screen = app.screen
        occurrence = screen.occurrence
        assert occurrence.title.startswith("Open Lab PIAF")
        assert (
            shown(screen.query_one("#detail-when")).replace("\xa0", " ").strip()
            == "Jeudi 26 novembre 2020, 9 h 30 – 12 h 00"
        )
        assert "Intelligence\xa0artificielle" in shown(
            screen.query_one("#detail-tags")
        )  # never split
        assert (
            shown(screen.query_one("#detail-source"))
            .rstrip()
            .endswith("data/mois-de-linnovation-publique-edition-2020.markdown:143")
        )
        markdown = screen.query_one("#detail-description", Markdown)
        assert markdown.display
        assert "<" not in markdown.source and "{:" not in markdown.source


async def test_tag_picker_include_exclude_and_mode(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("f")
        picker = screen.query_one(TagPicker)
        assert picker.display and picker.options.has_focus
        labels = [str(picker.options.get_option_at_index(i).prompt) for i in range(3)]
        assert labels[0] == "1 [ ] Webinaire (15)"
        assert labels[1] == "2 [ ] Intelligence artificielle (7)"
        await pilot.press("down", "space")
        await pilot.pause()
        assert screen.flt.include == {"intelligence artificielle"}
        assert str(picker.options.get_option_at_index(1).prompt).startswith("2 [+]")
        assert "tags : Intelligence artificielle" in shown(screen.query_one("#header-filters"))
        assert screen.day_counts.get(date(2020, 11, 26)) == 1
        assert screen.day_counts.get(date(2020, 11, 2)) is None
        await pilot.press("up", "x")
        assert screen.flt.exclude == {"webinaire"}
        await pilot.press("a")
        assert screen.flt.match_all
        assert "tous les tags" in shown(picker.query_one("#tag-mode"))
        await pilot.press("space")  # including an excluded tag moves it over
        assert screen.flt.include == {"intelligence artificielle", "webinaire"}
        assert screen.flt.exclude == frozenset()
        assert sorted(screen.day_counts) == [date(2020, 11, 19)]
        await pilot.press("escape")
        assert not picker.display
        assert screen.query_one(MonthGrid).has_focus


async def test_number_keys_toggle_top_tags_and_c_clears(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("2")
        assert screen.flt.include == {"intelligence artificielle"}
        await pilot.press("1")
        assert screen.flt.include == {"intelligence artificielle", "webinaire"}
        await pilot.press("2")
        assert screen.flt.include == {"webinaire"}
        await pilot.press("c")
        assert screen.flt.is_empty
        await pilot.pause()
        assert shown(screen.query_one("#header-filters")) == "Tous les tags"


async def test_filter_updates_grid_list_and_detail_together(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("end", "p", "p")  # 26/11
        await pilot.pause()
        assert len(list_texts(app)) == 6
        await pilot.press("2")  # Intelligence artificielle
        await pilot.pause()
        assert [t.split("\n")[0] for t in list_texts(app)] == [
            "09:30–12:00 Open Lab PIAF (Pour une IA francophone), du modèle IA à l’application"
        ]
        assert detail_title(app).startswith("Open Lab PIAF")
        assert screen.query_one(MonthGrid).counts[date(2020, 11, 26)] == 1
        await pilot.press("left")  # 25/11: nothing with that tag
        await pilot.pause()
        empty = screen.query_one("#no-sessions", Static)
        assert empty.display and shown(empty) == "Aucune session ce jour avec ces filtres"
        assert not screen.query_one("#sessions").display
        assert screen.occurrence is None


async def test_search_as_you_type_and_escape_clears(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("slash")
        search = screen.query_one("#search", Input)
        assert search.display and search.has_focus
        await pilot.press(*"PSEUDONYMISATION")
        await pilot.pause()
        assert screen.flt.text == "PSEUDONYMISATION"
        assert dict(screen.day_counts) == {date(2020, 11, 19): 1}
        assert "recherche « PSEUDONYMISATION »" in shown(screen.query_one("#header-filters"))
        await pilot.press("escape")
        assert screen.flt.text == ""
        assert not search.display
        assert screen.query_one(MonthGrid).has_focus
        await pilot.press("slash", *"donnees")  # accents ignored
        await pilot.press("enter")
        assert screen.flt.text == "donnees"
        assert date(2020, 11, 26) in screen.day_counts
        assert search.display  # stays visible while a search is active
        assert screen.query_one(MonthGrid).has_focus
        await pilot.press("c")
        assert screen.flt.text == "" and search.value == ""


async def test_help_screen_lists_every_key(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown(app.screen.query_one("#help-table"))
        for words in (
            "Quitter",
            "mois suivant",
            "Chercher",
            "Exclure",
            "tous les tags",
            "PgPréc / [",
        ):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, CalendarScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_problems_screen_and_header_count(make_app, tmp_path, monkeypatch):
    from calendar_tui.model.loader import load_store
    from conftest import write_broken_posts

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        badge = app.screen.query_one("#header-problems")
        assert badge.display and shown(badge) == "⚠ 3 problèmes"
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(3)]
        assert ["bad-date.md", "9", "erreur", "« 31/11 » n'est pas une date"] in rows
        await pilot.press("escape")
        assert isinstance(app.screen, CalendarScreen)


async def test_no_problems_hides_the_badge_and_the_key(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#header-problems").display
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, CalendarScreen)
        assert "problems" not in {
            b.binding.action for b in app.active_bindings.values()
        } or not any(
            b.enabled for b in app.active_bindings.values() if b.binding.action == "problems"
        )


async def test_post_text_is_never_markup(make_app):
    from conftest import store_of, timed_session

    title = "[bold red]pas du markup[/] \x1b[31m rouge"
    session = timed_session("p/1", title, date(2020, 11, 18), 9, tags=("[link=x]tag[/link]",))
    app = make_app(store_of(session, title="[b]Titre[/b]"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[bold red]pas du markup[/]" in list_texts(app)[0]
        assert detail_title(app).startswith("[bold red]pas du markup[/]")
        assert "[link=x]tag[/link]" in shown(app.screen.query_one("#detail-tags"))
        assert shown(app.screen.query_one("#header-title")) == "[b]Titre[/b]"


async def test_palette_offers_the_app_commands(make_app, bundled_store):
    from calendar_tui.screens.palette import CalendarCommands

    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        provider = CalendarCommands(app.screen)
        hits = [hit async for hit in provider.search("26/11/2020")]
        assert str(hits[0].text) == "Aller au 26/11/2020"
        hits[0].command()
        assert app.screen.day == date(2020, 11, 26)
        hits = [hit async for hit in provider.search("Intelligence")]
        assert any("Tag : Intelligence artificielle (7)" in str(hit.text) for hit in hits)
        tag_hit = next(hit for hit in hits if "Tag : Intelligence" in str(hit.text))
        tag_hit.command()
        assert app.screen.flt.include == {"intelligence artificielle"}
        hits = [hit async for hit in provider.search("Effacer tous")]
        await hits[0].command()
        await pilot.pause()
        assert app.screen.flt.is_empty
        discovered = [str(hit.text) async for hit in provider.discover()]
        assert "Aller au mois suivant" in discovered and "Effacer tous les filtres" in discovered
        await pilot.press("ctrl+p")
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)


async def test_theme_is_remembered(make_app, bundled_store, tmp_path):
    from calendar_tui.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    app = make_app(bundled_store, settings=Settings(path=path))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(path).theme == "nord"
    again = make_app(bundled_store, settings=load_settings(path))
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_keys_can_be_remapped_from_settings(make_app, bundled_store):
    from calendar_tui.settings import Settings

    settings = Settings(keymap={"calendar.next_day": "z"})
    app = make_app(bundled_store, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")
        assert app.screen.day == date(2020, 11, 19)


async def test_loads_paths_in_a_worker_with_progress(make_app, tmp_path):
    from conftest import write_broken_posts

    write_broken_posts(tmp_path)
    app = make_app(paths=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert len(app.store.posts) >= 2


async def test_resizes_cleanly(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "p", "p")
        for size in ((200, 60), (80, 24), (60, 20), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.screen.query_one(MonthGrid).size.width > 0
        assert app.screen.day == date(2020, 11, 26)


async def test_q_quits(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
