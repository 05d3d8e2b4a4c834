"""`calendar-tui changes [REV1 [REV2]] [PATH]`: what changed in the programme between revisions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui.i18n import _, said

if TYPE_CHECKING:
    import argparse
    from datetime import datetime

    from calendar_tui.model.changes import Change
    from calendar_tui.model.types import Post
    from calendar_tui.revisions import Repository, Revision

WORKING_TREE = "the working tree"  # the JSON's label (for scripts); the text says it translated


def add_parser(commands, day) -> None:
    parser = commands.add_parser(
        "changes",
        usage=_(
            "calendar-tui changes [-h] [--since YYYY-MM-DD] [--format {text,json,ics}] "
            "[--drafts] [REV1 [REV2]] [PATH]"
        ),
        help=_("what changed in the programme between two revisions of the posts' git repository"),
        description=_(
            "Sessions added, removed, moved (another day or time), retitled, re-tagged "
            "or relocated between REV1 (default: the last commit that touched the posts) and REV2 "
            "(default: the working tree). The last argument is PATH when it names a file or "
            "folder (default: the current folder)."
        ),
    )
    parser.add_argument(
        "args",
        nargs="*",
        metavar=_("REV1 REV2 PATH"),
        help=_(
            "revisions (anything git understands: a commit, tag, branch, HEAD~3), then the "
            "posts' file or folder"
        ),
    )
    parser.add_argument(
        "--since",
        type=day,
        metavar=_("YYYY-MM-DD"),
        help=_("REV1 is the posts as they were at the start of that day"),
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "ics"),
        default="text",
        help=_("text: for people; json: for scripts; ics: an update for a calendar app"),
    )
    parser.add_argument(
        "--drafts", action="store_true", help=_("include posts with published: false")
    )


def _fail(message: str) -> int:
    from calendar_tui.model.text import one_line

    print(said("calendar-tui changes", one_line(message)), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except KeyboardInterrupt:  # Ctrl+C while git or the loader works: stop, no traceback
        print(_("calendar-tui: interrupted"), file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from calendar_tui.model.clock import clock_from_env
    from calendar_tui.revisions import GitError, find_repository, last_change, revision

    try:
        stamp = clock_from_env().now()  # the .ics's DTSTAMP
    except ValueError as error:
        return _fail(str(error))
    words = list(args.args)
    path = Path(".")
    if words and Path(words[-1]).exists():
        path = Path(words.pop())
    if len(words) > 2 or (args.since is not None and len(words) > 1):
        return _fail(_("too many revisions (REV1 [REV2], or --since DATE [REV2])"))
    try:
        repo = find_repository(path)
        if args.since is not None:
            old = last_change(repo, before=args.since)
            new = revision(repo, words[0]) if words else None
        elif words:
            old = revision(repo, words[0])
            new = revision(repo, words[1]) if len(words) > 1 else None
        else:
            old = last_change(repo)
            new = None
        old_posts = posts_at(repo, old, path, args.drafts)
        new_posts = posts_at(repo, new, path, args.drafts) if new else _working(path, args.drafts)
    except GitError as error:
        return _fail(str(error))
    from calendar_tui.model.changes import compare

    changes = compare(old_posts, new_posts)
    old_label = old.label if old else _("(nothing: no earlier commit)")
    new_label = new.label if new else _("the working tree")
    if args.format == "json":
        _print_json(changes, path, old, new)
    elif args.format == "ics":
        _write_ics(changes, stamp)
    else:
        from calendar_tui.model.changes_report import text_lines
        from calendar_tui.model.text import one_line, visible

        print(
            _("Changes in {path} from {old} to {new}:").format(
                path=visible(str(path)), old=one_line(old_label), new=one_line(new_label)
            )
        )
        for line in text_lines(changes):
            print(line)
    return 0


def _working(path: Path, drafts: bool) -> tuple[Post, ...]:
    from calendar_tui.model.loader import load_posts

    return load_posts([path], drafts=drafts).posts


def posts_at(repo: Repository, rev: Revision | None, path: Path, drafts: bool) -> tuple[Post, ...]:
    if rev is None:
        return ()
    import tempfile  # not at the top: `list` and `check` import this module

    from calendar_tui.model.loader import load_posts
    from calendar_tui.revisions import export

    with tempfile.TemporaryDirectory(prefix="calendar-tui-rev-") as folder:
        landing = export(repo, rev.sha, Path(folder))
        if not landing.exists():  # the posts' path did not exist yet at that revision
            return ()
        return load_posts([landing], drafts=drafts).posts


def _print_json(changes: list[Change], path: Path, old, new) -> None:
    import json

    from calendar_tui.model.changes import summary
    from calendar_tui.model.changes_report import change_dict
    from calendar_tui.model.text import visible

    def side(rev):
        return {"revision": rev.sha, "label": rev.label} if rev else None

    document = {
        "path": visible(str(path)),  # as every path the JSON gives: UTF-8, escapes visible
        "from": side(old),
        "to": side(new) if new else {"revision": None, "label": WORKING_TREE},
        "summary": summary(changes),
        "changes": [change_dict(c) for c in changes],
    }
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _write_ics(changes: list[Change], stamp: datetime) -> None:
    from calendar_tui.model.changes_report import changes_ics

    data = changes_ics(changes, stamp=stamp)
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        binary.write(data)
        binary.flush()


def add_open_arguments(opener: argparse.ArgumentParser, day) -> None:
    """The app's `--changes-since REV` / `--since DATE`: sessions marked as changed since then."""
    since = opener.add_mutually_exclusive_group()
    since.add_argument(
        "--changes-since",
        metavar="REV",
        help=_("mark the sessions added, moved or modified since that git revision of the posts"),
    )
    since.add_argument(
        "--since",
        type=day,
        metavar=_("YYYY-MM-DD"),
        help=_("the same, against the posts as they were at the start of that day"),
    )


def open_request(args: argparse.Namespace):
    """What `--changes-since` / `--since` ask of the app; None when neither was given."""
    revision, since = getattr(args, "changes_since", None), getattr(args, "since", None)
    if revision is None and since is None:
        return None
    from calendar_tui.model.change_marks import ChangesSince

    return ChangesSince(revision=revision, since=since)
