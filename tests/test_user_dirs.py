"""The user's folders found without importing platformdirs are the ones platformdirs gives."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from calendar_tui.model.user_dirs import APP_NAME, user_dir

FINDERS = {
    "config": platformdirs.user_config_dir,
    "data": platformdirs.user_data_dir,
    "cache": platformdirs.user_cache_dir,
}
VARIABLES = {"config": "XDG_CONFIG_HOME", "data": "XDG_DATA_HOME", "cache": "XDG_CACHE_HOME"}


@pytest.mark.parametrize("kind", sorted(FINDERS))
@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/ada"),
        (None, "/home/ada/"),
        (None, "/"),
        ("", "/home/ada"),
        ("/srv/xdg", "/home/ada"),
        ("/srv/xdg/", "/home/ada"),
        ("relative/xdg", "/home/ada"),  # not absolute: ignored
        ("~/xdg", "/home/ada"),  # no tilde expansion for XDG variables
        ("/srv/xdg", "relative-home"),
        (None, "relative-home"),  # left to platformdirs (the password database)
        (None, ""),
        (None, None),
    ],
)
def test_each_folder_is_the_one_platformdirs_gives(monkeypatch, kind, xdg, home):
    monkeypatch.delenv("CALENDAR_TUI_TEST_DIR", raising=False)
    for name, value in ((VARIABLES[kind], xdg), ("HOME", home)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    expected = Path(FINDERS[kind](APP_NAME, appauthor=False))
    assert user_dir(kind, "CALENDAR_TUI_TEST_DIR") == expected


def test_the_environment_override_comes_first(monkeypatch, tmp_path):
    monkeypatch.setenv("CALENDAR_TUI_TEST_DIR", str(tmp_path))
    assert user_dir("cache", "CALENDAR_TUI_TEST_DIR") == tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux folders")
def test_a_plain_linux_does_not_import_platformdirs(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ada")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delitem(sys.modules, "platformdirs")
    assert user_dir("cache", "CALENDAR_TUI_TEST_DIR") == Path("/home/ada/.cache/calendar-tui")
    assert "platformdirs" not in sys.modules
