"""The calendar's panes made after its first frame: the week grid, the linear view (unless the
screen opens on it), the tag picker and the search bar. Each is made in its `Later`
placeholder's place by `Later.mount_all` (their modules are imported then, not before the
first frame) and bound to the screen's state with data_bind, as the screen binds the others."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    from calendar_tui.screens.calendar import CalendarScreen


def week_grid(screen: CalendarScreen) -> Widget:
    from calendar_tui.screens.calendar import CalendarScreen as State
    from calendar_tui.widgets.week_grid import WeekGrid

    return WeekGrid(id="week").data_bind(
        State.day,
        State.today,
        State.result,
        State.favourites,
        current=State.occurrence_id,
    )


def linear_view(screen: CalendarScreen) -> Widget:
    from calendar_tui.screens.calendar import CalendarScreen as State
    from calendar_tui.widgets.linear_view import LinearView

    linear = LinearView(id="linear").data_bind(
        State.day,
        State.result,
        State.favourites,
        active=State.linear,
        filters=State.filters_words,
        clashes=State.clash_map,
        now=State.now_ids,
        next=State.next_ids,
        current=State.occurrence_id,
    )
    linear.title = screen.store.title  # a reload gives it the new one (swap_store)
    return linear


def tag_picker(screen: CalendarScreen) -> Widget:
    from calendar_tui.screens.calendar import CalendarScreen as State
    from calendar_tui.widgets.tag_picker import TagPicker

    picker = TagPicker(id="tags").data_bind(filter=State.flt, expression=State.filter_expression)
    picker.tags = screen.store.tags()  # a reload gives it the new ones (swap_store)
    picker.count_under = lambda flt: screen.store.query(flt).tag_counts
    return picker


def search_bar(screen: CalendarScreen) -> Widget:
    from calendar_tui.widgets.search_bar import SearchBar

    search = SearchBar(id="search")
    # Filter in the same call as the keystroke that changed the text, so the bar, the grid
    # and the list are painted in one frame (`Input.Changed` arrives after the bar's paint).
    screen.watch(search, "value", screen._search_value, init=False)
    return search
