"""Inline text of post bodies made plain: titles, agenda lines, tags, and body lines as read."""

from __future__ import annotations

import html
import re

from calendar_tui.model.text import normalise_spaces, one_line

TITLE_LIMIT = 80

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")
# `\*+|(?<!\w)_+|_+(?!\w)|`+`, each branch written to start with its literal ("_(?<!\w_)" is
# "(?<!\w)_"), so the engine skips to the next "*", "_" or "`" instead of trying every position.
_STARS = re.compile(r"\*\**|_(?<!\w_)_*|__*(?!\w)|``*")
_IAL = re.compile(r"\{:[^{}\n]*\}")
_SENTENCE = re.compile(r"^(.+?[.!?…])(?=\s|$)", re.DOTALL)
_LEAD = re.compile(r"^\s*(?:[*+-]\s+)?(?:#{1,6}\s*)?(?:\*{1,3}|_{1,3})?\s*")
_EMPHASIS_WRAP = re.compile(r"^(?:\*{1,3}|_{1,3})(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3})$")
_BOLD_TAG = re.compile(r"</?(?:b|strong)\b[^>]*>", re.IGNORECASE)
_LI_TAG = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def inline_plain(markdown: str) -> str:
    """One line of inline Markdown/HTML as plain text: links keep their text, no emphasis."""
    # Each pattern is only run when the literal it starts with (or needs) is present.
    text = markdown
    if "{:" in text:
        text = _IAL.sub("", text)
    if "](" in text:  # images and links both hold "]("
        text = _IMAGE.sub("", text)
        text = _MD_LINK.sub(lambda m: m.group(1), text)
    if "<" in text:
        text = TAG.sub(" ", text)
    text = html.unescape(text)
    if "*" in text or "_" in text or "`" in text:
        text = _STARS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return one_line(text)


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """`text` cut at a word boundary to about `limit` characters, with an ellipsis when cut."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:-–—") + "…"


def title_from_description(description: str) -> str:
    """A sensible title from a description's first sentence (used when a session has none)."""
    for paragraph in description.split("\n\n"):
        plain = inline_plain(paragraph)
        if plain:
            match = _SENTENCE.match(plain)
            return shorten(match.group(1) if match else plain)
    return ""


def plain_line(raw: str) -> str:
    """A body line with bold HTML as `**`, list items as `* `, `<br>` kept, other tags dropped."""
    line = raw
    if "<" in line:  # every tag pattern starts with "<"
        line = _BOLD_TAG.sub("**", line)
        line = _LI_TAG.sub("* ", line)
        line = _BR_TAG.sub("\x00", line)
        line = TAG.sub("", line).replace("\x00", "<br>")
    if "&" in line:  # html.unescape returns text without "&" as it is
        line = html.unescape(line)
    if not line.isascii():  # the spaces normalise_spaces replaces are not ASCII
        line = normalise_spaces(line)
    return line.rstrip().rstrip("\\").rstrip()


def strip_wrapping(text: str) -> str:
    """A header's content without its list marker, heading hashes and emphasis markers."""
    text = _LEAD.sub("", text, count=1).strip()
    while True:
        stripped = _EMPHASIS_WRAP.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped
