"""The cache of parsed posts: reused when files are unchanged, refreshed when they change."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import msgspec
import pytest

from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_posts
from calendar_tui.paths import bundled_programme


def frames(data: bytes) -> list:
    """The cache file's records, decoded as plain values (see cache_format.py)."""
    records = []
    while data:
        length = int.from_bytes(data[:4], "big")
        records.append(msgspec.msgpack.decode(data[4 : 4 + length]))
        data = data[4 + length :]
    return records


def framed(records: list) -> bytes:
    payloads = [msgspec.msgpack.encode(record) for record in records]
    return b"".join(len(payload).to_bytes(4, "big") + payload for payload in payloads)


def copy_programme(folder):
    target = folder / bundled_programme().name
    shutil.copy(bundled_programme(), target)
    return target


def test_unchanged_posts_come_from_the_cache(tmp_path, monkeypatch):
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache" / "posts.msgpack"
    first = load_posts([tmp_path], cache=PostCache(cache_file))
    assert cache_file.exists()

    def fail(*_args, **_kwargs):
        raise AssertionError("the post was parsed again")

    # The loader imports the parser on a cache miss only: patch it where it lives.
    monkeypatch.setattr("calendar_tui.model.post.build_post", fail)
    monkeypatch.setattr("calendar_tui.model.front_matter.parse_post_text", fail)
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
    cache_file = tmp_path / "posts.msgpack"
    cache_file.write_bytes(b"not a cache")
    result = load_posts([tmp_path], cache=PostCache(cache_file))
    assert len(result.posts[0].sessions) == 20
    assert cache_file.read_bytes() != b"not a cache"


def test_each_collection_has_its_own_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CALENDAR_TUI_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = PostCache.for_paths([tmp_path / "a"])
    assert first.path.parent == tmp_path / "cache"
    assert first.path == PostCache.for_paths([tmp_path / "a"]).path
    assert first.path != PostCache.for_paths([tmp_path / "b"]).path
    assert first.path != PostCache.for_paths([tmp_path / "a", tmp_path / "b"]).path


