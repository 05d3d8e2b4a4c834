"""The week time grid: Monday to Sunday as columns, hours as rows, sessions as blocks.

Overlapping sessions sit side by side (lanes from `model.programme.lanes`); all-day spans go in
a band at the top. The keys are the month grid's (a day left/right, a week up/down, Enter for
the day's sessions), so switching view with `w` changes nothing else.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive

from calendar_tui.i18n import _
from calendar_tui.model.day_range import LAST_DAY, add_days, day_or_none
from calendar_tui.model.programme import Placed, lanes
from calendar_tui.model.store import QueryResult
from calendar_tui.widgets.day_cursor import DayCursor
from calendar_tui.widgets.formatting import weekday_names

GUTTER = 6  # "09:00 "
TALL = 50  # terminal rows from which the grid has a row per half-hour
BAND_ROWS = 2  # at most this many rows of all-day spans
MIN_COLUMN = 10  # cells a day needs to be readable; fewer days are shown below that
DEFAULT_HOURS = (9, 18)
STAR = "★"


def week_start(day: date) -> date:
    return add_days(day, -day.weekday())  # 01/01/0001 is a Monday: never clamped


def hour_range(placed: list[Placed]) -> tuple[int, int]:
    """From the earliest start to the latest end of the week (whole hours), at least 9 h–18 h."""
    first, last = DEFAULT_HOURS
    for item in placed:
        first = min(first, item.start // 60)
        last = max(last, -(-item.end // 60))
    return max(0, first), min(24, max(last, first + 1))


def _cells(text: str, width: int) -> str:
    """`text` cropped or padded to exactly `width` cells (wide characters counted right)."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def _wrap(text: str, width: int, rows: int) -> list[str]:
    """`text` in at most `rows` lines of `width` cells, broken between words only (a non-breaking
    space holds "12 h 30" together); a word wider than a line is cut with …, and so is the last
    line when words are left over."""
    lines: list[str] = []
    line = ""
    words = [word for word in text.split(" ") if word]
    for index, word in enumerate(words):
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        if len(lines) == rows:  # no room for this word: the last line says text is missing
            lines[-1] = _cells(" ".join([lines[-1], *words[index:]]), width)
            return lines
        line = word if cell_len(word) <= width else _cells(word, width)
    if line:
        lines.append(line)
    return lines


