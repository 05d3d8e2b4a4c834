"""The calendar screen's saved views, filter expressions, changes since a revision and reminders:
their keys (`v`, `V`, `d`, declared in commands.CALENDAR_COMMANDS), the search bar read as an
expression after `=` (model.view_state.MARKER), and the controllers behind them.

The tag picker and the expression are two faces of one Filter (`flt`): an expression the picker
can show sets its tags (`expr_to_filter`); any filter change writes the expression back to the
picker and, in expression mode, to the search bar (`filter_to_expr`). An expression the picker
cannot show narrows `flt.only` to its sessions; `only_kind` says who set `only`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.reactive import var
from textual.widget import Widget

from calendar_tui.i18n import _
from calendar_tui.model.change_marks import ChangeMarks
from calendar_tui.model.filters import Filter
from calendar_tui.model.view_state import (
    MARKER,
    ONLY_CHANGES,
    ONLY_EXPRESSION,
    ONLY_FAVOURITES,
    describe,
    expression_face,
    is_expression,
    read_expression,
)
from calendar_tui.screens.calendar_input import CalendarInput
from calendar_tui.widgets.later import Later

if TYPE_CHECKING:
    from calendar_tui.model.filter_expr import ExprError
    from calendar_tui.screens.changes import ChangesTracker
    from calendar_tui.widgets.search_bar import SearchBar


class ViewsInput(CalendarInput):
    """Between `CalendarInput` and `CalendarScreen`: what this adds to the screen's state."""

    change_marks: var[ChangeMarks] = var(ChangeMarks, init=False)
    # The tag picker's line: "= tag:…", the filter as an expression.
    filter_expression: var[str] = var(lambda: _("= (no filter)"), init=False)
    has_changes: var[bool] = var(False, bindings=True, init=False)
    has_views: var[bool] = var(False, bindings=True, init=False)  # `v` shows once there are

    only_kind: str | None = None  # who set flt.only: view_state.ONLY_*
    expression_text = ""  # the expression behind an ONLY_EXPRESSION `only`
    expression_mode = False  # the search bar holds an expression (its text starts with `=`)
    view_name: str | None = None  # the saved view applied, while the filter is still its own
    view_filter: Filter | None = None
    _typing = False  # the bar is the source of the change: do not write into it
    _written: str | None = None  # what the screen last wrote into the bar

    def more_controllers(self) -> Iterator[Widget]:
        """Mounted after the first frame, with the screen's others."""
        from calendar_tui.screens.changes import ChangesTracker
        from calendar_tui.screens.reminders import Reminders

        settings = self.app.settings  # type: ignore[attr-defined]
        yield Reminders(self.clock, settings.reminder_minutes, settings.reminder_bell)
        request = getattr(self.app, "changes_since", None)
        if request is not None:
            app = self.app
            yield ChangesTracker(request, app.paths, self.store, app.drafts)  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.has_views = bool(self.app.settings.views)  # type: ignore[attr-defined]
        self.watch(self, "favourites", self._stars_changed, init=False)

    # -- the filter, its words and its expression ---------------------------------------------

    def _search_bars(self) -> list[SearchBar]:
        """The search bar once it is made (after the first frame): none or one."""
        from calendar_tui.widgets.search_bar import SearchBar

        return list(self.query("#search").results(SearchBar))

    def filter_changed(self, flt: Filter) -> None:
        """From `watch_flt`: the header's words, the picker's expression, the search bar."""
        if flt.only is None:
            self.only_kind, self.expression_text = None, ""
        if self.view_name is not None and flt != self.view_filter:
            self.view_name = None
        labels = self.store.labels
        self.filters_words = describe(
            flt, labels, self.only_kind, self.view_name, self.expression_text
        )
        face = expression_face(flt, labels, self.only_kind, self.expression_text)
        if face is None:
            self.filter_expression = _("(the changes since the revision: no expression)")
        else:
            self.filter_expression = f"{MARKER} {face}" if face else _("= (no filter)")
        searching = bool(flt.text)
        for search in self._search_bars():
            if self.expression_mode:
                wanted = MARKER + (face or "")
                if not self._typing and face is not None and search.value != wanted:
                    self._written = wanted
                    search.value = wanted
                searching = True
            elif search.value != flt.text:
                search.value = flt.text
            searching = searching or search.has_focus
        self.set_class(searching, "-searching")

    def _set_filter(self, flt: Filter, only_kind: str | None, expression: str = "") -> None:
        self.only_kind = only_kind if flt.only is not None else None
        self.expression_text = expression if only_kind == ONLY_EXPRESSION else ""
        if flt == self.flt:
            self.filter_changed(flt)  # the same filter, maybe another `only_kind`
        else:
            self.flt = flt

    def _search_value(self, value: str) -> None:
        if value == self._written:
            return  # the screen wrote it: the filter is already that
        self._written = None
        if is_expression(value):
            self.expression_mode = True
            self._read(value[len(MARKER) :], typing=True)
        elif self.expression_mode:  # the marker was deleted (or Escape): words alone again
            self.expression_mode = False
            self._mark_error(None)
            self._set_filter(Filter(match_all=self.flt.match_all, text=value), None)
        elif value != self.flt.text:
            self.flt = self.flt.with_text(value)

    def _read(self, text: str, typing: bool) -> ExprError | None:
        """The expression as the filter; a mistake is marked and the filter stays as it was."""
        read = read_expression(text, self.store.occurrences, self.favourites, self.flt.match_all)
        self._mark_error(read.error)
        if read.filter is not None:
            self._typing = typing
            try:
                self._set_filter(read.filter, read.only_kind, text)
            finally:
                self._typing = False
        return read.error

    def _mark_error(self, error: ExprError | None) -> None:
        for search in self._search_bars():
            if error is None:
                search.mark_error(None)
            else:  # columns count from the expression's first character, after the marker
                search.mark_error(error.column - 1 + len(MARKER), str(error))

    def _stars_changed(self, favourites: frozenset[str]) -> None:
        self.remind()
        if self.only_kind == ONLY_EXPRESSION:  # `favoris` in it: its sessions follow the stars
            read = read_expression(self.expression_text, self.store.occurrences, favourites)
            if read.filter is not None and read.filter.only is not None:
                self._set_filter(
                    self.flt.with_only(read.filter.only), ONLY_EXPRESSION, self.expression_text
                )

    # -- reminders ----------------------------------------------------------------------------

    def remind(self) -> None:
        """From the screen's timer and when the stars change (none before the controllers are
        mounted, after the first frame)."""
        from calendar_tui.screens.reminders import Reminders

        for reminders in self.query(Reminders).results():
            reminders.check(self.store.occurrences, self.favourites)

    # -- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "changes_only":
            return self.has_changes
        if action == "pick_view":
            return self.has_views
        return super().check_action(action, parameters)

    def action_favourites_only(self) -> None:
        if self.only_kind == ONLY_FAVOURITES and self.flt.only is not None:
            self._set_filter(self.flt.with_only(None), None)
        else:
            self._set_filter(self.flt.with_only(self.favourites), ONLY_FAVOURITES)

    def action_changes_only(self) -> None:
        if self.only_kind == ONLY_CHANGES and self.flt.only is not None:
            self._set_filter(self.flt.with_only(None), None)
        else:
            self._set_filter(self.flt.with_only(self.change_marks.ids), ONLY_CHANGES)

    async def action_pick_view(self) -> None:
        from calendar_tui.screens.views import ViewPicker

        views = self.app.settings.views  # type: ignore[attr-defined]
        await Later.all_mounted(self)
        self.app.push_screen(ViewPicker(views, self.view_name), self.apply_view)

    def apply_view(self, name: str | None) -> None:
        """The view's expression in the search bar and as the filter; the header names it."""
        text = self.app.settings.views.get(name) if name else None  # type: ignore[attr-defined]
        if name is None or text is None:
            return
        self.expression_mode = True
        error = self._read(text, typing=False)
        if error is not None:
            for search in self._search_bars():
                self._written = search.value = MARKER + text
            self._mark_error(error)
            self.add_class("-searching")
            self.notify(
                _("View “{name}”: {error}").format(name=name, error=error),
                severity="error",
                markup=False,
            )
            return
        self.view_name, self.view_filter = name, self.flt
        self.filter_changed(self.flt)

    def action_save_view(self) -> None:
        from calendar_tui.screens.views import ViewNamer

        face = expression_face(self.flt, self.store.labels, self.only_kind, self.expression_text)
        if face is None:
            self.notify(_("The changes since a revision cannot be saved as a view."))
            return
        if not face:
            self.notify(_("No filter to save: choose tags, search or type “=” and an expression."))
            return
        names = sorted(self.app.settings.views)  # type: ignore[attr-defined]

        def named(name: str | None) -> None:
            if name is None:
                return
            from calendar_tui.screens.views import save_view

            problem = save_view(self.app, name, face)
            if problem:
                self.notify(problem, severity="warning", markup=False)
            else:
                self.notify(_("View “{name}” saved.").format(name=name), markup=False)
            self.view_name, self.view_filter, self.has_views = name, self.flt, True
            self.filter_changed(self.flt)

        self.app.push_screen(ViewNamer(face, names), named)

    def on_changes_tracker_found(self, event: ChangesTracker.Found) -> None:
        self.change_marks = event.marks
        self.has_changes = True
