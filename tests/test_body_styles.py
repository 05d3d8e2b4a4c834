"""Programme styles crossed with date phrasings, running orders in other shapes, and tracks:
generated posts, each read through extract_body as the loader does."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from calendar_tui.model.body import BodyExtraction, extract_body
from calendar_tui.model.types import AgendaItem

PARIS = ZoneInfo("Europe/Paris")


def extract(body: str, *, event_days: tuple[date, ...] = ()) -> BodyExtraction:
    return extract_body(
        body,
        path="post.md",
        first_line=1,
        reference=date(2022, 1, 10),
        tz=PARIS,
        post_key="post",
        event_days=event_days,
    )


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 3, day, hour, minute, tzinfo=PARIS)


# Each style writes an entry from a title and a date phrase; two entries make a programme.
STYLES = {
    "bracket": lambda title, when: f"**[{when}] [Atelier]**\n\n*{title}*\n\nDescription.\n",
    "titled": lambda title, when: f"* **{title}**\n  <br>{when}\n\n  Description.\n",
    "titled-html": lambda title, when: (
        f'<ul><li style="margin: 0"><b>{title}</b>\n<br>{when}\n<br>\nDescription.</li></ul>\n'
    ),
    "inline": lambda title, when: f"* **{title}**, {when}\n",
    "labelled": lambda title, when: f"### {title}\n\n**Quand ?** {when}\n\nDescription.\n",
}

# Each phrasing the grammar knows, with the (start, end) slots it gives.
PHRASINGS = {
    "slots with ou": (
        "Mardi 8 mars 2022, de 9h30 à 10h30 ou de 15h à 16h",
        [(at(8, 9, 30), at(8, 10, 30)), (at(8, 15), at(8, 16))],
    ),
    "slots with et": (
        "Mardi 8 mars 2022 de 9h30 à 10h30 et de 15h à 16h",
        [(at(8, 9, 30), at(8, 10, 30)), (at(8, 15), at(8, 16))],
    ),
    "numeric date": ("Le 08/03/2022 de 9h30 à 10h30", [(at(8, 9, 30), at(8, 10, 30))]),
    "dash times": ("8 mars 2022, 9h30-10h30", [(at(8, 9, 30), at(8, 10, 30))]),
    "en dash, no year": ("Mardi 8 mars, 9h30 – 10h30", [(at(8, 9, 30), at(8, 10, 30))]),
    "start only": ("8 mars 2022 à 9h30", [(at(8, 9, 30), None)]),
    "two days": (
        "Les 8 et 9 mars 2022, de 14h à 16h",
        [(at(8, 14), at(8, 16)), (at(9, 14), at(9, 16))],
    ),
    "day span": ("Du 8 au 10 mars 2022", [(date(2022, 3, 8), date(2022, 3, 10))]),
    "all day": ("Le 8 mars 2022, toute la journée", [(date(2022, 3, 8), date(2022, 3, 8))]),
    "heures": ("8 mars 2022 de 9 heures à 10 heures 30", [(at(8, 9), at(8, 10, 30))]),
}


@pytest.mark.parametrize("phrasing", PHRASINGS)
@pytest.mark.parametrize("style", STYLES)
def test_each_style_reads_each_phrasing(style: str, phrasing: str) -> None:
    write = STYLES[style]
    when, expected = PHRASINGS[phrasing]
    body = "Introduction.\n\n" + write("Atelier prise en main", when) + "\n"
    body += write("Atelier avancé", "Le 20 mars 2022 de 14h à 15h") + "\n"
    extraction = extract(body, event_days=(date(2022, 3, 8), date(2022, 3, 20)))
    assert [s.title for s in extraction.sessions] == ["Atelier prise en main", "Atelier avancé"]
    first = extraction.sessions[0]
    assert [(slot.start, slot.end) for slot in first.slots] == expected
    assert not [d for d in extraction.diagnostics if d.severity == "error"]


def test_a_title_then_a_date_line_offering_two_slots_gives_two_occurrences() -> None:
    body = "**Atelier prise en main**\n<br>Mardi 8 mars 2022, de 9h30 à 10h30 ou de 15h à 16h\n"
    (session,) = extract(body).sessions
    assert session.title == "Atelier prise en main"
    assert [(s.start, s.end) for s in session.slots] == [
        (at(8, 9, 30), at(8, 10, 30)),
        (at(8, 15), at(8, 16)),
    ]


EVENT = (date(2022, 3, 8),)


@pytest.mark.parametrize(
    "line",
    [
        "De 10h à 11h : Présentation du programme",
        "de 10h à 11h : Présentation du programme",
        "10h – 11h : Présentation du programme",
        "10h-11h : Présentation du programme",
        "* De 10h à 11h : Présentation du programme",
        "**De 10h à 11h** : Présentation du programme",
        "De 10 h à 11 h : Présentation du programme",
    ],
)
def test_running_order_lines_in_other_shapes(line: str) -> None:
    body = f"## Déroulé\n\n{line}\n\nDe 11h à 12h30 : Questions et réponses\n"
    extraction = extract(body, event_days=EVENT)
    assert extraction.agenda == (
        AgendaItem(time(10), time(11), "Présentation du programme"),
        AgendaItem(time(11), time(12, 30), "Questions et réponses"),
    )


def test_a_timed_item_without_text_does_not_take_the_next_timed_item_as_its_text() -> None:
    body = (
        "* **10h - 10h45:** lightning talks\n\n"
        "* **10h45 - 11h30 :** \n\n"
        "* **11h30 - 12h15:** démonstrations\n"
    )
    extraction = extract(body, event_days=EVENT)
    assert [(i.start, i.text) for i in extraction.agenda] == [
        (time(10), "lightning talks"),
        (time(10, 45), ""),
        (time(11, 30), "démonstrations"),
    ]


TRACKS = {
    "headings": (
        "## Programme\n\n"
        "### Salle Europe\n\n* 10h - 11h : Ouverture\n* 11h - 12h : Atelier données\n\n"
        "### Salle Ségur\n\n* 10h - 11h : Ouverture\n* 11h - 12h : Atelier design\n"
    ),
    "html headings": (
        "<h2>Programme</h2>\n\n<h3>Salle Europe</h3>\n\n"
        "<ul><li>10h - 11h : Ouverture</li>\n<li>11h - 12h : Atelier données</li></ul>\n\n"
        "<h3>Salle Ségur</h3>\n\n"
        "<ul><li>10h - 11h : Ouverture</li>\n<li>11h - 12h : Atelier design</li></ul>\n"
    ),
    "bold lines": (
        "**Salle Europe**\n\n**10h - 11h :** Ouverture\n\n**11h - 12h :** Atelier données\n\n"
        "**Salle Ségur**\n\n**10h - 11h :** Ouverture\n\n**11h - 12h :** Atelier design\n"
    ),
}


@pytest.mark.parametrize("shape", TRACKS)
def test_two_tracks_keep_every_item_with_its_track(shape: str) -> None:
    extraction = extract(TRACKS[shape], event_days=EVENT)
    assert [(i.track, i.start, i.text) for i in extraction.agenda] == [
        ("Salle Europe", time(10), "Ouverture"),
        ("Salle Europe", time(11), "Atelier données"),
        ("Salle Ségur", time(10), "Ouverture"),
        ("Salle Ségur", time(11), "Atelier design"),
    ]


def test_headings_one_after_the_other_in_time_are_not_tracks() -> None:
    body = (
        "### Matinée\n\n* 9h30 - 12h : Conférences\n\n"
        "### Après-midi\n\n* 13h30 - 16h30 : Ateliers\n"
    )
    extraction = extract(body, event_days=EVENT)
    assert [(i.track, i.text) for i in extraction.agenda] == [
        ("", "Conférences"),
        ("", "Ateliers"),
    ]


def test_a_running_order_told_twice_in_one_track_is_still_kept_once() -> None:
    body = "* 10h : Ouverture\n* 11h : Atelier\n\n### 10h : Ouverture\n\n### 11h : Atelier\n"
    extraction = extract(body, event_days=EVENT)
    assert [i.text for i in extraction.agenda] == ["Ouverture", "Atelier"]


def test_a_track_is_shown_beside_its_item_in_the_detail_and_the_ics() -> None:
    from rich.console import Console
    from rich.style import Style

    from calendar_tui.model.ics import _description
    from calendar_tui.model.types import Occurrence, Post, Session
    from calendar_tui.widgets.detail import agenda_table

    items = (AgendaItem(time(10), time(11), "Ouverture", track="Salle Ségur"),)
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(agenda_table(items, "", lambda _name: Style()))
    assert "Salle Ségur · Ouverture" in console.export_text()
    session = Session(id="s", title="T", slots=(), agenda=items)
    post = Post(path="p.md", title="T", published=True, publication_date=None, event=session)
    occurrence = Occurrence(session, post, at(8, 10), at(8, 11), False)
    assert "10h00–11h00 Salle Ségur : Ouverture" in _description(occurrence)


def test_a_hash_line_in_a_code_block_is_no_heading() -> None:
    body = (
        "### Ateliers\n\n"
        "~~~\n# exemple de code\n~~~\n\n"
        "* **Atelier A**, mardi 8 mars 2022, 10h-11h\n"
        "* **Atelier B**, mardi 8 mars 2022, 11h-12h\n"
    )
    sessions = extract(body).sessions
    assert [(s.title, s.tags) for s in sessions] == [
        ("Atelier A", ("Ateliers",)),
        ("Atelier B", ("Ateliers",)),
    ]


def test_a_running_order_line_offering_two_slots_gives_the_item_twice() -> None:
    body = "## Déroulé\n\n* 10h - 11h ou 15h - 16h : Atelier\n* 12h : Déjeuner\n"
    extraction = extract(body, event_days=EVENT)
    assert [(i.start, i.end, i.text) for i in extraction.agenda] == [
        (time(10), time(11), "Atelier"),
        (time(15), time(16), "Atelier"),
        (time(12), None, "Déjeuner"),
    ]


def test_a_running_order_on_one_line_split_by_breaks_gives_one_item_per_time() -> None:
    body = "## Déroulé\n\n9h30 : Accueil<br>10h : Ouverture<br>\n10h30 - 11h : Table ronde\n"
    extraction = extract(body, event_days=EVENT)
    assert [(i.start, i.end, i.text) for i in extraction.agenda] == [
        (time(9, 30), None, "Accueil"),
        (time(10), None, "Ouverture"),
        (time(10, 30), time(11), "Table ronde"),
    ]


def test_running_order_lines_starting_with_a_or_des() -> None:
    body = "## Programme\n\nÀ 10h : Ouverture\n\nà partir de 12h : Déjeuner\n\nDès 14h : Ateliers\n"
    extraction = extract(body, event_days=EVENT)
    assert [(i.start, i.text) for i in extraction.agenda] == [
        (time(10), "Ouverture"),
        (time(12), "Déjeuner"),
        (time(14), "Ateliers"),
    ]


def test_a_lone_timed_line_under_a_date_heading_stays_in_the_running_order() -> None:
    body = (
        "**8 mars 2022**\n\n* 10h - 11h : Ouverture\n\n"
        "### Ateliers\n\nVoir plus bas.\n\n"
        "**9 mars 2022**\n\n"
        "Bilan.\n"
    )
    extraction = extract(body, event_days=(date(2022, 3, 8), date(2022, 3, 9)))
    assert extraction.sessions == ()
    assert [(i.start, i.end, i.text) for i in extraction.agenda] == [
        (time(10), time(11), "Ouverture")
    ]


def test_tracks_under_day_headings_are_sessions_of_that_day_with_their_track() -> None:
    body = (
        "## Mardi 8 mars 2022\n\n"
        "### Salle A\n\n* 10h - 11h : Atelier X\n\n"
        "### Salle B\n\n* 10h - 11h : Atelier Y\n\n"
        "## Mercredi 9 mars 2022\n\n* 10h - 11h : Atelier Z\n"
    )
    extraction = extract(body, event_days=(date(2022, 3, 8), date(2022, 3, 9)))
    assert [(s.title, s.slots[0].start, s.tags) for s in extraction.sessions] == [
        ("Atelier X", at(8, 10), ("Salle A",)),
        ("Atelier Y", at(8, 10), ("Salle B",)),
        ("Atelier Z", at(9, 10), ()),
    ]


# The styles that give only times, on the day of the date heading above them.
TIME_STYLES = {
    "titled, times only": lambda title, times: f"* **{title}**\n  <br>{times}\n",
    "titled html, times only": lambda title, times: (
        f"<ul><li><b>{title}</b>\n<br>{times}</li></ul>\n"
    ),
    "timed line": lambda title, times: f"* {times} : {title}\n",
}
TIME_PHRASINGS = {
    "range with ou": ("De 9h30 à 10h30 ou de 15h à 16h", [(9, 30, 10, 30), (15, 0, 16, 0)]),
    "dash": ("9h30-10h30", [(9, 30, 10, 30)]),
    "en dash": ("9h30 – 10h30", [(9, 30, 10, 30)]),
    "heures": ("De 9 heures à 10 heures 30", [(9, 0, 10, 30)]),
    "spaced": ("De 9 h 30 à 10 h 30", [(9, 30, 10, 30)]),
    "midi": ("De midi à 14h", [(12, 0, 14, 0)]),
}


@pytest.mark.parametrize("phrasing", TIME_PHRASINGS)
@pytest.mark.parametrize("style", TIME_STYLES)
def test_each_times_only_style_reads_each_time_phrasing(style: str, phrasing: str) -> None:
    write = TIME_STYLES[style]
    times, expected = TIME_PHRASINGS[phrasing]
    body = (
        "***Le 8 mars 2022***\n\n" + write("Atelier prise en main", times) + "\n"
        "***Le 9 mars 2022***\n\n" + write("Atelier avancé", "14h-15h") + "\n"
    )
    extraction = extract(body, event_days=(date(2022, 3, 8), date(2022, 3, 9)))
    assert [s.title for s in extraction.sessions] == ["Atelier prise en main", "Atelier avancé"]
    assert [(s.start, s.end) for s in extraction.sessions[0].slots] == [
        (at(8, h1, m1), at(8, h2, m2)) for h1, m1, h2, m2 in expected
    ]
    assert extraction.sessions[1].slots[0].start == at(9, 14)


def test_a_lone_dated_entry_of_a_post_with_an_event_is_not_made_a_running_order_item() -> None:
    body = "**[Le 08/03 de 14h à 15h] [Atelier]**\n*Seul*\n"
    extraction = extract(body, event_days=EVENT)
    assert extraction.sessions == ()
    assert extraction.agenda == ()


def test_a_grammar_failure_gives_a_diagnostic_without_python_error_text(
    monkeypatch, english
) -> None:
    from calendar_tui.model import body_context

    def broken(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'year'")

    monkeypatch.setattr(body_context, "parse_when", broken)
    monkeypatch.setattr(body_context, "parse_times", broken)
    body = "**[Le 08/03 de 14h à 15h] [Atelier]**\n*Un*\n\n* 10h : Ouverture\n"
    extraction = extract(body)
    messages = [d.message for d in extraction.diagnostics]
    assert "could not read the date in 'Le 08/03 de 14h à 15h'" in messages
    assert "could not read the times in '10h'" in messages
    assert not [m for m in messages if "NoneType" in m or "attribute" in m]


def test_a_time_alone_on_its_line_takes_the_text_of_the_line_below() -> None:
    body = (
        "## Déroulé\n\n**10h00**\nAccueil des participants\n\n"
        "**10h30 - 12h**\n\nTable ronde sur les données\n\n**12h**\n* Déjeuner\n* Réseautage\n"
    )
    extraction = extract(body, event_days=EVENT)
    assert [(i.start, i.end, i.text) for i in extraction.agenda] == [
        (time(10), None, "Accueil des participants"),
        (time(10, 30), time(12), "Table ronde sur les données"),
        (time(12), None, "Déjeuner ; Réseautage"),
    ]


def test_a_session_keeps_the_running_order_written_in_its_section() -> None:
    body = (
        "**[Le 08/03/2022 de 14h à 16h] [Atelier]**\n*Un*\n\n"
        "* 14h : Ouverture\n* 15h - 15h30 ou 15h45 - 16h : Questions\n\n"
        "**[Le 09/03/2022 de 14h à 16h] [Atelier]**\n*Deux*\n"
    )
    first, second = extract(body).sessions
    assert [(i.start, i.end, i.text) for i in first.agenda] == [
        (time(14), None, "Ouverture"),
        (time(15), time(15, 30), "Questions"),
        (time(15, 45), time(16), "Questions"),
    ]
    assert second.agenda == ()
