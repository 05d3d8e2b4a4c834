"""Live reload: watch the files the app loaded, rebuild the store after a save, say what changed.

A watcher thread (watchfiles, `check_watch.change_batches`: an editor's several events per save
are one batch) posts `FilesChanged`; so does `R`. A worker then reloads (only the files whose
size or mtime changed are parsed again, see `model.live`) and posts `Reloaded` for the screen
to swap the store in. A reload where a file gained errors may have caught a save half done
(truncated, partly written): it is held back and tried again once the files have been quiet for
`SETTLE_S`; only then is it shown, its broken posts in their last good version.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.timer import Timer
from textual.worker import get_current_worker

from calendar_tui.screens.controller import Controller

if TYPE_CHECKING:  # model.live (and the change comparison) is imported by the reloading worker
    from calendar_tui.model.live import Reload
    from calendar_tui.model.store import EventStore
    from calendar_tui.screens.live_source import LiveSource


def _watchfiles_batches(
    paths: Sequence[Path], poll: bool | None, stop: threading.Event
) -> Iterator[set]:
    from calendar_tui.check_watch import change_batches

    return change_batches(paths, poll, stop)


class LiveReload(Controller):
    """Owns the watcher and the reloads; the screen owns the store it shows and hears `Reloaded`."""

    SETTLE_S = 0.6  # a reload that found new errors waits this long without changes

    class FilesChanged(Message):
        """Some watched files changed (empty: reload by hand, look at every file)."""

        def __init__(self, paths: frozenset[str] = frozenset()) -> None:
            super().__init__()
            self.paths = paths

    class Reloaded(Message):
        def __init__(self, reload: Reload, by_hand: bool) -> None:
            super().__init__()
            self.reload = reload
            self.by_hand = by_hand

    class _Done(Message):
        def __init__(self, reload: Reload, settled: bool, by_hand: bool) -> None:
            super().__init__()
            self.reload = reload
            self.settled = settled
            self.by_hand = by_hand

    class _Watching(Message):
        pass

    def __init__(self, source: LiveSource | None, store: EventStore) -> None:
        super().__init__()
        self.source = source  # None: a store given as it is, nothing to reload
        self.store = store
        self.watching = False  # the watcher is in place
        self.polling = False  # the system's events failed: looking at the files instead
        self._stop = threading.Event()
        self._settle: Timer | None = None

    def on_mount(self) -> None:
        if self.source is not None and self.source.watch:
            # After the first frame: the watcher thread's imports (watchfiles) would compete
            # with it for the interpreter.
            self.call_after_refresh(self.watch_files)

    def on_unmount(self) -> None:
        self._stop.set()

    @property
    def can_reload(self) -> bool:
        return self.source is not None

    @property
    def settling(self) -> bool:
        """A reload found new errors and waits for the files to be quiet before it shows."""
        return self._settle is not None

    def reload(self) -> None:
        """By hand (`R`): every file looked at again now."""
        self.post_message(self.FilesChanged())

    @work(thread=True, exclusive=True, group="live-watch", exit_on_error=False)
    def watch_files(self) -> None:
        assert self.source is not None
        try:
            self._follow(self.source.poll)
        except OSError:
            if self.source.poll:
                raise
            # No change events to be had (the system's limit of watches reached, a file system
            # without them): look at the files instead.
            self.polling = True
            self._follow(True)

    def _follow(self, poll: bool | None) -> None:
        assert self.source is not None
        batches = self.source.batches or _watchfiles_batches
        for batch in batches(self.source.paths, poll, self._stop):
            if self._stop.is_set():
                return
            if batch:
                self.post_message(self.FilesChanged(frozenset(path for _, path in batch)))
            else:
                self.post_message(self._Watching())

    @on(_Watching)
    def _watching(self) -> None:
        self.watching = True

    @on(FilesChanged)
    def _files_changed(self, event: FilesChanged) -> None:
        event.stop()
        if self.source is None:
            return
        if self._settle is not None:
            self._settle.stop()
            self._settle = None
        self._reload(settled=False, by_hand=not event.paths)

    @work(thread=True, exclusive=True, group="live-reload", exit_on_error=False)
    def _reload(self, settled: bool, by_hand: bool) -> None:
        assert self.source is not None
        from calendar_tui.model.live import reload_store

        source, previous = self.source, self.store
        result = reload_store(previous, source.paths, drafts=source.drafts, cache=source.cache)
        if not get_current_worker().is_cancelled:
            self.post_message(self._Done(result, settled, by_hand))

    @on(_Done)
    def _done(self, event: _Done) -> None:
        if event.reload.suspect and not event.settled:
            # Maybe a save caught half done: look again once the files are quiet.
            self._settle = self.set_timer(
                self.SETTLE_S, lambda: self._reload(settled=True, by_hand=event.by_hand)
            )
            return
        self._settle = None
        self.store = event.reload.store
        self.post_message(self.Reloaded(event.reload, event.by_hand))
