"""Descriptions, links and search text made when first read give what parsing used to make.

Each set of real posts (and generated ones, through the pool of worker processes) is loaded
with every text made at parse time, as before they were lazy (`session_text.EAGER`), then
lazily, in this process and from the post cache, and from the cache once it keeps the texts a
run made: every occurrence must read the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from calendar_tui.model import session_text
from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_store
from calendar_tui.model.session_text import SessionText
from calendar_tui.paths import bundled_programme
from test_corpus import _shared

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import write_posts  # noqa: E402

SETS = {
    "corpus": _shared() / "corpus",
    "corpus-more": _shared() / "corpus-more",
    "seeds": _shared() / "seeds",
    "bundled": bundled_programme().parent,
}


def rows(store) -> list[tuple]:
    """What each occurrence shows, exports and is searched by, in the store's order."""
    return [
        (
            o.id,
            o.session.id,
            o.title,
            o.tags,
            o.session.slots,
            o.start,
            o.end,
            o.session.location,
            o.session.agenda,
            o.session.line,
            o.session.description,
            o.session.links,
            o.session.search_text,
            text,
        )
        for o, text in zip(store.occurrences, store._search_text, strict=True)
    ]


def eager_store(paths, monkeypatch, **options):
    with monkeypatch.context() as patched:
        patched.setattr(session_text, "EAGER", True)
        return load_store(paths, parallel=False, **options)


def assert_lazy(store) -> None:
    """Nothing of the search text or the links was made while loading."""
    assert store._texts is None
    sessions = sessions_of(store)
    assert sessions and not any(s.text.links_made or s._search is not None for s in sessions)


def lazy_equals_eager(paths, cache_file, monkeypatch, *, parallel=False):
    eager = eager_store(paths, monkeypatch)
    lazy = load_store(paths, parallel=parallel)
    load_store(paths, parallel=parallel, cache=PostCache(cache_file))  # writes the cache
    cache = PostCache(cache_file)
    warm = load_store(paths, cache=cache)
    for store in (lazy, warm):
        assert_lazy(store)
    expected = rows(eager)
    assert expected
    assert rows(lazy) == expected
    assert rows(warm) == expected  # every text made...
    cache.save()  # ...and kept in the cache
    kept = load_store(paths, cache=PostCache(cache_file))
    assert all(s.text.cached for s in sessions_of(kept))
    assert rows(kept) == expected  # read back, not made (tests/test_kept_texts.py)
    assert kept.posts == warm.posts == eager.posts and lazy.posts == eager.posts
    return eager


def sessions_of(store) -> list:
    return [s for post in store.posts for s in (post.event, *post.sessions) if s is not None]


@pytest.mark.parametrize("name", SETS)
def test_lazy_texts_are_the_eager_ones(name, tmp_path, monkeypatch):
    folder = SETS[name]
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    lazy_equals_eager([folder], tmp_path / "posts.msgpack", monkeypatch)


def test_lazy_texts_made_in_a_pool_are_the_eager_ones(tmp_path, monkeypatch):
    folder = tmp_path / "posts"
    write_posts(folder, 200)  # as many as the pool takes (parsing.PARALLEL_MIN_FILES)
    lazy_equals_eager([folder], tmp_path / "posts.msgpack", monkeypatch, parallel=True)


def test_a_wrong_lazy_text_is_caught(tmp_path, monkeypatch):
    # The comparison can fail: a description that kept its session's first line is seen.
    eager = rows(eager_store([bundled_programme()], monkeypatch))
    markdown = SessionText.markdown
    monkeypatch.setattr(SessionText, "markdown", lambda self, skip=0: markdown(self, 0))
    assert rows(load_store([bundled_programme()], parallel=False)) != eager
