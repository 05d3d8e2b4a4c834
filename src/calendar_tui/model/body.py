"""Sessions and running orders found in a post's body.

A post body either describes one event (its running order, "14h30 : Mots d'ouverture", becomes
the event's `agenda`) or carries a programme: entries that each name their own day. Only lines
that *start* with a date (or a title line followed by a date line) start a session; dates
mentioned in passing in prose never do. The styles recognised, all seen in real posts:

- bracket headers: `**[Le 09/11 de 14h à 15h15] [Webinaire] [EIG]**`, then `*Title*`;
- a bold title, then a `<br>` date line: `* **Title**` / `<br>Lundi 29 novembre 2021, 17h-17h30`
  (or only times, `<br>De 10h à 11h, de 14h à 15h`, on the day of the enclosing date heading);
- a bold title and its date on one bullet: `* **Title**, mardi 24 novembre, 17h-17h30`;
- a heading whose section holds a `**Quand ?** Le 14 juin 2019, de 13h15 à 13h45` line;
- timed lines under a date heading of a multi-day post: `**25/11/2020**` then `* 17h-18h : Title`.

Nothing here raises on bad input: problems become diagnostics with the file line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from calendar_tui.i18n import _
from calendar_tui.model.french_dates import When, parse_times, parse_when
from calendar_tui.model.ids import session_id, unique_ids
from calendar_tui.model.links import links_in
from calendar_tui.model.markdown_clean import clean_markdown
from calendar_tui.model.problem import Problem, code_of
from calendar_tui.model.text import fold, normalise_spaces, one_line, tag_key
from calendar_tui.model.types import AgendaItem, Diagnostic, Link, Session, Slot

TITLE_LIMIT = 80


@dataclass(frozen=True, slots=True)
class BodyExtraction:
    sessions: tuple[Session, ...]  # programme entries; empty when the body describes one event
    agenda: tuple[AgendaItem, ...]  # running order of the post's own event (time-only lines)
    # Of the whole body, or of a programme's introduction (before its first session).
    links: tuple[Link, ...]  # incl. raw HTML buttons
    description: str  # clean Markdown
    diagnostics: tuple[Diagnostic, ...]


# --------------------------------------------------------------------------------------------
# Line shapes
# --------------------------------------------------------------------------------------------

_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTHS = r"(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[ûu]t|sept|oct|nov|d[ée]c)"
# What a date at the start of a header looks like, valid or not ("31/11", "jeudi 116 décembre").
_DATEISH = re.compile(
    rf"^(?:(?:le|du|les|d[èe]s le|[àa] partir du)\s+)?(?:{_WEEKDAYS}\s*,?\s+)?"
    rf"\d{{1,3}}(?:er)?\s*(?:/\s*\d{{1,2}}|(?:(?:et|au|-|–)\s*\d{{1,2}}(?:er)?\s+)?{_MONTHS})",
    re.IGNORECASE,
)
# Words allowed before the date's own span in a header ("Le", "Du", a weekday).
_DATE_PREFIX = re.compile(
    rf"^(?:(?:le|du|les|d[èe]s le|[àa] partir du)\s*)?(?:{_WEEKDAYS}\s*,?\s*)?$", re.IGNORECASE
)
_LEAD = re.compile(r"^\s*(?:[*+-]\s+)?(?:#{1,6}\s*)?(?:\*{1,3}|_{1,3})?\s*")
_HEADING_MD = re.compile(r"^\s*(?:[*+-]\s+)?(#{1,6})\s+(.*)$")
_HEADING_HTML = re.compile(r"<h([1-6])\b[^>]*>(.*?)(?:</h\1\s*>|$)", re.IGNORECASE)
_BRACKET = re.compile(r"\[([^\[\]]*)\](?!\()")
_BRACKET_HEADER = re.compile(
    r"^\s*(?:[*+-]\s+)?(?:#{1,6}\s*)?(?:\*{1,3}|_{1,3})?\s*\[([^\[\]]*)\](?!\()"
)
_TITLE_BOLD = re.compile(
    r"^\s*(?:[*+-]\s+)?\*\*(?P<title>[^*\[\s][^*]*?)\*\*\s*(?:<br>\s*(?P<rest>.*))?$"
)
_TITLE_INLINE = re.compile(r"^\s*[*+-]\s+\*\*(?P<title>[^*\[\s][^*]*?)\*\*\s*,\s*(?P<rest>.+)$")
_BR_LINE = re.compile(r"^\s*<br>\s*(?P<rest>.*)$")
_BR_ONLY = re.compile(r"^\s*(?:<br>\s*)+$")
_ITALIC_TITLE = re.compile(r"^\s*(?:\*(?!\*)(?P<a>.+?)(?<!\*)\*|_(?!_)(?P<b>.+?)(?<!_)_)\s*$")
_WHEN_LABEL = re.compile(
    r"^\s*(?:<br>\s*)?(?:\*\*|__)\s*(?:quand|dates?)\s*\??\s*:?\s*(?:\*\*|__)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_WHERE_LABEL = re.compile(
    r"^\s*(?:<br>\s*)?(?:\*\*|__)\s*(?:o[ùu]|lieu|adresse)\s*\??\s*:?\s*(?:\*\*|__)\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
_TIME = r"\d{1,2}\s*h\s*(?:\d{2})?(?![^\W\d_])"
_TIME_FIRST = re.compile(
    rf"^\s*(?:[*+-]\s+)?(?:#{{1,6}}\s*)?(?:[*_]{{1,3}}\s*)?\[?\s*"
    rf"(?P<times>{_TIME}(?:\s*(?:[-–—]|[àa]\b)\s*{_TIME})?)"
)
_TIMES_ONLY_START = re.compile(rf"^\s*(?:(?:de|d[èe]s|[àa])\s+)?{_TIME}", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*[*+-]\s+(?P<text>.*)$")
_EMPHASIS_WRAP = re.compile(r"^(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})$")
_GENERIC_HEADINGS = re.compile(r"^(?:au )?programme\b|^deroule\b|^agenda\b")

# Inline Markdown made plain (titles, agenda lines, tags).
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
_STARS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|`+")
_IAL = re.compile(r"\{:[^{}\n]*\}")
_DIGIT = re.compile(r"\d")
_SENTENCE = re.compile(r"^(.+?[.!?…])(?=\s|$)", re.DOTALL)


def inline_plain(markdown: str) -> str:
    """One line of inline Markdown/HTML as plain text: links keep their text, no emphasis."""
    # Each pattern is only run when the literal it starts with (or needs) is present.
    text = markdown
    if "{:" in text:
        text = _IAL.sub("", text)
    if "](" in text:  # images and links both hold "]("
        text = _IMAGE.sub("", text)
        text = _MD_LINK.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = html.unescape(text)
    if "*" in text or "_" in text or "`" in text:
        text = _STARS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return one_line(text)


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """`text` cut at a word boundary to about `limit` characters, with an ellipsis when cut."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def title_from_description(description: str) -> str:
    """A sensible title from a description's first sentence (used when a session has none)."""
    for paragraph in description.split("\n\n"):
        plain = inline_plain(paragraph)
        if plain:
            match = _SENTENCE.match(plain)
            return shorten(match.group(1) if match else plain)
    return ""


