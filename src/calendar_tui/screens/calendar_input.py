"""What the calendar screen does with the user's input: its keys (declared in
`commands.CALENDAR_COMMANDS`) and when they apply (`check_action`: the footer shows only the
keys that do something here), and the messages of its widgets and controllers.

The controllers and the hidden panes are made after the first frame, their modules imported
then: their messages are handled by name (`on_live_reload_reloaded`), and a key that needs one
waits for them."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from calendar_tui.i18n import _
from calendar_tui.model.day_range import add_days, add_months
from calendar_tui.widgets.day_cursor import DayCursor
from calendar_tui.widgets.day_list import DayList
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.header import ProblemsBadge
from calendar_tui.widgets.later import Later
from calendar_tui.widgets.month_grid import MonthGrid

if TYPE_CHECKING:
    from calendar_tui.screens.favourites import FavouritesKeeper
    from calendar_tui.screens.live_reload import LiveReload
    from calendar_tui.widgets.linear_view import LinearView
    from calendar_tui.widgets.search_bar import SearchBar
    from calendar_tui.widgets.tag_picker import TagPicker
    from calendar_tui.widgets.week_grid import WeekGrid


class CalendarInput(Screen):
    """The base of `CalendarScreen` (which holds the state this changes and the layout): each
    action or message handler here is a small change of that state."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return self.has_filters
        if action == "top_tag":
            return bool(parameters) and int(parameters[0]) < len(self.store.tags())  # type: ignore[call-overload]
        if action in ("session_day", "edge_day", "export"):
            return self.has_result  # same as bool(self.days), without listing the days
        if action == "star":
            return self.has_session
        if action == "favourites_only":
            return self.has_favourites or self.flt.only is not None
        if action == "clashes":
            return self.has_clashes
        if action in ("open_link", "copy_link"):
            return self.has_links
        if action == "reload":
            return self.live is not None  # as LiveReload.can_reload, before it is mounted
        return True

    def watch_week(self, week: bool) -> None:
        from calendar_tui.widgets.week_grid import WeekGrid

        self.set_class(week, "-week")
        month, week_grid = self.query_one(MonthGrid), self.query_one(WeekGrid)
        if month.has_focus or week_grid.has_focus or self.focused is None:
            (week_grid if week else month).focus()

    def focus_grid(self) -> None:
        """Focus the grid on show: the month's, or the week's (the list, in the linear view)."""
        if self.linear:
            from calendar_tui.widgets.linear_view import LinearView

            self.query_one(LinearView).focus_sessions()
            return
        if self.week:
            from calendar_tui.widgets.week_grid import WeekGrid

            self.query_one(WeekGrid).focus()
        else:
            self.query_one(MonthGrid).focus()

    def watch_linear(self, linear: bool) -> None:
        self.set_class(linear, "-linear")
        self.focus_grid()

    def go_to_day(self, day: date) -> None:
        self.day = day

    def go_to_occurrence(self, day: date, occurrence_id: str) -> None:
        """Select `day` and, in its list, the occurrence with that id."""
        self.day = day
        for occurrence in self.day_occurrences:
            if occurrence.id == occurrence_id:
                self.occurrence = occurrence
                break

    def toggle_tag(self, key: str) -> None:
        self.flt = self.flt.toggled_include(key)

    def action_month(self, delta: int) -> None:
        self.day = add_months(self.day, delta)

    def action_session_day(self, direction: int) -> None:
        days = self.days
        if direction > 0:
            later = [d for d in days if d > self.day]
            target = later[0] if later else None
        else:
            earlier = [d for d in days if d < self.day]
            target = earlier[-1] if earlier else None
        if target is None:
            self.notify(_("No other day with sessions this way."), timeout=2)
            return
        self.day = target

    def action_edge_day(self, direction: int) -> None:
        if self.days:
            self.day = self.days[-1] if direction > 0 else self.days[0]

    def action_today(self) -> None:
        self.day = self.clock.now().date()

    async def action_tags(self) -> None:
        await Later.all_mounted(self)
        from calendar_tui.widgets.tag_picker import TagPicker

        self.add_class("-tags")
        self.query_one(TagPicker).focus_options()

    async def action_search(self) -> None:
        await Later.all_mounted(self)
        self.add_class("-searching")
        self.query_one("#search").focus()

    async def action_toggle_week(self) -> None:
        await Later.all_mounted(self)
        self.week = not self.week

    async def action_toggle_linear(self) -> None:
        await Later.all_mounted(self)
        self.linear = not self.linear

    async def action_reload(self) -> None:
        from calendar_tui.screens.live_reload import LiveReload

        await self.controllers_mounted.wait()
        self.query_one(LiveReload).reload()

    def action_clear_filters(self) -> None:
        self.flt = self.flt.cleared()

    def action_top_tag(self, index: int) -> None:
        tags = self.store.tags()
        if index < len(tags):
            self.toggle_tag(tags[index].key)

    def _follow_list(self) -> None:
        """Select the session under the list's cursor, if the list has the focus, before an
        action on the selected session (a `down` read with the `space` that follows it)."""
        day_list = self.query_one(DayList)
        if day_list.options.has_focus:
            occurrence = day_list.highlighted_occurrence()
            if occurrence is not None and occurrence.id != self.occurrence_id:
                self.occurrence = occurrence

    async def action_star(self) -> None:
        from calendar_tui.screens.favourites import FavouritesKeeper

        await self.controllers_mounted.wait()
        self._follow_list()
        if self.occurrence is not None:
            keeper = self.query_one(FavouritesKeeper)
            self.favourites = keeper.toggle(self.occurrence.session.id)

    def action_favourites_only(self) -> None:
        if self.flt.only is None:
            self.flt = self.flt.with_only(self.favourites)
        else:
            self.flt = self.flt.with_only(None)

    def action_clashes(self) -> None:
        from calendar_tui.screens.clashes import ClashesScreen  # DataTable: only when asked

        def chosen(choice: tuple[date, str] | None) -> None:
            if choice is not None:
                self.go_to_occurrence(*choice)

        self.app.push_screen(ClashesScreen(list(self.clash_pairs)), chosen)

    async def action_export(self) -> None:
        from calendar_tui.screens.export import Exporter

        await self.controllers_mounted.wait()
        if self.result:
            favourites = self.flt.only is not None and self.only_kind == "favourites"
            self.query_one(Exporter).export(self.result.occurrences, favourites)

    async def action_open_link(self) -> None:
        await self._use_link(copy=False)

    async def action_copy_link(self) -> None:
        await self._use_link(copy=True)

    async def _use_link(self, copy: bool) -> None:
        from calendar_tui.screens.links import LinkActions

        await self.controllers_mounted.wait()
        self._follow_list()
        if self.occurrence is not None:
            self.query_one(LinkActions).use(self.occurrence, copy=copy)

    # -- messages from the widgets and controllers --------------------------------------------

    @on(DayCursor.DaySelected)
    def _day_selected(self, event: DayCursor.DaySelected) -> None:
        self.day = event.day

    def on_week_grid_session_clicked(self, event: WeekGrid.SessionClicked) -> None:
        self.go_to_occurrence(event.day, event.occurrence_id)

    @on(DayCursor.DayMoved)
    def _day_moved(self, event: DayCursor.DayMoved) -> None:
        self.day = add_days(self.day, event.days)

    @on(DayCursor.DayOpened)
    def _day_opened(self, event: DayCursor.DayOpened) -> None:
        if event.day is not None:  # None: the screen's day (Enter)
            self.day = event.day
        # The list rebuilds on the next turn of the loop; focus it after that.
        self.call_after_refresh(self.query_one(DayList).focus_sessions)

    @on(DayList.Highlighted)
    def _highlighted(self, event: DayList.Highlighted) -> None:
        self.occurrence = event.occurrence

    @on(DayList.Chosen)
    def _chosen(self, event: DayList.Chosen) -> None:
        self.occurrence = event.occurrence
        self.query_one(SessionDetail).focus()

    @on(SessionDetail.Back)
    def _detail_back(self) -> None:
        day_list = self.query_one(DayList)
        if day_list.options.option_count:
            day_list.focus_sessions()
        else:
            self.focus_grid()

    @on(DayList.Back)
    def _back(self) -> None:
        self.focus_grid()

    def on_tag_picker_toggled(self, event: TagPicker.Toggled) -> None:
        if event.exclude:
            self.flt = self.flt.toggled_exclude(event.key)
        else:
            self.flt = self.flt.toggled_include(event.key)

    def on_tag_picker_mode_toggled(self) -> None:
        self.flt = self.flt.with_match_all(not self.flt.match_all)

    def on_tag_picker_closed(self) -> None:
        self.remove_class("-tags")
        self.focus_grid()

    def _search_value(self, value: str) -> None:
        if value != self.flt.text:
            self.flt = self.flt.with_text(value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        if not self.flt.text and not self.expression_mode:
            self.remove_class("-searching")
        self.focus_grid()

    def on_search_bar_cleared(self, event: SearchBar.Cleared) -> None:
        self.flt = self.flt.with_text("")
        self.remove_class("-searching")
        self.focus_grid()

    @on(SessionDetail.LinkOpened)
    def _open_link(self, event: SessionDetail.LinkOpened) -> None:
        self.app.open_url(event.url)

    def on_favourites_keeper_loaded(self, event: FavouritesKeeper.Loaded) -> None:
        self.favourites = event.ids

    def on_linear_view_highlighted(self, event: LinearView.Highlighted) -> None:
        from calendar_tui.widgets.linear_view import shown_day

        self.go_to_occurrence(shown_day(event.occurrence, self.day), event.occurrence.id)

    def on_live_reload_reloaded(self, event: LiveReload.Reloaded) -> None:
        from calendar_tui.model.live import change_notice, kept_notice, renamed_sessions

        self.swap_store(event.reload.store, renamed_sessions(event.reload))
        self.app.store = event.reload.store  # type: ignore[attr-defined]
        notice = change_notice(event.reload)
        if notice or event.by_hand:
            self.notify(
                notice or _("Nothing changed"),
                title=_("Programme reloaded"),
                timeout=4,
                markup=False,
            )
        kept = kept_notice(event.reload)
        if kept:
            self.notify(kept, severity="warning", timeout=8, markup=False)

    @on(ProblemsBadge.Clicked)
    def _problems(self) -> None:
        self.app.run_action("problems")
