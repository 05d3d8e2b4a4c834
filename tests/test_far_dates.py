"""Events at the edges of what a date can hold (0001, 9999) are listed and exported, never a crash."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

from calendar_tui.cli import main
from calendar_tui.model.clock import PARIS
from calendar_tui.model.day_range import (
    FIRST_DAY,
    LAST_DAY,
    add_days,
    add_months,
    clamp_day,
    clamp_month,
    day_or_none,
)
from calendar_tui.model.ics import to_ics
from calendar_tui.model.types import Link, Occurrence, Post, Session, Slot

FAR_POSTS = {
    "fin.md": "---\ntitle: Fin des temps\nevent_start_date: 9999-12-31\n---\nx\n",
    "tard.md": "---\ntitle: Tard\nevent_start_date: 9999-12-31 23:30:00 +01:00\n"
    "event_end_date: 9999-12-31 23:59:00 +01:00\n---\nx\n",
    "bon.md": "---\ntitle: Bon\nevent_start_date: 2020-11-05 14:00:00 +01:00\n---\nx\n",
}


@pytest.fixture
def far_folder(tmp_path):
    for name, text in FAR_POSTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_list_and_json_show_events_on_31_12_9999(far_folder, capsys):
    assert main(["list", str(far_folder), "--no-cache"]) == 0
    assert "31/12/9999" in capsys.readouterr().out
    assert main(["list", str(far_folder), "--no-cache", "--format", "json"]) == 0
    titles = {o["title"] for o in json.loads(capsys.readouterr().out)}
    assert titles == {"Fin des temps", "Tard", "Bon"}


def test_the_ics_export_holds_events_on_31_12_9999(far_folder, capsysbinary):
    assert main(["list", str(far_folder), "--no-cache", "--format", "ics"]) == 0
    calendar = Calendar.from_ical(capsysbinary.readouterr().out)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Fin des temps", "Tard", "Bon"}
    last = events["Fin des temps"]
    assert last.decoded("dtstart") == LAST_DAY and last.decoded("duration") == timedelta(days=1)


def occurrence(start, end=None, all_day=False, links=()) -> Occurrence:
    session = Session("p/1", "Loin", (Slot(start, end, all_day),), links=links)
    return Occurrence(session, Post("p.md", "Loin", event=session), start, end, all_day)


def test_an_event_in_year_1_and_a_span_to_9999_are_exported():
    stamp = datetime(2020, 11, 18, 10, tzinfo=PARIS)
    data = to_ics(
        [
            occurrence(datetime(1, 1, 1, 0, 30, tzinfo=PARIS)),
            occurrence(date(9999, 12, 1), LAST_DAY, all_day=True),
        ],
        stamp=stamp,
    )
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == 2
    assert events[1].decoded("duration") == timedelta(days=31)


def test_one_event_that_cannot_be_written_is_left_out_with_a_problem(monkeypatch):
    from calendar_tui.model import ics

    real = ics._event

    def fails_for_one(occ, stamp):
        if occ.title == "Mauvais":
            raise ValueError("a value icalendar refuses")
        return real(occ, stamp)

    monkeypatch.setattr(ics, "_event", fails_for_one)
    good = occurrence(datetime(2020, 11, 5, 14, tzinfo=PARIS))
    bad_session = Session("p/2", "Mauvais", good.session.slots)
    bad = Occurrence(bad_session, good.post, good.start, None, False)
    problems: list[str] = []
    events = Calendar.from_ical(to_ics([good, bad], problems=problems)).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Loin"]
    assert len(problems) == 1 and "Mauvais" in problems[0]


def test_a_newline_in_an_href_never_breaks_the_export():
    links = (Link("lien", "https://b.example/x\nrm -rf ~"),)  # as if built by hand
    data = to_ics([occurrence(datetime(2020, 11, 5, 14, tzinfo=PARIS), links=links)])
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 1


def test_month_arithmetic_stays_within_years_1_to_9999():
    assert add_months(date(1, 1, 15), -1) == date(1, 1, 15)
    assert add_months(date(9999, 12, 31), 1) == LAST_DAY
    assert add_months(date(9999, 3, 31), 12) == date(9999, 12, 31)
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert clamp_month(0, 12) == (1, 1) and clamp_month(10000, 1) == (9999, 12)
    assert add_days(LAST_DAY, 7) == LAST_DAY and add_days(FIRST_DAY, -1) == FIRST_DAY
    assert day_or_none(LAST_DAY, 1) is None and day_or_none(FIRST_DAY, 3) == date(1, 1, 4)
    assert clamp_day(date(2020, 1, 1), date(2020, 2, 1)) == date(2020, 2, 1)
