"""`check --watch`: a real process watches tmp_path while the test edits, renames, creates and
deletes posts; it must print only the problems that appear or go, then stop cleanly on Ctrl+C."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from calendar_tui.check_watch import PostFilter, problem_changes
from calendar_tui.model.types import Diagnostic

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

TIMEOUT = 30  # seconds to wait for an expected line; a wait ends as soon as the line comes

GOOD = (
    "---\ntitle: Un atelier\ndate: 2020-11-01 10:00:00 +01:00\n"
    "event_start_date: 2020-11-12 14:00:00 +01:00\nlieu: En ligne\n---\n\nUne description.\n"
)
PROGRAMME = (
    "---\ntitle: Programme\ndate: 2020-11-04 10:00:00 +01:00\n"
    "event_start_date: 2020-11-02 00:00:00 +01:00\n---\n\n"
    "**[Le {day}/11 à 9h] [Webinaire]**\n*Une session*\n\nTexte.\n"
)
IMPOSSIBLE = "---\ntitle: Nouveau\nevent_start_date: 2020-11-40\n---\nTexte\n"


class Watcher:
    """`calendar-tui check --watch` in a subprocess; its stdout lines arrive in a queue."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "calendar_tui", "check", "--watch", *args]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, *parts: str) -> list[str]:
        """Waits for a line holding every one of `parts`; returns the lines up to it."""
        got: list[str] = []
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no line with {parts!r}; got {self.seen!r}") from None
            got.append(line)
            self.seen.append(line)
            if all(part in line for part in parts):
                return got

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            _, stderr = self.process.communicate(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
        return self.process.returncode, stderr


@pytest.fixture
def watcher_factory():
    started: list[Watcher] = []

    def start(*args: str) -> Watcher:
        watcher = Watcher(*args)
        started.append(watcher)
        return watcher

    yield start
    for watcher in started:
        if watcher.process.poll() is None:
            watcher.process.kill()
            watcher.process.wait()


def replace_by_rename(path: Path, text: str) -> None:
    """How many editors save: write a temporary file beside it, then rename it over."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@pytest.mark.parametrize("mode", ["events", "poll"])
def test_edits_print_only_the_problems_that_appear_or_go(tmp_path, watcher_factory, mode):
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "good.md").write_text(GOOD, encoding="utf-8")
    (posts / "programme.md").write_text(PROGRAMME.format(day="31"), encoding="utf-8")
    watcher = watcher_factory(str(posts), *(["--poll"] if mode == "poll" else []))

    start = watcher.expect("Watching for changes")
    assert f"{posts / 'programme.md'}:7: error: '31/11' is not a date" in start
    assert "2 posts, 2 sessions: 1 error, 0 warnings" in start

    replace_by_rename(posts / "programme.md", PROGRAMME.format(day="30"))
    fixed = watcher.expect("0 errors, 0 warnings")
    assert [line.split("] ", 1)[1] for line in fixed] == [
        f"fixed: {posts / 'programme.md'}:7: error: '31/11' is not a date",
        "2 posts, 2 sessions: 0 errors, 0 warnings",
    ]

    # Truncated then written in two steps: the half-written front matter is never reported.
    with open(posts / "good.md", "w", encoding="utf-8") as handle:
        handle.write(GOOD[:30])
        handle.flush()
        time.sleep(0.02)  # the editor's second write; no waiting on the watcher here
        handle.write(GOOD[30:].replace("2020-11-12 14:00", "2020-11-31 14:00"))
    broken = watcher.expect(": 1 error,")
    # The impossible date (an error), and that the post is left out of the calendar because of it.
    assert len(broken) == 3, broken
    assert all(
        line.split("] ", 1)[1].startswith(f"new: {posts / 'good.md'}:") for line in broken[:-1]
    )
    assert "'2020-11-31 14:00:00 +01:00' is not a date" in broken[0], broken

    (posts / "new.md").write_text(IMPOSSIBLE, encoding="utf-8")
    created = watcher.expect(": 2 errors,")
    assert len(created) >= 2, created
    assert all(
        line.split("] ", 1)[1].startswith(f"new: {posts / 'new.md'}:") for line in created[:-1]
    )

    (posts / "new.md").unlink()
    deleted = watcher.expect(": 1 error,")
    assert deleted[0].split("] ", 1)[1].startswith(f"gone (file removed): {posts / 'new.md'}")

    with open(posts / "programme.md", "a", encoding="utf-8") as handle:
        handle.write("\nUne ligne de plus.\n")
    watcher.expect("1 file changed: no new problem, none fixed")

    (posts / "notes.txt").write_text("not a post", encoding="utf-8")  # ignored
    (posts / "good.md").write_text(GOOD, encoding="utf-8")
    last = watcher.expect(": 0 errors,")
    assert len(last) == 3 and all("fixed:" in line for line in last[:-1]), last

    status, stderr = watcher.stop()
    assert status == 130
    assert "stopped watching" in stderr and "Traceback" not in stderr


def test_a_watched_file_is_followed_through_renames_over_it(tmp_path, watcher_factory):
    post = tmp_path / "programme.md"
    post.write_text(PROGRAMME.format(day="30"), encoding="utf-8")
    (tmp_path / "other.md").write_text(IMPOSSIBLE, encoding="utf-8")  # beside it, not watched
    watcher = watcher_factory(str(post))
    start = watcher.expect("Watching for changes")
    assert not any("other.md" in line for line in start)
    for day in ("31", "30", "32"):
        replace_by_rename(post, PROGRAMME.format(day=day))
        watcher.expect("1 post,")
    assert not any("other.md" in line for line in watcher.seen)
    assert watcher.stop()[0] == 130


def test_a_missing_path_is_refused(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "calendar_tui", "check", "--watch", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def diagnostic(path: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, "warning", message, "test.problem")


def test_a_problem_that_only_moved_is_not_news():
    before = [diagnostic("a.md", 8, "'31/11' is not a date")]
    assert problem_changes(before, [diagnostic("a.md", 9, "'31/11' is not a date")]) == ([], [])


def test_a_second_identical_problem_is_new():
    one = diagnostic("a.md", 8, "'31/11' is not a date")
    two = diagnostic("a.md", 20, "'31/11' is not a date")
    assert problem_changes([one], [one, two]) == ([two], [])
    assert problem_changes([one, two], [two]) == ([], [one])


def test_the_filter_keeps_post_files_only(tmp_path):
    (tmp_path / "posts").mkdir()
    single = tmp_path / "single.md"
    keep = PostFilter([tmp_path / "posts", single])
    assert keep(None, str(tmp_path / "posts" / "deep" / "a.markdown"))
    assert keep(None, str(single))
    assert not keep(None, str(tmp_path / "beside.md"))
    assert not keep(None, str(tmp_path / "posts" / ".a.md.swp"))
    assert not keep(None, str(tmp_path / "posts" / ".#a.md"))
    assert not keep(None, str(tmp_path / "posts" / "a.md~"))
    assert not keep(None, str(tmp_path / "posts" / "4913"))


@pytest.mark.parametrize("disk", [True, False], ids=["cache", "no-cache"])
def test_a_recheck_parses_only_the_files_that_changed(tmp_path, monkeypatch, disk):
    from calendar_tui.check_watch import WatchCache
    from calendar_tui.model import loader, parsing
    from calendar_tui.model.cache import PostCache

    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.md").write_text(GOOD.replace("Un atelier", name), encoding="utf-8")
    parsed: list[str] = []
    real = parsing.parse_files

    def counting(sources, **kwargs):
        parsed.extend(Path(path).name for path, _ in sources)
        return real(sources, **kwargs)

    monkeypatch.setattr(parsing, "parse_files", counting)  # the loader imports it when needed
    cache = WatchCache(PostCache(tmp_path / "cache.pickle") if disk else None)
    first = loader.load_posts([tmp_path], cache=cache)
    assert sorted(parsed) == ["a.md", "b.md", "c.md"] and len(first.posts) == 3
    parsed.clear()
    (tmp_path / "b.md").write_text(GOOD.replace("Un atelier", "bb"), encoding="utf-8")
    (tmp_path / "d.md").write_text(GOOD.replace("Un atelier", "d"), encoding="utf-8")
    again = loader.load_posts([tmp_path], cache=cache)
    assert sorted(parsed) == ["b.md", "d.md"]
    assert sorted(p.title for p in again.posts) == ["a", "bb", "c", "d"]
    parsed.clear()
    (tmp_path / "b.md").write_text(GOOD.replace("Un atelier", "bbb"), encoding="utf-8")
    loader.load_posts([tmp_path], cache=cache)
    assert parsed == ["b.md"]  # the earlier change of b.md is not parsed twice
    cache.close()
    assert (tmp_path / "cache.pickle").exists() is disk
