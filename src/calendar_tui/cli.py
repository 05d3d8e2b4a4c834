"""Command line: open the app, or `list` and `check` posts without starting Textual."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui import cli_where
from calendar_tui.i18n import _, ngettext, said, set_language
from calendar_tui.model.text import visible

if TYPE_CHECKING:
    import argparse

    from calendar_tui.model.store import EventStore

COMMANDS = ("open", "list", "check", "agenda", "serve", "changes", "next")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_choice(args_list))
    if not args_list:  # `calendar-tui` alone opens the bundled programme, without argparse
        return run_app([_bundled()], drafts=False)
    from calendar_tui.cli_parser import build_parser

    if args_list[0] not in (*COMMANDS, "-h", "--help", "--version"):
        if not args_list[0].startswith("-"):  # a typo for a command opens no empty calendar
            from calendar_tui.cli_hints import bad_first_argument

            problem = bad_first_argument(args_list[0], COMMANDS)
            if problem is not None:
                build_parser().error(problem)  # usage, the message, exit status 2
        args_list.insert(0, "open")
    parser = build_parser(args_list[0] if args_list[0] in COMMANDS else None)
    args = parser.parse_args(args_list)
    if args.command == "list" and args.start and args.end and args.start > args.end:
        parser.error(_("--from {start} is after --to {end}").format(start=args.start, end=args.end))
    if args.command == "changes":
        from calendar_tui import cli_changes

        return cli_changes.run(args)
    paths = args.paths or [_bundled()]
    if args.command == "list":
        missing = [path for path in paths if not os.path.lexists(path)]
        if missing:
            parser.error(_("{path}: no such file or folder").format(path=visible(str(missing[0]))))
    try:
        if args.command == "list":
            return _flushed(run_list(args, paths))
        if args.command == "check" and args.watch:
            from calendar_tui.check_watch import run_check_watch

            return run_check_watch(paths, args.drafts, args.cache, args.poll)
        if args.command == "check":
            return _flushed(run_check(paths, args.drafts, args.cache, args.format))
        if args.command == "agenda":
            from calendar_tui.agenda import run_agenda

            store = _load(paths, args.drafts, args.cache)
            _warn_unknown_tags(store, args)
            return _flushed(run_agenda(args, store, lambda: _favourite_ids(store)))
        if args.command == "serve":
            from calendar_tui.cli_serve import run_serve

            return run_serve(args, paths)
        if args.command == "next":
            from calendar_tui import cli_next

            store = _load(paths, args.drafts, args.cache)
            return _flushed(cli_next.run(args, lambda: store, lambda: _favourite_ids(store)))
    except KeyboardInterrupt:  # Ctrl+C while a large collection loads: stop, no traceback
        print(_("calendar-tui: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `calendar-tui check | head`: the reader has all it wanted
        _stdout_to_devnull()
        return 128 + 13  # as a command killed by SIGPIPE
    except OSError as error:  # stdout on a full disk, a broken terminal...
        _stdout_to_devnull()
        print(
            _("calendar-tui: cannot write the output: {reason}").format(
                reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return 1
    from calendar_tui import cli_changes

    return run_app(
        paths,
        args.drafts,
        args.cache,
        cli_changes.open_request(args),
        args.watch,
        args.poll,
        args.linear,
    )


def _language_choice(args_list: list[str]) -> str | None:
    """The language asked for: `--lang X` (taken out of `args_list`, wherever it is), else the
    settings' `language`, else None (the environment decides)."""
    for index, arg in enumerate(args_list):
        if arg == "--lang" and index + 1 < len(args_list):
            value = args_list[index + 1]
            del args_list[index : index + 2]
            return value
        if arg.startswith("--lang="):
            del args_list[index]
            return arg.partition("=")[2]
    from calendar_tui.model.user_dirs import settings_path

    path = settings_path()
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):  # defaults, as load_settings gives them
        return None
    from calendar_tui.settings import load_settings  # its dataclass and imports: ~1 ms

    return load_settings(path).language or None


def _flushed(status: int) -> int:
    """Write errors of buffered output surface here, inside main's handlers, not at exit."""
    sys.stdout.flush()
    return status


