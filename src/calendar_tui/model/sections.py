"""Where a programme entry's section ends, the place it names, and the headings around it."""

from __future__ import annotations

import re
from bisect import bisect_left
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
        br_only = "<br>" in plain and _BR_ONLY.match(plain) is not None
        if header.kind == "bracket" and br_only and seen_content:
            return index
        if header.list_item and not header.html_item and not plain.strip():
            following = doc.next_content(index)
            if following is None or not plains[following].startswith((" ", "\t")):
                return index
        if not br_only and plain.strip():
            seen_content = True
    return count


def section_location(doc: Document, start: int, end: int) -> str:
    plains, bold = doc.plains, doc.bold_lines
    for index in bold[bisect_left(bold, start) : bisect_left(bold, end)]:  # the label is bold
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


class Outline:
    """What each line sits under, found in one pass down the body (each question asked of
    every line would otherwise walk back up the body: quadratic on long programmes).

    - `day(i)`: the day of the date heading above line i. A plain heading in between ends its
      scope, unless the date is a heading of a higher rank ("## 8 mars" over "### Salle A").
    - `group(i)`: the heading line of the nearest heading above i that no date heading in
      between outranks (a session's group: "Ateliers", "Conférences tech"), or None.
    - `label(i)`: the nearest heading or bold-only line above i that is not timed, "" after a
      date heading or a generic "Programme" (a running-order item's track).
    """

    def __init__(self, doc: Document, date_headings: dict[int, When], is_timed, bold_text) -> None:
        """`bold_text(plain)`: a line's bold label, only ever found on `doc.bold_lines`."""
        self._doc, self._date_headings = doc, date_headings
        self._is_timed, self._bold_text = is_timed, bold_text
        headings = doc.headings
        self._days: list[date | None] = []
        self._groups: list[int | None] = []
        self._labels: list[str] | None = None  # read on the first question (most bodies: none)
        day: date | None = None
        day_level = 7  # the date heading's level (7: a bold line, not a heading)
        passed = 7  # the highest rank of the plain headings passed since that date
        stack: list[tuple[int, int]] = []  # (level, line) of reachable groups, levels rising
        # Only headings and date headings change the day and group of the lines below: the
        # lines up to each of them (itself included) share what was read before it.
        read = 0  # lines whose answers are known
        for index in sorted(set(headings).union(date_headings)):
            if index >= doc.count:
                break
            run = index + 1 - read
            self._days += [None if passed < 7 and day_level >= passed else day] * run
            self._groups += [stack[-1][1] if stack else None] * run
            read = index + 1
            heading = headings.get(index)
            if index in date_headings:
                days = date_headings[index].days
                day, day_level, passed = (min(days) if days else None), (heading or (7,))[0], 7
                while heading and stack and stack[-1][0] >= heading[0]:
                    stack.pop()
                continue
            if heading is not None:
                passed = min(passed, heading[0])
                while stack and stack[-1][0] >= heading[0]:
                    stack.pop()
                stack.append((heading[0], index))
        run = doc.count - read
        self._days += [None if passed < 7 and day_level >= passed else day] * run
        self._groups += [stack[-1][1] if stack else None] * run

    def _read_labels(self) -> list[str]:
        """Each line's label: changed by headings, date headings and bold lines only."""
        doc, date_headings = self._doc, self._date_headings
        labels: list[str] = []
        label = ""
        read = 0
        for index in sorted(set(doc.headings).union(date_headings, doc.bold_lines)):
            if index >= doc.count:
                break
            labels += [label] * (index + 1 - read)
            read = index + 1
            if index in date_headings:
                label = ""
                continue
            heading = doc.headings.get(index)
            text = heading[1] if heading is not None else self._bold_text(doc.plains[index])
            if text is not None and not self._is_timed(text):
                label = "" if is_generic_heading(text) else text
        return labels + [label] * (doc.count - read)

    def day(self, index: int) -> date | None:
        return self._days[index]

    def group(self, index: int) -> int | None:
        return self._groups[index]

    def label(self, index: int) -> str:
        if self._labels is None:
            self._labels = self._read_labels()
        return self._labels[index]


def section_heading(
    outline: Outline, index: int, headings: dict[int, tuple[int, str]], session_titles: set[int]
) -> str:
    """The group of the session starting at `index`: the text of `outline.group`, "" when that
    heading titles a session itself or only says "Programme"."""
    found = outline.group(index)
    if found is None or found in session_titles:
        return ""
    text = headings[found][1]
    return "" if is_generic_heading(text) else text
