"""extract_body: programmes, running orders and links found in post bodies."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import frontmatter
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model.body import BodyExtraction, extract_body, shorten, title_from_description
from calendar_tui.model.ids import session_id
from calendar_tui.model.types import AgendaItem, Slot

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

PARIS = ZoneInfo("Europe/Paris")
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
EVENTS = CORPUS / "evenements"
SEED = SHARED / "seeds" / "mois-de-linnovation-publique-edition-2020.markdown"
ALL_POSTS = sorted(p for p in CORPUS.glob("*/*") if p.suffix in {".md", ".markdown"})


def _day(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def extract_file(path: Path, *, event_days: tuple[date, ...] | None = None) -> BodyExtraction:
    """Split a post as the loader does and extract its body (file lines, reference date)."""
    text = path.read_text(encoding="utf-8")
    post = frontmatter.loads(text)
    body = post.content
    offset = text.find(body) if body else len(text)
    first_line = text[: max(offset, 0)].count("\n") + 1
    meta = post.metadata
    start = _day(meta.get("event_start_date") or meta.get("event_date") or meta.get("dateEvent"))
    end = _day(meta.get("event_end_date"))
    reference = start or _day(meta.get("date")) or date(2020, 1, 1)
    if event_days is None:
        event_days = (start,) if start else ()
        if start and end and end > start:
            event_days = tuple(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
    return extract_body(
        body,
        path=str(path),
        first_line=first_line,
        reference=reference,
        tz=PARIS,
        post_key=path.stem,
        event_days=event_days,
    )


def at(day: int, month: int, hour: int, minute: int = 0, year: int = 2020) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def rows(extraction: BodyExtraction) -> list[tuple]:
    """(line, title, tags, [(start, end), ...]) for each session."""
    return [
        (s.line, s.title, s.tags, [(slot.start, slot.end) for slot in s.slots])
        for s in extraction.sessions
    ]


# ---------------------------------------------------------------------------------------------
# The bundled programme, pinned session by session
# ---------------------------------------------------------------------------------------------

W, EIG, VFR = "Webinaire", "EIG", "Volet numérique France Relance"
SEED_SESSIONS = [
    (29, "A quelles données publiques rêvez-vous d’avoir accès ? Quels services souhaitez-vous construire grâce à ces données ?",
     ("Appel à idées", "Services aux citoyens", "API"), [(date(2020, 11, 2), date(2020, 11, 30))]),
    (37, "Vous êtes chargés de lancer un programme d’intrapreneuriat dans une…",
     (W, "beta.gouv.fr"), [(at(5, 11, 9), None)]),
    (51, "Pérenniser la transformation numérique : un an après la promotion 3 du programme Entrepreneurs d’Intérêt Général, des porteurs de projets racontent leur expérience",
     (W, EIG), [(at(9, 11, 14), at(9, 11, 15, 15))]),
    (60, "Réunion d’information sur l’appel à projets « Cycle de vie de la donnée » dans le cadre du plan France Relance",
     (W, "Appel à projets", "Volet numérique du plan France Relance"), [(at(10, 11, 14), None)]),
    (69, "Découvrez 5 projets pour innover avec l’IA dans l’administration",
     ("Restitutions", "Expérimentations", "Intelligence artificielle"),
     [(at(d, 11, 17), at(d, 11, 17, 30)) for d in (16, 17, 18, 19, 20)]),
    (78, "La pseudonymisation des décisions de justice : regards croisés avec Etalab, la Cour de Cassation et le Conseil d’Etat",
     (W, "Intelligence artificielle"), [(at(19, 11, 14), None)]),
    (87, "France Relance : Comment développer nos talents numériques ?",
     ("Atelier participatif", VFR, "TALENTS"), [(at(20, 11, 11), at(20, 11, 12))]),
    (96, "Clinique #BlueHats d’ouverture des codes sources",
     ("Atelier participatif – Clinique", "Open source"), [(at(23, 11, 13, 30), at(23, 11, 17, 30))]),
    (105, "France Relance : Développez les compétences numériques des agents de l’État !",
     (W, VFR, "TALENTS"), [(at(24, 11, 9, 30), at(24, 11, 10, 15))]),
    (114, "La mission LABEL se présente", (W, VFR, "LABEL"), [(at(24, 11, 14), at(24, 11, 14, 45))]),
    (125, "Les défis EIG au ministère de la Culture", (W, EIG), [(at(25, 11, 11), at(25, 11, 12))]),
    (134, "Entrepreneurs d’Intérêt Général / Intrapreneuriat beta.gouv.fr : quel programme pour quel projet ?",
     (W, EIG), [(at(25, 11, 13), at(25, 11, 14))]),
    (143, "Open Lab PIAF (Pour une IA francophone), du modèle IA à l’application",
     ("Atelier participatif", "Intelligence artificielle"), [(at(26, 11, 9, 30), at(26, 11, 12))]),
    (152, "La mission LABEL se présente", (W, VFR, "LABEL"), [(at(26, 11, 11), at(26, 11, 11, 45))]),
    (163, "Simplifier et dématérialiser les démarches des citoyens et des entreprises grâce aux API : trois récits de collaboration",
     (W, "API"), [(at(26, 11, 15, 30), at(26, 11, 17))]),
    (172, "L’open data et les territoires : Quelle collaboration entre l’État et les collectivités territoriales?",
     (W, "Données ouvertes"), [(at(26, 11, 17), None)]),
    (181, "Design Public #5 : Environnement et biodiversité", (W, "Design", EIG), [(at(26, 11, 18), at(26, 11, 20))]),
    (190, "Piloter les politiques publiques par la donnée : lancement de l’offre d’accompagnement",
     (W,), [(at(27, 11, 14), at(27, 11, 16))]),
    (199, "Comment tirer profit du numérique dans vos politiques publiques ?", (W, "TRANSFO"), [(at(30, 11, 9), at(30, 11, 10))]),
    (210, "Présentation du guichet SNAP2 \"Identité numérique des agents publics » porté par le projet AgentConnect dans le cadre de France Relance",
     (W, VFR, "AgentConnect"), [(at(30, 11, 9, 30), at(30, 11, 10, 30))]),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> BodyExtraction:
    return extract_file(SEED)


def test_bundled_programme_sessions(seed: BodyExtraction) -> None:
    assert rows(seed) == SEED_SESSIONS
    assert seed.diagnostics == ()
    assert seed.agenda == ()


def test_bundled_programme_slot_kinds(seed: BodyExtraction) -> None:
    first = seed.sessions[0]
    assert first.slots == (Slot(date(2020, 11, 2), date(2020, 11, 30), all_day=True),)
    for session in seed.sessions[1:]:
        for slot in session.slots:
            assert not slot.all_day
            assert slot.start.tzinfo is PARIS
            assert slot.start.utcoffset() == dt.timedelta(hours=1)


def test_bundled_programme_ids(seed: BodyExtraction) -> None:
    ids = [s.id for s in seed.sessions]
    assert len(set(ids)) == 20
    key = SEED.stem
    assert ids[2] == session_id(key, seed.sessions[2].title, date(2020, 11, 9))
    # Same title on two days: different ids, no suffix needed.
    label = [s.id for s in seed.sessions if s.title == "La mission LABEL se présente"]
    assert len(label) == 2 and not any(i.endswith("-2") for i in label)


def test_bundled_programme_descriptions_and_links(seed: BodyExtraction) -> None:
    eig = seed.sessions[2]
    assert eig.description.startswith("Un an après la fin de la promotion 3 du [programme EIG](")
    assert eig.description.endswith(
        "[Plus d’informations et inscriptions](https://www.eventbrite.fr/e/billets-perenniser-la-transformation-numerique-les-defis-eig-un-an-apres-127005413611)"
    )
    assert "<br>" not in eig.description and "Pérenniser" not in eig.description
    assert [link.url for link in eig.links] == [
        "https://www.etalab.gouv.fr/quels-resultats-pour-la-promotion-3-du-programme-entrepreneurs-dinteret-general",
        "https://www.eventbrite.fr/e/billets-perenniser-la-transformation-numerique-les-defis-eig-un-an-apres-127005413611",
    ]
    last = seed.sessions[-1]
    assert "Rejoignez-nous" not in last.description  # the closing note is not part of it
    assert last.description.startswith("Présentation du guichet SNAP2 dédié à AgentConnect")
    transfo = seed.sessions[18]
    assert [link.text for link in transfo.links] == ["Plus d'informations", "inscriptions"]
    assert all(s.location == "" for s in seed.sessions)
    # The programme's own text is its introduction; the sessions hold the rest.
    assert [link.url for link in seed.links] == [
        "https://www.modernisation.gouv.fr/mois-innovation-publique/"
    ]
    assert seed.description.startswith("A l’occasion de l’[édition 2020")
    assert seed.description.endswith("pour le mois de l’innovation publique**")


def test_session_location_defaults_to_the_post_location() -> None:
    body = SEED.read_text("utf-8").split("---", 2)[2]
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2020, 11, 4), tz=PARIS,
        post_key="p", location="En ligne",
    )  # fmt: skip
    assert {s.location for s in extraction.sessions} == {"En ligne"}


@pytest.mark.parametrize(
    ("name", "count", "first_line", "last_line"),
    [
        ("mois-de-linnovation-publique-edition-2020.markdown", 14, 29, 163),
        ("mois-de-linnovation-publique-edition-2020__commit-436cec04.markdown", 19, 29, 199),
    ],
)
def test_older_versions_of_the_programme(
    name: str, count: int, first_line: int, last_line: int
) -> None:
    extraction = extract_file(EVENTS / name)
    assert len(extraction.sessions) == count
    assert extraction.sessions[0].line == first_line
    assert extraction.sessions[-1].line == last_line
    assert extraction.sessions[0].title.startswith("A quelles données publiques")
    assert extraction.diagnostics == ()


# ---------------------------------------------------------------------------------------------
# Other programme styles in the corpus
# ---------------------------------------------------------------------------------------------

CONF, RECR, ATEL = "Conférences tech", "Présentations de recruteurs", "Ateliers"
FORUM_2020 = [
    (79, "La Green tech dans les services numériques publics", (CONF,), [(at(23, 11, 17), at(23, 11, 17, 30))]),
    (81, "Le numérique au service de la transformation des politiques publiques", (CONF,), [(at(23, 11, 17, 30), at(23, 11, 18))]),
    (82, "Zoom sur les infras, le réseau", (CONF,), [(at(23, 11, 18), at(23, 11, 18, 30))]),
    (84, "Les API au service des citoyens", (CONF,), [(at(24, 11, 17), at(24, 11, 17, 30))]),
    (85, "Le logiciel libre dans l’État et les réalisations", (CONF,), [(at(24, 11, 17, 30), at(24, 11, 18))]),
    (86, "Comment l’État attire les talents du numérique", (CONF,), [(at(24, 11, 18), at(24, 11, 18, 30))]),
    (90, "La culture d'innovation au sein de l’État", (CONF,), [(at(25, 11, 17), at(25, 11, 18))]),
    (91, "Datascience et open data : au cœur de la transformation numérique de l’État", (CONF,), [(at(25, 11, 18), at(25, 11, 18, 30))]),
    (95, "Les réalisations TECH de l’État", (CONF,), [(at(26, 11, 17), at(26, 11, 17, 30))]),
    (96, "Les grands défis technologiques de l’État", (CONF,), [(at(26, 11, 17, 30), at(26, 11, 18))]),
    (97, "Simplification des démarches et services aux citoyens : les startups d’État", (CONF,), [(at(26, 11, 18), at(26, 11, 18, 30))]),
    (103, "La sous-direction des Technologies de l'Intérieur: l'informatique de tous les jours et la réponse opérationnelle", (RECR,), [(at(30, 11, 14, 30), at(30, 11, 15))]),
    (107, "La Direction de l’information légale et administrative, présentation, projets et opportunités", (RECR,), [(at(2, 12, 13, 30), at(2, 12, 14))]),
    (111, "Les missions du Département du Val d'Oise, l'écosystème et l'organisation de la DSI", (RECR,), [(at(3, 12, 10), at(3, 12, 10, 30))]),
    (115, "Quels sont les métiers aux ministères de l’Economie, des Finances et de la Relance ?", (RECR,), [(at(4, 12, 14, 30), at(4, 12, 15))]),
    (119, "Quels sont les métiers Tech du ministère de l’Europe et des Affaires étrangères ?", (RECR,), [(at(8, 12, 14, 30), at(8, 12, 15))]),
    (123, "Le LINC : le Laboratoire d’Innovation Numérique de la CNIL", (RECR,), [(at(9, 12, 14, 30), at(9, 12, 15))]),
    (129, "Elevator Pitch", (ATEL,), [(at(30, 11, 17), at(30, 11, 17, 45))]),
    (130, "Coacher ma démarche emploi", (ATEL,), [(at(30, 11, 17, 45), at(30, 11, 18, 30))]),
    (134, "Trouvez votre ikigaï : l’emploi tech qui vous rendra heureux", (ATEL,), [(at(1, 12, 17), at(1, 12, 17, 45))]),
    (135, "Travailler dans la tech : regards croisés privé/public", (ATEL,), [(at(1, 12, 17, 45), at(1, 12, 18, 30))]),
    (139, "La Top posture pour un entretien visio réussi !", (ATEL,), [(at(3, 12, 17), at(3, 12, 17, 45))]),
    (140, "Coacher ma démarche emploi", (ATEL,), [(at(3, 12, 17, 45), at(3, 12, 18, 30))]),
    (144, "Trouvez votre ikigaï : l’emploi tech qui vous rendra heureux", (ATEL,), [(at(4, 12, 17), at(4, 12, 17, 45))]),
    (148, "Elevator Pitch", (ATEL,), [(at(7, 12, 17), at(7, 12, 17, 45))]),
    (149, "Travailler dans la tech : regards croisés privé/public", (ATEL,), [(at(7, 12, 17, 45), at(7, 12, 18, 30))]),
    (153, "La Top posture pour un entretien visio réussi", (ATEL,), [(at(8, 12, 17), at(8, 12, 17, 45))]),
    (154, "Coacher ma mobilité", (ATEL,), [(at(8, 12, 17, 45), at(8, 12, 18, 30))]),
    (158, "Coacher ma démarche emploi", (ATEL,), [(at(9, 12, 17), at(9, 12, 17, 45))]),
    (159, "Travailler dans la tech : regards croisés privé/public", (ATEL,), [(at(9, 12, 17, 45), at(9, 12, 18, 30))]),
]  # fmt: skip


def test_forum_2020_bullets_inline_dates_and_date_headings() -> None:
    extraction = extract_file(EVENTS / "forum-emploi-tech-etat-2020.markdown")
    assert rows(extraction) == FORUM_2020
    assert extraction.agenda == ()
    assert extraction.diagnostics == ()
    assert len({s.id for s in extraction.sessions}) == len(FORUM_2020)
    assert extraction.links[-1].url == "https://app.seekube.com/forum-emploi-tech-Etat2020"


def _at21(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return at(day, month, hour, minute, year=2021)


CONF21, RECR21 = "Conférences tech", "Des présentations des recruteurs"
FORUM_2021_TALKS = [
    (72, "Le virage cloud dans l'État", (CONF21,), (29, 11, 17, 0), (17, 30)),
    (75, "Vers un numérique écoresponsable dans l’administration publique", (CONF21,), (29, 11, 17, 30), (18, 0)),
    (78, "Le réseau interministériel de l’État, enjeux et perspectives", (CONF21,), (29, 11, 18, 0), (18, 30)),
    (81, "Comment le numérique a transformé l’action publique ? Focus sur le programme TECH.GOUV", (CONF21,), (30, 11, 17, 0), (17, 30)),
    (84, "Comment l’État attire les talents du numérique", (CONF21,), (30, 11, 17, 30), (18, 0)),
    (87, "La dématérialisation des procédures de bout en bout, et si on en faisait plus et plus vite ?", (CONF21,), (30, 11, 18, 0), (18, 30)),
    (90, "La culture d’innovation au sein de l’État", (CONF21,), (1, 12, 17, 0), (18, 0)),
    (93, "Le logiciel libre dans l'État", (CONF21,), (1, 12, 18, 0), (18, 30)),
    (96, "Le numérique au service de la transformation des politiques publiques", (CONF21,), (2, 12, 17, 0), (17, 30)),
    (99, "Datascience et open data : au cœur de la transformation numérique de l’État", (CONF21,), (2, 12, 17, 30), (18, 0)),
    (102, "La transformation publique avec les Startups d'Etat et la culture produit", (CONF21,), (2, 12, 18, 0), (18, 30)),
    (111, "Auditeur des systèmes d’information à la CNIL : la sécurité des données, enjeu clé du RGPD", (RECR21,), (3, 12, 17, 0), (17, 30)),
    (114, "La Direction de l’information légale et administrative : présentation, projets et opportunités", (RECR21,), (6, 12, 17, 0), (17, 30)),
    (117, "Un métier Data, un projet au ministère des Armées", (RECR21,), (7, 12, 17, 0), (17, 30)),
    (120, "Quels sont les métiers tech du ministère de l’Europe et des Affaires étrangères ?", (RECR21,), (8, 12, 17, 0), (17, 30)),
    (123, "Le numérique au service de l’Université (ASSAS)", (RECR21,), (9, 12, 17, 0), (17, 30)),
    (126, "La direction générale des finances publiques (DGFiP) : focus sur la DTNUM", (RECR21,), (10, 12, 17, 0), (17, 30)),
    (129, "L'agence de mutualisation des universités et établissements (AMUE) : présentation, projets et opportunités", (RECR21,), (13, 12, 17, 30), (18, 0)),
    (132, "Sous-direction des technologies de la préfecture de Police : informatique et réponse opérationnelle", (RECR21,), (14, 12, 17, 30), (18, 0)),
    (135, "Le programme Entrepreneurs d’intérêt général (EIG) : la transformation numérique au cœur des administrations", (RECR21,), (15, 12, 16, 0), (16, 30)),
]  # fmt: skip
MORNING = [(10, 11), (14, 15), (16, 17)]
LATER = [(11, 12), (15, 16), (17, 18)]
FORUM_2021_WORKSHOPS = [
    (179, "Se présenter avec « l'elevator pitch »", MORNING),
    (185, "Capter l'attention avec le Storytelling", LATER),
    (191, "Décryptage de l'offre et préparation entretien", MORNING),
    (197, "Postures de candidat sur les réseaux sociaux", LATER),
    (204, "L'ikigaï ou comment donner du sens à son projet", MORNING),
    (210, "Réussir une mobilité en prenant conscience de ses ressources", LATER),
]


def test_forum_2021_title_then_br_date_lines_and_html_workshops() -> None:
    extraction = extract_file(
        EVENTS / "duplication-le-forum-de-lemploi-tech-de-letat-2021.markdown"
    )
    expected = [
        (line, title, tags, [(_at21(d, m, h, mi), _at21(d, m, *end))])
        for line, title, tags, (d, m, h, mi), end in FORUM_2021_TALKS
    ]
    expected += [
        (line, title, ("Ateliers",), [(_at21(16, 12, a), _at21(16, 12, b)) for a, b in hours])
        for line, title, hours in FORUM_2021_WORKSHOPS
    ]
    assert rows(extraction) == expected
    assert extraction.diagnostics == ()
    pitch = extraction.sessions[20]
    assert pitch.description.startswith("Cet atelier permet à chaque participant")
    assert "De 10h à 11h" not in pitch.description
    assert "S'inscrire au Forum à Paris" not in pitch.description


def test_forum_2021_workshops_fall_back_to_the_event_day_without_a_date_heading() -> None:
    body = (
        "* **Atelier A**\n<br>De 10h à 11h ou de 14h à 15h\n\n* **Atelier B**\n<br>De 11h à 12h\n"
    )
    extraction = extract_body(
        body, path="p", first_line=5, reference=date(2021, 12, 16), tz=PARIS,
        post_key="p", event_days=(date(2021, 12, 16),),
    )  # fmt: skip
    assert rows(extraction) == [
        (5, "Atelier A", (), [(_at21(16, 12, 10), _at21(16, 12, 11)), (_at21(16, 12, 14), _at21(16, 12, 15))]),
        (8, "Atelier B", (), [(_at21(16, 12, 11), _at21(16, 12, 12))]),
    ]  # fmt: skip


def test_festival_headings_with_when_and_where_lines() -> None:
    extraction = extract_file(EVENTS / "festival-futur-e-s-dinsic.markdown")
    assert rows(extraction) == [
        (29, "Démos des projets de la DINSIC : venez découvrir comment nous créons le service public de demain !", (),
         [(at(13, 6, 9, year=2019), at(13, 6, 19, year=2019)), (at(14, 6, 9, year=2019), at(14, 6, 19, year=2019))]),
        (45, "Masterclasse « Numérique rime aussi avec Fonction publique : l’État recrute ! »", (),
         [(at(14, 6, 13, 15, year=2019), at(14, 6, 13, 45, year=2019))]),
    ]  # fmt: skip
    assert [s.location for s in extraction.sessions] == [
        "Stand DINSIC, galerie des démos, Mobilier national - Galerie des Gobelins",
        "Atelier des possibles, Mobilier national - Galerie des Gobelins",
    ]
    assert extraction.sessions[0].slots[0].start.utcoffset() == dt.timedelta(hours=2)


# ---------------------------------------------------------------------------------------------
# Running orders of single events
# ---------------------------------------------------------------------------------------------

RUNNING_ORDERS = {
    "5eme-anniversaire-de-demarches-simplifiees.markdown": [
        (time(9), time(9, 30), "Accueil des participants"),
        (time(9, 30), time(10), "Introduction de la journée"),
        (time(10), time(10, 50), "Table ronde 1"),
        (time(11), time(11, 50), "Table ronde 2"),
        (time(12), time(13, 45), "Pause déjeuner"),
        (time(13, 50), time(14, 50), "Table ronde 3"),
        (time(15), time(16), "Table ronde 4"),
        (time(16), time(16, 30), 'Palabre autour du "SOUHAITIER"'),
    ],
    "accessibilite-numerique-ameliorer-les-interfaces-pour-tous-les-usagers.markdown": [
        (time(8, 30), None, "Accueil petit-déjeuner"),
        (time(9, 30), None, "Intervention de Cédric O"),
        (time(10), None, "Table ronde « Réinventer notre approche de l’accessibilité en s’inspirant du privé »"),
        (time(11, 15), None, "Table ronde : 5 organismes publics labellisés e-accessible échangent autour de leurs apprentissages"),
        (time(12), None, "Présentation de la version 4 du référentiel général d'amélioration de l'accessibilité (RGAA)"),
    ],
    "cloture-saison-1-programme-10-percent.markdown": [
        (time(14), time(15), "Pitchs des projets d'intérêt commun"),
        (time(15), time(16), "Table ronde « Comment attirer et fidéliser les talents de la data au sein de l’État ? »."),
        (time(16), None, "pot final"),
    ],
    "ethique-et-intelligence-artificielle-lignes-directrices-commission-europeenne.markdown": [
        (time(9, 30), None, "La stratégie française d’intelligence artificielle"),
        (time(10), None, "La stratégie européenne pour une intelligence artificielle éthique"),
        (time(10, 20), None, "Présentation des lignes directrices éthiques du groupe d’experts de haut niveau de la Commission européenne"),
        (time(10, 40), None, "Questions/réponses avec un panel de membres du groupe d'experts"),
        (time(11, 40), None, "Méthode de travail et intégration à la phase pilote"),
        (time(12), None, "Clôture de la matinée"),
    ],
    "guichet-data-webinaire-dinformation-2.markdown": [
        (time(16), time(16, 20), None),
        (time(16, 20), time(16, 30), "Exemples de projets à impact"),
        (time(16, 30), time(17, 30), "Pour les porteurs ayant un projet, possibilité de le présenter et d’obtenir un retour afin de préparer une éventuelle candidature."),
    ],
    "entrepreneur-dinteret-general-decouvrez-les-realisations-de-la-promo-2.markdown": [
        (time(14), time(15, 30), "Exposition"),
        (time(16), time(18, 30), "Enseignements"),
    ],
    "expert-ux-tout-savoir-avant-de-candidater-pour-devenir-designer-dinteret-general.markdown": [
        (time(9), None, "accueil café"),
        (time(9, 30), time(10, 30), "lancement de l’appel à candidature des Designers d’intérêt général."),
        (time(11), time(12), "Atelier : Vous aider à préparer et déposer votre candidature pour être Designer d'intérêt général et répondre à toutes vos questions !"),
    ],
    "tour-de-france-demarches-simplifiees-dot-fr-etape-auvergne-rhone-alpes.md": [
        (time(9, 30), time(12), None),
        (time(13, 30), time(16, 30), None),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(RUNNING_ORDERS))
def test_running_orders(name: str) -> None:
    extraction = extract_file(EVENTS / name)
    assert extraction.sessions == ()
    expected = RUNNING_ORDERS[name]
    assert [(a.start, a.end) for a in extraction.agenda] == [(s, e) for s, e, _ in expected]
    for item, (_, _, text) in zip(extraction.agenda, expected, strict=True):
        assert "*" not in item.text and "\n" not in item.text
        if text is not None:
            assert item.text == text


def test_anniversary_bracketed_times_in_bold() -> None:
    extraction = extract_file(EVENTS / "anniversaire-du-programme-10-percent-un-an-deja.markdown")
    assert extraction.sessions == ()
    assert [(a.start, a.end) for a in extraction.agenda] == [
        (time(14), None), (time(14, 10), None), (time(14, 20), None),
        (time(14, 30), None), (time(14, 45), None), (time(15, 30), None),
    ]  # fmt: skip
    assert extraction.agenda[0].text.startswith("Ouverture par Stéphanie Schaer, directrice")
    assert extraction.agenda[1].text == "Le programme 10% raconté par les participants."
    assert extraction.agenda[3].text == "Pitchs de trois projets 10% par les équipes"
    assert (
        extraction.agenda[5].text == "Moment festif, fêtons ensemble les un an du programme 10% !"
    )


def test_time_only_heading_lists_its_bullets() -> None:
    extraction = extract_file(EVENTS / "sommet-des-govtech.markdown")
    assert extraction.sessions == ()
    assert [(a.start, a.end) for a in extraction.agenda] == [
        (time(8), time(11)), (time(11), time(13)), (time(13), time(15, 30)), (time(15, 30), time(18)),
    ]  # fmt: skip
    assert extraction.agenda[0].text.startswith("Prédisauvetage, sauver des vies")
    assert extraction.agenda[3].text.endswith("en quelques clics")


def test_running_order_lines_under_date_headings_of_a_multi_day_post_are_sessions() -> None:
    body = "**25/11/2020**\n\n* 17h-18h : Première\n\n**26/11/2020**\n\n* 9h30 : Seconde\n"
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2020, 11, 1), tz=PARIS, post_key="p"
    )
    assert rows(extraction) == [
        (3, "Première", (), [(at(25, 11, 17), at(25, 11, 18))]),
        (7, "Seconde", (), [(at(26, 11, 9, 30), None)]),
    ]
    assert extraction.agenda == ()


def test_running_order_under_a_single_date_heading_stays_an_agenda() -> None:
    body = "**13 mars 2023**\n\n* **[14h-14h30]** Présentation\n* **14h30 :** Mots d'ouverture\n"
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2023, 3, 13), tz=PARIS, post_key="p",
        event_days=(date(2023, 3, 13),),
    )  # fmt: skip
    assert extraction.sessions == ()
    assert extraction.agenda == (
        AgendaItem(time(14), time(14, 30), "Présentation"),
        AgendaItem(time(14, 30), None, "Mots d'ouverture"),
    )


def test_running_order_reads_capital_h_and_midi() -> None:
    """The grammar reads "14H30" and "Midi"; the cheap look before it once skipped any line
    without a lowercase "h", so both were lost."""
    body = "Programme :\n\n* 9h30 : Accueil\n* 10H45 : Table ronde\n* Midi : Déjeuner\n"
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2023, 3, 13), tz=PARIS, post_key="p",
        event_days=(date(2023, 3, 13),),
    )  # fmt: skip
    assert extraction.agenda == (
        AgendaItem(time(9, 30), None, "Accueil"),
        AgendaItem(time(10, 45), None, "Table ronde"),
        AgendaItem(time(12), None, "Déjeuner"),
    )


# ---------------------------------------------------------------------------------------------
# Dates in passing never make sessions
# ---------------------------------------------------------------------------------------------

NO_SESSIONS = [
    p.name
    for p in ALL_POSTS
    if p.name
    not in {
        "mois-de-linnovation-publique-edition-2020.markdown",
        "mois-de-linnovation-publique-edition-2020__commit-436cec04.markdown",
        "forum-emploi-tech-etat-2020.markdown",
        "duplication-le-forum-de-lemploi-tech-de-letat-2021.markdown",
        "festival-futur-e-s-dinsic.markdown",
    }
]


@pytest.mark.parametrize("name", NO_SESSIONS)
def test_posts_without_a_programme_have_no_sessions(name: str) -> None:
    path = next(p for p in ALL_POSTS if p.name == name)
    assert extract_file(path).sessions == ()


def test_links_to_other_trainings_are_not_sessions() -> None:
    body = (
        "Retrouvez aussi :\n"
        "* **[une formation à l'accessibilité](https://www.numerique.gouv.fr/agenda/a/)** le 8 décembre\n"
        "* **[une formation à l'écoconception](https://www.numerique.gouv.fr/agenda/b/)** le 14 décembre\n"
        "* **une formation aux tests usagers** le 13 décembre (ci-dessous)\n\n"
        "Depuis 2013, nous aidons les agents. La démarche est en cours depuis juillet 2020.\n"
        "Le mardi 13 décembre de 9h à 17h30, venez participer.\n"
    )
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2022, 12, 13), tz=PARIS, post_key="p"
    )
    assert extraction.sessions == ()
    assert extraction.agenda == ()
    assert extraction.diagnostics == ()
    assert [link.url for link in extraction.links] == [
        "https://www.numerique.gouv.fr/agenda/a/",
        "https://www.numerique.gouv.fr/agenda/b/",
    ]


# ---------------------------------------------------------------------------------------------
# Problems become diagnostics
# ---------------------------------------------------------------------------------------------

BROKEN = """\
Intro.

