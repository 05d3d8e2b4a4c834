"""The one source of "now": injected everywhere so tests can fix it."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from calendar_tui.i18n import _

PARIS = ZoneInfo("Europe/Paris")
ENV_NOW = "CALENDAR_TUI_NOW"  # an ISO moment ("2020-11-18T10:00", Paris when no offset)


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def __init__(self, tz=PARIS) -> None:
        self._tz = tz

    def now(self) -> datetime:
        return datetime.now(self._tz)


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self._moment = moment if moment.tzinfo else moment.replace(tzinfo=PARIS)

    def now(self) -> datetime:
        return self._moment


def clock_from_env() -> Clock:
    """The system clock, or a fixed one at `$CALENDAR_TUI_NOW` (tests, trying things by hand).

    ValueError names the variable when its value is not an ISO date and time."""
    value = os.environ.get(ENV_NOW, "").strip()
    if not value:
        return SystemClock()
    try:
        return FixedClock(datetime.fromisoformat(value))
    except ValueError:
        raise ValueError(
            _("{name}={value} is not a date and time (YYYY-MM-DDTHH:MM[+01:00])").format(
                name=ENV_NOW, value=repr(value)
            )
        ) from None
