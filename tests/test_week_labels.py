"""The week grid's block labels break between words, never inside one ("d’ouvertu / re")."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from calendar_tui.widgets.week_grid import _wrap

TITLE = "13:30 Clinique #BlueHats d’ouverture des codes sources"


@pytest.mark.parametrize("width", range(5, 30))
@pytest.mark.parametrize("rows", [1, 2, 3, 4, 8])
def test_lines_are_whole_words_and_only_a_cut_ends_in_an_ellipsis(width, rows):
    words = TITLE.split(" ")
    lines = _wrap(TITLE, width, rows)
    assert 1 <= len(lines) <= rows
    assert all(cell_len(line) <= width for line in lines)
    shown = " ".join(lines).split(" ")
    for index, piece in enumerate(shown[:-1]):  # each word whole, or cut alone on its line
        assert piece == words[index] or (
            piece in lines and words[index].startswith(piece[:-1]) and piece.endswith("…")
        ), lines
    last = shown[-1]
    if len(shown) < len(words):  # words left out: the last line ends in …
        assert last.endswith("…") and words[len(shown) - 1].startswith(last[:-1]), lines
    else:
        assert last == words[-1] or words[-1].startswith(last[:-1]), lines


def test_a_long_word_is_cut_on_its_own_line_and_the_next_words_follow():
    assert _wrap("★ 09:30 Anticonstitutionnellement dit", 9, 3) == ["★ 09:30", "Anticons…", "dit"]


def test_a_non_breaking_space_holds_a_time_together():
    assert _wrap("12\xa0h\xa030 Atelier", 9, 2) == ["12\xa0h\xa030", "Atelier"]


def test_no_room_gives_no_line():
    assert _wrap("Atelier", 0, 1) == []
