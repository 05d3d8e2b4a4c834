"""Hints for command-line mistakes: a first argument that is no command nor path, unknown tags."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from calendar_tui.i18n import _


def nearest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The choices closest to `word`: those containing it first (a partial name), then the
    ones difflib finds similar."""
    from calendar_tui.model.text import tag_key  # case, accents and spaces aside

    choices = list(dict.fromkeys(choices))
    low = tag_key(word)
    within = [c for c in choices if low and low in tag_key(c)]
    by_fold = {tag_key(c): c for c in choices}
    similar = difflib.get_close_matches(low, list(by_fold), n=limit, cutoff=0.5)
    found = within + [by_fold[s] for s in similar if by_fold[s] not in within]
    return found[:limit]


def bad_first_argument(first: str, commands: Sequence[str]) -> str | None:
    """Why `first` (not a command nor an option) cannot open the app: it names no file or
    folder. None when it is a path."""
    if Path(first).exists():
        return None
    message = _("'{word}' is neither a command nor an existing file or folder").format(word=first)
    close = difflib.get_close_matches(first.casefold(), commands, n=1, cutoff=0.5)
    if close:
        message += "; " + _("did you mean '{command}'?").format(command=close[0])
    return message


def unknown_tags(asked: Iterable[str], labels: dict[str, str]) -> list[str]:
    """A sentence for each tag in `asked` that no session has, with the nearest known tags.
    `labels` maps tag keys (model.text.tag_key) to the tags as written."""
    from calendar_tui.model.text import tag_key

    lines = []
    for tag in dict.fromkeys(asked):
        if tag_key(tag) in labels:
            continue
        close = nearest(tag, labels.values())
        line = _("unknown tag '{tag}'").format(tag=tag)
        if close:
            line += "; " + _("nearest: {tags}").format(tags=", ".join(close))
        lines.append(line)
    return lines
