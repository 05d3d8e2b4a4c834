"""The real `calendar-tui` in a real terminal (tmux): it draws the grid, takes keys, quits cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

BIN = Path(sys.executable).with_name("calendar-tui")

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or not BIN.exists(), reason="needs tmux and the installed script"
)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def _wait_for(session: str, predicate, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if predicate(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"timed out; screen was:\n{screen}")


def test_real_app_draws_takes_keys_and_quits(tmp_path):
    session = f"caltui-{uuid.uuid4().hex[:8]}"
    done = tmp_path / "exit-code"
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TMUX")}
    own = {
        "CALENDAR_TUI_CONFIG_DIR": str(tmp_path / "config"),
        "CALENDAR_TUI_DATA_DIR": str(tmp_path / "data"),
        "CALENDAR_TUI_CACHE_DIR": str(tmp_path / "cache"),
    }
    env.update(own)
    # -e as well: a tmux server that is already running gives new sessions its own environment.
    variables = [arg for name, value in own.items() for arg in ("-e", f"{name}={value}")]
    command = f"{BIN} ; echo $? > {done}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", *variables, command],
        check=True,
        env=env,
    )
    try:
        screen = _wait_for(session, lambda s: "Novembre 2020" in s and "lun." in s)
        assert "Mois de l’innovation publique" in screen
        _tmux("send-keys", "-t", session, "End")
        _wait_for(session, lambda s: "Lundi 30 novembre 2020" in s)
        _tmux("send-keys", "-t", session, "2")
        _wait_for(session, lambda s: "Intelligence artificielle" in s and "Filtres" in s)
        _tmux("send-keys", "-t", session, "c", "q")
        deadline = time.monotonic() + 15
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists(), "the app did not quit"
        assert done.read_text().strip() == "0"
        assert (tmp_path / "cache").is_dir()  # the user's own folders were never touched
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
