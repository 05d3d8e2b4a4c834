"""Under --lang en, no French day or month name (nor a French time) on the app's screens."""

from __future__ import annotations

import re

import pytest

# The app's key descriptions are translated when its modules are imported (the CLI chooses the
# language first): imported here, at collection, so that the order of the tests never leaves
# English keys for the French screens' tests.
import calendar_tui.app  # noqa: F401
from calendar_tui.model import french_names
from helpers import SIZE
from test_app_programme import settle, star_the_26_11_overlap
from test_french_screens import SCREENS, app_for, screen_text  # noqa: F401 (a fixture)

# Every French name (the abbreviations with their dot), and "9 h 30"-style times.
_FRENCH_NAMES = [*french_names.MONTH_NAMES, *french_names.DAY_NAMES["wide"]]
_FRENCH = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(n) for n in _FRENCH_NAMES)
    + r")(?!\w)|(?<!\w)("
    + "|".join(re.escape(n) for n in french_names.DAY_NAMES["abbreviated"])
    + r")|\b\d{1,2} h( \d\d)?\b",
    re.IGNORECASE,
)
# French words of our own screens (the literals found on the way), away from the footer: its key
# descriptions are translated when the app's modules are imported, in French in this process.
_FRENCH_WORDS = re.compile(
    r"(?<!\w)(en cours|ensuite|Lieu|Liens|Source :|Retour|Jour|Chevauchement|paires?|Chercher|"
    r"Favoris|Erreur|toute la journée|Aucune session|touches|Fermer|sans titre)(?!\w)"
)
ENGLISH_SCREENS = {**SCREENS, "search": ["slash", *"open"], "linear": ["L"], "detail": ["enter"]}


def french_on(app) -> list[str]:
    text = screen_text(app)
    above_footer = text.rstrip("\n").rpartition("\n")[0]
    found = {m.group(0) for m in _FRENCH.finditer(text)}
    return sorted(found | {m.group(0) for m in _FRENCH_WORDS.finditer(above_footer)})


def test_the_check_finds_french_names():
    class Fake:
        def export_screenshot(self):
            return '<svg><text x="0" y="1">Jeudi 26 novembre, 9 h 30, jeu. Openday</text></svg>'

    assert french_on(Fake()) == ["9 h 30", "Jeudi", "jeu.", "novembre"]


@pytest.mark.parametrize("name", ENGLISH_SCREENS)
async def test_no_french_dates_on_english_screens(english, app_for, name):  # noqa: F811
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key in ENGLISH_SCREENS[name]:
            await pilot.press(key)
            await pilot.pause()
        await settle(pilot)
        assert french_on(app) == [], screen_text(app)


async def test_english_dates_read_in_english(english, app_for):  # noqa: F811
    app = app_for()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "November 2020" in text
        assert re.search(r"Mon +Tue +Wed +Thu +Fri +Sat +Sun", text), text
        await star_the_26_11_overlap(pilot)  # the day list and the detail of 26/11
        text = screen_text(app)
        assert "Thursday 26 November 2020" in text, text
        assert "Thursday 26 November 2020, 11:00 – 11:45" in text, text
        await pilot.press("C")
        await pilot.pause()
        assert re.search(r"Thursday 26 .*\n+ November ", screen_text(app)), screen_text(app)
