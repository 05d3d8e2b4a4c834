"""The post cache's file format: typed msgspec records mirroring the model's Posts.

The file is a run of frames, each a 4-byte big-endian length and one MessagePack record: a
Header, its count of Entry frames (one post each), then at most one StoreRecord. Frames are read
and decoded one at a time, so the whole file is never in memory beside what it decodes to.
Decoding builds these records and nothing else, and checks every field's type on the way;
`to_post` then turns an entry back into a Post. Moments are ISO strings with their zone's IANA
name beside them (MessagePack timestamps would lose the zone), dates are 10-character strings.
`StoreRecord` keeps the store's index (store_index.py) with the posts it was built from.
Bump FORMAT_VERSION whenever a record changes shape.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

import msgspec

from calendar_tui.model.session_text import SessionText
from calendar_tui.model.store_index import StoreIndex, TagCount
from calendar_tui.model.types import AgendaItem, Diagnostic, Link, Post, Session, Slot

FORMAT_VERSION = 5
# The files a store's posts came from, in the posts' order: their paths as named, their
# resolved paths and their keys (five integers each, one after the other).
Sources = tuple[list[str], list[str], list[int]]


class _Slot(msgspec.Struct, array_like=True, frozen=True):  # hashable: see _to_slot
    start: str
    start_zone: str
    end: str | None
    end_zone: str
    all_day: bool


class _Session(msgspec.Struct, array_like=True):
    id: str
    title: str
    slots: list[_Slot]
    tags: tuple[str, ...]
    location: str
    # What its description and links are made from when read (session_text.SessionText):
    # the Markdown, until both are made and kept below (then None: what they were made from
    # is no longer needed).
    source: bytes | None
    skip: Annotated[int, msgspec.Meta(ge=0)]
    chapeau: str
    links_before: tuple[
        Link, ...
    ]  # the model's small dataclasses, decoded (and checked) by msgspec
    links_after: tuple[Link, ...]
    search_title: str | None
    agenda: tuple[AgendaItem, ...]
    line: int
    # The texts once made (by a run that read them), so that they are made once per version
    # of the post: kept as bytes, checked when first read (kept_texts.py).
    description: bytes | None
    links: bytes | None
    search: bytes | None


class PostRecord(msgspec.Struct, array_like=True):
    path: str
    title: str
    published: bool
    publication_date: date | None
    event: _Session | None
    sessions: list[_Session]
    tags: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


class Header(msgspec.Struct, array_like=True):
    version: int
    fingerprint: str
    entries: int  # how many Entry frames follow; a StoreRecord frame may come after them


class Entry(msgspec.Struct, array_like=True):
    key_path: str
    key: list[int]
    post: PostRecord


class StoreRecord(msgspec.Struct, array_like=True):
    paths: list[str]
    key_paths: list[str]
    keys: list[int]
    order: list[int]
    by_tag: dict[str, list[int]]
    labels: dict[str, str]
    tags: list[tuple[str, str, int]]
    day_index: dict[int, list[int]]  # by the day's ordinal
    all_day_index: dict[int, list[int]]


class _Unsupported(Exception):
    """A value the format cannot carry faithfully (a tzinfo that is not an IANA zone)."""


# Post -> record ---------------------------------------------------------------------------


def from_post(post: Post) -> PostRecord | None:
    try:
        return PostRecord(
            post.path,
            post.title,
            post.published,
            post.publication_date,
            _from_session(post.event) if post.event is not None else None,
            [_from_session(s) for s in post.sessions],
            post.tags,
            # A date problem's sentence is a str subclass carrying its code (model.problem):
            # the record keeps the plain sentence, the code is its own field.
            tuple(replace(d, message=str(d.message)) for d in post.diagnostics),
        )
    except _Unsupported:
        return None


def _from_session(session: Session) -> _Session:
    """The session's record, with the texts made or kept so far (its text is no longer
    `fresh`: the record holds them). Once the description and the links are kept, what they
    are made from is not."""
    text = session.text
    if text.source is None and not text.cached:
        raise _Unsupported("a description given as it is, not made from Markdown")
    description, links, search = text.made_texts(session.search_made)
    text.fresh = False
    if description is not None and links is not None:
        sources = (None, 0, "", (), ())
    else:
        sources = (text.source, text.skip, text.chapeau, text.links_before, text.links_after)
    return _Session(
        session.id,
        session.title,
        [_from_slot(slot) for slot in session.slots],
        session.tags,
        session.location,
        *sources,
        text.search_title,
        session.agenda,
        session.line,
        description,
        links,
        search,
    )


def _from_slot(slot: Slot) -> _Slot:
    start, start_zone = _from_moment(slot.start)
    end, end_zone = _from_moment(slot.end) if slot.end is not None else (None, "")
    return _Slot(start, start_zone, end, end_zone, slot.all_day)


def _from_moment(value: date) -> tuple[str, str]:
    if not isinstance(value, datetime):
        return value.isoformat(), ""
    zone = value.tzinfo
    if zone is None or zone.utcoffset(value) is None:
        raise _Unsupported("a naive moment")
    if isinstance(zone, ZoneInfo) and zone.key:
        return value.isoformat(), zone.key
    if value.utcoffset() == zone.utcoffset(None):  # a fixed offset: the ISO string says it all
        return value.isoformat(), ""
    raise _Unsupported(f"the time zone {zone!r}")


# record -> Post ---------------------------------------------------------------------------


def to_post(record: PostRecord, shown: str) -> Post:
    """The Post, with `shown` (the path as named this time) wherever the cached path was."""

    diagnostics = record.diagnostics
    if shown != record.path:
        diagnostics = tuple(
            replace(d, path=shown) if d.path == record.path else d for d in diagnostics
        )
    return Post(
        shown,
        record.title,
        record.published,
        record.publication_date,
        _to_session(record.event) if record.event is not None else None,
        tuple(map(_to_session, record.sessions)),
        record.tags,
        diagnostics,
    )


def _to_session(record: _Session) -> Session:
    text = SessionText(
        record.source,
        record.skip,
        record.chapeau,
        record.links_before,
        record.links_after,
        record.search_title,
        kept=(record.description, record.links, record.search),
    )
    slots = tuple([_SLOTS.get(slot) or _to_slot(slot) for slot in record.slots])
    values = (record.id, record.title, slots, record.tags, record.location)
    return Session(*values, "", (), record.agenda, record.line, "", text)  # positional: faster


# The same slot read before (sessions of one day, a series' posts), given again: one immutable
# Slot shared, made once (parsing datetimes is most of a warm load's work).
_SLOTS: dict[_Slot, Slot] = {}
_MAX_SHARED_SLOTS = 200_000


def _to_slot(record: _Slot) -> Slot:
    if len(_SLOTS) >= _MAX_SHARED_SLOTS:
        _SLOTS.clear()
    slot = _SLOTS[record] = _new_slot(record)
    return slot


def _new_slot(record: _Slot) -> Slot:
    start, end = record.start, record.end
    start = date.fromisoformat(start) if len(start) == 10 else _aware(start, record.start_zone)
    if end is not None:
        end = date.fromisoformat(end) if len(end) == 10 else _aware(end, record.end_zone)
    return Slot(start, end, record.all_day)


_ZONES: dict[str, ZoneInfo] = {}


def _aware(text: str, zone: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a naive moment")
    if not zone:
        return moment
    tz = _ZONES.get(zone)
    if tz is None:
        tz = _ZONES[zone] = ZoneInfo(zone)  # raises for a name that is no zone
    return moment.astimezone(tz)


# store index <-> record ---------------------------------------------------------------------


def from_index(sources: Sources, index: StoreIndex) -> StoreRecord:
    paths, key_paths, keys = sources
    return StoreRecord(
        paths,
        key_paths,
        keys,
        index.order,
        index.by_tag,
        index.labels,
        [(tag.key, tag.label, tag.count) for tag in index.tags],
        {day.toordinal(): indices for day, indices in index.day_index.items()},
        {day.toordinal(): indices for day, indices in index.all_day_index.items()},
    )


def to_index(record: StoreRecord, sources: Sources) -> StoreIndex | None:
    """The index, when `record` was built from the same posts of the same files (else None)."""
    paths, key_paths, keys = sources
    if record.keys != keys or record.key_paths != key_paths or record.paths != paths:
        return None
    try:
        day_index = {date.fromordinal(day): v for day, v in record.day_index.items()}
        all_day_index = {date.fromordinal(day): v for day, v in record.all_day_index.items()}
    except (ValueError, OverflowError):
        return None
    tags = tuple(TagCount(key, label, count) for key, label, count in record.tags)
    return StoreIndex(record.order, record.by_tag, record.labels, tags, day_index, all_day_index)
