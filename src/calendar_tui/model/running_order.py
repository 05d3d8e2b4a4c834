"""Running orders: the timed lines of a body ("14h30 : Mots d'ouverture", "* 17h-18h : Title")."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import time

from calendar_tui.model.body_text import inline_plain
from calendar_tui.model.recognisers import LIST_ITEM, TIME
from calendar_tui.model.text import fold
from calendar_tui.model.types import AgendaItem

_RANGE = rf"{TIME}(?:\s*(?:[-–—]|[àa]\b)\s*{TIME})?"
TIME_FIRST = re.compile(
    rf"^\s*(?:[*+-]\s+)?(?:#{{1,6}}\s*)?(?:[*_]{{1,3}}\s*)?\[?\s*"
    r"(?:(?:de|[àa] partir de|[àa]|d[èe]s)\s+)?"  # "De 10h à 11h", "À 10h", "Dès 18h"
    # one range, or several: "De 10h à 11h ou de 15h à 16h"
    rf"(?P<times>{_RANGE}(?:\s*(?:,|ou\b|et\b)\s*(?:de\s+)?{_RANGE})*)",
    re.IGNORECASE,
)
_AGENDA_LEAD = re.compile(r"^[\s\]\[*_:\-–—]+")
_NON_WORD = re.compile(r"[^\w]+")


def timed_entries(plains: list[str], index: int) -> list[tuple[str, str]]:
    """(times, text) of each running-order entry on line `index`: the line starts with times,
    and each `<br>` part that starts with times is one more ("9h30 : Accueil<br>10h : …")."""
    plain = plains[index]
    match = TIME_FIRST.match(plain) if _may_hold_a_time(plain) else None
    if match is None:
        return []
    if "<br>" not in plain:
        return [(match.group("times"), agenda_text(plains, index, match.end()))]
    entries: list[tuple[str, list[str]]] = []
    for part in plain.split("<br>"):
        found = TIME_FIRST.match(part)
        if found:
            entries.append((found.group("times"), [part[found.end() :]]))
        elif entries:
            entries[-1][1].append(part)
    return [(times, _clean_agenda_text(" ".join(parts))) for times, parts in entries]


def timed_candidates(plains: list[str]) -> list[int]:
    """The lines `timed_entries` may find an entry on, in one look at each line: those that
    pass `_may_hold_a_time` and start as TIME_FIRST does (it lowers only the few lines with
    no "h" that start with a time, "Midi : déjeuner", where it would lower every such line)."""
    return [
        i
        for i, plain in enumerate(plains)
        if "h" in plain
        or "H" in plain
        or (
            _may_start_a_time(plain.lstrip()[:1])
            and TIME_FIRST.match(plain)
            and _may_hold_a_time(plain)
        )
    ]


def _may_start_a_time(first: str) -> bool:
    """Whether a line whose first character (after spaces) is `first` may match TIME_FIRST: a
    list, heading or emphasis mark, "[", a digit, or the first letter of "de", "à partir de",
    "dès", "midi" in either case."""
    return first != "" and (first in "*+-#_[dDaAàÀmM" or first.isdecimal())


def _may_hold_a_time(line: str) -> bool:
    """A cheap look before the pattern: every TIME holds an "h" ("14h30", "9 heures") or
    "midi", in either case."""
    return "h" in line or "H" in line or "midi" in line.lower()


def _clean_agenda_text(text: str) -> str:
    return inline_plain(_AGENDA_LEAD.sub("", text)).strip(" :-–—")


def agenda_text(plains: list[str], index: int, offset: int) -> str:
    """The text of the timed line `index` after its times, else of the list that follows it,
    else of the next line when it is plain text ("**10h00**" then "Accueil des participants")."""
    text = _clean_agenda_text(plains[index][offset:])
    if text:
        return text
    items = []
    for following in range(index + 1, len(plains)):
        item = LIST_ITEM.match(plains[following])
        if item and TIME_FIRST.match(plains[following]):
            break  # the next timed item: this one has no text of its own
        if not item:
            line = plains[following].strip()
            plain_text = (
                line and not line.startswith(("#", "<br>", "[")) and not TIME_FIRST.match(line)
            )
            if not items and plain_text:
                return _clean_agenda_text(line)
            if items or line:
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
            other.start == item.start
            and other.track == item.track
            and (key.startswith(other_key) or other_key.startswith(key))
            for other, other_key in kept
        )
        if not duplicate:
            kept.append((item, key))
    return [item for item, _ in kept]


_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<text>[^*_]{1,80})(?:\*\*|__)\s*:?\s*$")


def bold_text(plain: str) -> str | None:
    """The text of a line of bold text only ("**Salle Europe**"), else None."""
    match = _BOLD_LINE.match(plain)
    return match.group("text").strip() if match else None


def is_timed(text: str) -> bool:
    return TIME_FIRST.match(text) is not None


def with_tracks(items: list[tuple[AgendaItem, str]]) -> list[AgendaItem]:
    """Running-order items with the heading each sits under: when the lists of two headings
    overlap in time (two rooms, two tracks), each item keeps its heading as its track."""
    spans: dict[str, tuple[time, time]] = {}
    for item, heading in items:
        if heading and item.start is not None:
            first, last = spans.get(heading, (item.start, item.start))
            spans[heading] = (min(first, item.start), max(last, item.end or item.start))
    ranges = sorted(spans.values())
    if not any(later[0] < earlier[1] for earlier, later in itertools.pairwise(ranges)):
        return [item for item, _ in items]
    return [replace(item, track=heading) for item, heading in items]


def _agenda_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())
