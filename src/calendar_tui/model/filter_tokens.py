"""The filter language's words: a tokenizer with line and column for every token.

Bare words run to a space, a parenthesis or a double quote; `"..."`, `«...»` and `“...”` are
quoted (a backslash escapes the next character); `name:value` with a known field name is a
field (its value may be quoted: `tag:"deux mots"`); operator words and `favoris` are keywords.
"""

from __future__ import annotations

from dataclasses import dataclass

from calendar_tui.i18n import _
from calendar_tui.model.text import fold


class ExprError(ValueError):
    """A mistake in an expression, with where it is (1-based line and column)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(
            _("line {line}, column {column}: {message}").format(
                line=line, column=column, message=message
            )
        )
        self.message = message
        self.line = line
        self.column = column


AND_WORDS = frozenset({"et", "and", "&", "&&"})
OR_WORDS = frozenset({"ou", "or", "|", "||"})
EXCEPT_WORDS = frozenset({"sauf", "except"})
NOT_WORDS = frozenset({"non", "not", "!"})
FAVOURITE_WORDS = frozenset({"favoris", "favori", "favourites", "favorites", "starred"})
RESERVED = AND_WORDS | OR_WORDS | EXCEPT_WORDS | NOT_WORDS | FAVOURITE_WORDS
FIELDS = {
    "tag": "tag",
    "tags": "tag",
    "lieu": "place",
    "place": "place",
    "location": "place",
    "titre": "title",
    "title": "title",
    "date": "date",
    "jour": "date",
    "day": "date",
    "du": "from",
    "from": "from",
    "au": "to",
    "to": "to",
}
_QUOTES = {'"': '"', "«": "»", "“": "”"}
_STOPS = frozenset('()"')  # end a bare word


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "(", ")", "and", "or", "except", "not", "fav", "word", "field"
    text: str  # as written (a field: its value)
    line: int
    column: int
    quoted: bool = False
    name: str = ""  # a field's canonical name


def _read_quoted(text: str, start: int, where: tuple[int, int]) -> tuple[str, int]:
    """The string opened by the quote at `start`, and the index after its closing quote."""
    closer = _QUOTES[text[start]]
    out: list[str] = []
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            out.append(text[index + 1])
            index += 2
            continue
        if char == closer:
            return "".join(out), index + 1
        out.append(char)
        index += 1
    raise ExprError(_("unclosed quote"), *where)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    line, line_start, index = 1, 0, 0
    while index < len(text):
        char = text[index]
        where = (line, index - line_start + 1)
        if char == "\n":
            line, line_start = line + 1, index + 1
            index += 1
        elif char.isspace():
            index += 1
        elif char in "()":
            tokens.append(Token(char, char, *where))
            index += 1
        elif char in _QUOTES:
            value, index = _read_quoted(text, index, where)
            tokens.append(Token("word", value, *where, quoted=True))
        else:
            end = index
            while end < len(text) and not text[end].isspace() and text[end] not in _STOPS:
                end += 1
            word = text[index:end]
            token, index = _bare(text, word, index, end, where)
            tokens.append(token)
    return tokens


def _bare(text: str, word: str, index: int, end: int, where: tuple[int, int]) -> tuple[Token, int]:
    name, colon, value = word.partition(":")
    if colon and name.isalpha():
        field = FIELDS.get(fold(name))
        if field is None:
            known = ", ".join(sorted(set(FIELDS) - {"tags", "jour", "location"}))
            raise ExprError(
                _(
                    "unknown field « {name} » (fields: {known}; put it in quotes to search "
                    "for the word)"
                ).format(name=name, known=known),
                *where,
            )
        if not value and end < len(text) and text[end] in _QUOTES:
            value, end = _read_quoted(text, end, (where[0], where[1] + len(word)))
            return Token("field", value, *where, quoted=True, name=field), end
        if not value:
            raise ExprError(_("value expected after « {name}: »").format(name=name), *where)
        return Token("field", value, *where, name=field), end
    folded = fold(word)
    for kind, words in (
        ("and", AND_WORDS),
        ("or", OR_WORDS),
        ("except", EXCEPT_WORDS),
        ("not", NOT_WORDS),
        ("fav", FAVOURITE_WORDS),
    ):
        if folded in words:
            return Token(kind, word, *where), end
    return Token("word", word, *where), end
