"""Clashes: overlapping timed occurrences, on hand-built data, the bundled programme and at random."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model.clashes import DEFAULT_DURATION, clash_index, clashes, interval
from calendar_tui.model.clock import PARIS
from calendar_tui.model.loader import load_store
from calendar_tui.model.types import Occurrence, Post, Session
from calendar_tui.paths import bundled_programme

POST = Post(path="programme.md", title="Programme")


def at(day: int, hour: float) -> datetime:
    return datetime(2020, 11, day, tzinfo=PARIS) + timedelta(hours=hour)


def occ(name: str, day: int, start: float, end: float | None) -> Occurrence:
    session = Session(id=f"p/{name}", title=name, slots=())
    return Occurrence(
        session, POST, at(day, start), at(day, end) if end is not None else None, False
    )


def all_day(name: str, first: int, last: int) -> Occurrence:
    session = Session(id=f"p/{name}", title=name, slots=())
    return Occurrence(session, POST, date(2020, 11, first), date(2020, 11, last), True)


def titles(pairs) -> list[tuple[str, str]]:
    return [(a.title, b.title) for a, b in pairs]


def test_overlapping_sessions_clash_earlier_first():
    long = occ("long", 26, 9.5, 12)
    inside = occ("inside", 26, 11, 11.75)
    after = occ("after", 26, 15.5, 17)
    assert titles(clashes([inside, after, long])) == [("long", "inside")]


def test_touching_sessions_do_not_clash():
    assert clashes([occ("a", 30, 9, 10), occ("b", 30, 10, 11)]) == []


def test_a_session_without_an_end_is_taken_to_last_an_hour():
    assert timedelta(hours=1) == DEFAULT_DURATION
    open_ended = occ("open", 26, 17, None)
    assert interval(open_ended) == (at(26, 17), at(26, 18))
    assert titles(clashes([open_ended, occ("half past", 26, 17.5, 19)])) == [("open", "half past")]
    assert clashes([open_ended, occ("at six", 26, 18, 20)]) == []


def test_an_end_not_after_the_start_counts_as_an_hour():
    point = occ("point", 26, 10, 10)
    assert interval(point) == (at(26, 10), at(26, 11))
    assert titles(clashes([point, occ("b", 26, 10.5, 10.75)])) == [("point", "b")]


def test_all_day_spans_never_clash():
    month = all_day("month", 2, 30)
    other = all_day("week", 16, 20)
    assert interval(month) is None
    assert clashes([month, other, occ("a", 18, 9, 10)]) == []


def test_the_same_occurrence_twice_is_not_a_clash():
    a = occ("a", 26, 9, 10)
    assert clashes([a, a]) == []


def test_every_pair_of_a_three_way_overlap_is_listed():
    a, b, c = occ("a", 26, 9, 12), occ("b", 26, 10, 11), occ("c", 26, 10.5, 13)
    assert titles(clashes([c, b, a])) == [("a", "b"), ("a", "c"), ("b", "c")]
    index = clash_index(clashes([a, b, c]))
    assert [o.title for o in index[a.id]] == ["b", "c"]
    assert [o.title for o in index[c.id]] == ["a", "b"]


def test_sessions_across_midnight_clash_with_the_next_morning():
    night = occ("night", 26, 22, 26)  # 22 h to 2 h the next day
    early = occ("early", 27, 1, 3)
    assert titles(clashes([early, night])) == [("night", "early")]


def test_a_long_programme_without_overlaps_gives_nothing():
    many = [occ(f"s{n}", 1 + n % 28, (n // 28) % 20, (n // 28) % 20 + 0.5) for n in range(28 * 20)]
    assert clashes(many) == []


def test_the_bundled_programme_has_its_two_real_overlaps():
    store = load_store([bundled_programme()])
    pairs = clashes(store.occurrences)
    assert [(a.start.isoformat(), b.start.isoformat()) for a, b in pairs] == [
        ("2020-11-26T09:30:00+01:00", "2020-11-26T11:00:00+01:00"),
        ("2020-11-30T09:00:00+01:00", "2020-11-30T09:30:00+01:00"),
    ]
    (piaf, label), (transfo, snap2) = pairs
    assert piaf.title.startswith("Open Lab PIAF") and piaf.end == datetime(
        2020, 11, 26, 12, tzinfo=PARIS
    )
    assert label.title == "La mission LABEL se présente"
    assert label.end == datetime(2020, 11, 26, 11, 45, tzinfo=PARIS)
    assert "TRANSFO" in transfo.tags and transfo.end == datetime(2020, 11, 30, 10, tzinfo=PARIS)
    assert "AgentConnect" in snap2.tags and snap2.end == datetime(
        2020, 11, 30, 10, 30, tzinfo=PARIS
    )


def test_clashes_among_favourites_only():
    store = load_store([bundled_programme()])
    label = next(
        o for o in store.occurrences if o.start == datetime(2020, 11, 26, 11, tzinfo=PARIS)
    )
    piaf = next(
        o for o in store.occurrences if o.start == datetime(2020, 11, 26, 9, 30, tzinfo=PARIS)
    )
    from calendar_tui.model.filters import Filter

    starred = store.query(Filter(only=frozenset({label.session.id}))).occurrences
    assert clashes(starred) == []
    both = store.query(Filter(only=frozenset({label.session.id, piaf.session.id}))).occurrences
    assert clashes(both) == [(piaf, label)]


def brute_force(occurrences: list[Occurrence]) -> set[tuple[str, str]]:
    found = set()
    for a, b in itertools.combinations(occurrences, 2):
        sa, sb = interval(a), interval(b)
        if sa and sb and a.id != b.id and sa[0] < sb[1] and sb[0] < sa[1]:
            first, second = (a, b) if (sa[0], sa[1], a.id) <= (sb[0], sb[1], b.id) else (b, a)
            found.add((first.id, second.id))
    return found


quarter_hours = st.integers(min_value=0, max_value=4 * 30)


@st.composite
def random_occurrence(draw, number: int) -> Occurrence:
    if draw(st.integers(0, 9)) == 0:
        first = draw(st.integers(1, 28))
        return all_day(f"d{number}", first, first + draw(st.integers(0, 2)))
    start = draw(quarter_hours) / 4
    length = draw(st.one_of(st.none(), st.integers(-2, 16)))
    return occ(f"t{number}", 1, start, None if length is None else start + length / 4)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 10_000), max_size=25, unique=True).flatmap(
        lambda numbers: st.tuples(*(random_occurrence(n) for n in numbers))
    )
)
def test_the_sweep_finds_exactly_what_comparing_every_pair_finds(occurrences):
    occurrences = list(occurrences)
    pairs = clashes(occurrences)
    assert len(pairs) == len({(a.id, b.id) for a, b in pairs})
    assert {(a.id, b.id) for a, b in pairs} == brute_force(occurrences)
    keys = [(*interval(a), a.id, *interval(b), b.id) for a, b in pairs]
    assert keys == sorted(keys)


@pytest.mark.parametrize("count", [0, 1])
def test_nothing_or_one_occurrence_has_no_clash(count):
    assert clashes([occ("a", 26, 9, 10)][:count]) == []
