"""The settings file: missing, corrupt, from a newer version, unwritable; saves are atomic."""

from __future__ import annotations

import json
import os

import pytest

from calendar_tui.settings import FORMAT_VERSION, Settings, load_settings, save_settings

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics


def test_missing_file_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "settings.json")
    assert settings == Settings() and settings.problems == () and settings.writable


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    assert (
        save_settings(Settings(theme="nord", keymap={"calendar.next_day": "z"}, path=path)) is None
    )
    assert json.loads(path.read_text())["version"] == FORMAT_VERSION
    loaded = load_settings(path)
    assert (loaded.theme, loaded.keymap) == ("nord", {"calendar.next_day": "z"})


def test_corrupt_file_is_set_aside_not_overwritten(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "nord", trunc', encoding="utf-8")
    settings = load_settings(path)
    [aside] = tmp_path.glob("settings.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == '{"theme": "nord", trunc'
    assert "set aside" in settings.problems[0]
    path.write_text("[]", encoding="utf-8")  # a second damaged file never replaces the first
    load_settings(path)
    assert len(list(tmp_path.glob("settings.json.corrupt-*"))) == 2


def test_a_newer_version_is_read_but_never_overwritten(tmp_path):
    path = tmp_path / "settings.json"
    original = json.dumps({"version": FORMAT_VERSION + 1, "theme": "nord", "future": {"x": 1}})
    path.write_text(original, encoding="utf-8")
    settings = load_settings(path)
    assert settings.theme == "nord" and not settings.writable and "newer" in settings.problems[0]
    assert save_settings(settings.with_theme("gruvbox")) is None
    assert path.read_text(encoding="utf-8") == original


def test_an_unwritable_folder_is_a_warning_and_the_old_file_survives(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="nord", path=path))

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("calendar_tui.settings.atomic_write_text", disk_full)
    assert (
        save_settings(Settings(theme="gruvbox", path=path))
        == "settings not saved (No space left on device)"
    )
    assert load_settings(path).theme == "nord"


def test_a_save_interrupted_before_the_rename_leaves_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(Settings(theme="nord", path=path))

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # stands for the process dying between write and rename

    monkeypatch.setattr("calendar_tui.model.atomic.os.replace", killed)
    with pytest.raises(KeyboardInterrupt):
        save_settings(Settings(theme="gruvbox", path=path))
    assert load_settings(path).theme == "nord"
    assert list(tmp_path.iterdir()) == [path]  # the temp file was cleaned up


@pytest.mark.parametrize(
    "raw, problem",
    [
        (b'{"theme": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (b'{"theme": "\xff"}', "utf-8"),
        (b"{" + b" " * (2 * 1024 * 1024) + b"}", "larger than"),
    ],
    ids=["nested", "not-utf8", "huge"],
)
def test_any_damage_is_set_aside_with_a_notice(tmp_path, raw, problem):
    path = tmp_path / "settings.json"
    path.write_bytes(raw)
    settings = load_settings(path)
    [aside] = tmp_path.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == raw
    assert problem in settings.problems[0] and "set aside" in settings.problems[0]
    assert settings.writable and settings.theme == Settings().theme


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_place_of_the_file_is_not_read(tmp_path):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    settings = load_settings(path)  # would block for ever reading the pipe
    assert "named pipe" in settings.problems[0] and not settings.writable
