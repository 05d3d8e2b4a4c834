"""The `champs_informations` list of a post's front matter, however its items are written.

The site's CMS writes `intitule`/`contenu`/`lien`; hand-edited posts also have `Intitulé`,
`titre`, `Contenu`, and items whose label is the hours with "Horaires" as the content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, tzinfo

from calendar_tui.model import french_dates
from calendar_tui.model.fields import mapping_list_field, text_field
from calendar_tui.model.slots import slots_for
from calendar_tui.model.text import fold
from calendar_tui.model.types import Slot

_LABEL_KEYS = ("intitule", "titre", "title", "label", "libelle", "nom")
_CONTENT_KEYS = ("contenu", "content", "valeur", "value", "texte", "text", "description")
_LINK_KEYS = ("lien", "link", "url", "href")
_HOURS_LABELS = ("horaire", "heure")
_WORD = re.compile(r"[a-z]+")
_TIME = re.compile(r"[0-9]{1,2}\s*(?:h|:)|(?<![a-z])(?:midi|minuit)(?![a-z])")
# Words that may surround times in an item holding nothing else: "De 9h à 18h", "14h - 17h30".
_TIME_WORDS = {"de", "des", "a", "h", "heure", "heures", "et", "jusqu", "entre", "partir", "midi"}
_TIME_WORDS |= {"minuit", "au", "la", "l", "min"}


@dataclass(frozen=True, slots=True)
class Champ:
    label: str
    content: str
    link: str


def read_champs(value: object) -> list[Champ]:
    champs = []
    for item in mapping_list_field(value):
        keys = {fold(key).strip(): item[key] for key in item if isinstance(key, str)}
        champs.append(
            Champ(_first(keys, _LABEL_KEYS), _first(keys, _CONTENT_KEYS), _first(keys, _LINK_KEYS))
        )
    return champs


def _first(keys: dict[str, object], names: tuple[str, ...]) -> str:
    return next((text for name in names if (text := text_field(keys.get(name)))), "")


def champ_text(champs: list[Champ], *prefixes: str) -> str:
    """The content of the first item whose label starts with one of `prefixes` (folded)."""
    return next((c.content for c in champs if fold(c.label).startswith(prefixes)), "")


def hours_text(champs: list[Champ]) -> str:
    """The written hours: the "Horaires" item's content; else a label holding hours whose
    content says "Horaires"; else an item whose content is hours and nothing else, under an
    undated label ("Quand ?")."""
    if text := champ_text(champs, *_HOURS_LABELS):
        return text
    for champ in champs:
        if fold(champ.content).startswith(_HOURS_LABELS) and only_hours(champ.label):
            return champ.label
    for champ in champs:
        if only_hours(champ.content) and not re.search("[0-9]", champ.label):
            return champ.content
    return ""


def only_hours(text: str) -> bool:
    folded = fold(text)
    return bool(_TIME.search(folded)) and all(w in _TIME_WORDS for w in _WORD.findall(folded))


def dated_items(champs: list[Champ], first: date, last: date, tz: tzinfo) -> tuple[Slot, ...]:
    """Slots of items whose label is a part of the event's span ("Forum virtuel du 1er au 14
    décembre", "15 décembre à Paris" with "De 9h à 18h"), when together they cover its first
    and last days; () otherwise."""
    found: list[Slot] = []
    for champ in champs:
        when = french_dates.parse_when(champ.label, first) if champ.label else None
        if when is None or not when.days or not first <= min(when.days) <= max(when.days) <= last:
            continue
        times = french_dates.parse_times(champ.content)[0] if only_hours(champ.content) else ()
        found.extend(slots_for(when.days, when.is_range, times or when.times, tz))
    days = [slot.start if slot.all_day else slot.start.date() for slot in found]
    ends = [slot.end if slot.all_day else slot.start.date() for slot in found]
    if not found or min(days) != first or max(ends) != last:
        return ()
    order = sorted(range(len(found)), key=days.__getitem__)
    return tuple(found[index] for index in order)
