"""Keeping stars across an author's edit: a starred session id that no longer exists is matched
to the session it has become.

Session ids are made from the post's file name, the session's title and its first day (ids.py),
so fixing a typo in a title gives the session a new id. A star remembers the title and start
of the session it was put on (`Remembered`, kept in the favourites file); a starred id missing
from the store is matched, among the sessions of the same post, to the one with the same start,
else to the one with the nearest title. A post with a single session matches it even with
nothing remembered. What matches nothing is reported as gone, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from calendar_tui.model.text import tag_key

if TYPE_CHECKING:
    from calendar_tui.model.store import EventStore
    from calendar_tui.model.types import Session

NEAR_TITLE = 0.75  # similarity a fixed title keeps with its typo (SequenceMatcher ratio)


@dataclass(frozen=True, slots=True)
class Remembered:
    """What a star knew of its session: its title and first start (ISO text)."""

    title: str
    start: str


@dataclass(frozen=True, slots=True)
class Migration:
    moved: dict[str, str]  # old id -> the id of the session it has become
    gone: tuple[str, ...]  # starred ids that match no session any more


def remembered(session: Session) -> Remembered:
    start = session.slots[0].start.isoformat() if session.slots else ""
    return Remembered(session.title, start)


def sessions_by_id(store: EventStore) -> dict[str, Session]:
    return {session.id: session for post in store.posts for session in post.calendar_sessions}


def migrate(
    starred: Iterable[str],
    store: EventStore,
    memory: Mapping[str, Remembered] | None = None,
) -> Migration:
    """Pure: which starred ids moved to which session, and which are gone."""
    memory = memory or {}
    known = sessions_by_id(store)
    by_post: dict[str, list[Session]] = {}
    for ident, session in known.items():
        by_post.setdefault(ident.split("/", 1)[0], []).append(session)
    starred = set(starred)
    moved: dict[str, str] = {}
    gone: list[str] = []
    for old in sorted(starred - known.keys()):
        of_post = by_post.get(old.split("/", 1)[0], [])
        taken = starred | set(moved.values())
        match = _match([s for s in of_post if s.id not in taken], memory.get(old), len(of_post))
        if match is None:
            gone.append(old)
        else:
            moved[old] = match.id
    return Migration(moved, tuple(gone))


def _match(candidates: list[Session], memo: Remembered | None, in_post: int) -> Session | None:
    if memo is None:  # only a post's one and only session can be told without a memory
        return candidates[0] if len(candidates) == 1 and in_post == 1 else None
    same_start = [s for s in candidates if memo.start and remembered(s).start == memo.start]
    if len(same_start) == 1:
        return same_start[0]
    pool = same_start or candidates
    scored = [
        (SequenceMatcher(None, tag_key(memo.title), tag_key(s.title)).ratio(), s) for s in pool
    ]
    scored = [pair for pair in scored if pair[0] >= NEAR_TITLE]
    if not scored:
        return None
    scored.sort(key=lambda pair: -pair[0])
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None  # two sessions as near: do not guess
    return scored[0][1]
