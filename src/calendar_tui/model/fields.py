"""Typed reads of front-matter values, which real posts fill with anything at all."""

from __future__ import annotations

from datetime import date, datetime

from calendar_tui.model.text import one_line

_NULLS = {"", "null", "none", "~", "nil"}


def text_field(value: object) -> str:
    """A scalar as one clean line; '' for nulls, the string 'null', lists and mappings."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (str, int, float, date)):
        text = one_line(str(value))
        return "" if text.casefold() in _NULLS else text
    return ""


def multiline_field(value: object) -> str:
    """A scalar kept with its line breaks (chapeau texts are Markdown)."""
    if isinstance(value, str):
        return "" if value.strip().casefold() in _NULLS else value.strip()
    return text_field(value)


def list_field(value: object, limit: int = 200) -> list[str]:
    """A list of scalars, or one scalar, as clean strings (bounded: alias bombs stay small)."""
    if isinstance(value, (list, tuple)):
        items = [text_field(item) for item in value[:limit]]
    else:
        items = [text_field(value)]
    return [item for item in items if item]


def mapping_list_field(value: object, limit: int = 200) -> list[dict]:
    if not isinstance(value, (list, tuple)):
        return []
    return [item for item in value[:limit] if isinstance(item, dict)]


def moment_field(value: object) -> datetime | date | None:
    """A YAML timestamp or date as given; strings are left to the date grammar (None here)."""
    if isinstance(value, (datetime, date)):
        return value
    return None


def is_false(value: object) -> bool:
    if isinstance(value, bool):
        return not value
    return isinstance(value, str) and value.strip().casefold() in {"false", "no", "non", "0"}
