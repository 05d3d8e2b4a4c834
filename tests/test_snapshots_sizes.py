"""The month, the week and the problems at 60x20, 80x24, 120x40 and 200x60, and the sentence
below the minimum size. Review every SVG before accepting it (CONTRIBUTING.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write_broken_posts

SIZES = [(60, 20), (80, 24), (120, 40), (200, 60)]
TO_26_11 = ["end", "p", "p"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_month(snap_compare, make_app, bundled_store, size):
    assert snap_compare(make_app(bundled_store), press=TO_26_11, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_week(snap_compare, make_app, bundled_store, size):
    assert snap_compare(make_app(bundled_store), press=[*TO_26_11, "w"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_problems(snap_compare, make_app, tmp_path, monkeypatch, size):
    from calendar_tui.model.loader import load_store

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    assert snap_compare(app, press=["exclamation_mark"], terminal_size=size)


def test_below_the_minimum_size(snap_compare, make_app, bundled_store):
    assert snap_compare(make_app(bundled_store), terminal_size=(36, 12))
