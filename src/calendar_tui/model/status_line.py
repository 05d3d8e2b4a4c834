"""What is on now and next as one line (a shell prompt, a tmux status line) or as JSON.

The answer is the app's (`programme.now_and_next`): timed sessions in progress, and those
starting next, at the injected clock's moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from calendar_tui.i18n import _
from calendar_tui.model.programme import NowNext, now_and_next
from calendar_tui.model.serialise import occurrence_dict
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Occurrence

TITLE_CHARS = 40  # a status line is short: longer titles end with "…"


def now_next(
    occurrences: Sequence[Occurrence], moment: datetime
) -> tuple[NowNext, list[Occurrence], list[Occurrence]]:
    """The app's answer, and the occurrences it names, in time order."""
    found = now_and_next(occurrences, moment)
    running = [o for o in occurrences if o.id in found.now]
    upcoming = [o for o in occurrences if o.id in found.next]
    return found, running, upcoming


def _title(occurrence: Occurrence, limit: int = TITLE_CHARS) -> str:
    title = one_line(occurrence.title) or _("(untitled)")
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _more(items: Sequence[Occurrence]) -> str:
    return f" (+{len(items) - 1})" if len(items) > 1 else ""


def short_line(occurrences: Sequence[Occurrence], moment: datetime) -> str:
    """`now: Title until 15:15 · next: 16:00 Title`; a later day shows its date."""
    _found, running, upcoming = now_next(occurrences, moment)
    parts = []
    if running:
        first = running[0]
        if isinstance(first.end, datetime):
            now = _("now: {title} until {end}").format(
                title=_title(first), end=f"{first.end:%H:%M}"
            )
        else:
            now = _("now: {title}").format(title=_title(first))
        parts.append(now + _more(running))
    if upcoming:
        first = upcoming[0]
        start = first.start.astimezone(moment.tzinfo) if moment.tzinfo else first.start
        when = f"{start:%H:%M}" if start.date() == moment.date() else f"{start:%d/%m %H:%M}"
        parts.append(
            _("next: {when} {title}").format(when=when, title=_title(first)) + _more(upcoming)
        )
    return " · ".join(parts) or _("nothing on now or later")


def tmux_line(line: str) -> str:
    """`line` for tmux's status-right `#(…)`: tmux expands `#{…}` formats, `#[…]` styles and
    `#H`-like aliases in a command's output, so a title "#[fg=red]…" would restyle the status
    line and "#{pane_current_path}" show a path; `##` is tmux's literal `#`."""
    return line.replace("#", "##")


def as_json(occurrences: Sequence[Occurrence], moment: datetime) -> dict:
    found, running, upcoming = now_next(occurrences, moment)
    return {
        "at": moment.isoformat(),
        "now": [occurrence_dict(o) for o in running],
        "next": [occurrence_dict(o) for o in upcoming],
        "until": found.until.isoformat() if found.until else None,
    }
