"""The system's change events gathered into one batch per save (`watch_events`), looking for
the stop event often enough that quitting the app does not wait on its watcher thread."""

from __future__ import annotations

import threading

import watchfiles
from watchfiles import Change

from calendar_tui.check_watch import MAX_BATCH_MS, QUIET_MS, change_batches
from calendar_tui.watch_events import STEP_MS, gathered

A = {(Change.modified, "/posts/a.md")}
B = {(Change.added, "/posts/b.md")}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_first_quiet_says_ready_and_later_quiets_alone_say_nothing():
    assert list(gathered([set(), set(), set()], 2.0)) == [set()]


def test_changes_are_kept_until_the_files_are_quiet():
    assert list(gathered([set(), A, B, set(), set()], 2.0)) == [set(), A | B]


def test_changes_before_the_first_quiet_are_the_first_batch():
    assert list(gathered([A, set(), set()], 2.0)) == [A]


def test_steady_changes_are_given_after_the_longest_batch():
    clock = Clock()

    def raw():
        for step in range(6):
            clock.now = step * 0.5
            yield A if step % 2 else B

    assert list(gathered(raw(), 2.0, clock)) == [A | B]  # at 2.0 s; the rest waits for a quiet


def test_unfinished_changes_are_dropped_when_the_watcher_stops():
    assert list(gathered([set(), A], 2.0)) == [set()]


def test_watchfiles_looks_at_the_stop_event_every_step(monkeypatch, tmp_path):
    """Quitting waits for the watcher thread, which sees the stop event only between two steps
    of watchfiles: the step is short, the quiet period is counted on top of it."""
    seen = {}

    def fake_watch(*roots, **options):
        seen.update(options, roots=roots)
        yield set()

    monkeypatch.setattr(watchfiles, "watch", fake_watch)
    stop = threading.Event()
    assert list(change_batches([tmp_path], False, stop)) == [set()]
    assert seen["step"] == STEP_MS <= 50 and seen["stop_event"] is stop
    assert seen["rust_timeout"] == QUIET_MS and seen["debounce"] == MAX_BATCH_MS
    assert seen["roots"] == (tmp_path,)
