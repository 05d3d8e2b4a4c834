"""Post bodies (kramdown + raw HTML) made into plain Markdown a Markdown widget renders well.

Raw HTML is converted to Markdown (see `html_to_markdown`); kramdown attribute lists are
removed; terminal control characters are stripped; runs of blank lines are collapsed. The result is Markdown: show it with a Markdown renderer.
"""

from __future__ import annotations

import re

from calendar_tui.model.html_to_markdown import BR, SENTINELS, SITE, Converter, resolve_br
from calendar_tui.model.text import clean_text

__all__ = ["SITE", "clean_markdown"]

# Kramdown inline/block attribute lists and extension tags: {: .encadre}, {:target="_blank"},
# {::options parse_block_html="true" /}, {::comment}...{:/comment} (the comment body is kept).
_IAL = re.compile(r"\{:[^{}\n]*\}")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
_EMAIL_AUTOLINK = re.compile(r"<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_RELATIVE_MD_LINK = re.compile(r"\]\((/[^/)\s][^)\s]*|/)\)")
_BLANK_RUN = re.compile(r"\n\n\n+")  # a literal start: much faster to find than \n{3,}
# The marker comes first so the engine can skip ahead to it; the width-3 lookbehind checks the
# character before the marker (same as a leading `(?<![*\\])`, without testing every position).
_EMPTY_EMPHASIS = re.compile(r"(\*\*|__)(?<![*\\]..)\s*\1(?![*])")
# The same for one marker only: a literal start, which the engine finds much faster.
_EMPTY_STARS = re.compile(r"\*\*(?<![*\\]..)\s*\*\*(?![*])")
_EMPTY_UNDERSCORES = re.compile(r"__(?<![*\\]..)\s*__(?![*])")
_TRAILING_BACKSLASH = re.compile(r"\\\n(?=\n|$)|\\$")


def _drop_empty_emphasis(text: str) -> str:
    """`** **` and `____` left by emptied tags are removed."""
    stars, underscores = "**" in text, "__" in text
    if stars and underscores:
        return _EMPTY_EMPHASIS.sub("", text)
    # With one marker absent, its alternative of _EMPTY_EMPHASIS can never match.
    if stars:
        return _EMPTY_STARS.sub("", text)
    if underscores:
        return _EMPTY_UNDERSCORES.sub("", text)
    return text


def _hard_breaks(text: str) -> str:
    """Markdown's two-trailing-spaces hard break made explicit (trailing spaces get stripped)."""
    lines = text.split("\n")
    if "  \n" not in text:  # no line ends with two spaces before another: no hard break
        return "\n".join([line.rstrip() for line in lines])
    out = []
    for index, line in enumerate(lines):
        stripped = line.rstrip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line.endswith("  ") and stripped and following and not stripped.endswith("\\"):
            stripped += "\\"
        out.append(stripped)
    return "\n".join(out)


def clean_markdown(text: str) -> str:
    """A post body (kramdown with raw HTML) as plain Markdown, safe to show in a terminal."""
    if not text:
        return ""
    text = _strip_sentinels(clean_text(text)).replace("\r\n", "\n").replace("\r", "\n")
    if "{:" in text:  # every attribute list starts with "{:"
        text = _IAL.sub("", text)
    if "<" in text:  # autolinks and tags all start with "<"
        text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
        text = _EMAIL_AUTOLINK.sub(lambda m: f"[{m.group(1)}](mailto:{m.group(1)})", text)
    converted = "<" in text or "&" in text
    if converted and "&" not in text:
        text, converted = _only_line_breaks(text)
    if converted:
        converter = Converter()
        try:
            converter.feed(text)
            converter.close()
        except Exception:  # html.parser is lenient; this is a last resort for pathological input
            return _fallback(text)
        text = converter.result()
    if "](/" in text:  # every relative link target starts so
        text = _RELATIVE_MD_LINK.sub(lambda m: f"]({SITE}{m.group(1)})", text)
    text = _hard_breaks(text)
    text = resolve_br(text)
    if converted:  # the parser decodes entities, and "&#xe000;" is a sentinel
        text = SENTINELS.sub("", text)
    text = _drop_empty_emphasis(text)
    # Trailing spaces go; quote lines left empty by a removed attribute list, and lines of only
    # spaces, become empty (`stripped` has no trailing space, so lstrip() is its strip()).
    lines = [
        "" if (stripped := line.rstrip()).lstrip() in ("", ">") else stripped
        for line in text.split("\n")
    ]
    lines = _dedent_stray_lines(lines)
    text = "\n".join(lines)
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    text = text.strip("\n")
    text = _TRAILING_BACKSLASH.sub(lambda m: "\n" if m.group(0).endswith("\n") else "", text)
    if converted:  # decoded entities may be control characters; nothing else adds any
        text = clean_text(text)
    return text.strip()


_SENTINEL_CHARS = tuple(chr(code) for code in range(0xE000, 0xE010))
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _strip_sentinels(text: str) -> str:
    # Sixteen `in` tests (plain substring searches, instant on text without such wide
    # characters) are much cheaper than running the regex over every character.
    if any(map(text.__contains__, _SENTINEL_CHARS)):
        return SENTINELS.sub("", text)
    return text


def _only_line_breaks(text: str) -> tuple[str, bool]:
    """(text, needs the HTML parser): text whose only markup is `<br>` needs no parser.

    Without "&" (no entity to decode) and with every "<" part of a `<br>`, `<br/>` or `<br />`,
    the parser would only turn each of those into a BR and pass the rest through as data.
    """
    replaced = _BR_TAG.sub(BR, text)
    if "<" in replaced:
        return text, True
    return replaced, False


_LIST_MARKER = re.compile(r"^\s*(?:[*+-]|\d{1,9}[.)])\s")


def _dedent_stray_lines(lines: list[str]) -> list[str]:
    """Indentation left by raw HTML would make code blocks: keep it only inside lists."""
    out: list[str] = []
    in_list = False
    for line in lines:
        if not line:
            out.append(line)
            continue
        if _LIST_MARKER.match(line):
            in_list = True
            out.append(line)
        elif line[0] in " \t" and in_list:
            out.append(line)
        else:
            in_list = False
            out.append(line.lstrip())
    return out


_ANY_TAG = re.compile(r"<[^>]*>")


def _fallback(text: str) -> str:
    text = _ANY_TAG.sub(" ", text)
    return clean_text(_BLANK_RUN.sub("\n\n", text)).strip()
