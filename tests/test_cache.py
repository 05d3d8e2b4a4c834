"""The cache of parsed posts: reused when files are unchanged, refreshed when they change."""

from __future__ import annotations

import os
import shutil

from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_posts
from calendar_tui.paths import bundled_programme


def copy_programme(folder):
    target = folder / bundled_programme().name
    shutil.copy(bundled_programme(), target)
    return target


def test_unchanged_posts_come_from_the_cache(tmp_path, monkeypatch):
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache" / "posts.pickle"
    first = load_posts([tmp_path], cache=PostCache(cache_file))
    assert cache_file.exists()

    def fail(*_args, **_kwargs):
        raise AssertionError("the post was parsed again")

    # The loader imports the parser on a cache miss only: patch it where it lives.
    monkeypatch.setattr("calendar_tui.model.post.build_post", fail)
    monkeypatch.setattr("calendar_tui.model.front_matter.read_raw_post", fail)
    second = load_posts([tmp_path], cache=PostCache(cache_file))
    assert second.posts == first.posts
    assert second.posts[0].sessions[3].search_text  # folded search text travels with the post
    monkeypatch.undo()

    text = post.read_text(encoding="utf-8").replace("*Clinique #BlueHats", "*Clinique BlueHats")
    post.write_text(text, encoding="utf-8")
    os.utime(post, ns=(1, 1))  # a different mtime even on coarse clocks
    third = load_posts([tmp_path], cache=PostCache(cache_file))
    assert any(s.title.startswith("Clinique BlueHats") for s in third.posts[0].sessions)


def test_a_corrupt_cache_is_rebuilt(tmp_path):
    copy_programme(tmp_path)
    cache_file = tmp_path / "posts.pickle"
    cache_file.write_bytes(b"not a pickle")
    result = load_posts([tmp_path], cache=PostCache(cache_file))
    assert len(result.posts[0].sessions) == 20
    assert cache_file.read_bytes() != b"not a pickle"


def test_each_collection_has_its_own_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CALENDAR_TUI_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = PostCache.for_paths([tmp_path / "a"])
    assert first.path.parent == tmp_path / "cache"
    assert first.path == PostCache.for_paths([tmp_path / "a"]).path
    assert first.path != PostCache.for_paths([tmp_path / "b"]).path
    assert first.path != PostCache.for_paths([tmp_path / "a", tmp_path / "b"]).path
