"""The event a post describes in its front matter: when, where, tags and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from calendar_tui.model import french_dates
from calendar_tui.model.fields import (
    list_field,
    mapping_list_field,
    moment_field,
    multiline_field,
    text_field,
)
from calendar_tui.model.links import normalise_url
from calendar_tui.model.slots import at, slots_for
from calendar_tui.model.text import fold, tag_key
from calendar_tui.model.types import Diagnostic, Link, Slot

PARIS = ZoneInfo("Europe/Paris")
START_KEYS = ("event_start_date", "event_date", "dateEvent")
EVENT_HINT_KEYS = (*START_KEYS, "event_end_date", "lieu", "adresse", "champs_informations")
MIDNIGHT = time(0, 0)


@dataclass(slots=True)
class FrontMatterEvent:
    """What the front matter says; the post assembler adds the body's share."""

    title: str
    slots: tuple[Slot, ...] = ()
    location: str = ""
    tags: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    chapeau: str = ""
    reference: date | None = None  # anchors years the body leaves out
    timezone: tzinfo = PARIS
    is_event: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Reader:
    """Reads one post's front matter, collecting diagnostics with the line of each key."""

    def __init__(self, meta: dict, path: str, key_lines: dict[str, int]) -> None:
        self.meta, self.path, self.key_lines = meta, path, key_lines
        self.diagnostics: list[Diagnostic] = []

    def warn(self, key: str | None, message: str, severity: str = "warning") -> None:
        self.diagnostics.append(
            Diagnostic(self.path, self.key_lines.get(key or "", None), severity, message)
        )

    def champs(self) -> list[dict]:
        return mapping_list_field(self.meta.get("champs_informations"))

    def champ(self, *prefixes: str) -> str:
        for item in self.champs():
            if fold(text_field(item.get("intitule"))).startswith(prefixes):
                return text_field(item.get("contenu"))
        return ""

    def timezone(self) -> tzinfo:
        name = text_field(self.meta.get("timezone"))
        if not name:
            return PARIS
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.warn("timezone", f"unknown timezone '{name}'; using Europe/Paris")
            return PARIS

    def moment(self, key: str) -> datetime | date | None:
        value = self.meta.get(key)
        found = moment_field(value)
        if found is not None or not isinstance(value, str) or not text_field(value):
            return found
        try:
            return _isoparse(value.strip())
        except (ValueError, OverflowError):
            self.warn(key, f"{key} '{text_field(value)}' is not a date")
            return None


def _isoparse(text: str) -> datetime:
    """A date written as a string (YAML read it as text): rare, so dateutil loads only then."""
    from dateutil.parser import isoparse

    return isoparse(text)


def publication_date(meta: dict) -> date | None:
    value = moment_field(meta.get("date"))
    if isinstance(value, datetime):
        return value.date()
    if value is None and isinstance(meta.get("date"), str):
        try:
            return _isoparse(meta["date"].strip()).date()
        except (ValueError, OverflowError):
            return None
    return value


def _plausible(day: date, published: date | None) -> bool:
    if day.year < 1990:
        return False
    if published is None:
        return True
    return published - timedelta(days=2 * 365) <= day <= published + timedelta(days=3 * 365)


def _wall_time(moment: datetime | date | None) -> time | None:
    """The time as the CMS wrote it (its own offset), or None for dates and 00:00 ("unknown")."""
    if not isinstance(moment, datetime):
        return None
    wall = moment.time().replace(second=0, microsecond=0, tzinfo=None)
    return None if wall == MIDNIGHT else wall


