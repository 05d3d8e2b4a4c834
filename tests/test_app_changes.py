"""Changes since a revision in the app (issue 14): `--changes-since REV` / `--since DATE` mark the
sessions new / moved / modified in the day list and the detail, `d` lists only them; reminders
of starred sessions on the screen's timer, with a clock the test moves."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from calendar_tui import cli
from calendar_tui.i18n import _
from calendar_tui.model.change_marks import ChangesSince
from calendar_tui.model.clock import PARIS
from calendar_tui.settings import Settings
from helpers import SIZE, detail_title, list_texts, shown
from test_changes import NAME, edit
from test_changes import repo as repo  # noqa: PLC0414 (the fixture, by its name)

NEW_30_11 = "Comment tirer profit du numérique dans vos politiques publiques ?"


class SteppingClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def select_piaf(screen) -> None:
    """Selects 09:30 Open Lab PIAF, 26/11 (for `s`)."""
    [piaf] = [o for o in screen.store.occurrences if o.title.startswith("Open Lab PIAF")]
    screen.go_to_occurrence(date(2020, 11, 26), piaf.id)


def notes_of(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_changes_since_a_revision_are_marked_and_d_lists_only_them(make_app, repo):
    folder = repo / "_evenements"
    edit(folder / NAME, ("[Le 19/11 à 14h]", "[Le 19/11 à 16h]"))  # moved, not committed
    app = make_app(paths=[folder], changes_since=ChangesSince(revision="HEAD~1"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_changes
        assert any(
            note.startswith("Since ") or note.startswith("Depuis ") for note in notes_of(app)
        ), notes_of(app)
        screen.go_to_day(date(2020, 11, 30))
        await pilot.pause()
        [added] = [t for t in list_texts(app) if NEW_30_11 in t]
        assert _("new") in added.split("\n")[1]
        [new] = [o for o in screen.day_occurrences if o.title == NEW_30_11]
        screen.go_to_occurrence(date(2020, 11, 30), new.id)
        await settle(pilot)
        shown_change = shown(screen.query_one("#detail-change"))
        assert detail_title(app).startswith("Comment tirer profit")
        assert shown_change == _("New since the revision")
        [moving] = [o for o in screen.store.occurrences if "pseudonymisation" in o.title]
        screen.go_to_occurrence(date(2020, 11, 19), moving.id)
        await settle(pilot)
        [moved] = [t for t in list_texts(app) if "pseudonymisation" in t]
        assert moved.startswith("16:00") and _("moved") in moved
        assert "14:00" in shown(screen.query_one("#detail-change"))  # how it was
        await pilot.press("d")
        await pilot.pause()
        titles = [o.title for o in screen.result.occurrences]
        assert len(titles) == 2 and NEW_30_11 in titles, titles
        assert _("changes only") in shown(screen.query_one("#header-filters"))
        no_expression = _("(the changes since the revision: no expression)")
        assert shown(screen.query_one("#tag-expr")) == no_expression
        await pilot.press("F")  # the favourites instead (none yet)
        await pilot.pause()
        assert len(screen.result) == 0 and "favoris" in shown(screen.query_one("#header-filters"))
        await pilot.press("d")  # the changes again, then the whole programme
        await pilot.pause()
        assert len(screen.result) == 2
        await pilot.press("d")
        await pilot.pause()
        assert screen.flt.only is None and len(screen.result) == len(screen.store.occurrences)


async def test_a_folder_outside_any_repository_is_said_and_d_does_nothing(make_app, tmp_path):
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "p.md").write_text(
        "---\ntitle: Un atelier\nevent_start_date: 2020-11-12 14:00:00 +01:00\n---\nTexte\n",
        encoding="utf-8",
    )
    app = make_app(paths=[folder], changes_since=ChangesSince(since=date(2020, 11, 10)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("n’est pas dans un dépôt git" in n for n in notes_of(app)), notes_of(app)
        assert not app.screen.has_changes
        assert app.screen.check_action("changes_only", ()) is False


def test_the_command_line_passes_changes_since_and_since_to_the_app(monkeypatch, tmp_path):
    made = []

    class Made:
        signalled = None  # the app was not ended by a signal

        def run(self) -> None:
            pass

    def fake_make_app(**kwargs):
        made.append(kwargs)
        return Made()

    monkeypatch.setattr("calendar_tui.factory.make_app", fake_make_app)
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-26T09:00")
    assert cli.main(["--changes-since", "HEAD~3", str(tmp_path)]) == 0
    assert cli.main(["open", "--since", "2020-11-16", str(tmp_path)]) == 0
    assert made[0]["changes_since"] == ChangesSince(revision="HEAD~3")
    assert made[1]["changes_since"] == ChangesSince(since=date(2020, 11, 16))
    assert made[0]["clock"].now() == datetime(2020, 11, 26, 9, tzinfo=PARIS)
    with pytest.raises(SystemExit):  # one or the other
        cli.main(["--since", "2020-11-16", "--changes-since", "HEAD"])


# -- reminders --------------------------------------------------------------------------------


async def test_a_starred_session_is_reminded_once_minutes_before_it_starts(
    make_app, bundled_store, tmp_path, monkeypatch
):
    clock = SteppingClock(datetime(2020, 11, 26, 9, 0, tzinfo=PARIS))
    app = make_app(
        bundled_store,
        clock=clock,
        settings=Settings(reminder_minutes=10),
        favourites_path=tmp_path / "favourites.json",
    )
    bells = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(clock.now()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        select_piaf(screen)
        await settle(pilot)
        assert detail_title(app).startswith("Open Lab PIAF")  # 09:30
        await pilot.press("s")
        await settle(pilot)
        assert notes_of(app) == [] and bells == []  # 09:00: not yet
        clock.moment = datetime(2020, 11, 26, 9, 19, tzinfo=PARIS)
        screen.tick()
        assert notes_of(app) == []
        clock.moment = datetime(2020, 11, 26, 9, 21, tzinfo=PARIS)
        screen.tick()
        await pilot.pause()
        [note] = notes_of(app)
        assert note.startswith("Dans 9 min (09:30) : Open Lab PIAF")
        assert bells == [clock.moment]
        clock.moment = datetime(2020, 11, 26, 9, 25, tzinfo=PARIS)
        screen.tick()  # once only
        await pilot.pause()
        assert len(notes_of(app)) == 1 and len(bells) == 1


async def test_a_star_given_inside_the_lead_is_reminded_at_once_without_bell_if_unwanted(
    make_app, bundled_store, tmp_path, monkeypatch
):
    clock = SteppingClock(datetime(2020, 11, 26, 9, 25, tzinfo=PARIS))
    app = make_app(
        bundled_store,
        clock=clock,
        settings=Settings(reminder_minutes=10, reminder_bell=False),
        favourites_path=tmp_path / "favourites.json",
    )
    bells = []
    monkeypatch.setattr(app, "bell", lambda: bells.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        select_piaf(app.screen)
        await pilot.press("s")  # Open Lab PIAF, in 5 minutes
        await settle(pilot)
        assert [n[:18] for n in notes_of(app)] == ["Dans 5 min (09:30)"]
        assert bells == []


async def test_reminders_off_with_zero_minutes(make_app, bundled_store, tmp_path):
    clock = SteppingClock(datetime(2020, 11, 26, 9, 25, tzinfo=PARIS))
    app = make_app(
        bundled_store,
        clock=clock,
        settings=Settings(reminder_minutes=0),
        favourites_path=tmp_path / "favourites.json",
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        select_piaf(app.screen)
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.favourites
        clock.moment = datetime(2020, 11, 26, 9, 29, tzinfo=PARIS)
        app.screen.tick()
        assert notes_of(app) == []
