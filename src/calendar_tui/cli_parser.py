"""The command line's parser: every command, its options and their help, in the chosen language
(argparse's own words too, see `argparse_words`). No Textual: `list` and `check` start fast."""

from __future__ import annotations

import argparse
from pathlib import Path

from calendar_tui import __version__, cli_where
from calendar_tui.argparse_words import route
from calendar_tui.i18n import LANGUAGES, _
from calendar_tui.terminal_width import terminal_columns


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, as wide as it makes itself, without its `import shutil`: argparse
    makes one for every argument added, so every command paid for shutil."""

    def __init__(self, prog: str, indent_increment=2, max_help_position=24, width=None) -> None:
        if width is None:
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class ArgumentParser(argparse.ArgumentParser):
    """A parser whose help is laid out by `HelpFormatter`; its subcommands' parsers are made
    of this class too (argparse's default `parser_class`)."""

    def __init__(self, *args, formatter_class=HelpFormatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, of that command alone (its usage and errors are the same)."""
    route(argparse)  # "usage:", "options", its errors: in the chosen language
    parser = ArgumentParser(
        prog="calendar-tui",
        description=_(
            "Browse an events programme published as Jekyll posts. "
            "Without a command, opens the terminal app on the bundled programme or on PATHs."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"calendar-tui {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_(
            "language of the app and the messages (default: the settings' language, "
            "else English for LANG=en_…, else French)"
        ),
    )
    commands = parser.add_subparsers(
        dest="command", metavar="{open,list,check,agenda,serve,changes,next}"
    )

    def with_paths(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "paths",
            nargs="*",
            type=Path,
            metavar=_("PATH"),
            help=_("post files or folders (default: the bundled programme)"),
        )
        sub.add_argument(
            "--drafts", action="store_true", help=_("include posts with published: false")
        )
        sub.add_argument(
            "--no-cache",
            dest="cache",
            action="store_false",
            help=_("parse every post again, ignoring the cache of parsed posts"),
        )
        return sub

    wanted = (lambda name: True) if only is None else (lambda name: name == only)
    # Each command's own modules are imported when its parser is built: `list` needs neither
    # the watcher's, the server's nor the app's options.
    from calendar_tui.cli_filters import add_filter_arguments, parse_day

    if wanted("open"):
        from calendar_tui import cli_changes
        from calendar_tui.cli_open import add_open_arguments

        opener = with_paths(
            commands.add_parser("open", help=_("open the terminal app (the default command)"))
        )
        add_open_arguments(opener)
        cli_changes.add_open_arguments(opener, parse_day)
    if wanted("list"):
        lister = with_paths(commands.add_parser("list", help=_("list sessions, filtered")))
        add_filter_arguments(lister)
        lister.add_argument(
            "--format",
            choices=("table", "json", "ics"),
            default="table",
            help=_("table: for people; json: one object per occurrence; ics: a calendar file"),
        )
        lister.add_argument(
            "-o",
            "--output",
            type=Path,
            metavar=_("FILE"),
            help=_("with --format ics: write the .ics to FILE (default: stdout)"),
        )
        cli_where.add_arguments(lister)
    if wanted("check"):
        from calendar_tui.check_watch import add_watch_arguments

        checker = with_paths(
            commands.add_parser(
                "check", help=_("report problems in posts; exit 1 if any is an error")
            )
        )
        add_watch_arguments(checker)
        checker.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help=_("json: one object per problem (code, path, line, severity, message)"),
        )
    if wanted("agenda"):
        add_filter_arguments(
            with_paths(commands.add_parser("agenda", help=_("the programme as plain sentences")))
        )
    if wanted("serve"):
        from calendar_tui.cli_serve import add_serve_arguments

        add_serve_arguments(
            with_paths(commands.add_parser("serve", help=_("serve the app to a browser")))
        )
    if wanted("changes"):
        from calendar_tui import cli_changes

        cli_changes.add_parser(commands, parse_day)
    if wanted("next"):
        from calendar_tui import cli_next

        cli_next.add_parser(commands, with_paths)
    return parser
