"""The selected day's sessions, in time order (all-day spans first)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from calendar_tui.commands import DAY_LIST_COMMANDS, bindings
from calendar_tui.i18n import N_, _
from calendar_tui.model.change_marks import ChangeMarks, mark_word
from calendar_tui.model.text import one_line, upper_first
from calendar_tui.model.types import Occurrence
from calendar_tui.widgets.formatting import day_words, sessions_count, time_range_short
from calendar_tui.widgets.paged_options import PagedOptionList

EMPTY_WITH_FILTERS = N_("No session this day with these filters")
EMPTY = N_("No session this day")


STAR = "★"
NOW_MARK = N_("▶ now")  # the margin's marks: "▶ en cours", "› ensuite" in French
NEXT_MARK = N_("› next")


def session_prompt(
    occ: Occurrence,
    day: date | None,
    style: Callable[[str], Style],
    *,
    starred: bool = False,
    clashes: tuple[Occurrence, ...] = (),
    mark: str = "",
    change: str = "",
) -> Text:
    """Time range and title (a star when starred), then the tags, with "en cours"/"ensuite" in
    the margin (and the change since a revision, in a word, before the tags); a third line names the starred sessions it overlaps. Long lines end in …
    `style("time")`... gives the DayList's component styles (styles/app.tcss)."""
    prompt = Text(no_wrap=True, overflow="ellipsis", end="")
    prompt.append(f"{time_range_short(occ, day):<11} ", style("time"))
    if starred:
        prompt.append(f"{STAR} ", style("star"))
    prompt.append(occ.title)
    tags = " · ".join(one_line(tag) for tag in occ.tags)
    prompt.append("\n")
    words = _(mark) if mark else ""
    prompt.append(f"{words:<11} ", style("now" if mark == NOW_MARK else "next"))
    if change:
        prompt.append(change, style("change"))
        prompt.append("  ")
    prompt.append(tags or "—", style("tags"))
    if clashes:
        names = ", ".join(other.title for other in clashes)
        prompt.append("\n" + " " * 12)
        prompt.append(f"⚠ chevauche : {names}", style("clash"))
    return prompt


class SessionOptions(PagedOptionList):
    BINDINGS: list[BindingType] = bindings(DAY_LIST_COMMANDS)

    class Back(Message):
        """Escape: back to the grid."""

    def action_back(self) -> None:
        self.post_message(self.Back())


