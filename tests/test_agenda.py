"""`calendar-tui agenda`: the programme as plain sentences, and the sentences of one session."""

from __future__ import annotations

import argparse
import difflib
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

from calendar_tui.agenda import run_agenda
from calendar_tui.cli import main
from calendar_tui.cli_filters import add_filter_arguments
from calendar_tui.model.agenda_text import (
    Marks,
    agenda_paragraphs,
    occurrence_sentences,
    when_words,
)
from calendar_tui.model.clock import PARIS, FixedClock
from calendar_tui.model.text import upper_first
from calendar_tui.model.types import AgendaItem, Link, Occurrence, Post, Session, Slot
from conftest import FIXED_NOW, ROOT, store_of, timed_session

GOLDEN = Path(__file__).parent / "golden" / "agenda_bundled.txt"


def occurrence(session: Session, slot: int = 0) -> Occurrence:
    chosen = session.slots[slot]
    post = Post(path="posts/essai.md", title="Essai", sessions=(session,))
    return Occurrence(session, post, chosen.start, chosen.end, chosen.all_day)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def test_the_bundled_programme_reads_as_pinned(capsys):
    """To accept a deliberate change: `calendar-tui agenda > tests/golden/agenda_bundled.txt`,
    after reading the diff."""
    assert main(["agenda"]) == 0
    out = capsys.readouterr().out
    expected = GOLDEN.read_text(encoding="utf-8")
    assert out == expected, "".join(
        difflib.unified_diff(expected.splitlines(True), out.splitlines(True), "pinned", "now")
    )


def test_the_pinned_output_has_one_paragraph_per_session_and_no_drawing():
    paragraphs = GOLDEN.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    assert paragraphs[0] == "Mois de l’innovation publique édition 2020 : 24 sessions."
    assert len(paragraphs) == 1 + 24
    piaf = next(p for p in paragraphs if "Open Lab PIAF" in p).splitlines()
    assert piaf[:3] == [
        "Jeudi 26 novembre 2020, de 9 h 30 à 12 h : Open Lab PIAF (Pour une IA francophone), "
        "du modèle IA à l’application.",
        "Tags : Atelier participatif, Intelligence artificielle.",
        "En ligne.",
    ]
    assert piaf[-1].startswith("Plus d’informations et inscriptions : https://www.eventbrite.fr/")
    text = "".join(paragraphs)
    assert not any(mark in text for mark in "│─┌└★▬⚠▶\x1b")


def test_filters_are_those_of_list(capsys):
    assert main(["agenda", "--tag", "intelligence artificielle", "--from", "2020-11-26"]) == 0
    paragraphs = capsys.readouterr().out.rstrip("\n").split("\n\n")
    assert paragraphs[0] == (
        "Mois de l’innovation publique édition 2020, filtré par tags : Intelligence artificielle"
        " · du 26/11/2020 au … : 1 session."
    )
    assert paragraphs[1].startswith("Jeudi 26 novembre 2020, de 9 h 30 à 12 h : Open Lab PIAF")
    assert main(["agenda", "--search", "rien de tel nulle part"]) == 0
    assert capsys.readouterr().out.endswith(": aucune session.\n")


def said(session: Session) -> str:
    """The occurrence's day and time as a sentence starts with them."""
    return upper_first(when_words(occurrence(session)))


def test_when_in_words():
    day = date(2020, 11, 26)
    timed = timed_session("a", "A", day, 9, minutes=150)
    assert when_words(occurrence(timed)) == "jeudi 26 novembre 2020, de 9 h à 11 h 30"
    assert said(timed) == "Jeudi 26 novembre 2020, de 9 h à 11 h 30"
    open_ended = Session("b", "B", (Slot(at(day, 17), None),))
    assert said(open_ended) == "Jeudi 26 novembre 2020, à 17 h"
    one_day = Session("c", "C", (Slot(date(2020, 12, 1), date(2020, 12, 1), all_day=True),))
    assert said(one_day) == "Mardi 1er décembre 2020, toute la journée"
    span = Session("d", "D", (Slot(date(2020, 12, 28), date(2021, 1, 3), all_day=True),))
    assert said(span) == "Du lundi 28 décembre 2020 au dimanche 3 janvier 2021, toute la journée"
    overnight = Session("e", "E", (Slot(at(day, 22), at(date(2020, 11, 27), 2, 15)),))
    assert said(overnight) == (
        "Du jeudi 26 novembre 2020 à 22 h au vendredi 27 novembre 2020 à 2 h 15"
    )


def test_when_in_english_words(english):
    day = date(2020, 11, 26)
    assert said(timed_session("a", "A", day, 9, minutes=150)) == (
        "Thursday 26 November 2020, from 9:00 to 11:30"
    )
    one_day = Session("c", "C", (Slot(date(2020, 12, 1), date(2020, 12, 1), all_day=True),))
    assert said(one_day) == "Tuesday 1 December 2020, all day"
    overnight = Session("e", "E", (Slot(at(day, 22), at(date(2020, 11, 27), 2, 15)),))
    assert said(overnight) == (
        "From Thursday 26 November 2020 at 22:00 to Friday 27 November 2020 at 2:15"
    )


