"""Saved views and filter expressions in the app (issue 14): `=` in the search bar, mistakes
marked where they are, the tag picker and the expression as two faces of one filter, `v` and the
palette's "save the filters as a view", the header naming the active view."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList

from calendar_tui.i18n import _
from calendar_tui.model.filters import Filter
from calendar_tui.screens.views import ViewNamer, ViewPicker
from calendar_tui.settings import Settings
from helpers import SIZE, shown

IA = "intelligence artificielle"


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def header(app) -> str:
    return shown(app.screen.query_one("#header-filters"))


def bar(app):
    return app.screen.query_one("#search", Input)


async def test_an_expression_typed_after_the_marker_sets_the_tag_picker(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"=tag:api ou tag:eig")
        await pilot.pause()
        screen = app.screen
        assert screen.flt == Filter(include=frozenset({"api", "eig"}))
        assert len(screen.result) == 6  # 2 API + 4 EIG, as `list --where` counts them
        assert header(app) == "Filtres : tags : API ou EIG"
        # The picker's expression line is the same filter; the bar keeps what was typed.
        assert shown(screen.query_one("#tag-expr")) == "= tag:API ou tag:EIG"
        assert bar(app).value == "=tag:api ou tag:eig"
        await pilot.press("escape")  # Escape in the bar clears the expression and its filter
        await pilot.pause()
        assert screen.flt == Filter() and bar(app).value == ""


async def test_a_mistake_is_marked_at_its_column_and_the_filter_stays(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"=tag:api")
        search = bar(app)
        search.value = "=tag:api et (tag:eig"  # as pasted (typed, "=tag:api e" is a filter)
        await pilot.pause()
        assert app.screen.flt == Filter(include=frozenset({"api"}))  # the last good one
        assert str(search.border_subtitle) == "ligne 1, colonne 12 : parenthèse non fermée"
        assert search.has_class("-error")
        marked = search._value  # the value as drawn: its "(" in the error style
        error_style = search.get_component_rich_style("search-bar--error", partial=True)
        # Column 12 of the expression is the bar's 13th character (index 12), after the "=".
        assert [span.start for span in marked.spans if span.style == error_style] == [12]
        search.action_end()
        await pilot.press(")")
        await pilot.pause()
        assert not search.has_class("-error") and search.border_subtitle is None
        assert app.screen.flt == Filter(include=frozenset({"api", "eig"}), match_all=True)


async def test_choosing_tags_writes_the_expression_in_the_picker_and_the_bar(
    make_app, bundled_store
):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "=", "enter")  # expression mode, empty
        await pilot.press("f", "space", "down", "x")  # include Webinaire, exclude IA
        await pilot.pause()
        expected = 'tag:Webinaire sauf tag:"Intelligence artificielle"'
        assert app.screen.flt == Filter(include=frozenset({"webinaire"}), exclude=frozenset({IA}))
        assert shown(app.screen.query_one("#tag-expr")) == "= " + expected
        assert bar(app).value == "=" + expected


async def test_an_expression_the_picker_cannot_show_keeps_its_sessions(make_app, bundled_store):
    app = make_app(bundled_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"=titre:piaf ou tag:eig")
        await pilot.pause()
        screen = app.screen
        titles = sorted({o.title[:14] for o in screen.result.occurrences})
        assert len(screen.result) == 5 and "Open Lab PIAF " in titles
        assert screen.flt.include == frozenset()  # no picker state says "title or tag"
        assert header(app) == "Filtres : " + _("expression “{text}”").format(
            text="titre:piaf ou tag:eig"
        )
        assert shown(screen.query_one("#tag-expr")) == "= titre:piaf ou tag:eig"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.flt == Filter()


async def test_v_picks_a_saved_view_and_the_header_names_it(make_app, bundled_store):
    views = {"IA": f'tag:"{IA}"', "EIG ou API": "tag:eig ou tag:api"}
    app = make_app(bundled_store, settings=Settings(views=views))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ViewPicker)
        prompts = [str(o.prompt) for o in picker.query_one(OptionList)._options]
        assert prompts == ["  EIG ou API │ tag:eig ou tag:api", f'  IA         │ tag:"{IA}"']
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.flt == Filter(include=frozenset({IA}))
        assert header(app).startswith("Filtres : " + _("view “{name}”").format(name="IA"))
        assert bar(app).value == '=tag:"Intelligence artificielle"'
        await pilot.press("c")  # another filter: no longer the view
        await pilot.pause()
        assert "IA" not in header(app)


async def test_the_palette_saves_the_filters_as_a_view_in_the_settings_file(
    make_app, bundled_store, tmp_path
):
    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"version": 1, "views": {"old": "tag:api"}}), encoding="utf-8")
    app = make_app(bundled_store, settings=Settings(path=path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")  # Webinaire, the most frequent tag
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Enregistrer les filtres")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ViewNamer)
        await pilot.press(*"Webinaires", "enter")
        await settle(pilot)
        saved = json.loads(path.read_text(encoding="utf-8"))
        # The view added by hand before stays; the new one is the filter as an expression.
        assert saved["views"] == {"old": "tag:api", "Webinaires": "tag:Webinaire"}
        assert app.settings.views == saved["views"]
        assert _("view “{name}”").format(name="Webinaires") in header(app)
