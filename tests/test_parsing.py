"""Parsing on several cores gives exactly what parsing in one process gives, whatever happens."""

from __future__ import annotations

import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from calendar_tui.model import parsing
from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_posts, load_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is not beside the project"
)


@pytest.fixture(scope="module")
def in_one_process():
    return load_posts([CORPUS], drafts=True, parallel=False)


def test_a_pool_of_workers_gives_the_same_posts_and_diagnostics(in_one_process, monkeypatch):
    monkeypatch.setattr(parsing, "CHUNK_FILES", 5)  # many chunks, finishing in any order
    pooled = load_posts([CORPUS], drafts=True, parallel=True)
    assert pooled.posts == in_one_process.posts
    assert pooled.diagnostics == in_one_process.diagnostics
    assert len(pooled.posts) > 50


def test_this_process_parses_the_last_chunks_while_the_workers_start(in_one_process, monkeypatch):
    monkeypatch.setattr(parsing, "CHUNK_FILES", 5)
    parsed_here: list[str] = []  # what the forked workers record stays in their own memory
    real_parse_file = parsing.parse_file

    def recording(path, shown):
        parsed_here.append(shown)
        return real_parse_file(path, shown)

    monkeypatch.setattr(parsing, "parse_file", recording)
    pooled = load_posts([CORPUS], drafts=True, parallel=True)
    assert pooled == in_one_process
    every = sorted(str(p) for p in CORPUS.rglob("*") if p.suffix in (".md", ".markdown"))
    assert 0 < len(parsed_here) < len(every) - 5  # the first chunk is always a worker's
    assert parsed_here[-1] not in every[:5]


def test_with_threads_running_the_workers_come_from_a_server_process(in_one_process):
    # As in the terminal app, which loads in a thread: forking this process would be unsafe.
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert load_posts([CORPUS], drafts=True, parallel=True) == in_one_process
    finally:
        release.set()
        other.join()


def test_without_a_pool_the_files_are_parsed_here(in_one_process, monkeypatch):
    def no_pool(_workers):
        raise OSError("no semaphores on this system")

    monkeypatch.setattr(parsing, "_start_pool", no_pool)
    assert load_posts([CORPUS], drafts=True, parallel=True) == in_one_process


def test_a_broken_pool_leaves_the_rest_to_this_process(in_one_process, monkeypatch):
    real_start = parsing._start_pool

    class DiesAfterTwoChunks:
        def __init__(self, workers):
            self.pool = real_start(workers)
            self.submitted = 0

        def submit(self, function, chunk):
            self.submitted += 1
            if self.submitted > 2:
                raise BrokenProcessPool("a worker was killed")
            return self.pool.submit(function, chunk)

        def shutdown(self, **kwargs):
            self.pool.shutdown(**kwargs)

    monkeypatch.setattr(parsing, "CHUNK_FILES", 7)
    monkeypatch.setattr(parsing, "_start_pool", DiesAfterTwoChunks)
    assert load_posts([CORPUS], drafts=True, parallel=True) == in_one_process


def test_progress_counts_every_file_once_cached_or_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(parsing, "CHUNK_FILES", 9)
    cache = tmp_path / "posts.msgpack"
    seen: list[tuple[int, int]] = []
    load_store([CORPUS], cache=PostCache(cache), parallel=True, progress=lambda *a: seen.append(a))
    total = seen[-1][1]
    assert [done for done, _ in seen] == list(range(1, total + 1))

    seen.clear()  # the posts come from the cache at once; files that are no post are read again
    load_store([CORPUS], cache=PostCache(cache), parallel=True, progress=lambda *a: seen.append(a))
    done = [done for done, _ in seen]
    assert done == sorted(set(done)) and seen[-1] == (total, total)
    assert len(seen) < 5


def test_small_loads_stay_in_this_process(monkeypatch):
    def no_pool(_workers):
        raise AssertionError("a pool was started for a handful of files")

    monkeypatch.setattr(parsing, "_start_pool", no_pool)
    assert load_posts([CORPUS]).posts