class _Planted:
    """Pickles to a call that writes a file: what an attacker would leave in the cache folder."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (Path(self.marker).write_text, ("code ran",))


def test_a_planted_cache_file_never_runs_code(tmp_path):
    copy_programme(tmp_path)
    marker = tmp_path / "pwned"
    cache_file = tmp_path / "cache.bin"
    cache_file.write_bytes(pickle.dumps((_Planted(marker), {})))
    result = load_posts([tmp_path], cache=PostCache(cache_file))
    assert not marker.exists()
    assert len(result.posts[0].sessions) == 20


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xc1",  # a byte MessagePack never uses
        b"\x93\x01\x02\x03",  # an array, not the cache's mapping
        b"\x83\xa7version\x02\xabfingerprint\xa1x\xa7entries\x81\xa1a\x92\x90\x90",
        b"\x91" * 100_000 + b"\xc0",  # nested far deeper than any record
    ],
)
def test_anything_unexpected_in_the_cache_is_a_miss(tmp_path, data):
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    cache_file.write_bytes(data)
    result = load_posts([tmp_path], cache=PostCache(cache_file))
    assert len(result.posts[0].sessions) == 20
    again = load_posts([tmp_path], cache=PostCache(cache_file))
    assert again.posts == result.posts


def test_a_cached_entry_of_the_wrong_shape_is_parsed_again(tmp_path):
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    first = load_posts([tmp_path], cache=PostCache(cache_file))
    header, entry, *store = frames(cache_file.read_bytes())
    entry[2][4][2][0][0] = "2020-13-45T99:00:00+01:00"  # the event's first slot: no such moment
    cache_file.write_bytes(framed([header, entry, *store]))
    assert load_posts([post], cache=PostCache(cache_file)).posts == first.posts


def test_a_planted_text_source_is_cleaned_when_read(tmp_path):
    # The cache keeps the Markdown a description is made from (session_text.py): bytes that
    # are not UTF-8, or that hold escape sequences, are made into clean text like a post's.
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    load_posts([tmp_path], cache=PostCache(cache_file))
    header, entry, *store = frames(cache_file.read_bytes())
    entry[2][4][5] = b"\xff\xfe \x1b[31mrouge\x1b[0m \xe2\x80\xae [lien](https://example.org)"
    cache_file.write_bytes(framed([header, entry, *store]))
    event = load_posts([post], cache=PostCache(cache_file)).posts[0].event
    assert event.description.endswith("\ufffd\ufffd rouge  [lien](https://example.org)")
    assert [link.url for link in event.links][-1] == "https://example.org"


def test_a_negative_line_count_in_a_text_source_is_a_miss(tmp_path):
    post = copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    first = load_posts([tmp_path], cache=PostCache(cache_file))
    header, entry, *store = frames(cache_file.read_bytes())
    entry[2][5][0][6] = -1  # the first session's lines before its description
    cache_file.write_bytes(framed([header, entry, *store]))
    assert load_posts([post], cache=PostCache(cache_file)).posts == first.posts


def test_a_folder_named_three_ways_is_cached_once(tmp_path, monkeypatch):
    folder = tmp_path / "posts"
    folder.mkdir()
    copy_programme(folder)
    (tmp_path / "link").symlink_to(folder)
    cache_file = tmp_path / "cache.bin"
    monkeypatch.chdir(tmp_path)
    shown = []
    for named in (Path("posts"), folder, tmp_path / "link"):
        result = load_posts([named], cache=PostCache(cache_file))
        shown.append(result.posts[0].path)
    cache = PostCache(cache_file)
    cache.load()
    assert len(cache) == 1
    # Each load still shows the path as it was named.
    assert shown == [str(Path("posts") / post.name) for post in [bundled_programme()]] + [
        str(folder / bundled_programme().name),
        str(tmp_path / "link" / bundled_programme().name),
    ]


def test_entries_for_files_no_longer_seen_are_dropped(tmp_path):
    post = copy_programme(tmp_path)
    other = tmp_path / "autre.md"
    other.write_text("---\ntitle: Autre\ndate: 2020-11-02\n---\nCorps.\n", encoding="utf-8")
    cache_file = tmp_path / "cache" / "posts.msgpack"
    load_posts([tmp_path], cache=PostCache(cache_file))
    other.unlink()
    load_posts([tmp_path], cache=PostCache(cache_file))
    cache = PostCache(cache_file)
    cache.load()
    assert len(cache) == 1
    assert post.exists()


def test_a_same_size_edit_with_the_old_mtime_restored_is_seen(tmp_path):
    post = tmp_path / "event.md"
    post.write_text("---\ntitle: Avant\ndate: 2020-11-02\n---\nCorps.\n", encoding="utf-8")
    cache_file = tmp_path / "cache" / "posts.msgpack"
    before = post.stat()
    assert load_posts([tmp_path], cache=PostCache(cache_file)).posts[0].title == "Avant"
    post.write_text("---\ntitle: Après\ndate: 2020-11-02\n---\nCorps\n", encoding="utf-8")
    os.utime(post, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or rsync -t do
    assert post.stat().st_size == before.st_size
    assert load_posts([tmp_path], cache=PostCache(cache_file)).posts[0].title == "Après"


def test_moments_keep_their_zone_through_the_cache(tmp_path):
    post = tmp_path / "event.md"
    post.write_text(
        "---\ntitle: Loin\nevent_start_date: 2020-11-02 10:00:00\nevent_end_date: 2020-11-02 12:00:00\ntimezone: America/Montreal\n---\nCorps.\n",
        encoding="utf-8",
    )
    cache_file = tmp_path / "cache.bin"
    first = load_posts([post], cache=PostCache(cache_file)).posts[0]
    second = load_posts([post], cache=PostCache(cache_file)).posts[0]
    assert second == first
    start = second.event.slots[0].start
    assert (start.hour, str(start.tzinfo)) == (first.event.slots[0].start.hour, "America/Montreal")


def test_a_post_with_date_problems_is_cached_and_read_back(tmp_path):
    # The date grammar's problems carry their code (model.problem.Problem, a str subclass):
    # the cache stores the plain sentence and the code beside it.
    post = tmp_path / "programme.md"
    post.write_text(
        "---\ntitle: Programme\nevent_start_date: 2020-11-02 00:00:00\n---\n\n"
        "**[Le 31/11 à 9h] [Webinaire]**\n*Une session*\n",
        encoding="utf-8",
    )
    cache_file = tmp_path / "cache.bin"
    first = load_posts([post], cache=PostCache(cache_file))
    assert cache_file.exists() and first.diagnostics
    second = load_posts([post], cache=PostCache(cache_file))
    assert [(d.code, d.message) for d in second.diagnostics] == [
        (d.code, str(d.message)) for d in first.diagnostics
    ]


def test_the_fingerprint_follows_the_sources_content_not_their_mtimes(tmp_path, monkeypatch):
    from calendar_tui.model import cache

    sources = tmp_path / "model"
    shutil.copytree(cache._MODEL_DIR, sources, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_MODEL_DIR", sources)
    before = cache.code_fingerprint()
    store = sources / "store.py"
    os.utime(store, ns=(1, 1))  # a fresh checkout or a `touch`: same bytes, new mtime
    assert cache.code_fingerprint() == before
    text = store.read_bytes()
    store.write_bytes(text.replace(b"def ", b"def  ", 1))  # an edit
    os.utime(store, ns=(1, 1))
    assert cache.code_fingerprint() != before
