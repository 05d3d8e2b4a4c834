"""Where a programme entry's section ends, the place it names, and the headings around it."""

from __future__ import annotations

import re
from datetime import date

from calendar_tui.model.blocks import Document
from calendar_tui.model.body_context import Header
from calendar_tui.model.body_text import inline_plain
from calendar_tui.model.french_dates import When
from calendar_tui.model.recognisers import BR_LINE, WHEN_LABEL
from calendar_tui.model.text import fold

_BR_ONLY = re.compile(r"^\s*(?:<br>\s*)+$")
_WHERE_LABEL = re.compile(
    r"^\s*(?:<br>\s*)?(?:\*\*|__)\s*(?:o[ùu]|lieu|adresse)\s*\??\s*:?\s*(?:\*\*|__)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_GENERIC_HEADINGS = re.compile(r"^(?:au )?programme\b|^deroule\b|^agenda\b")


def is_generic_heading(text: str) -> bool:
    """A heading that only says "Programme" or "Déroulé" (no group, no track of its own)."""
    return bool(_GENERIC_HEADINGS.match(fold(text)))


def section_end(header: Header, doc: Document, boundaries: set[int]) -> int:
    if header.end:
        return header.end
    raws, plains, count = doc.raws, doc.plains, doc.count
    seen_content = False
    for index in range(header.body_start, count):
        if index in boundaries and index != header.index:
            return index
        plain = plains[index]
        if header.html_item and "</li>" in raws[index].lower():
            return index + 1
        if header.kind == "bracket" and _BR_ONLY.match(plain) and seen_content:
            return index
        if header.list_item and not header.html_item and not plain.strip():
            following = doc.next_content(index)
            if following is None or not plains[following].startswith((" ", "\t")):
                return index
        if plain.strip() and not _BR_ONLY.match(plain):
            seen_content = True
    return count


def section_location(plains: list[str], start: int, end: int) -> str:
    for index in range(start, end):
        match = _WHERE_LABEL.match(plains[index])
        if not match:
            continue
        parts = [inline_plain(match.group("rest"))]
        for following in range(index + 1, end):
            more = BR_LINE.match(plains[following])
            if not more or WHEN_LABEL.match(plains[following]) or not more.group("rest").strip():
                break
            parts.append(inline_plain(more.group("rest")))
        return ", ".join(part.strip(" ,") for part in parts if part.strip(" ,"))
    return ""


def enclosing_date_heading(
    index: int, date_headings: dict[int, When], headings: dict[int, tuple[int, str]]
) -> date | None:
    """The day of the date heading above `index`. A plain heading in between ends its scope,
    unless the date is a heading of a higher rank ("## 8 mars" over "### Salle A")."""
    passed = 7  # the highest rank (lowest level) of the headings passed on the way up
    for previous in range(index - 1, -1, -1):
        if previous in date_headings:
            if passed < 7 and headings.get(previous, (7, ""))[0] >= passed:
                return None
            days = date_headings[previous].days
            return min(days) if days else None
        if previous in headings:
            passed = min(passed, headings[previous][0])
            if passed == 1:
                return None
    return None


def section_heading(
    index: int,
    headings: dict[int, tuple[int, str]],
    date_headings: dict[int, When],
    session_titles: set[int],
) -> str:
    """The nearest heading above a session (its group: "Ateliers", "Conférences tech"); one
    above a date heading ("## 8 mars") only if it outranks it."""
    limit = 7
    for previous in range(index - 1, -1, -1):
        if previous not in headings:
            continue
        level = headings[previous][0]
        if previous in date_headings:
            limit = min(limit, level)
        elif level < limit:
            if previous in session_titles:
                return ""
            text = headings[previous][1]
            return "" if is_generic_heading(text) else text
    return ""