def _day(moment: datetime | date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def read_event(meta: dict, *, path: str, title: str, key_lines: dict[str, int]) -> FrontMatterEvent:
    reader = _Reader(meta, path, key_lines)
    published = publication_date(meta)
    tz = reader.timezone()
    event = FrontMatterEvent(
        title=title,
        location=_location(meta),
        tags=_tags(meta),
        links=_champ_links(reader),
        chapeau=multiline_field(meta.get("chapeau-text")),
        reference=published,
        timezone=tz,
        is_event=any(meta.get(key) not in (None, "", "null") for key in EVENT_HINT_KEYS),
        diagnostics=reader.diagnostics,
    )
    if not event.is_event:
        return event
    event.slots = _when(reader, event, published, tz)
    if event.slots:
        event.reference = _day(event.slots[0].start)
    return event


def _when(
    reader: _Reader, event: FrontMatterEvent, published: date | None, tz: tzinfo
) -> tuple[Slot, ...]:
    key = next((k for k in START_KEYS if reader.meta.get(k) not in (None, "", "null")), None)
    start = reader.moment(key) if key else None
    end = reader.moment("event_end_date")
    if start is not None and not _plausible(_day(start), published):
        reader.warn(key, f"{key} {_day(start).isoformat()} looks like a placeholder; ignored")
        start = end = None
    if end is not None and start is not None and _day(end) < _day(start):
        reader.warn(
            "event_end_date", f"event_end_date {_day(end).isoformat()} is before the start; ignored"
        )
        end = None
    written, written_source = _written_when(
        reader, event, published if start is None else _day(start)
    )
    if start is None:
        if written is None or not written.days:
            return ()
        return slots_for(written.days, written.is_range, written.times, tz)
    # Only the "Date" item is checked against the front matter: a chapeau also names deadlines.
    if (
        written is not None
        and written_source == "Date"
        and not written.is_range
        and written.days[0] != _day(start)
    ):
        reader.warn(
            "champs_informations",
            f"the written date {written.days[0]:%d/%m/%Y} differs from {key} {_day(start):%d/%m/%Y}",
        )
    return _front_matter_slots(reader, key, start, end, written, tz)


def _written_when(
    reader: _Reader, event: FrontMatterEvent, reference: date | None
) -> tuple[french_dates.When | None, str]:
    """The human-written date and hours, and where the date was read ('Date', 'chapeau-text',
    'title', or '' when only hours were found)."""
    date_text, hours_text = reader.champ("date"), reader.champ("horaire", "heure")
    found: list[tuple[french_dates.When, str]] = []
    if reference is not None:
        for source, text in (
            ("Date", date_text),
            ("chapeau-text", event.chapeau),
            ("title", event.title),
        ):
            when = french_dates.parse_when(text, reference) if text else None
            if when is None:
                continue
            for problem in when.problems:
                reader.warn(
                    "champs_informations" if source == "Date" else source, f"{source}: {problem}"
                )
            if when.days:
                found.append((when, source))
    times, problems = french_dates.parse_times(hours_text) if hours_text else ((), ())
    for problem in problems:
        reader.warn("champs_informations", f"Horaires: {problem}")
    when, source = found[0] if found else (None, "")
    if not times and when is not None:
        # "Date: Mardi 10 janvier 2023" with the hours only in the chapeau ("le mardi 10 janvier,
        # de 14h à 17h30"): take them from a later mention of the same day.
        times = next((w.times for w, _ in found if w.times and w.days[0] == when.days[0]), ())
    if when is None:
        return (french_dates.When((), False, times, not times, (), 0, 0) if times else None), ""
    if times:
        when = french_dates.When(
            when.days, when.is_range, times, False, when.problems, when.start, when.end
        )
    return when, source


def _front_matter_slots(reader, key, start, end, written, tz) -> tuple[Slot, ...]:
    start_day = _day(start)
    end_day = _day(end) if end is not None else start_day
    fm_start, fm_end = _wall_time(start), _wall_time(end)
    times = written.times if written is not None else ()
    if times:
        rng = times[0]
        if fm_start is not None and fm_start != rng.start:
            reader.warn(
                key,
                f"{key} says {fm_start:%H:%M} but the written hours say {rng.start:%H:%M}; using the written hours",
            )
        if len(times) > 1 or end_day != start_day:
            return slots_for((start_day, end_day), end_day != start_day, times, tz)
        return slots_for((start_day,), False, (rng,), tz)
    if fm_start is None:
        return (Slot(start_day, end_day, all_day=True),)
    start_at = at(start_day, fm_start, tz)
    end_at = at(end_day, fm_end, tz) if fm_end is not None else None
    if end_at is not None and end_at <= start_at:
        afternoon = end_at + timedelta(hours=12)
        if end_day == start_day and afternoon > start_at:  # "00:30" meant 12:30: an AM/PM slip
            reader.warn(
                "event_end_date",
                f"event_end_date {fm_end:%H:%M} is before the start; read as {afternoon:%H:%M}",
            )
            end_at = afternoon
        else:
            reader.warn("event_end_date", "event_end_date is not after event_start_date; ignored")
            end_at = None
    return (Slot(start_at, end_at),)


def _location(meta: dict) -> str:
    parts = [text_field(meta.get("lieu")), text_field(meta.get("adresse"))]
    return ", ".join(part for part in parts if part)


def _tags(meta: dict) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for key in ("tags", "categories", "categorie"):
        for tag in list_field(meta.get(key)):
            seen.setdefault(tag_key(tag), tag)
    return tuple(seen.values())


def _champ_links(reader: _Reader) -> tuple[Link, ...]:
    links = []
    for item in reader.champs():
        url = normalise_url(text_field(item.get("lien")))
        if url:
            label = text_field(item.get("intitule")) or text_field(item.get("contenu")) or url
            links.append(Link(label, url))
    return tuple(links)
