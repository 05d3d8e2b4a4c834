"""`calendar-tui list --format ics [-o FILE]` and `list --favourites`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from calendar_tui.cli import main
from calendar_tui.model.favourites import ENV_DATA_DIR, FILE_NAME
from calendar_tui.model.loader import load_store
from calendar_tui.paths import bundled_programme

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of messages

PIAF = "mois-de-linnovation-publique-edition-2020/fa87552e"  # 26/11 9 h 30 - 12 h
PITCHS = "mois-de-linnovation-publique-edition-2020/53544b5e"  # 16-20/11 17 h - 17 h 30


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    return folder


def star(data_dir: Path, *ids: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / FILE_NAME).write_text(json.dumps({"version": 1, "favourites": list(ids)}), "utf-8")


def vevents(data: bytes | str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_ics_to_stdout_has_every_session(capsysbinary):
    assert main(["list", "--format", "ics"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"BEGIN:VCALENDAR\r\n") and out.endswith(b"END:VCALENDAR\r\n")
    found = vevents(out)
    assert len(found) == 24
    store = load_store([bundled_programme()])
    assert [str(e["UID"]).removesuffix("@calendar-tui") for e in found] == [
        o.id for o in store.occurrences
    ]


def test_ics_to_a_file_follows_the_filters(tmp_path, capsys):
    target = tmp_path / "ia.ics"
    assert (
        main(["list", "--tag", "Intelligence artificielle", "--format", "ics", "-o", str(target)])
        == 0
    )
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "7 events written to" in captured.err
    found = vevents(target.read_bytes())
    assert len(found) == 7
    assert all("Intelligence artificielle" in e.categories for e in found)
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == [
        "ia.ics"
    ]  # no temp file left


def test_ics_into_a_missing_folder_fails_cleanly(tmp_path, capsys):
    assert main(["list", "--format", "ics", "-o", str(tmp_path / "nowhere" / "x.ics")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


def test_output_file_needs_the_ics_format(tmp_path, capsys):
    assert main(["list", "--format", "json", "-o", str(tmp_path / "x.json")]) == 2
    assert "--format ics" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_favourites_lists_only_starred_sessions(data_dir, capsys):
    star(data_dir, PIAF, PITCHS, "some-post/gone-session")
    assert main(["list", "--favourites", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["start"] for i in items] == [
        *(f"2020-11-{day}T17:00:00+01:00" for day in range(16, 21)),
        "2020-11-26T09:30:00+01:00",
    ]
    assert {i["session_id"] for i in items} == {PIAF, PITCHS}


def test_favourites_combine_with_filters_and_ics(data_dir, capsysbinary):
    star(data_dir, PIAF, PITCHS)
    assert main(["list", "--favourites", "--from", "2020-11-20", "--format", "ics"]) == 0
    found = vevents(capsysbinary.readouterr().out)
    assert [e.start.day for e in found] == [20, 26]


def test_no_favourites_file_lists_nothing(capsys):
    assert main(["list", "--favourites", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "warning" not in captured.err


def test_a_corrupt_favourites_file_is_set_aside_with_a_warning(data_dir, capsys):
    data_dir.mkdir()
    (data_dir / FILE_NAME).write_text('{"version": 1, "favourites": ["mois-de', "utf-8")
    assert main(["list", "--favourites", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "warning" in captured.err and "set aside as favourites.json.corrupt-" in captured.err
    [aside] = [p.name for p in data_dir.iterdir()]
    assert aside.startswith(f"{FILE_NAME}.corrupt-")


def test_favourites_in_the_table(data_dir, capsys):
    star(data_dir, PIAF)
    assert main(["list", "--favourites"]) == 0
    out = capsys.readouterr().out
    assert "Open Lab PIAF" in out and "Découvrez 5 projets" not in out


def test_neither_textual_nor_icalendar_is_imported_unless_needed(tmp_path):
    code = (
        "import sys, io, contextlib\n"
        "from calendar_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list', '--format', 'json', '--favourites'])\n"
        "    main(['list', '--favourites'])\n"
        "assert 'icalendar' not in sys.modules, 'icalendar imported for json/table'\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    main(['list', '--format', 'ics'])\n"
        "assert out.getvalue().startswith('BEGIN:VCALENDAR')\n"
        "assert 'icalendar' in sys.modules\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    env = {**os.environ, ENV_DATA_DIR: str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
