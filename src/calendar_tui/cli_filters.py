"""The session filters that `list` and `agenda` share: their options, and the Filter they make."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from calendar_tui.i18n import _

if TYPE_CHECKING:  # the parser imports this module: keep it light
    from calendar_tui.model.filters import Filter


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = _("'{text}' is not a date (YYYY-MM-DD)").format(text=text)
        raise argparse.ArgumentTypeError(message) from None


def add_filter_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="T",
        help=_("only sessions with this tag (repeatable)"),
    )
    match = parser.add_mutually_exclusive_group()
    match.add_argument(
        "--any", dest="match_all", action="store_false", help=_("any of the --tag tags (default)")
    )
    match.add_argument(
        "--all", dest="match_all", action="store_true", help=_("all of the --tag tags")
    )
    # Without this the default would come from --any's store_false (True): "all", not "any".
    parser.set_defaults(match_all=False)
    parser.add_argument(
        "--not-tag",
        action="append",
        default=[],
        metavar="T",
        help=_("leave out sessions with this tag"),
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="Q",
        help=_("text in title, description, tags or place (case and accents ignored)"),
    )
    parser.add_argument(
        "--from",
        dest="start",
        type=parse_day,
        metavar=_("YYYY-MM-DD"),
        help=_("only sessions on or after that day"),
    )
    parser.add_argument(
        "--to",
        dest="end",
        type=parse_day,
        metavar=_("YYYY-MM-DD"),
        help=_("only sessions on or before that day"),
    )
    parser.add_argument(
        "--favourites", action="store_true", help=_("only the sessions starred in the app")
    )
    return parser


def filter_from_args(args: argparse.Namespace, favourites: frozenset[str] | None) -> Filter:
    """The Filter the options ask for; `favourites` restricts it when --favourites was given."""
    from calendar_tui.model.filters import Filter
    from calendar_tui.model.text import tag_key

    return Filter(
        include=frozenset(tag_key(t) for t in args.tag),
        match_all=args.match_all,
        exclude=frozenset(tag_key(t) for t in args.not_tag),
        text=args.search,
        start=args.start,
        end=args.end,
        only=favourites if args.favourites else None,
    )
