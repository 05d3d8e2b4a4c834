"""The system's change events (watchfiles), gathered into one batch per save.

watchfiles checks for changes, and for the stop event, once per `step`; handing it the whole
quiet period as its step made a stop wait for up to that long, and quitting the app waits for
its watcher thread. Here watchfiles looks every `STEP_MS` and the quiet period is counted on top:
a batch is given once `quiet_s` has passed without a change (watchfiles' timeout, which starts
again after each change it reports), or after `max_batch_s` of steady changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

STEP_MS = 50  # how often watchfiles looks for changes and for the stop event


def event_batches(
    paths: Sequence[Path],
    *,
    roots: Sequence[Path],
    watch_filter: Callable[[object, str], bool],
    quiet_s: float,
    max_batch_s: float,
    force_polling: bool | None,
    stop_event: object | None = None,
) -> Iterator[set]:
    """As `watch_polling.poll_batches` gives them: an empty set once the watcher is in place,
    then each batch of changes to the posts under `paths`."""
    from watchfiles import watch

    quiet_ms = round(quiet_s * 1000)
    raw = watch(
        *roots,
        watch_filter=watch_filter,
        debounce=round(max_batch_s * 1000),
        step=STEP_MS,
        rust_timeout=quiet_ms,  # an empty set: this long without a change
        yield_on_timeout=True,
        force_polling=force_polling,  # False, or None: watchfiles guesses (WSL: its own poller)
        ignore_permission_denied=True,
        stop_event=stop_event,
    )
    return gathered(raw, max_batch_s)


def gathered(
    raw: Iterable[set], max_batch_s: float, clock: Callable[[], float] = time.monotonic
) -> Iterator[set]:
    """watchfiles' sets (changes after a step's quiet, an empty set after its timeout's) made into
    batches: changes are kept until an empty set says the files were quiet, or until the
    first of them is `max_batch_s` old. The first empty set says the watcher is ready."""
    pending: set = set()
    first_change = 0.0
    ready = False
    for changes in raw:
        if changes:
            if not pending:
                first_change = clock()
            pending |= changes
            if clock() - first_change < max_batch_s:
                continue
        if pending:
            ready = True
            yield pending
            pending = set()
        elif not ready:
            ready = True
            yield set()
