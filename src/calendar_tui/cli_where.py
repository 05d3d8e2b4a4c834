"""`list --where EXPR` and `list --view NAME`: the filter language on the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from calendar_tui.model.filter_expr import Node
    from calendar_tui.model.types import Occurrence


def add_arguments(lister: argparse.ArgumentParser) -> None:
    chosen = lister.add_mutually_exclusive_group()
    chosen.add_argument(
        "--where",
        metavar="EXPR",
        help="a filter expression, e.g. 'tag:webinaire et (\"données\" ou lieu:Paris) sauf tag:EIG'",
    )
    chosen.add_argument(
        "--view",
        metavar="NAME",
        help='a view saved in the settings file ("views": {"NAME": "EXPR"})',
    )


def _say(message: str) -> None:
    from calendar_tui.model.text import one_line  # an expression may come from a settings file

    print(f"calendar-tui list: {one_line(message)}", file=sys.stderr)


def expression(args: argparse.Namespace) -> tuple[Node | None, bool]:
    """The parsed --where/--view expression (None: neither given), and False after an error
    already reported on stderr."""
    from calendar_tui.model.text import one_line

    text, source = args.where, "--where"
    if args.view is not None:
        from calendar_tui.settings import load_settings

        settings = load_settings()
        for problem in settings.problems:
            print(f"calendar-tui: warning: {problem}", file=sys.stderr)
        text = settings.views.get(args.view)
        if text is None:
            names = ", ".join(sorted(one_line(n) for n in settings.views)) or "none yet"
            _say(f"no view named '{one_line(args.view)}' in {settings.path} (views: {names})")
            return None, False
        source = f"view '{one_line(args.view)}'"
    if text is None:
        return None, True
    from calendar_tui.model.filter_expr import ExprError, parse  # only for an expression

    try:
        return parse(text), True
    except ExprError as error:
        _say(f"{source}: {error}")
        lines = text.split("\n")
        if error.line <= len(lines):  # the faulty line, and a caret under the column
            shown = one_line(lines[error.line - 1])
            print(f"  {shown}\n  {' ' * (error.column - 1)}^", file=sys.stderr)
        return None, False


def narrowed(
    occurrences: Sequence[Occurrence], node: Node | None, favourites
) -> Sequence[Occurrence]:
    """`occurrences` kept by the expression; `favourites()` gives the starred ids when needed."""
    if node is None:
        return occurrences
    from calendar_tui.model.filter_eval import select
    from calendar_tui.model.filter_expr import uses_favourites

    return select(occurrences, node, favourites() if uses_favourites(node) else frozenset())
