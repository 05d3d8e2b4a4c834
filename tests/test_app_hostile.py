"""Hostile post text in the running app: no Rich markup effect, no escape sequence reaches the
terminal, links with other schemes are never opened. Asserted on the rendered screen."""

from __future__ import annotations

import html
import re
from pathlib import Path

from calendar_tui.model.loader import load_store
from helpers import SIZE

HOSTILE_POST = """---
title: "[bold red]Programme[/] \\e[2J\\e]52;c;ZXZpbA==\\a"
date: 2020-11-01 10:00:00 +01:00
---

**[Le 18/11 de 14h à 15h] [Webinaire] [link=https://evil.example]**
*[reverse]Titre \\u202eesrever\\u202c[/reverse] \\x1b[31mrouge 🎉\\ufe0f*

Un texte avec [bold]du faux markup[/bold] et \\x1b]8;;https://evil.example\\x1b\\\\un lien OSC 8\\x1b]8;;\\x1b\\\\.

[Inscription](javascript:alert(1)) et [Autre](file:///etc/passwd)
"""


_TEXT_SPAN = re.compile(
    r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.DOTALL
)


def screen_text(svg: str) -> str:
    """The characters on screen, line by line, from Textual's SVG screenshot."""
    lines: dict[int, list[str]] = {}
    for number, content in _TEXT_SPAN.findall(svg):
        lines.setdefault(int(number), []).append(html.unescape(content).replace("\xa0", " "))
    return "\n".join("".join(parts) for _, parts in sorted(lines.items()))


def write_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    # The escapes above are written as text in the YAML (\\e) and as real control bytes in the body.
    body = (
        HOSTILE_POST.replace("\\x1b", "\x1b")
        .replace("\\u202e", "\u202e")
        .replace("\\u202c", "\u202c")
    )
    body = body.replace("\\ufe0f", "\ufe0f")
    path = folder / "hostile.md"
    path.write_text(body, encoding="utf-8")
    return path


async def test_hostile_text_is_shown_literally_and_inert(make_app, tmp_path):
    store = load_store([write_hostile(tmp_path)])
    [occurrence] = store.occurrences
    assert "[reverse]Titre" in occurrence.title
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the day's sessions, then its detail
        await pilot.pause()
        screen = screen_text(app.export_screenshot())
        assert "Mois" not in screen and "Programme" in screen
        assert "[bold red]Programme[/]" in screen  # markup shown as text, not applied
        assert "[reverse]Titre" in screen
        assert "[bold]du faux markup[/bold]" in screen
        assert "link=https://evil.example" in screen  # a tag made of markup, shown as text
        for char in ("\x1b", "\x07", "\u202e", "\u202c"):
            assert char not in screen
        assert "52;c;" not in screen  # the OSC 52 payload never reached the screen as a sequence


async def test_links_with_other_schemes_are_never_opened(make_app, tmp_path, monkeypatch):
    store = load_store([write_hostile(tmp_path)])
    opened: list[str] = []
    app = make_app(store)
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
    assert all(url.startswith(("http://", "https://", "mailto:")) for url in opened)
    assert not any("javascript" in url or url.startswith("file:") for url in opened)


async def test_an_export_folder_named_with_escapes_is_shown_inert(
    make_app, bundled_store, tmp_path, monkeypatch
):
    """The folder comes from $CALENDAR_TUI_EXPORT_DIR or the current folder (an archive's
    folder name): its OSC sequence went into the failure notice as it was."""
    blocker = tmp_path / "fichier\x1b]0;T\x07"
    blocker.write_text("not a folder")
    app = make_app(bundled_store, export_dir=blocker / "exports")
    notes: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert notes and "fichier" in notes[-1]
    assert "\x1b" not in notes[-1] and "\x07" not in notes[-1]
