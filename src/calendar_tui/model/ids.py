"""Stable identifiers: derived from the post's path and the session itself, never a position."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import PurePath

from calendar_tui.model.text import fold, tag_key

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str, limit: int = 60) -> str:
    return _NOT_SLUG.sub("-", fold(value)).strip("-")[:limit].strip("-") or "x"


def post_key(path: str) -> str:
    """A post's key: its file name without extension (Jekyll collections keep names unique)."""
    return slug(PurePath(path).stem, limit=120)


def session_id(post: str, title: str, first_day: date | None) -> str:
    """`<post key>/<8 hex>` from the session's normalised title and first day.

    Editing another session, reordering the programme or fixing a typo elsewhere in the post
    leaves the id unchanged; changing this session's own title or first day changes it.
    """
    basis = f"{tag_key(title)}|{first_day.isoformat() if first_day else ''}"
    return f"{post}/{hashlib.sha1(basis.encode()).hexdigest()[:8]}"


def unique_ids(ids: list[str]) -> list[str]:
    """Same-titled sessions on the same day (rare) get `-2`, `-3`... in reading order."""
    seen: dict[str, int] = {}
    result = []
    for ident in ids:
        seen[ident] = seen.get(ident, 0) + 1
        result.append(ident if seen[ident] == 1 else f"{ident}-{seen[ident]}")
    return result
