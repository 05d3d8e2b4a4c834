"""Honest keys: the footer fits its width with the useful keys first, remapped keys under their
new key, a bad keymap entry said, j/k in the day list, one palette line per command, `o` with no
browser."""

from __future__ import annotations

from datetime import date

from textual.widgets import OptionList

from calendar_tui.i18n import _
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.settings import Settings
from calendar_tui.widgets.key_footer import KeyFooter
from helpers import SIZE


def footer_line(app) -> str:
    footer = app.screen.query_one(KeyFooter)
    return footer.render_line(0).text


async def test_footer_shows_the_useful_keys_first_at_every_width(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # a session chosen: o and y apply
        await pilot.pause()
        for width in (200, 120, 80, 60):
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            line = footer_line(app)
            assert len(line) <= width
            for key in (" q ", " ? ", " o ", " y ") if width >= 80 else (" q ", " ? ", " o "):
                assert key in line, (width, line)
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert _("More keys") in footer_line(app)  # not every key fits: the help says more


async def test_a_remapped_key_shows_under_its_new_key(make_app, bundled_store):
    app = make_app(bundled_store, settings=Settings(keymap={"app.quit": "x"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = footer_line(app)
        assert " x Quitter" in line and " q Quitter" not in line


async def test_an_unknown_binding_id_in_the_keymap_is_said(make_app, bundled_store):
    app = make_app(bundled_store, settings=Settings(keymap={"calendar.nope": "z"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("calendar.nope" in m for m in messages), messages


async def test_j_and_k_move_in_the_day_list(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "p", "p")  # 26 November: several sessions
        await pilot.press("enter")
        await pilot.pause()
        options = app.screen.query_one("#sessions", OptionList)
        assert options.has_focus and options.highlighted == 0
        await pilot.press("j")
        await pilot.pause()
        assert options.highlighted == 1
        first = app.screen.occurrence
        await pilot.press("j", "k")
        await pilot.pause()
        assert options.highlighted == 1 and app.screen.occurrence is first
        assert app.screen.day == date(2020, 11, 26)  # the grid did not move


async def test_each_palette_command_once_without_its_title_again(make_app, bundled_store):
    from calendar_tui.screens.palette import CalendarCommands

    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        provider = CalendarCommands(screen)
        hits = [hit async for hit in provider.discover()]
        names = [hit.text for hit in hits]
        assert len(names) == len(set(names))
        for hit in hits:
            assert str(hit.help) != hit.text, hit.text


async def test_o_with_no_browser_says_so_and_offers_the_copy(make_app, bundled_store, monkeypatch):
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: False)
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "p", "p", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.occurrence is not None and len(screen.occurrence.session.links) == 1
        await pilot.press("o")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        refusal = _("No browser could open the link {url}; press {key} to copy it instead.")
        assert any(m.startswith(refusal.split("{url}")[0]) and " y " in m for m in messages)
        assert not any(m.startswith(_("Opening {url}").split("{url}")[0]) for m in messages)
