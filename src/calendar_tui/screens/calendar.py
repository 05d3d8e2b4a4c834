"""The main screen: header, month grid, the day's sessions, the detail pane, tag picker, search.

This screen owns the state (the Filter, the selected day and session) in reactives and pushes
it down to its widgets with `data_bind`; the widgets answer with their own messages.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input

from calendar_tui.commands import CALENDAR_COMMANDS, bindings
from calendar_tui.model.clock import Clock
from calendar_tui.model.filters import Filter
from calendar_tui.model.store import EventStore, QueryResult
from calendar_tui.model.types import Occurrence
from calendar_tui.widgets.day_list import DayList
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.header import CalendarHeader, ProblemsBadge
from calendar_tui.widgets.month_grid import MonthGrid, add_months
from calendar_tui.widgets.search_bar import SearchBar
from calendar_tui.widgets.tag_picker import TagPicker


def opening_day(days: tuple[date, ...], today: date) -> date:
    """Today when its month has sessions, else the first session day of the nearest such month."""
    if not days:
        return today
    months = sorted({(d.year, d.month) for d in days})
    here = (today.year, today.month)
    if here in months:
        return today

    def distance(month: tuple[int, int]) -> int:
        return abs((month[0] * 12 + month[1]) - (here[0] * 12 + here[1]))

    year, month = min(months, key=lambda m: (distance(m), m))
    return min(d for d in days if (d.year, d.month) == (year, month))


class CalendarScreen(Screen):
    BINDINGS: list[BindingType] = bindings(CALENDAR_COMMANDS)

    flt: reactive[Filter] = reactive(Filter, init=False)
    result: reactive[QueryResult | None] = reactive(None, init=False)
    day: reactive[date] = reactive(date(2000, 1, 1), init=False)
    today: reactive[date] = reactive(date(2000, 1, 1), init=False)
    day_counts: reactive[dict[date, int]] = reactive(dict, always_update=True, init=False)
    all_day_days: reactive[frozenset[date]] = reactive(frozenset, init=False)
    day_occurrences: reactive[tuple[Occurrence, ...]] = reactive(
        tuple, always_update=True, init=False
    )
    occurrence: reactive[Occurrence | None] = reactive(None, init=False)
    occurrence_id: reactive[str | None] = reactive(None, init=False)
    filters_words: reactive[str] = reactive("", init=False)
    filtered: reactive[bool] = reactive(False, init=False)

    def __init__(self, store: EventStore, clock: Clock) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self._days: tuple[date, ...] = ()
        self._days_for: QueryResult | None = None
        today = clock.now().date()
        result = store.query(Filter())
        self.set_reactive(CalendarScreen.today, today)
        self.set_reactive(CalendarScreen.result, result)
        self.set_reactive(CalendarScreen.day, opening_day(result.days, today))
        self._derive(result)

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        header = CalendarHeader().data_bind(filters=CalendarScreen.filters_words)
        header.title = self.store.title
        header.problems = len(self.store.diagnostics)
        yield header
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield MonthGrid(id="grid").data_bind(
                    CalendarScreen.day,
                    CalendarScreen.today,
                    counts=CalendarScreen.day_counts,
                    all_day=CalendarScreen.all_day_days,
                )
                yield DayList(id="day").data_bind(
                    CalendarScreen.day,
                    CalendarScreen.filtered,
                    occurrences=CalendarScreen.day_occurrences,
                    current=CalendarScreen.occurrence_id,
                )
            yield SessionDetail(id="detail").data_bind(CalendarScreen.occurrence)
            picker = TagPicker(id="tags").data_bind(filter=CalendarScreen.flt)
            picker.tags = self.store.tags()
            yield picker
        yield SearchBar(id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(MonthGrid).focus()

    # -- state --------------------------------------------------------------------------------

    def _derive(self, result: QueryResult) -> None:
        self.set_reactive(CalendarScreen.day_counts, result.day_counts)
        self.set_reactive(CalendarScreen.all_day_days, result.all_day_days)
        self.set_reactive(CalendarScreen.day_occurrences, result.on_day(self.day))
        self.set_reactive(CalendarScreen.filters_words, self.flt.describe(self.store.labels))
        self.set_reactive(CalendarScreen.filtered, not self.flt.is_empty)

    def watch_flt(self, old: Filter, flt: Filter) -> None:
        if old.is_empty != flt.is_empty:
            self.refresh_bindings()  # `c` applies only with filters; the footer says so
        self.result = self.store.query(flt)
        self.filters_words = flt.describe(self.store.labels)
        self.filtered = not flt.is_empty
        search = self.query_one(SearchBar)
        if search.value != flt.text:
            search.value = flt.text
        self.set_class(bool(flt.text) or search.has_focus, "-searching")

    def watch_result(self, result: QueryResult | None) -> None:
        if result is None:
            return
        self.day_counts = result.day_counts
        self.all_day_days = result.all_day_days
        self.day_occurrences = result.on_day(self.day)

    def watch_day(self, day: date) -> None:
        if self.result is not None:
            self.day_occurrences = self.result.on_day(day)

    def watch_occurrence(self, occurrence: Occurrence | None) -> None:
        self.occurrence_id = occurrence.id if occurrence else None

    @property
    def days(self) -> tuple[date, ...]:
        """Days where a session begins (a month-long span does not make every day "a day")."""
        result = self.result
        if result is None:
            return ()
        if self._days_for is not result:
            starts = {o.first_day for o in result.occurrences}
            self._days = tuple(sorted(d for d in result.days if d in starts)) or result.days
            self._days_for = result
        return self._days

    # -- actions (declared in commands.CALENDAR_COMMANDS) -----------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return not self.flt.is_empty
        if action == "top_tag":
            return bool(parameters) and int(parameters[0]) < len(self.store.tags())
        if action in ("session_day", "edge_day"):
            return bool(self.days)
        return True

    def go_to_day(self, day: date) -> None:
        self.day = day

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

    def action_tags(self) -> None:
        self.add_class("-tags")
        self.query_one(TagPicker).focus_options()

    def action_search(self) -> None:
        self.add_class("-searching")
        self.query_one(SearchBar).focus()

    def action_clear_filters(self) -> None:
        self.flt = self.flt.cleared()

    def action_top_tag(self, index: int) -> None:
        tags = self.store.tags()
        if index < len(tags):
            self.toggle_tag(tags[index].key)

    # -- messages from the widgets ------------------------------------------------------------

    @on(MonthGrid.DaySelected)
    def _day_selected(self, event: MonthGrid.DaySelected) -> None:
        self.day = event.day

    @on(MonthGrid.DayOpened)
    def _day_opened(self, event: MonthGrid.DayOpened) -> None:
        self.day = event.day
        day_list = self.query_one(DayList)
        # The list rebuilds on the next turn of the loop; focus it after that.
        self.call_after_refresh(day_list.focus_sessions)

    @on(DayList.Highlighted)
    def _highlighted(self, event: DayList.Highlighted) -> None:
        self.occurrence = event.occurrence

    @on(DayList.Chosen)
    def _chosen(self, event: DayList.Chosen) -> None:
        self.occurrence = event.occurrence
        self.query_one(SessionDetail).focus()

    @on(DayList.Back)
    def _back(self) -> None:
        self.query_one(MonthGrid).focus()

    @on(TagPicker.Toggled)
    def _tag_toggled(self, event: TagPicker.Toggled) -> None:
        if event.exclude:
            self.flt = self.flt.toggled_exclude(event.key)
        else:
            self.flt = self.flt.toggled_include(event.key)

    @on(TagPicker.ModeToggled)
    def _mode_toggled(self) -> None:
        self.flt = self.flt.with_match_all(not self.flt.match_all)

    @on(TagPicker.Closed)
    def _tags_closed(self) -> None:
        self.remove_class("-tags")
        self.query_one(MonthGrid).focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if event.value != self.flt.text:
            self.flt = self.flt.with_text(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        if not self.flt.text:
            self.remove_class("-searching")
        self.query_one(MonthGrid).focus()

    @on(SearchBar.Cleared)
    def _search_cleared(self) -> None:
        self.flt = self.flt.with_text("")
        self.remove_class("-searching")
        self.query_one(MonthGrid).focus()

    @on(SessionDetail.LinkOpened)
    def _open_link(self, event: SessionDetail.LinkOpened) -> None:
        self.app.open_url(event.url)

    @on(ProblemsBadge.Clicked)
    def _problems(self) -> None:
        self.app.run_action("problems")
