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
