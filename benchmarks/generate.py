"""Generate N posts shaped like the real corpus (single events and programmes), for benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

TAGS = [
    "Webinaire",
    "Atelier participatif",
    "EIG",
    "API",
    "Intelligence artificielle",
    "Design",
    "Open source",
    "Données ouvertes",
    "Formation",
    "Accessibilité",
    "France Relance",
    "RH",
    "Tech",
]
PLACES = ["En ligne", "Lieu de la transformation publique", "DINUM, 20 avenue de Ségur, Paris"]
WORDS = [
    "numérique",
    "administration",
    "données",
    "service",
    "public",
    "agents",
    "usagers",
    "projet",
    "programme",
    "accompagnement",
    "innovation",
    "équipe",
    "atelier",
    "découvrir",
    "présentation",
    "retour",
    "expérience",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def _single_event(rng: random.Random, index: int, day: date) -> str:
    start = rng.choice([9, 10, 14, 16])
    tags = "\n".join(f"- {t}" for t in rng.sample(TAGS, 2))
    return f"""---
title: '{_sentence(rng, 6)} {index}'
date: {day - timedelta(days=20)} 10:00:00 +01:00
tags:
{tags}
chapeau-text: {_sentence(rng, 20)}
event_start_date: {day} {start:02d}:00:00 +01:00
lieu: {rng.choice(PLACES)}
champs_informations:
- intitule: Horaires
  contenu: {start}h - {start + 2}h
- intitule: Modalités
  contenu: Inscription obligatoire
  lien: https://example.org/inscription/{index}
---

{_sentence(rng, 60)}.

* **{start}h :** Accueil
* **{start}h30 :** {_sentence(rng, 5)}

[Plus d’informations](https://example.org/{index})
"""


def _programme(rng: random.Random, index: int, day: date) -> str:
    sessions = []
    for _ in range(rng.randint(5, 20)):
        d = day + timedelta(days=rng.randint(0, 27))
        h = rng.randint(8, 17)
        labels = " ".join(f"[{t}]" for t in rng.sample(TAGS, 2))
        sessions.append(
            f"**[Le {d:%d/%m} de {h}h à {h + 1}h15] {labels}**\n*{_sentence(rng, 8)}*\n\n"
            f"{_sentence(rng, 50)}.\n\n[Plus d’informations et inscriptions](https://example.org/s/{index}/{h})\n\n<br>\n"
        )
    return f"""---
title: Programme {index}
date: {day - timedelta(days=5)} 20:06:00 +01:00
tags:
- innovation publique
event_start_date: {day} 00:00:00 +01:00
event_end_date: {day + timedelta(days=27)} 00:00:00 +01:00
lieu: 'En ligne '
---

{_sentence(rng, 30)}.

""" + "\n".join(sessions)


def write_posts(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Two posts in three are single events, one in three a programme, over 2019-2024."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
        text = _programme(rng, index, day) if index % 3 == 2 else _single_event(rng, index, day)
        path = folder / f"post-{index:05d}.markdown"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
