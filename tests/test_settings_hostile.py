"""The settings file is as hostile as a post: its theme, keymap ids and keys, view names and
expressions reach the footer, the help screen, notifications, the view picker and the header.
They are cleaned where they enter (`Settings.from_json`); a key remapped to an OSC sequence once
set the terminal's title from the help screen."""

from __future__ import annotations

import json

from calendar_tui.settings import Settings, load_settings
from helpers import SIZE
from test_app_hostile_sweep import CONTROL, ESCAPES, check_screen

OSC_TITLE = "\x1b]0;KEY\x07"
HOSTILE_FILE = {
    "version": 1,
    "theme": f"textual-dark{ESCAPES}",
    "keymap": {
        "calendar.next_month": f"ctrl+n,{OSC_TITLE}",
        f"calendar.nope{ESCAPES}": "x",
        "calendar.prev_month": OSC_TITLE,  # nothing left: the binding keeps its keys
        "calendar.today": "t,[@click=app.quit]Q[/],[b]B[/b]",  # markup is a key's name
    },
    "views": {f"IA{ESCAPES}": f"tag:ia{ESCAPES}", "vide\x1b[2J": "\x1b[2J"},
}


def clean(value: str) -> bool:
    return CONTROL.search(value) is None and "\x1b" not in value


def test_every_string_of_the_file_is_cleaned_where_it_enters(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(HOSTILE_FILE), encoding="utf-8")
    settings = load_settings(path)
    strings = [settings.theme, *settings.keymap, *settings.keymap.values()]
    strings += [*settings.views, *settings.views.values()]
    assert all(clean(s) for s in strings), strings
    assert settings.theme == "textual-dark RTL"  # the words stay, the escapes go
    assert settings.keymap["calendar.next_month"] == "ctrl+n"
    assert "calendar.prev_month" not in settings.keymap
    assert list(settings.views) == ["IA RTL"]  # a view with no expression left is dropped
    assert settings.views["IA RTL"].startswith("tag:ia")
    named = Settings(path=path).with_view("N\x1b]0;T\x07om", "tag:x\x1b[2J")
    assert named.views == {"Nom": "tag:x"}


async def test_a_hostile_settings_file_never_reaches_the_terminal(
    make_app, tmp_path, bundled_store
):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(HOSTILE_FILE), encoding="utf-8")
    app = make_app(bundled_store, settings=load_settings(path))
    seen: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        for keys in ((), ("question_mark",), ("escape", "v"), ("enter",)):
            for key in keys:
                await pilot.press(key)
            await pilot.pause(0.5)
            check_screen(app, seen)
    shown = "\n".join(seen)
    assert "« IA RTL »" in shown and "tag:ia RTL" in shown  # header and picker, cleaned
    assert "[@click=app.quit]Q[/] / [b]B[/b]" in shown  # the help screen, literally
