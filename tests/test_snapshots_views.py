"""Snapshot of the saved views picker (`v`) over the calendar, a view applied before: the header
names it, the search bar shows its expression. Plain `def`: snap_compare runs its own loop."""

from __future__ import annotations

from calendar_tui.settings import Settings
from helpers import SIZE

VIEWS = {
    "IA": 'tag:"intelligence artificielle"',
    "EIG ou API": "tag:eig ou tag:api",
    "Ateliers sauf en ligne": 'tag:atelier sauf lieu:"en ligne"',
}


def test_view_picker(snap_compare, make_app, bundled_store, tmp_path):
    app = make_app(
        bundled_store,
        settings=Settings(views=VIEWS),
        favourites_path=tmp_path / "favourites.json",
    )
    assert snap_compare(app, press=["v", "down", "enter", "v"], terminal_size=SIZE)
