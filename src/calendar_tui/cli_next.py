"""`calendar-tui next`: what is on now and next, on one line, for a shell prompt or tmux."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from calendar_tui.i18n import _, said

if TYPE_CHECKING:
    import argparse

    from calendar_tui.model.store import EventStore


def add_parser(commands, with_paths) -> None:
    parser = with_paths(
        commands.add_parser(
            "next",
            help=_(
                "what is on now and next, on one line (for a shell prompt or a tmux status line)"
            ),
            description=_(
                "The sessions in progress and the next ones to start, as the app marks "
                "them. The moment is the system clock's, or $CALENDAR_TUI_NOW "
                "(e.g. 2020-11-18T10:00, Europe/Paris when no offset is given)."
            ),
        )
    )
    parser.add_argument(
        "--favourites", action="store_true", help=_("only the sessions starred in the app")
    )
    parser.add_argument(
        "--format",
        choices=("short", "tmux", "json"),
        default="short",
        help=_(
            "short: one line; tmux: that line for status-right's #(…), every # doubled so "
            "a title never becomes a tmux style or format; json: the sessions in full"
        ),
    )


def run(
    args: argparse.Namespace,
    load: Callable[[], EventStore],
    favourite_ids: Callable[[], frozenset[str]],
) -> int:
    from calendar_tui.model.clock import clock_from_env
    from calendar_tui.model.status_line import as_json, short_line, tmux_line

    try:
        moment = clock_from_env().now()
    except ValueError as error:
        print(said("calendar-tui next", str(error)), file=sys.stderr)
        return 2
    occurrences = load().occurrences
    if args.favourites:
        starred = favourite_ids()
        occurrences = tuple(o for o in occurrences if o.session.id in starred)
    if args.format == "json":
        import json

        json.dump(as_json(occurrences, moment), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "tmux":
        print(tmux_line(short_line(occurrences, moment)))
    else:
        print(short_line(occurrences, moment))
    return 0