_BOLD_TAG = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _plain_line(raw: str) -> str:
    """A body line with bold HTML as `**`, list items as `* `, `<br>` kept, other tags dropped."""
    line = raw
    if "<" in line:  # every tag pattern starts with "<"
        line = _BOLD_TAG.sub("**", line)
        line = _LI_TAG.sub("* ", line)
        line = _BR_TAG.sub("\x00", line)
        line = _TAG.sub("", line).replace("\x00", "<br>")
    line = normalise_spaces(html.unescape(line))
    return line.rstrip().rstrip("\\").rstrip()


def _strip_wrapping(text: str) -> str:
    """A header's content without its list marker, heading hashes and emphasis markers."""
    text = _LEAD.sub("", text, count=1).strip()
    while True:
        stripped = _EMPHASIS_WRAP.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


@dataclass
class _Header:
    index: int  # line index (0-based in the body) where the session starts
    kind: str  # bracket | titled | inline | labelled | timed | invalid
    title: str = ""
    tags: tuple[str, ...] = ()
    slots: tuple[Slot, ...] = ()
    body_start: int = 0  # first line of the description
    end: int = 0  # first line after the section
    list_item: bool = False
    html_item: bool = False
    location: str = ""
    agenda: list[AgendaItem] = field(default_factory=list)
    pending: tuple[tuple, tuple[str, ...], int] | None = None  # times waiting for their day


