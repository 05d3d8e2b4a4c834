"""The in-memory event store: occurrences indexed by day and tag, queried with a Filter."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from calendar_tui.model.filters import Filter
from calendar_tui.model.store_index import (
    MAX_SPAN_DAYS,
    StoreIndex,
    TagCount,
    build_index,
    occurrence_days,
    unsorted_occurrences,
)
from calendar_tui.model.text import tag_key
from calendar_tui.model.types import Diagnostic, Occurrence, Post

__all__ = ["MAX_SPAN_DAYS", "EventStore", "QueryResult", "TagCount"]


class QueryResult:
    """Occurrences matching a Filter, in time order, with the counts the views need.

    Computed lazily from the set of matching occurrence indices: a filter keystroke only pays
    for what the screen shows (the month's counts, the day's list), not for every day. With a
    text search, even that set waits until something needs it (the list of days, the count):
    the days on screen test their own occurrences' text, so a search keystroke does not read
    the text of every occurrence.
    """

    def __init__(
        self,
        store: EventStore,
        matched: frozenset[int] | None,  # None: every occurrence
        start: date | None = None,
        end: date | None = None,
        *,
        words: tuple[str, ...] = (),  # folded search words, each in every match's text
    ) -> None:
        self._store = store
        # Until `_matched` is asked for: the words, and `matched` is what they narrow.
        self._words = words
        self._matched_value = matched
        self._start = start
        self._end = end
        self.day_counts: Mapping[date, int] = _DayCounts(self)
        self._all_day_days: frozenset[date] | None = None
        self._days: tuple[date, ...] | None = None
        self._occurrences: tuple[Occurrence, ...] | None = None
        self._tag_counts: dict[str, int] | None = None
        self._any: bool | None = None  # whether anything matches, while words are pending

    @property
    def _matched(self) -> frozenset[int] | None:
        if self._words:
            self._matched_value = self._store._text_match(self._words, self._matched_value)
            self._words = ()
        return self._matched_value

    def _keeps(self, indices: Iterable[int]) -> Iterator[int]:
        """The indices among `indices` that match (with words pending: their text is read)."""
        matched = self._matched_value
        words = self._words
        if not words:
            return iter(indices) if matched is None else (i for i in indices if i in matched)
        texts = self._store._search_text
        return (
            i
            for i in indices
            if (matched is None or i in matched) and all(word in texts[i] for word in words)
        )

    def _in_range(self, day: date) -> bool:
        return (self._start is None or day >= self._start) and (
            self._end is None or day <= self._end
        )

    def _indices_on(self, day: date) -> list[int]:
        if (self._start or self._end) and not self._in_range(day):
            return []
        return list(self._keeps(self._store._day_index.get(day, ())))

    def on_day(self, day: date) -> tuple[Occurrence, ...]:
        occurrences = self._store.occurrences
        return tuple(occurrences[i] for i in self._indices_on(day))

    def count_on(self, day: date) -> int:
        return len(self._indices_on(day))

    @property
    def days(self) -> tuple[date, ...]:
        if self._days is None:
            matched = self._matched
            self._days = tuple(
                day
                for day, indices in sorted(self._store._day_index.items())
                if self._in_range(day) and (matched is None or not matched.isdisjoint(indices))
            )
        return self._days

    @property
    def all_day_days(self) -> frozenset[date]:
        if self._all_day_days is None:
            self._all_day_days = frozenset(
                day
                for day, indices in self._store._all_day_index.items()
                if self._in_range(day) and any(True for _ in self._keeps(indices))
            )
        return self._all_day_days

    @property
    def occurrences(self) -> tuple[Occurrence, ...]:
        if self._occurrences is None:
            occurrences = self._store.occurrences
            if self._matched is None:
                self._occurrences = occurrences
            else:
                self._occurrences = tuple(occurrences[i] for i in sorted(self._matched))
        return self._occurrences

    @property
    def tag_counts(self) -> dict[str, int]:
        if self._tag_counts is None:
            self._tag_counts = dict(Counter(tag_key(t) for o in self.occurrences for t in o.tags))
        return self._tag_counts

    def __len__(self) -> int:
        matched = self._matched
        if matched is None:
            return len(self._store.occurrences)
        return len(matched)

    def __bool__(self) -> bool:
        # Whether anything matches, without counting everything while words are pending.
        if not self._words:
            return len(self) > 0
        if self._any is None:  # asked several times per keystroke (screen, footer checks)
            self._any = self._store._any_text_match(self._words, self._matched_value)
            if not self._any:  # nothing matches: the full answer is known
                self._matched_value, self._words = frozenset(), ()
        return self._any


class _DayCounts(Mapping[date, int]):
    """Day -> number of matching occurrences, for days that have some; counted when asked."""

    def __init__(self, result: QueryResult) -> None:
        self._result = result
        self._cache: dict[date, int] = {}

    def __getitem__(self, day: date) -> int:
        count = self._cache.get(day)
        if count is None:
            count = self._cache[day] = self._result.count_on(day)
        if not count:
            raise KeyError(day)
        return count

    def __iter__(self) -> Iterator[date]:
        return iter(self._result.days)

    def __len__(self) -> int:
        return len(self._result.days)

    def __repr__(self) -> str:
        return f"DayCounts({dict(self)!r})"


class EventStore:
    """Built once from loaded posts; immutable afterwards."""

    def __init__(
        self,
        posts: tuple[Post, ...],
        diagnostics: tuple[Diagnostic, ...],
        occurrences: tuple[Occurrence, ...],
        title: str,
        index: StoreIndex,
    ) -> None:
        self.posts = posts
        self.diagnostics = diagnostics
        self.occurrences = occurrences
        self.title = title
        self.index = index
        self._occurrence_days: list[list[date]] | None = None
        self._texts: list[str] | None = None
        self._by_tag = index.by_tag
        self._labels = index.labels
        self._tags = index.tags
        # For queries: occurrences by tag and by day (in time order), the days an all-day
        # occurrence covers, and the last results (filters are often toggled back and forth).
        self._all = frozenset(range(len(occurrences)))
        self._tag_sets = {key: frozenset(indices) for key, indices in self._by_tag.items()}
        self._day_index = index.day_index
        self._all_day_index = index.all_day_index
        self._results: dict[Filter, QueryResult] = {}
        self._text_results: dict[tuple[str, ...], frozenset[int]] = {}
        self._joined: tuple[str, list[int]] | None = None

    @classmethod
    def from_posts(
        cls,
        posts: Sequence[Post],
        diagnostics: Sequence[Diagnostic] = (),
        title: str = "",
        index: StoreIndex | None = None,
    ) -> EventStore:
        """The store of `posts`; `index`, when given (read from the cache), is used if it fits
        them, and built otherwise."""
        unsorted = unsorted_occurrences(posts)
        if index is None or not index.fits(len(unsorted)):
            index = build_index(unsorted)
        occurrences = tuple(unsorted[i] for i in index.order)
        return cls(tuple(posts), tuple(diagnostics), occurrences, title or "calendar-tui", index)

    @property
    def _days(self) -> list[list[date]]:
        """The days each occurrence shows on, made for the first date filter."""
        if self._occurrence_days is None:
            self._occurrence_days = [occurrence_days(o) for o in self.occurrences]
        return self._occurrence_days

    @property
    def _search_text(self) -> list[str]:
        """Each occurrence's folded search text, made on the first text search: each session
        folds its own once (a session repeating on five days too), its description made then."""
        if self._texts is None:
            self._texts = [occurrence.session.search_text for occurrence in self.occurrences]
        return self._texts

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
        result = self._results.get(flt)
        if result is None:
            words = tuple(flt.folded_text.split())
            if words:
                # Tags, favourites and dates now (cached: the same while the user types), the
                # words when something reads them: see QueryResult.
                within = self.query(replace(flt, text=""))._matched
                result = QueryResult(self, within, flt.start, flt.end, words=words)
            else:
                result = QueryResult(self, self._match(flt), flt.start, flt.end)
            if len(self._results) >= 8:
                self._results.pop(next(iter(self._results)))
            self._results[flt] = result
        return result

    def _match(self, flt: Filter) -> frozenset[int] | None:
        """Indices of the occurrences `flt` keeps; None when it keeps them all."""
        matched: set[int] | frozenset[int] | None = None
        if flt.include:
            postings = [self._tag_sets.get(key, frozenset()) for key in flt.include]
            if flt.match_all:
                matched = frozenset.intersection(*postings)
            else:
                matched = frozenset().union(*postings)
        if flt.exclude:
            excluded = frozenset().union(*(self._tag_sets.get(key, ()) for key in flt.exclude))
            matched = (matched if matched is not None else self._all) - excluded
        words = tuple(flt.folded_text.split())
        if words:
            matched = self._text_match(words, matched)
        if flt.only is not None:
            only = flt.only
            occurrences = self.occurrences
            candidates = matched if matched is not None else self._all
            matched = {i for i in candidates if occurrences[i].session.id in only}
        if flt.start or flt.end:
            start, end, days = flt.start, flt.end, self._days
            candidates = matched if matched is not None else self._all
            matched = {
                i
                for i in candidates
                if any((not start or d >= start) and (not end or d <= end) for d in days[i])
            }
        return None if matched is None else frozenset(matched)

    def prepare_search(self) -> None:
        """Makes now what the first text search would otherwise make (every description, made
        from its Markdown, folded: seconds for 10,000 posts): the app calls it in a worker once
        its first frame is drawn."""
        self._joined_text()

    def _joined_text(self) -> tuple[str, list[int]]:
        """Every occurrence's search text in one string, and where each one starts: one scan
        in C finds a word anywhere (a word missing everywhere costs one pass, not one Python
        step per occurrence). Made on the first search."""
        if self._joined is None:
            starts, position = [], 0
            for text in self._search_text:
                starts.append(position)
                position += len(text) + 1
            self._joined = ("\n".join(self._search_text), starts)
        return self._joined

    def _any_text_match(
        self, words: tuple[str, ...], within: set[int] | frozenset[int] | None
    ) -> bool:
        """Whether an occurrence in `within` (None: any) holds every word: found from the
        places of the longest word, so the first match or a miss everywhere comes at once."""
        joined, starts = self._joined_text()
        texts = self._search_text
        rarest = max(words, key=len)  # search words hold no spaces, nor newlines
        position = joined.find(rarest)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            if (within is None or index in within) and all(word in texts[index] for word in words):
                return True
            if index + 1 >= len(starts):
                return False
            position = joined.find(rarest, starts[index + 1])
        return False

    def _text_match(
        self, words: tuple[str, ...], within: set[int] | frozenset[int] | None
    ) -> frozenset[int]:
        # Typing narrows a search: when every word of an earlier search lies inside a word of
        # this one, only what the earlier one matched can match now.
        found: frozenset[int] | None = None
        for earlier, earlier_found in reversed(self._text_results.items()):
            if all(any(old in new for new in words) for old in earlier):
                found = earlier_found
                break
        texts = self._search_text
        candidates = sorted(found) if found is not None else range(len(texts))
        if found is None and not self._any_text_match(words, None):
            candidates = []  # a word found nowhere: no need to test each occurrence
        for word in words:
            candidates = [i for i in candidates if word in texts[i]]
        found = frozenset(candidates)
        if len(self._text_results) >= 8:
            self._text_results.pop(next(iter(self._text_results)))
        self._text_results[words] = found
        return found if within is None else found & within
