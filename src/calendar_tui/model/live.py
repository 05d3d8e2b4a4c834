"""Reloading a programme while it is shown: the new store, what changed, what was kept.

Plain functions of two versions of the posts. The app reloads with `reload_store` after a save
(re-reading only the files whose size or mtime changed, through its cache), shows
`change_notice`, and holds back a result whose `suspect` paths may be half-written saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui.i18n import N_, _, ngettext
from calendar_tui.model.changes import KINDS, Change, compare, summary
from calendar_tui.model.store import EventStore
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Diagnostic, Post

if TYPE_CHECKING:
    from calendar_tui.model.cache import PostCache

KEPT = N_("has errors: its last good version stays in the calendar until they are fixed")


@dataclass(frozen=True, slots=True)
class PostChanges:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reload:
    store: EventStore
    posts: PostChanges
    sessions: tuple[Change, ...]
    kept: tuple[str, ...]  # broken posts shown in their last good version
    suspect: tuple[str, ...]  # files with errors they did not have: maybe a save half done


def post_changes(old: Sequence[Post], new: Sequence[Post]) -> PostChanges:
    """Posts added, changed or gone, by path (a cache hit is the very same object: cheap)."""
    before = {post.path: post for post in old}
    after = {post.path: post for post in new}
    return PostChanges(
        added=tuple(path for path in after if path not in before),
        updated=tuple(
            path
            for path, post in after.items()
            if path in before and before[path] is not post and before[path] != post
        ),
        removed=tuple(path for path in before if path not in after),
    )


def _error_keys(diagnostics: Sequence[Diagnostic]) -> set[tuple[str, str]]:
    return {(d.path, d.message) for d in diagnostics if d.severity == "error"}


def _dated(post: Post) -> bool:
    """Whether the post is on some day of the calendar (an event without a date is not)."""
    return any(session.slots for session in post.calendar_sessions)


def keep_last_good(
    previous: Sequence[Post],
    posts: Sequence[Post],
    diagnostics: Sequence[Diagnostic],
    exists: Callable[[str], bool] = os.path.exists,
) -> tuple[list[Post], list[Diagnostic], tuple[str, ...]]:
    """A post whose file still exists but now has errors and no session, while its last version
    had some, stays as it was, with a warning (the errors are still reported). ("No session":
    none with a date; bad YAML still gives a post, titled from its file name, undated.)"""
    erring = {d.path for d in diagnostics if d.severity == "error"}
    current = {post.path: post for post in posts}
    kept_posts = [
        old
        for old in previous
        if _dated(old)
        and old.path in erring
        and not (old.path in current and _dated(current[old.path]))
        and exists(old.path)
    ]
    if not kept_posts:
        return list(posts), list(diagnostics), ()
    kept = {post.path for post in kept_posts}
    merged = [post for post in posts if post.path not in kept] + kept_posts
    merged.sort(key=lambda post: post.path)
    warnings = [Diagnostic(path, None, "warning", _(KEPT), "post.kept") for path in sorted(kept)]
    return merged, [*diagnostics, *warnings], tuple(sorted(kept))


def reload_store(
    previous: EventStore,
    paths: Sequence[Path],
    *,
    drafts: bool = False,
    cache: PostCache | None = None,
) -> Reload:
    """The posts under `paths` again (unchanged files from `cache`), as a new store."""
    from calendar_tui.model.loader import collection_title, load_posts

    result = load_posts(paths, drafts=drafts, cache=cache)
    posts, diagnostics, kept = keep_last_good(previous.posts, result.posts, result.diagnostics)
    store = EventStore.from_posts(posts, diagnostics, title=collection_title(paths, posts))
    store.prepare_search()
    new_errors = _error_keys(result.diagnostics) - _error_keys(previous.diagnostics)
    changed_posts = post_changes(previous.posts, posts)
    # The sessions of the other posts are the very same: compare only those of the changed ones.
    changed = {*changed_posts.added, *changed_posts.updated, *changed_posts.removed}
    return Reload(
        store=store,
        posts=changed_posts,
        sessions=tuple(
            compare(
                [post for post in previous.posts if post.path in changed],
                [post for post in posts if post.path in changed],
            )
        ),
        kept=kept,
        suspect=tuple(sorted({path for path, _ in new_errors})),
    )


def renamed_sessions(reload: Reload) -> dict[str, str]:
    """Old session id -> new, for the sessions paired across the reload whose id changed (a
    title fixed, a first day moved): the selection follows them."""
    return {
        change.old.session.id: change.new.session.id
        for change in reload.sessions
        if change.old is not None
        and change.new is not None
        and change.old.session.id != change.new.session.id
    }


def _post_words(changes: PostChanges) -> list[str]:
    words = []
    if changes.updated:
        n = len(changes.updated)
        words.append(ngettext("%d post updated", "%d posts updated", n) % n)
    if changes.added:
        n = len(changes.added)
        words.append(ngettext("%d post added", "%d posts added", n) % n)
    if changes.removed:
        n = len(changes.removed)
        words.append(ngettext("%d post removed", "%d posts removed", n) % n)
    return words


def _session_words(counts: dict[str, int]) -> list[str]:
    """ "1 session added, 1 moved": the noun once, with the first kind."""
    with_noun = {
        "added": lambda n: ngettext("%d session added", "%d sessions added", n),
        "removed": lambda n: ngettext("%d session removed", "%d sessions removed", n),
        "moved": lambda n: ngettext("%d session moved", "%d sessions moved", n),
        "retitled": lambda n: ngettext("%d session retitled", "%d sessions retitled", n),
        "retagged": lambda n: ngettext("%d session re-tagged", "%d sessions re-tagged", n),
        "relocated": lambda n: ngettext("%d session relocated", "%d sessions relocated", n),
    }
    alone = {
        "added": lambda n: ngettext("%d added", "%d added", n),
        "removed": lambda n: ngettext("%d removed", "%d removed", n),
        "moved": lambda n: ngettext("%d moved", "%d moved", n),
        "retitled": lambda n: ngettext("%d retitled", "%d retitled", n),
        "retagged": lambda n: ngettext("%d re-tagged", "%d re-tagged", n),
        "relocated": lambda n: ngettext("%d relocated", "%d relocated", n),
    }
    words: list[str] = []
    for kind in KINDS:
        n = counts.get(kind, 0)
        if n:
            words.append((alone if words else with_noun)[kind](n) % n)
    return words


def change_notice(reload: Reload) -> str:
    """ "2 posts updated, 1 session added, 1 moved" (in the user's language); "" when the
    programme is the same."""
    return ", ".join(_post_words(reload.posts) + _session_words(summary(reload.sessions)))


def kept_notice(reload: Reload) -> str:
    """The broken posts kept in their last good version, in one sentence ("" when none)."""
    if not reload.kept:
        return ""
    names = ", ".join(one_line(Path(path).name) for path in reload.kept)
    return _("%s has errors: its last good version stays on screen") % names
