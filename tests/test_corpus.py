"""The real posts of ../shared/corpus as a regression suite: all load, and what is read is pinned.

Expected values were checked by hand against each post (front matter, "Horaires", chapeau).
The programme-bearing posts' sessions and running orders are pinned in test_body.py.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.model.clock import PARIS
from calendar_tui.model.loader import load_posts


def _shared() -> Path:
    """../shared beside the project (or beside the folder of its worktrees)."""
    for parent in Path(__file__).resolve().parents[1:4]:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[2] / "shared"


CORPUS = _shared() / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside the project"
)


@pytest.fixture(scope="module")
def corpus():
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
def test_event_dates_read_from_the_front_matter(corpus, name, start, end):
    posts, _ = corpus
    [slot] = posts[name].event.slots[:1]
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
