"""SIGTERM or SIGHUP to the running app (in a pseudo-terminal): it leaves the alternate screen
and turns mouse reporting off, as on `q`, and no process it started outlives it."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from generate import write_posts  # noqa: E402

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")

ALT_SCREEN_ON, ALT_SCREEN_OFF = b"\x1b[?1049h", b"\x1b[?1049l"
MOUSE_OFF = (b"\x1b[?1000l", b"\x1b[?1003l", b"\x1b[?1006l")


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{parent}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                text = Path(f"/proc/{parent}/task/{task}/children").read_text()
            except OSError:
                continue
            for child in map(int, text.split()):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


class Terminal:
    """The app on a pseudo-terminal of 100x30, everything it writes kept."""

    def __init__(self, args: list[str]) -> None:
        self.master, slave = os.openpty()
        os.set_blocking(self.master, False)
        env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "calendar_tui", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,  # its own controlling terminal, as in a real one
        )
        os.close(slave)
        self.output = bytearray()

    def read(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the other end closed: the app is gone
                    return
                if not chunk:
                    return
                self.output += chunk
            elif self.process.poll() is not None:
                return

    def wait_for(self, condition, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            self.read(0.1)
        return condition()

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        os.close(self.master)


@pytest.fixture(scope="module")
def many_posts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("posts")
    write_posts(folder, 3_000)
    return folder


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("while_loading", [False, True], ids=["shown", "loading"])
def test_a_signal_restores_the_terminal_and_ends_the_workers(many_posts, signum, while_loading):
    args = [str(many_posts), "--no-cache"] if while_loading else []
    terminal = Terminal(args)
    try:
        assert terminal.wait_for(lambda: ALT_SCREEN_ON in terminal.output, 60), "no app"
        if while_loading:  # the loading screen's progress (and the loader's pool, if any)
            assert terminal.wait_for(lambda: b"Chargement" in terminal.output, 60)
        else:
            assert terminal.wait_for(lambda: b"Mois" in terminal.output, 30)
        started = descendants(terminal.process.pid)
        before = len(terminal.output)
        terminal.process.send_signal(signum)
        terminal.wait_for(lambda: terminal.process.poll() is not None, 30)
        terminal.read(0.5)
        assert terminal.process.poll() is not None, "the app did not end"
        after = bytes(terminal.output[before:])
        assert ALT_SCREEN_OFF in after
        assert all(sequence in after for sequence in MOUSE_OFF)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(map(alive, started)):
            time.sleep(0.05)
        assert not [pid for pid in started if alive(pid)], "processes left running"
    finally:
        for pid in descendants(terminal.process.pid):
            os.kill(pid, signal.SIGKILL)
        terminal.close()