**[Le 31/11 à 9h] [Webinaire]**
*Impossible*

Texte.

<br>

**[Le 05/11 de 10h à 9h] [Webinaire]**\\
*À l'envers*

<br>

**[Le 06/11 à 9h] [Atelier] [atelier] [ Open  Source ]**{TRAILING}
*Correct*

<br>

* **Mauvais jour**, mercredi 24 novembre, 17h-17h30
""".replace("{TRAILING}", "  ")  # a header ending in spaces


def test_problems_become_diagnostics_with_file_lines() -> None:
    extraction = extract_body(
        BROKEN, path="p.md", first_line=20, reference=date(2020, 11, 1), tz=PARIS, post_key="p"
    )
    assert rows(extraction) == [
        (29, "À l'envers", ("Webinaire",), [(at(5, 11, 10), None)]),
        (34, "Correct", ("Atelier", "Open Source"), [(at(6, 11, 9), None)]),
        (39, "Mauvais jour", (), [(at(24, 11, 17), at(24, 11, 17, 30))]),
    ]
    by_line = {(d.line, d.severity) for d in extraction.diagnostics}
    assert (22, "error") in by_line  # '31/11' is not a date: no session
    assert (29, "warning") in by_line  # ends before it starts
    assert (39, "warning") in by_line  # mercredi is not the 24th
    assert all(d.path == "p.md" for d in extraction.diagnostics)
    assert "31/11" in next(d.message for d in extraction.diagnostics if d.line == 22)


def test_one_dated_entry_is_the_post_itself_not_a_programme() -> None:
    body = "**[Le 06/11 à 9h] [Atelier]**\n*Seul*\n\nTexte.\n"
    extraction = extract_body(
        body,
        path="p",
        first_line=1,
        reference=date(2020, 11, 1),
        tz=PARIS,
        post_key="p",
        event_days=(date(2020, 11, 6),),
    )
    assert extraction.sessions == ()


def test_one_dated_entry_is_kept_when_the_post_has_no_event_of_its_own() -> None:
    body = "**[Le 06/11 à 9h] [Atelier]**\n*Seul*\n\nTexte.\n"
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2020, 11, 1), tz=PARIS, post_key="p"
    )
    assert [s.title for s in extraction.sessions] == ["Seul"]


def test_duplicate_titles_on_the_same_day_get_suffixed_ids() -> None:
    body = "**[Le 06/11 à 9h]**\n*Même*\n<br>\n**[Le 06/11 à 14h]**\n*Même*\n"
    extraction = extract_body(
        body, path="p", first_line=1, reference=date(2020, 11, 1), tz=PARIS, post_key="p"
    )
    first, second = (s.id for s in extraction.sessions)
    assert second == f"{first}-2"


def test_titles_made_from_descriptions() -> None:
    assert title_from_description("Court. Et la suite.") == "Court."
    assert title_from_description("\n\n[Un lien](https://x.fr) **gras** ici") == "Un lien gras ici"
    long = "mot " * 40
    assert shorten(long) == ("mot " * 19).strip() + " mot…"
    assert len(shorten(long)) <= 81


# ---------------------------------------------------------------------------------------------
# Robustness
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_POSTS, ids=lambda p: p.name)
def test_every_corpus_body_goes_through(path: Path) -> None:
    extraction = extract_file(path)
    for session in extraction.sessions:
        assert session.slots and session.title
        assert session.line >= 1
    for diagnostic in extraction.diagnostics:
        assert diagnostic.line is not None and diagnostic.line >= 1


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    extraction = extract_body(
        text, path="p", first_line=1, reference=date(2020, 11, 4), tz=PARIS, post_key="p"
    )
    assert isinstance(extraction, BodyExtraction)


FRAGMENTS = [
    "**[Le 09/11 de 14h à 15h15] [Webinaire]**", "*Titre*", "<br>", "\n", "\n\n",
    "**25/11/2020**", "* 17h-18h : Titre", "* **Titre**", "<br>Lundi 23 novembre 2020, 17h-17h30",
    "<br>De 10h à 11h, de 14h à 15h", "**Quand ?** Le 14 juin 2019, de 13h15 à 13h45", "#### Titre",
    "**Où ?** Ici", "[Le 31/11]", "jeudi 116 décembre", "**[14h00]** Ouverture", "<li><b>T</b>",
    "</li>", "{: .encadre}", "texte", "Du 02/11 au 30/11", "à 25h", "9h - 8h", "[", "**", "\\",
    "## Mardi 8 mars 2022", "### Salle A", "De 10h à 11h : T", "10h – 11h ou 15h - 16h : T",
    "Dès 9 heures : T", "À midi : T", "~~~", "    # code", "> ### cité", "<h3>Salle B</h3>",
    "1. ", "* * *", "#", "#######",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.lists(st.dates(), max_size=3))
def test_programme_like_soup_never_raises(parts: list[str], days: list[date]) -> None:
    extraction = extract_body(
        "".join(parts), path="p", first_line=3, reference=date(2020, 11, 4), tz=PARIS,
        post_key="p", event_days=tuple(days),
    )  # fmt: skip
    for diagnostic in extraction.diagnostics:
        assert diagnostic.line is not None and diagnostic.line >= 3
