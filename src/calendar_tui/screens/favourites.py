"""The favourites file behind `s`: read in a worker, saved after every star, warnings once."""

from __future__ import annotations

import threading
from pathlib import Path

from textual import on, work
from textual.message import Message

from calendar_tui.i18n import _
from calendar_tui.model.clock import Clock
from calendar_tui.model.favourites import FavouritesFile, FavouritesWarning
from calendar_tui.model.store import EventStore
from calendar_tui.screens.controller import Controller
from calendar_tui.words import favourites_warning


class FavouritesKeeper(Controller):
    """Owns favourites.json; the screen owns the set it shows and hears `Loaded`."""

    class Loaded(Message):
        """The file was read: the starred ids (with the stars toggled before that)."""

        def __init__(self, ids: frozenset[str]) -> None:
            super().__init__()
            self.ids = ids

    class _Read(Message):
        def __init__(self, file: FavouritesFile) -> None:
            super().__init__()
            self.file = file

    class _Warned(Message):
        def __init__(self, warning: FavouritesWarning) -> None:
            super().__init__()
            self.warning = warning

    class _Followed(Message):
        def __init__(self, ids: frozenset[str], warnings: tuple[FavouritesWarning, ...]) -> None:
            super().__init__()
            self.ids = ids
            self.warnings = warnings

    def __init__(self, path: Path | None, clock: Clock, store: EventStore) -> None:
        super().__init__()
        self.path = path  # None: the user's data folder
        self.clock = clock
        self.store = store  # stars of sessions whose id changed follow them (model.id_migration)
        self.file: FavouritesFile | None = None  # set once read
        self.ids: frozenset[str] = frozenset()
        self._early: list[str] = []  # toggled before the file was read
        self._save_lock = threading.Lock()
        self._warned: set[str] = set()

    def on_mount(self) -> None:
        # After the first frame: the worker's imports and file reading would compete with it.
        self.call_after_refresh(self.read)

    def toggle(self, session_id: str) -> frozenset[str]:
        """Star or unstar; saved now, or once the file is read. Returns the new set."""
        self.ids = self.ids ^ {session_id}
        if self.file is None:
            self._early.append(session_id)
        else:
            self.save()
        return self.ids

    @work(thread=True, exclusive=True, group="favourites-load", exit_on_error=False)
    def read(self) -> None:
        self.post_message(
            self._Read(FavouritesFile.open(self.path, clock=self.clock, store=self.store))
        )

    @on(_Read)
    def _read(self, event: _Read) -> None:
        self.file = event.file
        ids = set(event.file.ids)
        for session_id in self._early:
            ids ^= {session_id}
        for warning in event.file.warnings:
            self._warn(warning)
        self.ids = frozenset(ids)
        self.post_message(self.Loaded(self.ids))
        if self._early:
            self._early.clear()
            self.save()

    def follow(self, store: EventStore) -> None:
        """A reloaded programme: the stars of sessions whose id changed follow them (then
        `Loaded` again with the set)."""
        self.store = store
        if self.file is not None:
            self._follow(store)

    @work(thread=True, group="favourites-save", exit_on_error=False)
    def _follow(self, store: EventStore) -> None:
        with self._save_lock:
            if self.file is None:
                return
            self.file.replace(self.ids)
            known = len(self.file.warnings)
            self.file.follow(store)  # saves when a star moved
            ids, warnings = self.file.ids, self.file.warnings[known:]
        self.post_message(self._Followed(ids, tuple(warnings)))

    @on(_Followed)
    def _followed(self, event: _Followed) -> None:
        for warning in event.warnings:
            self._warn(warning)
        if event.ids != self.ids:
            self.ids = event.ids
            self.post_message(self.Loaded(self.ids))

    @work(thread=True, group="favourites-save", exit_on_error=False)
    def save(self) -> None:
        # One save at a time, each writing the set as it is when it runs: the last one wins.
        with self._save_lock:
            if self.file is None:
                return
            self.file.replace(self.ids)
            warning = self.file.save()
        if warning is not None:
            self.post_message(self._Warned(warning))

    @on(_Warned)
    def _warned_message(self, event: _Warned) -> None:
        self._warn(event.warning)

    def _warn(self, warning: FavouritesWarning) -> None:
        if warning.kind in self._warned:
            return
        self._warned.add(warning.kind)
        read_only = self.file is not None and self.file.read_only
        self.notify(
            favourites_warning(warning, read_only),
            title=_("Favourites"),
            severity="warning",
            timeout=10,
            markup=False,
        )
