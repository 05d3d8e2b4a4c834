"""`calendar-tui list` imports only what it uses: each module here once cost its start-up time
(benchmarks/bench_speed.py's list row) and is imported on use now. Import checks, no timings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# As a user runs it: the bundled programme, the folders found from $HOME (no override).
LIST_MODULES = """
import contextlib, io, sys
from calendar_tui.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(status, *sorted(sys.modules))
"""

NOT_IN_LIST = (
    "calendar_tui.check_watch",  # each command's parser options, imported when it is built
    "calendar_tui.cli_changes",
    "calendar_tui.cli_next",
    "calendar_tui.cli_open",
    "calendar_tui.cli_serve",
    "json",  # the settings file is parsed when there is one
    "locale",  # gettext's catalog search; i18n opens the catalog by its path
    "calendar_tui.settings",  # read when there is a settings file (see the test below)
    "rich",
    "shutil",  # argparse's help formatter and the table's width: terminal_width.py
    "tempfile",  # with platformdirs
    "textual",
)
NOT_ON_LINUX = ("platformdirs",)  # model/user_dirs.py finds the XDG folders itself
NOT_WITHOUT_CACHE = ("calendar_tui.model.cache", "calendar_tui.model.cache_format", "msgspec")
NOT_IN_A_PARSE = ("calendar_tui.model.yaml_reasons",)  # PyYAML's words: for a refused front matter


def list_modules(tmp_path, *args: str) -> list[str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("CALENDAR_TUI_", "XDG_")) and name != "COLUMNS"
    }
    env["HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, "list", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, *modules = result.stdout.strip().splitlines()[-1].split()
    assert status == "0"
    return modules


def imported(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == name or m.startswith(name + ".") for name in names)]


def test_list_imports_none_of_what_it_does_not_use(tmp_path):
    list_modules(tmp_path)  # writes the post cache
    modules = list_modules(tmp_path)  # reads it, as users' `list` does
    assert "calendar_tui.model.cache" in modules  # the run did read the cache
    unwanted = NOT_IN_LIST + (NOT_ON_LINUX if sys.platform.startswith("linux") else ())
    assert imported(modules, unwanted) == []


def test_list_without_the_cache_imports_none_of_it(tmp_path):
    modules = list_modules(tmp_path, "--no-cache")
    assert "calendar_tui.model.post" in modules  # the programme was parsed
    assert imported(modules, NOT_WITHOUT_CACHE + NOT_IN_A_PARSE) == []


def test_a_settings_file_is_still_read(tmp_path):
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text('{"version": 1, "language": "en"}', "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="fr_FR.UTF-8", HOME=str(tmp_path / "home"), CALENDAR_TUI_CONFIG_DIR=str(config))
    result = subprocess.run(
        [sys.executable, "-m", "calendar_tui", "list"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert "When" in result.stdout and "Quand" not in result.stdout  # the file's language


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux folders")
def test_the_cache_is_where_platformdirs_puts_it(tmp_path):
    list_modules(tmp_path)
    assert [p.name for p in (tmp_path / "home" / ".cache" / "calendar-tui").iterdir()]
