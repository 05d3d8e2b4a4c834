"""Live reload in the app: posts edited, renamed, deleted and created while it runs (real files in
tmp_path), the reload driven by the watcher's message so the tests wait on state, not on time;
one test with the real watchfiles watcher."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.screens.live_reload import LiveReload
from calendar_tui.widgets.header import CalendarHeader
from helpers import SIZE, detail_title


def write_post(folder: Path, name: str, title: str, day: int, hour: int, tag: str = "Atelier"):
    (folder / name).write_text(
        f"---\ntitle: {title}\ndate: 2020-11-01 10:00:00 +01:00\n"
        f"event_start_date: 2020-11-{day:02d} {hour:02d}:00:00 +01:00\n"
        f"lieu: En ligne\ntags:\n- {tag}\n---\n\nTexte.\n",
        encoding="utf-8",
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    posts = tmp_path / "posts"
    posts.mkdir()
    write_post(posts, "a.md", "Atelier A", 18, 14)
    write_post(posts, "b.md", "Atelier B", 18, 16)
    write_post(posts, "c.md", "Webinaire C", 19, 9, tag="Webinaire")
    return posts


async def until(pilot, condition, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never met")


async def opened(app, pilot) -> CalendarScreen:
    """The calendar, once its controllers (live reload among them) are mounted: after its
    first frame."""
    await until(pilot, lambda: isinstance(app.screen, CalendarScreen) and app.screen.is_mounted)
    await app.screen.controllers_mounted.wait()
    await pilot.pause()
    return app.screen  # type: ignore[return-value]


async def reload(pilot, screen: CalendarScreen, *paths: Path) -> None:
    """What the watcher posts after a save; returns once the new store is shown."""
    old = screen.store
    controller = screen.query_one(LiveReload)
    controller.post_message(LiveReload.FilesChanged(frozenset(map(str, paths))))
    await until(pilot, lambda: screen.store is not old)
    await pilot.pause()


def titles(screen: CalendarScreen) -> list[str]:
    return [o.title for o in screen.day_occurrences]


async def test_an_edited_post_is_shown_and_the_day_selection_and_filters_stay(
    make_app, folder, monkeypatch
):
    app = make_app(paths=[folder])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
        await pilot.press("1")  # the most frequent tag: Atelier
        await pilot.press("enter", "down")  # the day's second session, Atelier B
        await pilot.pause()
        assert screen.occurrence is not None and screen.occurrence.title == "Atelier B"
        await pilot.press("s")  # starred
        await pilot.pause()
        chosen_session = screen.occurrence.session.id
        flt, day = screen.flt, screen.day

        write_post(folder, "a.md", "Atelier A", 18, 15)  # moved by an hour
        await reload(pilot, screen, folder / "a.md")

        assert screen.flt == flt and screen.day == day
        assert screen.occurrence is not None and screen.occurrence.title == "Atelier B"
        assert screen.favourites == {chosen_session}
        assert [o.start.hour for o in screen.day_occurrences] == [15, 16]
        assert detail_title(app) == "★ Atelier B"
        assert "Webinaire C" not in [o.title for o in screen.result.occurrences]  # still filtered
        assert notes == ["1 post mis à jour, 1 session déplacée"]


async def test_posts_renamed_deleted_and_created_while_it_runs(make_app, folder, monkeypatch):
    app = make_app(paths=[folder])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
        assert titles(screen) == ["Atelier A", "Atelier B"]

        (folder / "b.md").rename(folder / "b-renamed.md")
        await reload(pilot, screen, folder / "b.md", folder / "b-renamed.md")
        assert titles(screen) == ["Atelier A", "Atelier B"]
        assert screen.day_occurrences[1].post.path.endswith("b-renamed.md")

        (folder / "a.md").unlink()
        await reload(pilot, screen, folder / "a.md")
        assert titles(screen) == ["Atelier B"]

        write_post(folder, "d.md", "Atelier D", 18, 18)
        write_post(folder, "e.md", "Atelier E", 18, 19)
        await reload(pilot, screen, folder / "d.md", folder / "e.md")
        assert titles(screen) == ["Atelier B", "Atelier D", "Atelier E"]
        assert notes[1:] == [
            "1 post retiré, 1 session retirée",
            "2 posts ajoutés, 2 sessions ajoutées",
        ]


async def test_a_half_written_save_is_never_shown_as_an_error(make_app, folder, monkeypatch):
    monkeypatch.setattr(LiveReload, "SETTLE_S", 30.0)  # the rest of the save comes before
    app = make_app(paths=[folder])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
        controller = screen.query_one(LiveReload)
        before = screen.store

        # Truncated, then written in two pieces: the first piece leaves the front matter open.
        (folder / "a.md").write_text("---\ntitle: Atelier A\ndate: 2020", encoding="utf-8")
        controller.post_message(LiveReload.FilesChanged(frozenset({str(folder / "a.md")})))
        await until(pilot, lambda: controller.settling)
        assert screen.store is before  # held back, nothing shown
        assert screen.query_one(CalendarHeader).problems == 0

        write_post(folder, "a.md", "Atelier A", 18, 10)
        await reload(pilot, screen, folder / "a.md")
        assert not controller.settling
        assert screen.store.diagnostics == ()
        assert screen.query_one(CalendarHeader).problems == 0
        assert notes == ["1 post mis à jour, 1 session déplacée"]


async def test_a_broken_post_keeps_its_last_good_version(make_app, folder, monkeypatch):
    monkeypatch.setattr(LiveReload, "SETTLE_S", 0.05)
    app = make_app(paths=[folder])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
        (folder / "a.md").write_text('---\ntitle: "Atelier A\ndate: [\n---\n', encoding="utf-8")
        await reload(pilot, screen, folder / "a.md")

        assert titles(screen) == ["Atelier A", "Atelier B"]  # still there
        kept = [d for d in screen.store.diagnostics if d.code == "post.kept"]
        assert [Path(d.path).name for d in kept] == ["a.md"]
        assert any(d.severity == "error" for d in screen.store.diagnostics)
        assert screen.query_one(CalendarHeader).problems == len(screen.store.diagnostics) == 2
        assert app.store is screen.store  # `!` lists the new problems
        assert notes == ["a.md a des erreurs : sa dernière version correcte reste affichée"]

        write_post(folder, "a.md", "Atelier A, corrigé", 18, 14)  # fixed
        await reload(pilot, screen, folder / "a.md")
        assert titles(screen) == ["Atelier A, corrigé", "Atelier B"]
        assert screen.store.diagnostics == ()
        assert screen.query_one(CalendarHeader).problems == 0


async def test_r_reloads_by_hand_and_says_when_nothing_changed(make_app, folder, monkeypatch):
    app = make_app(paths=[folder])
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
        old = screen.store
        await pilot.press("R")
        await until(pilot, lambda: screen.store is not old)
        assert notes == ["Rien n'a changé"]
        write_post(folder, "c.md", "Webinaire C", 19, 9, tag="Conférence")
        old = screen.store
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.store is not old)
        assert notes[-1] == "1 post mis à jour, 1 session aux tags changés"
        assert "conference" in {tag.key for tag in screen.store.tags()}


async def test_a_store_given_as_it_is_has_nothing_to_reload(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.check_action("reload", ()) is False  # before the controllers too
        await app.screen.controllers_mounted.wait()
        assert not app.screen.query_one(LiveReload).can_reload
        assert app.screen.check_action("reload", ()) is False


async def test_the_real_watcher_sees_a_save(make_app, folder):
    app = make_app(paths=[folder], watch=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        controller = screen.query_one(LiveReload)
        await until(pilot, lambda: controller.watching)
        old = screen.store
        # As an editor saves: a temporary file renamed over the post.
        temporary = folder / ".a.md.swp"
        temporary.write_text((folder / "a.md").read_text().replace("14:00", "11:00"))
        await asyncio.to_thread(temporary.replace, folder / "a.md")
        await until(pilot, lambda: screen.store is not old, timeout=20)
        assert [o.start.hour for o in screen.day_occurrences] == [11, 16]


async def test_a_retitled_session_stays_selected_and_starred(make_app, folder, tmp_path):
    app = make_app(paths=[folder], favourites_path=tmp_path / "favourites.json")
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        await pilot.press("enter", "down", "s")  # Atelier B, selected and starred
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert screen.occurrence.title == "Atelier B" and len(screen.favourites) == 1

        write_post(folder, "b.md", "Atelier B (complet)", 18, 16)  # a new title: a new id
        await reload(pilot, screen, folder / "b.md")
        await until(pilot, lambda: screen.occurrence.session.id in screen.favourites)
        assert screen.occurrence.title == "Atelier B (complet)"
        assert screen.favourites == {screen.occurrence.session.id}
        await app.workers.wait_for_complete()
        saved = (tmp_path / "favourites.json").read_text(encoding="utf-8")
        assert screen.occurrence.session.id in saved


async def test_the_watcher_falls_back_to_polling_when_events_fail(make_app, folder, monkeypatch):
    import calendar_tui.screens.live_reload as live_reload

    asked: list[bool | None] = []
    go = threading.Event()  # the change comes once the test looks

    def batches(paths, poll, stop):
        asked.append(poll)
        if not poll:
            raise OSError(28, "OS file watch limit reached")
        yield set()
        go.wait(10)
        yield {(2, str(folder / "a.md"))}
        stop.wait()

    monkeypatch.setattr(live_reload, "_watchfiles_batches", batches)
    app = make_app(paths=[folder], watch=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app, pilot)
        controller = screen.query_one(LiveReload)
        old = screen.store
        go.set()
        await until(pilot, lambda: screen.store is not old)
        assert asked == [None, True] and controller.polling and controller.watching
