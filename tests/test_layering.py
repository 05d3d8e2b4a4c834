"""The domain never imports Textual or Rich; `list` and `check` never import Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import calendar_tui.model


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)


def test_every_domain_module_imports_with_textual_and_rich_blocked():
    modules = [
        f"calendar_tui.model.{m.name}" for m in pkgutil.iter_modules(calendar_tui.model.__path__)
    ]
    assert "calendar_tui.model.store" in modules
    code = (
        "import sys\n"
        "sys.modules['textual'] = None\n"  # None in sys.modules makes any import of it fail
        "sys.modules['rich'] = None\n"
        f"for name in {modules!r}:\n"
        "    __import__(name)\n"
        "from pathlib import Path\n"
        "from calendar_tui.model.loader import load_store\n"
        "from calendar_tui.paths import bundled_programme\n"
        "assert load_store([bundled_programme()]).occurrences\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_list_and_check_do_not_import_textual():
    code = (
        "import sys, io, contextlib\n"
        "from calendar_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list'])\n"
        "    main(['list', '--format', 'json'])\n"
        "    main(['check'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
