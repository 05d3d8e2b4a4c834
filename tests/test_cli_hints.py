"""Command-line mistakes explained: a mistyped command, an unknown or partial tag, drafts' problems."""

from __future__ import annotations

import pytest

from calendar_tui.cli import main


def test_a_mistyped_command_is_a_usage_error_with_a_hint(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no file called 'lsit' here
    with pytest.raises(SystemExit) as exit_info:
        main(["lsit"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "'lsit'" in err and "'list'" in err and "usage:" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["bogus"])
    assert exit_info.value.code == 2
    assert "'bogus'" in capsys.readouterr().err


def test_an_existing_path_still_opens_the_app(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "calendar_tui.cli.run_app", lambda paths, *a, **k: opened.append(paths) or 0
    )
    (tmp_path / "bogus").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["bogus"]) == 0
    assert [str(p) for p in opened[0]] == ["bogus"]


def test_an_unknown_tag_is_said_with_the_nearest_ones(capsys):
    assert main(["list", "--format", "json", "--tag", "Webinair"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "[]"  # no session: still status 0, as any empty result
    assert "'Webinair'" in captured.err and "Webinaire" in captured.err
    assert main(["list", "--format", "json", "--tag", "intelligence"]) == 0  # a partial name
    err = capsys.readouterr().err
    assert "'intelligence'" in err and "Intelligence artificielle" in err
    assert main(["list", "--format", "json", "--tag", "webinaire"]) == 0
    assert "webinaire" not in capsys.readouterr().err  # a known tag, any case: no hint


def test_check_leaves_drafts_problems_out_unless_drafts(tmp_path, capsys):
    (tmp_path / "draft.md").write_text(
        "---\ntitle: Brouillon\npublished: false\nevent_start_date: 2020-11-03 10:00:00 +01:00\n"
        "event_end_date: 2020-11-02 10:00:00 +01:00\n---\n",
        encoding="utf-8",
    )
    main(["check", "--no-cache", str(tmp_path), "--drafts"])
    with_drafts = capsys.readouterr().out.splitlines()
    main(["check", "--no-cache", str(tmp_path)])
    without = capsys.readouterr().out.splitlines()
    assert any("event_end_date" in line for line in with_drafts)
    assert not any("event_end_date" in line for line in without)
    assert any("draft.md" in line and "draft" in line.split("warning:")[1] for line in without)
