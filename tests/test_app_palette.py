"""The command palette shows post data (tag labels) as text: never markup, never an action."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from calendar_tui.screens.palette import CalendarCommands
from conftest import store_of, timed_session
from helpers import SIZE

HOSTILE = "[@click=app.screenshot('x','/tmp')]T[/]"


def _actions(content: Content) -> list[object]:
    """The click actions a Content carries (markup like @click makes one)."""
    return [span.style for span in content.spans if "@click" in str(span.style)]


async def test_a_tag_made_of_markup_is_shown_literally_and_does_nothing(make_app):
    store = store_of(timed_session("a", "Atelier", date(2020, 11, 18), 10, tags=[HOSTILE]))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = CalendarCommands(app.screen)
        hits = [hit async for hit in provider.search("T")]
        tag_hits = [hit for hit in hits if str(hit.text).startswith("Tag : ")]
        assert tag_hits, [str(hit.text) for hit in hits]
        for hit in tag_hits:
            assert isinstance(hit.match_display, Content)
            assert hit.match_display.plain == f"Tag : {HOSTILE} (1)"
            assert not _actions(hit.match_display)
            # The palette reads a help str as markup: it gets a Content, kept as is.
            assert isinstance(hit.help, Content)
        for hit in [hit async for hit in provider.discover()]:
            assert isinstance(hit.display, Content) and isinstance(hit.help, Content)
