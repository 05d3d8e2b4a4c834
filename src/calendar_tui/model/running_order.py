"""Running orders: the timed lines of a body ("14h30 : Mots d'ouverture", "* 17h-18h : Title")."""

from __future__ import annotations

import re

from calendar_tui.model.body_text import inline_plain
from calendar_tui.model.recognisers import LIST_ITEM
from calendar_tui.model.text import fold
from calendar_tui.model.types import AgendaItem

_TIME = r"\d{1,2}\s*h\s*(?:\d{2})?(?![^\W\d_])"
TIME_FIRST = re.compile(
    rf"^\s*(?:[*+-]\s+)?(?:#{{1,6}}\s*)?(?:[*_]{{1,3}}\s*)?\[?\s*"
    rf"(?P<times>{_TIME}(?:\s*(?:[-–—]|[àa]\b)\s*{_TIME})?)"
)
_AGENDA_LEAD = re.compile(r"^[\s\]\[*_:\-–—]+")
_NON_WORD = re.compile(r"[^\w]+")


def agenda_text(plains: list[str], index: int, offset: int) -> str:
    """The text of the timed line `index` after its times (or of the list that follows it)."""
    text = plains[index][offset:].replace("<br>", " ")
    text = _AGENDA_LEAD.sub("", text)
    text = inline_plain(text).strip(" :-–—")
    if text:
        return text
    items = []
    for following in range(index + 1, len(plains)):
        item = LIST_ITEM.match(plains[following])
        if not item:
            if items or plains[following].strip():
                break
            continue
        items.append(inline_plain(item.group("text")))
    return " ; ".join(item for item in items if item)


def dedupe_agenda(items: list[AgendaItem]) -> list[AgendaItem]:
    """A running order told twice (bullets, then one heading per item) is kept once."""
    kept: list[tuple[AgendaItem, str]] = []  # each with its key, computed once
    for item in items:
        key = _agenda_key(item.text)
        duplicate = any(
            other.start == item.start and (key.startswith(other_key) or other_key.startswith(key))
            for other, other_key in kept
        )
        if not duplicate:
            kept.append((item, key))
    return [item for item, _ in kept]


def _agenda_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())
