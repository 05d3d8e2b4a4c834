"""Named pipes, devices and endless files given as posts are skipped with a reason, never read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from calendar_tui.model.reading import NotReadable, read_regular

GOOD = "---\ntitle: Bon\nevent_start_date: 2020-11-05 14:00:00 +01:00\n---\nTexte.\n"
pytestmark = [
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes"),
    pytest.mark.usefixtures("english"),  # pins the English wording of diagnostics
]


def check(*paths: Path) -> subprocess.CompletedProcess[str]:
    # In a child process: before the fix it blocked on the pipe or grew without bound.
    return subprocess.run(
        [sys.executable, "-m", "calendar_tui", "check", "--no-cache", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_fifo_or_dev_zero_in_a_folder_is_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "bon.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "tuyau.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    result = check(tmp_path)
    assert "tuyau.md: error: is a named pipe (FIFO), not a regular file; skipped" in result.stdout
    assert "zero.md: error: is a device, not a regular file; skipped" in result.stdout
    assert "1 post," in result.stdout
    assert "Traceback" not in result.stderr


def test_a_fifo_or_dev_zero_named_on_the_command_line_is_skipped(tmp_path: Path):
    os.mkfifo(tmp_path / "tuyau.md")
    result = check(tmp_path / "tuyau.md", Path("/dev/zero"))
    assert "tuyau.md: error: is a named pipe (FIFO)" in result.stdout
    assert "/dev/zero: error: is a device" in result.stdout
    assert result.returncode == 1


def test_the_size_limit_holds_while_reading_not_from_st_size(tmp_path: Path):
    status = Path("/proc/self/status")  # a regular file whose st_size says 0
    if not status.exists() or status.stat().st_size:
        pytest.skip("needs /proc")
    with pytest.raises(NotReadable, match="larger than 10 bytes"):
        read_regular(status, 10)
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2000)
    assert read_regular(big, 2000) == b"x" * 2000
    with pytest.raises(NotReadable):
        read_regular(big, 1999)
