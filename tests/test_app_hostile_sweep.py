"""A post whose every field is hostile markup and escape sequences, through every screen, the
palette (with queries), the notifications and the footer: shown literally, never interpreted
(no action run, no link made, no file written), no control character on screen."""

from __future__ import annotations

import json
import re

from calendar_tui.model.loader import load_store
from calendar_tui.screens.calendar import CalendarScreen
from helpers import SIZE
from test_app_hostile import screen_text

CLICK = "[@click=app.screenshot('x','/tmp')]T[/]"
MARKUP = f"{CLICK} [link=https://evil.example]L[/link] [b]B[/b] [reverse]R[/]"
ESCAPES = "\x1b]52;c;ZXZpbA==\x07 \x1b[2J \x07 \u202eRTL\u202c \x1b]0;titre\x07"
HOSTILE = f"{MARKUP} {ESCAPES}"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_posts(folder):
    """Two overlapping sessions (clashes once starred), hostile in every field; a file name,
    YAML keys and a time zone made of the same; a broken post (the problems screen)."""
    quoted = json.dumps(HOSTILE)  # YAML reads JSON strings, escapes included
    name = f"2020-11-01-{CLICK}\x1b[2J.md".replace("/", "_")
    (folder / name).write_text(
        f"---\ntitle: {quoted}\ndate: 2020-11-01 10:00:00 +01:00\n"
        f"event_start_date: 2020-11-18 10:00:00 +01:00\n"
        f"event_end_date: 2020-11-18 12:00:00 +01:00\n"
        f"lieu: {quoted}\ntags: [{quoted}, {json.dumps('[b]tag2[/b]')}]\n"
        f"timezone: {quoted}\n{quoted}: 1\n{quoted}: 2\n---\n\n"
        f"{MARKUP}\n\n{ESCAPES}\n\n"
        f"[{MARKUP}](https://a.example/[b]x[/b]) et "
        f'<a href="https://b.example/{CLICK}">{MARKUP}</a>\n',
        encoding="utf-8",
    )
    (folder / "second.md").write_text(
        f"---\ntitle: {json.dumps('2 ' + HOSTILE)}\nevent_start_date: 2020-11-18 11:00:00 +01:00\n"
        f"event_end_date: 2020-11-18 13:00:00 +01:00\ntags: [{quoted}]\n---\n\n{MARKUP}\n"
        f"[{MARKUP}](https://c.example/) <https://d.example/>\n",
        encoding="utf-8",
    )
    (folder / f"{MARKUP}.md".replace("/", "_")).write_text(
        f'---\ntitle: "{CLICK}\n---\n', encoding="utf-8"
    )
    return folder


def check_screen(app, seen: list[str]) -> None:
    """What is on screen now: no control character, no action or link made from post text."""
    svg = app.export_screenshot()
    text = screen_text(svg)
    assert not CONTROL.search(text), repr(CONTROL.search(text))
    assert "\x1b" not in svg and "&#27;" not in svg and "52;c;" not in text
    width, height = app.size
    for y in range(height):
        for x in range(width):
            style = app.screen.get_style_at(x, y)
            assert "evil.example" not in (style.link or "")
            assert "screenshot(" not in str(style.meta.get("@click", ""))  # an action, not a link
    seen.append(text)


async def test_every_screen_shows_hostile_text_literally(make_app, tmp_path, monkeypatch):
    posts = hostile_posts((tmp_path / "posts").mkdir() or tmp_path / "posts")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    store = load_store(sorted(posts.iterdir()))
    assert len(store.occurrences) >= 2 and store.diagnostics
    app = make_app(store, favourites_path=tmp_path / "fav.json", export_dir=tmp_path / "export")
    actions: list[str] = []
    monkeypatch.setattr(app, "deliver_screenshot", lambda *a, **k: actions.append("shot"))
    monkeypatch.setattr(app, "save_screenshot", lambda *a, **k: actions.append("shot"))
    monkeypatch.setattr(app, "copy_to_clipboard", lambda text: actions.append(f"copy {text}"))
    monkeypatch.setattr(app, "open_url", lambda url, **_: actions.append(f"open {url}"))
    monkeypatch.setattr("webbrowser.open", lambda url, *_, **__: actions.append(f"open {url}"))
    seen: list[str] = []
    steps = [
        (),  # the month, header, footer
        ("w",),  # the week
        ("w", "enter"),  # the day's list
        ("s", "down", "s"),  # both starred: clash marks, notifications
        ("enter",),  # the detail
        ("escape", "escape", "f"),  # the tag picker
        ("escape", "slash", *"B[/b]"),  # the search bar, a query with markup
        ("enter", "c", "question_mark"),  # help
        ("escape", "exclamation_mark"),  # problems
        ("escape", "C"),  # clashes
        ("escape", "e"),  # the export's confirmation
        ("enter", "enter", "o"),  # the link chooser
        ("escape", "y"),  # a copy and its notification
        ("ctrl+p",),  # the palette
        *[("ctrl+p", *query) for query in ("T", "link", "[b]", "click", "Tag", "screenshot")],
    ]
    async with app.run_test(size=SIZE) as pilot:
        for keys in steps:
            for key in keys:
                if key == "ctrl+p" and not isinstance(app.screen, CalendarScreen):
                    await pilot.press("escape")
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)
            check_screen(app, seen)
            if keys[:2] == ("ctrl+p", "T"):  # the tags' hits, their text as the post has it
                assert "Tag : [@click=app.screenshot('x','/tmp')]T[/]" in seen[-1]
            for y in range(0, SIZE[1], 3):  # a click on every third row's text does nothing
                if "command-palette" in (app.screen.id or ""):
                    await pilot.click(offset=(40, y))
        await pilot.press("escape")
        await app.workers.wait_for_complete()
    shown = "\n".join(seen)
    for screen in ("Problèmes au chargement", "Favoris qui se chevauchent", "Ouvrir un lien"):
        assert screen in shown  # every screen was reached
    assert "Semaine du" in shown and "Export .ics" in shown and "Tag : " in shown
    assert "[@click=app.screenshot('x','/tmp')]T[/]" in shown
    for literal in ("[link=https://evil.example]L[/link]", "[b]B[/b]", "[b]tag2[/b]"):
        assert literal in shown
    assert not [a for a in actions if a == "shot"]
    assert all("\n" not in a and "\x1b" not in a for a in actions)
    assert list(cwd.iterdir()) == []
