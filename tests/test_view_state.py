"""The app's filter faces (model/view_state.py), change marks (model/change_marks.py) and the
`reminder_bell` setting: plain functions, no app."""

from __future__ import annotations

import json
from datetime import date

from calendar_tui.i18n import _
from calendar_tui.model.change_marks import MODIFIED, MOVED, detail_words, mark, marks_of
from calendar_tui.model.changes import compare
from calendar_tui.model.filter_eval import expr_to_filter
from calendar_tui.model.filters import Filter
from calendar_tui.model.types import Post
from calendar_tui.model.view_state import (
    ONLY_CHANGES,
    ONLY_EXPRESSION,
    ONLY_FAVOURITES,
    expression_face,
    read_expression,
)
from calendar_tui.settings import load_settings
from conftest import timed_session

LABELS = {"api": "API", "eig": "EIG"}


def test_an_expression_the_picker_can_show_is_its_state(bundled_store):
    read = read_expression("tag:api ou tag:eig", bundled_store.occurrences, frozenset())
    assert read.filter == Filter(include=frozenset({"api", "eig"})) and read.only_kind is None
    assert read_expression("  ", (), frozenset(), match_all=True).filter == Filter(match_all=True)
    assert read_expression("favoris", (), frozenset({"x"})).only_kind == ONLY_FAVOURITES


def test_other_expressions_keep_their_sessions_and_read_back_with_the_rest(bundled_store):
    read = read_expression("titre:piaf ou tag:eig", bundled_store.occurrences, frozenset())
    assert read.only_kind == ONLY_EXPRESSION and len(read.filter.only) == 5
    narrowed = read.filter.toggled_include("api")
    face = expression_face(narrowed, LABELS, ONLY_EXPRESSION, "titre:piaf ou tag:eig")
    assert face == "(titre:piaf ou tag:eig) et (tag:API)"
    assert expression_face(Filter(only=frozenset()), LABELS, ONLY_CHANGES) is None


def test_a_mistake_is_an_error_with_its_column():
    read = read_expression("tag:api et (tag:eig", (), frozenset())
    assert read.filter is None and read.error.column == 12


def test_the_faces_are_one_filter_both_ways():
    flt = Filter(include=frozenset({"api", "eig"}), exclude=frozenset({"x"}), text="open")
    face = expression_face(flt, LABELS, None)
    assert expr_to_filter(face) == flt


def test_change_marks_say_new_moved_modified_and_count_the_removed():
    day = date(2020, 11, 19)
    old = Post(
        path="p.md",
        title="P",
        sessions=(
            timed_session("a", "Atelier", day, 14),
            timed_session("b", "Webinaire données", day, 10),
            timed_session("c", "Supprimé", day, 9),
        ),
    )
    new = Post(
        path="p.md",
        title="P",
        sessions=(
            timed_session("a", "Atelier", day, 16),
            timed_session("b", "Webinaire données", day, 10, tags=("neuf",)),
            timed_session("d", "Nouveau", day, 18),
        ),
    )
    marks = marks_of(compare([old], [new]), since="abc")
    assert marks.ids == {"a", "b", "d"} and marks.removed == 1
    assert mark(marks.by_session["a"]) == MOVED and mark(marks.by_session["b"]) == MODIFIED
    assert "14:00" in detail_words(marks.by_session["a"])
    assert detail_words(marks.by_session["b"]) == _("Modified") + f" ({_('tags')})"


def test_reminder_bell_is_read_and_written(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"reminder_bell": False}), encoding="utf-8")
    settings = load_settings(path)
    assert settings.reminder_bell is False and settings.to_json()["reminder_bell"] is False
    path.write_text(json.dumps({"reminder_bell": "no"}), encoding="utf-8")
    assert load_settings(path).reminder_bell is True  # not a boolean: the default


def test_the_header_names_the_favourites_filter_in_the_current_language(english):
    """'favoris' was French in the English header."""
    from calendar_tui.model.view_state import describe

    only_starred = Filter().with_only(frozenset({"x"}))
    assert describe(only_starred, {}, ONLY_FAVOURITES) == "favourites"
