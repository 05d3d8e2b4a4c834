"""The one-pass body scan: the passes over a body read only the lines its cheap look keeps
(`Document.openers`, `Document.bold_lines`, `running_order.timed_candidates`), and the outline
reads only the lines that change it. Each kept set must hold every line the full pattern
could match, and the outline must answer as the line-by-line walk it replaced, on any text."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model.blocks import Document
from calendar_tui.model.body import extract_body
from calendar_tui.model.body_context import Context
from calendar_tui.model.recognisers import WHEN_LABEL, Scan, date_heading, find_labelled, recognise
from calendar_tui.model.running_order import (
    TIME_FIRST,
    bold_text,
    is_timed,
    timed_candidates,
    timed_entries,
)
from calendar_tui.model.sections import _WHERE_LABEL, Outline, is_generic_heading

# What the recognisers, labels and times care about, so that matches are frequent.
PIECES = st.sampled_from(
    ["**", "*", "_", "__", "[", "]", "(", ")", "#", "## ", "### ", "* ", "- ", "1. ", " ", "  ",
     "\t", "x", ":", " : ", "-", "De ", "de ", "à ", "Dès ", "h", "H", "10h", "14h30", "9 heures",
     "midi", "Midi", "MIDI", "MİDİ", "mıdı", "midİ", "Le ", "le ", "09/11", "31/11", "lundi ",
     "mardi 24 novembre", "8 mars 2022", "Du 02/11 au 30/11", "Quand ?", "Date", "Où ?",
     "Lieu", "Programme", "Salle A", "<br>", "<b>", "</b>", "<strong>", "<li>", "</li>",
     "<h2>", "</h2>", "&nbsp;", "&#113;", "\u00a0", "é", "İ", "ſ", "K", "Titre", "Atelier", "\n",
     "\n\n", "\n* ", "\n## ", "\n**", "\n__Salle B__", "\n__Quand ?__ ", "\n__Où ?__ ",
     "\n**Quand :** "]
)  # fmt: skip
BODIES = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=80)
REFERENCE = date(2021, 3, 3)


def _scan(body: str) -> Scan:
    ctx = Context(path="p.md", first_line=5, reference=REFERENCE, tz=ZoneInfo("Europe/Paris"))
    return Scan(Document(body), ctx)


@settings(max_examples=1500)
@given(BODIES)
def test_no_header_starts_on_a_line_the_scan_passes_over(body):
    scan = _scan(body)
    find_labelled(scan)
    passed_over = set(range(scan.doc.count)) - set(scan.doc.openers) - set(scan.labelled)
    for index in sorted(passed_over):
        assert recognise(scan, index) is None
        assert date_heading(scan, index) is None
    assert scan.ctx.diagnostics == []  # nor any problem reported on them


@settings(max_examples=1500)
@given(BODIES)
def test_labels_are_only_on_bold_lines(body):
    doc = Document(body)
    for index, plain in enumerate(doc.plains):
        if index not in doc.bold_lines:
            assert WHEN_LABEL.match(plain) is None
            assert _WHERE_LABEL.match(plain) is None
            assert bold_text(plain) is None


@settings(max_examples=1500)
@given(BODIES)
def test_timed_lines_are_among_the_candidates(body):
    plains = Document(body).plains
    candidates = timed_candidates(plains)
    for index in range(len(plains)):
        if index not in candidates:
            assert timed_entries(plains, index) == []


def _outline_line_by_line(plains, headings, date_headings):
    """The outline as it was built before: every line looked at, in order."""
    days, groups, labels = [], [], []
    day, day_level, passed, stack, label = None, 7, 7, [], ""
    for index, plain in enumerate(plains):
        days.append(None if passed < 7 and day_level >= passed else day)
        groups.append(stack[-1][1] if stack else None)
        labels.append(label)
        heading = headings.get(index)
        if index in date_headings:
            found = date_headings[index].days
            day, day_level, passed = (min(found) if found else None), (heading or (7,))[0], 7
            while heading and stack and stack[-1][0] >= heading[0]:
                stack.pop()
            label = ""
            continue
        text = None
        if heading is not None:
            passed = min(passed, heading[0])
            while stack and stack[-1][0] >= heading[0]:
                stack.pop()
            stack.append((heading[0], index))
            text = heading[1]
        elif "*" in plain or "_" in plain:
            text = bold_text(plain)
        if text is not None and not is_timed(text):
            label = "" if is_generic_heading(text) else text
    return days, groups, labels


@settings(max_examples=1500)
@given(BODIES)
def test_the_outline_answers_as_the_line_by_line_walk(body):
    scan = _scan(body)
    date_headings = {}
    for index in range(scan.doc.count):
        if scan.doc.plains[index] and (when := date_heading(scan, index)) is not None:
            date_headings[index] = when
    outline = Outline(scan.doc, date_headings, is_timed, bold_text)
    days, groups, labels = _outline_line_by_line(scan.doc.plains, scan.doc.headings, date_headings)
    count = scan.doc.count
    assert [outline.day(i) for i in range(count)] == days
    assert [outline.group(i) for i in range(count)] == groups
    assert [outline.label(i) for i in range(count)] == labels


def test_the_scan_keeps_what_each_pass_needs():
    body = (
        "Intro sans marque\n\n## 8 mars 2022\n\n**[Le 09/11 de 14h à 15h] [EIG]**\n*Titre*\n\n"
        "**Où ?** Salle A\n\nMidi : déjeuner\n\nTexte\n"
    )
    doc = Document(body)
    assert doc.openers == [2, 4, 5, 7]
    assert doc.bold_lines == [4, 7]
    assert timed_candidates(doc.plains) == [4, 9]
    assert TIME_FIRST.match(doc.plains[9])  # "Midi", no "h": found by the pattern's own look
    assert timed_entries(doc.plains, 9) == [("Midi", "déjeuner")]
    extraction = extract_body(
        body,
        path="p.md",
        first_line=5,
        reference=REFERENCE,
        tz=ZoneInfo("Europe/Paris"),
        post_key="p",
    )
    (session,) = extraction.sessions
    assert session.title == "Titre" and session.location == "Salle A"
    assert session.slots[0].start == datetime(2020, 11, 9, 14, tzinfo=ZoneInfo("Europe/Paris"))


@settings(max_examples=1500)
@given(BODIES)
def test_a_blank_plain_line_is_an_empty_one(body):
    # The passes test `not plain` where they tested `not plain.strip()`.
    for plain in Document(body).plains:
        assert (plain.strip() == "") == (plain == "")


def _headings_from_blocks(text, raws):
    """The headings as they were found: every block made, the headings kept."""
    from calendar_tui.model.blocks import _HEADING_HTML, _MAYBE_HEADING, _parser
    from calendar_tui.model.body_text import inline_plain

    blocks, heading = [], None
    tokens = _parser().parse(text) if "#" in text and _MAYBE_HEADING.search(text) else ()
    for token in tokens:
        if token.type == "inline" and heading is not None:
            blocks.append(("heading", heading[0], heading[1], inline_plain(token.content)))
            heading = None
        if token.map is None:
            continue
        if token.type == "heading_open" and token.markup.startswith("#"):
            heading = (token.map[0], int(token.tag[1]))
        elif token.type in ("list_item_open", "paragraph_open", "html_block"):
            blocks.append((token.type, token.map[0], 0, ""))
    html = {}
    for index, raw in enumerate(raws):
        match = _HEADING_HTML.search(raw) if "<" in raw else None
        if match:
            html[index] = ("heading", index, int(match.group(1)), inline_plain(match.group(2)))
    if html:
        blocks = [b for b in blocks if b[0] != "heading" or b[1] not in html]
        blocks.extend(html.values())
    return {first: (level, text) for kind, first, level, text in blocks if kind == "heading"}


HEADED = st.lists(
    st.sampled_from(
        ["# ", "## a", "### ", "#", "\n", "\n\n", "    ", "  ", "* ", "1. ", "```", "~~~", "x",
         "<h2>", "</h2>", "<h3 class='t'>", "<div>", "</div>", "**b**", "#a", " ##", "\t", "> "]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=1500)
@given(HEADED | BODIES)
def test_headings_are_those_the_blocks_gave(body):
    doc = Document(body)
    expected = _headings_from_blocks(doc.text, doc.raws)
    assert doc.headings == expected
    assert list(doc.headings) == list(expected)  # in the same order


STARTS = st.lists(
    st.sampled_from(
        [" ", "\t", "\u00a0", "\u2003", "*", "+", "-", "#", "_", "[", "de ", "De ", "DE ", "à ",
         "À ", "a ", "A partir de ", "dès ", "Dès ", "midi", "MIDI", "Midi", "mıdı", "MİDİ", "1",
         "12", "٣", "²", "9 heures", " : x", "x", "é", "İ"]
    ),
    max_size=8,
).map("".join)  # fmt: skip


@settings(max_examples=3000)
@given(STARTS | st.text(max_size=20))
def test_a_line_the_first_look_passes_over_never_starts_with_a_time(line):
    from calendar_tui.model.running_order import _may_start_a_time

    if not _may_start_a_time(line.lstrip()[:1]):
        assert TIME_FIRST.match(line) is None
