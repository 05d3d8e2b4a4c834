"""`changes` on a repository an attacker wrote: a commit subject with escape sequences (the
revision's label, in the text, the JSON and the app's notice) and a posts folder whose name is
git pathspec magic (`:!x`)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from calendar_tui.cli import main

POST = (
    "---\ntitle: Atelier\nevent_start_date: 2020-11-26 09:30:00 +01:00\n"
    "event_end_date: 2020-11-26 12:00:00 +01:00\n---\n\nCorps.\n"
)
SUBJECT = "publie \x1b]0;PWNED\x07 \x1b[31mrouge \u202eRTL"

pytestmark = pytest.mark.skipif(
    subprocess.run(["git", "--version"], capture_output=True).returncode != 0,
    reason="needs git",
)


def git(repo: Path, *args: str) -> None:
    env = {"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo)}
    env["PATH"] = "/usr/bin:/bin:/usr/local/bin"
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        check=True,
    )


def repository(root: Path, folder: str) -> Path:
    posts = root / folder
    posts.mkdir(parents=True)
    (posts / "2020-11-20-atelier.md").write_text(POST, encoding="utf-8")
    (root / "autre").mkdir()
    (root / "autre" / "2020-11-20-autre.md").write_text(POST.replace("Atelier", "Autre"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", SUBJECT)
    return posts


def test_a_commit_subject_is_one_clean_line_everywhere(tmp_path, capsys, monkeypatch):
    posts = repository(tmp_path / "site", "_posts")
    monkeypatch.chdir(posts)
    assert main(["changes", "--format", "json", "."]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["from"]["label"].endswith("publie rouge RTL")
    assert main(["changes", "."]) == 0
    out = capsys.readouterr().out
    assert "publie rouge RTL" in out and "\x1b" not in out and "\u202e" not in out


def test_a_folder_named_like_pathspec_magic_is_that_folder(tmp_path, capsys, monkeypatch):
    posts = repository(tmp_path / "site", ":!autre")
    (posts / "2020-11-20-atelier.md").write_text(POST.replace("12:00", "13:00"))
    (tmp_path / "site" / "autre" / "2020-11-20-autre.md").write_text(POST.replace("Atelier", "X"))
    monkeypatch.chdir(tmp_path / "site")
    assert main(["changes", "--format", "json", ":!autre"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [change["title"] for change in document["changes"]] == ["Atelier"]
    assert document["summary"]["moved"] == 1


def test_a_repository_whose_name_is_not_utf8(tmp_path, capsys, monkeypatch):
    """git gave the top folder's bytes; decoding them as UTF-8 was a traceback."""
    root = tmp_path / os.fsdecode(b"site-\xff")
    posts = repository(root, "_posts")
    (posts / "2020-11-20-atelier.md").write_text(POST.replace("12:00", "13:00"))
    monkeypatch.chdir(tmp_path)
    assert main(["changes", "--format", "json", str(posts)]) == 0
    raw = capsys.readouterr().out
    raw.encode("utf-8")  # valid UTF-8 (a lone surrogate would raise), so valid JSON text
    document = json.loads(raw)
    assert document["path"].endswith("site-\\xff/_posts")  # escaped as `ls` shows it
    assert document["summary"]["moved"] == 1
    assert main(["changes", str(posts)]) == 0
    assert "site-\\xff/_posts" in capsys.readouterr().out


def test_a_huge_post_in_a_revision_is_never_read_into_memory(tmp_path, monkeypatch):
    """git cat-file handed every blob to Python at once, a 2 GB post included; one over the
    loader's limit is now a file of that size with nothing in it, which the loader refuses."""
    from calendar_tui import revisions
    from calendar_tui.model import front_matter
    from calendar_tui.model.loader import load_posts

    monkeypatch.setattr(revisions, "MAX_POST_BYTES", 1000, raising=False)
    monkeypatch.setattr(front_matter, "MAX_POST_BYTES", 1000)
    posts = repository(tmp_path / "site", "_posts")
    (posts / "2020-11-21-enorme.md").write_text(POST + "x" * 5000, encoding="utf-8")
    git(tmp_path / "site", "add", "-A")
    git(tmp_path / "site", "commit", "-q", "-m", "enorme")
    repo = revisions.find_repository(posts)
    asked: list[bytes] = []
    real_git = revisions._git

    def recording(cwd, *args, input=None):
        if input is not None:
            asked.append(input)
        return real_git(cwd, *args, input=input)

    monkeypatch.setattr(revisions, "_git", recording)
    into = tmp_path / "export"
    landing = revisions.export(repo, revisions.last_change(repo).sha, into)
    huge = landing / "2020-11-21-enorme.md"
    assert huge.stat().st_size == len(POST) + 5000 and huge.read_bytes().strip(b"\0") == b""
    assert len(asked) == 1 and asked[0].count(b"\n") == 1  # the small post only
    result = load_posts([landing], drafts=False)
    assert [p.title for p in result.posts] == ["Atelier"]
    assert [d.code for d in result.diagnostics] == ["file.too_big"]
