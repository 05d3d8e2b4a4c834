"""The month day grid: Monday first, French weekday names, a count per day under the filters."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.strip import Strip

from calendar_tui.model.day_range import add_days, day_or_none
from calendar_tui.model.text import upper_first
from calendar_tui.widgets.day_cursor import DayCursor
from calendar_tui.widgets.formatting import month_title, weekday_names

WEEKS = 6  # always six rows, so the grid never jumps when the month changes
ALL_DAY_MARK = "▬"
TODAY_MARK = "•"
STAR_MARK = "★"
TALL = 36  # terminal rows from which cells get a third line
SHORT = 26  # terminal rows under which a week is one line (number and count side by side)


def month_start(day: date) -> date:
    return day.replace(day=1)


def grid_start(day: date) -> date:
    """The Monday on or before the first of `day`'s month."""
    first = month_start(day)
    return add_days(first, -first.weekday())  # 01/01/0001 is a Monday: never clamped


class MonthGrid(DayCursor):
    """Six weeks around the selected day's month; each cell: day number, count, all-day mark."""

    COMPONENT_CLASSES = {
        "month-grid--weekday",
        "month-grid--day",
        "month-grid--other-month",
        "month-grid--today",
        "month-grid--count",
        "month-grid--all-day",
        "month-grid--selected",
        "month-grid--cursor",
        "month-grid--weekend",
        "month-grid--star",
    }

    counts: reactive[Mapping[date, int]] = reactive(dict, always_update=True)
    all_day: reactive[frozenset[date]] = reactive(frozenset)
    starred: reactive[frozenset[date]] = reactive(frozenset)  # days with a starred session

    def watch_day(self, old: date, new: date) -> None:
        if month_start(old) != month_start(new):
            self.border_title = upper_first(month_title(new))
        self.refresh()

    _strips_key: tuple = ()
    _strips: list[Strip] = []

    def on_mount(self) -> None:
        self.border_title = upper_first(month_title(self.day))

    # -- geometry ---------------------------------------------------------------------------

    @property
    def cell_width(self) -> int:
        return max(3, self.content_size.width // 7)

    @property
    def cell_height(self) -> int:
        return max(1, min(3, (self.content_size.height - 1) // WEEKS))

    def get_content_height(self, container, viewport, width: int) -> int:
        # Roomier cells on a tall terminal; two lines per week down to 80x24.
        return 1 + WEEKS * (3 if viewport.height >= TALL else 1 if viewport.height < SHORT else 2)

    def day_at(self, x: int, y: int) -> date | None:
        """The day under content offset (x, y), None on the weekday row or outside."""
        if y < 1 or x < 0:
            return None
        column = min(6, x // self.cell_width)
        row = (y - 1) // self.cell_height
        if row >= WEEKS:
            return None
        return day_or_none(grid_start(self.day), row * 7 + column)

    # -- rendering --------------------------------------------------------------------------

    def _heading(self, width: int) -> list[Segment]:
        style = partial(self.get_component_rich_style, partial=True)
        weekday_style = style("month-grid--weekday")
        weekend_style = style("month-grid--weekend")
        return [
            Segment(
                name[: width - 1].rjust(width - 1) + " ",
                weekend_style if index >= 5 else weekday_style,
            )
            for index, name in enumerate(weekday_names(width - 1))
        ]

    def render_line(self, y: int) -> Strip:
        # The grid's lines as strips, made once per state rather than through Textual's generic
        # renderable pipeline on every refresh (a filter keystroke repaints the grid).
        key = (
            self.day,
            self.today,
            id(self.counts),
            id(self.all_day),
            id(self.starred),
            self.has_focus,
            self.content_size,
            self.app.theme,
            self.visual_style,
        )
        if key != self._strips_key:
            self._strips_key = key
            self._strips = self._make_strips()
        if 0 <= y < len(self._strips):
            return self._strips[y]
        return Strip.blank(self.content_size.width, self.visual_style.rich_style)

    def _make_strips(self) -> list[Strip]:
        """The heading and six weeks of cells, each cell's lines made once per look (a filter
        changes a few counts; most cells, with their number, count and marks, look as before).
        Segments are made directly, not through Rich's Text (a third of the first frame's
        paint); the grid's strips crop them to its width."""
        width = self.content_size.width
        visual_style = self.visual_style
        base = visual_style.rich_style
        pad = Style(bgcolor=base.bgcolor)  # as Textual pads a renderable
        cell_width, height = self.cell_width, self.cell_height
        looks = (cell_width, height, self.has_focus, self.app.theme, visual_style)
        if looks != self._cells_look:
            self._cells_look, self._cells = looks, {}
        cells = self._cells
        styles: dict[str, Style] = {}

        def style(name: str) -> Style:
            if name not in styles:
                styles[name] = self.get_component_rich_style(name, partial=True)
            return styles[name]

        def strip(segments: list[Segment]) -> Strip:
            segments = list(Segment.apply_style(segments, base))
            return Strip(segments, Segment.get_line_length(segments)).crop_extend(0, width, pad)

        strips = [strip(self._heading(cell_width))]
        start = grid_start(self.day)
        month = self.day.month
        focused = self.has_focus
        for week in range(WEEKS):
            lines: list[list[Segment]] = [[] for _ in range(height)]
            for column in range(7):
                day = day_or_none(start, week * 7 + column)
                if day is None:  # after 31/12/9999: a blank cell
                    for line in lines:
                        line.append(Segment(" " * cell_width, pad))
                    continue
                count = self.counts.get(day, 0)
                selected = day == self.day
                cell_key = (
                    day.day,
                    day.month != month,
                    day.weekday() >= 5,
                    selected,
                    selected and focused,
                    day == self.today,
                    "" if not count else str(count) if count < 100 else "99+",
                    day in self.all_day,
                    day in self.starred,
                )
                cell = cells.get(cell_key)
                if cell is None:
                    cell = cells[cell_key] = self._cell(
                        day, month, cell_width, height, focused, style
                    )
                for line, segments in zip(lines, cell, strict=True):
                    line.extend(segments)
            strips.extend(strip(line) for line in lines)
        return strips

    _cells_look: tuple = ()
    _cells: dict[tuple, list[list[Segment]]] = {}

    def _cell(
        self,
        day: date,
        month: int,
        width: int,
        height: int,
        focused: bool,
        style: Callable[[str], Style],
    ) -> list[list[Segment]]:
        """A day's cell, `height` lines of `width` cells: its number (today marked), then its
        marks and count in fixed places, so that a star never moves the all-day mark or the
        count: [▬][★][count], right-aligned; one line, side by side, on short terminals."""
        base = style("month-grid--day")
        if day.month != month:
            base = base + style("month-grid--other-month")
        elif day.weekday() >= 5:
            base = base + style("month-grid--weekend")
        background = Style()
        if day == self.day:
            background = style("month-grid--cursor" if focused else "month-grid--selected")
        number_style = base + background
        if day == self.today:
            number_style = number_style + style("month-grid--today")
        mark = TODAY_MARK if day == self.today else " "
        gap = Segment(" ", background)  # the column between cells
        if height == 1:  # one line: " 26• ▬★ 6"
            number = f"{day.day:>2}{mark}"[: width - 1]
            width -= len(number)  # what is left for the marks and the count
            lines = [[Segment(number, number_style)]]
        else:
            number = f"{day.day:>2}{mark}".rjust(width - 1)[: width - 1]
            lines = [[Segment(number, number_style), gap], []]
        count = self.counts.get(day, 0)
        count_text = "" if not count else str(count) if count < 100 else "99+"
        # (text, style) of each character of the marks and the count; a narrow cell keeps the
        # right-most ones (the count before the marks), padded to the left otherwise.
        marks = [
            (ALL_DAY_MARK if day in self.all_day else " ", "month-grid--all-day"),
            (STAR_MARK if day in self.starred else " ", "month-grid--star"),
        ]
        marks += [(char, "month-grid--count") for char in count_text.rjust(2)]
        room = width - 1
        kept: list[Segment] = []
        for char, name in reversed(marks):
            if cell_len(char) > room:
                break
            room -= cell_len(char)
            kept.append(Segment(char, base + style(name) + background + background))
        kept.reverse()
        counts_line = lines[-1]
        if room > 0:
            counts_line.append(Segment(" " * room, background))
        counts_line += kept
        counts_line.append(gap)
        for _ in range(2, height):
            lines.append([Segment(" " * (width - 1), base + background), gap])
        return lines

    # -- interaction --------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        day = self.day_at(offset.x, offset.y)
        if day is None:
            return
        if event.chain >= 2 or day == self.day:
            self.post_message(self.DayOpened(day))
        else:
            self.post_message(self.DaySelected(day))
