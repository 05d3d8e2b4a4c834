"""The main screen: header, month grid, the day's sessions, the detail pane, tag picker, search.

This screen owns the state (the Filter, the selected day and session) in reactives and pushes
it down to its widgets with `data_bind`; the widgets answer with their own messages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import Input

from calendar_tui.commands import CALENDAR_COMMANDS, bindings
from calendar_tui.model.clashes import clash_index, clashes
from calendar_tui.model.clock import Clock
from calendar_tui.model.filters import Filter
from calendar_tui.model.links import is_openable
from calendar_tui.model.programme import NowNext, now_and_next
from calendar_tui.model.store import MAX_SPAN_DAYS, EventStore, QueryResult
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Link, Occurrence
from calendar_tui.widgets.day_cursor import DayCursor
from calendar_tui.widgets.day_list import DayList
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.header import CalendarHeader, ProblemsBadge
from calendar_tui.widgets.key_footer import KeyFooter
from calendar_tui.widgets.month_grid import MonthGrid, add_months

if TYPE_CHECKING:
    from calendar_tui.model.favourites import FavouritesFile, FavouritesWarning
    from calendar_tui.widgets.tag_picker import TagPicker
    from calendar_tui.widgets.week_grid import WeekGrid

# The week grid, the tag picker and the search bar are hidden until a key shows them: their
# modules are imported when they are mounted, after the first frame (see _mount_hidden), and
# their messages are handled by name (on_week_grid_..., on_tag_picker_..., on_search_bar_...).

W = TypeVar("W", bound=Widget)

NOW_TICK = 15.0  # seconds between looks at the clock for "en cours" / "ensuite" and midnight


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

    flt: reactive[Filter] = reactive(Filter, init=False, repaint=False)
    result: reactive[QueryResult | None] = reactive(None, init=False, repaint=False)
    day: reactive[date] = reactive(date(2000, 1, 1), init=False, repaint=False)
    today: reactive[date] = reactive(date(2000, 1, 1), init=False, repaint=False)
    day_counts: reactive[dict[date, int]] = reactive(
        dict, always_update=True, init=False, repaint=False
    )
    all_day_days: reactive[frozenset[date]] = reactive(frozenset, init=False, repaint=False)
    day_occurrences: reactive[tuple[Occurrence, ...]] = reactive(
        tuple, always_update=True, init=False, repaint=False
    )
    occurrence: reactive[Occurrence | None] = reactive(None, init=False, repaint=False)
    occurrence_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    filters_words: reactive[str] = reactive("", init=False, repaint=False)
    filtered: reactive[bool] = reactive(False, init=False, repaint=False)
    # My programme: starred session ids, the clashes between them, now and next, the view.
    favourites: reactive[frozenset[str]] = reactive(frozenset, init=False, repaint=False)
    clash_map: reactive[dict[str, tuple[Occurrence, ...]]] = reactive(
        dict, init=False, repaint=False
    )
    starred_days: reactive[frozenset[date]] = reactive(frozenset, init=False, repaint=False)
    now_ids: reactive[frozenset[str]] = reactive(frozenset, init=False, repaint=False)
    next_ids: reactive[frozenset[str]] = reactive(frozenset, init=False, repaint=False)
    week: reactive[bool] = reactive(False, init=False, repaint=False)

    def __init__(
        self,
        store: EventStore,
        clock: Clock,
        *,
        favourites_path: Path | None = None,
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.favourites_path = favourites_path
        self.export_dir = export_dir
        self.favourites_file: FavouritesFile | None = None  # set once loaded (in a worker)
        self._early_stars: list[str] = []  # toggled before the file was read
        self._save_lock = threading.Lock()
        self._warned: set[str] = set()
        self.clash_pairs: list[tuple[Occurrence, Occurrence]] = []
        self._now_until: datetime | None = None
        self._bindings_state: tuple[bool, ...] = ()
        self.last_export: Path | None = None
        self._days: tuple[date, ...] = ()
        self._days_for: QueryResult | None = None
        self._hidden_mounted = False
        self._hidden_mounts: list[AwaitMount] = []
        today = clock.now().date()
        result = store.query(Filter())
        self.set_reactive(CalendarScreen.today, today)
        self.set_reactive(CalendarScreen.result, result)
        self.set_reactive(CalendarScreen.day, opening_day(result.days, today))
        # "Now and next" only while today is inside the programme.
        self._span = (result.days[0], result.days[-1]) if result.days else None
        self._derive(result)
        self._derive_now(clock.now())

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
                    starred=CalendarScreen.starred_days,
                )
                # The week grid (#week) comes here, after the first frame: see _mount_hidden.
                yield DayList(id="day").data_bind(
                    CalendarScreen.day,
                    CalendarScreen.filtered,
                    CalendarScreen.favourites,
                    occurrences=CalendarScreen.day_occurrences,
                    current=CalendarScreen.occurrence_id,
                    clashes=CalendarScreen.clash_map,
                    now=CalendarScreen.now_ids,
                    next=CalendarScreen.next_ids,
                )
            yield SessionDetail(id="detail").data_bind(
                CalendarScreen.occurrence,
                CalendarScreen.favourites,
                clashes=CalendarScreen.clash_map,
            )
            # The tag picker (#tags) comes here, after the first frame.
        # The search bar (#search) comes here, after the first frame.
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(MonthGrid).focus()
        self.load_favourites()
        self.set_interval(NOW_TICK, self.tick)
        self.call_after_refresh(self._mount_hidden)

    def _mount_hidden(self) -> None:
        """The widgets that stay hidden until a key shows them (week grid, tag picker, search
        bar), mounted once the first frame is out, in their places; a key that needs one sooner
        mounts them then."""
        if self._hidden_mounted or not self.query_one("#left").is_attached:
            return  # mounted already, or the app is closing
        self._hidden_mounted = True
        from calendar_tui.widgets.search_bar import SearchBar
        from calendar_tui.widgets.tag_picker import TagPicker
        from calendar_tui.widgets.week_grid import WeekGrid

        self._hidden_mounts = []
        week = self._bind_late(
            WeekGrid(id="week"),
            day=CalendarScreen.day,
            today=CalendarScreen.today,
            result=CalendarScreen.result,
            favourites=CalendarScreen.favourites,
            current=CalendarScreen.occurrence_id,
        )
        self._hidden_mounts.append(self.query_one("#left").mount(week, after="#grid"))
        picker = self._bind_late(TagPicker(id="tags"), filter=CalendarScreen.flt)
        picker.tags = self.store.tags()
        self._hidden_mounts.append(self.query_one("#main").mount(picker))
        search = SearchBar(id="search")
        self._hidden_mounts.append(self.mount(search, before=self.query_one(KeyFooter)))
        # Filter in the same call as the keystroke that changed the text, so the bar, the grid
        # and the list are painted in one frame (`Input.Changed` arrives after the bar's paint).
        self.watch(search, "value", self._search_value, init=False)

    async def _hidden_ready(self) -> None:
        """Mount the hidden widgets if they are not yet, and wait until they are composed: a
        key typed ahead can arrive before they are mounted after the first frame. Once they
        are, return without waiting: the keys typed after this one must find the focus moved."""
        if self._hidden_mounted and all(
            widget.is_mounted for widget in self.query("#week, #tags, #search")
        ):
            return
        self._mount_hidden()
        for mounting in self._hidden_mounts:
            await mounting

    def _bind_late(self, widget: W, **sources: reactive) -> W:
        """`data_bind` for a widget mounted outside compose. A key handled by the app can mount
        it (before the first frame is out), and `data_bind` takes the screen from the active
        message pump, which is then the app: set the current values, then follow the changes."""

        def pusher(target: str) -> Callable[[object], None]:
            return lambda value: setattr(widget, target, value)

        for target, source in sources.items():
            widget.set_reactive(getattr(type(widget), target), getattr(self, source.name))
            widget.watch(self, source.name, pusher(target), init=False)
        return widget

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
        self._mount_hidden()
        search = self.query_one("#search", Input)
        if search.value != flt.text:
            search.value = flt.text
        self.set_class(bool(flt.text) or search.has_focus, "-searching")

    def watch_result(self, result: QueryResult | None) -> None:
        if result is None:
            return
        self.day_counts = result.day_counts
        self.all_day_days = result.all_day_days
        self.day_occurrences = result.on_day(self.day)
        self.starred_days = self._starred_days(result, self.favourites)
        self._derive_now(self.clock.now())
        self._refresh_bindings_if_changed()

    def watch_day(self, day: date) -> None:
        if self.result is not None:
            self.day_occurrences = self.result.on_day(day)

    def watch_occurrence(self, occurrence: Occurrence | None) -> None:
        self.occurrence_id = occurrence.id if occurrence else None
        self._refresh_bindings_if_changed()

    def watch_favourites(self, favourites: frozenset[str]) -> None:
        starred = [o for o in self.store.occurrences if o.session.id in favourites]
        self.clash_pairs = clashes(starred)
        self.clash_map = clash_index(self.clash_pairs)
        if self.flt.only is not None and self.flt.only != favourites:
            self.flt = self.flt.with_only(favourites)  # F shows the favourites as they are now
        elif self.result is not None:
            self.starred_days = self._starred_days(self.result, favourites)
        self._refresh_bindings_if_changed()

    def watch_week(self, week: bool) -> None:
        self._mount_hidden()
        self.set_class(week, "-week")
        month, week_grid = self.query_one(MonthGrid), self.query_one("#week")
        if month.has_focus or week_grid.has_focus or self.focused is None:
            (week_grid if week else month).focus()

    def focus_grid(self) -> None:
        """Focus the grid on show: the month's, or the week's."""
        (self.query_one("#week") if self.week else self.query_one(MonthGrid)).focus()

    @staticmethod
    def _starred_days(result: QueryResult, favourites: frozenset[str]) -> frozenset[date]:
        if not favourites:
            return frozenset()
        return frozenset(
            day
            for o in result.occurrences
            if o.session.id in favourites
            for day in o.days(limit=MAX_SPAN_DAYS)
        )

    def _refresh_bindings_if_changed(self) -> None:
        """The footer shows `s`, `o`, `F`, `C`, `e` only when they apply: refresh on a change."""
        occurrence = self.occurrence
        state = (
            occurrence is not None,
            bool(occurrence and occurrence.session.links),
            bool(self.favourites),
            bool(self.clash_pairs),
            bool(self.result),
        )
        if state != self._bindings_state:
            self._bindings_state = state
            self.refresh_bindings()

    # -- now and next -------------------------------------------------------------------------

    def _derive_now(self, now: datetime) -> None:
        span, result = self._span, self.result
        found = NowNext()
        if span is not None and result is not None and span[0] <= now.date() <= span[1]:
            found = now_and_next(result.occurrences, now)
        self._now_until = found.until
        if self.is_mounted:
            self.now_ids, self.next_ids = found.now, found.next
        else:
            self.set_reactive(CalendarScreen.now_ids, found.now)
            self.set_reactive(CalendarScreen.next_ids, found.next)

    def tick(self) -> None:
        """On a timer: a new day moves "today"; a session starting or ending moves the marks."""
        now = self.clock.now()
        if now.date() != self.today:
            self.today = now.date()
            self._derive_now(now)
        elif self._now_until is not None and now >= self._now_until:
            self._derive_now(now)

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
            # Same as bool(self.days), without listing the days on every footer refresh.
            return bool(self.result)
        if action == "star":
            return self.occurrence is not None
        if action == "favourites_only":
            return bool(self.favourites) or self.flt.only is not None
        if action == "clashes":
            return bool(self.clash_pairs)
        if action == "export":
            return bool(self.result)
        if action in ("open_link", "copy_link"):
            return self.occurrence is not None and bool(self.occurrence.session.links)
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

    async def action_tags(self) -> None:
        await self._hidden_ready()
        self.add_class("-tags")
        picker: TagPicker = self.query_one("#tags")  # type: ignore[assignment]
        picker.focus_options()

    async def action_search(self) -> None:
        await self._hidden_ready()
        self.add_class("-searching")
        self.query_one("#search").focus()

    def action_clear_filters(self) -> None:
        self.flt = self.flt.cleared()

    def action_top_tag(self, index: int) -> None:
        tags = self.store.tags()
        if index < len(tags):
            self.toggle_tag(tags[index].key)

    # -- messages from the widgets ------------------------------------------------------------

    @on(DayCursor.DaySelected)
    def _day_selected(self, event: DayCursor.DaySelected) -> None:
        self.day = event.day

    def on_week_grid_session_clicked(self, event: WeekGrid.SessionClicked) -> None:
        self.go_to_occurrence(event.day, event.occurrence_id)

    @on(DayCursor.DayOpened)
    def _day_opened(self, event: DayCursor.DayOpened) -> None:
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
        if not self.flt.text:
            self.remove_class("-searching")
        self.focus_grid()

    def on_search_bar_cleared(self) -> None:
        self.flt = self.flt.with_text("")
        self.remove_class("-searching")
        self.focus_grid()

    @on(SessionDetail.LinkOpened)
    def _open_link(self, event: SessionDetail.LinkOpened) -> None:
        self.app.open_url(event.url)

    # -- my programme: favourites, clashes, export, links, week view ---------------------------

    def go_to_occurrence(self, day: date, occurrence_id: str) -> None:
        """Select `day` and, in its list, the occurrence with that id."""
        self.day = day
        for occurrence in self.result.on_day(day) if self.result is not None else ():
            if occurrence.id == occurrence_id:
                self.occurrence = occurrence
                break

    @work(thread=True, exclusive=True, group="favourites-load")
    def load_favourites(self) -> None:
        from calendar_tui.model.favourites import FavouritesFile

        favourites = FavouritesFile.open(self.favourites_path, clock=self.clock, store=self.store)
        self.app.call_from_thread(self._favourites_loaded, favourites)

    def _favourites_loaded(self, favourites: FavouritesFile) -> None:
        self.favourites_file = favourites
        ids = set(favourites.ids)
        for session_id in self._early_stars:
            ids ^= {session_id}
        for warning in favourites.warnings:
            self._warn(warning)
        self.favourites = frozenset(ids)
        if self._early_stars:
            self._early_stars.clear()
            self.save_favourites()

    @work(thread=True, group="favourites-save")
    def save_favourites(self) -> None:
        # One save at a time, each writing the set as it is when it runs: the last one wins.
        with self._save_lock:
            favourites = self.favourites_file
            if favourites is None:
                return
            favourites.replace(self.favourites)
            warning = favourites.save()
        if warning is not None:
            self.app.call_from_thread(self._warn, warning)

    def _warn(self, warning: FavouritesWarning) -> None:
        if warning.kind in self._warned:
            return
        self._warned.add(warning.kind)
        from calendar_tui.words import favourites_warning

        read_only = self.favourites_file is not None and self.favourites_file.read_only
        self.notify(
            favourites_warning(warning, read_only),
            title="Favoris",
            severity="warning",
            timeout=10,
            markup=False,
        )

    def action_star(self) -> None:
        occurrence = self.occurrence
        if occurrence is None:
            return
        session_id = occurrence.session.id
        self.favourites = self.favourites ^ {session_id}
        if self.favourites_file is None:
            self._early_stars.append(session_id)  # applied once the file is read
        else:
            self.save_favourites()

    def action_favourites_only(self) -> None:
        if self.flt.only is None:
            self.flt = self.flt.with_only(self.favourites)
        else:
            self.flt = self.flt.with_only(None)

    def action_clashes(self) -> None:
        from calendar_tui.screens.clashes import ClashesScreen

        def chosen(choice: tuple[date, str] | None) -> None:
            if choice is not None:
                self.go_to_occurrence(*choice)

        self.app.push_screen(ClashesScreen(list(self.clash_pairs)), chosen)

    async def action_toggle_week(self) -> None:
        await self._hidden_ready()
        self.week = not self.week

    def action_export(self) -> None:
        from calendar_tui.model.export_files import default_export_dir, export_name

        if not self.result:
            return
        favourites = self.flt.only is not None
        moment = self.clock.now()
        folder = self.export_dir or default_export_dir()
        name = export_name("favoris" if favourites else "programme", moment)
        self.write_export(folder, name, self.result.occurrences, moment, favourites)

    @work(thread=True, group="export")
    def write_export(
        self,
        folder: Path,
        name: str,
        occurrences: tuple[Occurrence, ...],
        moment: datetime,
        favourites: bool,
    ) -> None:
        from calendar_tui.model.atomic import atomic_write_bytes
        from calendar_tui.model.export_files import free_path
        from calendar_tui.model.ics import to_ics

        data = to_ics(occurrences, stamp=moment, name=self.store.title)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = free_path(folder, name)
            atomic_write_bytes(path, data)
        except OSError as error:
            reason = error.strerror or str(error)
            self.app.call_from_thread(
                self.notify,
                f"Impossible d'écrire le fichier .ics dans {folder} : {reason}",
                title="Export",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.app.call_from_thread(self._exported, path, len(occurrences), favourites)

    def _exported(self, path: Path, count: int, favourites: bool) -> None:
        from calendar_tui.model.export_files import display_path
        from calendar_tui.screens.export import ExportDone, export_message

        self.last_export = path
        self.app.push_screen(ExportDone(export_message(display_path(path), count, favourites)))

    def _with_link(self, verb: str, act) -> None:
        """Run `act(url)` on the session's link, through a chooser when it has several."""
        occurrence = self.occurrence
        if occurrence is None or not occurrence.session.links:
            return
        links: tuple[Link, ...] = occurrence.session.links
        if len(links) == 1:
            url = links[0].url
            if is_openable(url):
                act(url)
            else:
                self.notify(
                    f"Ce lien ne peut pas être ouvert : {one_line(url)}",
                    title="Lien",
                    severity="warning",
                    markup=False,
                )
            return
        from calendar_tui.model.ics import primary_url
        from calendar_tui.screens.links import LinkChooser

        def chosen(url: str | None) -> None:
            if url is not None and is_openable(url):
                act(url)

        title = f"{verb} : {one_line(occurrence.title)}"
        self.app.push_screen(LinkChooser(title, links, primary_url(occurrence.session)), chosen)

    def action_open_link(self) -> None:
        def open_url(url: str) -> None:
            self.app.open_url(url)
            self.notify(f"Ouverture de {one_line(url)}", title="Lien", timeout=3, markup=False)

        self._with_link("Ouvrir un lien", open_url)

    def action_copy_link(self) -> None:
        def copy(url: str) -> None:
            self.app.copy_to_clipboard(url)
            self.notify(f"Lien copié : {one_line(url)}", title="Lien", timeout=3, markup=False)

        self._with_link("Copier un lien", copy)

    @on(ProblemsBadge.Clicked)
    def _problems(self) -> None:
        self.app.run_action("problems")
