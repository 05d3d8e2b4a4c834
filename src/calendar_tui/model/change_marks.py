"""The changes since a revision (model/changes.py) as the app marks them: each session of the
programme now is new, moved or modified; sessions removed since are only counted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

import msgspec

from calendar_tui.i18n import _
from calendar_tui.model.text import one_line

if TYPE_CHECKING:  # the comparison itself is imported only by what compares (not the app's start)
    from calendar_tui.model.changes import Change

ADDED, MOVED, MODIFIED = "added", "moved", "modified"


# Frozen msgspec Structs, not dataclasses: the same value semantics, made in a thirtieth of
# the time (a dataclass compiles its methods at import, ~1 ms each before the first frame).
class ChangesSince(msgspec.Struct, frozen=True):
    """What the app compares the programme with: a git revision, or the posts at a day's start."""

    revision: str | None = None
    since: date | None = None


class ChangeMarks(msgspec.Struct, frozen=True):
    """Session id (in the programme now) -> its change; what the revision was."""

    by_session: Mapping[str, Change] = msgspec.field(default_factory=dict)
    removed: int = 0  # sessions of the revision that are gone
    since: str = ""  # the revision's label ("436cec0 2020-11-02 message")

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self.by_session)


def marks_of(changes: Iterable[Change], since: str = "") -> ChangeMarks:
    by_session: dict[str, Change] = {}
    removed = 0
    for change in changes:
        if change.new is None:
            removed += 1
        else:
            by_session[change.new.session.id] = change
    return ChangeMarks(by_session, removed, since)


def mark(change: Change) -> str:
    """ADDED, MOVED (another day or time, whatever else changed) or MODIFIED."""
    if change.old is None:
        return ADDED
    return MOVED if "moved" in change.kinds else MODIFIED


def mark_word(change: Change) -> str:
    """The mark in a word, for the day list: nouveau / déplacé / modifié."""
    return {ADDED: _("new"), MOVED: _("moved"), MODIFIED: _("modified")}[mark(change)]


def detail_words(change: Change) -> str:
    """A sentence for the detail pane: what changed, and how it was."""
    kind = mark(change)
    if kind == ADDED or change.old is None:
        return _("New since the revision")
    what = {
        "moved": _("day or time"),
        "retitled": _("title"),
        "retagged": _("tags"),
        "relocated": _("place"),
    }
    changed = ", ".join(what[k] for k in change.kinds if k in what)
    sentence = (_("Moved") if kind == MOVED else _("Modified")) + f" ({changed})"
    from calendar_tui.model.changes_report import when_text

    old = change.old.session
    if "moved" in change.kinds:
        sentence += " · " + _("was: {when}").format(when=when_text(old))
    if "retitled" in change.kinds:
        sentence += " · " + _("was titled: {title}").format(title=one_line(old.title))
    return sentence
