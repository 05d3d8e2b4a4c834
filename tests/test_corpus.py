"""The real posts of ../shared/corpus as a regression suite: all load, and what is read is pinned.

Expected values were checked by hand against each post (front matter, "Horaires", chapeau).
The programme-bearing posts' sessions and running orders are pinned in test_body.py.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.i18n import set_language
from calendar_tui.model.clock import PARIS
from calendar_tui.model.loader import load_posts


def _shared() -> Path:
    """../shared beside the project (or beside the folder of its worktrees)."""
    for parent in Path(__file__).resolve().parents[1:4]:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[2] / "shared"


CORPUS = _shared() / "corpus"
pytestmark = [
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project"),
    pytest.mark.usefixtures("english"),  # pins the English wording of diagnostics
]


@pytest.fixture(scope="module")
def corpus():
    set_language("en")  # before the function-scoped `english`: the diagnostics are made here
    result = load_posts([CORPUS], drafts=True)
    return {Path(p.path).name: p for p in result.posts}, result.diagnostics


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def test_every_file_loads_and_check_completes(corpus, capsys):
    posts, diagnostics = corpus
    files = [f for f in CORPUS.rglob("*") if f.suffix in (".md", ".markdown")]
    named = set(posts) | {Path(d.path).name for d in diagnostics}
    assert {
        f.name for f in files
    } <= named  # every file is a post or has a diagnostic saying why not
    assert not [d for d in diagnostics if d.severity == "error"]
    assert main(["check", "--no-cache", str(CORPUS)]) == 0
    assert "Traceback" not in capsys.readouterr().out


def test_news_posts_invent_no_events(corpus):
    posts, _ = corpus
    news = [p for p in posts.values() if "/actualites/" in p.path]
    assert len(news) == 8
    assert all(p.event is None and not p.sessions for p in news)


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        # "Horaires: 9h30-17h" wins over event_start_date 09:00 (a warning says so).
        (
            "5eme-anniversaire-de-demarches-simplifiees.markdown",
            paris(2023, 3, 13, 9, 30),
            paris(2023, 3, 13, 17),
        ),
        # event_start_date 06:30 is an AM/PM slip; "Horaires: 18h30 – 21h30".
        ("design-public-meetup-5.markdown", paris(2020, 5, 14, 18, 30), paris(2020, 5, 14, 21, 30)),
        (
            "annotathon-piaf-pour-des-ia-francophones-speciale-sip.markdown",
            paris(2019, 11, 29, 12),
            paris(2019, 11, 29, 13, 30),
        ),
        # 00:00 in the front matter, hours only in the running order (14h-15h30 ... 16h-18h30).
        (
            "entrepreneur-dinteret-general-decouvrez-les-realisations-de-la-promo-2.markdown",
            paris(2018, 11, 15, 14),
            paris(2018, 11, 15, 18, 30),
        ),
        # event_end_date 00:30 on the start day: read as 12:30.
        (
            "accessibilite-numerique-et-design.markdown",
            paris(2023, 11, 28, 9),
            paris(2023, 11, 28, 12, 30),
        ),
        # Placeholder event_start_date 2010-01-01; "Date: Mardi 10 janvier 2023", hours in the chapeau.
        (
            "designgouv-formation-a-levaluation-de-laccessibilite-dun-site.markdown",
            paris(2023, 1, 10, 14),
            paris(2023, 1, 10, 17, 30),
        ),
        # event_start_date at 00:00 and no hours written anywhere: an all-day event.
        (
            "designgouv-formation-evaluation-accessibilite.markdown",
            date(2023, 1, 10),
            date(2023, 1, 10),
        ),
        # Placeholder years 0007/0009: the days come from the title "les 7, 8 et 9 septembre 2021".
        (
            "franceconnect-a-lhonneur-a-lid-forum-de-lille-les-7-8-et-9-septembre-2021.markdown",
            date(2021, 9, 7),
            date(2021, 9, 9),
        ),
        # Three days, 00:00 in the front matter; "Tous les jours: de 13h à 20h" holds the hours
        # under a label other than "Horaires" (the first of three daily slots).
        (
            "ethics-by-design-2022.markdown",
            paris(2022, 11, 16, 13),
            paris(2022, 11, 16, 20),
        ),
        # event_date (not event_start_date), 00:00: an all-day event.
        ("ouverture-du-site.md", date(2018, 10, 18), date(2018, 10, 18)),
        # dateEvent.
        ("evenements-2.md", date(2018, 10, 18), date(2018, 10, 18)),
    ],
)
def test_event_dates_read_from_the_front_matter(name, start, end):
    # Each post alone: a draft and its published renamed copy are duplicates in the collection.
    [post] = load_posts([CORPUS / "evenements" / name], drafts=True).posts
    [slot] = post.event.slots[:1]
    assert (slot.start, slot.end) == (start, end)
    assert slot.all_day is (type(start) is date)


def test_places_tags_and_links(corpus):
    posts, _ = corpus
    event = posts["designgouv-formation-tests-usagers.markdown"].event
    assert event.location == "Lieu de la transformation publique, 77 avenue de Ségur, Paris 15"
    assert event.tags == ("Formation", "Numérique", "Usagers")
    assert (
        event.links[0].url
        == "https://design.numerique.gouv.fr/formations/recherche-utilisateur/atelier-test-usager/"
    )
    forum = posts["forum-emploi-tech-etat-2021-journee-speciale.markdown"].event
    assert (forum.slots[0].start, forum.slots[0].end) == (
        paris(2021, 12, 16, 9),
        paris(2021, 12, 16, 18),
    )


def test_diagnostics_name_the_file_and_line(corpus):
    _, diagnostics = corpus
    by_name = {(Path(d.path).name, d.line): d.message for d in diagnostics}
    assert by_name[("design-public-meetup-5.markdown", 15)] == (
        "event_start_date says 06:30 but the written hours say 18:30; using the written hours"
    )
    assert (
        "placeholder"
        in by_name[
            (
                "franceconnect-a-lhonneur-a-lid-forum-de-lille-les-7-8-et-9-septembre-2021.markdown",
                17,
            )
        ]
    )


def test_renamed_duplicates_are_kept_once():
    result = load_posts([CORPUS])
    titles = [p.title for p in result.posts]
    assert titles.count("Mois de l’innovation publique édition 2020") == 1
    kept = next(p for p in result.posts if p.title == "Mois de l’innovation publique édition 2020")
    assert len(kept.sessions) == 19  # the fuller of the two older versions
    assert any("duplicate of" in d.message for d in result.diagnostics)


# --- ../shared/corpus-more, loaded with ../shared/corpus: the whole real collection ---------

MORE = _shared() / "corpus-more"
LEFT_OUT_BECAUSE = ("is a draft", "duplicate of ", "not in the calendar", "not a post")


def _post_files() -> list[Path]:
    return sorted(
        f for root in (CORPUS, MORE) for f in root.rglob("*") if f.suffix in (".md", ".markdown")
    )


@pytest.fixture(scope="module")
def everything():
    set_language("en")
    result = load_posts([CORPUS, MORE])
    return {str(Path(p.path).relative_to(_shared())): p for p in result.posts}, result.diagnostics


@pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus-more is not beside the project")
@pytest.mark.parametrize("drafts", [False, True])
def test_every_post_gives_occurrences_or_says_why(drafts):
    """The invariant of issue 9: an event post is in the calendar or a diagnostic says why;
    a news post is silent and eventless."""
    from calendar_tui.model.parsing import read_post
    from calendar_tui.model.post import build_post

    result = load_posts([CORPUS, MORE], drafts=drafts)
    occurring = {p.path for p in result.posts if any(s.slots for s in p.calendar_sessions)}
    said = {d.path for d in result.diagnostics if any(r in d.message for r in LEFT_OUT_BECAUSE)}
    news = 0
    for file in _post_files():
        raw, _ = read_post(file, str(file))
        post = build_post(raw) if raw is not None and raw.metadata else None
        if post is not None and post.event is None and not post.sessions:
            news += 1
            assert "/actualites/" in str(file), file  # no event post is taken for news
            assert str(file) not in occurring and str(file) not in said, file
        else:
            assert str(file) in occurring or str(file) in said, file
    assert news == 8


@pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus-more is not beside the project")
@pytest.mark.parametrize(
    ("name", "count", "start", "end"),
    [
        # No event field: the date is read from the body ("retrouvez-nous le 8 novembre"), past
        # "avant le 18 octobre 2022" and "Nous vous répondrons le 21 octobre"; then found to be a
        # renamed copy of the next post (same title, same day), which is kept.
        (
            "journee-bluehats-salon-open-source-experience-2022.markdown",
            1,
            paris(2022, 11, 8, 9),
            None,
        ),
        (
            "journee-bluehats-lors-du-salon-open-source-experience.markdown",
            1,
            date(2021, 11, 9),
            date(2021, 11, 9),
        ),
        (
            "journee-identite-numerique-franceconnect.markdown",
            1,
            paris(2019, 11, 27, 9),
            paris(2019, 11, 27, 18),
        ),
        (
            "journee-mondiale-du-climat-limpact-des-bonnes-pratiques-numeriques-ecoresponsables-au-sein-des-organisations.markdown",
            1,
            paris(2021, 12, 8, 9),
            paris(2021, 12, 8, 10),
        ),
        # "Horaires " (a trailing space) De 9h à 17h.
        (
            "lancement-rejoignez-la-communaute-blue-hats-hackers-dinteret-general.markdown",
            1,
            paris(2018, 12, 6, 9),
            paris(2018, 12, 6, 17),
        ),
        # 1-15 December in the front matter; the items "Forum virtuel du 1er au 14 décembre" and
        # "15 décembre à Paris: De 9h à 18h" split it in two (the second slot at 9h-18h).
        (
            "le-forum-de-lemploi-numerique-de-letat-2022.markdown",
            2,
            date(2022, 12, 1),
            date(2022, 12, 14),
        ),
        (
            "le-forum-de-lemploi-tech-de-letat-2020.markdown",
            1,
            date(2020, 11, 26),
            date(2020, 11, 26),
        ),
        # No event field; a programme of 26 sessions (38 slots), pinned in test_body.py.
        (
            "le-forum-de-lemploi-tech-de-letat-2021.markdown",
            38,
            paris(2021, 11, 29, 17),
            paris(2021, 11, 29, 17, 30),
        ),
        # 08:00 in the front matter, no end: the end is the running order's last time.
        (
            "tour-de-france-demarches-simplifiees-fr-etape-bretagne.markdown",
            1,
            paris(2018, 11, 22, 8),
            paris(2018, 11, 22, 16, 30),
        ),
        # 00:00 in the front matter: the hours are the running order's (9h30 - 16h30).
        (
            "tour-de-france-demarches-simplifiees-fr-etape-grand-est.markdown",
            1,
            paris(2018, 11, 29, 9, 30),
            paris(2018, 11, 29, 16, 30),
        ),
    ],
)
def test_more_real_posts_are_read_right(everything, name, count, start, end):
    posts, _ = everything
    post = posts[f"corpus-more/evenements/{name}"]
    found = [slot for session in post.calendar_sessions for slot in session.slots]
    assert len(found) == count  # occurrences
    assert (found[0].start, found[0].end) == (start, end)


@pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus-more is not beside the project")
def test_the_renamed_copies_of_corpus_more_are_duplicates(everything):
    posts, diagnostics = everything
    kept = {name for name in posts if name.startswith("corpus-more/")}
    assert len(kept) == 17
    copies = {
        Path(d.path).name: Path(d.message.split()[2]).name
        for d in diagnostics
        if d.message.startswith("duplicate of ") and "/corpus-more/" in d.path
    }
    regions = ("bourgogne-franche-comte", "bretagne", "centre-val-de-loire", "corse")
    regions += ("hauts-de-france", "ile-de-france", "paca", "pays-de-la-loire")
    for region in regions:
        copy = f"tour-de-france-demarches-simplifiees-dot-fr-etape-{region}.markdown"
        assert copies[copy] == f"tour-de-france-demarches-simplifiees-fr-etape-{region}.markdown"
    # Martinique's post is a verbatim copy of PACA's.
    assert copies["tour-de-france-demarches-simplifiees-dot-fr-etape-martinique.markdown"] == (
        "tour-de-france-demarches-simplifiees-fr-etape-paca.markdown"
    )
    assert copies["design.markdown"] == "formation__design.markdown"  # formation/ subfolder
    assert copies["journee-bluehats-lors-du-salon-open-source-experience-2022.markdown"] == (
        "journee-bluehats-salon-open-source-experience-2022.markdown"
    )


@pytest.mark.skipif(not MORE.is_dir(), reason="../shared/corpus-more is not beside the project")
def test_a_post_without_event_fields_says_where_its_date_comes_from(everything):
    _, diagnostics = everything
    [where] = [
        d
        for d in diagnostics
        if d.path.endswith("journee-bluehats-lors-du-salon-open-source-experience-2022.markdown")
        and "is read from" in d.message
    ]
    assert where.line == 31
    assert "08/11/2022 is read from the text ('le 8 novembre')" in where.message