@dataclass
class _Context:
    path: str
    first_line: int
    reference: date
    tz: tzinfo
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(self, index: int, severity: str, message: str) -> None:
        """`message` a `Problem` (or a plain sentence: code `date.problem`)."""
        code = code_of(message, "date.problem")
        diagnostic = Diagnostic(self.path, self.first_line + index, severity, message, code)  # type: ignore[arg-type]
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    def when(self, text: str, index: int) -> When | None:
        try:
            return parse_when(text, self.reference)
        except Exception as error:  # the grammar must not take a post down with it
            self.report(index, "error", _unreadable("date", text, error))
            return None

    def times(self, text: str, index: int) -> tuple[tuple, tuple[str, ...]]:
        try:
            return parse_times(text)
        except Exception as error:
            self.report(index, "error", _unreadable("time", text, error))
            return (), ()

    def at(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, tzinfo=self.tz)


def _unreadable(what: str, text: str, error: Exception) -> Problem:
    """The reader failed on this text (a bug): say so rather than lose the post."""
    sentence = (
        _("could not read the date in {text!r} ({error})")
        if what == "date"
        else _("could not read the times in {text!r} ({error})")
    )
    return Problem(f"{what}.reader_failed", sentence.format(text=text.strip(), error=error))


def _heading(raw: str, plain: str) -> tuple[int, str] | None:
    """(level, text) when the line is a Markdown or HTML heading."""
    match = _HEADING_HTML.search(raw) if "<" in raw else None  # an HTML heading needs a tag
    if match:
        return int(match.group(1)), inline_plain(match.group(2))
    match = _HEADING_MD.match(plain) if "#" in plain else None  # a Markdown one needs a "#"
    if match:
        return len(match.group(1)), inline_plain(match.group(2))
    return None


def _leading_when(ctx: _Context, text: str, index: int) -> tuple[When | None, bool]:
    """The date `text` starts with: (when, looked_like_a_date)."""
    text = text.strip()
    if not _DATEISH.match(text):
        return None, False
    when = ctx.when(text, index)
    if when is None or not when.days:
        return when, True
    if not _DATE_PREFIX.match(text[: max(0, when.start)]):
        return None, False  # the first date is further in: this line does not start with it
    return when, True


def _date_problem(ctx: _Context, index: int, text: str, when: When | None) -> None:
    problems = tuple(when.problems) if when is not None else ()
    not_a_date = _("{text!r} is not a date").format(text=one_line(text))
    for problem in problems or (Problem("date.unreadable", not_a_date),):
        ctx.report(index, "error", problem)


def _day_range(first: date, last: date) -> list[date]:
    if last < first:
        return [first]
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _slots_for(
    ctx: _Context, index: int, days: list[date], is_range: bool, times: tuple, all_day: bool
) -> tuple[Slot, ...]:
    if not days:
        return ()
    if is_range:
        days = _day_range(min(days), max(days))
    if all_day or not times:
        if is_range and len(days) > 1:
            return (Slot(days[0], days[-1], all_day=True),)
        return tuple(Slot(day, day, all_day=True) for day in sorted(set(days)))
    slots = []
    for day in days:
        for span in times:
            start = ctx.at(day, span.start)
            end = ctx.at(day, span.end) if span.end is not None else None
            if end is not None and end <= start:
                message = _("{end} is not after {start}: the end time is ignored").format(
                    end=f"{span.end:%H:%M}", start=f"{span.start:%H:%M}"
                )
                ctx.report(index, "warning", Problem("time.end_before_start", message))
                end = None
            slots.append(Slot(start, end))
    return tuple(slots)


def _slots_from_when(ctx: _Context, index: int, when: When) -> tuple[Slot, ...]:
    for problem in when.problems:
        ctx.report(index, "warning", problem)
    return _slots_for(ctx, index, list(when.days), when.is_range, when.times, when.all_day)


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


