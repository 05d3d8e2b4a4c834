"""Text folded for the French date grammar (model/french_dates.py): lower case, no accents,
one kind of space, dash and apostrophe, URLs and HTML tags blanked, into a string of the same
length (or with a position index), so spans found in the folded text are spans of the original.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# One kind of space, dash and apostrophe.
_PLAIN = {ch: " " for ch in "\u00a0\u202f\u2007\u2009\u2002\u2003\u2005\u2006\u200a\u3000\t\r\f\v"}
_PLAIN |= {ch: "-" for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"}
_PLAIN |= {ch: "'" for ch in "\u2019\u2018\u02bc\u00b4`"}
_PLAIN_TABLE = str.maketrans(_PLAIN)
BREAK = "\x00"  # marks block-level HTML tags: no phrase runs across them

_BLOCK_TAG = re.compile(
    r"</?(?:br|p|div|h[1-6]|li|ul|ol|tr|td|th|table|figure|figcaption|section|hr)\b[^<>]*>"
)
_NOT_EMAILS = (
    r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+"  # URLs
    r"|\((?<=\]\()[^)\n]*\)"  # Markdown link targets (a "(" just after a "]")
    r"|<[^<>\n]*>"  # other (inline) HTML tags
)
_BLANKED = re.compile(_NOT_EMAILS + r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")  # e-mail addresses
# Without "@" the e-mail branch never matches, and without it every branch starts with one of
# "h w ( <", which the engine skips ahead to (the e-mail branch is tried at every position).
_BLANKED_NO_EMAIL = re.compile(_NOT_EMAILS)
_ENTITIES = {"nbsp": " ", "#160": " ", "#8239": " ", "ndash": "-", "mdash": "-", "amp": "&"}
_ENTITY = re.compile(r"&(nbsp|#160|#8239|ndash|mdash|amp);")


def _fold_char(ch: str) -> str:
    if ch in _PLAIN:
        return _PLAIN[ch]
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if base.isalpha():  # é -> e, ᵉ -> e, ﬁ -> fi; keeps '½' and '²' whole
        return "".join(c for c in base.lower() if not unicodedata.combining(c)) or " "
    return "" if unicodedata.combining(ch) else ch


class FoldedText(NamedTuple):  # not a frozen dataclass: made for every date read, 5x cheaper
    raw: str
    norm: str  # folded text
    index: tuple[int, ...] | None  # norm position -> raw position (None: the same)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.index is None:
            return start, end
        if start >= end:
            pos = self.index[start] if start < len(self.index) else len(self.raw)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        raw_start, raw_end = self.span(start, end)
        return " ".join(self.raw[raw_start:raw_end].split())


class _FoldTable(dict[int, str]):
    """A `str.translate` table of `_fold_char`, filled in as characters are first seen."""

    def __init__(self) -> None:
        super().__init__()
        self.reshaping: set[str] = set()  # characters that fold to zero or several characters

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        if len(folded) != 1:
            self.reshaping.add(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_for_dates(text: str) -> FoldedText:
    if text.isascii():
        norm, index = text.lower().translate(_PLAIN_TABLE), None
    else:
        norm = text.translate(_FOLD_TABLE)
        # Every character folded to exactly one: positions are unchanged, as for ASCII.
        index = None
        if not _FOLD_TABLE.reshaping.isdisjoint(text):
            positions: list[int] = []
            for i, ch in enumerate(text):
                positions.extend([i] * len(_FOLD_TABLE[ord(ch)]))
            index = tuple(positions)
    # Each pattern runs only when the literal every match of it holds is there (most dates
    # hold no entity, tag, link or address).
    if "&" in norm:
        norm = _ENTITY.sub(lambda m: _ENTITIES[m[1]].ljust(len(m[0])), norm)
    if "<" in norm:
        norm = _BLOCK_TAG.sub(lambda m: BREAK * len(m[0]), norm)
    if "@" in norm:
        norm = _BLANKED.sub(lambda m: " " * len(m[0]), norm)
    elif "<" in norm or "](" in norm or "http" in norm or "www." in norm:
        norm = _BLANKED_NO_EMAIL.sub(lambda m: " " * len(m[0]), norm)
    return FoldedText(text, norm, index)
