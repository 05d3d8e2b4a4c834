"""A terminating signal during a pooled load leaves no worker process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import write_posts  # noqa: E402

from calendar_tui.model import parsing  # noqa: E402

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir() or os.cpu_count() == 1, reason="needs Linux /proc"
)


def children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(child) for child in text.split()}


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has exited; only its exit status is left


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.fixture(scope="module")
def many_posts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("posts")
    write_posts(folder, 2_000)
    return folder


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("command", ["check", "list"])
def test_no_worker_outlives_a_signalled_load(many_posts: Path, command: str, signum: int):
    process = subprocess.Popen(
        [sys.executable, "-m", "calendar_tui", command, str(many_posts), "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # Ready when the pool's workers exist (they parse for seconds on 2,000 files).
        started = wait_for(lambda: len(children(process.pid)) >= parsing.pool_workers(), 60)
        assert started, "no pool started"
        workers = children(process.pid)
        process.send_signal(signum)
        process.wait(timeout=30)
        assert wait_for(lambda: not any(map(alive, workers)), 10), "workers left running"
    finally:
        process.kill()
        process.wait()
        for pid in children(process.pid):
            os.kill(pid, signal.SIGKILL)


def test_a_forked_worker_watches_the_process_that_forked_it(monkeypatch):
    # Taken before the fork (not from getppid() in the worker): a SIGTERM landing between the
    # fork and the worker's initializer once left workers watching init, alive for ever (seen
    # in CI as "workers left running").
    monkeypatch.setattr(parsing.threading, "active_count", lambda: 1)  # the CLI's fork path
    pool = parsing._start_pool(1)
    try:
        assert pool.submit(parsing.watched_parent).result(timeout=60) == os.getpid()
    finally:
        pool.shutdown()
