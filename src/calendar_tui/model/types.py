"""Value types shared by the loader, the extractors, the store and the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

from calendar_tui.model.text import search_fold

Severity = Literal["error", "warning"]


class _CompactPickle:
    """Pickles as (class, field values): several times faster to load than the dataclass default,
    which matters for the post cache of a large collection."""

    __slots__ = ()

    def __reduce__(self):
        return (self.__class__, tuple(getattr(self, name) for name in self.__slots__))


@dataclass(frozen=True, slots=True)
class Diagnostic(_CompactPickle):
    """One problem found in a post, in words a post author understands (in the current language),
    with a stable code for scripts (`check --format json`; the codes are in model/codes.py)."""

    path: str
    line: int | None
    severity: Severity
    message: str
    code: str

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "message": self.message,
        }

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True, slots=True)
class Link(_CompactPickle):
    text: str
    url: str


@dataclass(frozen=True, slots=True)
class AgendaItem(_CompactPickle):
    """One line of an event's running order ("14h30 : Mots d'ouverture")."""

    start: time | None
    end: time | None
    text: str
    track: str = ""  # the room or heading of its own timed list, when a post runs several at once


@dataclass(frozen=True, slots=True)
class Slot(_CompactPickle):
    """When a session takes place.

    Timed slots hold aware datetimes; all-day slots hold dates with an inclusive `end`
    (a span "Du 02/11 au 30/11" is one all-day slot from 2 to 30 November).
    """

    start: datetime | date
    end: datetime | date | None
    all_day: bool = False


@dataclass(frozen=True, slots=True)
class Session(_CompactPickle):
    """Something a person can attend: a post's own event, or one entry of its programme."""

    id: str
    title: str  # one clean line, never empty (model.post makes it so; the views rely on it)
    slots: tuple[Slot, ...]
    tags: tuple[str, ...] = ()
    location: str = ""
    description: str = ""  # Markdown, already freed of raw HTML and kramdown noise
    links: tuple[Link, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    line: int = 1  # 1-based line in the post file where the session starts
    # Folded title, description, tags and place for search; filled by the loader (see post.py).
    search_text: str = field(default="", compare=False, repr=False)


def searchable_text(session: Session) -> str:
    """What a text search looks in: title, description, tags and place, folded."""
    return fold_for_search(session.title, session.description, session.tags, session.location)


def fold_for_search(title: str, description: str, tags: tuple[str, ...], location: str) -> str:
    return search_fold(" ".join((title, description, " ".join(tags), location)))


@dataclass(frozen=True, slots=True)
class Post(_CompactPickle):
    """A loaded post: its event and, when its body is a programme, its sessions."""

    path: str
    title: str
    published: bool = True
    publication_date: date | None = None
    event: Session | None = None  # from the front matter
    sessions: tuple[Session, ...] = ()  # from the body; when present the calendar shows these
    tags: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def calendar_sessions(self) -> tuple[Session, ...]:
        if self.sessions:
            return self.sessions
        return (self.event,) if self.event is not None else ()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One slot of one session: what the calendar, the lists and the exports show."""

    session: Session
    post: Post
    start: datetime | date
    end: datetime | date | None
    all_day: bool

    @property
    def id(self) -> str:
        """Stable: the session's id (post path + session) and the occurrence's start."""
        stamp = self.start.strftime("%Y%m%d" if self.all_day else "%Y%m%dT%H%M")
        return f"{self.session.id}@{stamp}"

    @property
    def first_day(self) -> date:
        return self.start if self.all_day else self.start.date()

    @property
    def last_day(self) -> date:
        if self.end is None:
            return self.first_day
        if self.all_day:
            return max(self.end, self.start)
        # A session ending at midnight does not reach into the next day.
        return max(self.first_day, (self.end - timedelta(microseconds=1)).date())

    def days(self, limit: int | None = None) -> list[date]:
        first, last = self.first_day, self.last_day
        count = (last - first).days + 1
        return [
            first + timedelta(days=n) for n in range(count if limit is None else min(count, limit))
        ]

    @property
    def title(self) -> str:
        return self.session.title

    @property
    def tags(self) -> tuple[str, ...]:
        return self.session.tags
