"""`--poll`: changes are found by looking at the files, including the saves watchfiles' own
poller misses (same size, same whole second: it compares mtimes to the second only)."""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import pytest
from watchfiles import Change

from calendar_tui.check_watch import change_batches, polling

WAIT_S = 15  # the longest wait for an expected batch; it ends as soon as the batch comes
SECOND = 1_700_000_000 * 10**9  # a whole second, in ns


class Batches:
    """`change_batches` in a thread, as the app runs it; its batches arrive in a queue."""

    def __init__(self, paths: list[Path], poll: bool | None = True) -> None:
        self.stop = threading.Event()
        self.queue: queue.Queue[set] = queue.Queue()
        self.thread = threading.Thread(target=self._run, args=(paths, poll), daemon=True)
        self.thread.start()

    def _run(self, paths: list[Path], poll: bool | None) -> None:
        for batch in change_batches(paths, poll, self.stop):
            self.queue.put(batch)

    def next(self) -> set:
        return self.queue.get(timeout=WAIT_S)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=WAIT_S)


@pytest.fixture
def batches_factory():
    started: list[Batches] = []

    def start(paths: list[Path], poll: bool | None = True) -> Batches:
        started.append(Batches(paths, poll))
        return started[-1]

    yield start
    for batches in started:
        batches.close()


def write_at(path: Path, text: str, mtime_ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime_ns, mtime_ns))


def test_a_same_size_save_within_the_same_second_is_seen(tmp_path, batches_factory):
    post = tmp_path / "programme.md"
    write_at(post, "le 31/11\n", SECOND + 100_000_000)
    batches = batches_factory([tmp_path])
    assert batches.next() == set()  # in place

    fixed = tmp_path / ".programme.md.tmp"  # an editor's save: a copy renamed over the post
    write_at(fixed, "le 30/11\n", SECOND + 600_000_000)
    os.replace(fixed, post)
    assert batches.next() == {(Change.modified, str(post))}


def test_additions_and_removals_in_a_burst_are_one_batch(tmp_path, batches_factory):
    (tmp_path / "gone.md").write_text("a", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a post", encoding="utf-8")
    batches = batches_factory([tmp_path])
    assert batches.next() == set()
    (tmp_path / "gone.md").unlink()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new.md").write_text("b", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("still not a post", encoding="utf-8")
    (tmp_path / ".hidden.md").write_text("an editor's swap file", encoding="utf-8")
    assert batches.next() == {
        (Change.deleted, str(tmp_path / "gone.md")),
        (Change.added, str(tmp_path / "sub" / "new.md")),
    }


def test_a_file_given_alone_is_followed(tmp_path, batches_factory):
    post = tmp_path / "post.md"
    post.write_text("a", encoding="utf-8")
    (tmp_path / "beside.md").write_text("a", encoding="utf-8")
    batches = batches_factory([post])
    assert batches.next() == set()
    (tmp_path / "beside.md").write_text("bb", encoding="utf-8")
    post.write_text("bb", encoding="utf-8")
    assert batches.next() == {(Change.modified, str(post))}


def test_setting_the_stop_event_ends_it(tmp_path, batches_factory):
    batches = batches_factory([tmp_path])
    assert batches.next() == set()
    batches.close()
    assert not batches.thread.is_alive()


@pytest.mark.parametrize(
    ("poll", "setting", "expected"),
    [
        (True, "", True),
        (False, "1", False),
        (None, "1", True),
        (None, "false", False),
        (None, "Disabled", False),
        (None, "", False),
    ],
)
def test_polling_follows_the_option_then_the_environment(monkeypatch, poll, setting, expected):
    monkeypatch.setenv("WATCHFILES_FORCE_POLLING", setting)
    assert polling(poll) is expected
