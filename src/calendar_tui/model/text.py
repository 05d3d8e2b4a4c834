"""Text helpers: accent-insensitive folding, tag keys, and making post text safe to show."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from calendar_tui.i18n import _
from calendar_tui.model.lazy_pattern import lazy_pattern

# C0/C1 controls (minus tab and newline), DEL, bidi embeddings/overrides/isolates,
# zero-width characters that could reorder or hide what the user reads, and lone surrogates
# (bytes that were not UTF-8, which no UTF-8 output can carry).
_UNSAFE = lazy_pattern(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff]"
)
# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other ESC x.
_ESCAPES = lazy_pattern(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
_SPACES = lazy_pattern(r"[ \t\u00a0\u202f\u2007\u2009]+")
_ODD_SPACE = lazy_pattern("[\u00a0\u202f\u2007\u2009]")  # the spaces of _SPACES that are not " \t"


def clean_text(value: str) -> str:
    """Post text made inert for a terminal: no escape sequences, control or bidi characters."""
    if not value:
        return ""
    if value.isprintable():  # every character _ESCAPES or _UNSAFE could match is unprintable
        return value
    if _UNSAFE().search(value) is None:  # text with line breaks: one scan in C, nothing to remove
        return value
    value = _ESCAPES().sub("", value)
    return _UNSAFE().sub("", value)


def visible(value: str) -> str:
    """A file name for people: every invisible character written as an escape (`\\x1b`), as
    `ls` does, and bytes that are not UTF-8 as `\\xff`; printable names are returned as they are.
    """
    if value.isprintable():
        return value
    return "".join(char if char.isprintable() else _escape(char) for char in value)


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(value: str) -> str:
    """Clean text collapsed to a single line with single spaces."""
    text = clean_text(value)
    if "\n" in text:
        text = text.replace("\n", " ")
    # Most text has only single plain spaces, which _SPACES would replace by themselves: the
    # pattern runs only when a run of spaces, a tab or one of its other spaces is there.
    if "  " in text or "\t" in text or (not text.isascii() and _ODD_SPACE().search(text)):
        text = _SPACES().sub(" ", text)
    return text.strip()


def title_line(value: str) -> str:
    """A title as the views show it: one clean line, never empty ("(sans titre)" in French:
    made when the post is read, after the language is chosen; the cache is kept per language)."""
    return one_line(value) or _("(untitled)")


def upper_first(value: str) -> str:
    """`value` with its first letter upper case and the rest kept ("jeudi 26 novembre" ->
    "Jeudi 26 novembre", "Thursday 26 November" unchanged; `str.capitalize` would lower
    "November")."""
    return value[:1].upper() + value[1:]


def normalise_spaces(value: str) -> str:
    """Non-breaking and thin spaces become plain spaces (the date grammar relies on it)."""
    return value.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


_COMBINING = lazy_pattern("[\u0300-\u036f]+")
# French accented letters and the letter each folds to (NFD, combining marks dropped). Replaced
# before NFD, they leave most text ASCII or already NFD: the same result (canonical ordering is
# a stable sort of the marks, so dropping some marks first leaves the others in their order),
# without decomposing and rebuilding the whole text.
_ACCENTED = tuple(
    (letter, unicodedata.normalize("NFD", letter)[0])  # the letter, then one combining mark
    for letter in "éèêëàâäçîïôöùûüÿ"
)


def fold(value: str) -> str:
    """Lower-case, accent-free form used for search and comparisons ("Données" -> "donnees").

    NFD then dropping combining marks (both in C: the store folds every description at load
    time), the common French letters first replaced by theirs.
    """
    folded = value.casefold()
    if folded.isascii():
        return folded
    for letter, plain in _ACCENTED:
        if letter in folded:
            folded = folded.replace(letter, plain)
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFD", folded)  # the input itself when already NFD
    # U+0300-U+036F are CC/CD then a byte in UTF-8: found by memchr, where the pattern's search
    # looks at every character (and mostly finds none once the letters above are replaced).
    encoded = folded.encode("utf-8", "surrogatepass")
    if b"\xcc" in encoded or b"\xcd" in encoded:
        return _COMBINING().sub("", folded)
    return folded


# What a keyboard types for the typography of posts ("l’IA" is found by "l'ia", "cœur" by
# "coeur"). Kept out of `fold`, which stable session ids are made from.
_TYPED_FORMS = (
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("«", '"'),
    ("»", '"'),
    ("“", '"'),
    ("”", '"'),
    ("–", "-"),
    ("—", "-"),
    ("…", "..."),
    ("œ", "oe"),
    ("æ", "ae"),
    ("\u00a0", " "),
    ("\u202f", " "),
)


def search_fold(value: str) -> str:
    """`fold`, with typographic punctuation and ligatures as typed: what text search compares."""
    folded = fold(value)
    if folded.isascii():
        return folded
    # str.replace scans in C; a translate table would look up every character of a description.
    for typographic, typed in _TYPED_FORMS:
        if typographic in folded:
            folded = folded.replace(typographic, typed)
    return folded


@lru_cache(maxsize=4096)
def tag_key(tag: str) -> str:
    """Tags compare case-, accent- and space-insensitively: ' Open  Source' == 'open source'."""
    return " ".join(fold(tag).split())
