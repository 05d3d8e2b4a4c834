"""The store's index kept in the post cache: a warm store is the cold store, and anything in
the cache that does not fit the posts of this load is rebuilt, never used, never an error."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from calendar_tui.model import store as store_module
from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_store
from test_cache import copy_programme, framed, frames

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import write_posts  # noqa: E402

from test_corpus import _shared  # noqa: E402

CORPORA = [_shared() / name for name in ("corpus", "corpus-more")]


def state(store):
    """Everything a store holds and answers from."""
    return (
        store.posts,
        store.diagnostics,
        store.occurrences,
        store.title,
        store.tags(),
        store.labels,
        store._days,
        store._search_text,
        store._by_tag,
        store._tag_sets,
        store._day_index,
        store._all_day_index,
    )


def no_rebuild(monkeypatch):
    def fail(_occurrences):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(store_module, "build_index", fail)


def warm_equals_cold(paths, cache_file, monkeypatch, *, drafts=False):
    cold = load_store(paths, drafts=drafts)
    first = load_store(paths, drafts=drafts, cache=PostCache(cache_file))
    with monkeypatch.context() as patched:
        no_rebuild(patched)
        warm = load_store(paths, drafts=drafts, cache=PostCache(cache_file))
    assert state(first) == state(cold)
    assert state(warm) == state(cold)
    return warm


@pytest.mark.parametrize("drafts", [False, True])
def test_the_warm_store_is_the_cold_store_on_the_corpus(tmp_path, monkeypatch, drafts):
    corpora = [path for path in CORPORA if path.is_dir()]
    if not corpora:
        pytest.skip("the shared corpus is not beside the checkout")
    store = warm_equals_cold(corpora, tmp_path / "cache.bin", monkeypatch, drafts=drafts)
    assert len(store.occurrences) > 100


def test_the_warm_store_is_the_cold_store_on_generated_posts(tmp_path, monkeypatch):
    folder = tmp_path / "posts"
    folder.mkdir()
    write_posts(folder, 120, seed=7)
    store = warm_equals_cold([folder], tmp_path / "cache.bin", monkeypatch)
    assert len(store.tags()) > 5 and len(store.occurrences) > 300


def test_a_changed_file_rebuilds_the_index(tmp_path, monkeypatch):
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache" / "posts.msgpack"
    load_store([tmp_path], cache=PostCache(cache_file))
    text = post.read_text(encoding="utf-8").replace("[Webinaire]", "[Conférence]", 1)
    post.write_text(text, encoding="utf-8")
    os.utime(post, ns=(1, 1))
    warm = load_store([tmp_path], cache=PostCache(cache_file))
    assert state(warm) == state(load_store([tmp_path]))
    assert "conference" in warm.labels or any("onférence" in t.label for t in warm.tags())


def test_drafts_or_not_is_another_store(tmp_path, monkeypatch):
    copy_programme(tmp_path)
    draft = tmp_path / "brouillon.md"
    draft.write_text(
        "---\ntitle: Brouillon\npublished: false\nevent_date: 2020-11-05 10:00:00\n"
        "tags: [Secret]\n---\nCorps.\n",
        encoding="utf-8",
    )
    cache_file = tmp_path / "cache.bin"
    without = load_store([tmp_path], cache=PostCache(cache_file))
    with_drafts = load_store([tmp_path], drafts=True, cache=PostCache(cache_file))
    assert state(with_drafts) == state(load_store([tmp_path], drafts=True))
    assert state(without) == state(load_store([tmp_path]))
    assert len(with_drafts.occurrences) == len(without.occurrences) + 1


def _with_store_record(cache_file, change):
    header, *entries, store = frames(cache_file.read_bytes())
    change(store)
    cache_file.write_bytes(framed([header, *entries, store]))


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s[3].__setitem__(0, 10_000),  # order: an index past the occurrences
        lambda s: s[3].__setitem__(0, s[3][1]),  # order: one occurrence twice
        lambda s: s[3].__setitem__(0, -1),
        lambda s: s[3].pop(),  # order: one short
        lambda s: s[4].__setitem__("webinaire", [0, 99_999]),  # a tag on no such occurrence
        lambda s: s[4].__setitem__("inconnu", [0]),  # a tag without a label
        lambda s: s[7].__setitem__(10**12, [0]),  # a day no date can be
        lambda s: s[7].__setitem__(738000, [-5]),
        lambda s: s[3].__setitem__(0, "zéro"),  # the wrong type
        lambda s: s.__setitem__(6, "tags"),
        lambda s: s.pop(),  # a record of the wrong shape
    ],
)
def test_a_planted_store_index_is_rebuilt(tmp_path, change):
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    cold = load_store([tmp_path])
    load_store([tmp_path], cache=PostCache(cache_file))
    _with_store_record(cache_file, change)
    assert state(load_store([tmp_path], cache=PostCache(cache_file))) == state(cold)
    # ... and the cache is whole again for the next load.
    assert state(load_store([tmp_path], cache=PostCache(cache_file))) == state(cold)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],  # the file ends inside the last frame
        lambda data: data + b"\x00",  # bytes after the last frame
        lambda data: b"\xff\xff\xff\xff" + data[4:],  # a frame longer than the file
        lambda data: data[:4] + b"\xc1" + data[5:],  # a byte MessagePack never uses
    ],
)
def test_a_damaged_cache_file_is_a_miss(tmp_path, damage):
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    cold = load_store([tmp_path])
    load_store([tmp_path], cache=PostCache(cache_file))
    cache_file.write_bytes(damage(cache_file.read_bytes()))
    cache = PostCache(cache_file)
    cache.load()
    assert len(cache) == 0
    assert state(load_store([tmp_path], cache=PostCache(cache_file))) == state(cold)


def test_the_app_reopening_an_unchanged_collection_writes_no_cache(tmp_path, monkeypatch):
    # The app reads through the watcher's in-memory cache, which gives every post back to the
    # disk cache when it closes: posts the disk cache handed out are not written again.
    from calendar_tui.check_watch import WatchCache

    copy_programme(tmp_path)
    cache_file = tmp_path / "cache" / "posts.msgpack"
    first = WatchCache(PostCache(cache_file))
    cold = load_store([tmp_path], cache=first)
    first.close()
    written = cache_file.stat()
    again = WatchCache(PostCache(cache_file))
    with monkeypatch.context() as patched:
        no_rebuild(patched)
        warm = load_store([tmp_path], cache=again)
    again.close()
    assert state(warm) == state(cold)
    assert (cache_file.stat().st_ino, cache_file.stat().st_mtime_ns) == (
        written.st_ino,
        written.st_mtime_ns,
    )
