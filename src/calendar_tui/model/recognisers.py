"""One recogniser per programme style: each reads the line a session may start at and returns
a `Header`, or None when the line is not in its style. `RECOGNISERS` are tried in order; adding a
style is adding one function. The styles, all seen in real posts:

- bracket headers: `**[Le 09/11 de 14h à 15h15] [Webinaire] [EIG]**`, then `*Title*`;
- a bold title, then a `<br>` date line: `* **Title**` / `<br>Lundi 29 novembre 2021, 17h-17h30`
  (or only times, `<br>De 10h à 11h, de 14h à 15h`, on the day of the enclosing date heading);
- a bold title and its date on one bullet: `* **Title**, mardi 24 novembre, 17h-17h30`;
- a heading whose section holds a `**Quand ?** Le 14 juin 2019, de 13h15 à 13h45` line.

`date_heading` reads the lines that only give a day (`**25/11/2020**`), under which timed lines
of a multi-day post become sessions (see `running_order`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from calendar_tui.model.blocks import Document
from calendar_tui.model.body_context import Context, Header
from calendar_tui.model.body_text import inline_plain, strip_wrapping
from calendar_tui.model.french_dates import When

_BRACKET = re.compile(r"\[([^\[\]]*)\](?!\()")
_BRACKET_HEADER = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:#{1,6}\s*)?(?:\*{1,3}|_{1,3})?\s*\[([^\[\]]*)\](?!\()"
)
_TITLE_BOLD = re.compile(
    r"^\s*(?:[*+-]\s+)?\*\*(?P<title>[^*\[\s][^*]*?)\*\*\s*(?:<br>\s*(?P<rest>.*))?$"
)
_TITLE_INLINE = re.compile(r"^\s*[*+-]\s+\*\*(?P<title>[^*\[\s][^*]*?)\*\*\s*,\s*(?P<rest>.+)$")
BR_LINE = re.compile(r"^\s*<br>\s*(?P<rest>.*)$")
# Greedy: the closing mark is the only one with nothing but spaces after it, which a lazy `.+?`
# found by trying the closing mark after each character.
_ITALIC_TITLE = re.compile(r"^\s*(?:\*(?!\*)(?P<a>.+)(?<!\*)\*|_(?!_)(?P<b>.+)(?<!_)_)\s*$")
WHEN_LABEL = re.compile(
    r"^\s*(?:<br>\s*)?(?:\*\*|__)\s*(?:quand|dates?)\s*\??\s*:?\s*(?:\*\*|__)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A time as a line may start with it: "9h", "9h30", "9 h 30", "9 heures 30", "midi".
TIME = r"(?:\d{1,2}\s*(?:heures?|h)\s*(?:\d{2})?|midi)(?![^\W\d_])"
_TIMES_ONLY_START = re.compile(rf"^\s*(?:(?:de|d[èe]s|[àa])\s+)?{TIME}", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*[*+-]\s+(?P<text>.*)$")
_DIGIT = re.compile(r"\d")


@dataclass
class Scan:
    """One body being read: its document, context, and what earlier passes found."""

    doc: Document
    ctx: Context
    labelled: dict[int, tuple[int, When]] = field(default_factory=dict)  # heading -> its date
    consumed: set[int] = field(default_factory=set)  # lines read as part of a header


Recogniser = Callable[[Scan, int], Header | None]


def find_labelled(scan: Scan) -> None:
    """Sections announced by a heading and dated by a `**Quand ?**` line (a first pass)."""
    headings, plains = scan.doc.headings, scan.doc.plains
    for index in scan.doc.bold_lines:  # the label is bold
        match = WHEN_LABEL.match(plains[index])
        if not match:
            continue
        owner = max((h for h in headings if h < index), default=None)
        if owner is None or owner in scan.labelled:
            continue
        when, dateish = scan.ctx.leading_when(match.group("rest"), index)
        if when is not None and when.days:
            scan.labelled[owner] = (index, when)
            scan.consumed.add(index)
        elif dateish:
            scan.ctx.date_problem(index, match.group("rest"), when)


def bracket(scan: Scan, index: int) -> Header | None:
    ctx, plains = scan.ctx, scan.doc.plains
    plain = plains[index]
    match = _BRACKET_HEADER.match(plain) if "[" in plain else None
    if not match:
        return None
    label = match.group(1).strip()
    when, dateish = ctx.leading_when(label, index)
    if not dateish:
        return None
    if when is None or not when.days:
        ctx.date_problem(index, label, when)
        return Header(index, "invalid", body_start=index + 1)
    rest = plain[match.end() :]
    tags = []
    position = 0
    for tag_match in _BRACKET.finditer(rest):
        between = rest[position : tag_match.start()]
        if between.strip(" *_"):
            break
        tags.append(tag_match.group(1).strip())
        position = tag_match.end()
    title = inline_plain(rest[position:])
    body_start = index + 1
    if not title:
        following = scan.doc.next_content(index)
        if following is not None:
            italic = _ITALIC_TITLE.match(plains[following])
            if italic:
                title = inline_plain(italic.group("a") or italic.group("b") or "")
                body_start = following + 1
    return Header(
        index,
        "bracket",
        title=title,
        tags=tuple(tags),
        slots=ctx.slots_from_when(index, when),
        body_start=body_start,
    )


def titled(scan: Scan, index: int) -> Header | None:
    ctx, raws, plains = scan.ctx, scan.doc.raws, scan.doc.plains
    plain = plains[index]
    match = _TITLE_BOLD.match(plain) if "**" in plain else None
    if not match:
        return None
    date_text = match.group("rest")
    date_line = index
    if not date_text:
        if index + 1 >= len(plains):
            return None
        following = BR_LINE.match(plains[index + 1])
        if not following:
            return None
        date_text, date_line = following.group("rest"), index + 1
    date_text = date_text.split("<br>")[0]
    when, dateish = ctx.leading_when(date_text, date_line)
    slots = ()
    if when is not None and when.days:
        slots = ctx.slots_from_when(date_line, when)
    elif dateish:
        ctx.date_problem(date_line, date_text, when)
        scan.consumed.add(date_line)
        return Header(index, "invalid", body_start=date_line + 1)
    elif _TIMES_ONLY_START.match(date_text):
        spans, problems = ctx.times(date_text, date_line)
        if not spans:
            return None
    else:
        return None
    scan.consumed.add(date_line)
    html_item = "<li" in raws[index].lower()
    header = Header(
        index,
        "titled",
        title=inline_plain(match.group("title")),
        slots=slots,
        body_start=date_line + 1,
        list_item=html_item or bool(LIST_ITEM.match(plain)),
        html_item=html_item,
    )
    if not slots:
        # Only times: the day comes from the enclosing date heading or the event.
        header.pending = (tuple(spans), tuple(problems), date_line)
    return header


def inline(scan: Scan, index: int) -> Header | None:
    ctx, plain = scan.ctx, scan.doc.plains[index]
    match = _TITLE_INLINE.match(plain) if "**" in plain else None
    if not match:
        return None
    when, dateish = ctx.leading_when(match.group("rest"), index)
    if when is None or not when.days:
        if dateish:
            ctx.date_problem(index, match.group("rest"), when)
            return Header(index, "invalid", body_start=index + 1, end=index + 1)
        return None
    return Header(
        index,
        "inline",
        title=inline_plain(match.group("title")),
        slots=ctx.slots_from_when(index, when),
        body_start=index + 1,
        list_item=True,
    )


def labelled(scan: Scan, index: int) -> Header | None:
    if index not in scan.labelled:
        return None
    when_line, when = scan.labelled[index]
    return Header(
        index,
        "labelled",
        title=scan.doc.headings[index][1],
        slots=scan.ctx.slots_from_when(when_line, when),
        body_start=index + 1,
    )


RECOGNISERS: tuple[Recogniser, ...] = (bracket, titled, inline, labelled)


def recognise(scan: Scan, index: int) -> Header | None:
    plain = scan.doc.plains[index]
    if "[" not in plain and "**" not in plain and index not in scan.labelled:
        return None  # no style starts without one of these (most lines are prose)
    for recogniser in RECOGNISERS:
        header = recogniser(scan, index)
        if header is not None:
            return header
    return None


def date_heading(scan: Scan, index: int) -> When | None:
    """The date of a line that is only a (bold/italic/heading) date: `**25/11/2020**`."""
    ctx = scan.ctx
    stripped = scan.doc.plains[index].strip()
    if not stripped or stripped[0] not in "*_#" or LIST_ITEM.match(stripped):
        return None
    if _DIGIT.search(stripped) is None:  # a date starts with digits; none here
        return None
    content = strip_wrapping(stripped)
    when, dateish = ctx.leading_when(content, index)
    if when is None or not when.days:
        if dateish and len(content) <= 40:
            ctx.date_problem(index, content, when)
        return None
    rest = content[when.end :].strip()
    if len(rest) > 40 or rest.endswith((".", "!", "?")):
        return None
    for problem in when.problems:
        ctx.report(index, "warning", problem)
    return when
