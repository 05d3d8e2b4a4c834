"""The code's layout: imports read top-down (cli -> app -> screens -> widgets -> model), with no
circle, counting the imports made inside functions too; the screen's pure choices."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import calendar_tui
from calendar_tui.model.filters import Filter
from calendar_tui.model.selection import opening_day, selected_occurrence, session_days
from conftest import store_of, timed_session

PACKAGE = Path(calendar_tui.__file__).parent
LAYERS = ("cli", "factory", "app", "screens", "widgets", "commands", "model")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each calendar_tui module -> the calendar_tui modules it imports (not for type checking)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        checking = {
            id(node)
            for top in ast.walk(tree)
            if isinstance(top, ast.If) and "TYPE_CHECKING" in ast.unparse(top.test)
            for node in ast.walk(top)
        }
        found = set()
        for node in ast.walk(tree):
            if id(node) in checking:
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[module_name(path)] = {m for m in found if m.startswith("calendar_tui.")}
    return graph


def layer(module: str) -> int:
    part = module.split(".")[1] if "." in module else ""
    return LAYERS.index(part) if part in LAYERS else len(LAYERS)


def test_no_module_imports_a_module_of_a_layer_above_it():
    graph = imports()
    assert "calendar_tui.screens.calendar" in graph
    upward = [
        (module, target)
        for module, targets in graph.items()
        for target in targets
        if layer(target) < layer(module) and layer(module) < len(LAYERS)
    ]
    assert upward == []


def test_imports_have_no_circle():
    graph = imports()
    state: dict[str, int] = {}
    circles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                circles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_commands_is_pure_data():
    # i18n is plain Python (gettext), no part of the app: the table is marked for translation
    assert imports()["calendar_tui.commands"] == {"calendar_tui.i18n"}


def test_opening_day_today_or_the_nearest_month_with_sessions():
    days = (date(2020, 11, 2), date(2020, 11, 26))
    assert opening_day(days, date(2020, 11, 18)) == date(2020, 11, 18)
    assert opening_day(days, date(2024, 3, 1)) == date(2020, 11, 2)
    assert opening_day((), date(2024, 3, 1)) == date(2024, 3, 1)


def test_the_selection_stays_on_its_occurrence_else_the_first_of_the_day():
    day = date(2020, 11, 18)
    store = store_of(timed_session("a", "Matin", day, 9), timed_session("b", "Midi", day, 12))
    on_day = store.query(Filter()).on_day(day)
    first, second = on_day
    assert selected_occurrence(on_day, second.id) is second
    assert selected_occurrence(on_day, "gone") is first
    assert selected_occurrence(on_day, None) is first
    assert selected_occurrence((), first.id) is None


def test_session_days_are_the_days_a_session_begins():
    day = date(2020, 11, 18)
    store = store_of(timed_session("a", "Matin", day, 9, minutes=60 * 24 * 3))
    result = store.query(Filter())
    assert len(result.days) > 1
    assert session_days(result.days, result.occurrences) == (day,)


def test_one_display_path_for_sources_and_exports(tmp_path, monkeypatch):
    from calendar_tui.model.shown_path import display_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path / "..")
    post = tmp_path / "posts" / "a\x1b[2J.md"  # a hostile file name: its escape is dropped
    assert display_path(post, from_cwd=True) == f"{tmp_path.name}/posts/a.md"
    assert display_path(post) == "~/posts/a.md"
    assert display_path("/elsewhere/b.ics") == "/elsewhere/b.ics"
