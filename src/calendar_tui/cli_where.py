"""`list --where EXPR` and `list --view NAME`: the filter language on the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from calendar_tui.i18n import _, said

if TYPE_CHECKING:
    import argparse

    from calendar_tui.model.filter_expr import Node
    from calendar_tui.model.types import Occurrence


def add_arguments(lister: argparse.ArgumentParser) -> None:
    chosen = lister.add_mutually_exclusive_group()
    chosen.add_argument(
        "--where",
        metavar="EXPR",
        help=_(
            "a filter expression, e.g. 'tag:webinar and (\"data\" or place:Paris) except tag:EIG'"
        ),
    )
    chosen.add_argument(
        "--view",
        metavar=_("NAME"),
        help=_('a view saved in the settings file ("views": {"NAME": "EXPR"})'),
    )


def _say(message: str) -> None:
    from calendar_tui.model.text import one_line  # an expression may come from a settings file

    print(said("calendar-tui list", one_line(message)), file=sys.stderr)


def expression(args: argparse.Namespace) -> tuple[Node | None, bool]:
    """The parsed --where/--view expression (None: neither given), and False after an error
    already reported on stderr."""
    from calendar_tui.model.text import clean_text, one_line

    text, source = args.where, "--where"
    if args.view is not None:
        from calendar_tui.settings import load_settings

        settings = load_settings()
        for problem in settings.problems:
            print(_("calendar-tui: warning: {warning}").format(warning=problem), file=sys.stderr)
        text = settings.views.get(args.view)
        if text is None:
            names = ", ".join(sorted(one_line(n) for n in settings.views)) or _("none yet")
            _say(
                _("no view named '{name}' in {path} (views: {names})").format(
                    name=one_line(args.view), path=settings.path, names=names
                )
            )
            return None, False
        source = _("view '{name}'").format(name=one_line(args.view))
    if text is None:
        return None, True
    from calendar_tui.model.filter_expr import ExprError, parse  # only for an expression

    try:
        return parse(text), True
    except ExprError as error:
        _say(_("{source}: {error}").format(source=source, error=error))
        lines = text.split("\n")
        if error.line <= len(lines):  # the faulty line, and a caret under the column
            line = lines[error.line - 1]
            # Cleaned as shown, the caret counted on the cleaned text before the column (an
            # escape sequence or a tab before the mistake no longer pushes it aside).
            before = clean_text(line[: error.column - 1]).replace("\t", " ")
            shown = clean_text(line).replace("\t", " ").rstrip()
            print(f"  {shown}\n  {' ' * len(before)}^", file=sys.stderr)
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
