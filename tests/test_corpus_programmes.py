"""What the body parser reads from the real programme posts of ../shared/corpus-more/: the
job-forum programme with several dozen sessions, the Tour de France running orders, the Blue Hats
day whose running order has untitled slots."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from calendar_tui.model.parsing import parse_file
from calendar_tui.model.types import Post

PARIS = ZoneInfo("Europe/Paris")
# ../shared beside the repository (main checkout or a worktree one level deeper).
MORE = next(
    (
        p / "shared" / "corpus-more" / "evenements"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "corpus-more" / "evenements").is_dir()
    ),
    None,
)
pytestmark = pytest.mark.skipif(MORE is None, reason="../shared/corpus-more is not there")


def load(name: str) -> Post:
    path = MORE / name
    post, _ = parse_file(path, name)
    assert post is not None, name
    return post


def errors(post: Post) -> list[str]:
    return [d.format() for d in post.diagnostics if d.severity == "error"]


def test_the_2021_job_forum_gives_every_conference_presentation_and_workshop() -> None:
    post = load("le-forum-de-lemploi-tech-de-letat-2021.markdown")
    groups = [s.tags for s in post.sessions]
    assert groups.count(("Conférences tech",)) == 11
    assert groups.count(("Des présentations des recruteurs",)) == 9
    assert groups.count(("Ateliers",)) == 6
    assert len(post.sessions) == 26
    first, last = post.sessions[0], post.sessions[-1]
    assert first.title == "Le virage cloud dans l'État"
    assert [(s.start, s.end) for s in first.slots] == [
        (datetime(2021, 11, 29, 17, tzinfo=PARIS), datetime(2021, 11, 29, 17, 30, tzinfo=PARIS))
    ]
    # Each workshop is given three times on the day of its section's date heading.
    assert last.title == "Réussir une mobilité en prenant conscience de ses ressources"
    assert [(s.start.hour, s.end.hour) for s in last.slots] == [(11, 12), (15, 16), (17, 18)]
    assert {s.start.date() for s in last.slots} == {datetime(2021, 12, 16).date()}
    assert len({s.id for s in post.sessions}) == 26
    assert errors(post) == []


TOURS = sorted(p.name for p in MORE.glob("tour-de-france-*.markdown")) if MORE else []


@pytest.mark.parametrize("name", TOURS)
def test_each_tour_de_france_stage_has_its_two_part_running_order_and_no_programme(
    name: str,
) -> None:
    post = load(name)
    # The list of the tour's other stages ("Étape PACA, le 6 novembre à Marseille") names other
    # posts' events: it is not a programme of this one.
    assert post.sessions == ()
    assert post.event is not None
    agenda = [(i.start, i.end, i.text.split(" ")[:2]) for i in post.event.agenda]
    assert agenda == [
        (time(9, 30), time(12), ["La", "matinée"]),
        (time(13, 30), time(16, 30), ["L’après-midi", "sera"]),
    ]
    assert errors(post) == []


def test_the_blue_hats_launch_keeps_its_untitled_slots_untitled() -> None:
    post = load("lancement-rejoignez-la-communaute-blue-hats-hackers-dinteret-general.markdown")
    agenda = [(i.start, i.text) for i in post.event.agenda]
    assert agenda == [
        (time(9, 15), "accueil café"),
        (time(10), "lightning talks et démonstrations"),
        (time(10, 45), ""),
        (time(11, 30), "lightning talks et démonstrations"),
        (time(12, 30), "Déjeuner discussion"),
        (time(14, 30), "lightning talks et démonstrations"),
        (time(15, 15), ""),
        (time(16), "lightning talks et démonstrations"),
    ]


def test_the_franceconnect_day_has_its_morning_and_afternoon() -> None:
    post = load("journee-identite-numerique-franceconnect.markdown")
    assert [(i.start, i.end) for i in post.event.agenda] == [
        (time(9), time(12)),
        (time(14), time(18)),
    ]
    assert post.event.agenda[1].text.endswith("[Inscriptions après-midi clôturées]")
