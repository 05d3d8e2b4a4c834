"""The user's starred sessions, kept in a small versioned JSON file.

The file is `favourites.json` in the user's data folder (platformdirs), or in
`$CALENDAR_TUI_DATA_DIR` when that is set (the tests do). Its document is

    {"version": 1, "favourites": ["<session id>", ...]}

keyed by the stable session id, so stars survive restarts and edits elsewhere in the posts.

Nothing here raises into the caller for a file problem; every problem is a `FavouritesWarning`
and the in-memory set is always kept:

- missing file: no favourites, no warning;
- corrupt or truncated file: renamed aside as `favourites.json.corrupt-<timestamp>` (never
  silently overwritten) and a warning; if it cannot be moved, saving is disabled so it is
  not overwritten either;
- unreadable file (permissions, a folder in its place): a warning, saving disabled;
- written by a newer version: the ids it holds are read, but the file is never overwritten:
  stars changed in this run stay in memory and `save()` returns a warning instead;
- saving writes atomically (temp file + fsync + `os.replace`): a process killed mid-save
  leaves the previous file intact; disk full or read-only gives a warning.

Two instances on the same file: each save re-reads the file under a lock (on its folder) and
applies this instance's own changes since it last read or wrote it (stars added, stars
removed), so the other instance's stars are kept; the merged set is then this one's too.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from calendar_tui.i18n import _, ngettext
from calendar_tui.model.atomic import atomic_write_text, set_aside
from calendar_tui.model.clock import Clock, SystemClock
from calendar_tui.model.id_migration import Remembered, migrate, remembered, sessions_by_id
from calendar_tui.model.reading import NotReadable, read_regular, special_kind
from calendar_tui.model.user_dirs import user_dir

if TYPE_CHECKING:
    from calendar_tui.model.store import EventStore

ENV_DATA_DIR = "CALENDAR_TUI_DATA_DIR"
FILE_NAME = "favourites.json"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 16 * 1024 * 1024  # about 300,000 ids: anything larger is damage

WarningKind = Literal["corrupt", "newer", "unreadable", "unwritable", "gone"]


def data_dir() -> Path:
    return user_dir("data", ENV_DATA_DIR)


def default_path() -> Path:
    return data_dir() / FILE_NAME


@dataclass(frozen=True, slots=True)
class FavouritesWarning:
    """A problem with the favourites file, for a notification or stderr."""

    kind: WarningKind
    message: str
    path: str
    count: int = 0  # for "gone": how many stars match no session

    def __str__(self) -> str:
        return self.message


class FavouritesFile:
    """The set of starred session ids and the file it lives in.

    Build it with `FavouritesFile.open()` (which loads), or `FavouritesFile(path)` then
    `load()`. Changes (`add`, `remove`, `toggle`) are in memory until `save()`.
    """

    def __init__(self, path: Path | None = None, *, clock: Clock | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._clock = clock or SystemClock()
        self._ids: set[str] = set()
        self._saved: set[str] = set()  # the ids as last read or written: changes are against it
        self._blocked: FavouritesWarning | None = None  # why saving is refused, if it is
        self.warnings: list[FavouritesWarning] = []
        self.memory: dict[str, Remembered] = {}  # id -> title and start of the starred session
        self._reported_gone: set[str] = set()  # starred ids already said to match nothing

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        clock: Clock | None = None,
        store: EventStore | None = None,
    ) -> FavouritesFile:
        """The file, loaded; with `store`, its stars follow sessions whose id has changed."""
        favourites = cls(path, clock=clock)
        favourites.load()
        if store is not None:
            favourites.follow(store)
        return favourites

    def follow(self, store: EventStore) -> None:
        """Moves stars whose session id changed (an author fixed a title) to the session they
        have become, remembers each star's session, and warns once about stars that match no
        session any more (they are kept, in case the session comes back)."""
        if not self._ids or (self._blocked is not None and self._blocked.kind == "newer"):
            return  # a newer calendar-tui may make its ids another way: nothing to say about them
        migration = migrate(self._ids, store, self.memory)
        sessions = sessions_by_id(store)
        before = (set(self._ids), dict(self.memory), set(self._reported_gone))
        self._ids = (self._ids - migration.moved.keys()) | set(migration.moved.values())
        for old in migration.moved:
            self.memory.pop(old, None)
        for ident in self._ids & sessions.keys():
            self.memory[ident] = remembered(sessions[ident])
        gone = set(migration.gone)
        if newly_gone := gone - self._reported_gone:
            count = len(newly_gone)
            self.warnings.append(
                FavouritesWarning(
                    "gone",
                    ngettext(
                        "{count} starred session no longer matches any session; "
                        "kept in case it returns",
                        "{count} starred sessions no longer match any session; "
                        "kept in case they return",
                        count,
                    ).format(count=count),
                    str(self.path),
                    count,
                )
            )
        self._reported_gone = gone
        changed = (set(self._ids), self.memory, self._reported_gone) != before
        if changed and self._blocked is None and (problem := self.save()) is not None:
            self.warnings.append(problem)

    # The set -------------------------------------------------------------------------------

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._ids)

    def __contains__(self, session_id: object) -> bool:
        return session_id in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, session_id: str) -> None:
        self._ids.add(session_id)

    def remove(self, session_id: str) -> None:
        self._ids.discard(session_id)

    def toggle(self, session_id: str) -> bool:
        """Stars or unstars a session; returns whether it is now starred."""
        if session_id in self._ids:
            self._ids.discard(session_id)
            return False
        self._ids.add(session_id)
        return True

    def replace(self, session_ids: Iterable[str]) -> None:
        self._ids = set(session_ids)

    @property
    def read_only(self) -> bool:
        """True when saving is refused (newer file, or a file that could not be read or moved)."""
        return self._blocked is not None

    # The file ------------------------------------------------------------------------------

    def load(self) -> list[FavouritesWarning]:
        """Reads the file into the set; returns (and keeps in `warnings`) what went wrong."""
        self._ids = set()
        self._saved = set()
        self._blocked = None
        self.warnings = []
        try:
            kind = special_kind(os.stat(self.path).st_mode)
            if kind is not None:
                raise OSError(0, _("it is {kind}, not a regular file").format(kind=kind))
            raw = read_regular(self.path, MAX_FILE_BYTES)
        except (FileNotFoundError, NotADirectoryError):
            return []
        except NotReadable:
            self._set_aside(
                _("larger than {size}").format(
                    size=_("{count} MB").format(count=MAX_FILE_BYTES // 1_048_576)
                )
            )
            return list(self.warnings)
        except OSError as error:
            self._block(
                "unreadable",
                _(
                    "cannot read the favourites file {path}: {reason}; changes will not be saved"
                ).format(path=self.path, reason=_reason(error)),
            )
            return list(self.warnings)
        try:
            version, ids = _parse(raw)
        except ValueError as error:
            self._set_aside(str(error))
            return list(self.warnings)
        self._ids = set(ids)
        self._saved = set(ids)
        self.memory, self._reported_gone = _parse_memory(raw, self._ids)
        if version > FORMAT_VERSION:
            self._block(
                "newer",
                _(
                    "the favourites file {path} was written by a newer calendar-tui "
                    "(format {version}); its favourites are shown but changes will not be saved"
                ).format(path=self.path, version=version),
            )
        return list(self.warnings)

    def save(self) -> FavouritesWarning | None:
        """Writes the set atomically; returns a warning instead of raising when it cannot."""
        if self._blocked is not None:
            return self._blocked
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.parent):
                ids = self._merged_with_file()
                atomic_write_text(self.path, self._document(ids))
        except OSError as error:
            return FavouritesWarning(
                "unwritable",
                _(
                    "cannot save the favourites to {path}: {reason}; they are kept for this session"
                ).format(path=self.path, reason=_reason(error)),
                str(self.path),
            )
        self._ids, self._saved = set(ids), set(ids)
        return None

    def _document(self, ids: set[str]) -> str:
        """The file's text for `ids`, with what is remembered of each star and which are gone."""
        document: dict[str, object] = {"version": FORMAT_VERSION, "favourites": sorted(ids)}
        memory = {i: {"title": m.title, "start": m.start} for i, m in self.memory.items()}
        if memory := {i: memory[i] for i in sorted(memory.keys() & ids)}:
            document["remembered"] = memory
        if gone := sorted(self._reported_gone & ids):
            document["gone"] = gone
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def _merged_with_file(self) -> set[str]:
        """The file's ids as they are now, with this instance's own additions and removals."""
        try:
            _version, on_disk = _parse(read_regular(self.path, MAX_FILE_BYTES))
        except (OSError, NotReadable, ValueError):
            return set(self._ids)  # gone or unreadable since it was loaded: ours is all there is
        added, removed = self._ids - self._saved, self._saved - self._ids
        return (set(on_disk) - removed) | added

    def _block(self, kind: WarningKind, message: str) -> None:
        self._blocked = FavouritesWarning(kind, message, str(self.path))
        self.warnings.append(self._blocked)

    def _set_aside(self, problem: str) -> None:
        try:
            aside = set_aside(self.path, self._clock.now().strftime("%Y%m%dT%H%M%S"))
        except OSError as error:
            self._block(
                "corrupt",
                _(
                    "the favourites file {path} is damaged ({problem}) and could not be set aside "
                    "({reason}); it is left as it is and changes will not be saved"
                ).format(path=self.path, problem=problem, reason=_reason(error)),
            )
            return
        self.warnings.append(
            FavouritesWarning(
                "corrupt",
                _(
                    "the favourites file {path} was damaged ({problem}); set aside as {aside}"
                ).format(path=self.path, problem=problem, aside=aside.name),
                str(self.path),
            )
        )


