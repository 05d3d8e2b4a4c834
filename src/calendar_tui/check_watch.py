"""`check --watch`: re-check the posts on every save and print only the problems that changed.

For an author editing a post in another pane. Each save re-parses only the files whose size or
mtime changed (`WatchCache` keeps the others). Changes are gathered until the files have been
quiet for a moment (`QUIET_MS`), so an editor's several events per save (write a temporary file
then rename it, truncate then write) give one re-check of the finished file.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui.i18n import _, ngettext

if TYPE_CHECKING:  # the parser imports this module: keep it light
    import argparse
    from collections.abc import Mapping

    from calendar_tui.model.cache import FileKey, PostCache
    from calendar_tui.model.cache_format import Sources
    from calendar_tui.model.store_index import StoreIndex
    from calendar_tui.model.types import Diagnostic, Post

QUIET_MS = 250  # a batch of changes ends after this long without another
MAX_BATCH_MS = 2000  # and is reported at the latest after this long


def add_watch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--watch",
        action="store_true",
        help=_(
            "keep watching: re-check on every save and print only the problems that "
            "appear or go (Ctrl+C to stop)"
        ),
    )
    parser.add_argument(
        "--poll",
        action="store_const",
        const=True,
        default=None,
        help=_(
            "with --watch: look at the files every 0.3 s instead of waiting for the system's "
            "change events, for file systems that send none (network, some containers); "
            "WATCHFILES_FORCE_POLLING=1 does the same"
        ),
    )


def problem_key(diagnostic: Diagnostic) -> tuple[str, str, str]:
    """A problem is the same problem when only its line moved (the author edited above it)."""
    return diagnostic.path, diagnostic.severity, diagnostic.message


def problem_changes(
    before: Sequence[Diagnostic], after: Sequence[Diagnostic]
) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(new, fixed): the problems of `after` that `before` did not have, and the other way round.
    Those still on the same line pair up first, then those that only moved; counted, so a second
    identical problem in the same file is new too."""
    same = Counter(before) & Counter(after)
    before = _without(before, same)
    after = _without(after, same)
    new = _without(after, Counter(map(problem_key, before)), problem_key)
    fixed = _without(before, Counter(map(problem_key, after)), problem_key)
    return new, fixed


def _without(diagnostics: Sequence[Diagnostic], counts: Counter, key=lambda d: d) -> list:
    """`diagnostics` less as many of each key as `counts` holds."""
    counts = Counter(counts)
    kept = []
    for diagnostic in diagnostics:
        if counts[key(diagnostic)]:
            counts[key(diagnostic)] -= 1
        else:
            kept.append(diagnostic)
    return kept


def summary(result) -> str:
    errors = sum(d.severity == "error" for d in result.diagnostics)
    warnings = len(result.diagnostics) - errors
    sessions = sum(len(p.calendar_sessions) for p in result.posts)
    posts = len(result.posts)
    return _("{posts}, {sessions}: {errors}, {warnings}").format(
        posts=ngettext("{count} post", "{count} posts", posts).format(count=posts),
        sessions=ngettext("{count} session", "{count} sessions", sessions).format(count=sessions),
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
    )


def watch_roots(paths: Sequence[Path]) -> list[Path]:
    """Folders are watched as they are; a file through its folder, so that an editor replacing
    the file by renaming a new one over it is still seen."""
    roots: list[Path] = []
    for path in paths:
        root = path if path.is_dir() else path.parent
        if root not in roots:
            roots.append(root)
    return roots


class PostFilter:
    """Keeps the changes to post files under the given folders or to the given files."""

    def __init__(self, paths: Sequence[Path]) -> None:
        from calendar_tui.model.loader import POST_SUFFIXES

        self._suffixes = POST_SUFFIXES
        self._folders = [p.resolve() for p in paths if p.is_dir()]
        self._files = {p.resolve() for p in paths if not p.is_dir()}

    def __call__(self, change: object, raw: str) -> bool:
        path = Path(raw)
        if path.name.startswith(".") or not path.name.endswith(self._suffixes):
            return False
        resolved = path.resolve()
        if resolved in self._files:
            return True
        return any(folder in resolved.parents for folder in self._folders)


def _stamp() -> str:
    return datetime.now().strftime("%H:%M:%S")