def _is_generic_heading(text: str) -> bool:
    return bool(_GENERIC_HEADINGS.match(fold(text)))


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
    ctx = _Context(path=path, first_line=first_line, reference=reference, tz=tz)
    raws = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    plains = [_plain_line(raw) for raw in raws]
    count = len(raws)

    headings: dict[int, tuple[int, str]] = {}
    for index, (raw, plain) in enumerate(zip(raws, plains, strict=True)):
        found = _heading(raw, plain)
        if found is not None:
            headings[index] = found

    headers: list[_Header] = []
    date_headings: dict[int, When] = {}
    consumed: set[int] = set()
    boundaries: set[int] = set(headings)

    # Sections announced by a heading and dated by a "**Quand ?**" line.
    labelled: dict[int, tuple[int, When]] = {}
    for index, plain in enumerate(plains):
        match = _WHEN_LABEL.match(plain)
        if not match:
            continue
        owner = max((h for h in headings if h < index), default=None)
        if owner is None or owner in labelled:
            continue
        when, dateish = _leading_when(ctx, match.group("rest"), index)
        if when is not None and when.days:
            labelled[owner] = (index, when)
            consumed.add(index)
        elif dateish:
            _date_problem(ctx, index, match.group("rest"), when)

    for index in range(count):
        if index in consumed:
            continue
        raw, plain = raws[index], plains[index]
        if not plain.strip():
            continue
        header = _bracket_header(ctx, index, plain, plains)
        if header is None:
            header = _titled_header(ctx, index, raw, plain, raws, plains, consumed)
        if header is None:
            header = _inline_header(ctx, index, plain)
        if header is None and index in labelled:
            when_line, when = labelled[index]
            header = _Header(
                index,
                "labelled",
                title=headings[index][1],
                slots=_slots_from_when(ctx, when_line, when),
                body_start=index + 1,
            )
        if header is not None:
            headers.append(header)
            boundaries.add(index)
            continue
        if index not in headings or plain.lstrip().startswith("#"):
            when = _date_heading(ctx, index, plain)
            if when is not None:
                date_headings[index] = when
                boundaries.add(index)

    # Section ends.
    for header in headers:
        header.end = _section_end(header, raws, plains, boundaries, count)

    # Location named in a section.
    for header in headers:
        header.location = _section_location(plains, header.body_start, header.end)

    # Titles and tags that come from the surroundings.
    session_titles = {h.index for h in headers if h.kind == "labelled"}
    date_days = {w.days[0] for w in date_headings.values() if w.days}
    multi_day = len(date_days) > 1 or len(set(event_days)) > 1

    # Sessions given only times take the day of their date heading, else the event's.
    for header in headers:
        if header.pending is None:
            continue
        spans, problems, date_line = header.pending
        day = _enclosing_date_heading(header.index, date_headings, headings)
        if day is None and event_days:
            day = min(event_days)
        if day is None:
            no_day = _("no day is given for {title!r}").format(title=header.title)
            ctx.report(date_line, "warning", Problem("body.no_day", no_day))
            continue
        for problem in problems:
            ctx.report(date_line, "warning", problem)
        header.slots = _slots_for(ctx, date_line, [day], False, spans, False)

    agenda: list[AgendaItem] = []
    # Headers added below ("timed") sit on the line being read, so this set stays accurate.
    header_lines = {h.index for h in headers}
    for index in range(count):
        if index in consumed or index in header_lines:
            continue
        match = _TIME_FIRST.match(plains[index])
        if not match or _BR_LINE.match(plains[index]):
            continue
        spans, problems = ctx.times(match.group("times"), index)
        if not spans:
            continue
        text = _agenda_text(plains, index, match.end())
        owner = next((h for h in headers if h.body_start <= index < h.end), None)
        if owner is not None and owner.kind != "invalid":
            owner.agenda.append(AgendaItem(spans[0].start, spans[0].end, text))
            continue
        heading_day = _enclosing_date_heading(index, date_headings, headings)
        if multi_day and heading_day is not None:
            for problem in problems:
                ctx.report(index, "warning", problem)
            day = heading_day
            header = _Header(
                index,
                "timed",
                title=text,
                slots=_slots_for(ctx, index, [day], False, tuple(spans), False),
                body_start=index + 1,
                end=index + 1,
            )
            headers.append(header)
            continue
        for problem in problems:
            ctx.report(index, "warning", problem)
        agenda.append(AgendaItem(spans[0].start, spans[0].end, text))

    headers.sort(key=lambda h: h.index)
    kept = [header for header in headers if header.kind != "invalid" and header.slots]
    entries = []  # (header, title, description) of each session
    ids: list[str] = []
    for header in kept:
        description = clean_markdown("\n".join(raws[header.body_start : header.end]))
        title = header.title or title_from_description(description) or "Sans titre"
        first = header.slots[0].start
        ids.append(
            session_id(post_key, title, first.date() if isinstance(first, datetime) else first)
        )
        entries.append((header, title, description))
    sessions: list[Session] = []
    for (header, title, description), ident in zip(entries, unique_ids(ids), strict=True):
        tags = list(header.tags)
        if header.kind in {"titled", "inline", "timed"}:
            group = _section_heading(header.index, headings, date_headings, session_titles)
            if group:
                tags.append(group)
        sessions.append(
            Session(
                id=ident,
                title=title,
                slots=header.slots,
                tags=_dedupe_tags(tags),
                location=header.location or location,
                description=description,
                links=tuple(links_in("\n".join(raws[header.index : header.end]))),
                agenda=tuple(_dedupe_agenda(header.agenda)),
                line=first_line + header.index,
            )
        )
    if len(sessions) < 2 and event_days:
        # One dated entry is the post's own event told again, not a programme (without a
        # front-matter event it is kept: it may be the only one left beside a broken one).
        for session in sessions:
            agenda.extend(session.agenda)
        sessions = []

    # A programme's own text is what comes before its first session: each session carries its
    # part of the rest, which is not cleaned (nor searched) a second time for the whole.
    own_text = body
    if sessions:
        own_text = "\n".join(raws[: min(session.line for session in sessions) - first_line])
    return BodyExtraction(
        sessions=tuple(sessions),
        agenda=tuple(_dedupe_agenda(agenda)),
        links=tuple(links_in(own_text)),
        description=clean_markdown(own_text),
        diagnostics=tuple(sorted(ctx.diagnostics, key=lambda d: d.line or 0)),
    )


