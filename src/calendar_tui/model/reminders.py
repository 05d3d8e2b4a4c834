"""Reminders for starred sessions, as a pure function of the clock's moment.

The app asks `due()` on a timer: the starred timed occurrences starting within `minutes` of
now, each once (the caller keeps `reminded` between calls), and when to ask again. A session
already under way is not announced (the app was opened late); all-day spans never are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from calendar_tui.i18n import _
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Occurrence


@dataclass(frozen=True, slots=True)
class Due:
    occurrences: tuple[Occurrence, ...]  # to announce now, in time order
    reminded: frozenset[str]  # occurrence ids announced so far, these included
    next_at: datetime | None  # when the next reminder falls due; None: no more


def due(
    occurrences: Iterable[Occurrence],
    favourites: frozenset[str],
    now: datetime,
    minutes: int,
    reminded: frozenset[str] = frozenset(),
) -> Due:
    """`favourites` are starred session ids; `minutes` <= 0 turns reminders off."""
    if minutes <= 0:
        return Due((), reminded, None)
    lead = timedelta(minutes=minutes)
    announce: list[Occurrence] = []
    later: list[datetime] = []
    for occurrence in occurrences:
        if occurrence.all_day or occurrence.session.id not in favourites:
            continue
        if occurrence.id in reminded or occurrence.start < now:
            continue
        if occurrence.start - lead <= now:
            announce.append(occurrence)
        else:
            later.append(occurrence.start - lead)
    announce.sort(key=lambda o: (o.start, o.title))
    return Due(
        tuple(announce),
        reminded | {o.id for o in announce},
        min(later) if later else None,
    )


def message(occurrence: Occurrence, now: datetime) -> str:
    """The notification's text: « Dans 10 min (14:00) : Titre — lieu »."""
    left = max(0, round((occurrence.start - now).total_seconds() / 60))
    when = _("Now") if left == 0 else _("In {minutes} min").format(minutes=left)
    place = one_line(occurrence.session.location)
    title = one_line(occurrence.title) or _("(untitled)")
    text = _("{when} ({start}): {title}").format(
        when=when, start=f"{occurrence.start:%H:%M}", title=title
    )
    return text + (f" — {place}" if place else "")
