"""The message catalogs: complete, compiled as committed, and the language choice."""

from __future__ import annotations

import json
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from calendar_tui.cli import main
from calendar_tui.i18n import LOCALE_DIR, _, language_from_env, set_language

ROOT = Path(__file__).resolve().parents[1]
PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "calendar_tui.po"
MO = PO.with_suffix(".mo")


def _messages(catalog) -> dict:
    return {
        (tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id): (
            tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string
        )
        for m in catalog
        if m.id
    }


def test_the_committed_mo_is_the_compiled_po():
    with open(PO, "rb") as handle:
        po = read_po(handle)
    compiled = BytesIO()
    write_mo(compiled, po)
    compiled.seek(0)
    with open(MO, "rb") as handle:
        committed = read_mo(handle)
    assert _messages(read_mo(compiled)) == _messages(committed), "run `make catalogs`"


def test_every_message_of_the_source_has_a_french_translation():
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "src", method_map, options_map
        )
    }
    assert len(found) > 100
    with open(PO, "rb") as handle:
        po = read_po(handle)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in po
        if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)
    }
    missing = sorted(found - translated)
    assert not missing, f"untranslated (run `make catalogs` and translate): {missing[:10]}"


def test_french_by_default_english_on_request():
    assert language_from_env({}) == "fr"
    assert language_from_env({"LANG": "C.UTF-8"}) == "fr"
    assert language_from_env({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_from_env({"LANG": "fr_FR.UTF-8", "LC_ALL": "en_US.UTF-8"}) == "en"
    set_language("fr")
    assert _("is empty") == "est vide"
    set_language("en")
    assert _("is empty") == "is empty"


def _broken(tmp_path: Path) -> Path:
    (tmp_path / "bad.md").write_text(
        "---\ntitle: Atelier\nevent_start_date: 2020-11-31\n---\n", encoding="utf-8"
    )
    return tmp_path


def test_check_speaks_french_by_default_and_english_with_lang(tmp_path, capsys):
    folder = _broken(tmp_path)
    assert main(["check", "--no-cache", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "n'est pas une date (ce jour n'existe pas)" in out
    assert "1 post, 1 session : 1 erreur, 1 avertissement" in out
    assert main(["--lang", "en", "check", "--no-cache", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "is not a date (no such day)" in out and ": 1 error," in out


def test_the_settings_language_is_used_and_lang_overrides_it(tmp_path, capsys):
    from calendar_tui.settings import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text('{"version": 1, "language": "en"}')
    folder = _broken(tmp_path)
    main(["check", "--no-cache", str(folder)])
    assert ": 1 error," in capsys.readouterr().out
    main(["check", "--lang=fr", "--no-cache", str(folder)])
    assert ": 1 erreur," in capsys.readouterr().out


def test_lang_en_from_the_environment_in_a_child_process(tmp_path):
    folder = _broken(tmp_path)
    env = {"PATH": "/usr/bin:/bin", "LANG": "en_US.UTF-8", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "calendar_tui", "check", "--no-cache", str(folder)],
        capture_output=True,
        text=True,
        env={**env, "CALENDAR_TUI_CONFIG_DIR": str(tmp_path / "config")},
        cwd=ROOT,
    )
    assert "is not a date (no such day)" in result.stdout, result


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_check_json_gives_codes_beside_the_sentences(tmp_path, capsys, lang):
    folder = _broken(tmp_path)
    (folder / "brouillon.md").write_text(
        "---\ntitle: B\npublished: false\nevent_start_date: 2020-11-12 14:00\n---\n",
        encoding="utf-8",
    )
    assert main(["--lang", lang, "check", "--no-cache", "--format", "json", str(folder)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert {p["code"] for p in problems} == {"date.impossible", "post.undated", "post.draft"}
    first = next(p for p in problems if p["code"] == "date.impossible")
    assert first.keys() == {"code", "path", "line", "severity", "message"}
    assert (first["line"], first["severity"]) == (3, "error")
    assert first["path"].endswith("bad.md")
    assert ("jour" in first["message"]) == (lang == "fr")


def test_an_untitled_session_is_said_in_the_current_language():
    """ "(sans titre)" was French under --lang en too (made when the post is read)."""
    from calendar_tui.model.text import title_line

    assert title_line(" \x1b ") == "(sans titre)"
    set_language("en")
    assert title_line("") == "(untitled)"
    set_language("fr")
