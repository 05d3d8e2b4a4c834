"""A Jekyll site's posts are read and cleaned as every other post: hostile file names, front
matter, `_config.yml` defaults and page links never carry a control character out, and a pipe
in a collection is left out with its reason (it was read straight, unescaped, and skipped silently)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from calendar_tui.model.loader import load_posts
from calendar_tui.model.site import load_site, read_site

pytestmark = pytest.mark.usefixtures("english")

CONTROL = ("\x1b", "\x07", "\x9b", "\u202e")
CONFIG = """\
title: "Le site \\e]0;titre\\a"
url: "https://example.org/"
collections:
  evenements:
    output: true
    permalink: /evenements/:path/
defaults:
  - scope: {path: ""}
    values: {lieu: "Paris \\e[31mrouge\\u202e"}
"""
EVIL = "2020-11-18-a\x1b]0;x\x07\x1b[2J"


def post(title: str) -> str:
    return (
        f'---\ntitle: "{title}"\nevent_start_date: 2020-11-18 10:00:00 +01:00\n---\n'
        "Texte \x1b[2J et [lien](https://ex.org/\x1b]52;c;aGk=\x07).\n"
    )


@pytest.fixture
def hostile_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_evenements").mkdir(parents=True)
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (root / "_evenements" / f"{EVIL}.md").write_text(post("Atelier \\e[5m"), encoding="utf-8")
    (root / "_evenements" / f"{EVIL}-yaml.md").write_text(
        '---\ntitle: "Cassé \x1b[31m\n  bad: [\n---\n', encoding="utf-8"
    )
    os.mkfifo(root / "_evenements" / "tuyau.md")
    return root


def assert_clean(value: object) -> None:
    text = json.dumps(value, default=str, ensure_ascii=False)
    assert not any(char in text for char in CONTROL), text


def test_posts_diagnostics_and_links_come_out_clean(hostile_site):
    site, problems = read_site(hostile_site)
    assert site is not None and not problems
    posts, diagnostics = load_site(site, drafts=False, today=date(2021, 1, 1))
    assert [p.title for p in posts] == ["Atelier"]
    session = posts[0].event
    assert session.location.startswith("Paris") and "rouge" in session.location
    assert [link.url for link in session.links][-1].startswith("https://example.org/evenements/")
    assert_clean(
        [
            (p.path, p.title, s.location, s.description, s.links)
            for p in posts
            for s in (p.event, *p.sessions)
            if s
        ]
    )
    assert_clean([(d.path, d.message) for d in diagnostics])
    assert any(d.path.endswith("\\x1b]0;x\\x07\\x1b[2J-yaml.md") for d in diagnostics)
    pipe = [d for d in diagnostics if d.path.endswith("tuyau.md")]
    assert [d.code for d in pipe] == ["file.special"]  # said, not skipped in silence


def test_check_prints_no_control_character(hostile_site, tmp_path):
    env = {**os.environ, "CALENDAR_TUI_CACHE_DIR": str(tmp_path / "cache"), "LANG": "C.UTF-8"}
    for command in (["check"], ["list", "--format", "json"], ["agenda"]):
        result = subprocess.run(
            [sys.executable, "-m", "calendar_tui", *command, str(hostile_site)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert "Traceback" not in result.stderr
        assert not any(char in result.stdout + result.stderr for char in CONTROL), command


def test_a_huge_config_is_refused_and_the_folder_read(tmp_path, capsys):
    """A 15 MB `_config.yml` took PyYAML 29 s and 1.1 GB for a one-post `check`."""
    from calendar_tui.cli import main

    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_posts" / "2020-11-18-a.md").write_text(post("Atelier"), encoding="utf-8")
    line = "# a comment the size of a config\n"
    (root / "_config.yml").write_text(line * (2 * 1024 * 1024 // len(line)))  # 2 MB
    site, problems = read_site(root)
    assert site is None
    assert [(p.code, p.message) for p in problems] == [
        ("site.unreadable", "is larger than 1 MB; skipped; read as a plain folder")
    ]
    assert main(["check", "--no-cache", str(root)]) == 1  # the error said, the post still read
    out = capsys.readouterr().out
    assert "_config.yml: error: is larger than 1 MB" in out and "1 post, 1 session:" in out


def test_a_config_swapped_for_a_pipe_is_never_opened(tmp_path):
    """Seen as a file, then a pipe by the time it is read: reading it would wait forever."""
    import threading

    root = tmp_path / "site"
    root.mkdir()
    os.mkfifo(root / "_config.yml")
    found: list = []
    reader = threading.Thread(target=lambda: found.append(read_site(root)), daemon=True)
    reader.start()
    reader.join(10)
    if not found:  # release the blocked reader (a writer that closes at once) before failing
        os.close(os.open(root / "_config.yml", os.O_WRONLY | os.O_NONBLOCK))
    assert found, "read_site blocked on the pipe"
    site, problems = found[0]
    assert site is None and [p.code for p in problems] == ["site.unreadable"]
    assert "named pipe" in problems[0].message


@pytest.mark.parametrize("kind", ["pipe", "dangling link", "link to /dev/zero"])
def test_a_config_that_is_no_regular_file_is_said_and_the_posts_still_load(tmp_path, kind):
    root = tmp_path / "site"
    (root / "_evenements").mkdir(parents=True)
    (root / "_evenements" / "a.md").write_text(post("Atelier"), encoding="utf-8")
    config = root / "_config.yml"
    if kind == "pipe":
        os.mkfifo(config)
    else:
        config.symlink_to(tmp_path / "nowhere" if kind == "dangling link" else "/dev/zero")
    result = load_posts([root])
    assert [p.title for p in result.posts] == ["Atelier"]  # read as a plain folder...
    said = [d for d in result.diagnostics if d.path.endswith("_config.yml")]
    assert [d.code for d in said] == ["site.unreadable"], result.diagnostics  # ...and said why


@pytest.mark.parametrize(
    "config",
    [
        'collections:\n  "x/../../private":\n    output: true\n',  # a label climbing out
        "collections_dir: ..\ncollections:\n  private:\n    output: true\n",
        "collections_dir: /\ncollections:\n  private: {}\n",
    ],
)
def test_a_config_never_makes_us_read_outside_the_site(tmp_path, config):
    """Jekyll keeps collections inside the site; a hostile `_config.yml` listed (and `serve`
    showed) Markdown from elsewhere on the disk."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_x").mkdir()
    (root / "_posts" / "2020-11-18-a.md").write_text(post("Atelier"), encoding="utf-8")
    for folder in (tmp_path / "_private", tmp_path / "private", tmp_path / "_posts"):
        folder.mkdir()
    for folder in (tmp_path / "_private", tmp_path / "private", tmp_path / "_posts"):
        (folder / "2020-11-18-secret.md").write_text(post("Secret"), encoding="utf-8")
    (root / "_config.yml").write_text(config, encoding="utf-8")
    site, problems = read_site(root)
    assert site is not None and problems and {p.code for p in problems} == {"site.outside"}
    assert all("is outside the site" in p.message for p in problems)
    posts, _diagnostics = load_site(site, drafts=False, today=date(2021, 1, 1))
    assert "Secret" not in [p.title for p in posts]
