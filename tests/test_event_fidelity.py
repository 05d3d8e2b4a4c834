"""Issue 9, front-matter side: the classes of posts that were read wrong or left out in silence,
each on generated posts."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_tui.model.clock import PARIS
from calendar_tui.model.front_matter import parse_post_text
from calendar_tui.model.loader import load_posts
from calendar_tui.model.post import build_post
from calendar_tui.model.prose_date import end_in_text, find_event_date, opening_times
from calendar_tui.model.types import Post

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

EVENTS = "site/_evenements/"


def read(front: str, body: str = "", path: str = EVENTS + "post.md") -> Post:
    return build_post(parse_post_text(f"---\n{front.strip()}\n---\n{body}", path))


def slots(post: Post) -> list[tuple]:
    return [(s.start, s.end) for session in post.calendar_sessions for s in session.slots]


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def messages(post: Post) -> list[str]:
    return [d.message for d in post.diagnostics]


# --- Only event_end_date -------------------------------------------------------------------


def test_only_an_end_date_is_that_day_with_the_written_hours():
    post = read(
        """
title: Atelier
date: 2023-01-02 10:00:00 +01:00
event_end_date: 2023-01-20 00:00:00 +01:00
champs_informations:
- intitule: Horaires
  contenu: de 14h à 16h
"""
    )
    assert slots(post) == [(paris(2023, 1, 20, 14), paris(2023, 1, 20, 16))]
    [warning] = [d for d in post.diagnostics if "only event_end_date" in d.message]
    assert warning.line == 4


def test_only_an_end_date_without_hours_is_an_all_day_event():
    post = read("title: A\ndate: 2023-01-02 10:00:00 +01:00\nevent_end_date: 2023-01-20")
    assert slots(post) == [(date(2023, 1, 20), date(2023, 1, 20))]


# --- The date only in prose ----------------------------------------------------------------


def test_a_date_in_the_chapeau_with_prochain_and_the_publication_year():
    post = read(
        """
title: Campus
date: 2024-05-28 10:26:00 +02:00
chapeau-text: Les premiers Regards francophones, le 5 juin prochain à Paris.
"""
    )
    assert slots(post) == [(date(2024, 6, 5), date(2024, 6, 5))]
    [where] = [m for m in messages(post) if "is read from" in m]
    assert "05/06/2024 is read from chapeau-text ('le 5 juin')" in where


def test_prochain_is_the_next_such_day_after_publication():
    post = read(
        "title: X\ndate: 2023-08-01 10:00:00 +02:00", "Rendez-vous **le 12 mars** prochain."
    )
    assert slots(post) == [(date(2024, 3, 12), date(2024, 3, 12))]


def test_the_body_date_skips_deadlines_answers_and_past_references():
    body = (
        "La DINUM a lancé ce lundi 16 janvier un guichet.\n\n"
        "Proposez un sujet avant le 18 janvier 2023. Nous vous répondrons le 20 janvier.\n\n"
        "Inscriptions ouvertes jusqu'au 21 janvier.\n\n"
        "Retrouvez-nous le 23 janvier prochain en salle 252B.\n"
    )
    post = read("title: Guichet\ndate: 2023-01-13 17:00:00 +01:00", body)
    assert slots(post) == [(date(2023, 1, 23), date(2023, 1, 23))]
    [where] = [d for d in post.diagnostics if "is read from the text" in d.message]
    assert where.line == 11  # the body (from line 5)'s seventh line
    assert "'le 23 janvier'" in where.message


def test_a_day_before_publication_or_dernier_is_not_the_event():
    body = (
        "La première édition a eu lieu le 3 juillet. Comme le 20 juin dernier, venez nombreux."
        " Le 26 mai à Rouen. La suivante : le 2 juillet.\n"
    )
    post = read("title: X\ndate: 2023-06-01 10:00:00 +02:00", body)
    assert slots(post) == [(date(2023, 7, 2), date(2023, 7, 2))]


def test_prose_hours_from_horaires_an_opening_line_or_the_running_order():
    front = "title: W\ndate: 2023-03-01 10:00:00 +01:00"
    opening = read(front, "Ouverture du webinaire le 12 mars à 9h45.\n")
    assert slots(opening) == [(paris(2023, 3, 12, 9, 45), None)]
    running = read(
        front,
        "Venez le 23 mars prochain.\n\nDéroulé :\n* **16h-16h20** Présentation\n"
        "* **16h30-17h30** Échanges\n",
    )
    assert slots(running) == [(paris(2023, 3, 23, 16), paris(2023, 3, 23, 17, 30))]
    opened_then_order = read(
        front,
        "Venez le 23 mars prochain.\n\nDéroulé :\n* **16h-16h20** Présentation\n"
        '* **16h30-17h30** Échanges\n\n<p class="ouverture">Ouverture le 23 mars à 16h</p>\n',
    )
    assert slots(opened_then_order) == [(paris(2023, 3, 23, 16), paris(2023, 3, 23, 17, 30))]


def test_a_dated_phrase_keeps_its_own_hours():
    post = read(
        "title: W\ndate: 2023-03-01 10:00:00 +01:00", "Rendez-vous le 14 mars de 10h à 12h."
    )
    assert slots(post) == [(paris(2023, 3, 14, 10), paris(2023, 3, 14, 12))]


def test_an_event_post_with_no_date_anywhere_says_why():
    post = read("title: Créer un PDF\ndate: 2023-10-30 17:48:00 +01:00", "Un atelier.\n")
    assert post.event is not None and not slots(post)
    assert messages(post) == [
        "no event date in the front matter, the chapeau or the text; not in the calendar"
    ]


@pytest.mark.parametrize(
    ("path", "front"),
    [
        ("site/_actualites/post.md", "title: N\ndate: 2023-01-02"),
        ("site/actualites/sub/post.md", "title: N\ndate: 2023-01-02"),
        (EVENTS + "post.md", "title: N\ndate: 2023-01-02\nlayout: actualite"),
        (EVENTS + "post.md", "title: N\ndate: 2023-01-02\ncategories: [Actualités]"),
        ("elsewhere/post.md", "title: N\ndate: 2023-01-02"),
    ],
)
def test_news_posts_stay_silent_and_eventless(path, front):
    post = read(front, "Le 5 février prochain, nous lancerons le site.\n", path=path)
    assert post.event is None and not post.sessions
    assert not post.diagnostics


# --- champs_informations written differently ----------------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "- Intitulé: Horaires\n  contenu: de 14h à 17h",
        "- INTITULE: horaires\n  Contenu: de 14h à 17h",
        "- titre: Horaires\n  contenu: de 14h à 17h",
        "- intitule: de 14h à 17h\n  contenu: Horaires",
        "- intitule: Tous les jours\n  contenu: De 14h à 17h",
    ],
)
def test_hours_items_in_any_spelling(item):
    post = read(
        "title: A\ndate: 2023-01-02\nevent_start_date: 2023-01-20 00:00:00 +01:00\n"
        f"champs_informations:\n{item}"
    )
    assert slots(post) == [(paris(2023, 1, 20, 14), paris(2023, 1, 20, 17))]


@pytest.mark.parametrize("hours", ["00h00", "0h - 0h", "à préciser", "de 25h à 26h"])
def test_unreadable_written_hours_never_override_a_sound_front_matter_time(hours):
    post = read(
        f"""