class DayList(Vertical):
    """A heading with the day in words, then its sessions or a sentence saying there are none."""

    COMPONENT_CLASSES = {
        f"day-list--{name}"
        for name in ("heading", "count", "time", "star", "now", "next", "tags", "clash", "change")
    }

    day: reactive[date] = reactive(date(2000, 1, 1))
    occurrences: reactive[tuple[Occurrence, ...]] = reactive(tuple, always_update=True)
    current: reactive[str | None] = reactive(None)  # the selected occurrence's id
    filtered: reactive[bool] = reactive(False)  # whether any filter is active
    matching: reactive[bool] = reactive(True)  # whether the filters keep any session at all
    favourites: reactive[frozenset[str]] = reactive(frozenset)  # starred session ids
    clashes: reactive[dict[str, tuple[Occurrence, ...]]] = reactive(dict)  # occurrence id -> others
    now: reactive[frozenset[str]] = reactive(frozenset)  # occurrence ids in progress
    next: reactive[frozenset[str]] = reactive(frozenset)  # occurrence ids starting next
    changes: reactive[ChangeMarks] = reactive(ChangeMarks)  # since a revision, by session id

    class Highlighted(Message):
        """The user highlighted another session."""

        def __init__(self, occurrence: Occurrence) -> None:
            super().__init__()
            self.occurrence = occurrence

    class Chosen(Message):
        """Enter or click on a session: show its detail."""

        def __init__(self, occurrence: Occurrence) -> None:
            super().__init__()
            self.occurrence = occurrence

    class Back(Message):
        """Escape in the list: back to the grid."""

    def compose(self) -> ComposeResult:
        yield Static(id="day-title")  # styled as a Label in app.tcss
        yield SessionOptions(id="sessions")
        yield Static(id="no-sessions")

    @property
    def options(self) -> SessionOptions:
        return self.query_one(SessionOptions)

    def focus_sessions(self) -> None:
        options = self.options
        if options.option_count:
            options.focus()

    def highlighted_occurrence(self) -> Occurrence | None:
        """The session the list's cursor is on now (its `Highlighted` message may still be on
        its way: keys read together reach the screen's actions first)."""
        index = self.options.highlighted
        if index is not None and index < len(self.occurrences):
            occurrence = self.occurrences[index]
            if occurrence.id == self.options.get_option_at_index(index).id:
                return occurrence
        return None

    _pending = False
    _ready = False

    def _option(self, occ: Occurrence) -> Option:
        """The session's option, reused while its prompt is the same: an Option keeps the
        visual made from its prompt, so a filter that shows it again does not redo that."""
        mark = NOW_MARK if occ.id in self.now else NEXT_MARK if occ.id in self.next else ""
        starred = occ.session.id in self.favourites
        clashes = self.clashes.get(occ.id, ())
        change = self.changes.by_session.get(occ.session.id)
        word = mark_word(change) if change is not None else ""
        key = (occ.id, self.day, starred, clashes, mark, word, self.app.theme)
        made = self._options_made.get(key)
        if made is None or made[0] is not occ:
            if len(self._options_made) >= 4096:
                self._options_made.clear()
            prompt = session_prompt(
                occ,
                self.day,
                self._style,
                starred=starred,
                clashes=clashes,
                mark=mark,
                change=word,
            )
            made = self._options_made[key] = (occ, Option(prompt, id=occ.id))
        return made[1]

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"day-list--{name}", partial=True)

    def _schedule(self) -> None:
        # day, occurrences and filtered usually change together: rebuild once.
        if not self._pending:
            self._pending = True
            self.call_next(self._rebuild)

    def _rebuild(self) -> None:
        self._pending = False
        if not self._ready:
            return
        occurrences = self.occurrences
        # Only touch what changed: each update costs a repaint, a change of size a layout.
        title_key = (self.day, len(occurrences))
        if title_key != self._shown_title:
            self._shown_title = title_key
            title = Text(upper_first(day_words(self.day)), self._style("heading"), end="")
            title.append(f"  {sessions_count(len(occurrences))}", self._style("count"))
            # One line whatever the text (no wrap, ellipsis): no layout needed.
            self.query_one("#day-title", Static).update(title, layout=False)
        options = self.options
        empty = self.query_one("#no-sessions", Static)
        list_key = (
            self.day,
            tuple(o.id for o in occurrences),
            self.favourites,
            self.clashes,
            self.now,
            self.next,
            self.changes,
        )
        if list_key != self._shown_list:
            self._shown_list = list_key
            options.set_options(self._option(o) for o in occurrences)
        if options.display != bool(occurrences):
            options.display = bool(occurrences)
        if empty.display != (not occurrences):
            empty.display = not occurrences
        sentence = _(EMPTY_WITH_FILTERS if self.filtered else EMPTY)
        if self.filtered and not self.matching:  # said once, for the whole programme
            sentence = _("No session matches these filters, in the whole programme")
        if sentence != self._shown_sentence:
            self._shown_sentence = sentence
            empty.update(Text(sentence))
        # The screen picked the selected occurrence (model.selection): show it, say nothing.
        index = next((i for i, o in enumerate(occurrences) if o.id == self.current), 0)
        if occurrences:
            options.highlighted = index
        elif options.has_focus:
            self.post_message(self.Back())

    _options_made: dict[tuple, tuple[Occurrence, Option]]
    _shown_title: tuple = ()
    _shown_list: tuple = ()
    _shown_sentence = ""

    def on_mount(self) -> None:
        self._options_made = {}
        self._ready = True
        self._rebuild()
        # Any of these changes the list: one rebuild, however many change together.
        for name in (
            "occurrences",
            "day",
            "filtered",
            "matching",
            "favourites",
            "clashes",
            "now",
            "next",
            "changes",
        ):
            self.watch(self, name, self._schedule, init=False)

    @on(OptionList.OptionHighlighted, "#sessions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Only the user's moves: not the highlight the list was given (the current one), nor
        one left from a list replaced since (its option is not at that index any more)."""
        event.stop()
        index = event.option_index
        if index < len(self.occurrences):
            occurrence = self.occurrences[index]
            if occurrence.id == event.option.id and occurrence.id != self.current:
                self.post_message(self.Highlighted(occurrence))

    @on(OptionList.OptionSelected, "#sessions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.occurrences):
            self.post_message(self.Chosen(self.occurrences[event.option_index]))

    @on(SessionOptions.Back)
    def _back(self, event: SessionOptions.Back) -> None:
        event.stop()
        self.post_message(self.Back())
