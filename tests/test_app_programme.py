"""Pilot tests for "my programme": stars, favourites only, clashes, export, links, week view,
now and next. Every key of issue 4, asserting the state and what is shown."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from textual.widgets import DataTable, OptionList

from calendar_tui.model.clock import PARIS
from calendar_tui.model.types import Link
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.screens.clashes import ClashesScreen
from calendar_tui.screens.export import ExportDone
from calendar_tui.screens.links import LinkChooser
from calendar_tui.widgets.month_grid import MonthGrid
from calendar_tui.widgets.week_grid import WeekGrid, week_start
from conftest import store_of, timed_session
from helpers import SIZE, detail_title, list_texts, shown

TO_26_11 = ("end", "p", "p")  # from the opening day (18/11)
PIAF = "Open Lab PIAF"
LABEL = "La mission LABEL"


class SteppingClock:
    """A clock the test moves by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


@pytest.fixture
def favourites_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "favourites.json"


@pytest.fixture
def app_on(make_app, bundled_store, favourites_path, tmp_path):
    def build(**kwargs):
        kwargs.setdefault("favourites_path", favourites_path)
        kwargs.setdefault("export_dir", tmp_path / "exports")
        return make_app(kwargs.pop("store", bundled_store), **kwargs)

    return build


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def star_the_26_11_overlap(pilot) -> None:
    """Stars 09:30–12:00 Open Lab PIAF and 11:00–11:45 La mission LABEL."""
    await pilot.press(*TO_26_11, "enter", "down", "s", "down", "s")
    await settle(pilot)


def saved_ids(path: Path) -> list[str]:
    return json.loads(path.read_text(encoding="utf-8"))["favourites"]


async def test_s_stars_the_session_everywhere_and_saves_it(app_on, favourites_path):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        await pilot.press(*TO_26_11, "enter", "down")
        await pilot.pause()
        assert detail_title(app).startswith(PIAF)
        await pilot.press("s")
        await settle(pilot)
        session_id = screen.occurrence.session.id
        assert screen.favourites == {session_id}
        assert list_texts(app)[1].startswith(f"09:30–12:00 ★ {PIAF}")
        assert detail_title(app).startswith(f"★ {PIAF}")
        assert date(2020, 11, 26) in screen.query_one(MonthGrid).starred
        assert saved_ids(favourites_path) == [session_id]
        await pilot.press("s")  # again: unstarred
        await settle(pilot)
        assert screen.favourites == frozenset()
        assert not detail_title(app).startswith("★")
        assert saved_ids(favourites_path) == []


async def test_space_in_the_day_list_stars_and_stars_survive_a_restart(app_on, favourites_path):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*TO_26_11, "enter", "down", "space")
        await settle(pilot)
        assert app.screen.query_one("#sessions", OptionList).has_focus
        starred = app.screen.occurrence.session.id
        assert app.screen.favourites == {starred}
    again = app_on()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.screen.favourites == {starred}
        assert date(2020, 11, 26) in again.screen.query_one(MonthGrid).starred


async def test_F_shows_only_the_favourites(app_on):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        assert screen.check_action("favourites_only", ()) is False  # nothing starred yet
        await star_the_26_11_overlap(pilot)
        await pilot.press("escape", "F")
        await pilot.pause()
        assert screen.flt.only == screen.favourites
        assert "favoris" in shown(screen.query_one("#header-filters"))
        assert set(screen.day_counts) == {date(2020, 11, 26)}
        assert [t.split(" ★ ")[1][:13] for t in list_texts(app)] == [PIAF, LABEL[:13]]
        await pilot.press("F")
        assert screen.flt.only is None
        assert len(screen.day_counts) > 1


