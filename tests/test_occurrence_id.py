"""An occurrence's id is stable (favourites and exports keep it): the fast stamp is the text
strftime gave, for every year."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from calendar_tui.model.types import Occurrence, Post, Session, Slot


def _occurrence(start: date, all_day: bool) -> Occurrence:
    session = Session("post#atelier", "Atelier", (Slot(start, None, all_day),))
    return Occurrence(session, Post("post.md", "Post", event=session), start, None, all_day)


@given(st.dates())
def test_an_all_day_id_is_strftime_s(day):
    assert _occurrence(day, True).id == f"post#atelier@{day.strftime('%Y%m%d')}"


@given(st.datetimes(timezones=st.just(UTC)))
def test_a_timed_id_is_strftime_s(moment):
    assert _occurrence(moment, False).id == f"post#atelier@{moment.strftime('%Y%m%dT%H%M')}"


def test_an_id_as_favourites_files_hold_it():
    moment = datetime(2020, 11, 9, 14, 0, tzinfo=UTC)
    assert _occurrence(moment, False).id == "post#atelier@20201109T1400"
    assert _occurrence(date(2020, 11, 9), True).id == "post#atelier@20201109"
