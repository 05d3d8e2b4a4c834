"""Occurrences as an iCalendar (.ics) file, built with the icalendar library.

- One VEVENT per occurrence: a session offered several times ("Du 16/11 au 20/11 de 17h à
  17h30") becomes separate events, each with its own UID, which every client understands.
- UID: the stable occurrence id plus `@calendar-tui` (`uid_for()`); re-exporting after an edit
  elsewhere in the posts updates the same events instead of duplicating them.
- Timed occurrences carry TZID=Europe/Paris (or the post's own IANA zone when it sets one)
  and the matching VTIMEZONE, generated from zoneinfo. A session with no known end has no
  DTEND (RFC 5545: it ends when it starts); nothing is invented.
- All-day spans are DATE values with an exclusive DTEND (the last day + 1).
- DESCRIPTION is plain text: the Markdown description (links as `text (url)`), then the
  running order, then the session's links that the text does not already show.
- URL is the registration link (`primary_url`: a link whose text or address reads like
  registration), else the first http(s) link; CATEGORIES the tags; LOCATION the place.
- DTSTAMP comes from the caller (`stamp=`), so the same input gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import MAXYEAR, MINYEAR, UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from calendar_tui import __version__
from calendar_tui.i18n import _, current_language
from calendar_tui.model.clock import PARIS
from calendar_tui.model.links import clean_url
from calendar_tui.model.text import clean_text, fold, one_line
from calendar_tui.model.types import Occurrence, Session

UID_SUFFIX = "@calendar-tui"
_TIMEZONE_YEARS = 100
PRODID = f"-//calendar-tui//calendar-tui {__version__}//FR"
_REGISTRATION_WORDS = ("inscri", "register", "registration", "billet")
_REGISTRATION_SITES = (
    "inscri",
    "eventbrite.",
    "livestorm.",
    "weezevent.",
    "helloasso.",
    "register",
)


def uid_for(occurrence: Occurrence) -> str:
    return occurrence.id + UID_SUFFIX


def occurrence_id_from_uid(uid: str) -> str:
    return uid.removesuffix(UID_SUFFIX)


def to_ics(
    occurrences: Iterable[Occurrence],
    *,
    stamp: datetime | None = None,
    name: str = "",
    problems: list[str] | None = None,
) -> bytes:
    """The occurrences, in the order given, as the bytes of an .ics file.

    `stamp` is the DTSTAMP of every event (the time of the export); pass the injected clock's
    now() so tests get identical output. `name` becomes X-WR-CALNAME (the calendar's title).
    An occurrence that cannot be written is left out, with a sentence added to `problems`.
    """
    moment = (stamp or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name.strip():
        calendar.add("x-wr-calname", one_line(name))
    years: set[int] = set()
    for occurrence in occurrences:
        try:
            event = _event(occurrence, moment)
            event.to_ical()  # a value icalendar cannot write fails here, not in the whole file
        except (ValueError, TypeError, OverflowError) as error:
            if problems is not None:
                left_out = _("'{title}' left out of the .ics ({reason})").format(
                    title=one_line(occurrence.title), reason=one_line(str(error))
                )
                problems.append(f"{occurrence.post.path}:{occurrence.session.line}: {left_out}")
            continue
        calendar.add_component(event)
        if not occurrence.all_day:
            years.add(occurrence.start.year)
    if years:
        # A VTIMEZONE covering only the years used (from 1 January before the first event to
        # 1 January two years after the last), not 1970-2038 spelled out in RDATEs; kept
        # within the years a date can hold, and to a century (a client applies the last rule
        # to an event beyond, such as a placeholder on 31/12/9999).
        first = max(min(years) - 1, MINYEAR)
        last = min(max(years) + 2, MAXYEAR, first + _TIMEZONE_YEARS)
        calendar.add_missing_timezones(date(first, 1, 1), date(last, 1, 1))
    return calendar.to_ical()


def _event(occurrence: Occurrence, stamp: datetime) -> Event:
    session = occurrence.session
    event = Event()
    event.add("uid", uid_for(occurrence))
    event.add("dtstamp", stamp)
    event.add("summary", one_line(session.title) or _("(untitled)"))
    if occurrence.all_day:
        first = _day(occurrence.start)
        last = _day(occurrence.end) if occurrence.end is not None else first
        event.add("dtstart", first)
        if max(first, last) < date.max:
            event.add("dtend", max(first, last) + timedelta(days=1))
        else:  # the exclusive end would be 1 January 10000: the length says it instead
            event.add("duration", timedelta(days=(last - first).days + 1))
    else:
        start = _local(occurrence.start)
        event.add("dtstart", start)
        if isinstance(occurrence.end, datetime) and _local(occurrence.end) > start:
            event.add("dtend", _local(occurrence.end))
    description = _description(occurrence)
    if description:
        event.add("description", description)
    if session.location.strip():
        event.add("location", one_line(session.location))
    url = primary_url(session)
    if url:
        event.add("url", clean_url(url))  # links are cleaned when loaded; hand-made ones here
    tags = [one_line(tag) for tag in session.tags if one_line(tag)]
    if tags:
        event.add("categories", tags)
    return event


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _local(moment: datetime) -> datetime:
    """Keeps an IANA zone (Europe/Paris for nearly every post); anything else goes to Paris."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=PARIS)
    if isinstance(moment.tzinfo, ZoneInfo):
        return moment
    return moment.astimezone(PARIS)


def primary_url(session: Session) -> str | None:
    """The session's main web link: the first whose text, then whose address, reads like
    registration ("inscriptions", eventbrite, livestorm...), else the first http(s) link."""
    web = [link for link in session.links if _is_web(link.url)]
    for words, part in ((_REGISTRATION_WORDS, "text"), (_REGISTRATION_SITES, "url")):
        for link in web:
            if any(word in fold(getattr(link, part)) for word in words):
                return link.url
    return web[0].url if web else None


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _clock(value: time | None) -> str:
    """ "14h30" in French, "14:30" in English."""
    if value is None:
        return ""
    return value.strftime("%H:%M" if current_language() == "en" else "%Hh%M")


def _description(occurrence: Occurrence) -> str:
    session = occurrence.session
    parts = []
    text = markdown_to_text(session.description)
    if text:
        parts.append(text)
    if session.agenda:
        lines = []
        for item in session.agenda:
            when = "–".join(filter(None, (_clock(item.start), _clock(item.end))))
            text = one_line(item.text)
            if item.track:
                text = _("{label}: {url}").format(label=one_line(item.track), url=text)
            lines.append(f"{when} {text}".strip())
        parts.append(_("Running order:") + "\n" + "\n".join(lines))
    links = [link for link in session.links if link.url and link.url not in text]
    if links:
        shown = [
            clean_url(link.url)
            if one_line(link.text) in ("", link.url)
            else _("{label}: {url}").format(label=one_line(link.text), url=clean_url(link.url))
            for link in links
        ]
        parts.append(_("Links:") + "\n" + "\n".join(shown))
    return "\n\n".join(parts)


# Markdown to plain text --------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


def markdown_to_text(markdown: str) -> str:
    """Markdown as plain text: no emphasis marks, links as `text (url)`, lists with dashes."""
    if not markdown or not markdown.strip():
        return ""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    out: list[str] = []
    lists: list[list[int]] = []  # per open list: [is_ordered, next number]
    for token in tokens:
        kind = token.type
        if kind == "inline":
            out.append(_inline_text(token.children or []))
        elif kind in ("paragraph_close", "heading_close"):
            out.append("\n" if token.hidden else "\n\n")
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
            lists.append([kind == "ordered_list_open", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
            if not lists:
                out.append("\n")
        elif kind == "list_item_open":
            indent = "  " * (len(lists) - 1)
            if lists and lists[-1][0]:
                out.append(f"{indent}{lists[-1][1]}. ")
                lists[-1][1] += 1
            else:
                out.append(f"{indent}- ")
        elif kind in ("fence", "code_block"):
            out.append(token.content.rstrip("\n") + "\n\n")
        elif kind == "html_block":
            text = _TAGS.sub("", token.content).strip()
            if text:
                out.append(text + "\n\n")
        elif kind == "hr":
            out.append("\n")
    text = clean_text("".join(out))
    text = _TRAILING_SPACES.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _inline_text(children) -> str:
    parts: list[str] = []
    hrefs: list[str] = []
    for child in children:
        kind = child.type
        if kind == "text" or kind == "code_inline":
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "link_open":
            hrefs.append(str(child.attrGet("href") or ""))
            parts.append("\x00")  # marks where the link text starts
        elif kind == "link_close" and hrefs:
            href = hrefs.pop()
            start = len(parts) - 1 - parts[::-1].index("\x00")
            label = "".join(parts[start + 1 :])
            del parts[start:]
            shown = href.removeprefix("mailto:")
            parts.append(label if not href or _same(label, href) else f"{label} ({shown})")
    return "".join(parts)


def _same(label: str, href: str) -> bool:
    """Whether a link's text already says its target ("beta.gouv.fr" for https://beta.gouv.fr/)."""

    def bare(value: str) -> str:
        value = value.strip().lower()
        for prefix in ("mailto:", "https://", "http://", "www."):
            value = value.removeprefix(prefix)
        return value.rstrip("/")

    return bare(label) == bare(href)
