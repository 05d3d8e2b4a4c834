"""Filter expressions against occurrences, and the Filter value read as an expression and back.

Matching follows the store's Filter exactly (a property test holds them together): tags compare
by `tag_key`, words by `search_fold` in the session's search text, dates by the days an
occurrence shows on, favourites by session id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from functools import lru_cache

from calendar_tui.model.filter_expr import (
    And,
    Dates,
    Favourites,
    Node,
    Not,
    Or,
    Place,
    Tag,
    Title,
    Words,
    parse,
)
from calendar_tui.model.filter_tokens import RESERVED
from calendar_tui.model.filters import Filter
from calendar_tui.model.store import MAX_SPAN_DAYS
from calendar_tui.model.text import fold, search_fold, tag_key
from calendar_tui.model.types import Occurrence

Test = Callable[[Occurrence], bool]


@lru_cache(maxsize=65536)
def _folded(value: str) -> str:
    """Places and titles repeat across occurrences (a session on five days, "En ligne")."""
    return " ".join(search_fold(value).split())


@lru_cache(maxsize=65536)
def _keys_of(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(tag_key, tags))


def _search_text(occurrence: Occurrence) -> str:
    return occurrence.session.search_text


def _overlaps(occurrence: Occurrence, start: date | None, end: date | None) -> bool:
    first = occurrence.first_day
    last = min(occurrence.last_day, first + timedelta(days=MAX_SPAN_DAYS - 1))
    if start is not None and end is not None and start > end:
        return False  # as the store: no day is both after start and before end
    return (start is None or last >= start) and (end is None or first <= end)


def compile_expr(node: Node, favourites: frozenset[str] = frozenset()) -> Test:
    """A test for one occurrence; `favourites` are the starred session ids."""
    if isinstance(node, Tag):
        key = node.key
        return lambda o: key in _keys_of(o.session.tags)
    if isinstance(node, Words):
        needle = node.folded
        if " " not in needle:
            return lambda o: needle in _search_text(o)
        return lambda o: needle in " ".join(_search_text(o).split())
    if isinstance(node, Place):
        needle = node.folded
        return lambda o: needle in _folded(o.session.location)
    if isinstance(node, Title):
        needle = node.folded
        return lambda o: needle in _folded(o.session.title)
    if isinstance(node, Dates):
        start, end = node.start, node.end
        return lambda o: _overlaps(o, start, end)
    if isinstance(node, Favourites):
        return lambda o: o.session.id in favourites
    if isinstance(node, Not):
        inner = compile_expr(node.item, favourites)
        return lambda o: not inner(o)
    tests = [compile_expr(item, favourites) for item in node.items]
    if isinstance(node, And):
        return lambda o: all(test(o) for test in tests)
    return lambda o: any(test(o) for test in tests)


def select(
    occurrences: Iterable[Occurrence], node: Node, favourites: frozenset[str] = frozenset()
) -> tuple[Occurrence, ...]:
    """The occurrences the expression keeps, in the order given."""
    test = compile_expr(node, favourites)
    return tuple(o for o in occurrences if test(o))


# -- Filter <-> expression -------------------------------------------------------------------

_SPECIAL = frozenset('()"«“:\\')


def quote(value: str) -> str:
    """`value` as one term: bare when it reads back as itself, else in double quotes."""
    bare = (
        value
        and not any(c.isspace() or c in _SPECIAL for c in value)
        and fold(value) not in RESERVED
    )
    if bare:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tag(label: str) -> str:
    return "tag:" + quote(label)


def _day(value: date) -> str:
    return value.isoformat()


def filter_to_expr(flt: Filter, labels: Mapping[str, str] | None = None) -> str:
    """The Filter as an expression ('' for no filter); `labels` spell the tag keys."""
    labels = labels or {}

    def tags(keys: frozenset[str]) -> list[str]:
        return [_tag(labels.get(k, k)) for k in sorted(keys, key=lambda k: fold(labels.get(k, k)))]

    parts: list[str] = []
    if flt.include:
        included = tags(flt.include)
        joined = (" et " if flt.match_all else " ou ").join(included)
        grouped = len(included) > 1 and not flt.match_all
        parts.append(f"({joined})" if grouped else joined)
    parts.extend(quote(word) for word in flt.text.split())
    if flt.start is not None or flt.end is not None:
        if flt.start == flt.end:
            parts.append(f"date:{_day(flt.start)}")
        else:
            start = _day(flt.start) if flt.start else ""
            end = _day(flt.end) if flt.end else ""
            parts.append(f"date:{start}..{end}")
    if flt.only is not None:
        parts.append("favoris")
    expression = " et ".join(parts)
    if flt.exclude:
        excluded = tags(flt.exclude)
        if expression:
            rest = excluded[0] if len(excluded) == 1 else "(" + " ou ".join(excluded) + ")"
            expression += " sauf " + rest
        else:
            expression = " et ".join("non " + tag for tag in excluded)
    if expression.startswith("(") and len(parts) == 1 and not flt.exclude:
        expression = expression[1:-1]
    return expression


def expr_to_filter(
    expression: str | Node,
    *,
    favourites: frozenset[str] = frozenset(),
    match_all: bool = False,
) -> Filter | None:
    """The Filter an expression means, or None when the tag picker and the search box cannot
    show it (a phrase, a place, `ou` between other things than tags...). `match_all` is kept
    when the expression does not say (fewer than two tags). ExprError for a malformed text;
    a blank text is no filter, as `filter_to_expr` writes it."""
    if isinstance(expression, str) and not expression.strip():
        return Filter(match_all=match_all)
    node = parse(expression) if isinstance(expression, str) else expression
    conjuncts = node.items if isinstance(node, And) else (node,)
    include: set[str] = set()
    any_group: frozenset[str] | None = None
    exclude: set[str] = set()
    text: list[str] = []
    dates: Dates | None = None
    only: frozenset[str] | None = None
    for item in conjuncts:
        if isinstance(item, Tag):
            include.add(item.key)
        elif isinstance(item, Or) and all(isinstance(i, Tag) for i in item.items):
            if any_group is not None:
                return None
            any_group = frozenset(i.key for i in item.items)
        elif isinstance(item, Not) and (keys := _tag_keys(item.item)) is not None:
            exclude |= keys
        elif isinstance(item, Words) and " " not in item.folded and item.raw.split() == [item.raw]:
            text.append(item.raw)
        elif isinstance(item, Dates) and dates is None:
            dates = item
        elif isinstance(item, Favourites):
            only = favourites
        else:
            return None
    if any_group is not None:
        if include:  # tag:a et (tag:b ou tag:c): not a picker state
            return None
        include, match_all = set(any_group), False
    elif len(include) > 1:
        match_all = True
    return Filter(
        include=frozenset(include),
        match_all=match_all,
        exclude=frozenset(exclude),
        text=" ".join(text),
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        only=only,
    )


def _tag_keys(node: Node) -> set[str] | None:
    if isinstance(node, Tag):
        return {node.key}
    if isinstance(node, Or) and all(isinstance(i, Tag) for i in node.items):
        return {i.key for i in node.items}
    return None