def test_the_agenda_reads_in_english_under_lang_en(capsys):
    """The same facts as the pinned French output, in English, with English day and month
    names (they stayed French before)."""
    assert main(["--lang", "en", "agenda", "--tag", "intelligence artificielle"]) == 0
    paragraphs = capsys.readouterr().out.rstrip("\n").split("\n\n")
    assert paragraphs[0].startswith(
        "Mois de l’innovation publique édition 2020, filtered by tags: Intelligence artificielle"
    )
    piaf = next(p for p in paragraphs if "Open Lab PIAF" in p).splitlines()
    assert piaf[:3] == [
        "Thursday 26 November 2020, from 9:30 to 12:00: Open Lab PIAF (Pour une IA "
        "francophone), du modèle IA à l’application.",
        "Tags: Atelier participatif, Intelligence artificielle.",
        "En ligne.",
    ]
    assert piaf[-1].startswith("Plus d’informations et inscriptions: https://www.eventbrite.fr/")


def test_every_symbol_mark_has_words():
    day = date(2020, 11, 26)
    other = occurrence(timed_session("o", "Atelier voisin", day, 10))
    session = timed_session(
        "s",
        "Open Lab ?",
        day,
        9,
        minutes=120,
        tags=("Atelier",),
        location="Paris, 20 avenue de Ségur",
        agenda=(AgendaItem(time(9), time(9, 30), "Accueil"), AgendaItem(time(10), None, "Démo")),
        links=(
            Link("Inscription", "https://example.org/i"),
            Link("https://example.org/x", "https://example.org/x"),
        ),
    )
    marks = Marks(favourite=True, now=True, clashes=(other,))
    assert occurrence_sentences(occurrence(session), marks) == [
        "Jeudi 26 novembre 2020, de 9 h à 11 h : Open Lab ?",
        "Dans vos favoris.",
        "En cours.",
        "Attention, chevauche une autre session favorite : Atelier voisin "
        "(jeudi 26 novembre 2020, de 10 h à 11 h).",
        "Tags : Atelier.",
        "Lieu : Paris, 20 avenue de Ségur.",
        "Déroulé : de 9 h à 9 h 30, Accueil ; 10 h, Démo.",
        "Inscription : https://example.org/i",
        "Lien : https://example.org/x",
    ]
    assert "Commence ensuite." in occurrence_sentences(occurrence(session), Marks(next=True))
    plain = occurrence_sentences(occurrence(session))
    assert not {"Dans vos favoris.", "En cours.", "Commence ensuite."} & set(plain)


def test_post_text_is_never_a_terminal_sequence():
    session = timed_session(
        "h",
        "\x1b[31mRouge\x1b[0m\u202eTitre\nsuite",
        date(2020, 11, 26),
        9,
        tags=("\x1b]8;;http://x\x07tag",),
        links=(Link("Lien\x07", "https://example.org/\x1b[2J"),),
    )
    (paragraph,) = agenda_paragraphs("\x1b[1mTitre", [occurrence(session)])[1:]
    assert "\x1b" not in paragraph and "\x07" not in paragraph and "\u202e" not in paragraph
    assert paragraph.splitlines()[0].endswith(": RougeTitre suite.")


def test_favourites_clashes_and_now_come_from_the_same_facts_as_the_calendar(capsys):
    day = FIXED_NOW.date()
    store = store_of(
        timed_session("a", "Premier", day, 9, minutes=120),  # 9-11: on at 10:00, starred
        timed_session("b", "Second", day, 10, minutes=30),  # starred, overlaps the first
        timed_session("c", "Troisième", day, 14),  # next, not starred
    )
    ids = {o.title: o.session.id for o in store.occurrences}
    parser = add_filter_arguments(argparse.ArgumentParser())
    args = parser.parse_args([])
    starred = frozenset({ids["Premier"], ids["Second"]})
    assert run_agenda(args, store, lambda: starred, FixedClock(FIXED_NOW)) == 0
    first, second, third = capsys.readouterr().out.rstrip("\n").split("\n\n")[1:]
    assert first.splitlines()[1:4] == [
        "Dans vos favoris.",
        "En cours.",
        "Attention, chevauche une autre session favorite : Second "
        "(mercredi 18 novembre 2020, de 10 h à 10 h 30).",
    ]
    assert "Dans vos favoris." in second and "Premier" in second
    assert third.splitlines()[1:] == ["Commence ensuite."]
    assert run_agenda(parser.parse_args(["--favourites"]), store, lambda: starred) == 0
    assert "Troisième" not in capsys.readouterr().out


def test_agenda_does_not_import_textual_or_rich():
    code = (
        "import sys, io, contextlib\n"
        "from calendar_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['agenda'])\n"
        "assert 'textual' not in sys.modules and 'rich' not in sys.modules, 'imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
