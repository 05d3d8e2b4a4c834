"""A problem sentence for a post's author, in the current language, with its stable code.

The date and time readers return these where they used to return plain sentences: a `Problem`
is a `str` (the sentence), so it reads and compares as before, and carries the code the
`Diagnostic` made from it keeps for scripts (`check --format json`).
"""

from __future__ import annotations


class Problem(str):
    code: str

    def __new__(cls, code: str, text: str) -> Problem:
        made = super().__new__(cls, text)
        made.code = code
        return made

    def __reduce__(self):
        return (Problem, (self.code, str(self)))


def code_of(message: str, default: str) -> str:
    """The code a `Problem` carries, or `default` for a plain sentence."""
    return getattr(message, "code", default)
