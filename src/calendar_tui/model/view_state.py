"""The calendar screen's filter as the user sees it: in words (the header), as an expression (the
search bar after `=`, the tag picker, a saved view), and what narrows it to a set of sessions.

`Filter.only` is one set of session ids; who set it says what it means: the favourites (`F`),
the changes since a revision (`d`), or an expression the tag picker cannot show (`lieu:Paris ou
tag:ia`: its sessions, found once with `filter_eval.select`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import msgspec

from calendar_tui.i18n import _
from calendar_tui.model.filters import Filter
from calendar_tui.model.text import one_line

if TYPE_CHECKING:
    from calendar_tui.model.filter_expr import ExprError
    from calendar_tui.model.types import Occurrence

# The expression language (filter_expr, filter_eval) is imported by the functions that use it:
# the calendar screen imports this module, and needs the language only once a filter changes.

MARKER = "="  # search bar text starting with it is a filter expression, not words to search

ONLY_FAVOURITES = "favourites"
ONLY_CHANGES = "changes"
ONLY_EXPRESSION = "expression"


# Frozen msgspec Structs, not dataclasses: the same value semantics, made in a thirtieth of
# the time (a dataclass compiles its methods at import, ~1 ms each before the first frame).
class Reading(msgspec.Struct, frozen=True):
    """An expression read for the screen: the Filter and who sets its `only`, or the error."""

    filter: Filter | None
    only_kind: str | None = None
    error: ExprError | None = None


def is_expression(text: str) -> bool:
    return text.startswith(MARKER)


def read_expression(
    text: str,
    occurrences: Iterable[Occurrence],
    favourites: frozenset[str],
    match_all: bool = False,
) -> Reading:
    """`text` (without the marker) as a Filter: the tag picker's own state when it can show
    it, else the sessions the expression keeps as `only`."""
    from calendar_tui.model.filter_eval import expr_to_filter, select
    from calendar_tui.model.filter_expr import ExprError, parse

    if not text.strip():
        return Reading(Filter(match_all=match_all))
    try:
        node = parse(text)
    except ExprError as error:
        return Reading(None, error=error)
    flt = expr_to_filter(node, favourites=favourites, match_all=match_all)
    if flt is not None:
        return Reading(flt, ONLY_FAVOURITES if flt.only is not None else None)
    ids = frozenset(o.session.id for o in select(occurrences, node, favourites))
    return Reading(Filter(match_all=match_all, only=ids), ONLY_EXPRESSION)


def expression_face(
    flt: Filter, labels: Mapping[str, str], only_kind: str | None, expression: str = ""
) -> str | None:
    """The filter as an expression ('' for none); None when it cannot be written as one (the
    changes since a revision). `expression` is the text that set an ONLY_EXPRESSION `only`."""
    from calendar_tui.model.filter_eval import filter_to_expr

    if flt.only is None or only_kind == ONLY_FAVOURITES:
        return filter_to_expr(flt, labels)
    if only_kind != ONLY_EXPRESSION:
        return None
    rest = filter_to_expr(flt.with_only(None), labels)
    return f"({expression}) et ({rest})" if rest else expression


def describe(
    flt: Filter,
    labels: Mapping[str, str],
    only_kind: str | None,
    view: str | None = None,
    expression: str = "",
) -> str:
    """The header's words: the active view's name, then the filters ('' when none);
    `expression` is the text behind an ONLY_EXPRESSION `only`."""
    parts = [_("view “{name}”").format(name=one_line(view))] if view else []
    words = flt.with_only(None).describe(labels)
    if words:
        parts.append(words)
    if flt.only is not None:
        parts.append(
            {
                ONLY_CHANGES: _("changes only"),
                ONLY_EXPRESSION: _("expression “{text}”").format(text=one_line(expression)),
            }.get(only_kind or "", _("favourites"))
        )
    return " · ".join(parts)