def _stdout_to_devnull() -> None:
    """What is still buffered for stdout is dropped, so exiting does not fail to flush it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout without a descriptor (tests)
        pass


def _bundled() -> Path:
    from calendar_tui.paths import bundled_programme

    return bundled_programme()


def _cache(enabled: bool, paths: list[Path]):
    if not enabled:  # --no-cache: nor msgspec nor the cache's modules are imported
        return None
    from calendar_tui.model.cache import PostCache

    return PostCache.for_paths(paths)


def _load(paths: list[Path], drafts: bool, cache: bool):
    from calendar_tui.model.loader import load_store

    return load_store(paths, drafts=drafts, cache=_cache(cache, paths))


def run_list(args: argparse.Namespace, paths: list[Path]) -> int:
    from calendar_tui.cli_filters import filter_from_args

    if args.output is not None and args.format != "ics":
        print(_("calendar-tui list: -o/--output needs --format ics"), file=sys.stderr)
        return 2
    node, ok = cli_where.expression(args)
    if not ok:
        return 2
    store = _load(paths, args.drafts, args.cache)
    _warn_unknown_tags(store, args)
    flt = filter_from_args(args, _favourite_ids(store) if args.favourites else None)
    occurrences = cli_where.narrowed(
        store.query(flt).occurrences, node, lambda: _favourite_ids(store)
    )
    if args.format == "ics":
        if not _write_ics(store, occurrences, args.output):
            return 1
    elif args.format == "json":
        from calendar_tui.model.json_text import write_plain_array
        from calendar_tui.model.serialise import occurrence_dict  # no floats: see json_text

        write_plain_array(map(occurrence_dict, occurrences), sys.stdout)
    else:
        from calendar_tui.table import print_table

        print_table(store, occurrences, flt)
    errors = sum(d.severity == "error" for d in store.diagnostics)
    if store.diagnostics:
        count = len(store.diagnostics)
        print(
            ngettext(
                "{count} problem in the posts ({errors} error); see `calendar-tui check`",
                "{count} problems in the posts ({errors} errors); see `calendar-tui check`",
                count,
            ).format(count=count, errors=errors),
            file=sys.stderr,
        )
    return 0


def _warn_unknown_tags(store: EventStore, args: argparse.Namespace) -> None:
    """--tag/--not-tag naming no session's tag: said on stderr with the nearest tags; the
    command still runs (and exits 0) with what the filter keeps, as for any empty result."""
    if not (named := [*args.tag, *args.not_tag]):
        return
    from calendar_tui.cli_hints import unknown_tags

    for line in unknown_tags(named, store.labels):
        print(said("calendar-tui", line), file=sys.stderr)


def _favourite_ids(store: EventStore) -> frozenset[str]:
    from calendar_tui.model.favourites import FavouritesFile

    favourites = FavouritesFile.open(store=store)  # stars follow sessions whose id changed
    for warning in favourites.warnings:
        print(_("calendar-tui: warning: {warning}").format(warning=warning), file=sys.stderr)
    return favourites.ids


def _write_ics(store, occurrences, output: Path | None) -> bool:
    from calendar_tui.model.clock import SystemClock
    from calendar_tui.model.ics import to_ics

    problems: list[str] = []
    data = to_ics(occurrences, stamp=SystemClock().now(), name=store.title, problems=problems)
    for problem in problems:
        print(_("calendar-tui: warning: {warning}").format(warning=problem), file=sys.stderr)
    if output is None:
        binary = getattr(sys.stdout, "buffer", None)
        if binary is None:  # stdout replaced by a text-only stream
            sys.stdout.write(data.decode("utf-8"))
            return True
        sys.stdout.flush()
        binary.write(data)
        binary.flush()
        return True
    from calendar_tui.model.export_files import write_export

    shown = visible(str(output))
    try:
        how = write_export(output, data)
    except OSError as error:
        print(
            _("calendar-tui list: cannot write {output}: {reason}").format(
                output=shown, reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return False
    print(
        ngettext(
            "{count} event written to {output}{how}",
            "{count} events written to {output}{how}",
            len(occurrences),
        ).format(count=len(occurrences), output=shown, how=how),
        file=sys.stderr,
    )
    return True


def run_check(paths: list[Path], drafts: bool, cache: bool = True, fmt: str = "text") -> int:
    from calendar_tui.check_watch import summary
    from calendar_tui.model.loader import load_posts

    result = load_posts(paths, drafts=drafts, cache=_cache(cache, paths))
    errors = sum(d.severity == "error" for d in result.diagnostics)
    if fmt == "json":  # for scripts: codes, never sentences to parse; the summary stays off stdout
        import json

        json.dump(
            [d.as_json() for d in result.diagnostics], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
        return 1 if errors else 0
    for diagnostic in result.diagnostics:
        print(diagnostic.format())
    print(summary(result))
    return 1 if errors else 0


def run_app(
    paths: list[Path],
    drafts: bool,
    cache: bool = True,
    changes_since=None,
    watch: bool = True,
    poll: bool | None = None,
    linear: bool = False,
) -> int:
    from calendar_tui.factory import make_app
    from calendar_tui.model.clock import clock_from_env

    try:
        clock = clock_from_env()  # $CALENDAR_TUI_NOW: try reminders and "now" at any moment
    except ValueError as error:
        print(said("calendar-tui", str(error)), file=sys.stderr)
        return 2
    app = make_app(
        paths=paths,
        drafts=drafts,
        cache=_cache(cache, paths),
        clock=clock,
        changes_since=changes_since,
        watch=watch,
        poll=poll,
        linear=linear,
    )
    app.run()
    if app.signalled is not None:
        _end_now(128 + app.signalled)
    return 0


def _end_now(status: int) -> None:
    """After a signal, once the app has given the terminal back: a load still parsing has its
    pool's processes ended, then this process ends at once. The interpreter's own exit would
    join the pool's manager thread, which can wait for ever on a result that a worker ended
    mid-write left half-sent (seen about once in ten SIGHUPs while loading)."""
    multiprocessing = sys.modules.get("multiprocessing")
    if multiprocessing is not None:
        for child in multiprocessing.active_children():
            child.terminate()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