def _parse(raw: bytes) -> tuple[int, list[str]]:
    """The version and the ids of a favourites document; ValueError when it is not one."""
    if not raw.strip():
        raise ValueError(_("the file is empty"))
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(_("not UTF-8 text")) from None
    except RecursionError:
        raise ValueError(_("nested too deeply")) from None
    except json.JSONDecodeError as error:
        raise ValueError(
            _("not valid JSON: {error} at line {line}").format(error=error.msg, line=error.lineno)
        ) from None
    if not isinstance(document, dict):
        raise ValueError(_("not a JSON object"))
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(_("no valid format version"))
    ids = document.get("favourites", [])
    if not isinstance(ids, list):
        if version > FORMAT_VERSION:
            return version, []  # a newer layout we do not understand: read nothing, touch nothing
        raise ValueError(_("'favourites' is not a list"))
    return version, [item for item in ids if isinstance(item, str) and item]


def _parse_memory(raw: bytes, ids: set[str]) -> tuple[dict[str, Remembered], set[str]]:
    """What the file remembers of its stars (any part of it may be missing or garbage)."""
    document = json.loads(raw.decode("utf-8"))
    memory: dict[str, Remembered] = {}
    remembered_items = document.get("remembered")
    if isinstance(remembered_items, dict):
        for ident, item in list(remembered_items.items())[: 10 * len(ids) + 10]:
            if ident in ids and isinstance(item, dict):
                title, start = item.get("title"), item.get("start")
                if isinstance(title, str) and isinstance(start, str):
                    memory[ident] = Remembered(title, start)
    gone = document.get("gone")
    reported = {i for i in gone if isinstance(i, str)} & ids if isinstance(gone, list) else set()
    return memory, reported


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Holds an exclusive lock on `folder` (where fcntl exists): saves of two instances take
    turns, so neither writes between the other's re-read and its write."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock, the merge still narrows the window to a moment
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