def _bracket_header(ctx: _Context, index: int, plain: str, plains: list[str]) -> _Header | None:
    match = _BRACKET_HEADER.match(plain)
    if not match:
        return None
    label = match.group(1).strip()
    when, dateish = _leading_when(ctx, label, index)
    if not dateish:
        return None
    if when is None or not when.days:
        _date_problem(ctx, index, label, when)
        return _Header(index, "invalid", body_start=index + 1)
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
        following = next((j for j in range(index + 1, len(plains)) if plains[j].strip()), None)
        if following is not None:
            italic = _ITALIC_TITLE.match(plains[following])
            if italic:
                title = inline_plain(italic.group("a") or italic.group("b") or "")
                body_start = following + 1
    return _Header(
        index,
        "bracket",
        title=title,
        tags=tuple(tags),
        slots=_slots_from_when(ctx, index, when),
        body_start=body_start,
    )


def _titled_header(
    ctx: _Context,
    index: int,
    raw: str,
    plain: str,
    raws: list[str],
    plains: list[str],
    consumed: set[int],
) -> _Header | None:
    match = _TITLE_BOLD.match(plain)
    if not match:
        return None
    date_text = match.group("rest")
    date_line = index
    if not date_text:
        if index + 1 >= len(plains):
            return None
        following = _BR_LINE.match(plains[index + 1])
        if not following:
            return None
        date_text, date_line = following.group("rest"), index + 1
    date_text = date_text.split("<br>")[0]
    when, dateish = _leading_when(ctx, date_text, date_line)
    slots: tuple[Slot, ...] = ()
    if when is not None and when.days:
        slots = _slots_from_when(ctx, date_line, when)
    elif dateish:
        _date_problem(ctx, date_line, date_text, when)
        consumed.add(date_line)
        return _Header(index, "invalid", body_start=date_line + 1)
    elif _TIMES_ONLY_START.match(date_text):
        spans, problems = ctx.times(date_text, date_line)
        if not spans:
            return None
    else:
        return None
    consumed.add(date_line)
    html_item = "<li" in raw.lower()
    header = _Header(
        index,
        "titled",
        title=inline_plain(match.group("title")),
        slots=slots,
        body_start=date_line + 1,
        list_item=html_item or bool(_LIST_ITEM.match(plain)),
        html_item=html_item,
    )
    if not slots:
        # Only times: the day comes from the enclosing date heading or the event.
        header.pending = (tuple(spans), tuple(problems), date_line)
    return header


