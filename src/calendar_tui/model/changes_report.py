"""Programme changes (model/changes.py) as text lines, JSON-ready dictionaries and an .ics file.

The .ics holds the new version of every added or changed session's occurrences, and the
occurrences that no longer exist (removed, or replaced by another day or title, which changes
their stable id) as STATUS:CANCELLED events with the same UID, so a calendar that imported the
programme before updates in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from calendar_tui.i18n import N_, _
from calendar_tui.model.changes import Change, Entry, summary
from calendar_tui.model.text import one_line, tag_key
from calendar_tui.model.types import Occurrence, Session, Slot

_SYMBOLS = {"added": "+", "removed": "-"}
_WORDS = {  # the kinds (codes, as in the JSON) in words, translated where they are shown
    "added": N_("added"),
    "removed": N_("removed"),
    "moved": N_("moved"),
    "retitled": N_("retitled"),
    "retagged": N_("re-tagged"),
    "relocated": N_("relocated"),
}


def slot_text(slot: Slot) -> str:
    if slot.all_day:
        if slot.end is not None and slot.end != slot.start:
            return f"{slot.start:%d/%m/%Y} → {slot.end:%d/%m/%Y}"
        return f"{slot.start:%d/%m/%Y}"
    end = f"–{slot.end:%H:%M}" if isinstance(slot.end, datetime) else ""
    return f"{slot.start:%d/%m/%Y %H:%M}{end}"


def when_text(session: Session) -> str:
    return ", ".join(slot_text(s) for s in session.slots) or _("(no date)")


def _tags(session: Session) -> dict[str, str]:
    return {tag_key(t): one_line(t) for t in session.tags}


def text_lines(changes: Sequence[Change]) -> list[str]:
    """One line per change, details indented under it, then the counts."""
    lines: list[str] = []
    for change in changes:
        entry = change.entry
        kinds = ", ".join(_(_WORDS[k]) for k in change.kinds)
        symbol = _SYMBOLS.get(change.kinds[0], "~")
        title = one_line(entry.session.title) or _("(untitled)")
        lines.append(
            _("{symbol} {kinds}: {when}  {title}  [{post}]").format(
                symbol=symbol,
                kinds=kinds,
                when=when_text(entry.session),
                title=title,
                post=one_line(entry.post_name),
            )
        )
        if change.old is not None and change.new is not None:
            lines.extend(
                "    " + detail
                for detail in _details(change.old.session, change.new.session, change.kinds)
            )
    counts = summary(changes)
    if not changes:
        lines.append(_("no change"))
    else:
        lines.append(", ".join(f"{n} {_(_WORDS[k])}" for k, n in counts.items() if n))
    return lines


def _details(old: Session, new: Session, kinds: tuple[str, ...]) -> list[str]:
    details = []
    if "moved" in kinds:
        details.append(_("was {when}").format(when=when_text(old)))
    if "retitled" in kinds:
        details.append(_("was titled « {title} »").format(title=one_line(old.title)))
    if "retagged" in kinds:
        before, after = _tags(old), _tags(new)
        added = [after[k] for k in after if k not in before]
        removed = [before[k] for k in before if k not in after]
        parts = [f"+{t}" for t in added] + [f"-{t}" for t in removed]
        details.append(_("tags {changes}").format(changes=" ".join(parts)))
    if "relocated" in kinds:
        place = one_line(old.location) or _("(no place)")
        details.append(_("was at « {place} »").format(place=place))
    return details


def _slot_dict(slot: Slot) -> dict:
    return {
        "start": slot.start.isoformat(),
        "end": slot.end.isoformat() if slot.end is not None else None,
        "all_day": slot.all_day,
    }


def _entry_dict(entry: Entry | None) -> dict | None:
    if entry is None:
        return None
    session = entry.session
    return {
        "session_id": session.id,
        "title": session.title,
        "slots": [_slot_dict(s) for s in session.slots],
        "tags": list(session.tags),
        "location": session.location or None,
        "post": entry.post_name,
        "line": session.line,
    }


def change_dict(change: Change) -> dict:
    return {
        "kinds": list(change.kinds),
        "title": change.entry.session.title,
        "old": _entry_dict(change.old),
        "new": _entry_dict(change.new),
    }


def occurrences(entry: Entry) -> list[Occurrence]:
    return [
        Occurrence(entry.session, entry.post, s.start, s.end, s.all_day)
        for s in entry.session.slots
    ]


def changes_ics(changes: Sequence[Change], *, stamp: datetime, name: str = "") -> bytes:
    from icalendar import Calendar

    from calendar_tui.model.ics import to_ics, uid_for

    current: list[Occurrence] = []
    gone: list[Occurrence] = []
    for change in changes:
        new = occurrences(change.new) if change.new is not None else []
        current.extend(new)
        kept = {o.id for o in new}
        if change.old is not None:
            gone.extend(o for o in occurrences(change.old) if o.id not in kept)
    calendar = Calendar.from_ical(to_ics([*current, *gone], stamp=stamp, name=name))
    cancelled = {uid_for(o) for o in gone}
    for event in calendar.walk("VEVENT"):
        if str(event.get("uid")) in cancelled:
            event.add("status", "CANCELLED")
            event.add("sequence", 1)
    return calendar.to_ical()
