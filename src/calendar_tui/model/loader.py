"""Loading posts from files and folders into Posts and then a store, with diagnostics."""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from stat import S_ISDIR
from typing import TYPE_CHECKING, NamedTuple

from calendar_tui.i18n import N_, _
from calendar_tui.model.reading import special_kind, special_sentence
from calendar_tui.model.store import EventStore
from calendar_tui.model.text import fold, visible
from calendar_tui.model.types import Diagnostic, Post

if TYPE_CHECKING:
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.cache_format import Sources
    from calendar_tui.model.parsing import Parsed

POST_SUFFIXES = (".md", ".markdown")
DRAFT = N_("is a draft (published: false); not in the calendar (--drafts shows drafts)")
_WORDS = re.compile(r"[a-z0-9]+")
Progress = Callable[[int, int], None]


# NamedTuples, not dataclasses: immutable values all the same, made in a sixth of the time (a
# dataclass compiles its methods at import, ~1 ms each, before the app's first frame and in
# `list`); not msgspec Structs, which `list --no-cache` does not import.
class LoadResult(NamedTuple):
    posts: tuple[Post, ...]
    diagnostics: tuple[Diagnostic, ...]


class PostFile(NamedTuple):
    path: str  # as the user named it; a str, as 10,000 Paths cost 0.2 s
    key_path: str  # resolved, as the cache knows it (the same file however it is named)
    key: tuple[int, ...]  # device, inode, size, mtime and ctime (ns): changes with any edit

    @property
    def shown(self) -> str:
        """The path for people: invisible characters written visibly, as `ls` does."""
        return visible(self.path)


def discover(paths: Sequence[Path]) -> tuple[list[PostFile], list[Diagnostic]]:
    """Post files under the given files and folders, sorted, each once (symlinks included)."""
    found: dict[tuple[int, int], PostFile] = {}
    problems: list[Diagnostic] = []
    for given in paths:
        try:
            stat = given.stat()
        except OSError as error:
            reason = (
                _("no such file or folder")
                if isinstance(error, FileNotFoundError)
                else error.strerror
            )
            problems.append(
                Diagnostic(visible(str(given)), None, "error", str(reason), "path.missing")
            )
            continue
        if S_ISDIR(stat.st_mode):
            named, resolved = str(given), str(given.resolve())
            for entry_stat, path in _walk(given, problems):
                key_path = resolved + path[len(named) :]  # one resolve per folder, not per file
                found.setdefault(
                    (entry_stat.st_dev, entry_stat.st_ino), _post_file(path, key_path, entry_stat)
                )
        elif special_kind(stat.st_mode) is not None:
            why = special_sentence(special_kind(stat.st_mode) or "")
            problems.append(Diagnostic(visible(str(given)), None, "error", why, "file.special"))
        else:
            found.setdefault(
                (stat.st_dev, stat.st_ino), _post_file(str(given), str(given.resolve()), stat)
            )
    return sorted(found.values(), key=lambda f: f.path), problems


def _post_file(path: str, key_path: str, stat: os.stat_result) -> PostFile:
    try:
        key_path.encode()
    except UnicodeEncodeError:  # a name that is not UTF-8: its bytes, written out
        key_path = os.fsencode(key_path).decode("utf-8", "backslashreplace")
    key = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    return PostFile(path, key_path, key)


def _walk(root: Path, problems: list[Diagnostic]) -> Iterable[tuple[os.stat_result, str]]:
    """Depth-first over folders with scandir (its stat results are reused as cache keys)."""
    seen_dirs: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            folder_stat = folder.stat()
            if (folder_stat.st_dev, folder_stat.st_ino) in seen_dirs:  # a symlink loop
                continue
            seen_dirs.add((folder_stat.st_dev, folder_stat.st_ino))
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name, reverse=True)
        except OSError as error:
            problems.append(
                Diagnostic(
                    visible(str(folder)), None, "error", _unreadable(error), "file.unreadable"
                )
            )
            continue
        for entry in listing:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    pending.append(Path(entry.path))
                elif entry.name.endswith(POST_SUFFIXES):
                    entry_stat = entry.stat()
                    kind = special_kind(entry_stat.st_mode)
                    if kind is None:
                        yield entry_stat, entry.path
                    else:
                        why = special_sentence(kind)
                        problems.append(
                            Diagnostic(visible(entry.path), None, "error", why, "file.special")
                        )
            except OSError as error:
                problems.append(
                    Diagnostic(
                        visible(entry.path), None, "error", _unreadable(error), "file.unreadable"
                    )
                )


def load_posts(
    paths: Sequence[Path],
    *,
    drafts: bool = False,
    progress: Progress | None = None,
    cache: PostCache | None = None,
    parallel: bool | None = None,
) -> LoadResult:
    """The posts under `paths`. Files the cache knows unchanged are taken from it; the others
    are parsed (on every core for a large collection, see parsing.py)."""
    result, _sources = _read_posts(paths, drafts, progress, cache, parallel)
    if cache is not None:
        cache.save()
    return result


