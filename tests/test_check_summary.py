"""`check`'s summary line and the favourites' warning say one thing or several in real words
(no "error(s)"), in both languages; French treats 0 and 1 as singular."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from calendar_tui.check_watch import summary
from calendar_tui.i18n import set_language
from calendar_tui.model.types import Diagnostic, Post, Session, Slot


def _result(posts: int, errors: int, warnings: int):
    session = Session("s", "Atelier", (Slot(date(2020, 11, 9), None, True),))
    diagnostics = [Diagnostic("p.md", 1, "error", "x", "x")] * errors
    diagnostics += [Diagnostic("p.md", 1, "warning", "x", "x")] * warnings
    return SimpleNamespace(
        posts=[Post(f"p{n}.md", "P", event=session) for n in range(posts)],
        diagnostics=diagnostics,
    )


@pytest.mark.parametrize(
    ("counts", "english", "french"),
    [
        (
            (1, 1, 0),
            "1 post, 1 session: 1 error, 0 warnings",
            "1 post, 1 session : 1 erreur, 0 avertissement",
        ),
        (
            (2, 0, 2),
            "2 posts, 2 sessions: 0 errors, 2 warnings",
            "2 posts, 2 sessions : 0 erreur, 2 avertissements",
        ),
    ],
)
def test_the_summary_says_singular_and_plural(counts, english, french):
    try:
        set_language("en")
        assert summary(_result(*counts)) == english
        set_language("fr")
        assert summary(_result(*counts)) == french
    finally:
        set_language("fr")
