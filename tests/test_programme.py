"""My programme in plain Python: now and next, week lanes, export file names."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from calendar_tui.model.clock import PARIS
from calendar_tui.model.export_files import (
    default_export_dir,
    display_path,
    export_name,
    free_path,
)
from calendar_tui.model.programme import day_minutes, lanes, now_and_next
from calendar_tui.model.types import Occurrence, Post, Session, Slot

DAY = date(2020, 11, 26)
POST = Post(path="p.md", title="p")


def occ(ident: str, hour: float, minutes: int | None = 60, day: date = DAY) -> Occurrence:
    start = datetime(day.year, day.month, day.day, tzinfo=PARIS) + timedelta(hours=hour)
    end = start + timedelta(minutes=minutes) if minutes is not None else None
    session = Session(id=ident, title=ident, slots=(Slot(start, end),))
    return Occurrence(session, POST, start, end, False)


def span(ident: str) -> Occurrence:
    session = Session(id=ident, title=ident, slots=(Slot(DAY, DAY, True),))
    return Occurrence(session, POST, DAY, DAY, True)


def at(hour: float) -> datetime:
    return datetime(2020, 11, 26, tzinfo=PARIS) + timedelta(hours=hour)


def test_now_and_next_in_the_bundled_overlap():
    piaf, label, later = occ("piaf", 9.5, 150), occ("label", 11, 45), occ("later", 15.5, 90)
    items = [span("all"), piaf, label, later]
    found = now_and_next(items, at(11 + 1 / 6))
    assert found.now == {piaf.id, label.id}
    assert found.next == {later.id}
    assert found.until == at(11.75)  # LABEL ends: recompute then
    assert now_and_next(items, at(8)).now == frozenset()
    assert now_and_next(items, at(8)).next == {piaf.id}
    after = now_and_next(items, at(20))
    assert after.now == after.next == frozenset() and after.until is None


def test_now_and_next_half_open_and_default_hour():
    open_ended = occ("a", 17, None)
    assert now_and_next([open_ended], at(17.99)).now == {open_ended.id}
    assert now_and_next([open_ended], at(18)).now == frozenset()
    two = [occ("x", 10), occ("y", 10)]
    assert now_and_next(two, at(9)).next == {o.id for o in two}


def test_lanes_side_by_side_only_within_an_overlapping_group():
    piaf, label, later = occ("piaf", 9.5, 150), occ("label", 11, 45), occ("later", 15.5, 90)
    placed = {p.occurrence.session.id: p for p in lanes([later, label, piaf, span("s")], DAY)}
    assert set(placed) == {"piaf", "label", "later"}
    assert (placed["piaf"].lane, placed["piaf"].lanes) == (0, 2)
    assert (placed["label"].lane, placed["label"].lanes) == (1, 2)
    assert (placed["later"].lane, placed["later"].lanes) == (0, 1)
    assert (placed["piaf"].start, placed["piaf"].end) == (570, 720)


def test_lanes_reuse_a_free_lane():
    a, b, c = occ("a", 9, 120), occ("b", 9.5, 30), occ("c", 10, 30)
    placed = {p.occurrence.session.id: p for p in lanes([a, b, c], DAY)}
    assert placed["a"].lane == 0 and placed["b"].lane == 1 and placed["c"].lane == 1
    assert {p.lanes for p in placed.values()} == {2}


def test_day_minutes_clip_a_session_across_midnight():
    late = occ("late", 23, 120)
    assert day_minutes(late, DAY) == (23 * 60, 24 * 60)
    assert day_minutes(late, DAY + timedelta(days=1)) == (0, 60)
    assert day_minutes(late, DAY - timedelta(days=1)) is None


def test_export_names_never_replace_a_file(tmp_path: Path, monkeypatch):
    moment = datetime(2020, 11, 18, 10, 0, tzinfo=PARIS)
    assert export_name("Favoris", moment) == "favoris-20201118-1000.ics"
    assert export_name("Données à l'État !", moment) == "donnees-a-l-etat-20201118-1000.ics"
    first = free_path(tmp_path, "x.ics")
    assert first == tmp_path / "x.ics"
    first.write_text("")
    assert free_path(tmp_path, "x.ics") == tmp_path / "x-2.ics"
    monkeypatch.setenv("CALENDAR_TUI_EXPORT_DIR", str(tmp_path / "out"))
    assert default_export_dir() == tmp_path / "out"
    monkeypatch.delenv("CALENDAR_TUI_EXPORT_DIR")
    monkeypatch.chdir(tmp_path)
    assert default_export_dir() == tmp_path
    monkeypatch.setenv("HOME", str(tmp_path))
    assert display_path(tmp_path / "a" / "b.ics") == "~/a/b.ics"
    assert display_path(Path("/elsewhere/b.ics")) == "/elsewhere/b.ics"
