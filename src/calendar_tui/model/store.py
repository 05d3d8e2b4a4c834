"""The in-memory event store: occurrences indexed by day and tag, queried with a Filter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from calendar_tui.model.filters import Filter
from calendar_tui.model.text import fold, tag_key
from calendar_tui.model.types import Diagnostic, Occurrence, Post, searchable_text

MAX_SPAN_DAYS = 400  # an all-day span is shown on at most this many days of the grid


@dataclass(frozen=True, slots=True)
class TagCount:
    key: str
    label: str
    count: int


class QueryResult:
    """Occurrences matching a Filter, in time order, with the counts the views need."""

    def __init__(
        self, occurrences: tuple[Occurrence, ...], day_lists: dict[date, list[Occurrence]]
    ) -> None:
        self.occurrences = occurrences
        self._day_lists = day_lists
        self.days: tuple[date, ...] = tuple(sorted(day_lists))
        self.day_counts: dict[date, int] = {day: len(items) for day, items in day_lists.items()}
        self.all_day_days: frozenset[date] = frozenset(
            day for day, items in day_lists.items() if any(o.all_day for o in items)
        )
        self.tag_counts: dict[str, int] = dict(
            Counter(tag_key(t) for o in occurrences for t in o.tags)
        )

    def on_day(self, day: date) -> tuple[Occurrence, ...]:
        return tuple(self._day_lists.get(day, ()))

    def __len__(self) -> int:
        return len(self.occurrences)


def _sort_key(occurrence: Occurrence) -> tuple:
    """By day, all-day spans first, then by start time, then by title."""
    if occurrence.all_day:
        return (occurrence.start.toordinal(), 0, 0.0, occurrence.session.title)
    start = occurrence.start
    return (start.date().toordinal(), 1, start.timestamp(), occurrence.session.title)


class EventStore:
    """Built once from loaded posts; immutable afterwards."""

    def __init__(
        self,
        posts: tuple[Post, ...],
        diagnostics: tuple[Diagnostic, ...],
        occurrences: tuple[Occurrence, ...],
        title: str,
    ) -> None:
        self.posts = posts
        self.diagnostics = diagnostics
        self.occurrences = occurrences
        self.title = title
        self._days = [_days(o) for o in occurrences]
        # Per session, not per occurrence: a session repeating on five days is folded once.
        per_session: dict[int, tuple[frozenset[str], str]] = {}
        spellings: Counter[tuple[str, str]] = Counter()
        counts: Counter[str] = Counter()
        self._by_tag: dict[str, list[int]] = {}
        self._tag_keys: list[frozenset[str]] = []
        self._search_text: list[str] = []
        for index, occurrence in enumerate(occurrences):
            session = occurrence.session
            known = per_session.get(id(session))
            if known is None:
                search = session.search_text or searchable_text(session)
                known = per_session[id(session)] = (frozenset(map(tag_key, session.tags)), search)
            keys, search = known
            self._tag_keys.append(keys)
            self._search_text.append(search)
            for tag in session.tags:
                spellings[tag_key(tag), " ".join(tag.split())] += 1
            for key in keys:
                counts[key] += 1
                self._by_tag.setdefault(key, []).append(index)
        # A tag displays in its most frequent spelling, capitalised on a tie ("Webinaire", not "webinaire ").
        self._labels: dict[str, str] = {}
        ranked = sorted(spellings.items(), key=lambda kv: (-kv[1], not kv[0][1][:1].isupper()))
        for (key, spelling), _ in ranked:
            self._labels.setdefault(key, spelling)
        self._tags = tuple(
            TagCount(key, self._labels[key], count)
            for key, count in sorted(
                counts.items(), key=lambda kv: (-kv[1], fold(self._labels[kv[0]]))
            )
        )

    @classmethod
    def from_posts(
        cls, posts: Sequence[Post], diagnostics: Sequence[Diagnostic] = (), title: str = ""
    ) -> EventStore:
        occurrences = [
            Occurrence(session, post, slot.start, slot.end, slot.all_day)
            for post in posts
            for session in post.calendar_sessions
            for slot in session.slots
        ]
        occurrences.sort(key=_sort_key)
        return cls(tuple(posts), tuple(diagnostics), tuple(occurrences), title or "calendar-tui")

    def tags(self) -> tuple[TagCount, ...]:
        """Every tag with its number of occurrences, most frequent first."""
        return self._tags

    def label(self, key: str) -> str:
        return self._labels.get(key, key)

    @property
    def labels(self) -> dict[str, str]:
        return dict(self._labels)

    @property
    def days(self) -> tuple[date, ...]:
        return self.query(Filter()).days

    def query(self, flt: Filter) -> QueryResult:
        candidates = self._tag_candidates(flt)
        words = flt.folded_text.split()
        matched: list[Occurrence] = []
        day_lists: dict[date, list[Occurrence]] = {}
        for index in candidates:
            occurrence = self.occurrences[index]
            if flt.exclude and self._tag_keys[index] & flt.exclude:
                continue
            if words and not all(word in self._search_text[index] for word in words):
                continue
            if flt.only is not None and occurrence.session.id not in flt.only:
                continue
            days = self._days[index]
            if flt.start or flt.end:
                days = [
                    d
                    for d in days
                    if (not flt.start or d >= flt.start) and (not flt.end or d <= flt.end)
                ]
                if not days:
                    continue
            matched.append(occurrence)
            for day in days:
                day_lists.setdefault(day, []).append(occurrence)
        return QueryResult(tuple(matched), day_lists)

    def _tag_candidates(self, flt: Filter) -> list[int]:
        if not flt.include:
            return list(range(len(self.occurrences)))
        postings = [set(self._by_tag.get(key, ())) for key in flt.include]
        chosen = set.intersection(*postings) if flt.match_all else set.union(*postings)
        return sorted(chosen)


def _days(occurrence: Occurrence) -> list[date]:
    """The days an occurrence shows on (a span on at most MAX_SPAN_DAYS of them)."""
    if not occurrence.all_day and (
        occurrence.end is None or occurrence.end.date() == occurrence.start.date()
    ):
        return [occurrence.start.date()]  # the common case, without building a range
    return occurrence.days(limit=MAX_SPAN_DAYS)
