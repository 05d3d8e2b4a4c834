"""The command line on the bundled programme and on folders: list (table, json), check, usage."""

from __future__ import annotations

import json
import shutil

import pytest

from calendar_tui import __version__
from calendar_tui.cli import main
from calendar_tui.paths import bundled_programme


def list_json(capsys, *args: str) -> list[dict]:
    assert main(["list", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_bundled_programme_gives_every_session_with_its_days_and_times(capsys):
    items = list_json(capsys)
    assert len(items) == 24  # 20 sessions; 16-20/11 repeats on 5 days
    assert [i["start"] for i in items] == sorted(
        [i["start"] for i in items], key=lambda s: s if "T" in s else s + "T00:00"
    )
    first = items[0]
    assert first["all_day"] is True
    assert (first["start"], first["end"]) == ("2020-11-02", "2020-11-30")
    assert first["tags"] == ["Appel à idées", "Services aux citoyens", "API"]

    by_start = {i["start"]: i for i in items if not i["all_day"]}
    eig = by_start["2020-11-09T14:00:00+01:00"]
    assert eig["end"] == "2020-11-09T15:15:00+01:00"
    assert eig["tags"] == ["Webinaire", "EIG"]
    assert eig["title"].startswith("Pérenniser la transformation numérique")
    assert eig["source"]["line"] > 1 and eig["source"]["path"].endswith(".markdown")
    assert eig["post"]["title"] == "Mois de l’innovation publique édition 2020"
    assert any("eventbrite" in link["url"] for link in eig["links"])

    assert by_start["2020-11-05T09:00:00+01:00"]["end"] is None
    assert (
        by_start["2020-11-20T11:00:00+01:00"]["end"] == "2020-11-20T12:00:00+01:00"
    )  # "à 11h à 12h"

    pitchs = [i for i in items if i["title"].startswith("Découvrez 5 projets")]
    assert [p["start"][:10] for p in pitchs] == [f"2020-11-{d}" for d in range(16, 21)]
    assert {p["end"][11:16] for p in pitchs} == {"17:30"}
    assert len({p["id"] for p in pitchs}) == 5 and len({p["session_id"] for p in pitchs}) == 1


def test_filters_on_the_command_line(capsys):
    ia = list_json(capsys, "--tag", "intelligence ARTIFICIELLE")
    assert len(ia) == 5 + 2
    webinar_ia = list_json(
        capsys, "--tag", "Webinaire", "--tag", "Intelligence artificielle", "--all"
    )
    assert [i["start"] for i in webinar_ia] == ["2020-11-19T14:00:00+01:00"]
    assert len(list_json(capsys, "--tag", "Webinaire", "--tag", "EIG")) > len(webinar_ia)
    assert all("Webinaire" not in i["tags"] for i in list_json(capsys, "--not-tag", "webinaire"))
    assert len(list_json(capsys, "--search", "PSEUDONYMISATION")) == 1
    days = list_json(capsys, "--from", "2020-11-26", "--to", "2020-11-26")
    assert len(days) == 1 + 5  # the month-long call for ideas and the five sessions of the day


def test_ids_survive_edits_elsewhere_in_the_post(tmp_path, capsys):
    before = {i["title"]: i["id"] for i in list_json(capsys)}
    edited = tmp_path / bundled_programme().name
    text = bundled_programme().read_text(encoding="utf-8")
    text = text.replace(
        "Administrations, collectivités", "Intro réécrite.\n\nAdministrations, collectivités"
    )
    text = text.replace(
        "*La mission LABEL se présente*", "*La mission LABEL se présente à vous*", 1
    )
    edited.write_text(text, encoding="utf-8")
    after = {i["title"]: i["id"] for i in list_json(capsys, str(edited))}
    unchanged = {title: ident for title, ident in before.items() if "LABEL" not in title}
    assert all(after[title] == ident for title, ident in unchanged.items())


def test_table_output(capsys):
    assert main(["list", "--tag", "EIG"]) == 0
    out = capsys.readouterr().out
    assert "Mois de l’innovation publique" in out and "tags : EIG" in out
    assert "09/11/2020 14:00–15:15" in out


def test_check_reports_path_line_severity_and_exit_codes(tmp_path, capsys, english):
    assert main(["check"]) == 0
    assert ": 0 errors, 0 warnings" in capsys.readouterr().out
    shutil.copy(bundled_programme(), tmp_path / "good.markdown")
    (tmp_path / "bad.md").write_text(
        "---\ntitle: Cassé\nlieu: [Paris, Lille\n---\n", encoding="utf-8"
    )
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'bad.md'}:3: error: front matter is not valid YAML" in out
    assert ": 1 error, 0 warnings" in out


def test_one_bad_post_never_hides_the_good_ones(tmp_path, capsys):
    shutil.copy(bundled_programme(), tmp_path / "good.markdown")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00garbage")
    assert len(list_json(capsys, str(tmp_path))) == 24


def test_drafts_are_skipped_unless_asked(tmp_path, capsys):
    (tmp_path / "draft.md").write_text(
        "---\ntitle: Brouillon\npublished: false\nevent_start_date: 2020-11-03 10:00:00 +01:00\n"
        "date: 2020-10-01 10:00:00 +01:00\n---\nTexte\n",
        encoding="utf-8",
    )
    assert list_json(capsys, str(tmp_path)) == []
    [draft] = list_json(capsys, str(tmp_path), "--drafts")
    assert draft["start"] == "2020-11-03T10:00:00+01:00"


def test_usage_errors_exit_2(capsys, english):
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--from", "2020-13-45"])
    assert exit_info.value.code == 2
    assert "is not a date" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


# `calendar-tui check` with a progress callback that says when the parse is under way: the
# test sends Ctrl+C then, rather than after a guessed delay.
ANNOUNCING_CHECK = """
import sys
import calendar_tui.model.loader as loader

load_posts = loader.load_posts


def announcing(*args, **kwargs):
    def progress(done, total):
        if done == 1 and total > 1:
            print("parsing", file=sys.stderr, flush=True)

    return load_posts(*args, progress=progress, **kwargs)


loader.load_posts = announcing
from calendar_tui.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_while_a_large_collection_loads_stops_without_a_traceback(tmp_path, english):
    import signal
    import subprocess
    import sys
    import threading

    for n in range(1000):  # enough files for the worker pool, and for a second of parsing
        shutil.copy(bundled_programme(), tmp_path / f"programme-{n:03d}.markdown")
    command = [sys.executable, "-c", ANNOUNCING_CHECK, "check", "--no-cache", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    guard = threading.Timer(60, process.kill)  # never hang: a killed child ends the readline
    guard.start()
    try:
        assert process.stderr.readline() == "parsing\n"  # the first post is parsed, not the last
        process.send_signal(signal.SIGINT)
    finally:
        guard.cancel()
    out, err = process.communicate(timeout=180)  # workers end their chunk first
    assert process.returncode == 130, (out, err)
    assert "interrupted" in err and "Traceback" not in err