title: A
date: 2023-01-02
event_start_date: 2023-01-20 14:00:00 +01:00
event_end_date: 2023-01-20 17:00:00 +01:00
champs_informations:
- intitule: Horaires
  contenu: '{hours}'
"""
    )
    assert slots(post) == [(paris(2023, 1, 20, 14), paris(2023, 1, 20, 17))]
    assert not [m for m in messages(post) if "written hours say" in m]


def test_items_labelled_with_parts_of_the_span_give_their_own_slots():
    post = read(
        """
title: Forum
date: 2022-10-27
event_start_date: 2022-12-01 00:00:00 +01:00
event_end_date: 2022-12-15 00:00:00 +01:00
champs_informations:
- intitule: Forum virtuel du 1er au 14 décembre
  contenu: Inscriptions en ligne à partir du 9/11
- intitule: 15 décembre à Paris
  contenu: De 9h à 18h
"""
    )
    assert slots(post) == [
        (date(2022, 12, 1), date(2022, 12, 14)),
        (paris(2022, 12, 15, 9), paris(2022, 12, 15, 18)),
    ]


def test_links_of_items_in_other_spellings():
    post = read(
        "title: A\ndate: 2023-01-02\nevent_start_date: 2023-01-20\nchamps_informations:\n"
        "- Intitulé: Inscription\n  Lien: https://example.org/x"
    )
    assert [(link.text, link.url) for link in post.event.links] == [
        ("Inscription", "https://example.org/x")
    ]


# --- An end time only in the text ----------------------------------------------------------


def test_an_end_time_only_in_the_text():
    post = read(
        "title: A\ndate: 2023-01-02\nevent_start_date: 2023-01-20 14:00:00 +01:00",
        "Rendez-vous de 14h à 16h30 au Lieu.\n",
    )
    assert slots(post) == [(paris(2023, 1, 20, 14), paris(2023, 1, 20, 16, 30))]


def test_an_end_time_from_the_running_order():
    post = read(
        "title: A\ndate: 2023-01-02\nevent_start_date: 2023-01-20 09:00:00 +01:00",
        "Programme :\n* **9h30 - 12h :** Matin\n* **13h30 - 16h30 :** Après-midi\n",
    )
    assert slots(post) == [(paris(2023, 1, 20, 9), paris(2023, 1, 20, 16, 30))]


def test_a_time_range_starting_elsewhere_is_not_the_end():
    post = read(
        "title: A\ndate: 2023-01-02\nevent_start_date: 2023-01-20 14:00:00 +01:00",
        "L'accueil est ouvert de 9h à 12h.\n",
    )
    assert slots(post) == [(paris(2023, 1, 20, 14), None)]


# --- One impossible front-matter value -----------------------------------------------------

IMPOSSIBLE = """---
title: Forum
date: 2020-10-01 10:00:00 +01:00
tags: [Emploi, Numérique]
lieu: Paris
event_start_date: 2020-11-31 10:00:00 +01:00
---
**[Le 05/11 de 14h à 15h] [Webinaire]**
*Session réelle*