def _read_posts(
    paths: Sequence[Path],
    drafts: bool,
    progress: Progress | None,
    cache: PostCache | None,
    parallel: bool | None,
) -> tuple[LoadResult, Sources | None]:
    """load_posts without saving the cache, and the files its posts came from (None for a
    Jekyll site, whose posts also depend on its _config.yml)."""
    site_posts: list[Post] = []
    site_problems: list[Diagnostic] = []
    if any(os.path.lexists(path / "_config.yml") for path in paths):  # site.is_site's test
        from calendar_tui.model.site import read_sites  # a site root is read as Jekyll would

        paths, site_posts, site_problems = read_sites(paths, drafts=drafts)
    files, diagnostics = discover(paths)
    diagnostics.extend(site_problems)
    if cache is not None:
        cache.load({file.key_path: (file.key, file.shown) for file in files})
    parsed: list[Parsed | None] = [None] * len(files)
    to_parse: list[int] = []
    for index, file in enumerate(files):
        post = cache.get(file.key_path, file.key, file.shown) if cache is not None else None
        if post is None:
            to_parse.append(index)
        else:
            parsed[index] = (post, post.diagnostics)
    done = len(files) - len(to_parse)
    if progress is not None and done:
        progress(done, len(files))
    sources = [(Path(files[i].path), files[i].shown) for i in to_parse]
    if sources:  # a warm load imports none of the parsing
        from calendar_tui.model.parsing import parse_files

        results = parse_files(sources, parallel=parallel)
    else:
        results = []
    for index, (post, problems) in zip(to_parse, results, strict=True):
        parsed[index] = (post, problems)
        file = files[index]
        if cache is not None and post is not None:
            cache.put(file.key_path, file.key, post)
        done += 1
        if progress is not None:
            progress(done, len(files))
    posts: list[Post] = list(site_posts)
    for post, problems in filter(None, parsed):
        if post is None or post.published or drafts:  # a draft's problems: with --drafts
            diagnostics.extend(problems)
        if post is not None and (post.published or drafts):
            posts.append(post)
        elif post is not None and (post.event is not None or post.sessions):
            diagnostics.append(Diagnostic(post.path, None, "warning", _(DRAFT), "post.draft"))
    kept = tuple(_without_duplicates(posts, diagnostics))
    sources = None if site_posts or site_problems else _sources(files, kept)
    return LoadResult(kept, tuple(diagnostics)), sources


def _sources(files: list[PostFile], posts: Sequence[Post]) -> Sources | None:
    """The files `posts` came from, in their order (None when two files show the same)."""
    by_shown = {file.shown: file for file in files}
    if len(by_shown) != len(files):
        return None
    paths, key_paths, keys = [], [], []
    for post in posts:
        file = by_shown.get(post.path)
        if file is None:
            return None
        paths.append(post.path)
        key_paths.append(file.key_path)
        keys.extend(file.key)
    return paths, key_paths, keys


def same_event_key(post: Post) -> tuple[str, str] | None:
    """Posts with the same title (its words: quotes, dashes and spaces aside) on the same first
    day are duplicates: renamed copies, whose front-matter times may differ."""
    if post.event is None:
        return None
    slots = post.event.slots or [s for session in post.sessions for s in session.slots]
    first = min((_first_day(slot.start) for slot in slots), default=None)
    return " ".join(_WORDS.findall(fold(post.title))), first.isoformat() if first else ""


def _unreadable(error: OSError) -> str:
    return _("cannot be read: {reason}").format(reason=error.strerror)


def _first_day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _without_duplicates(posts: list[Post], diagnostics: list[Diagnostic]) -> list[Post]:
    """Keeps one post per (title, start): the one with the most sessions, then the shortest name."""
    groups: dict[tuple[str, str], list[Post]] = {}
    kept: list[Post] = []
    for post in posts:
        key = same_event_key(post)
        if key is None:
            kept.append(post)
        else:
            groups.setdefault(key, []).append(post)
    for group in groups.values():
        best = max(group, key=lambda p: (len(p.sessions), -len(p.path), p.path))
        kept.append(best)
        for other in group:
            if other is not best:
                diagnostics.append(
                    Diagnostic(
                        other.path,
                        1,
                        "warning",
                        _("duplicate of {path} (same title and day); skipped").format(
                            path=best.path
                        ),
                        "post.duplicate",
                    )
                )
    kept.sort(key=lambda p: p.path)
    return kept


def load_store(
    paths: Sequence[Path],
    *,
    drafts: bool = False,
    progress: Progress | None = None,
    cache: PostCache | None = None,
    parallel: bool | None = None,
) -> EventStore:
    with _no_gc_pauses():
        result, sources = _read_posts(paths, drafts, progress, cache, parallel)
        index = cache.store_index(sources) if cache is not None and sources else None
        store = EventStore.from_posts(
            result.posts, result.diagnostics, collection_title(paths, result.posts), index
        )
        if cache is not None:
            if sources:
                cache.keep_store_index(sources, store.index)
            cache.save()
        return store


@contextmanager
def _no_gc_pauses():
    """Loading allocates millions of long-lived objects and no cycles worth collecting; the cyclic
    collector would otherwise rescan them again and again (a third of a warm load).

    At the end they are moved out of its way for good (`gc.freeze`): the store lives as long as
    its program, and otherwise the first collection after the load walks all of them (a third
    of a second with 10,000 posts, and again at each full collection). Objects freed by their
    last reference, as the load's temporaries are, are still freed at once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def collection_title(paths: Sequence[Path], posts: Sequence[Post]) -> str:
    if len(posts) == 1:
        return posts[0].title
    if len(paths) == 1:
        name = visible(paths[0].resolve().name or str(paths[0]))
        return f"{name} ({len(posts)} publications)"
    return f"{len(posts)} publications"
