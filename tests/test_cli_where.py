"""`list --where` and `list --view`: the filter language and saved views on the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from calendar_tui.cli import main
from calendar_tui.settings import Settings, load_settings, save_settings

EXAMPLE = 'tag:webinaire et (tag:"intelligence artificielle" ou "données") sauf tag:EIG'


def list_titles(capsys, *args: str) -> list[str]:
    assert main(["list", "--format", "json", *args]) == 0
    return [item["title"] for item in json.loads(capsys.readouterr().out)]


def test_where_narrows_the_list_and_combines_with_the_other_options(capsys):
    found = list_titles(capsys, "--where", EXAMPLE)
    assert len(found) == 5 and any("pseudonymisation" in t for t in found)
    assert list_titles(capsys, "--where", EXAMPLE, "--search", "pseudonymisation") == [
        t for t in found if "pseudonymisation" in t
    ]
    assert list_titles(capsys, "--where", "tag:webinaire and not tag:webinaire") == []


def test_a_malformed_expression_says_where_and_exits_2_before_loading(capsys):
    assert main(["list", "--where", EXAMPLE.replace('"données")', '"données"')]) == 2
    err = capsys.readouterr().err
    assert "ligne 1, colonne 18 : parenthèse non fermée" in err
    assert err.splitlines()[-1] == " " * 19 + "^"


def test_the_caret_stands_under_the_mistake_after_an_escape_or_a_tab(capsys):
    """The line is shown cleaned: the caret is counted on what is shown, not on the bytes."""
    assert main(["list", "--where", "tag:x \x1b]0;T\x07\t("]) == 2
    *_, shown, caret = capsys.readouterr().err.splitlines()
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown[caret.index("^")] == "("


def save_views(views: dict[str, str]) -> Path:
    path = Path(os.environ["CALENDAR_TUI_CONFIG_DIR"]) / "settings.json"
    assert save_settings(Settings(views=views, path=path)) is None
    return path


def test_a_saved_view_lists_what_its_expression_does(capsys):
    save_views({"IA": 'tag:ia ou tag:"intelligence artificielle"', "Ex": EXAMPLE})
    assert list_titles(capsys, "--view", "Ex") == list_titles(capsys, "--where", EXAMPLE)
    ia = list_titles(capsys, "--view", "IA")
    assert ia and ia == list_titles(
        capsys, "--any", "--tag", "IA", "--tag", "Intelligence artificielle"
    )


def test_an_unknown_or_broken_view_is_named_and_exits_2(capsys):
    save_views({"IA": "tag:ia ou", "B\x1b[31m": "tag:b", "C": "date:\x1b]0;pwned\x07"})
    assert main(["list", "--view", "nope"]) == 2
    err = capsys.readouterr().err
    assert "aucune vue nommée « nope »" in err and "vues : B, C, IA" in err and "\x1b" not in err
    assert main(["list", "--view", "IA"]) == 2
    assert "vue « IA » : ligne 1, colonne 8 : « ou » doit être suivi d'un terme" in (
        capsys.readouterr().err
    )
    assert main(["list", "--view", "C"]) == 2
    err = capsys.readouterr().err
    # The escape is gone where the settings file is read: what is left is "date:" alone.
    assert "\x1b" not in err and "\x07" not in err and "valeur attendue après « date: »" in err


def test_view_and_expression_errors_in_english(capsys, english):
    save_views({"IA": "tag:ia ou"})
    assert main(["list", "--view", "nope"]) == 2
    assert "no view named 'nope'" in capsys.readouterr().err
    assert main(["list", "--view", "IA"]) == 2
    assert "view 'IA': line 1, column 8: « ou » must be followed by a term" in (
        capsys.readouterr().err
    )
    assert main(["list", "--where", "(tag:a"]) == 2
    assert "line 1, column 1: unclosed parenthesis" in capsys.readouterr().err


def test_settings_keep_views_and_reminder_minutes(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(Settings(views={"IA": "tag:ia"}, reminder_minutes=5, path=path))
    loaded = load_settings(path)
    assert (loaded.views, loaded.reminder_minutes) == ({"IA": "tag:ia"}, 5)
    assert load_settings(tmp_path / "missing.json").reminder_minutes == 10
    for bad in ('"5"', "-1", "true", "100000", "null"):
        path.write_text(f'{{"reminder_minutes": {bad}, "views": ["x"]}}', encoding="utf-8")
        loaded = load_settings(path)
        assert (loaded.reminder_minutes, loaded.views) == (10, {}), bad
    path.write_text('{"views": {"A": "tag:a", "B": 3, "C": "  "}}', encoding="utf-8")
    assert load_settings(path).views == {"A": "tag:a"}
