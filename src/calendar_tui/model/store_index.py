"""The store's indexes over its occurrences: their time order, tags and days.

They depend on the posts alone, so the post cache keeps them beside the posts (`cache.py`): a
warm load of an unchanged collection takes them from there instead of folding every tag of
every occurrence and sorting them again (most of building a store of 10,000 posts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from calendar_tui.model.text import fold, tag_key
from calendar_tui.model.types import Occurrence, Post

MAX_SPAN_DAYS = 400  # an all-day span is shown on at most this many days of the grid


@dataclass(frozen=True, slots=True)
class TagCount:
    key: str
    label: str
    count: int


class StoreIndex:
    """A plain class: a dataclass costs more to create at import than `list` spends loading."""

    __slots__ = ("order", "by_tag", "labels", "tags", "day_index", "all_day_index")

    def __init__(
        self,
        order: list[int],  # occurrence i is the order[i]-th of `unsorted_occurrences(posts)`
        by_tag: dict[str, list[int]],  # tag key -> occurrences, in time order
        labels: dict[str, str],  # tag key -> its most frequent spelling
        tags: tuple[TagCount, ...],  # most frequent first
        day_index: dict[date, list[int]],  # day -> the occurrences shown on it, in time order
        all_day_index: dict[date, list[int]],  # the same, all-day occurrences only
    ) -> None:
        self.order = order
        self.by_tag = by_tag
        self.labels = labels
        self.tags = tags
        self.day_index = day_index
        self.all_day_index = all_day_index

    def fits(self, count: int) -> bool:
        """Whether every index lies among `count` occurrences and `order` names each once (an
        index read from the cache file is checked before use: anything else is rebuilt)."""
        if len(self.order) != count or len(set(self.order)) != count:
            return False
        if count and (min(self.order) < 0 or max(self.order) >= count):
            return False
        for lists in (self.by_tag.values(), self.day_index.values(), self.all_day_index.values()):
            for indices in lists:
                if indices and (min(indices) < 0 or max(indices) >= count):
                    return False
        return all(key in self.labels for key in self.by_tag)


def unsorted_occurrences(posts: Sequence[Post]) -> list[Occurrence]:
    return [
        Occurrence(session, post, slot.start, slot.end, slot.all_day)
        for post in posts
        for session in post.calendar_sessions
        for slot in session.slots
    ]


def sort_key(occurrence: Occurrence) -> tuple:
    """By day, all-day spans first, then by start time, then by title."""
    if occurrence.all_day:
        return (occurrence.start.toordinal(), 0, 0.0, occurrence.session.title)
    start = occurrence.start
    return (start.date().toordinal(), 1, start.timestamp(), occurrence.session.title)


def occurrence_days(occurrence: Occurrence) -> list[date]:
    """The days an occurrence shows on (a span on at most MAX_SPAN_DAYS of them)."""
    if not occurrence.all_day and (
        occurrence.end is None or occurrence.end.date() == occurrence.start.date()
    ):
        return [occurrence.start.date()]  # the common case, without building a range
    return occurrence.days(limit=MAX_SPAN_DAYS)


def build_index(unsorted: Sequence[Occurrence]) -> StoreIndex:
    """The index of `unsorted` (as `unsorted_occurrences` gives them)."""
    keys = [sort_key(o) for o in unsorted]
    order = sorted(range(len(unsorted)), key=keys.__getitem__)  # stable, as list.sort is
    occurrences = [unsorted[i] for i in order]
    # Per session, not per occurrence: a session repeating on five days is folded once.
    per_session: dict[int, frozenset[str]] = {}
    spellings: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    by_tag: dict[str, list[int]] = {}
    for index, occurrence in enumerate(occurrences):
        session = occurrence.session
        keys_of = per_session.get(id(session))
        if keys_of is None:
            keys_of = per_session[id(session)] = frozenset(map(tag_key, session.tags))
        for tag in session.tags:
            spellings[tag_key(tag), " ".join(tag.split())] += 1
        for key in keys_of:
            counts[key] += 1
            by_tag.setdefault(key, []).append(index)
    # A tag displays in its most frequent spelling, capitalised on a tie ("Webinaire", not "webinaire ").
    labels: dict[str, str] = {}
    ranked = sorted(spellings.items(), key=lambda kv: (-kv[1], not kv[0][1][:1].isupper()))
    for (key, spelling), _ in ranked:
        labels.setdefault(key, spelling)
    tags = tuple(
        TagCount(key, labels[key], count)
        for key, count in sorted(counts.items(), key=lambda kv: (-kv[1], fold(labels[kv[0]])))
    )
    day_index: dict[date, list[int]] = {}
    all_day_index: dict[date, list[int]] = {}
    for index, occurrence in enumerate(occurrences):
        for day in occurrence_days(occurrence):
            day_index.setdefault(day, []).append(index)
            if occurrence.all_day:
                all_day_index.setdefault(day, []).append(index)
    return StoreIndex(order, by_tag, labels, tags, day_index, all_day_index)
