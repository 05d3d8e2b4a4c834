"""The favourites file: round trip, missing, corrupt, newer version, atomic and failed saves."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from calendar_tui.model import atomic
from calendar_tui.model.clock import PARIS, FixedClock
from calendar_tui.model.favourites import ENV_DATA_DIR, FILE_NAME, FavouritesFile, default_path

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of messages

CLOCK = FixedClock(datetime(2020, 11, 26, 10, 15, 30, tzinfo=PARIS))
A = "mois-de-linnovation-publique-edition-2020/fa87552e"
B = "mois-de-linnovation-publique-edition-2020/a664ddf1"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / FILE_NAME


def open_file(path: Path) -> FavouritesFile:
    return FavouritesFile.open(path, clock=CLOCK)


def write_json(path: Path, document) -> bytes:
    raw = json.dumps(document).encode()
    path.write_bytes(raw)
    return raw


def test_the_data_folder_comes_from_the_environment_in_tests(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / FILE_NAME
    assert FavouritesFile().path == tmp_path / "data" / FILE_NAME


def test_without_the_override_the_platform_data_folder_is_used(monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    from platformdirs import user_data_dir

    assert default_path() == Path(user_data_dir("calendar-tui", appauthor=False)) / FILE_NAME


def test_a_missing_file_means_no_favourites_and_no_warning(path):
    stars = open_file(path)
    assert stars.ids == frozenset() and stars.warnings == [] and not stars.read_only
    assert not path.exists()  # loading never creates the file


def test_stars_round_trip_through_a_versioned_document(tmp_path):
    path = tmp_path / "deeper" / "folder" / FILE_NAME  # missing folders are created
    stars = open_file(path)
    assert stars.toggle(B) is True
    stars.add(A)
    assert A in stars and len(stars) == 2
    assert stars.save() is None
    assert json.loads(path.read_text("utf-8")) == {"version": 1, "favourites": sorted([A, B])}
    again = open_file(path)
    assert again.ids == {A, B} and again.warnings == []
    assert again.toggle(B) is False
    again.remove("not-there")
    assert again.save() is None
    assert open_file(path).ids == {A}
    assert list(tmp_path.rglob("*.tmp")) == []


def test_unknown_entries_in_the_list_are_ignored(path):
    write_json(path, {"version": 1, "favourites": [A, 3, None, "", B]})
    stars = open_file(path)
    assert stars.ids == {A, B} and stars.warnings == []


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"version": 1, "favourites": ["mois-de-lin', "not valid JSON"),  # truncated mid-write
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"favourites": []}', "version"),
        (b'{"version": "1", "favourites": []}', "version"),
        (b'{"version": true, "favourites": []}', "version"),
        (b'{"version": 1, "favourites": "abc"}', "not a list"),
    ],
)
def test_a_corrupt_file_is_set_aside_with_a_warning_never_overwritten(path, raw, problem):
    path.write_bytes(raw)
    stars = open_file(path)
    assert stars.ids == frozenset()
    [warning] = stars.warnings
    assert warning.kind == "corrupt" and problem in warning.message
    aside = path.with_name(f"{FILE_NAME}.corrupt-20201126T101530")
    assert aside.name in warning.message
    assert aside.read_bytes() == raw and not path.exists()
    # The app goes on: new stars are saved to a fresh file, the damaged one stays aside.
    stars.add(A)
    assert not stars.read_only and stars.save() is None
    assert open_file(path).ids == {A}
    assert aside.read_bytes() == raw


def test_a_truncated_copy_of_a_real_document_is_detected(path):
    good = json.dumps({"version": 1, "favourites": [A, B]}).encode()
    path.write_bytes(good[: len(good) // 2])
    stars = open_file(path)
    assert [w.kind for w in stars.warnings] == ["corrupt"]


def test_set_aside_names_never_collide(path):
    for _ in range(3):
        path.write_bytes(b"{broken")
        open_file(path)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == [
        f"{FILE_NAME}.corrupt-20201126T101530",
        f"{FILE_NAME}.corrupt-20201126T101530-2",
        f"{FILE_NAME}.corrupt-20201126T101530-3",
    ]


def test_a_corrupt_file_that_cannot_be_moved_is_left_alone_and_never_saved_over(path, monkeypatch):
    path.write_bytes(b"{broken")

    def refuse(*_args):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("calendar_tui.model.atomic.os.replace", refuse)
    stars = open_file(path)
    [warning] = stars.warnings
    assert warning.kind == "corrupt" and "could not be set aside" in warning.message
    monkeypatch.undo()
    stars.add(A)
    assert stars.read_only and stars.save() is warning
    assert path.read_bytes() == b"{broken"


def test_a_file_written_by_a_newer_version_is_read_but_never_overwritten(path):
    raw = write_json(path, {"version": 2, "favourites": [A, B], "notes": {A: "go"}})
    stars = open_file(path)
    assert stars.ids == {A, B}
    [warning] = stars.warnings
    assert warning.kind == "newer" and "newer" in warning.message and stars.read_only
    assert stars.toggle(A) is False  # changes stay in memory for this run
    assert stars.save() is warning
    assert stars.ids == {B}
    assert path.read_bytes() == raw
    assert sorted(p.name for p in path.parent.iterdir()) == [FILE_NAME]


def test_a_newer_layout_we_cannot_read_gives_nothing_and_is_kept(path):
    raw = write_json(path, {"version": 7, "favourites": {"sessions": [A]}})
    stars = open_file(path)
    assert stars.ids == frozenset() and [w.kind for w in stars.warnings] == ["newer"]
    stars.add(B)
    assert stars.save() is not None and path.read_bytes() == raw


def test_an_unreadable_file_gives_a_warning_and_is_never_saved_over(path):
    path.mkdir()  # something that is not a readable file where the file should be
    stars = open_file(path)
    [warning] = stars.warnings
    assert warning.kind == "unreadable" and stars.read_only
    stars.add(A)
    assert stars.save() is warning and path.is_dir()


def test_a_failing_replace_leaves_the_previous_file_intact(path, monkeypatch):
    stars = open_file(path)
    stars.add(A)
    assert stars.save() is None
    before = path.read_bytes()

    def crash(*_args):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", crash)
    stars.add(B)
    warning = stars.save()
    assert warning is not None and warning.kind == "unwritable"
    assert "kept for this session" in warning.message
    assert stars.ids == {A, B}  # the in-memory set is kept
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [FILE_NAME]  # the temp file is gone


def test_an_interrupt_during_the_write_leaves_the_previous_file_intact(path, monkeypatch):
    stars = open_file(path)
    stars.add(A)
    stars.save()
    before = path.read_bytes()

    def interrupted(_fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fsync", interrupted)
    stars.add(B)
    with pytest.raises(KeyboardInterrupt):  # not swallowed: only file errors become warnings
        stars.save()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [FILE_NAME]


def test_a_process_killed_mid_save_leaves_the_previous_file_intact(path):
    stars = open_file(path)
    stars.add(A)
    stars.save()
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        from calendar_tui.model import atomic
        from calendar_tui.model.favourites import FavouritesFile

        def killed(*_args):  # the temp file is fully written and synced; die before the rename
            os.kill(os.getpid(), signal.SIGKILL)

        atomic.os.replace = killed
        stars = FavouritesFile.open({str(path)!r})
        stars.add({B!r})
        stars.save()
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    assert path.read_bytes() == before
    assert open_file(path).ids == {A}


def test_disk_full_gives_a_warning_not_an_exception(path, monkeypatch):
    stars = open_file(path)

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    stars.add(A)
    warning = stars.save()
    assert (
        warning is not None and warning.kind == "unwritable" and "No space left" in warning.message
    )
    assert stars.ids == {A} and not path.exists()
    assert list(path.parent.iterdir()) == []


def test_a_folder_that_cannot_be_created_gives_a_warning(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    stars = open_file(blocker / FILE_NAME)
    stars.add(A)
    warning = stars.save()
    assert warning is not None and warning.kind == "unwritable"
    assert stars.ids == {A}


def test_a_read_only_file_system_gives_a_warning(path, monkeypatch):
    real_open = os.open

    def read_only(file, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(file, flags, *args)

    monkeypatch.setattr(atomic.os, "open", read_only)
    stars = open_file(path)
    stars.add(A)
    warning = stars.save()
    assert warning is not None and "Read-only file system" in warning.message
    assert stars.ids == {A} and not path.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_read_only_folder_gives_a_warning(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        stars = open_file(folder / FILE_NAME)
        stars.add(A)
        warning = stars.save()
        assert warning is not None and warning.kind == "unwritable"
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_atomic_writes_keep_the_mode_of_the_file_they_replace(tmp_path):
    target = tmp_path / "settings.json"
    atomic.atomic_write_text(target, "one")
    target.chmod(0o640)
    atomic.atomic_write_text(target, "two")
    assert target.read_text() == "two" and (target.stat().st_mode & 0o777) == 0o640


def test_a_deeply_nested_file_is_set_aside_like_any_damage(path):
    path.write_text('{"version": 1, "favourites": ' + "[" * 100_000 + "]" * 100_000 + "}")
    stars = open_file(path)
    [warning] = stars.warnings
    assert warning.kind == "corrupt" and "nested too deeply" in warning.message
    assert not path.exists() and not stars.read_only


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_place_of_the_file_is_never_read_nor_replaced(path):
    os.mkfifo(path)
    stars = open_file(path)  # would block for ever reading the pipe
    [warning] = stars.warnings
    assert warning.kind == "unreadable" and "named pipe" in warning.message
    assert stars.save() is warning and stat.S_ISFIFO(os.stat(path).st_mode)


_INSTANCE = """
import sys
from pathlib import Path
from calendar_tui.model.favourites import FavouritesFile
stars = FavouritesFile.open(Path(sys.argv[1]))
print("loaded", flush=True)
sys.stdin.readline()
for change in sys.argv[2:]:
    (stars.remove if change.startswith("-") else stars.add)(change.lstrip("-"))
print(stars.save(), sorted(stars.ids), flush=True)
"""


def test_two_instances_saving_keep_each_others_stars(path):
    write_json(path, {"version": 1, "favourites": ["old", "gone"]})

    def instance(*changes: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-c", _INSTANCE, str(path), *changes],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    first, second = instance("a", "-gone"), instance("b")
    for process in (first, second):  # both have read the file before either saves
        assert process.stdout.readline() == "loaded\n"
    outputs = [process.communicate("go\n", timeout=60)[0] for process in (first, second)]
    assert outputs[0] == "None ['a', 'old']\n"
    assert outputs[1] == "None ['a', 'b', 'old']\n"  # the first one's changes, merged in
    assert json.loads(path.read_text())["favourites"] == ["a", "b", "old"]
