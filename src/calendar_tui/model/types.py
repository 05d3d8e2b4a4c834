"""Value types shared by the loader, the extractors, the store and the views."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from calendar_tui.model.link import Link as Link  # where the model's users import it from
from calendar_tui.model.session_text import SessionText
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


class _SessionFields:
    """A Session's fields: a Session is filled in as one of these, by plain assignments (the
    frozen dataclasses' `object.__setattr__` made most of the cost of building the sessions
    of a warm load), then becomes a Session, which refuses them."""

    __slots__ = ("id", "title", "slots", "tags", "location", "agenda", "line", "text", "_search")


class Session(_SessionFields):
    """Something a person can attend: a post's own event, or one entry of its programme.

    A frozen value, as the other types here; its description and links are made from its
    `text` when first read (see session_text.py), and so is its folded search text.
    """

    __slots__ = ()

    id: str
    title: str  # one clean line, never empty (model.post makes it so; the views rely on it)
    slots: tuple[Slot, ...]
    tags: tuple[str, ...]
    location: str
    agenda: tuple[AgendaItem, ...]
    line: int  # 1-based line in the post file where the session starts
    text: SessionText

    def __new__(
        cls,
        id: str,  # noqa: A002 - the field's name
        title: str,
        slots: tuple[Slot, ...],
        tags: tuple[str, ...] = (),
        location: str = "",
        description: str = "",  # Markdown, already freed of raw HTML and kramdown noise
        links: tuple[Link, ...] = (),
        agenda: tuple[AgendaItem, ...] = (),
        line: int = 1,
        search_text: str = "",  # made when first read, unless given
        text: SessionText | None = None,  # instead of `description` and `links`
    ) -> Session:
        if text is None:
            text = SessionText.known(description, links)
        elif description or links:
            raise TypeError("a Session takes its description and links or a text, not both")
        self = object.__new__(_SessionFields)
        self.id = id
        self.title = title
        self.slots = slots
        self.tags = tags
        self.location = location
        self.agenda = agenda
        self.line = line
        self.text = text
        self._search = search_text or None
        self.__class__ = Session  # the same fields: frozen from here on
        return self  # type: ignore[return-value]

    @property
    def description(self) -> str:
        return self.text.description

    @property
    def links(self) -> tuple[Link, ...]:
        return self.text.links

    @property
    def search_text(self) -> str:
        """Folded title, description, tags and place, for text search."""
        search = self._search
        if search is None:
            text = self.text
            search = text.kept_search()  # made in an earlier run, kept by the post cache
            if search is None:
                title = text.search_title
                search = fold_for_search(
                    self.title if title is None else title, text.description, self.tags,
                    self.location,
                )  # fmt: skip
                text.note_made()
            _SET_SEARCH(self, search)
        return search

    @property
    def search_made(self) -> str | None:
        """The folded search text when made (or kept, or given) already, else None."""
        return self._search

    def with_text(self, text: SessionText) -> Session:
        return Session(
            self.id,
            self.title,
            self.slots,
            self.tags,
            self.location,
            agenda=self.agenda,
            line=self.line,
            text=text,
        )

    def _key(self) -> tuple:
        return (self.id, self.title, self.slots, self.tags, self.location, self.agenda, self.line)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Session:
            return NotImplemented
        return self._key() == other._key() and self.text.same_texts(other.text)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())  # equal sessions have equal keys; the texts need not be made

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self):
        # The search text is made again where it is read (it is made from what travels).
        values = (self.id, self.title, self.slots, self.tags, self.location)
        return (Session, (*values, "", (), self.agenda, self.line, "", self.text))

    def __repr__(self) -> str:
        fields = (
            f"id={self.id!r}, title={self.title!r}, slots={self.slots!r}, tags={self.tags!r}, "
            f"location={self.location!r}, description={self.description!r}, "
            f"links={self.links!r}, agenda={self.agenda!r}, line={self.line!r}"
        )
        return f"Session({fields})"


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
        start = self.start
        if start.year < 1000:  # strftime writes such a year unpadded: kept as it was
            stamp = start.strftime("%Y%m%d" if self.all_day else "%Y%m%dT%H%M")
        elif self.all_day:  # the same text as strftime, several times faster (list --format json)
            stamp = f"{start.year}{start.month:02}{start.day:02}"
        else:
            stamp = f"{start.year}{start.month:02}{start.day:02}T{start.hour:02}{start.minute:02}"
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


_SET_SEARCH = _SessionFields._search.__set__  # type: ignore[attr-defined]  # the made search text
