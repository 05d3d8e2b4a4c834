"""The views show a session's title as the model gives it: the model gives one clean line,
never empty, whatever the post (title missing, file name with control characters)."""

from __future__ import annotations

from pathlib import Path

from calendar_tui.model.loader import load_store
from calendar_tui.model.text import title_line

POST = (
    "---\ntitle: ''\ndate: 2020-11-01 10:00:00 +01:00\n"
    "event_start_date: 2020-11-12 14:00:00 +01:00\n---\n\nTexte.\n"
)


def test_a_title_from_a_hostile_file_name_is_one_clean_line(tmp_path: Path):
    path = tmp_path / "atelier\x1b[2J\x07-du\nsoir.md"
    path.write_text(POST, encoding="utf-8")
    store = load_store([path])
    [occurrence] = store.occurrences
    assert occurrence.title == title_line(occurrence.title)
    assert "\x1b" not in occurrence.title and "\n" not in occurrence.title
    assert occurrence.title.startswith("atelier") and occurrence.title.endswith("soir")


def test_an_empty_title_reads_untitled():
    assert title_line(" \n\t ") == "(sans titre)"
    assert title_line("Deux\nlignes") == "Deux lignes"
