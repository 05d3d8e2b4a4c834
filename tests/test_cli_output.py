"""The CLI's output going wrong: a reader that stops early, a full disk, odd -o targets, bad usage."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from calendar_tui.cli import main

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of messages

COMMAND = [sys.executable, "-m", "calendar_tui"]


@pytest.mark.parametrize(
    "args",
    [["check"], ["list"], ["list", "--format", "json"], ["list", "--format", "ics"]],
    ids=["check", "table", "json", "ics"],
)
def test_a_reader_that_stops_early_gives_no_traceback(args):
    # As `calendar-tui ... | head`: the pipe is closed before anything is written to it.
    process = subprocess.Popen(
        [*COMMAND, *args, "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()
    _, err = process.communicate(timeout=120)
    assert err == b"" and process.returncode == 141


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["check"], ["list", "--format", "json"], ["list", "--format", "ics"]]
)
def test_stdout_on_a_full_disk_is_one_line_and_status_1(args):
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*COMMAND, *args, "--no-cache"], stdout=full, stderr=subprocess.PIPE, timeout=120
        )
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "calendar-tui: cannot write the output: No space left on device"
    ]


def test_a_missing_path_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "/nonexistent/posts"])
    assert exit_info.value.code == 2
    assert "/nonexistent/posts: no such file or folder" in capsys.readouterr().err


def test_a_range_that_ends_before_it_starts_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--from", "2020-11-30", "--to", "2020-11-01"])
    assert exit_info.value.code == 2
    assert "--from 2020-11-30 is after --to 2020-11-01" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_ics_into_a_named_pipe_is_written_through(tmp_path, capsys):
    pipe = tmp_path / "calendrier.ics"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    try:
        assert main(["list", "--format", "ics", "-o", str(pipe), "--no-cache"]) == 0
    finally:
        reader.join(timeout=60)
    assert received[0].startswith(b"BEGIN:VCALENDAR")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # still the pipe, not a file in its place
    assert "written through" in capsys.readouterr().err


def test_ics_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, capsys):
    target = tmp_path / "vrai.ics"
    target.write_bytes(b"old")
    link = tmp_path / "lien.ics"
    link.symlink_to(target)
    dangling = tmp_path / "pendant.ics"
    dangling.symlink_to(tmp_path / "nouveau.ics")
    for path in (link, dangling):
        assert main(["list", "--format", "ics", "-o", str(path), "--no-cache"]) == 0
        assert path.is_symlink()
        assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "through the symbolic link" in capsys.readouterr().err