async def test_clashes_are_flagged_and_listed_by_C(app_on):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        assert screen.check_action("clashes", ()) is False
        await star_the_26_11_overlap(pilot)
        texts = list_texts(app)
        assert f"⚠ chevauche : {LABEL}" in texts[1]
        assert f"⚠ chevauche : {PIAF}" in texts[2]
        clashes = shown(screen.query_one("#detail-clashes"))
        assert clashes.startswith(f"⚠ chevauche : {PIAF}")
        assert len(screen.clash_pairs) == 1
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ClashesScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "jeudi 26 novembre"
        assert row[1] == "11:00–11:45"  # when both take place
        first, second = row[2].split("\n")
        assert first.startswith(f"09:30–12:00 {PIAF}")
        assert second.startswith(f"11:00–11:45 {LABEL}")
        await pilot.press("escape", "right", "enter")  # back, another day, then C and Enter
        await pilot.pause()
        await pilot.press("escape", "C", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        assert screen.day == date(2020, 11, 26)
        assert screen.occurrence.title.startswith(PIAF)


async def test_e_exports_the_view_to_an_ics_file(app_on, tmp_path, clock):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        await pilot.press("2")  # only "Intelligence artificielle"
        expected = {o.id for o in screen.result.occurrences}
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExportDone)
        path = tmp_path / "exports" / "programme-20201118-1000.ics"
        assert screen.last_export == path
        message = shown(app.screen.query_one("#export-message"))
        assert f"{len(expected)} événements exportés (les sessions affichées)" in message
        assert str(path) in message
        calendar = Calendar.from_ical(path.read_bytes())
        events = calendar.walk("VEVENT")
        assert {str(e["UID"]).removesuffix("@calendar-tui") for e in events} == expected
        assert {e.decoded("DTSTAMP") for e in events} == {clock.now()}
        await pilot.press("enter")
        assert isinstance(app.screen, CalendarScreen)
        await pilot.press("e")  # a second export never replaces the first
        await settle(pilot)
        assert screen.last_export == path.with_name("programme-20201118-1000-2.ics")


async def test_e_with_F_exports_the_favourites(app_on, tmp_path):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await star_the_26_11_overlap(pilot)
        await pilot.press("escape", "F", "e")
        await settle(pilot)
        path = tmp_path / "exports" / "favoris-20201118-1000.ics"
        assert "2 événements exportés (vos favoris)" in shown(
            app.screen.query_one("#export-message")
        )
        events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert sorted(str(e["SUMMARY"])[:13] for e in events) == [LABEL[:13], PIAF[:13]]


async def test_export_into_an_unwritable_folder_says_so(app_on, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    app = app_on(export_dir=blocker / "exports")
    notes: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, CalendarScreen)
        assert notes and notes[-1].startswith("Impossible d'écrire le fichier .ics")


def linked_store():
    day = date(2020, 11, 18)
    one = timed_session(
        "l/1", "Un lien", day, 9, links=(Link("Inscription", "https://example.org/i"),)
    )
    several = timed_session(
        "l/2",
        "Trois liens",
        day,
        11,
        links=(
            Link("Le site", "https://example.org/site"),
            Link("Piège", "javascript:alert(1)"),
            Link("S'inscrire", "https://example.org/inscription"),
        ),
    )
    unsafe = timed_session("l/3", "Lien douteux", day, 14, links=(Link("x", "file:///etc/passwd"),))
    none = timed_session("l/4", "Sans lien", day, 16)
    return store_of(one, several, unsafe, none)


async def test_o_opens_and_y_copies_only_web_and_mail_links(app_on, monkeypatch):
    app = app_on(store=linked_store())
    opened: list[str] = []
    notes: list[str] = []
    import webbrowser  # what a terminal app hands a link to (the links controller checks it took it)

    monkeypatch.setattr(webbrowser, "open", lambda url, **kw: opened.append(url) or True)
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        await pilot.press("enter")  # the day's first session: one link
        await pilot.pause()
        assert screen.occurrence.title == "Un lien"
        await pilot.press("o")
        assert opened == ["https://example.org/i"]
        await pilot.press("y")
        assert app.clipboard == "https://example.org/i"
        await pilot.press("down", "o")  # three links: a chooser, the registration one first
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, LinkChooser)
        options = chooser.query_one(OptionList)
        assert options.option_count == 3
        assert options.get_option_at_index(1).disabled  # javascript: shown, never chosen
        assert "ne peut pas être ouvert" in str(options.get_option_at_index(1).prompt)
        assert options.highlighted == 2
        await pilot.press("enter")
        assert opened[-1] == "https://example.org/inscription"
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("up", "enter")  # skips the disabled link
        assert app.clipboard == "https://example.org/site"
        await pilot.press("down", "o")  # file:// only: refused, said so
        assert opened[-1] == "https://example.org/inscription"
        assert notes[-1] == "Ce lien ne peut pas être ouvert : file:///etc/passwd"
        await pilot.press("down")
        await pilot.pause()
        assert screen.occurrence.title == "Sans lien"
        assert screen.check_action("open_link", ()) is False
        assert screen.check_action("copy_link", ()) is False