**[Le 06/11 de 14h à 15h] [Webinaire]**
*Autre session*
"""


def test_an_impossible_date_keeps_the_rest_of_the_front_matter():
    post = build_post(parse_post_text(IMPOSSIBLE, EVENTS + "forum.md"))
    assert post.title == "Forum"
    assert post.tags == ("Emploi", "Numérique")
    assert post.event.location == "Paris"
    [error] = [d for d in post.diagnostics if d.severity == "error"]
    assert error.line == 6
    assert (
        error.message == "event_start_date '2020-11-31 10:00:00 +01:00' is not a date (no such day)"
    )
    assert [(s.title, s.slots[0].start) for s in post.sessions] == [
        ("Session réelle", paris(2020, 11, 5, 14)),
        ("Autre session", paris(2020, 11, 6, 14)),
    ]


HOSTILE_FRONT = [
    "event_start_date: 2020-11-31 10:00:00 +01:00",
    "event_start_date: 2020-02-30",
    "event_end_date: 2020-13-01 10:00:00",
    "date: 2020-11-31 10:00:00\nevent_start_date: 2020-11-05",
    "date: 0000-01-01\nevent_start_date: 0001-01-01 00:00:00 +14:00",
    "event_start_date: 9999-12-31 23:59:59 -12:00\nevent_end_date: 0001-01-01",
    "event_start_date: '2020-11-05T25:00'",
    "event_start_date: [2020-11-05]\nevent_end_date: {a: 1}",
    "event_start_date: 2020-11-05 14:00:00 +01:00\nchamps_informations: [{Intitulé: [1]}, 3, null]",
    "champs_informations:\n- {intitule: Horaires, contenu: 99h99}\n- {intitule: Date, contenu: 31/11}",
    "timezone: Mars/Olympus\nevent_start_date: 2020-11-05 14:00:00",
    "date: 2020-11-01\nchapeau-text: le 31 février prochain, jeudi 116 décembre",
]
PYTHON_WORDS = re.compile(
    r"NoneType|object has no attribute|Traceback|Error\b|not subscriptable|unsupported operand"
    r"|invalid literal|out of range for month|must be in \d|<class|\bself\b|argument"
)


def test_no_python_error_text_in_any_diagnostic(tmp_path: Path):
    folder = tmp_path / "_evenements"
    folder.mkdir()
    for number, front in enumerate(HOSTILE_FRONT):
        text = f"---\ntitle: T{number}\n{front}\n---\nLe 31/11 de 14h à 15h.\n"
        (folder / f"p{number}.md").write_text(text, encoding="utf-8")
    result = load_posts([folder], drafts=True)
    assert len(result.posts) == len(HOSTILE_FRONT)
    assert result.diagnostics
    for diagnostic in result.diagnostics:
        assert not PYTHON_WORDS.search(diagnostic.message), diagnostic


# --- Drafts and duplicates in a collection ---------------------------------------------------


def test_drafts_and_duplicates_say_why(tmp_path: Path):
    folder = tmp_path / "_evenements"
    folder.mkdir()
    front = "title: {}\ndate: 2018-10-01\nevent_start_date: 2018-11-13 {}\n"
    (folder / "tour-idf.md").write_text(f"---\n{front.format('Tour - Étape IDF', '08:00')}---\n")
    (folder / "tour-dot-idf.md").write_text(
        f"---\n{front.format('Tour  - « Étape IDF »', '00:00')}---\n"
    )
    (folder / "draft.md").write_text(
        f"---\n{front.format('Brouillon', '10:00')}published: false\n---\n"
    )
    (folder / "news-draft.md").write_text(
        "---\ntitle: N\nlayout: actualite\npublished: false\n---\n"
    )
    result = load_posts([folder])
    assert [Path(p.path).name for p in result.posts] == ["tour-idf.md"]
    said = {Path(d.path).name: d.message for d in result.diagnostics}
    assert said["tour-dot-idf.md"].startswith("duplicate of ")
    assert "draft" in said["draft.md"]
    assert "news-draft.md" not in said


# --- Nothing in prose makes the readers raise ------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 hHàa-/:.,\n*le dujanvierfévrprochainavant"))
        | st.characters(),
        max_size=200,
    ),
    st.dates(),
    st.times(),
)
def test_prose_readers_never_raise(text, published, start):
    find_event_date(text, published)
    opening_times(text)
    end_in_text(text, start)
