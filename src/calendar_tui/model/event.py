"""The event a post describes in its front matter: when, where, tags and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from calendar_tui.i18n import _
from calendar_tui.model import french_dates
from calendar_tui.model.champs import dated_items, hours_text
from calendar_tui.model.event_reader import PARIS, Body
from calendar_tui.model.event_reader import Reader as _Reader
from calendar_tui.model.event_reader import isoparse as _isoparse
from calendar_tui.model.fields import list_field, moment_field, multiline_field, text_field
from calendar_tui.model.links import normalise_url
from calendar_tui.model.post_kind import in_event_collection, says_news
from calendar_tui.model.problem import code_of
from calendar_tui.model.prose_date import end_in_text, find_event_date, opening_times
from calendar_tui.model.slots import at, slots_for
from calendar_tui.model.text import tag_key
from calendar_tui.model.types import Diagnostic, Link, Slot

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
    left_out: str = ""  # why the post gives no date, when it gives none
    diagnostics: list[Diagnostic] = field(default_factory=list)


def publication_date(meta: dict) -> date | None:
    value = moment_field(meta.get("date"))
    if isinstance(value, datetime):
        return value.date()
    if value is None and isinstance(meta.get("date"), str):
        try:
            return _isoparse(meta["date"].strip()).date()
        except (ValueError, OverflowError, TypeError, AttributeError):
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


def read_event(
    meta: dict,
    *,
    path: str,
    title: str,
    key_lines: dict[str, int],
    body: str = "",
    body_line: int = 1,
) -> FrontMatterEvent:
    """The event of the front matter. A post of an events collection without any event field
    is an event too: its date is looked for in the chapeau and the body (with a warning)."""
    reader = _Reader(meta, path, key_lines, Body(body, body_line))
    published = publication_date(meta)
    tz = reader.timezone()
    has_fields = any(meta.get(key) not in (None, "", "null") for key in EVENT_HINT_KEYS)
    event = FrontMatterEvent(
        title=title,
        location=_location(meta),
        tags=_tags(meta),
        links=_champ_links(reader),
        chapeau=multiline_field(meta.get("chapeau-text")),
        reference=published,
        timezone=tz,
        is_event=has_fields or (in_event_collection(path) and not says_news(meta)),
        diagnostics=reader.diagnostics,
    )
    if not event.is_event:
        return event
    event.slots = _when(reader, event, published, tz)
    if event.slots:
        event.reference = _day(event.slots[0].start)
    else:
        event.left_out = reader.left_out
    return event


def _when(
    reader: _Reader, event: FrontMatterEvent, published: date | None, tz: tzinfo
) -> tuple[Slot, ...]:
    key = next((k for k in START_KEYS if reader.meta.get(k) not in (None, "", "null")), None)
    start = reader.moment(key) if key else None
    end = reader.moment("event_end_date")
    if start is None and key is None and end is not None:
        # Only the end is given: the event is on that day, with the hours written elsewhere.
        key, start, end = "event_end_date", _day(end), None
        reader.warn(
            key,
            "date.end_only",
            _("only event_end_date is set; the event is read as on {day}").format(
                day=f"{start:%d/%m/%Y}"
            ),
        )
    if start is not None and not _plausible(_day(start), published):
        day = _day(start).isoformat()
        reader.warn(
            key,
            "date.placeholder",
            _("{key} {day} looks like a placeholder; ignored").format(key=key, day=day),
        )
        reader.left_out = _("its event date ({key} {day}) is a placeholder").format(
            key=key, day=day
        )
        start = end = None
    if end is not None and start is not None and _day(end) < _day(start):
        reader.warn(
            "event_end_date",
            "date.end_before_start",
            _("event_end_date {day} is before the start; ignored").format(
                day=_day(end).isoformat()
            ),
        )
        end = None
    reader.sound_time = _wall_time(start) is not None
    written, written_source = _written_when(
        reader, event, published, None if start is None else _day(start)
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
            "date.written_differs",
            _("the written date {written} differs from {key} {day}").format(
                written=f"{written.days[0]:%d/%m/%Y}", key=key, day=f"{_day(start):%d/%m/%Y}"
            ),
        )
    return _front_matter_slots(reader, key, start, end, written, tz)


_Found = tuple[french_dates.When, str, str, int | None]  # when, source, quote, body line


def _written_when(
    reader: _Reader, event: FrontMatterEvent, published: date | None, start: date | None
) -> tuple[french_dates.When | None, str]:
    """The human-written date and hours, and where the date was read ('Date', 'chapeau-text',
    'title', 'text', or '' when only hours were found). Without a front-matter date, the one
    found is reported with where it comes from."""
    found = _written_days(reader, event, published, start)
    times = _written_hours(reader, sound_time=start is not None and reader.sound_time)
    when, source = (found[0][0], found[0][1]) if found else (None, "")
    if when is not None and start is None:
        _say_where(reader, found[0])
    if not times and when is not None:
        # "Date: Mardi 10 janvier 2023" with the hours only in the chapeau ("le mardi 10 janvier,
        # de 14h à 17h30"): take them from a later mention of the same day.
        times = next((w.times for w, *_ in found if w.times and w.days[0] == when.days[0]), ())
    if not times and when is not None and start is None:
        times = opening_times(reader.body.text)  # "Ouverture du webinaire le 12 mars à 9h45"
    if when is None:
        return (french_dates.When((), False, times, not times, (), 0, 0) if times else None), ""
    if times:
        when = french_dates.When(
            when.days, when.is_range, times, False, when.problems, when.start, when.end
        )
    return when, source


def _written_days(
    reader: _Reader, event: FrontMatterEvent, published: date | None, start: date | None
) -> list[_Found]:
    """Days written in the "Date" item, the chapeau and the title, in that order; the body's
    first event date when none of them and no front-matter date gives one."""
    reference = published if start is None else start
    if reference is None:
        return []
    found: list[_Found] = []
    for source, text in (
        ("Date", reader.champ("date")),
        ("chapeau-text", event.chapeau),
        ("title", event.title),
    ):
        if source == "chapeau-text":
            prose = find_event_date(text, reference)
            if prose is not None:
                found.append((prose.when, source, prose.quote, None))
            continue
        when = french_dates.parse_when(text, reference) if text else None
        if when is None:
            continue
        for problem in when.problems:
            reader.warn(
                "champs_informations" if source == "Date" else source,
                code_of(problem, "date.problem"),
                f"{source}: {problem}",
            )
        if when.days:
            found.append((when, source, " ".join(text[when.start : when.end].split()), None))
    if not found and start is None:
        prose = find_event_date(reader.body.text, reference)
        if prose is not None:
            found.append((prose.when, "text", prose.quote, reader.body.line(prose.offset)))
    return found


def _written_hours(reader: _Reader, *, sound_time: bool) -> tuple[french_dates.TimeRange, ...]:
    """The "Horaires" item read as hours. Hours that cannot be read never replace a sound
    front-matter time, and 00:00 (the CMS's "no time") is no hour."""
    hours = hours_text(reader.champs)
    if not hours:
        return ()
    times, problems = french_dates.parse_times(hours)
    times = tuple(rng for rng in times if rng.start != MIDNIGHT)
    for problem in problems:
        reader.warn("champs_informations", code_of(problem, "time.problem"), f"Horaires: {problem}")
    if not times:
        reader.warn(
            "champs_informations",
            "time.none",
            _("Horaires: '{hours}' gives no hour; not used").format(hours=hours),
        )
    elif problems and sound_time:
        reader.warn(
            "champs_informations",
            "time.not_used",
            _("Horaires: not used; the front matter's time is kept"),
        )
        return ()
    return times


def _say_where(reader: _Reader, found: tuple[french_dates.When, str, str, int | None]) -> None:
    when, source, quote, line = found
    days = f"{when.days[0]:%d/%m/%Y}"
    if len(when.days) > 1:
        days += f"–{when.days[-1]:%d/%m/%Y}"
    where = {"Date": _("the 'Date' information"), "text": _("the text")}.get(source, source)
    key = "champs_informations" if source == "Date" else source
    reader.warn(
        key,
        "date.from_text",
        _(
            "no event date in the front matter; {days} is read from {where} ('{quote}'); "
            "give it as event_start_date"
        ).format(days=days, where=where, quote=quote),
        line=line,
    )


def _front_matter_slots(reader, key, start, end, written, tz) -> tuple[Slot, ...]:
    start_day = _day(start)
    end_day = _day(end) if end is not None else start_day
    fm_start, fm_end = _wall_time(start), _wall_time(end)
    times = written.times if written is not None else ()
    if end_day > start_day and (parts := dated_items(reader.champs, start_day, end_day, tz)):
        return parts
    if times:
        rng = times[0]
        if fm_start is not None and fm_start != rng.start:
            reader.warn(
                key,
                "time.written_differs",
                _(
                    "{key} says {front} but the written hours say {written}; "
                    "using the written hours"
                ).format(key=key, front=f"{fm_start:%H:%M}", written=f"{rng.start:%H:%M}"),
            )
        if len(times) > 1 or end_day != start_day:
            return slots_for((start_day, end_day), end_day != start_day, times, tz)
        if rng.end is None and fm_start == rng.start and fm_end is not None:
            rng = french_dates.TimeRange(rng.start, fm_end)
        return slots_for((start_day,), False, (rng,), tz)
    if fm_start is None:
        return (Slot(start_day, end_day, all_day=True),)
    if fm_end is None and end_day == start_day:
        fm_end = end_in_text(reader.body.text, fm_start)  # "de 14h à 16h30" in the body
    start_at = at(start_day, fm_start, tz)
    end_at = at(end_day, fm_end, tz) if fm_end is not None else None
    if end_at is not None and end_at <= start_at:
        afternoon = end_at + timedelta(hours=12)
        if end_day == start_day and afternoon > start_at:  # "00:30" meant 12:30: an AM/PM slip
            reader.warn(
                "event_end_date",
                "time.am_pm",
                _("event_end_date {end} is before the start; read as {read}").format(
                    end=f"{fm_end:%H:%M}", read=f"{afternoon:%H:%M}"
                ),
            )
            end_at = afternoon
        else:
            reader.warn(
                "event_end_date",
                "time.end_before_start",
                _("event_end_date is not after event_start_date; ignored"),
            )
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
    for champ in reader.champs:
        url = normalise_url(champ.link)
        if url:
            links.append(Link(champ.label or champ.content or url, url))
    return tuple(links)