async def test_w_switches_to_the_week_grid_and_keys_move_by_day_and_week(app_on):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        await pilot.press("w")
        await pilot.pause()
        week = screen.query_one(WeekGrid)
        assert screen.week and week.display and week.has_focus
        assert not screen.query_one(MonthGrid).display
        assert week.border_title == "Semaine du 16/11 au 22/11/2020"
        await pilot.press("right", "l")
        assert screen.day == date(2020, 11, 20)
        await pilot.press("down")
        assert screen.day == date(2020, 11, 27)
        await pilot.pause()
        assert week.border_title == "Semaine du 23/11 au 29/11/2020"
        await pilot.press("k", "h")
        assert screen.day == date(2020, 11, 19)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#sessions", OptionList).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert week.has_focus
        await pilot.press("w")
        await pilot.pause()
        assert not screen.week and screen.query_one(MonthGrid).has_focus


async def test_week_grid_puts_overlapping_sessions_side_by_side(app_on):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*TO_26_11, "w")
        await pilot.pause()
        week = app.screen.query_one(WeekGrid)
        lines = [line.plain for line in week.render().renderables]
        assert "jeu. 26" in lines[0]
        row_11 = next(line for line in lines if line.startswith("11:00"))
        thursday = row_11[6:].split("│")[4]
        left, right = thursday[:4], thursday[4:]
        assert left == "PIA…" and right.startswith("La m")  # PIAF's lane, then LABEL's
        nine = next(line for line in lines if line.startswith("09:00"))
        assert nine[6:].split("│")[4].startswith("Open")
        assert week_start(date(2020, 11, 26)) == date(2020, 11, 23)


