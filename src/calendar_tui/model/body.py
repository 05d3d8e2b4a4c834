"""Sessions and running orders found in a post's body.

A post body either describes one event (its running order, "14h30 : Mots d'ouverture", becomes
the event's `agenda`) or carries a programme: entries that each name their own day. Only lines
that *start* with a date (or a title line followed by a date line) start a session; dates
mentioned in passing in prose never do. The body is read as a `blocks.Document`; each programme
style is one recogniser of `recognisers.RECOGNISERS`, tried in order on each line it can start
on (`Document.openers`); timed lines under a date heading of a multi-day post are sessions too,
other timed lines the running order.

Nothing here raises on bad input: problems become diagnostics with the file line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from calendar_tui.i18n import _
from calendar_tui.model import session_text
from calendar_tui.model.blocks import Document
from calendar_tui.model.body_context import Context, Header
from calendar_tui.model.body_text import inline_plain, shorten, title_from_description
from calendar_tui.model.french_dates import When
from calendar_tui.model.ids import session_id, unique_ids
from calendar_tui.model.links import links_in
from calendar_tui.model.markdown_clean import clean_markdown
from calendar_tui.model.problem import Problem
from calendar_tui.model.recognisers import BR_LINE, Scan, date_heading, find_labelled, recognise
from calendar_tui.model.running_order import (
    bold_text,
    dedupe_agenda,
    is_timed,
    timed_candidates,
    timed_entries,
    with_tracks,
)
from calendar_tui.model.sections import (
    Outline,
    section_end,
    section_heading,
    section_location,
)
from calendar_tui.model.session_text import SessionText
from calendar_tui.model.text import one_line, tag_key
from calendar_tui.model.types import AgendaItem, Diagnostic, Link, Session

__all__ = ["BodyExtraction", "extract_body", "inline_plain", "shorten", "title_from_description"]


@dataclass(frozen=True, slots=True)
class BodyExtraction:
    sessions: tuple[Session, ...]  # programme entries; empty when the body describes one event
    agenda: tuple[AgendaItem, ...]  # running order of the post's own event (time-only lines)
    # Of the whole body, or of a programme's introduction (before its first session).
    text: SessionText  # its links (incl. raw HTML buttons) and clean Markdown, made when read
    diagnostics: tuple[Diagnostic, ...]

    @property
    def links(self) -> tuple[Link, ...]:
        return self.text.links

    @property
    def description(self) -> str:
        return self.text.description


def extract_body(
    body: str,
    *,
    path: str,
    first_line: int,
    reference: date,
    tz: tzinfo,
    post_key: str,
    location: str = "",
    event_days: tuple[date, ...] = (),
) -> BodyExtraction:
    """Sessions, running order, links and cleaned description of one post body."""
    body = body or ""
    ctx = Context(path=path, first_line=first_line, reference=reference, tz=tz)
    scan = Scan(Document(body), ctx)
    find_labelled(scan)
    headers, date_headings = _headers(scan)
    doc = scan.doc
    outline = Outline(doc, date_headings, is_timed, bold_text)
    for header in headers:
        header.location = section_location(doc, header.body_start, header.end)
    _days_for_times_only(scan, headers, outline, event_days)
    date_days = {w.days[0] for w in date_headings.values() if w.days}
    multi_day = len(date_days) > 1 or len(set(event_days)) > 1
    agenda = _timed_lines(scan, headers, outline, multi_day)
    sessions = _sessions(scan, headers, outline, post_key, location)
    if len(sessions) < 2 and event_days:
        # One dated entry is the post's own event told again, not a programme (without a
        # front-matter event it is kept: it may be the only one left beside a broken one).
        kinds = [h.kind for h in headers if h.kind != "invalid" and h.slots]  # as _sessions keeps
        for session, kind in zip(sessions, kinds, strict=True):
            agenda.extend(_as_agenda(session) if kind == "timed" else session.agenda)
        sessions = []
    # A programme's own text is what comes before its first session: each session carries its
    # part of the rest, which is not cleaned (nor searched) a second time for the whole.
    own_text = body
    if sessions:
        own_text = "\n".join(doc.raws[: min(session.line for session in sessions) - first_line])
    return BodyExtraction(
        sessions=tuple(sessions),
        agenda=tuple(dedupe_agenda(agenda)),
        text=_own_text(own_text),
        diagnostics=tuple(sorted(ctx.diagnostics, key=lambda d: d.line or 0)),
    )


def _headers(scan: Scan) -> tuple[list[Header], dict[int, When]]:
    """Each line where a session starts (with its section's end), and the date headings."""
    doc = scan.doc
    headers: list[Header] = []
    date_headings: dict[int, When] = {}
    boundaries: set[int] = set(doc.headings)
    # Only the lines a header or a date heading can start on (see Document.openers); a
    # labelled heading may have none of their marks.
    candidates = sorted(set(doc.openers).union(scan.labelled)) if scan.labelled else doc.openers
    for index in candidates:
        if index in scan.consumed or not doc.plains[index]:  # plains are right-stripped
            continue
        header = recognise(scan, index)
        if header is not None:
            headers.append(header)
            boundaries.add(index)
            continue
        if index not in doc.headings or doc.plains[index].lstrip().startswith("#"):
            when = date_heading(scan, index)
            if when is not None:
                date_headings[index] = when
                boundaries.add(index)
    for header in headers:
        header.end = section_end(header, doc, boundaries)
    return headers, date_headings


def _days_for_times_only(
    scan: Scan, headers: list[Header], outline: Outline, event_days: tuple[date, ...]
) -> None:
    """Sessions given only times take the day of their date heading, else the event's."""
    ctx = scan.ctx
    for header in headers:
        if header.pending is None:
            continue
        spans, problems, date_line = header.pending
        day = outline.day(header.index)
        if day is None and event_days:
            day = min(event_days)
        if day is None:
            no_day = _("no day is given for {title!r}").format(title=header.title)
            ctx.report(date_line, "warning", Problem("body.no_day", no_day))
            continue
        for problem in problems:
            ctx.report(date_line, "warning", problem)
        header.slots = ctx.slots_for(date_line, [day], False, spans, False)


def _timed_lines(
    scan: Scan, headers: list[Header], outline: Outline, multi_day: bool
) -> list[AgendaItem]:
    """Timed lines: a session's running order, a session of their own under a date heading of
    a multi-day post, or else the post's running order (returned)."""
    doc = scan.doc
    agenda: list[tuple[AgendaItem, str]] = []  # each with the heading it is under
    # Headers added below ("timed") sit on the line being read, so this set stays accurate;
    # they own no line, so each line's owner is found among the headers found so far.
    header_lines = {h.index for h in headers}
    owners: dict[int, Header] = {}
    for header in headers:
        for line in range(header.body_start, header.end):
            owners.setdefault(line, header)
    for index in timed_candidates(doc.plains):
        if index in scan.consumed or index in header_lines:
            continue
        plain = doc.plains[index]
        if "<br>" in plain and BR_LINE.match(plain):
            continue  # a titled entry's date line, or text continued after a break
        for times, text in timed_entries(doc.plains, index):
            agenda.extend(
                _timed_line(scan, owners, headers, outline, multi_day, index, times, text)
            )
    headers.sort(key=lambda h: h.index)
    return with_tracks(agenda)


def _timed_line(
    scan: Scan,
    owners: dict[int, Header],
    headers: list[Header],
    outline: Outline,
    multi_day: bool,
    index: int,
    times: str,
    text: str,
) -> list[tuple[AgendaItem, str]]:
    """One timed entry: added to its session's running order or made a session of its own
    ([]), or returned as items of the post's running order (one per time range: "10h-11h ou
    15h-16h : Atelier" is given twice) with the heading they are under."""
    ctx = scan.ctx
    spans, problems = ctx.times(times, index)
    if not spans:
        return []
    items = [AgendaItem(span.start, span.end, text) for span in spans]
    owner = owners.get(index)
    if owner is not None and owner.kind != "invalid":
        owner.agenda.extend(items)
        return []
    for problem in problems:
        ctx.report(index, "warning", problem)
    heading_day = outline.day(index)
    if multi_day and heading_day is not None:
        slots = ctx.slots_for(index, [heading_day], False, tuple(spans), False)
        headers.append(Header(index, "timed", title=text, slots=slots, end=index + 1))
        headers[-1].body_start = index + 1
        return []
    return [(item, outline.label(index)) for item in items]


def _sessions(
    scan: Scan,
    headers: list[Header],
    outline: Outline,
    post_key: str,
    location: str,
) -> list[Session]:
    doc = scan.doc
    kept = [header for header in headers if header.kind != "invalid" and header.slots]
    session_titles = {h.index for h in headers if h.kind == "labelled"}
    entries = []  # (header, title, text) of each session
    ids: list[str] = []
    for header in kept:
        text = _session_text(doc.raws, header)
        title = header.title or title_from_description(text.description) or "Sans titre"
        first = header.slots[0].start
        day = first.date() if isinstance(first, datetime) else first
        ids.append(session_id(post_key, title, day))
        entries.append((header, title, text))
    sessions: list[Session] = []
    for (header, title, text), ident in zip(entries, unique_ids(ids), strict=True):
        tags = list(header.tags)
        if header.kind in {"titled", "inline", "timed"}:
            group = section_heading(outline, header.index, doc.headings, session_titles)
            if group:
                tags.append(group)
        sessions.append(
            Session(
                id=ident,
                title=title,
                slots=header.slots,
                tags=_dedupe_tags(tags),
                location=header.location or location,
                agenda=tuple(dedupe_agenda(header.agenda)),
                line=scan.ctx.first_line + header.index,
                text=text,
            )
        )
    return sessions


def _session_text(raws: list[str], header: Header) -> SessionText:
    """A session's links come from its lines (its own line first), its description from
    those after its title or date lines: one source for both, made into them when read."""
    if session_text.EAGER or header.body_start < header.index:
        description = clean_markdown("\n".join(raws[header.body_start : header.end]))
        links = tuple(links_in("\n".join(raws[header.index : header.end])))
        return SessionText.known(description, links)
    markdown = "\n".join(raws[header.index : header.end])
    return SessionText.of_markdown(markdown, skip=header.body_start - header.index)


def _own_text(markdown: str) -> SessionText:
    if session_text.EAGER:
        return SessionText.known(clean_markdown(markdown), tuple(links_in(markdown)))
    return SessionText.of_markdown(markdown)


def _as_agenda(session: Session) -> list[AgendaItem]:
    """A lone timed line under a date heading ("* 10h - 11h : Clôture") as the running order
    of the post's own event, instead of a programme of one."""
    items = []
    for slot in session.slots:
        if isinstance(slot.start, datetime):
            end = slot.end.time() if isinstance(slot.end, datetime) else None
            items.append(AgendaItem(slot.start.time(), end, session.title))
    return items


def _dedupe_tags(tags: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result = []
    for tag in tags:
        tag = one_line(tag)
        key = tag_key(tag)
        if key and key not in seen:
            seen.add(key)
            result.append(tag)
    return tuple(result)