def change_batches(
    paths: Sequence[Path], poll: bool | None, stop_event: object | None = None
) -> Iterator[set]:
    """Batches of changes; the first, empty, batch says the watcher is in place. Setting
    `stop_event` (a `threading.Event`) ends it within a twentieth of a second (the app's watcher
    thread, which quitting waits for). Polling (`poll`, or `WATCHFILES_FORCE_POLLING` when `poll`
    is None) is our own (`watch_polling`): watchfiles' poller misses a same-size save within the
    same second."""
    if polling(poll):
        from calendar_tui.watch_polling import poll_batches

        yield from poll_batches(
            paths, quiet_s=QUIET_MS / 1000, max_batch_s=MAX_BATCH_MS / 1000, stop_event=stop_event
        )
        return
    from calendar_tui.watch_events import event_batches

    yield from event_batches(
        paths,
        roots=watch_roots(paths),
        watch_filter=PostFilter(paths),
        quiet_s=QUIET_MS / 1000,
        max_batch_s=MAX_BATCH_MS / 1000,
        force_polling=poll,
        stop_event=stop_event,
    )


def polling(poll: bool | None) -> bool:
    """`--poll`, else `WATCHFILES_FORCE_POLLING` read as watchfiles reads it."""
    if poll is not None:
        return poll
    setting = os.environ.get("WATCHFILES_FORCE_POLLING", "")
    return bool(setting) and setting.lower() not in {"false", "disable", "disabled"}


class WatchCache:
    """The posts of the last check, in memory, in front of the user's post cache: a re-check
    parses only the files whose size or mtime changed, without reading or writing the cache file
    each time. The cache file is read by the first check and written by the first and the last."""

    def __init__(self, disk: PostCache | None) -> None:
        self._disk = disk
        self._posts: dict[str, tuple[FileKey, Post]] = {}  # by resolved path
        self._seen: set[str] = set()  # the files of the check under way

    def load(self, files: Mapping[str, tuple[FileKey, str]] | None = None) -> None:
        if self._disk is not None:
            self._disk.load(files)  # reads the file the first time only

    def get(self, key_path: str, key: FileKey, shown: str) -> Post | None:
        self._seen.add(key_path)
        entry = self._posts.get(key_path)
        if entry is not None and entry[0] == key:
            return entry[1]
        post = self._disk.get(key_path, key, shown) if self._disk is not None else None
        if post is not None:
            self._posts[key_path] = (key, post)
        return post

    def put(self, key_path: str, key: FileKey, post: Post) -> None:
        self._seen.add(key_path)
        self._posts[key_path] = (key, post)

    def store_index(self, sources: Sources) -> StoreIndex | None:
        return self._disk.store_index(sources) if self._disk is not None else None

    def keep_store_index(self, sources: Sources, index: StoreIndex) -> None:
        if self._disk is not None:  # written with the posts, by close()
            self._disk.keep_store_index(sources, index)

    def save(self) -> None:
        """Called by the loader after each check: forgets the files that check did not see."""
        self._posts = {p: e for p, e in self._posts.items() if p in self._seen}
        self._seen = set()

    def close(self) -> None:
        """The posts of the last check go to the cache file (which keeps only those)."""
        if self._disk is not None:
            for key_path, (key, post) in self._posts.items():
                self._disk.put(key_path, key, post)
            self._disk.save()


def run_check_watch(paths: list[Path], drafts: bool, use_cache: bool, poll: bool | None) -> int:
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.loader import load_posts

    missing = [p for p in paths if not p.exists()]
    if missing:
        print(
            _("calendar-tui check --watch: {path}: no such file or folder").format(path=missing[0]),
            file=sys.stderr,
        )
        return 2
    cache = WatchCache(PostCache.for_paths(paths) if use_cache else None)
    result = load_posts(paths, drafts=drafts, cache=cache)
    cache.close()
    for diagnostic in result.diagnostics:
        print(diagnostic.format())
    print(summary(result))
    try:
        for batch in change_batches(paths, poll):
            if not batch:
                print(_("Watching for changes; Ctrl+C to stop."), flush=True)
                continue
            previous, result = result, load_posts(paths, drafts=drafts, cache=cache)
            _report(previous, result, len({path for _change, path in batch}))
    except KeyboardInterrupt:
        print(_("calendar-tui: stopped watching"), file=sys.stderr)
        return 130
    finally:
        cache.close()
    return 0


def _report(previous, result, files: int) -> None:
    new, fixed = problem_changes(previous.diagnostics, result.diagnostics)
    stamp = _stamp()
    if not new and not fixed:
        message = ngettext(
            "{files} file changed: no new problem, none fixed",
            "{files} files changed: no new problem, none fixed",
            files,
        ).format(files=files)
        print(f"[{stamp}] {message}", flush=True)
        return
    for diagnostic in fixed:
        word = _("fixed") if Path(diagnostic.path).exists() else _("gone (file removed)")
        print(f"[{stamp}] {word}: {diagnostic.format()}")
    for diagnostic in new:
        print(f"[{stamp}] " + _("new: {problem}").format(problem=diagnostic.format()))
    print(f"[{stamp}] {summary(result)}", flush=True)
