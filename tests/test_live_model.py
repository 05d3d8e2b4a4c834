"""model.live: what a reload says changed, and the broken posts it keeps in their last good
version (plain functions, no app)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from calendar_tui.model.live import (
    KEPT,
    PostChanges,
    Reload,
    change_notice,
    keep_last_good,
    kept_notice,
    post_changes,
    reload_store,
)
from calendar_tui.model.loader import load_store
from calendar_tui.model.types import Diagnostic, Post
from conftest import store_of, timed_session

DAY = date(2020, 11, 18)


pytestmark = pytest.mark.usefixtures("english")  # the English message ids


def post(path: str, *sessions) -> Post:
    return Post(path=path, title=path, sessions=tuple(sessions))


def test_post_changes_by_path():
    a, b, c = post("a.md"), post("b.md"), post("c.md")
    b2 = post("b.md", timed_session("s", "Atelier", DAY, 14))
    assert post_changes([a, b], [a, b2, c]) == PostChanges(("c.md",), ("b.md",), ())
    assert post_changes([a, b], [b]) == PostChanges((), (), ("a.md",))
    same_again = post("a.md")  # parsed again, equal: not "updated"
    assert post_changes([a], [same_again]) == PostChanges()


def test_a_post_that_lost_its_sessions_to_an_error_keeps_its_last_good_version():
    good = post("a.md", timed_session("s", "Atelier", DAY, 14))
    broken = post("a.md")
    error = Diagnostic("a.md", 2, "error", "front matter is not valid YAML", "x")
    posts, diagnostics, kept = keep_last_good([good], [broken], [error], exists=lambda p: True)
    assert posts == [good] and kept == ("a.md",)
    assert diagnostics == [error, Diagnostic("a.md", None, "warning", KEPT, "post.kept")]


def test_a_post_left_with_an_undated_event_keeps_its_last_good_version():
    """Bad YAML still gives a post (its title from the file name) whose event has no date: it
    is in no day of the calendar, so it is broken too (seen by hand on a real post)."""
    from calendar_tui.model.types import Session

    good = post("a.md", timed_session("s", "Atelier", DAY, 14))
    undated = Post(path="a.md", title="a", event=Session(id="a/1", title="a", slots=()))
    error = Diagnostic("a.md", 2, "error", "front matter is not valid YAML", "x")
    posts, _, kept = keep_last_good([good], [undated], [error], exists=lambda p: True)
    assert posts == [good] and kept == ("a.md",)


@pytest.mark.parametrize(
    ("new_posts", "problems", "exists", "why"),
    [
        ([], [], False, "deleted"),
        ([], [Diagnostic("a.md", None, "error", "cannot be read", "x")], False, "gone since"),
        ([], [Diagnostic("a.md", None, "warning", "is a draft", "x")], True, "a draft, on purpose"),
        (
            [post("a.md", timed_session("t", "Autre", DAY, 9))],
            [Diagnostic("a.md", 9, "error", "'31/11' is not a date", "x")],
            True,
            "still has sessions: the author's other edits show",
        ),
    ],
)
def test_what_is_not_kept(new_posts, problems, exists, why):
    good = post("a.md", timed_session("s", "Atelier", DAY, 14))
    posts, _, kept = keep_last_good([good], new_posts, problems, exists=lambda p: exists)
    assert kept == () and posts == new_posts, why


def _reload(sessions_before, sessions_after, posts: PostChanges | None = None) -> Reload:
    from calendar_tui.model.changes import compare

    old, new = store_of(*sessions_before), store_of(*sessions_after)
    changes = tuple(compare(old.posts, new.posts))
    return Reload(new, posts or PostChanges(), changes, (), ())


def test_change_notice_says_what_changed_the_noun_once():
    a = timed_session("a", "Atelier A", DAY, 14)
    b = timed_session("b", "Atelier B", DAY, 16)
    moved = timed_session("b", "Atelier B", DAY, 17)
    added = timed_session("c", "Atelier C", DAY, 18)
    notice = change_notice(_reload([a, b], [a, moved, added], PostChanges(updated=("x", "y"))))
    assert notice == "2 posts updated, 1 session added, 1 moved"
    assert change_notice(_reload([a, b], [a, b])) == ""
    assert change_notice(_reload([a, b], [])) == "2 sessions removed"


def test_kept_notice_names_the_files_on_one_clean_line():
    store = store_of()
    reload = Reload(store, PostChanges(), (), ("posts/a\x1b[31m.md", "b.md"), ())
    assert kept_notice(reload) == "a.md, b.md has errors: its last good version stays on screen"
    assert kept_notice(Reload(store, PostChanges(), (), (), ())) == ""


def test_reload_store_reparses_only_what_changed_and_marks_new_errors(tmp_path: Path):
    from calendar_tui.check_watch import WatchCache

    folder = tmp_path / "posts"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.md").write_text(
            f"---\ntitle: Atelier {name}\nevent_start_date: 2020-11-18 14:00:00 +01:00\n---\n",
            encoding="utf-8",
        )
    cache = WatchCache(None)
    first = load_store([folder], cache=cache)
    (folder / "b.md").write_text("---\ntitle: Atelier b\n", encoding="utf-8")  # half written
    again = reload_store(first, [folder], cache=cache)
    assert again.store.posts[0] is first.posts[0]  # a.md from the cache, not parsed again
    assert again.suspect == (str(folder / "b.md"),)
    assert again.kept == (str(folder / "b.md"),)
    assert again.posts == PostChanges() and again.sessions == ()
