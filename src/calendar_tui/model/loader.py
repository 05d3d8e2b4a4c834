"""Loading posts from files and folders into Posts and then a store, with diagnostics."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from calendar_tui.model.front_matter import read_raw_post
from calendar_tui.model.post import build_post, same_event_key
from calendar_tui.model.store import EventStore
from calendar_tui.model.types import Diagnostic, Post

POST_SUFFIXES = (".md", ".markdown")
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class LoadResult:
    posts: tuple[Post, ...]
    diagnostics: tuple[Diagnostic, ...]


def discover(paths: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Post files under the given files and folders, sorted, each once, with a display name."""
    found: dict[Path, str] = {}
    problems: list[Diagnostic] = []
    for given in paths:
        if given.is_dir():
            for file in _walk(given, problems):
                found.setdefault(file.resolve(), str(file))
        elif given.is_file():
            found.setdefault(given.resolve(), str(given))
        else:
            problems.append(Diagnostic(str(given), None, "error", "no such file or folder"))
    files = sorted(found.items(), key=lambda item: item[1])
    return [(real, shown) for real, shown in files], problems


def _walk(root: Path, problems: list[Diagnostic]) -> Iterable[Path]:
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(error: OSError) -> None:
        problems.append(Diagnostic(str(error.filename or root), None, "error", f"cannot be read: {error.strerror}"))

    for folder, dirs, files in os.walk(root, onerror=onerror, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in seen_dirs:  # a symlink loop or a second path to it
            dirs[:] = []
            continue
        seen_dirs.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(POST_SUFFIXES) and not name.startswith("."):
                yield Path(folder, name)


def load_posts(paths: Sequence[Path], *, drafts: bool = False, progress: Progress | None = None) -> LoadResult:
    files, diagnostics = discover(paths)
    posts: list[Post] = []
    for done, (real, shown) in enumerate(files, start=1):
        raw = read_raw_post(real, shown)
        if raw is not None and (raw.metadata or raw.body):
            post = build_post(raw)
            diagnostics.extend(post.diagnostics)
            if post.published or drafts:
                posts.append(post)
        elif raw is not None:
            diagnostics.extend(raw.diagnostics)
        if progress is not None:
            progress(done, len(files))
    return LoadResult(tuple(_without_duplicates(posts, diagnostics)), tuple(diagnostics))


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
                    Diagnostic(other.path, 1, "warning", f"duplicate of {best.path} (same title and start); skipped")
                )
    kept.sort(key=lambda p: p.path)
    return kept


def load_store(paths: Sequence[Path], *, drafts: bool = False, progress: Progress | None = None) -> EventStore:
    result = load_posts(paths, drafts=drafts, progress=progress)
    return EventStore.from_posts(result.posts, result.diagnostics, title=collection_title(paths, result.posts))


def collection_title(paths: Sequence[Path], posts: Sequence[Post]) -> str:
    if len(posts) == 1:
        return posts[0].title
    if len(paths) == 1:
        name = paths[0].resolve().name or str(paths[0])
        return f"{name} ({len(posts)} publications)"
    return f"{len(posts)} publications"
