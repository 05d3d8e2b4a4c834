"""Snapshots of every screen the issue lists: fixed clock, data, theme and terminal size.

Plain `def` tests: `snap_compare` runs its own event loop. Review every SVG before accepting it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from calendar_tui.model.types import AgendaItem, Link
from conftest import store_of, timed_session, write_broken_posts
from helpers import SIZE as WIDE

SMALL = (80, 24)

# From the opening day (18/11): End goes to 30/11, then p, p reach 26/11.
TO_26_11 = ["end", "p", "p"]


@pytest.fixture
def bundled_app(make_app, bundled_store):
    return lambda: make_app(bundled_store)


async def _no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("Input"):
        widget.cursor_blink = False
    await pilot.pause()


def test_opening_120x40(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), terminal_size=WIDE)


def test_opening_80x24(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), terminal_size=SMALL)


def test_opening_200x60(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), terminal_size=(200, 60))


def test_26_11_overlapping_sessions(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), press=[*TO_26_11, "enter", "down"], terminal_size=WIDE)


def test_tag_picker_open(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), press=["f"], terminal_size=WIDE)


def test_only_intelligence_artificielle(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), press=[*TO_26_11, "2"], terminal_size=WIDE)


def test_search_with_results(snap_compare, bundled_app):
    assert snap_compare(
        bundled_app(),
        press=["slash", *"donnees", "enter"],
        terminal_size=WIDE,
        run_before=_no_blink,
    )


def test_search_without_results(snap_compare, bundled_app):
    assert snap_compare(
        bundled_app(), press=["slash", *"zzzz"], terminal_size=WIDE, run_before=_no_blink
    )


def test_help_screen(snap_compare, bundled_app):
    assert snap_compare(bundled_app(), press=["question_mark"], terminal_size=WIDE)


def test_problems_panel(snap_compare, make_app, tmp_path, monkeypatch):
    from calendar_tui.model.loader import load_store

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=WIDE)


def test_header_counts_problems(snap_compare, make_app, tmp_path, monkeypatch):
    from calendar_tui.model.loader import load_store

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    assert snap_compare(app, press=["pagedown", "pageup"], terminal_size=SMALL)


def test_very_long_title_wide_characters_and_emoji(snap_compare, make_app):
    day = date(2020, 11, 18)
    long_title = (
        "Un titre extrêmement long qui ne tient sur aucune ligne de l'écran 🎉🚀 "
        "漢字とかなの混じった文 — et qui continue encore, et encore, jusqu'à la fin du monde "
    ) * 2
    sessions = (
        timed_session(
            "long/1",
            long_title,
            day,
            9,
            tags=(
                "Intelligence artificielle",
                "🎉 Fête",
                "Un tag qui est lui aussi bien trop long",
            ),
            location="Salle 🚀 漢字, 20 avenue de Ségur, Paris",
            description="Un **paragraphe** avec un [lien](https://example.org) et `du code`.\n\n"
            "- une liste\n- à puces",
            links=(Link("Inscription", "https://example.org/inscription"),),
            agenda=(AgendaItem(None, None, "Accueil"),),
        ),
        timed_session("long/2", "Court", day, 14, minutes=30, tags=("Atelier",)),
    )
    app = make_app(store_of(*sessions, title="Collection d'essai " + "🎉" * 3))
    assert snap_compare(app, press=["enter"], terminal_size=SMALL)
