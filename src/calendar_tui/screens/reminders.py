"""Reminders for starred sessions: a notification (and the terminal bell, unless the settings
say `"reminder_bell": false`) `reminder_minutes` before each starts, once per occurrence.

The screen asks `check` on its timer (CalendarScreen.tick) and when the stars change; the
moment is the injected clock's, what is due is `model.reminders.due`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from calendar_tui.i18n import _
from calendar_tui.model.clock import Clock
from calendar_tui.model.types import Occurrence
from calendar_tui.screens.controller import Controller

REMINDER_TIMEOUT = 60  # seconds a reminder stays on screen


class Reminders(Controller):
    def __init__(self, clock: Clock, minutes: int, bell: bool) -> None:
        super().__init__()
        self.clock = clock
        self.minutes = minutes
        self.bell = bell
        self.reminded: frozenset[str] = frozenset()  # occurrence ids announced
        self._next_at: datetime | None = None
        self._for: frozenset[str] | None = None  # the stars `_next_at` was worked out for

    def check(
        self, occurrences: Sequence[Occurrence], favourites: frozenset[str]
    ) -> tuple[Occurrence, ...]:
        """Announce what is due now; returns it. Between two due times, and while the stars
        stay the same, nothing is looked at."""
        now = self.clock.now()
        if favourites == self._for and (self._next_at is None or now < self._next_at):
            return ()
        from calendar_tui.model.reminders import due, message  # after the first frame

        found = due(occurrences, favourites, now, self.minutes, self.reminded)
        self.reminded, self._next_at, self._for = found.reminded, found.next_at, favourites
        for occurrence in found.occurrences:
            self.notify(
                message(occurrence, now),
                title=_("Reminder"),
                timeout=REMINDER_TIMEOUT,
                markup=False,
            )
        if found.occurrences and self.bell:
            self.app.bell()
        return found.occurrences
