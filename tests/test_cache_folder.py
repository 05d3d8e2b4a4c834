"""The cache folder is bounded: one file per collection ever opened used to pile up for ever
(every `calendar-tui list some/post.md` named a new collection); the least recently used go."""

from __future__ import annotations

import os
from pathlib import Path

from calendar_tui.model import cache_folder
from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_posts

POST = "---\ntitle: Atelier {n}\nevent_start_date: 2020-11-18 10:00:00 +01:00\n---\nTexte.\n"


def open_collection(root: Path, n: int) -> Path:
    """Loads a one-post collection through the user's cache, as `calendar-tui list` does."""
    folder = root / f"collection-{n}"
    folder.mkdir()
    (folder / "post.md").write_text(POST.format(n=n), encoding="utf-8")
    cache = PostCache.for_paths([folder])
    load_posts([folder], cache=cache)
    return cache.path


def age(path: Path, seconds: int) -> None:
    moment = path.stat().st_mtime - seconds
    os.utime(path, (moment, moment))


def test_only_the_most_recently_used_cache_files_stay(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CALENDAR_TUI_CACHE_DIR", str(cache))
    cache.mkdir()
    (cache / "notes.txt").write_text("not ours", encoding="utf-8")
    files = []
    for n in range(cache_folder.KEEP_FILES + 4):
        files.append(open_collection(tmp_path, n))
        for older in files:
            if older.exists():  # (the oldest are pruned as the folder fills)
                age(older, 10)  # each opening is later than the ones before
    first_again = PostCache.for_paths([tmp_path / "collection-4"])
    load_posts([tmp_path / "collection-4"], cache=first_again)  # used again, nothing to write
    open_collection(tmp_path, 99)  # a new collection: the folder is pruned

    left = sorted(p.name for p in cache.iterdir())
    assert len(left) == cache_folder.KEEP_FILES + 1  # the cache files, and notes.txt
    assert "notes.txt" in left
    assert files[4].name in left  # used again: among the most recent
    assert files[-1].name in left and files[0].name not in left


def test_the_bytes_are_bounded_too_but_the_file_in_use_stays(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CALENDAR_TUI_CACHE_DIR", str(cache))
    monkeypatch.setattr(cache_folder, "KEEP_BYTES", 1)
    older = open_collection(tmp_path, 1)
    age(older, 10)
    newest = open_collection(tmp_path, 2)
    assert newest.exists() and not older.exists()


def test_a_cache_named_by_hand_never_prunes_its_folder(tmp_path):
    for n in range(cache_folder.KEEP_FILES + 2):
        (tmp_path / f"posts-{n}.msgpack").write_bytes(b"someone else's")
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "post.md").write_text(POST.format(n=1), encoding="utf-8")
    load_posts([tmp_path / "p"], cache=PostCache(tmp_path / "posts-mine.msgpack"))
    assert len(list(tmp_path.glob("posts-*.msgpack"))) == cache_folder.KEEP_FILES + 3
