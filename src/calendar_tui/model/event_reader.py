"""Reading one post's front-matter fields for the event reader (model/event.py), each problem a
diagnostic at the line of its key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from calendar_tui.i18n import _
from calendar_tui.model.champs import Champ, champ_text, read_champs
from calendar_tui.model.fields import moment_field, text_field
from calendar_tui.model.front_matter import ImpossibleDate
from calendar_tui.model.types import Diagnostic

PARIS = ZoneInfo("Europe/Paris")


class Reader:
    """Reads one post's front matter, collecting diagnostics with the line of each key."""

    def __init__(self, meta: dict, path: str, key_lines: dict[str, int], body: Body) -> None:
        self.meta, self.path, self.key_lines, self.body = meta, path, key_lines, body
        self.diagnostics: list[Diagnostic] = []
        self.champs: list[Champ] = read_champs(meta.get("champs_informations"))
        self.left_out = ""
        self.sound_time = False  # the front matter gives a start time (not 00:00)

    def warn(
        self,
        key: str | None,
        code: str,
        message: str,
        severity: str = "warning",
        line: int | None = None,
    ) -> None:
        where = line if line is not None else self.key_lines.get(key or "", None)
        self.diagnostics.append(Diagnostic(self.path, where, severity, message, code))  # type: ignore[arg-type]

    def champ(self, *prefixes: str) -> str:
        return champ_text(self.champs, *prefixes)

    def timezone(self) -> tzinfo:
        name = text_field(self.meta.get("timezone"))
        if not name:
            return PARIS
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.warn(
                "timezone",
                "timezone.unknown",
                _("unknown timezone '{name}'; using Europe/Paris").format(name=name),
            )
            return PARIS

    def moment(self, key: str) -> datetime | date | None:
        value = self.meta.get(key)
        found = moment_field(value)
        if found is not None or not isinstance(value, str) or not text_field(value):
            return found
        if isinstance(value, ImpossibleDate):
            self.warn(
                key,
                "date.impossible",
                _("{key} '{value}' is not a date (no such day)").format(
                    key=key, value=text_field(value)
                ),
                "error",
            )
            self.left_out = _("{key} is not a date").format(key=key)
            return None
        try:
            return isoparse(value.strip())
        except (ValueError, OverflowError, TypeError, AttributeError):
            self.warn(
                key,
                "date.unreadable",
                _("{key} '{value}' is not a date").format(key=key, value=text_field(value)),
            )
            self.left_out = _("{key} is not a date").format(key=key)
            return None


@dataclass(frozen=True, slots=True)
class Body:
    """The post's body text, where a date or an end time may be written when the front
    matter lacks them."""

    text: str = ""
    first_line: int = 1

    def line(self, offset: int) -> int:
        return self.first_line + self.text.count("\n", 0, offset)


def isoparse(text: str) -> datetime:
    """A date written as a string (YAML read it as text): rare, so dateutil loads only then."""
    from dateutil.parser import isoparse

    return isoparse(text)
