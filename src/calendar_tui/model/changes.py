"""What changed in a programme between two versions of its posts: a pure function of two sets
of posts.

A session is "the same" in both versions by its stable id (post + title + first day); failing
that, by its post and the closeness of its title and time (a session both renamed and moved
keeps a close title; one renamed in place keeps its time). Each pair that differs says how:
moved (another day or time), retitled, re-tagged, relocated (another place).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher
from pathlib import PurePath

from calendar_tui.model.ids import post_key
from calendar_tui.model.text import tag_key
from calendar_tui.model.types import Post, Session

KINDS = ("added", "removed", "moved", "retitled", "retagged", "relocated")
CLOSE_TITLE = 0.8  # enough to pair a session moved to another day (and maybe retitled)
SAME_DAY_TITLE = 0.5  # enough on the same day
SAME_TIME_TITLE = 0.3  # enough at the very same time: a session renamed in place


@dataclass(frozen=True, slots=True)
class Entry:
    """A session with the post it comes from."""

    session: Session
    post: Post

    @property
    def post_key(self) -> str:
        return post_key(self.post.path)

    @property
    def post_name(self) -> str:
        return PurePath(self.post.path).name


@dataclass(frozen=True, slots=True)
class Change:
    kinds: tuple[str, ...]  # among KINDS, in that order
    old: Entry | None  # None: added
    new: Entry | None  # None: removed

    @property
    def entry(self) -> Entry:
        return self.new if self.new is not None else self.old  # type: ignore[return-value]

    @property
    def when(self) -> tuple[int, float, str]:
        """Sort key: the session's first start in the newer version, else the older one."""
        session = self.entry.session
        return (*_start_key(session), session.title)


def entries(posts: Iterable[Post]) -> list[Entry]:
    return [Entry(session, post) for post in posts for session in post.calendar_sessions]


def _start_key(session: Session) -> tuple[int, float]:
    if not session.slots:
        return (0, 0.0)
    start = session.slots[0].start
    if isinstance(start, datetime):
        return (start.date().toordinal(), start.timestamp())
    return (start.toordinal(), 0.0)


def _first_day(session: Session) -> date | None:
    if not session.slots:
        return None
    start = session.slots[0].start
    return start.date() if isinstance(start, datetime) else start


def _slots(session: Session) -> tuple:
    return tuple((s.start, s.end, s.all_day) for s in session.slots)


def _title_closeness(a: Session, b: Session) -> float:
    return SequenceMatcher(None, tag_key(a.title), tag_key(b.title), autojunk=False).ratio()


def _pair_score(old: Session, new: Session) -> float | None:
    """How alike two sessions of one post are; None when too unlike to be one session."""
    closeness = _title_closeness(old, new)
    same_time = bool(old.slots) and _slots(old)[:1] == _slots(new)[:1]
    same_day = _first_day(old) == _first_day(new)
    if closeness >= CLOSE_TITLE or (
        closeness >= SAME_DAY_TITLE and same_day or (closeness >= SAME_TIME_TITLE and same_time)
    ):
        return closeness + same_day + same_time
    return None


def how_changed(old: Session, new: Session) -> tuple[str, ...]:
    kinds = []
    if _slots(old) != _slots(new):
        kinds.append("moved")
    if " ".join(old.title.split()) != " ".join(new.title.split()):
        kinds.append("retitled")
    if {tag_key(t) for t in old.tags} != {tag_key(t) for t in new.tags}:
        kinds.append("retagged")
    if " ".join(old.location.split()) != " ".join(new.location.split()):
        kinds.append("relocated")
    return tuple(kinds)


def compare(old_posts: Sequence[Post], new_posts: Sequence[Post]) -> list[Change]:
    """Every session added, removed or changed from `old_posts` to `new_posts`, in time order."""
    old_entries, new_entries = entries(old_posts), entries(new_posts)
    pairs: list[tuple[Entry, Entry]] = []
    by_id: dict[str, list[Entry]] = {}
    for entry in old_entries:
        by_id.setdefault(entry.session.id, []).append(entry)
    unmatched_new: list[Entry] = []
    for entry in new_entries:
        same = by_id.get(entry.session.id)
        if same:
            pairs.append((same.pop(0), entry))
        else:
            unmatched_new.append(entry)
    unmatched_old = [e for group in by_id.values() for e in group]
    pairs.extend(_pair_by_likeness(unmatched_old, unmatched_new))
    paired_old = {id(old) for old, _ in pairs}
    paired_new = {id(new) for _, new in pairs}
    changes = [Change(("added",), None, e) for e in new_entries if id(e) not in paired_new]
    changes += [Change(("removed",), e, None) for e in old_entries if id(e) not in paired_old]
    for old, new in pairs:
        kinds = how_changed(old.session, new.session)
        if kinds:
            changes.append(Change(kinds, old, new))
    changes.sort(key=lambda c: (c.when, KINDS.index(c.kinds[0])))
    return changes


def _pair_by_likeness(olds: list[Entry], news: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Greedy: the most alike pair of one post first, until no pair is alike enough."""
    news_by_post: dict[str, list[int]] = {}
    for j, new in enumerate(news):
        news_by_post.setdefault(new.post_key, []).append(j)
    scored = []
    for i, old in enumerate(olds):
        for j in news_by_post.get(old.post_key, ()):
            score = _pair_score(old.session, news[j].session)
            if score is not None:
                scored.append((-score, i, j))
    scored.sort()
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((olds[i], news[j]))
    return pairs


def summary(changes: Iterable[Change]) -> dict[str, int]:
    counts = dict.fromkeys(KINDS, 0)
    for change in changes:
        for kind in change.kinds:
            counts[kind] += 1
    return counts
