"""Snapshots of "my programme" (issue 4): a day with stars, the clashes view, the week of
23–29/11/2020, the export confirmation. Fixed clock, data, theme, size and folders.

Plain `def` tests: `snap_compare` runs its own event loop. Review every SVG before accepting it.
"""

from __future__ import annotations

import pytest

from helpers import SIZE as WIDE

# From the opening day (18/11): End goes to 30/11, then p, p reach 26/11; Enter, Down select
# 09:30–12:00 Open Lab PIAF, which overlaps 11:00–11:45 La mission LABEL.
STAR_26_11 = ["end", "p", "p", "enter", "down", "s", "down", "s"]


@pytest.fixture
def programme_app(make_app, bundled_store, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # the export path shows as ~/exports/...
    return lambda: make_app(
        bundled_store,
        favourites_path=tmp_path / "data" / "favourites.json",
        export_dir=tmp_path / "exports",
    )


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def test_day_with_stars(snap_compare, programme_app):
    assert snap_compare(programme_app(), press=STAR_26_11, terminal_size=WIDE)


def test_clashes_view(snap_compare, programme_app):
    assert snap_compare(programme_app(), press=[*STAR_26_11, "C"], terminal_size=WIDE)


def test_week_23_to_29_november(snap_compare, programme_app):
    assert snap_compare(programme_app(), press=[*STAR_26_11, "escape", "w"], terminal_size=WIDE)


def test_export_confirmation(snap_compare, programme_app):
    async def export(pilot) -> None:
        await _settle(pilot)
        await pilot.press("2", "e")
        await _settle(pilot)

    assert snap_compare(programme_app(), run_before=export, terminal_size=WIDE)
