"""The `agenda` command: the programme as plain sentences, one session per paragraph."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from calendar_tui.i18n import ngettext
from calendar_tui.model.clock import Clock, SystemClock
from calendar_tui.model.store import EventStore


def run_agenda(
    args: argparse.Namespace,
    store: EventStore,
    favourites: Callable[[], frozenset[str]],
    clock: Clock | None = None,
) -> int:
    """Prints the paragraphs of `store`'s sessions that `args`' filters keep."""
    from calendar_tui.cli_filters import filter_from_args
    from calendar_tui.model.agenda_text import agenda_paragraphs, marks_for
    from calendar_tui.model.clashes import clash_index, clashes
    from calendar_tui.model.programme import now_and_next

    starred = favourites()
    flt = filter_from_args(args, starred)
    occurrences = store.query(flt).occurrences
    # The same facts the calendar marks with ★, ⚠ and ▶: the stars, the clashes between starred
    # sessions, what is on now.
    clash_map = clash_index(clashes(o for o in store.occurrences if o.session.id in starred))
    now_next = now_and_next(occurrences, (clock or SystemClock()).now())
    marks = {o.id: marks_for(o, starred, clash_map, now_next) for o in occurrences}
    paragraphs = agenda_paragraphs(
        store.title, occurrences, filters=flt.describe(store.labels), marks=marks
    )
    sys.stdout.write("\n\n".join(paragraphs) + "\n")
    if store.diagnostics:
        count = len(store.diagnostics)
        print(
            ngettext(
                "{count} problem in the posts; see `calendar-tui check`",
                "{count} problems in the posts; see `calendar-tui check`",
                count,
            ).format(count=count),
            file=sys.stderr,
        )
    return 0
