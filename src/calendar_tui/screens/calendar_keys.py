"""What the calendar screen's keys do (declared in `commands.CALENDAR_COMMANDS`), and when they
apply (`check_action`: the footer shows only the keys that do something here)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from calendar_tui.screens.export import Exporter
from calendar_tui.screens.favourites import FavouritesKeeper
from calendar_tui.screens.links import LinkActions
from calendar_tui.widgets.later import Later
from calendar_tui.widgets.month_grid import add_months
from calendar_tui.widgets.tag_picker import TagPicker

if TYPE_CHECKING:
    from calendar_tui.screens.calendar import CalendarScreen

    _Base = CalendarScreen
else:
    _Base = object


class CalendarKeys(_Base):
    """Mixed into `CalendarScreen`: its actions, each a small change of the screen's state."""

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
        return True

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
            self.notify("Pas d'autre jour avec des sessions dans ce sens.", timeout=2)
            return
        self.day = target

    def action_edge_day(self, direction: int) -> None:
        if self.days:
            self.day = self.days[-1] if direction > 0 else self.days[0]

    def action_today(self) -> None:
        self.day = self.clock.now().date()

    async def action_tags(self) -> None:
        await Later.all_mounted(self)
        self.add_class("-tags")
        self.query_one(TagPicker).focus_options()

    async def action_search(self) -> None:
        await Later.all_mounted(self)
        self.add_class("-searching")
        self.query_one("#search").focus()

    async def action_toggle_week(self) -> None:
        await Later.all_mounted(self)
        self.week = not self.week

    def action_clear_filters(self) -> None:
        self.flt = self.flt.cleared()

    def action_top_tag(self, index: int) -> None:
        tags = self.store.tags()
        if index < len(tags):
            self.toggle_tag(tags[index].key)

    def action_star(self) -> None:
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

    def action_export(self) -> None:
        if self.result:
            favourites = self.flt.only is not None
            self.query_one(Exporter).export(self.result.occurrences, favourites)

    def action_open_link(self) -> None:
        if self.occurrence is not None:
            self.query_one(LinkActions).use(self.occurrence, copy=False)

    def action_copy_link(self) -> None:
        if self.occurrence is not None:
            self.query_one(LinkActions).use(self.occurrence, copy=True)
