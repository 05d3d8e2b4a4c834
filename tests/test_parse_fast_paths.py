"""The parse path's fast paths (a cheap check before a pattern, a pattern reordered so the
engine can skip ahead) give exactly what the plain versions they replaced gave, on any text."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model import date_text, links
from calendar_tui.model.body_text import _BOLD_TAG, _BR_TAG, _LI_TAG, TAG, plain_line
from calendar_tui.model.text import (
    _COMBINING,
    _SPACES,
    clean_text,
    fold,
    normalise_spaces,
    one_line,
)

# Text made of what the patterns care about, so that matches are frequent.
PIECES = st.sampled_from(
    ["[", "]", "(", ")", "!", "<", ">", " ", "  ", "\t", "\n", "a", "é", '"', "/", "x", "&amp;",
     "&", "\u00a0", "\u202f", "\u2007", "\u2009", "’", "<br>", "<b>", "</li>", "](", "![", "\\",
     "\x1b[1m", "\u202e"]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=60)
# Accented letters precomposed and decomposed, marks in and out of the folded range, with
# different combining classes (U+0323 below, U+0591 Hebrew, U+1DC4), ligatures, capitals.
ACCENTS = st.sampled_from(
    ["é", "É", "e\u0301", "è", "ê", "ë", "à", "À", "ç", "Ç", "ô", "ù", "ü", "ÿ", "Ÿ", "ñ", "å",
     "ǘ", "\u0301", "\u0323", "\u0591", "\u1dc4", "\u0338", "œ", "ß", "ﬁ", "’", "İ", "a", " "]
)  # fmt: skip
FOLDABLE = st.lists(ACCENTS, max_size=30).map("".join) | st.text(max_size=60)


def one_line_before(value: str) -> str:
    return _SPACES().sub(" ", clean_text(value).replace("\n", " ")).strip()


def plain_line_before(raw: str) -> str:
    line = raw
    if "<" in line:
        line = _BOLD_TAG.sub("**", line)
        line = _LI_TAG.sub("* ", line)
        line = _BR_TAG.sub("\x00", line)
        line = TAG.sub("", line).replace("\x00", "<br>")
    line = normalise_spaces(html.unescape(line))
    return line.rstrip().rstrip("\\").rstrip()


MD_LINK_BEFORE = re.compile(
    r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)


def fold_before(value: str) -> str:
    return _COMBINING().sub("", unicodedata.normalize("NFD", value.casefold()))


@settings(max_examples=1500)
@given(FOLDABLE)
def test_fold_is_what_it_was(text):
    assert fold(text) == fold_before(text)  # stable session ids are made from it


@settings(max_examples=1500)
@given(TEXT)
def test_one_line_is_what_it_was(text):
    assert one_line(text) == one_line_before(text)


@settings(max_examples=1500)
@given(TEXT)
def test_plain_line_is_what_it_was(text):
    assert plain_line(text) == plain_line_before(text)


@settings(max_examples=1500)
@given(TEXT)
def test_the_markdown_link_pattern_finds_what_it_found(text):
    def found(pattern):
        return [(m.span(), m.groups()) for m in pattern.finditer(text)]

    assert found(links._MD_LINK) == found(MD_LINK_BEFORE)


def test_the_fast_paths_are_taken_and_still_match():
    assert one_line("  a \u00a0 b\n c\t") == "a b c"
    assert one_line("a b") == "a b"
    assert plain_line("a&nbsp;b\u202fc  ") == "a b c"
    assert [m.group(2) for m in links._MD_LINK.finditer("![i](x) [a [b] c](u) [d](v)")] == [
        "u",
        "v",
    ]


BLANKED_BEFORE = re.compile(
    r"https?://[^\s<>\"')\]]+|www\.[^\s<>\"')\]]+"
    r"|(?<=\])\([^)\n]*\)"
    r"|<[^<>\n]*>"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"
)
URLISH = st.lists(
    st.sampled_from(
        ["http://", "https://", "www.", "](", "]", "(", ")", "<", ">", "@", "a.b", ".", "x",
         "-", "+", " ", "\n", "'", '"', "é", "fr"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=1500)
@given(URLISH | TEXT)
def test_dates_blank_the_urls_tags_and_addresses_they_blanked(text):
    def blank(pattern):
        return pattern.sub(lambda m: " " * len(m[0]), text)

    chosen = date_text._BLANKED if "@" in text else date_text._BLANKED_NO_EMAIL
    assert blank(chosen) == blank(BLANKED_BEFORE)
