"""The store and its Filter: tags any/all/excluded, accent-free search, date ranges, ordering."""

from __future__ import annotations

from datetime import date, datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from calendar_tui.model.filters import Filter
from calendar_tui.model.store import EventStore
from calendar_tui.model.types import Post, Session, Slot

PARIS = ZoneInfo("Europe/Paris")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2020, 11, day, hour, minute, tzinfo=PARIS)


def make_store() -> EventStore:
    sessions = (
        Session(
            "p/a",
            "Atelier IA",
            (Slot(at(26, 9, 30), at(26, 12)),),
            ("Atelier", "Intelligence artificielle"),
        ),
        Session(
            "p/b",
            "Webinaire données",
            (Slot(at(26, 11), at(26, 11, 45)),),
            ("Webinaire", "Données ouvertes"),
            description="L'open data dans les territoires",
        ),
        Session(
            "p/c",
            "Pitchs",
            tuple(Slot(at(d, 17), at(d, 17, 30)) for d in range(16, 21)),
            ("Restitutions", "Intelligence artificielle"),
            location="En ligne",
        ),
        Session(
            "p/d",
            "Appel à idées",
            (Slot(date(2020, 11, 2), date(2020, 11, 30), all_day=True),),
            ("API",),
        ),
        Session(
            "p/e",
            "Webinaire IA",
            (Slot(at(19, 14), None),),
            ("webinaire ", "INTELLIGENCE  artificielle"),
        ),
    )
    post = Post("programme.md", "Programme", sessions=sessions)
    return EventStore.from_posts([post], title="Programme")


def titles(result) -> list[str]:
    return [o.title for o in result.occurrences]


def test_occurrences_in_time_order_with_all_day_first_each_day():
    store = make_store()
    result = store.query(Filter())
    assert len(result) == 1 + 5 + 1 + 2
    assert [o.title for o in result.on_day(date(2020, 11, 26))] == [
        "Appel à idées",
        "Atelier IA",
        "Webinaire données",
    ]
    assert [o.title for o in result.on_day(date(2020, 11, 19))] == [
        "Appel à idées",
        "Webinaire IA",
        "Pitchs",
    ]
    assert result.day_counts[date(2020, 11, 2)] == 1
    assert result.day_counts[date(2020, 11, 26)] == 3
    assert date(2020, 11, 26) in result.all_day_days
    assert result.days[0] == date(2020, 11, 2) and result.days[-1] == date(2020, 11, 30)


def test_tags_compare_case_and_space_insensitively_and_keep_their_spelling():
    store = make_store()
    counts = {t.label: t.count for t in store.tags()}
    assert counts["Intelligence artificielle"] == 1 + 5 + 1
    assert counts["Webinaire"] == 2
    assert store.tags()[0].label == "Intelligence artificielle"


def test_include_any_all_and_exclude():
    store = make_store()
    ia, webinaire = "intelligence artificielle", "webinaire"
    assert set(titles(store.query(Filter(include=frozenset({ia, webinaire}))))) == {
        "Atelier IA",
        "Pitchs",
        "Webinaire données",
        "Webinaire IA",
    }
    assert titles(store.query(Filter(include=frozenset({ia, webinaire}), match_all=True))) == [
        "Webinaire IA"
    ]
    assert "Pitchs" not in titles(store.query(Filter(exclude=frozenset({"restitutions"}))))


def test_search_ignores_case_and_accents_and_covers_description_tags_and_place():
    store = make_store()
    assert titles(store.query(Filter(text="DONNEES"))) == ["Webinaire données"]
    assert titles(store.query(Filter(text="territoires"))) == ["Webinaire données"]
    assert set(titles(store.query(Filter(text="en ligne")))) == {"Pitchs"}
    assert titles(store.query(Filter(text="idees appel"))) == ["Appel à idées"]
    assert titles(store.query(Filter(text="zzz"))) == []


def test_a_search_read_day_by_day_agrees_with_the_full_match():
    # A search's result tests the text of the days asked for before it lists every match.
    store = make_store()
    ia = "intelligence artificielle"
    filters = [
        Filter(text=text, include=include, start=start, end=end)
        # Words found nowhere, only apart ("pitchs donnees"), or only outside the chosen tag.
        for text in ("ia", "webinaire ia", "idees", "zzz", "e", "pitchs donnees", "territoires")
        for include in (frozenset(), frozenset({ia}))
        for start, end in ((None, None), (date(2020, 11, 19), date(2020, 11, 26)))
    ]
    days = [date(2020, 11, d) for d in range(1, 31)]
    for flt in filters:
        lazy = store.query(flt)
        shown = {day: lazy.on_day(day) for day in days}
        counts = {day: lazy.day_counts.get(day, 0) for day in days}
        all_day, anything = lazy.all_day_days, bool(lazy)
        store._results.clear()  # the same filter again, the full match computed first
        full = store.query(flt)
        assert titles(full) and anything or not titles(full) and not anything, flt
        assert {day: full.on_day(day) for day in days} == shown, flt
        assert {day: full.day_counts.get(day, 0) for day in days} == counts, flt
        assert full.all_day_days == all_day, flt
        assert lazy.occurrences == full.occurrences and lazy.days == full.days, flt


def test_a_word_never_matches_across_two_occurrences_texts():
    store = make_store()
    texts = store._search_text  # the texts a search reads, one per occurrence in time order
    probes = [left.split()[-1] + right.split()[0] for left, right in pairwise(texts)]
    probes = [word for word in probes if not any(word in text for text in texts)]
    assert probes
    for word in probes:
        assert not store.query(Filter(text=word))
        store._results.clear()
        assert len(store.query(Filter(text=word))) == 0


def test_date_range_clips_spans_to_the_range():
    store = make_store()
    result = store.query(Filter(start=date(2020, 11, 20), end=date(2020, 11, 21)))
    assert result.days == (date(2020, 11, 20), date(2020, 11, 21))
    assert sorted(set(titles(result))) == ["Appel à idées", "Pitchs"]


def test_only_favourites():
    store = make_store()
    assert titles(store.query(Filter(only=frozenset({"p/b"})))) == ["Webinaire données"]


def test_filter_toggles_and_words():
    flt = Filter().toggled_include("webinaire").toggled_exclude("api")
    assert flt.include == {"webinaire"} and flt.exclude == {"api"}
    assert flt.toggled_exclude("webinaire").include == frozenset()
    labels = {"webinaire": "Webinaire", "api": "API"}
    assert (
        flt.with_text("ia").describe(labels) == "tags : Webinaire · sans : API · recherche « ia »"
    )
    assert flt.cleared().is_empty and not flt.is_empty


def test_search_reads_typographic_punctuation_and_ligatures_as_typed():
    session = Session("p/x", "L’IA au cœur de l’État « numérique »", (Slot(at(5, 9), None),))
    store = EventStore.from_posts([Post("p.md", "P", sessions=(session,))])
    for typed in ("l'ia", "L’IA", "coeur", "cœur", "de l'etat", '" numerique "', "numérique »"):
        assert titles(store.query(Filter(text=typed))) == [session.title], typed
    assert not store.query(Filter(text="l'etats"))
