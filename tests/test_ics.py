"""The .ics export: re-read with icalendar and compared with the store."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from calendar_tui.model.clock import PARIS
from calendar_tui.model.ics import (
    UID_SUFFIX,
    markdown_to_text,
    occurrence_id_from_uid,
    primary_url,
    to_ics,
    uid_for,
)
from calendar_tui.model.loader import load_store
from calendar_tui.model.types import AgendaItem, Link, Occurrence, Post, Session
from calendar_tui.paths import bundled_programme

STAMP = datetime(2020, 11, 1, 8, 0, tzinfo=PARIS)
POST = Post(path="_posts/programme.md", title="Programme")


@pytest.fixture(scope="module")
def store():
    return load_store([bundled_programme()])


@pytest.fixture(scope="module")
def exported(store) -> bytes:
    return to_ics(store.occurrences, stamp=STAMP, name=store.title)


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def session(**fields) -> Session:
    return Session(**{"id": "p/abc", "title": "Titre", "slots": (), **fields})


def one_event(occurrence: Occurrence) -> icalendar.Event:
    [event] = events(to_ics([occurrence], stamp=STAMP))
    return event


def test_every_occurrence_of_the_store_is_one_event_with_its_stable_uid(store, exported):
    found = events(exported)
    assert len(found) == len(store.occurrences) == 24
    assert [str(e["UID"]) for e in found] == [o.id + UID_SUFFIX for o in store.occurrences]
    assert len({str(e["UID"]) for e in found}) == 24
    assert [occurrence_id_from_uid(str(e["UID"])) for e in found] == [
        o.id for o in store.occurrences
    ]


def test_times_summaries_places_and_categories_match_the_store(store, exported):
    for occurrence, event in zip(store.occurrences, events(exported), strict=True):
        assert str(event["SUMMARY"]) == occurrence.title
        assert str(event["LOCATION"]) == occurrence.session.location == "En ligne"
        assert event.categories == list(occurrence.tags)
        assert event["DTSTAMP"].dt == STAMP.astimezone(UTC)
        if occurrence.all_day:
            continue
        assert event.start == occurrence.start
        assert event["DTSTART"].params["TZID"] == "Europe/Paris"
        assert event.start.tzinfo.key == "Europe/Paris"
        if occurrence.end is None:
            assert "DTEND" not in event  # unknown end: nothing invented
        else:
            assert event["DTEND"].params["TZID"] == "Europe/Paris"
            assert event.end == occurrence.end


def test_the_file_carries_a_vtimezone_for_europe_paris(exported):
    calendar = icalendar.Calendar.from_ical(exported)
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Paris"]
    assert calendar.get_missing_tzids() == set()
    assert str(calendar["VERSION"]) == "2.0" and "calendar-tui" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "Mois de l’innovation publique édition 2020"
    # Re-read with the file's own VTIMEZONE: 26/11 9 h 30 is 8 h 30 UTC.
    piaf = next(e for e in events(exported) if str(e["SUMMARY"]).startswith("Open Lab PIAF"))
    assert piaf.start.astimezone(UTC) == datetime(2020, 11, 26, 8, 30, tzinfo=UTC)
    assert piaf.end.astimezone(UTC) == datetime(2020, 11, 26, 11, 0, tzinfo=UTC)


def test_the_month_long_call_for_ideas_is_an_all_day_span_with_an_exclusive_end(exported):
    call = events(exported)[0]
    assert call["DTSTART"].params.get("VALUE") == "DATE"
    assert call.start == date(2020, 11, 2) and not isinstance(call.start, datetime)
    assert call["DTEND"].dt == date(2020, 12, 1)  # last day 30/11 + 1
    assert b"DTSTART;VALUE=DATE:20201102" in exported and b"DTEND;VALUE=DATE:20201201" in exported


def test_the_repeating_session_is_five_separate_events(store, exported):
    pitchs = [e for e in events(exported) if str(e["SUMMARY"]).startswith("Découvrez 5 projets")]
    assert [e.start.day for e in pitchs] == [16, 17, 18, 19, 20]
    assert {(e.start.hour, e.start.minute, e.end.hour, e.end.minute) for e in pitchs} == {
        (17, 0, 17, 30)
    }
    assert len({str(e["UID"]) for e in pitchs}) == 5
    assert not any("RRULE" in e for e in pitchs)


def test_descriptions_are_plain_text_and_urls_are_registration_links(exported):
    for event in events(exported):
        text = str(event["DESCRIPTION"])
        assert text.strip()
        for markup in ("**", "](", "<a ", "<br", "{:", "&nbsp;", "&amp;"):
            assert markup not in text
        assert str(event["URL"]).startswith("https://")
    by_day = {
        e.start.isoformat()[:16]: e for e in events(exported) if isinstance(e.start, datetime)
    }
    eig = by_day["2020-11-09T14:00"]
    assert "eventbrite" in str(eig["URL"])
    assert "Plus d’informations et inscriptions (https://www.eventbrite.fr/" in str(
        eig["DESCRIPTION"]
    )
    # The link whose text is its own address: the registration site wins over the first link.
    assert "livestorm" in str(by_day["2020-11-05T09:00"]["URL"])


def test_the_same_input_gives_the_same_bytes(store, exported):
    assert to_ics(store.occurrences, stamp=STAMP, name=store.title) == exported
    later = to_ics(store.occurrences, stamp=STAMP + timedelta(days=1), name=store.title)
    assert later != exported and later.replace(b"20201102T070000Z", b"20201101T070000Z") == exported


def test_an_empty_selection_is_a_valid_empty_calendar():
    calendar = icalendar.Calendar.from_ical(to_ics([], stamp=STAMP))
    assert events(calendar.to_ical()) == [] and calendar.timezones == []


def test_a_hand_built_session_with_everything():
    full = session(
        title="Atelier, « données » ; test",
        tags=("IA", "Open source"),
        location="DINUM, 20 avenue de Ségur\n75007 Paris",
        description="Un **atelier** sur [les API](https://api.gouv.fr).\n\n- un\n- deux",
        links=(Link("contact", "mailto:a@b.fr"), Link("Programme", "https://x.fr/p")),
        agenda=(AgendaItem(None, None, "Accueil"),),
    )
    start = datetime(2021, 6, 14, 9, 30, tzinfo=PARIS)
    event = one_event(Occurrence(full, POST, start, start + timedelta(hours=2), False))
    assert str(event["SUMMARY"]) == "Atelier, « données » ; test"
    assert event.categories == ["IA", "Open source"]
    assert str(event["LOCATION"]) == "DINUM, 20 avenue de Ségur 75007 Paris"
    assert str(event["URL"]) == "https://x.fr/p"  # mailto is not a web page
    assert event.start.utcoffset() == timedelta(hours=2)  # summer time
    assert str(event["DESCRIPTION"]) == (
        "Un atelier sur les API (https://api.gouv.fr).\n\n- un\n- deux\n\n"
        "Déroulé :\nAccueil\n\n"
        "Liens :\ncontact : mailto:a@b.fr\nProgramme : https://x.fr/p"
    )


def test_the_description_s_words_follow_the_language(english):
    """ "Déroulé :", "Liens :" and "14h30" were French in an English export too."""
    full = session(
        links=(Link("contact", "mailto:a@b.fr"),),
        agenda=(AgendaItem(time(14, 30), time(15), "Accueil", track="Salle A"),),
    )
    start = datetime(2021, 6, 14, 9, 30, tzinfo=PARIS)
    event = one_event(Occurrence(full, POST, start, start + timedelta(hours=2), False))
    assert str(event["DESCRIPTION"]) == (
        "Running order:\n14:30–15:00 Salle A: Accueil\n\nLinks:\ncontact: mailto:a@b.fr"
    )


def test_a_bare_session_has_only_what_it_knows():
    start = datetime(2020, 11, 26, 17, tzinfo=PARIS)
    event = one_event(Occurrence(session(), POST, start, None, False))
    for missing in ("DTEND", "DESCRIPTION", "LOCATION", "URL", "CATEGORIES"):
        assert missing not in event
    assert event.start == start


def test_naive_and_fixed_offset_times_are_placed_in_paris():
    naive = datetime(2020, 11, 26, 9, 30)
    event = one_event(Occurrence(session(), POST, naive, naive + timedelta(hours=1), False))
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.start.astimezone(UTC).hour == 8
    fixed = datetime(2020, 11, 26, 8, 30, tzinfo=UTC)
    event = one_event(Occurrence(session(), POST, fixed, None, False))
    assert event["DTSTART"].params["TZID"] == "Europe/Paris" and event.start.hour == 9


def test_a_post_in_another_iana_zone_keeps_its_zone():
    cayenne = ZoneInfo("America/Cayenne")
    start = datetime(2020, 11, 26, 10, tzinfo=cayenne)
    data = to_ics([Occurrence(session(), POST, start, None, False)], stamp=STAMP)
    assert [tz.tz_name for tz in icalendar.Calendar.from_ical(data).timezones] == [
        "America/Cayenne"
    ]
    [event] = events(data)
    assert event.start.astimezone(UTC) == start.astimezone(UTC)


def test_a_one_day_all_day_session_ends_the_next_day():
    event = one_event(Occurrence(session(), POST, date(2020, 11, 5), None, True))
    assert event.start == date(2020, 11, 5) and event["DTEND"].dt == date(2020, 11, 6)


def test_the_uid_is_the_occurrence_id_with_a_suffix():
    start = datetime(2020, 11, 26, 9, 30, tzinfo=PARIS)
    occurrence = Occurrence(session(), POST, start, None, False)
    assert uid_for(occurrence) == "p/abc@20201126T0930@calendar-tui"


def test_control_characters_from_posts_do_not_reach_the_file():
    bad = session(title="Titre\x1b[31m rouge\x07", description="texte \x1b]8;;http://x\x07lien")
    start = datetime(2020, 11, 26, 9, 30, tzinfo=PARIS)
    data = to_ics([Occurrence(bad, POST, start, None, False)], stamp=STAMP)
    assert b"\x1b" not in data and b"\x07" not in data
    assert str(events(data)[0]["SUMMARY"]) == "Titre rouge"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("", ""),
        ("Un **gras** et *italique* et `code`", "Un gras et italique et code"),
        ("[beta.gouv.fr](https://beta.gouv.fr/)", "beta.gouv.fr"),
        ("[écrire](mailto:a@b.fr)", "écrire (a@b.fr)"),
        ("<https://x.fr>", "https://x.fr"),
        ("# Titre\n\nPara\ngraphe", "Titre\n\nPara graphe"),
        ("ligne  \nsuivante", "ligne\nsuivante"),
        ("1. un\n2. deux\n   - sous", "1. un\n2. deux\n  - sous"),
        ("> cité", "cité"),
        ("![logo](x.png) fin", "logo fin"),
        ("<div>bloc <b>html</b></div>", "bloc html"),
        ("a &amp; b &nbsp;c", "a & b \u00a0c"),
    ],
)
def test_markdown_to_plain_text(markdown, text):
    assert markdown_to_text(markdown) == text


def test_primary_url_prefers_registration():
    links = (Link("Site", "https://site.fr"), Link("Inscriptions", "https://form.fr"))
    assert primary_url(session(links=links)) == "https://form.fr"
    assert primary_url(session(links=links[:1])) == "https://site.fr"
    assert primary_url(session(links=(Link("mail", "mailto:a@b.fr"),))) is None
