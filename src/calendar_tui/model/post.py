"""Assembling a Post from a read file: the front-matter event plus the body's sessions."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import PurePath

from calendar_tui.i18n import _
from calendar_tui.model import session_text
from calendar_tui.model.body import extract_body
from calendar_tui.model.event import START_KEYS, publication_date, read_event
from calendar_tui.model.fields import is_false, text_field
from calendar_tui.model.front_matter import RawPost
from calendar_tui.model.ids import post_key, session_id, unique_ids
from calendar_tui.model.slots import at
from calendar_tui.model.text import title_line
from calendar_tui.model.types import (
    AgendaItem,
    Diagnostic,
    Post,
    Session,
    Slot,
    fold_for_search,
)

MAX_BODY_CHARS = 500_000


def build_post(raw: RawPost) -> Post:
    meta = raw.metadata
    title = title_line(text_field(meta.get("title")) or PurePath(raw.path).stem.replace("-", " "))
    key = post_key(raw.path)
    text, too_long = _bounded_body(raw)
    fm = read_event(
        meta,
        path=raw.path,
        title=title,
        key_lines=raw.key_lines,
        body=text,
        body_line=raw.body_line,
    )
    event_days = tuple(slot.start if slot.all_day else slot.start.date() for slot in fm.slots)
    body = extract_body(
        text,
        path=raw.path,
        first_line=raw.body_line,
        reference=fm.reference,
        tz=fm.timezone,
        post_key=key,
        location=fm.location,
        event_days=event_days,
    )
    event = None
    if fm.is_event or body.sessions:
        start_key = next((k for k in START_KEYS if k in raw.key_lines), "title")
        text = body.text.introduced_by(fm.chapeau, fm.links)
        search = ""
        if session_text.EAGER:  # the reference for the lazy texts: made now, as before
            search = fold_for_search(title, text.description, fm.tags, fm.location)
        event = Session(
            id=session_id(key, title, event_days[0] if event_days else None),
            title=title,
            slots=_hours_from_agenda(fm.slots, body.agenda, fm.timezone),
            tags=fm.tags,
            location=fm.location,
            agenda=body.agenda,
            line=raw.key_lines.get(start_key, 1),
            search_text=search,
            text=text,
        )
    undated = ()
    if event is not None and not fm.slots and not body.sessions:
        # A post of an events collection that gives no occurrence always says why.
        reason = fm.left_out or _("no event date in the front matter, the chapeau or the text")
        if body.agenda:
            reason = _("has a running order but {reason}").format(reason=reason)
        message = _("{reason}; not in the calendar").format(reason=reason)
        undated = (Diagnostic(raw.path, event.line, "warning", message, "post.undated"),)
    return Post(
        path=raw.path,
        title=title,
        published=not is_false(meta.get("published", True)),
        publication_date=publication_date(meta),
        event=event,
        sessions=_with_post_defaults(body.sessions, fm.tags),
        tags=fm.tags,
        diagnostics=(*raw.diagnostics, *fm.diagnostics, *too_long, *undated, *body.diagnostics),
    )


def _bounded_body(raw: RawPost) -> tuple[str, tuple[Diagnostic, ...]]:
    """Real posts are a few kilobytes; a runaway one is read up to MAX_BODY_CHARS, so loading
    a collection stays a matter of seconds whatever it holds."""
    if len(raw.body) <= MAX_BODY_CHARS:
        return raw.body, ()
    cut = raw.body.rfind("\n", 0, MAX_BODY_CHARS) + 1 or MAX_BODY_CHARS
    line = raw.body_line + raw.body.count("\n", 0, cut)
    message = _(
        "the body is {millions} million characters long; only its first {thousands} thousand "
        "were read"
    ).format(millions=len(raw.body) // 1_000_000, thousands=f"{MAX_BODY_CHARS // 1000:,}")
    return raw.body[:cut], (Diagnostic(raw.path, line, "warning", message, "post.too_long"),)


def _hours_from_agenda(
    slots: tuple[Slot, ...], agenda: tuple[AgendaItem, ...], tz: tzinfo
) -> tuple[Slot, ...]:
    """A one-day event with no hours in its front matter takes them from its running order; one
    with a start and no end takes the running order's last time when it ends later."""
    starts = [item.start for item in agenda if item.start is not None]
    if len(slots) != 1 or not starts:
        return slots
    ends = [item.end or item.start for item in agenda if item.start is not None]
    slot = slots[0]
    if not slot.all_day:
        last = max(ends)
        if slot.end is not None or slot.start.timetz().replace(tzinfo=None) >= last:
            return slots
        return (Slot(slot.start, at(slot.start.date(), last, tz)),)
    if slot.start != slot.end:
        return slots
    ends = [item.end for item in agenda if item.end is not None]
    day, first = slot.start, min(starts)
    last = max(ends) if ends and max(ends) > first else None
    return (Slot(at(day, first, tz), at(day, last, tz) if last else None),)


def _with_post_defaults(
    sessions: tuple[Session, ...], post_tags: tuple[str, ...]
) -> tuple[Session, ...]:
    """Sessions without labels of their own carry the post's tags, so tag filters still find them;
    every title is one clean line, never empty (the views show it as it is)."""
    ids = unique_ids([session.id for session in sessions])
    result = []
    for session, ident in zip(sessions, ids, strict=True):
        tags = session.tags or post_tags
        title = title_line(session.title)
        text = session.text
        if title != session.title:  # text search reads the title as the body gives it
            text = text.searched_as(session.title)
        search = ""
        if session_text.EAGER:  # the reference for the lazy texts: made now, as before
            search = fold_for_search(session.title, session.description, tags, session.location)
        result.append(
            Session(  # built once, not copied
                ident,
                title,
                session.slots,
                tags,
                session.location,
                agenda=session.agenda,
                line=session.line,
                search_text=search,
                text=text,
            )
        )
    return tuple(result)
