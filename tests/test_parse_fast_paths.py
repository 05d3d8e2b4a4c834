"""The parse path's fast paths (a cheap check before a pattern, a pattern reordered so the
engine can skip ahead) give exactly what the plain versions they replaced gave, on any text."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date

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


def fold_for_dates_before(text: str) -> date_text.FoldedText:
    """fold_for_dates as it was: every pattern run on every text."""
    table = date_text._FOLD_TABLE
    if text.isascii():
        norm, index = text.lower().translate(date_text._PLAIN_TABLE), None
    else:
        norm, index = text.translate(table), None
        if not table.reshaping.isdisjoint(text):
            index = tuple(i for i, ch in enumerate(text) for _ in table[ord(ch)])
    norm = date_text._ENTITY.sub(lambda m: date_text._ENTITIES[m[1]].ljust(len(m[0])), norm)
    norm = date_text._BLOCK_TAG.sub(lambda m: date_text.BREAK * len(m[0]), norm)
    blanked = date_text._BLANKED if "@" in norm else date_text._BLANKED_NO_EMAIL
    norm = blanked.sub(lambda m: " " * len(m[0]), norm)
    return date_text.FoldedText(text, norm, index)


DATEISH = st.lists(
    st.sampled_from(
        ["&nbsp;", "&amp;", "&#160;", "&ndash;", "&", "<br>", "<p>", "</li>", "<b>", "<", ">",
         "http://", "https://", "HTTP://", "www.", "WWW.", "](", "]", "(", ")", "@", "a.b", "x",
         " ", "\n", "12h", "9/11", "é", "É", "\u00a0", "’", "ﬁ", "İ", "fr"]
    ),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=2000)
@given(DATEISH | TEXT | URLISH)
def test_dates_are_folded_as_they_were(text):
    assert date_text.fold_for_dates(text) == fold_for_dates_before(text)


TIMES = ["10h", "14h30 :", "9h - 11h", "de 9h à 18h", "25h", "14h-13h", "10h70", "midi", "x", ""]


def test_times_read_again_are_what_reading_them_gives_in_the_language_in_use():
    from calendar_tui.i18n import current_language, set_language
    from calendar_tui.model.french_times import _read_times, parse_times

    was = current_language()
    try:
        for language in ("fr", "en", "fr"):
            set_language(language)
            for text in TIMES * 2:  # the second time from what was kept
                times, problems = parse_times(text)
                fresh_times, fresh_problems = _read_times(text)
                assert times == fresh_times
                assert [(p, p.code) for p in problems] == [(p, p.code) for p in fresh_problems]
        set_language("en")
        assert parse_times("25h")[1] == ("'25h' is not a time",)
        set_language("fr")
        assert parse_times("25h")[1] == ("« 25h » n'est pas une heure",)
    finally:
        set_language(was)


FOLDED_DATES = st.lists(
    st.sampled_from(
        ["le ", "du ", " au ", "lundi ", "mardi, ", "1er ", "12 ", "9", "/", "-", "2021", "-03-",
         " janvier", " fev", " fevr.", " avril", " aout", " dec", " decembre", "mai", "juil",
         " de ", " a ", "14h", "14h30", "9 heures", " midi", "minuit", "apres midi", " et ",
         "toute la journee", ". ", "\n\n", "*", "_", ", ", " ", "x", "jusqu'au ", "entre "]
    ),
    max_size=25,
).map("".join)  # fmt: skip


@settings(max_examples=2000)
@given(FOLDED_DATES, st.integers(0, 30), st.integers(0, 80))
def test_a_day_is_looked_for_where_it_was(norm, start, end):
    from calendar_tui.model import french_dates

    def found(match):
        return match and (match.span(), match.groups())

    expected = french_dates._DAY.search(norm, start, end)
    assert found(french_dates._find_day(norm, start, end)) == found(expected)


@settings(max_examples=2000)
@given(FOLDED_DATES, st.integers(0, 30), st.integers(0, 80))
def test_times_are_found_where_they_were(norm, lo, hi):
    from unittest import mock

    from calendar_tui.model import french_times

    t = date_text.FoldedText(norm, norm, None)
    found = french_times.scan_times(t, lo, hi)
    with mock.patch.object(french_times, "_TIME_MARK", re.compile("")):  # a mark everywhere
        assert found == french_times.scan_times(t, lo, hi)


@settings(max_examples=2000)
@given(st.integers(1, 31), st.integers(1, 12), st.dates() | st.datetimes())
def test_the_year_inferred_is_the_one_nearest_as_before(day, month, reference):
    from calendar_tui.model.french_dates import infer_year

    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            gap = abs((date(year, month, day) - reference).days)
        except (ValueError, OverflowError, TypeError):
            continue
        if best is None or gap <= best[0]:
            best = (gap, year)
    assert infer_year(day, month, reference) == (best[1] if best else reference.year)


def test_every_month_name_is_a_mark_of_a_day():
    from calendar_tui.model import french_dates

    names = [name for name in french_dates.MONTHS if name.isascii()]
    for name in names + [f"{name}." for name in names]:
        text = f"le 12 {name} a 14h"
        expected = french_dates._DAY.search(text)
        assert expected is not None
        assert french_dates._find_day(text, 0, len(text)).span() == expected.span()


EMPHASIS = st.lists(
    st.sampled_from(["*", "**", "_", "__", "`", "a", "é", " ", "\t", "x_y", "_x", "9", "-", "\n"]),
    max_size=30,
).map("".join)  # fmt: skip


@settings(max_examples=3000)
@given(EMPHASIS | TEXT)
def test_emphasis_marks_are_dropped_as_they_were(text):
    from calendar_tui.model.body_text import _STARS

    before = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|`+")
    assert _STARS.sub("", text) == before.sub("", text)


@settings(max_examples=3000)
@given(EMPHASIS | TEXT)
def test_an_italic_title_is_read_as_it_was(text):
    from calendar_tui.model.recognisers import _ITALIC_TITLE

    before = re.compile(r"^\s*(?:\*(?!\*)(?P<a>.+?)(?<!\*)\*|_(?!_)(?P<b>.+?)(?<!_)_)\s*$")
    line = text.replace("\n", " ")  # a body line
    found, expected = _ITALIC_TITLE.match(line), before.match(line)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )
