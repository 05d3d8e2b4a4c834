"""The Filter value: what the user has narrowed the programme down to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

from calendar_tui.i18n import _
from calendar_tui.model.text import fold, search_fold


@dataclass(frozen=True, slots=True)
class Filter:
    include: frozenset[str] = frozenset()  # tag keys (text.tag_key)
    match_all: bool = False  # all of `include` rather than any of them
    exclude: frozenset[str] = frozenset()
    text: str = ""
    start: date | None = None
    end: date | None = None
    only: frozenset[str] | None = None  # session ids (the favourites); None: no restriction

    @property
    def is_empty(self) -> bool:
        return self == Filter(match_all=self.match_all)

    @property
    def folded_text(self) -> str:
        return " ".join(search_fold(self.text).split())

    def toggled_include(self, key: str) -> Filter:
        include = self.include ^ {key}
        return replace(self, include=include, exclude=self.exclude - {key})

    def toggled_exclude(self, key: str) -> Filter:
        exclude = self.exclude ^ {key}
        return replace(self, exclude=exclude, include=self.include - {key})

    def with_text(self, text: str) -> Filter:
        return replace(self, text=text)

    def with_match_all(self, match_all: bool) -> Filter:
        return replace(self, match_all=match_all)

    def with_range(self, start: date | None, end: date | None) -> Filter:
        return replace(self, start=start, end=end)

    def with_only(self, ids: frozenset[str] | None) -> Filter:
        return replace(self, only=ids)

    def cleared(self) -> Filter:
        return Filter(match_all=self.match_all)

    def describe(self, labels: Mapping[str, str]) -> str:
        """The active filters in words of the current language, '' when there are none."""

        def names(keys: frozenset[str]) -> list[str]:
            return sorted((labels.get(k, k) for k in keys), key=fold)

        parts = []
        if self.include:
            joiner = _(" and ") if self.match_all else _(" or ")
            parts.append(_("tags: {tags}").format(tags=joiner.join(names(self.include))))
        if self.exclude:
            parts.append(_("without: {tags}").format(tags=", ".join(names(self.exclude))))
        if self.text.strip():
            parts.append(_("search « {text} »").format(text=self.text.strip()))
        if self.start or self.end:
            start = self.start.strftime("%d/%m/%Y") if self.start else "…"
            end = self.end.strftime("%d/%m/%Y") if self.end else "…"
            parts.append(_("from {start} to {end}").format(start=start, end=end))
        if self.only is not None:
            parts.append(_("favourites"))
        return " · ".join(parts)
