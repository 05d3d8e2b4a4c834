"""The options of `open` (the app): live reload and the linear view. No Textual here: every
command's parser is built with them."""

from __future__ import annotations

import argparse

from calendar_tui.i18n import _


def add_open_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-watch",
        dest="watch",
        action="store_false",
        help=_("do not reload the posts when their files change (R still reloads them by hand)"),
    )
    parser.add_argument(
        "--poll",
        action="store_const",
        const=True,
        default=None,
        help=_(
            "watch the files by looking at them every 0.3 s instead of waiting for the "
            "system's change events, for file systems that send none (network, some containers); "
            "WATCHFILES_FORCE_POLLING=1 does the same"
        ),
    )
    parser.add_argument(
        "--linear",
        action="store_true",
        help=_(
            "open on the linear view: the programme as a list of sentences, one session a "
            "paragraph, for screen readers and plain terminals (L switches)"
        ),
    )
