"""Events on 01/01/0001 and 31/12/9999 in the app: every key that moves the day stops at the
first or last day a date can hold, in the month and the week views, and nothing crashes."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_tui.model.day_input import parse_day
from conftest import store_of, timed_session
from helpers import SIZE

FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)

# Keys after the opening: End/Home go to the last/first session day, then past the edge.
MOVES = [
    ("end", "pagedown", "pagedown", "right_square_bracket"),
    ("end", "l", "l", "l", "j", "j", "j", "j", "j", "j"),
    ("end", "w", "l", "l", "l", "j", "j", "pagedown", "w"),
    ("home", "pageup", "pageup", "left_square_bracket"),
    ("home", "h", "h", "k", "k", "k", "k", "k", "k"),
    ("home", "w", "h", "h", "h", "k", "k", "pageup", "w"),
]


def far_store():
    return store_of(
        timed_session("p/first", "Au début", FIRST, 10),
        timed_session("p/now", "Maintenant", date(2020, 11, 18), 10),
        timed_session("p/last", "À la fin", LAST, 10),
    )


@pytest.mark.parametrize("keys", MOVES, ids=lambda keys: "-".join(keys[:3]))
async def test_moving_past_the_first_or_last_day_stops_there(make_app, keys):
    app = make_app(far_store())
    async with app.run_test(size=SIZE) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        screen = app.screen
        assert screen.day == (LAST if keys[0] == "end" else FIRST)
        await pilot.press("enter")  # the day's sessions: the edge day's one is there
        await pilot.pause()
        assert screen.occurrence is not None and screen.occurrence.start.date() == screen.day


async def test_going_to_01_01_0001_from_the_palette_then_a_month_back(make_app):
    app = make_app(far_store())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"01/01/0001")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.day == FIRST
        await pilot.press("pageup", "h", "k", "w", "h")
        await pilot.pause()
        assert app.screen.day == FIRST


def test_a_four_digit_year_is_read_as_written():
    assert parse_day("01/01/0001", 2020) == FIRST
    assert parse_day("31/12/9999", 2020) == LAST
    assert parse_day("26/11/20", 2019) == date(2020, 11, 26)
