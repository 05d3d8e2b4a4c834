"""No English from Textual's defaults (or ours) on any screen of the French app."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import write_broken_posts
from helpers import SIZE
from test_app_programme import linked_store, settle, star_the_26_11_overlap

# Textual's own English, and the key names it gives by default.
ENGLISH = (
    "Search for commands",
    "Search for themes",
    "No matches found",
    "Quit the application",
    "Change the current theme",
    "Focus Next",
    "Focus Previous",
    "Copy selected text",
    "Screenshot",
    "Keys",
    "Maximize",
    "Minimize",
    "Theme",
    "Quit",
    "space",
    "pageup",
    "pagedown",
    "shift+tab",
    "escape",
    "enter",
    "is not a date",
    "warning",
    "error",
    "problem",
)
_WORDS = re.compile(r"(?<![\w+])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w+])")


def screen_text(app) -> str:
    """Every character on the terminal, one line per row (from the SVG screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, list[tuple[float, str]]] = {}
    for attributes, text in re.findall(r"<text([^>]*)>(.*?)</text>", svg, re.S):
        x = re.search(r'\bx="([\d.]+)"', attributes)
        y = re.search(r'\by="([\d.]+)"', attributes)
        where = (float(x.group(1)) if x else 0.0, float(y.group(1)) if y else 0.0)
        rows.setdefault(where[1], []).append(
            (where[0], html.unescape(re.sub(r"<[^>]+>", "", text)))
        )
    lines = ("".join(text for _x, text in sorted(row)) for _y, row in sorted(rows.items()))
    return "\n".join(lines).replace("\xa0", " ")


def english_on(app) -> list[str]:
    return sorted(set(_WORDS.findall(screen_text(app))))


def test_the_check_finds_english():
    class Fake:
        def export_screenshot(self):
            return (
                '<svg><text x="0" y="1">Search&#160;for</text><text x="9" y="1">&#160;commands…'
                '</text><text x="0" y="2">espace</text></svg>'
            )

    assert english_on(Fake()) == ["Search for commands"]


@pytest.fixture
def app_for(make_app, bundled_store, tmp_path):
    def build(store=None):
        return make_app(
            store or bundled_store,
            favourites_path=tmp_path / "data" / "favourites.json",
            export_dir=tmp_path / "exports",
        )

    return build


SCREENS = {
    "month": [],
    "week": ["w"],
    "help": ["question_mark"],
    "tag picker": ["f"],
    "palette": ["ctrl+p"],
    "palette, no match": ["ctrl+p", *"zzzqqq"],
    "palette, keys": ["ctrl+p", *"touches", "enter"],
    "palette, theme": ["ctrl+p", *"theme", "enter"],
    "export": ["e"],
}


@pytest.mark.parametrize("name", SCREENS)
async def test_no_english_on_french_screens(app_for, name):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in SCREENS[name]:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.7)  # the palette's "no match" line comes after half a second
        await settle(pilot)
        assert english_on(app) == [], screen_text(app)


async def test_no_english_on_the_clashes_and_links_screens(app_for):
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await star_the_26_11_overlap(pilot)
        await pilot.press("C")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ClashesScreen"
        assert english_on(app) == [], screen_text(app)
    app = app_for(linked_store())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "down", "o")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "LinkChooser"
        assert english_on(app) == [], screen_text(app)


async def test_no_english_on_the_problems_screen(make_app, tmp_path, monkeypatch):
    from calendar_tui.model.loader import load_store

    write_broken_posts(tmp_path / "broken")
    monkeypatch.chdir(tmp_path)
    app = make_app(load_store([Path("broken")]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert english_on(app) == [], screen_text(app)  # the header's count
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert english_on(app) == [], screen_text(app)
