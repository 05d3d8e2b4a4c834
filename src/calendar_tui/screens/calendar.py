"""The main screen: header, month (or week) grid, the day's sessions, the detail pane, tag picker,
search bar; its controllers keep the favourites, write exports and use links.

The screen owns the state (the Filter, the day, the selected occurrence) in reactives and pushes
it down with `data_bind`; the widgets report the user's moves with their own messages. The week
grid, the tag picker and the search bar stay hidden until a key shows them: `Later` (Textual's
`Lazy`) stands in their places until they are made and mounted after the first frame
(calendar_panes.py), with the controllers; a key that comes sooner waits for them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from calendar_tui.commands import CALENDAR_COMMANDS, bindings
from calendar_tui.i18n import _
from calendar_tui.model.clashes import clash_index, clashes
from calendar_tui.model.clock import Clock
from calendar_tui.model.filters import Filter
from calendar_tui.model.programme import NowNext, now_and_next
from calendar_tui.model.selection import (
    opening_day,
    selected_occurrence,
    session_days,
    starred_days,
)
from calendar_tui.model.store import EventStore, QueryResult
from calendar_tui.model.types import Occurrence
from calendar_tui.model.view_state import ONLY_FAVOURITES
from calendar_tui.screens import calendar_panes as panes
from calendar_tui.screens.calendar_views import ViewsInput
from calendar_tui.screens.layout import size_classes
from calendar_tui.screens.palette import CalendarCommands
from calendar_tui.widgets.day_list import DayList
from calendar_tui.widgets.detail import SessionDetail
from calendar_tui.widgets.header import CalendarHeader
from calendar_tui.widgets.key_footer import KeyFooter
from calendar_tui.widgets.later import Later
from calendar_tui.widgets.month_grid import MonthGrid

if TYPE_CHECKING:
    from calendar_tui.screens.live_source import LiveSource

NOW_TICK = 15.0  # seconds between looks at the clock for "en cours" / "ensuite" and midnight


class CalendarScreen(ViewsInput):
    BINDINGS: list[BindingType] = bindings(CALENDAR_COMMANDS)
    COMMANDS = {CalendarCommands}

    # State, pushed down to the widgets with data_bind (the screen paints nothing itself: vars).
    flt: var[Filter] = var(Filter, init=False)
    result: var[QueryResult | None] = var(None, init=False)
    day: var[date] = var(date(2000, 1, 1), init=False)
    today: var[date] = var(date(2000, 1, 1), init=False)
    day_counts: var[dict[date, int]] = var(dict, always_update=True, init=False)
    all_day_days: var[frozenset[date]] = var(frozenset, init=False)
    day_occurrences: var[tuple[Occurrence, ...]] = var(tuple, always_update=True, init=False)
    occurrence: var[Occurrence | None] = var(None, init=False)
    occurrence_id: var[str | None] = var(None, init=False)
    filters_words: var[str] = var("", init=False)
    # My programme: starred session ids, the clashes between them, now and next, the view.
    favourites: var[frozenset[str]] = var(frozenset, init=False)
    clash_map: var[dict[str, tuple[Occurrence, ...]]] = var(dict, init=False)
    starred_days: var[frozenset[date]] = var(frozenset, init=False)
    now_ids: var[frozenset[str]] = var(frozenset, init=False)
    next_ids: var[frozenset[str]] = var(frozenset, init=False)
    week: var[bool] = var(False, init=False)
    linear: var[bool] = var(False, init=False)  # the programme as a list of paragraphs
    # What the footer's keys depend on (`check_action`): a change refreshes the footer.
    has_session: var[bool] = var(False, bindings=True, init=False)
    has_links: var[bool] = var(False, bindings=True, init=False)
    has_favourites: var[bool] = var(False, bindings=True, init=False)
    has_clashes: var[bool] = var(False, bindings=True, init=False)
    has_result: var[bool] = var(False, bindings=True, init=False)
    has_filters: var[bool] = var(False, bindings=True, init=False)

    def __init__(
        self,
        store: EventStore,
        clock: Clock,
        *,
        favourites_path: Path | None = None,
        export_dir: Path | None = None,
        live: LiveSource | None = None,
        linear: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.live = live  # where the store came from, to reload it (None: nothing to reload)
        self.set_reactive(CalendarScreen.linear, linear)
        self.clock = clock
        self.favourites_path = favourites_path
        self.export_dir = export_dir
        self.clash_pairs: list[tuple[Occurrence, Occurrence]] = []
        self._now_until: datetime | None = None
        self._days: tuple[date, ...] = ()
        self._days_for: QueryResult | None = None
        self.controllers_mounted = asyncio.Event()  # see `_after_first_frame`
        today = clock.now().date()
        result = store.query(Filter())
        self.set_reactive(CalendarScreen.today, today)
        self.set_reactive(CalendarScreen.result, result)
        self.set_reactive(CalendarScreen.has_result, bool(result))
        self.set_reactive(CalendarScreen.day, opening_day(result.days, today))
        # "Now and next" only while today is inside the programme.
        self._span = (result.days[0], result.days[-1]) if result.days else None
        self.set_reactive(CalendarScreen.day_counts, result.day_counts)
        self.set_reactive(CalendarScreen.all_day_days, result.all_day_days)
        self.set_reactive(CalendarScreen.filters_words, self.flt.describe(store.labels))
        self._select(result.on_day(self.day))
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
                yield Later(partial(panes.week_grid, self))
                yield DayList(id="day").data_bind(
                    CalendarScreen.day,
                    CalendarScreen.favourites,
                    occurrences=CalendarScreen.day_occurrences,
                    filtered=CalendarScreen.has_filters,
                    matching=CalendarScreen.has_result,
                    current=CalendarScreen.occurrence_id,
                    clashes=CalendarScreen.clash_map,
                    now=CalendarScreen.now_ids,
                    next=CalendarScreen.next_ids,
                    changes=CalendarScreen.change_marks,
                )
            yield SessionDetail(id="detail").data_bind(
                CalendarScreen.occurrence,
                CalendarScreen.favourites,
                clashes=CalendarScreen.clash_map,
                changes=CalendarScreen.change_marks,
            )
            linear = partial(panes.linear_view, self)
            yield linear() if self.linear else Later(linear)
            yield Later(partial(panes.tag_picker, self))
        yield Later(partial(panes.search_bar, self))
        yield Static(_("Enlarge the terminal…"), id="too-small")
        yield KeyFooter()
        # The controllers: mounted after the first frame (`_after_first_frame`).

    def _controllers(self) -> Iterator[Widget]:
        """The widgets that do a job for the screen (favourites file, export, links, live
        reload, reminders, changes since a revision); their modules are imported here."""
        from calendar_tui.screens.export import Exporter
        from calendar_tui.screens.favourites import FavouritesKeeper
        from calendar_tui.screens.links import LinkActions
        from calendar_tui.screens.live_reload import LiveReload

        yield FavouritesKeeper(self.favourites_path, self.clock, self.store)
        yield Exporter(self.export_dir, self.clock, self.store.title)
        yield LinkActions()
        yield LiveReload(self.live, self.store)
        yield from self.more_controllers()

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. On the first resume (just pushed) every node was
        # styled as it was registered: Textual's restyle of the whole screen would be the same
        # work again before the first frame (a tenth of it). Later resumes restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        for name, on in size_classes(event.size.width, event.size.height).items():
            self.set_class(on, name)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Stacked panes (-narrow): the detail shows in place of the grid and list while read.
        self.set_class(
            self.query_one(SessionDetail) in event.widget.ancestors_with_self, "-reading"
        )

    def on_mount(self) -> None:
        self.set_class(self.linear, "-linear")
        if self.linear:
            self.focus_grid()  # the linear view's list
        else:
            self.query_one(MonthGrid).focus()
        self.set_interval(NOW_TICK, self.tick)
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        self.app.first_frame_drawn()  # type: ignore[attr-defined]
        # The hidden panes (calendar_panes.py), with the later styles.
        await Later.mount_all(self)
        # The controllers, and their modules: none of them shows anything, and what they do
        # starts after the first frame anyway (a key typed sooner waits: `controllers_mounted`).
        if self.is_attached and not self._closing:
            await self.mount_all(self._controllers())
            self.controllers_mounted.set()
        # The filter language (model.view_state imports it when first used): now, so that the
        # first filter key does not wait for it.
        import_module("calendar_tui.model.filter_eval")
        self._prepare_search()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _prepare_search(self) -> None:
        # The first text search reads every description, made from its Markdown when first
        # read (model/session_text.py): made here, after the first frame, not on that keystroke.
        self.store.prepare_search()
        # The links too, and all kept in the post cache: the next start has them made already
        # (and once a session's links and description are kept, its Markdown is not).
        for occurrence in self.store.occurrences:
            if not occurrence.session.text.links_made:
                occurrence.session.links  # noqa: B018 - made, for the cache
        cache = getattr(self.app, "cache", None)
        if cache is not None:
            cache.keep_made_texts()

    def swap_store(self, store: EventStore, renamed: Mapping[str, str] | None = None) -> None:
        """A reloaded programme in place of the shown one: the day, the selected session (by
        id, or by the id it has become: `renamed`), the filters, the search and the stars stay
        where they were."""
        from calendar_tui.screens.export import Exporter
        from calendar_tui.screens.favourites import FavouritesKeeper
        from calendar_tui.widgets.linear_view import LinearView
        from calendar_tui.widgets.tag_picker import TagPicker

        selected = self.occurrence
        self.store = store
        header = self.query_one(CalendarHeader)
        header.title = store.title
        header.problems = len(store.diagnostics)
        for linear in self.query(LinearView):  # a pane not made yet will read self.store
            linear.title = store.title
        for picker in self.query(TagPicker):
            picker.tags = store.tags()
        self.query_one(FavouritesKeeper).follow(store)
        self.query_one(Exporter).title = store.title
        result = store.query(self.flt)
        self._span = (result.days[0], result.days[-1]) if result.days else None
        self.filter_changed(self.flt)  # the header's words, with the new labels
        self.result = result  # the day's list, the selection by id, the counts, now and next
        self.watch_favourites(self.favourites)  # the clashes, between the new sessions
        if selected is not None and self.occurrence_id != selected.id and renamed:
            become = renamed.get(selected.session.id)
            for occurrence in self.day_occurrences:
                if occurrence.session.id == become:
                    self.occurrence = occurrence
                    break

    # -- state --------------------------------------------------------------------------------

    def _select(self, on_day: tuple[Occurrence, ...]) -> None:
        """The day's occurrences, and the selected one among them (kept when still there)."""
        self.day_occurrences = on_day
        self.occurrence = selected_occurrence(on_day, self.occurrence_id)

    def watch_flt(self, flt: Filter) -> None:
        self.has_filters = not flt.is_empty  # `c` applies only with filters; the footer says so
        self.result = self.store.query(flt)
        self.filter_changed(flt)  # the header's words, the expression, the search bar

    def watch_result(self, result: QueryResult | None) -> None:
        if result is None:
            return
        self.has_result = bool(result)
        self.day_counts = result.day_counts
        self.all_day_days = result.all_day_days
        self._select(result.on_day(self.day))
        self.starred_days = starred_days(result, self.favourites)
        self._derive_now(self.clock.now())

    def watch_day(self, day: date) -> None:
        if self.result is not None:
            self._select(self.result.on_day(day))

    def watch_occurrence(self, occurrence: Occurrence | None) -> None:
        self.occurrence_id = occurrence.id if occurrence else None
        self.has_session = occurrence is not None
        text = occurrence.session.text if occurrence else None
        if text is None or text.links_made:
            self.has_links = bool(text and text.links)
        else:
            # Its links are found in its Markdown when first read (model/session_text.py): after
            # this frame (the first one comes before model.links is imported). Till then its
            # link keys work: `LinkActions.use` does nothing for a session without links.
            self.has_links = True
            self.call_after_refresh(self._note_links, occurrence)

    def _note_links(self, occurrence: Occurrence) -> None:
        if occurrence is self.occurrence:
            self.has_links = bool(occurrence.session.links)

    def watch_favourites(self, favourites: frozenset[str]) -> None:
        starred = [o for o in self.store.occurrences if o.session.id in favourites]
        self.clash_pairs = clashes(starred)
        self.clash_map = clash_index(self.clash_pairs)
        self.has_favourites, self.has_clashes = bool(favourites), bool(self.clash_pairs)
        if self.only_kind == ONLY_FAVOURITES and self.flt.only not in (None, favourites):
            self.flt = self.flt.with_only(favourites)  # F shows the favourites as they are now
        elif self.result is not None:
            self.starred_days = starred_days(self.result, favourites)

    @property
    def days(self) -> tuple[date, ...]:
        """Days where a session begins (a month-long span does not make every day "a day")."""
        result = self.result
        if result is None:
            return ()
        if self._days_for is not result:
            self._days, self._days_for = session_days(result.days, result.occurrences), result
        return self._days

    @property
    def last_export(self) -> Path | None:
        from calendar_tui.screens.export import Exporter

        return self.query_one(Exporter).last

    # -- now and next -------------------------------------------------------------------------

    def _derive_now(self, now: datetime) -> None:
        span, result = self._span, self.result
        found = NowNext()
        if span is not None and result is not None and span[0] <= now.date() <= span[1]:
            found = now_and_next(result.occurrences, now)
        self._now_until = found.until
        self.now_ids, self.next_ids = found.now, found.next

    def tick(self) -> None:
        """On a timer: a new day moves "today"; a session starting or ending moves the marks."""
        self.remind()
        now = self.clock.now()
        if now.date() != self.today or (self._now_until is not None and now >= self._now_until):
            self.today = now.date()
            self._derive_now(now)
