"""Occurrences as plain JSON-ready dictionaries (the `list --format json` schema)."""

from __future__ import annotations

from datetime import date, time

from calendar_tui.model.types import Occurrence


def _moment(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def occurrence_dict(occurrence: Occurrence) -> dict:
    session, post = occurrence.session, occurrence.post
    return {
        "id": occurrence.id,
        "session_id": session.id,
        "title": session.title,
        "start": _moment(occurrence.start),
        "end": _moment(occurrence.end),
        "all_day": occurrence.all_day,
        "tags": list(session.tags),
        "location": session.location or None,
        "links": [{"text": link.text, "url": link.url} for link in session.links],
        "agenda": [
            {"start": _clock(i.start), "end": _clock(i.end), "text": i.text, "track": i.track}
            for i in session.agenda
        ],
        "description": session.description,
        "source": {"path": post.path, "line": session.line},
        "post": {"title": post.title, "path": post.path},
    }
