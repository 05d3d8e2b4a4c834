"""The `list` table without Rich: Rich's layout, every word kept, inside the width, fast."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from calendar_tui import table
from calendar_tui.cli import main
from calendar_tui.i18n import _
from calendar_tui.table import cell_width, column_widths, render, wrap


def test_wrap_keeps_every_word_and_folds_long_ones():
    text = "Pérenniser la transformation numérique : anticonstitutionnellement 東京都庁 ok"
    lines = wrap(text, 10)
    assert all(cell_width(line) <= 10 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "anticonsti" in lines and "tutionnell" in lines


def test_cell_width_counts_wide_and_combining_characters():
    assert cell_width("abc") == 3
    assert cell_width("東京") == 4
    assert cell_width("e\u0301") == 1


def test_columns_shrink_widest_first_as_rich_did():
    # Measured on Rich's table for the bundled programme at 80 and 60 columns.
    assert column_widths([22, 200, 22], 80 - 10) == [22, 26, 22]
    assert column_widths([23, 200, 40], 60 - 10) == [23, 14, 13]
    assert column_widths([5, 7, 4], 70) == [5, 7, 4]


def test_rows_stay_inside_the_width():
    rows = [("01/01/2020 10:00", "mot " * 40 + "x" * 90, "Tag, 日本語タグ")] * 3
    for width in (20, 40, 80, 200):
        out = render("Titre", rows, width)
        lines = out.splitlines()
        assert all(cell_width(line) <= width for line in lines[1:]), width
        assert lines[1].startswith("┏") and lines[-1].startswith("└")


def test_table_on_the_bundled_programme_at_80_columns(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["list", "--tag", "EIG"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Mois de l’innovation publique édition 2020 — tags : EIG"
    assert (
        lines[2]
        == "┃ Quand                  ┃ Session                    ┃ Tags                   ┃"
    )
    assert (
        lines[4]
        == "│ 09/11/2020 14:00–15:15 │ Pérenniser la              │ Webinaire, EIG         │"
    )
    assert re.fullmatch(r"\d+ occurrences?", lines[-1])
    assert all(len(line) == 80 for line in lines[1:-1])


def test_hostile_text_never_reaches_the_terminal():
    out = io.StringIO()

    class Store:
        title = "Ti\x1b[2Jtle"
        labels: dict = {}

    class Flt:
        def describe(self, labels):
            return ""

    class Occ:
        all_day, start, end = True, __import__("datetime").date(2020, 1, 1), None
        title, tags = "évil\x1b]0;pwned\x07 \x1b[31mred", ("t\x9b",)

    table.print_table(Store(), [Occ()], Flt(), stream=out)
    assert not any(char in out.getvalue() for char in "\x1b\x07\x9b"), repr(out.getvalue())


def test_a_reader_that_left_gives_no_traceback():
    # `calendar-tui list | head -1`: the pipe is closed while the table is written.
    code = (
        "import os, sys\n"
        "read, write = os.pipe()\n"
        "os.close(read); os.dup2(write, 1)\n"
        "from calendar_tui.cli import main\n"
        "sys.exit(main(['list', '--no-cache']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 141  # as a command killed by SIGPIPE (cli.main)


@pytest.mark.parametrize("year", [1, 99, 999, 2020, 9999])
def test_when_is_written_as_strftime_writes_it(year):
    # Written field by field (strftime was a tenth of the table's time at 10,000 posts).
    day, later = date(year, 3, 4), date(year, 3, 9)
    start = datetime(year, 3, 4, 5, 6, tzinfo=UTC)
    cases = [
        (SimpleNamespace(all_day=True, start=day, end=later), f"{day:%d/%m/%Y} → {later:%d/%m/%Y}"),
        (SimpleNamespace(all_day=True, start=day, end=day), f"{day:%d/%m/%Y} " + _("(all day)")),
        (SimpleNamespace(all_day=True, start=day, end=None), f"{day:%d/%m/%Y} " + _("(all day)")),
        (SimpleNamespace(all_day=False, start=start, end=None), f"{start:%d/%m/%Y %H:%M}"),
        (
            SimpleNamespace(all_day=False, start=start, end=start.replace(hour=23, minute=59)),
            f"{start:%d/%m/%Y %H:%M}–23:59",
        ),
    ]
    for occurrence, expected in cases:
        assert table.when_text(occurrence) == expected