def _inline_header(ctx: _Context, index: int, plain: str) -> _Header | None:
    match = _TITLE_INLINE.match(plain)
    if not match:
        return None
    when, dateish = _leading_when(ctx, match.group("rest"), index)
    if when is None or not when.days:
        if dateish:
            _date_problem(ctx, index, match.group("rest"), when)
            return _Header(index, "invalid", body_start=index + 1, end=index + 1)
        return None
    return _Header(
        index,
        "inline",
        title=inline_plain(match.group("title")),
        slots=_slots_from_when(ctx, index, when),
        body_start=index + 1,
        list_item=True,
    )


def _date_heading(ctx: _Context, index: int, plain: str) -> When | None:
    """The date of a line that is only a (bold/italic/heading) date: `**25/11/2020**`."""
    stripped = plain.strip()
    if not stripped or stripped[0] not in "*_#" or _LIST_ITEM.match(stripped):
        return None
    if _DIGIT.search(stripped) is None:  # a date starts with digits (_DATEISH); none here
        return None
    content = _strip_wrapping(stripped)
    when, dateish = _leading_when(ctx, content, index)
    if when is None or not when.days:
        if dateish and len(content) <= 40:
            _date_problem(ctx, index, content, when)
        return None
    rest = content[when.end :].strip()
    if len(rest) > 40 or rest.endswith((".", "!", "?")):
        return None
    for problem in when.problems:
        ctx.report(index, "warning", problem)
    return when


def _section_end(
    header: _Header, raws: list[str], plains: list[str], boundaries: set[int], count: int
) -> int:
    if header.end:
        return header.end
    start = header.body_start
    seen_content = False
    for index in range(start, count):
        if index in boundaries and index != header.index:
            return index
        plain = plains[index]
        if header.html_item and "</li>" in raws[index].lower():
            return index + 1
        if header.kind == "bracket" and _BR_ONLY.match(plain) and seen_content:
            return index
        if header.list_item and not header.html_item and not plain.strip():
            following = next((j for j in range(index + 1, count) if plains[j].strip()), None)
            if following is None or not plains[following].startswith((" ", "\t")):
                return index
        if plain.strip() and not _BR_ONLY.match(plain):
            seen_content = True
    return count


def _section_location(plains: list[str], start: int, end: int) -> str:
    for index in range(start, end):
        match = _WHERE_LABEL.match(plains[index])
        if not match:
            continue
        parts = [inline_plain(match.group("rest"))]
        for following in range(index + 1, end):
            more = _BR_LINE.match(plains[following])
            if not more or _WHEN_LABEL.match(plains[following]) or not more.group("rest").strip():
                break
            parts.append(inline_plain(more.group("rest")))
        return ", ".join(part.strip(" ,") for part in parts if part.strip(" ,"))
    return ""


def _enclosing_date_heading(
    index: int,
    date_headings: dict[int, When],
    headings: dict[int, tuple[int, str]],
    *,
    skip_headings: bool = False,
) -> date | None:
    """The day of the date heading above `index` (a plain heading in between ends its scope)."""
    for previous in range(index - 1, -1, -1):
        if previous in date_headings:
            days = date_headings[previous].days
            return min(days) if days else None
        if previous in headings and not skip_headings:
            return None
    return None


def _section_heading(
    index: int,
    headings: dict[int, tuple[int, str]],
    date_headings: dict[int, When],
    session_titles: set[int],
) -> str:
    """The nearest heading above a session (its group: "Ateliers", "Conférences tech")."""
    for previous in range(index - 1, -1, -1):
        if previous in headings and previous not in date_headings:
            if previous in session_titles:
                return ""
            text = headings[previous][1]
            return "" if _is_generic_heading(text) else text
    return ""


_AGENDA_LEAD = re.compile(r"^[\s\]\[*_:\-–—]+")


def _agenda_text(plains: list[str], index: int, offset: int) -> str:
    text = plains[index][offset:].replace("<br>", " ")
    text = _AGENDA_LEAD.sub("", text)
    text = inline_plain(text).strip(" :-–—")
    if text:
        return text
    items = []
    for following in range(index + 1, len(plains)):
        item = _LIST_ITEM.match(plains[following])
        if not item:
            if items or plains[following].strip():
                break
            continue
        items.append(inline_plain(item.group("text")))
    return " ; ".join(item for item in items if item)


def _dedupe_agenda(items: list[AgendaItem]) -> list[AgendaItem]:
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


_NON_WORD = re.compile(r"[^\w]+")


def _agenda_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())
