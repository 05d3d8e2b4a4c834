"""What the month grid and the week grid share: a cursor on a day, moved by keys and the mouse."""

from __future__ import annotations

from datetime import date

from textual.binding import BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from calendar_tui.commands import GRID_COMMANDS, bindings


class DayCursor(Widget, can_focus=True):
    """A focusable view of days; the screen owns the day and answers these messages."""

    BINDINGS: list[BindingType] = bindings(GRID_COMMANDS)

    day: reactive[date] = reactive(date(2000, 1, 1))
    today: reactive[date] = reactive(date(2000, 1, 1))

    class DaySelected(Message):
        """The user moved to another day (keys or mouse)."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class DayMoved(Message):
        """A key moved the cursor by `days`: the screen adds them to its day, so keys that
        arrive together (one read of the terminal) each count."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    class DayOpened(Message):
        """The user asked for the day's sessions (double click: that day; Enter: None, the
        screen's day, which the grid's may lag behind when keys come together)."""

        def __init__(self, day: date | None) -> None:
            super().__init__()
            self.day = day

    def action_move(self, days: int) -> None:
        self.post_message(self.DayMoved(days))

    def action_open(self) -> None:
        self.post_message(self.DayOpened(None))

    def on_focus(self) -> None:
        self.refresh()  # the cursor's colour shows whether the grid has the focus

    def on_blur(self) -> None:
        self.refresh()
