"""The command line in French: argparse's own words, our help, outputs and errors hold no English;
under --lang en they hold no French day or month name."""

from __future__ import annotations

import argparse
import ast
import inspect
import re
import subprocess
import sys

import pytest

from calendar_tui.argparse_words import MESSAGES
from calendar_tui.cli import main
from conftest import write_broken_posts
from test_english_screens import _FRENCH

# Words an English message has and a French one (or a post of the bundled programme) has not.
ENGLISH = (
    "usage",
    "show",
    "help",
    "exit",
    "error",
    "errors",
    "warning",
    "required",
    "invalid",
    "unrecognized",
    "expected",
    "choose",
    "the",
    "with",
    "only",
    "default",
    "file",
    "folder",
    "is",
    "not",
    "of",
    "and",
    "or",
    "until",
    "next:",
    "now:",
    "When",
    "all day",
    "problem",
    "problems",
    "written",
    "sessions starred",
    "leave out",
    "revision",
    "changes in",
    "no such",
)
_WORDS = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w'’-])")

RUNS = {  # what a user types -> expected exit status
    ("--help",): 0,
    ("list", "--help"): 0,
    ("check", "--help"): 0,
    ("agenda", "--help"): 0,
    ("changes", "--help"): 0,
    ("next", "--help"): 0,
    ("serve", "--help"): 0,
    ("open", "--help"): 0,
    ("list",): 0,
    ("list", "--tag", "EIG", "--from", "2020-11-26"): 0,
    ("agenda",): 0,
    ("next",): 0,
    ("list", "--from", "2020-13-45"): 2,
    ("list", "--format", "xml"): 2,
    ("list", "--bogus"): 2,
    ("lsit",): 2,
    ("list", "--where", "tag:a ou (b"): 2,
    ("list", "--tag", "Webinair"): 0,
    ("changes", "a", "b", "c", "d"): 2,
    ("serve", "--port", "0"): 2,
}


def run(capsys, *args: str) -> tuple[int, str]:
    try:
        status = main(list(args))
    except SystemExit as done:
        status = done.code
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def english_in(text: str) -> list[str]:
    return sorted(set(_WORDS.findall(text)))


def test_the_check_finds_english():
    assert english_in("calendar-tui: error: the following arguments are required") == [
        "error",
        "required",
        "the",
    ]
    assert english_in("utilisation : l’agenda des sessions ; options :") == []


@pytest.mark.parametrize("args", RUNS, ids=" ".join)
def test_no_english_in_the_french_command_line(capsys, monkeypatch, args):
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-26T15:45")
    status, text = run(capsys, *args)
    assert status == RUNS[args], text
    # Option names and metavars are code-facing (--help, --format {text,json,ics}, REV1).
    words = english_in(re.sub(r"--?[\w-]+|\{[\w,]+\}|\b[A-Z][A-Z0-9-]+\b", "", text))
    assert words == [], text


def test_no_english_in_french_check_of_broken_posts(capsys, tmp_path):
    status, text = run(capsys, "check", "--no-cache", str(write_broken_posts(tmp_path)))
    # "path:line: error|warning: message" is the compilers' format that editors and CI problem
    # matchers read (documented in the README): its severity word is code-facing, as `code` is.
    text = re.sub(
        r"^(\S+?:(\d+:)? )(error|warning): ", r"\1", text.replace(str(tmp_path), ""), flags=re.M
    )
    assert status == 1 and english_in(text) == [], text


@pytest.mark.parametrize(
    "args", [("agenda",), ("list",), ("next",), ("changes", "--help")], ids=" ".join
)
def test_no_french_dates_under_lang_en(capsys, monkeypatch, args):
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-26T15:45")
    status, text = run(capsys, "--lang", "en", *args)
    assert status == 0
    assert not _FRENCH.search(text), _FRENCH.search(text)


def test_argparse_speaks_french_and_english(capsys):
    status, text = run(capsys, "list", "--help")
    assert status == 0
    assert text.startswith("utilisation : calendar-tui list")
    assert "\noptions\u00a0:\n  -h, --help            afficher cette aide et quitter\n" in text
    assert "arguments positionnels\u00a0:" in text and "[--from AAAA-MM-JJ]" in text
    status, text = run(capsys, "list", "--format", "xml")
    assert "calendar-tui list : erreur : argument --format : choix invalide : 'xml'" in text
    status, text = run(capsys, "--lang", "en", "list", "--help")
    assert text.startswith("usage: calendar-tui list")
    assert "  -h, --help            show this help message and exit\n" in text


def test_every_message_argparse_can_say_is_in_the_catalog():
    """argparse's msgids, read from this Python's argparse: a new one (a Python upgrade) fails
    here until its French is added to argparse_words.MESSAGES."""
    said = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "ngettext"):
            said.update(a.value for a in node.args if isinstance(a, ast.Constant))
    assert said and said <= set(MESSAGES), sorted(said - set(MESSAGES))


def test_argparse_looks_our_words_up_in_a_child_process(tmp_path):
    """The routing holds in a fresh interpreter, as a user runs it."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env["CALENDAR_TUI_CONFIG_DIR"] = str(tmp_path / "config")
    result = subprocess.run(
        [sys.executable, "-m", "calendar_tui", "list", "-x"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert "utilisation : calendar-tui" in result.stderr
    assert "erreur : arguments non reconnus : -x" in result.stderr