class WeekGrid(DayCursor):
    """The selected day's week, hour by hour."""

    COMPONENT_CLASSES = {
        "week-grid--heading",
        "week-grid--heading-selected",
        "week-grid--today",
        "week-grid--hour",
        "week-grid--rule",
        "week-grid--all-day",
        "week-grid--block",
        "week-grid--block-alt",
        "week-grid--starred",
        "week-grid--current",
        "week-grid--selected-day",
    }

    result: reactive[QueryResult | None] = reactive(None, always_update=True)
    current: reactive[str | None] = reactive(None)  # the selected occurrence's id
    favourites: reactive[frozenset[str]] = reactive(frozenset)  # starred session ids

    class SessionClicked(Message):
        """A click on a session's block."""

        def __init__(self, day: date, occurrence_id: str) -> None:
            super().__init__()
            self.day = day
            self.occurrence_id = occurrence_id

    def watch_day(self, old: date, new: date) -> None:
        self.border_title = self._title(new)

    def on_mount(self) -> None:
        self.border_title = self._title(self.day)

    @staticmethod
    def _title(day: date) -> str:
        start = week_start(day)
        end = day_or_none(start, 6) or LAST_DAY
        return _("Week from {start} to {end}").format(start=f"{start:%d/%m}", end=f"{end:%d/%m/%Y}")

    # -- geometry -----------------------------------------------------------------------------

    @property
    def days_shown(self) -> int:
        """Seven days when each gets MIN_COLUMN cells, else fewer (around the selected day)."""
        width = self.content_size.width
        if not width:  # not laid out yet: the whole week (its height is asked before its width)
            return 7
        return max(1, min(7, (width - GUTTER) // MIN_COLUMN))

    @property
    def column_width(self) -> int:
        return max(4, (self.content_size.width - GUTTER) // self.days_shown)

    def _week(self) -> list[date | None]:
        """The days shown: the week, or the part of it around the selected day that fits; None
        for the days after 31/12/9999 (blank columns)."""
        start = week_start(self.day)
        count = self.days_shown
        first = min(max(0, self.day.weekday() - count // 2), 7 - count)
        return [day_or_none(start, n) for n in range(first, first + count)]

    _layout_for: tuple = (None, None)  # the result and the week's Monday it was made for
    _layout_made: tuple[list[list[Placed]], list[list]] = ([], [])

    def _layout(self) -> tuple[list[list[Placed]], list[list]]:
        """Per day of the week: its timed blocks, its all-day spans. Made once per result and
        week (the height, the paint and a click all ask for it)."""
        result, monday = self.result, tuple(self._week())
        if result is not self._layout_for[0] or monday != self._layout_for[1]:
            blocks: list[list[Placed]] = []
            spans: list[list] = []
            for day in self._week():
                occurrences = result.on_day(day) if result is not None and day else ()
                blocks.append(lanes(occurrences, day) if day else [])
                spans.append([o for o in occurrences if o.all_day])
            self._layout_for, self._layout_made = (result, monday), (blocks, spans)
        return self._layout_made

    def _band_rows(self, spans: list[list]) -> int:
        return min(BAND_ROWS, max((len(s) for s in spans), default=0))

    def _rows_per_hour(self, first: int, last: int, band: int) -> int:
        """Half-hour rows when the widget is given the room, else one row an hour."""
        available = self.content_size.height - 1 - band
        return max(1, min(2, available // max(1, last - first)))

    def get_content_height(self, container, viewport, width: int) -> int:
        # Just the hours of the week (half-hours on a tall terminal): the day list gets the rest.
        blocks, spans = self._layout()
        first, last = hour_range([p for items in blocks for p in items])
        per_hour = 2 if viewport.height >= TALL else 1
        return 1 + self._band_rows(spans) + (last - first) * per_hour

    # -- rendering ----------------------------------------------------------------------------

    def render(self) -> Group:
        style = partial(self.get_component_rich_style, partial=True)
        width = self.column_width
        week = self._week()
        blocks, spans = self._layout()
        first, last = hour_range([p for day in blocks for p in day])
        band = self._band_rows(spans)
        per_hour = self._rows_per_hour(first, last, band)
        height = max(0, self.content_size.height - 1 - band)
        selected_column = style("week-grid--selected-day")

        heading = Text(" " * GUTTER, no_wrap=True, overflow="crop")
        names = weekday_names(width - 3)
        for day in week:
            label = f"{names[day.weekday()][: max(1, width - 4)]} {day.day}" if day else ""
            label_style = style(
                "week-grid--heading-selected" if day == self.day else "week-grid--heading"
            )
            if day == self.today:
                label_style = label_style + style("week-grid--today")
            heading.append("│", style("week-grid--rule"))
            heading.append(_cells(label.center(width - 1), width - 1), label_style)
        rows = [heading]

        for row in range(band):
            line = Text(" " * GUTTER, no_wrap=True, overflow="crop")
            for index, day in enumerate(week):
                items = spans[index]
                background = selected_column if day == self.day else Style()
                line.append("│", style("week-grid--rule"))
                if row < len(items):
                    text = "▬ " + items[row].title
                    if row == band - 1 and len(items) > band:
                        text = f"▬ +{len(items) - row} autres"
                    line.append(_cells(text, width - 1), style("week-grid--all-day") + background)
                else:
                    line.append(" " * (width - 1), background)
            rows.append(line)

        # Per day: which block covers each row, and the text each block shows on each row.
        grids: list[dict[int, list[tuple[int, int, str, Style, int]]]] = []
        for index in range(len(week)):
            covering: dict[int, list[tuple[int, int, str, Style, int]]] = {}
            for number, item in enumerate(blocks[index]):
                top, bottom = self._rows(item, first, per_hour)
                inner = width - 1
                lane_width = max(1, inner // item.lanes)
                x = item.lane * lane_width
                w = inner - x if item.lane == item.lanes - 1 else lane_width
                block_style = style("week-grid--block-alt" if number % 2 else "week-grid--block")
                occurrence = item.occurrence
                if occurrence.session.id in self.favourites:
                    block_style = block_style + style("week-grid--starred")
                if occurrence.id == self.current:
                    block_style = block_style + style("week-grid--current")
                star = STAR if occurrence.session.id in self.favourites else ""
                start = f"{item.start // 60:02d}:{item.start % 60:02d} " if w >= 9 else ""
                label = f"{star}{start}{occurrence.title}"
                pieces = _wrap(label, w, max(1, bottom - top))
                for row in range(max(0, top), min(height, bottom)):
                    text = pieces[row - top] if row - top < len(pieces) else ""
                    covering.setdefault(row, []).append((x, w, text, block_style, top))
            grids.append(covering)

        for row in range(min(height, (24 - first) * per_hour)):
            minute = first * 60 + row * 60 // per_hour
            on_hour = row % per_hour == 0
            gutter = f"{minute // 60:02d}:00 " if on_hour and minute < 24 * 60 else " " * GUTTER
            line = Text(no_wrap=True, overflow="crop")
            line.append(gutter, style("week-grid--hour"))
            for index, day in enumerate(week):
                background = selected_column if day == self.day else Style()
                line.append("│", style("week-grid--rule"))
                cursor = 0
                for x, w, text, block_style, _top in sorted(grids[index].get(row, ()), key=_drawn):
                    if x < cursor:  # a block sharing this row in its lane: the later one shows
                        continue
                    if x > cursor:
                        line.append_text(self._empty(x - cursor, on_hour, background))
                    line.append(_cells(text, w), block_style)
                    cursor = x + w
                if cursor < width - 1:
                    line.append_text(self._empty(width - 1 - cursor, on_hour, background))
            rows.append(line)
        return Group(*rows)

    @staticmethod
    def _rows(item: Placed, first: int, per_hour: int) -> tuple[int, int]:
        """The rows [top, bottom) a block covers below the band."""
        top = (item.start - first * 60) * per_hour // 60
        return top, max(top + 1, -(-(item.end - first * 60) * per_hour // 60))

    def _empty(self, width: int, on_hour: bool, background: Style) -> Text:
        """Free time: blank, with a faint dot at each hour."""
        text = Text(" " * width, background, end="")
        if on_hour and width:
            rule = self.get_component_rich_style("week-grid--rule", partial=True)
            text.stylize(rule, 0, 1)
            text = Text("·", background + rule, end="") + Text(" " * (width - 1), background)
        return text

    # -- interaction --------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.x < GUTTER:
            return
        width = self.column_width
        week = self._week()
        column = min(len(week) - 1, (offset.x - GUTTER) // width)
        day = week[column]
        if day is None:
            return
        x = (offset.x - GUTTER) % width - 1
        blocks, spans = self._layout()
        first, last = hour_range([p for items in blocks for p in items])
        band = self._band_rows(spans)
        per_hour = self._rows_per_hour(first, last, band)
        row = offset.y - 1 - band
        if row >= 0 and x >= 0:
            inner = width - 1
            for item in blocks[column]:
                lane_width = max(1, inner // item.lanes)
                left = item.lane * lane_width
                right = inner if item.lane == item.lanes - 1 else left + lane_width
                top, bottom = self._rows(item, first, per_hour)
                if top <= row < bottom and left <= x < right:
                    self.post_message(self.SessionClicked(day, item.occurrence.id))
                    return
        if event.chain >= 2 or day == self.day:
            self.post_message(self.DayOpened(day))
        else:
            self.post_message(self.DaySelected(day))


def _drawn(block: tuple[int, int, str, Style, int]) -> tuple[int, int]:
    """Blocks left to right; of two in the same lane on one row (a session ending at 17:30 and
    the next starting then, one row an hour), the one that starts later first: it is the one
    whose title begins there. Never compared by their styles, which have no order."""
    x, _w, _text, _style, top = block
    return x, -top
