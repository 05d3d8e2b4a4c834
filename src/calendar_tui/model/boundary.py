"""Cleaning what a post file brings in, once, where it enters (see parsing.py).

Front-matter keys and values and the body lose terminal escape sequences and control, bidi
and zero-width characters (line breaks and tabs stay); every diagnostic message becomes one
clean line. Paths are made visible earlier, by the loader (`text.visible`). Nothing after this
point has to remember to clean what it shows, prints, copies or exports.
"""

from __future__ import annotations

from dataclasses import replace

from calendar_tui.model.text import clean_text, one_line
from calendar_tui.model.types import Diagnostic, Post


def clean_value(value: object, _done: dict[int, object] | None = None) -> object:
    """Strings cleaned through lists and mappings (keys too); other scalars as they are.

    A list or mapping reached again through a YAML alias is cleaned once and stays shared (a
    "billion laughs" document is a few nodes, not a billion). Raises RecursionError for a
    structure nested beyond Python's limit."""
    if isinstance(value, str):
        return clean_text(value)
    if not isinstance(value, (dict, list)):
        return value
    done = {} if _done is None else _done
    known = done.get(id(value))
    if known is not None:
        return known
    if isinstance(value, dict):
        cleaned: object = {clean_value(k, done): clean_value(v, done) for k, v in value.items()}
    else:
        cleaned = [clean_value(item, done) for item in value]
    done[id(value)] = cleaned  # `value` lives in the document, so its id is not reused meanwhile
    return cleaned


def clean_diagnostics(diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> tuple:
    return tuple(
        d
        if d.message.isprintable() and d.path.isprintable()
        else replace(d, path=one_line(d.path), message=one_line(d.message))
        for d in diagnostics
    )


def with_clean_diagnostics(post: Post) -> Post:
    cleaned = clean_diagnostics(post.diagnostics)
    return post if cleaned == post.diagnostics else replace(post, diagnostics=cleaned)