async def test_now_and_next_follow_the_clock_across_midnight(app_on):
    clock = SteppingClock(datetime(2020, 11, 26, 11, 10, tzinfo=PARIS))
    app = app_on(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        assert screen.day == date(2020, 11, 26)
        texts = list_texts(app)
        assert "▶ en cours" in texts[1] and PIAF in texts[1]
        assert "▶ en cours" in texts[2] and LABEL in texts[2]
        assert "› ensuite" in texts[3] and "15:30" in texts[3]
        clock.moment = datetime(2020, 11, 26, 11, 50, tzinfo=PARIS)
        screen.tick()
        await pilot.pause()
        texts = list_texts(app)
        assert "en cours" not in texts[2] and "▶ en cours" in texts[1]
        clock.moment = datetime(2020, 11, 26, 23, 59, tzinfo=PARIS)
        screen.tick()
        await pilot.pause()
        assert not any("en cours" in text for text in list_texts(app))
        clock.moment += timedelta(minutes=2)  # past midnight: today moves, so do the marks
        screen.tick()
        await pilot.pause()
        assert screen.today == date(2020, 11, 27)
        assert screen.query_one(MonthGrid).today == date(2020, 11, 27)
        assert screen.next_ids
        await pilot.press("t")
        await pilot.pause()
        assert any("› ensuite" in text for text in list_texts(app))


async def test_no_now_and_next_outside_the_programme(app_on):
    app = app_on(clock=SteppingClock(datetime(2024, 3, 15, 9, tzinfo=PARIS)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.now_ids == frozenset() and app.screen.next_ids == frozenset()


async def test_a_corrupt_favourites_file_is_set_aside_with_a_french_warning(
    app_on, favourites_path
):
    favourites_path.parent.mkdir(parents=True)
    favourites_path.write_text("{not json", encoding="utf-8")
    app = app_on()
    notes: list[str] = []
    monkeypatch_notify = lambda message, **kw: notes.append(message)  # noqa: E731
    app.notify = monkeypatch_notify
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.favourites == frozenset()
        assert notes and "était abîmé" in notes[0]
        assert list(favourites_path.parent.glob("favourites.json.corrupt-*"))
        await pilot.press(*TO_26_11, "enter", "down", "s")
        await settle(pilot)
        assert len(saved_ids(favourites_path)) == 1


async def test_a_favourites_file_from_a_newer_version_is_never_overwritten(app_on, favourites_path):
    favourites_path.parent.mkdir(parents=True)
    document = '{"version": 7, "favourites": ["x/1"], "more": true}\n'
    favourites_path.write_text(document, encoding="utf-8")
    app = app_on()
    notes: list[str] = []
    app.notify = lambda message, **kw: notes.append(message)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.favourites == {"x/1"}
        assert "version plus récente" in notes[0]
        await pilot.press(*TO_26_11, "enter", "down", "s")
        await settle(pilot)
        assert len(app.screen.favourites) == 2
        assert favourites_path.read_text(encoding="utf-8") == document
        assert len(notes) == 1  # said once, not at every star


async def test_new_keys_are_in_the_help_and_the_palette(app_on):
    from calendar_tui.screens.palette import CalendarCommands

    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = shown(app.screen.query_one("#help-table"))
        for words in (
            "Ajouter la session choisie aux favoris",
            "Ne montrer que les favoris",
            "Voir les favoris qui se chevauchent",
            "Exporter les sessions affichées",
            "Ouvrir le lien d'inscription",
            "Copier le lien",
            "semaine heure par heure",
        ):
            assert words in help_text
        await pilot.press("escape")
        provider = CalendarCommands(app.screen)
        names = [name for name, _, _ in provider._entries()]
        assert "Passer de la grille du mois à la semaine heure par heure, et retour" in names
        assert "Exporter les sessions affichées (ou les favoris) dans un fichier .ics" in names


async def test_clicking_a_block_of_the_week_grid_selects_that_session(app_on):
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen: CalendarScreen = app.screen
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("down")  # 25/11: the week of 23–29/11
        await pilot.pause()
        week = screen.query_one(WeekGrid)
        lines = [line.plain for line in week.render().renderables]
        row = next(i for i, line in enumerate(lines) if line.startswith("11:00"))
        width = week.column_width
        # Thursday 26/11 is the 4th column; the right half of its 11:00 row is LABEL's lane.
        x = 6 + 3 * width + 1 + (width - 1) * 3 // 4
        await pilot.click(WeekGrid, offset=(x + 1, row + 1))  # + 1: the border
        await pilot.pause()
        await pilot.pause()
        assert screen.day == date(2020, 11, 26)
        assert screen.occurrence.title.startswith(LABEL)


def on_screen(widget) -> list[str]:
    """The lines the widget draws, as wrapped on the screen."""
    return [widget.render_line(y).text for y in range(widget.size.height)]


async def test_the_clash_line_and_the_tags_never_break_a_time_or_a_tag(app_on):
    """At 120 columns the detail pane is narrow: "9 h 30" and "Volet numérique France Relance"
    once broke across lines there."""
    app = app_on()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await star_the_26_11_overlap(pilot)  # LABEL selected: it clashes with PIAF, 9 h 30–12 h
        screen = app.screen
        clashes = on_screen(screen.query_one("#detail-clashes"))
        assert len(clashes) > 1  # wrapped...
        for part in ("9\u00a0h\u00a030", "12\u00a0h\u00a000", "26\u00a0novembre\u00a02020"):
            assert any(part in line for line in clashes), clashes  # ...between words only
        tags = on_screen(screen.query_one("#detail-tags"))
        tag = "Volet\u00a0numérique\u00a0France\u00a0Relance"
        assert any(tag in line for line in tags), tags
