"""What the CLI prints, writes and exports never carries a control character from the posts."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from calendar_tui.model.links import is_openable, links_in, normalise_url

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of messages

# A name that sets the window title and clears the screen; a duplicated key that writes the
# clipboard (OSC 52); escapes in values and in link addresses, a newline in an href.
EVIL_NAME = "evil\x1b]0;pwned\x07\x1b[2J.md"
EVIL_POST = (
    "---\n"
    'title: "Titre \\e[31mrouge\\a"\n'
    "event_start_date: 2020-11-05 14:00:00 +01:00\n"
    '"\\e]52;c;Y2xpcA==\\a": 1\n'
    '"\\e]52;c;Y2xpcA==\\a": 2\n'
    'tags: ["\\e[5mclignote", "ok"]\n'
    'lieu: "Salle \\x9b2J"\n'
    "champs_informations:\n"
    '  - lien: "https://a.example/\\e]52;c;eA==\\a"\n'
    "---\n"
    'Corps \x1b[2J <a href="https://b.example/x\nrm -rf ~">lien</a>\n'
)
# Control characters a terminal acts on; CR is allowed in .ics lines (RFC 5545 ends them CRLF).
CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture
def evil_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier\x1b]0;titre\x07"
    folder.mkdir()
    (folder / EVIL_NAME).write_text(EVIL_POST, encoding="utf-8")
    (folder / os.fsdecode(b"nom-\xff-pas-utf8.md")).write_bytes(
        b"---\ntitle: Octets\nevent_start_date: 2020-11-06 10:00:00 +01:00\n---\nx\n"
    )
    return folder


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "calendar_tui", *map(str, args)],
        capture_output=True,
        timeout=120,
        cwd=cwd,
    )


def assert_inert(data: bytes, *, crlf: bool = False) -> str:
    text = data.decode("utf-8")  # valid UTF-8, whatever the file names held
    if crlf:
        text = text.replace("\r\n", "\n")
    assert "\r" not in text
    assert not CONTROL.search(text), CONTROL.findall(text)
    return text


def test_check_prints_names_and_keys_inert(evil_folder: Path):
    result = run("check", evil_folder, "--no-cache")
    out = assert_inert(result.stdout)
    assert_inert(result.stderr)
    assert "Traceback" not in result.stderr.decode()
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J.md" in out  # shown as `ls` shows it
    assert "given twice" in out


@pytest.mark.parametrize("cache", ["--no-cache", "--drafts"])  # a cold and a cached load
def test_list_table_json_and_ics_are_inert(evil_folder: Path, cache: str):
    for _ in range(2):
        table = run("list", evil_folder, cache)
        assert table.returncode == 0, table.stderr
        shown = assert_inert(table.stdout)
        assert "dossier\\x1b]0;titre\\x07" in shown  # the folder's name in the table's title
        assert_inert(table.stderr)
    listed = run("list", evil_folder, "--format", "json", cache)
    assert listed.returncode == 0, listed.stderr
    document = json.loads(assert_inert(listed.stdout))
    assert {o["title"] for o in document} == {"Titre rouge", "Octets"}
    assert any(o["source"]["path"].endswith("nom-\\xff-pas-utf8.md") for o in document)
    urls = [link["url"] for o in document for link in o["links"]]
    assert urls and all(is_openable(url) and url.isprintable() for url in urls)
    ics = run("list", evil_folder, "--format", "ics", cache)
    assert ics.returncode == 0, ics.stderr
    calendar = assert_inert(ics.stdout, crlf=True)
    assert calendar.count("BEGIN:VEVENT") == 2


def test_a_newline_or_escape_in_an_address_never_reaches_a_copy_or_a_browser():
    (link,) = links_in('<a href="https://b.example/x\nrm -rf ~">lien</a>')
    assert link.url == "https://b.example/xrm%20-rf%20~"
    assert is_openable(link.url)
    for raw in ("https://a.example/\x1b]52;c;eA==\x07", "https://a.example/\u202egnp.exe"):
        url = normalise_url(raw)
        assert url.isprintable() and is_openable(url)
    assert not is_openable("https://a.example/\nrm -rf ~")  # as typed, it is never opened
