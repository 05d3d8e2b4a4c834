"""Post bodies (kramdown + raw HTML) made into plain Markdown a Markdown widget renders well.

Raw HTML is converted with `html.parser` (tags become their Markdown form, everything else
is unwrapped, `<style>`/`<script>` content and comments are dropped, entities decoded);
kramdown attribute lists are removed; terminal control characters are stripped; runs of
blank lines are collapsed. The result is Markdown: show it with a Markdown renderer.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from calendar_tui.model.text import clean_text, one_line

SITE = "https://www.numerique.gouv.fr"

# Private-use characters never found in posts: the input is stripped of them first.
_BR = "\ue000"
_SENTINELS = re.compile("[\ue000-\ue00f]")

# Kramdown inline/block attribute lists and extension tags: {: .encadre}, {:target="_blank"},
# {::options parse_block_html="true" /}, {::comment}...{:/comment} (the comment body is kept).
_IAL = re.compile(r"\{:[^{}\n]*\}")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
_EMAIL_AUTOLINK = re.compile(r"<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>")
_RELATIVE_MD_LINK = re.compile(r"\]\((/[^/)\s][^)\s]*|/)\)")
_BR_RUN = re.compile(rf"(?:[ \t]*\n?[ \t]*{_BR})+[ \t]*(?:\n[ \t]*)?")
_BLANK_RUN = re.compile(r"\n\n\n+")  # a literal start: much faster to find than \n{3,}
# The marker comes first so the engine can skip ahead to it; the width-3 lookbehind checks the
# character before the marker (same as a leading `(?<![*\\])`, without testing every position).
_EMPTY_EMPHASIS = re.compile(r"(\*\*|__)(?<![*\\]..)\s*\1(?![*])")
# The same for one marker only: a literal start, which the engine finds much faster.
_EMPTY_STARS = re.compile(r"\*\*(?<![*\\]..)\s*\*\*(?![*])")
_EMPTY_UNDERSCORES = re.compile(r"__(?<![*\\]..)\s*__(?![*])")
_TRAILING_BACKSLASH = re.compile(r"\\\n(?=\n|$)|\\$")

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "nav",
        "header",
        "footer",
        "aside",
        "main",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "blockquote",
        "center",
        "form",
        "fieldset",
        "address",
        "details",
        "summary",
        "dl",
        "dt",
        "dd",
        "pre",
    }
)
_LISTS = frozenset({"ul", "ol", "menu"})
_SKIPPED = frozenset({"style", "script", "noscript", "template", "iframe", "object", "svg"})
_VOID = frozenset(
    {"br", "img", "hr", "input", "meta", "link", "source", "area", "col", "wbr", "embed"}
)


class _Frame:
    """An element whose content is wrapped when it closes (link, heading, emphasis, list item)."""

    __slots__ = ("tag", "parts", "href", "number")

    def __init__(self, tag: str, href: str = "", number: int = 0) -> None:
        self.tag = tag
        self.parts: list[str] = []
        self.href = href
        self.number = number


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Frame] = [_Frame("#root")]
        self.skip_depth = 0
        self.list_counters: list[int] = []

    # -- output ----------------------------------------------------------------------------
    def emit(self, text: str) -> None:
        self.stack[-1].parts.append(text)

    def open_tags(self) -> list[str]:
        return [frame.tag for frame in self.stack]

    # -- parser callbacks --------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "br":
            self.emit(_BR)
        elif tag == "hr":
            self.emit("\n\n---\n\n")
        elif tag == "a":
            href = next((value or "" for name, value in attrs if name == "href"), "")
            self.stack.append(_Frame("a", href=href.strip()))
        elif tag in _HEADINGS or tag in {"b", "strong", "i", "em"}:
            self.stack.append(_Frame(tag))
        elif tag == "li":
            if self.stack[-1].tag == "li":  # an unclosed <li> ends at the next one
                self.close_frame("li")
            number = 0
            if self.list_counters and self.list_counters[-1] >= 0:
                self.list_counters[-1] += 1
                number = self.list_counters[-1]
            self.stack.append(_Frame("li", number=number))
        elif tag in _LISTS:
            self.list_counters.append(0 if tag == "ol" else -1)  # -1: bullets, not numbers
            self.emit("\n\n")
        elif tag in _BLOCKS:
            self.emit("\n\n")
        elif tag in {"tr"}:
            self.emit("\n")
        elif tag in {"td", "th"}:
            self.emit(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _SKIPPED:
            if not self.skip_depth and tag in {"br", "hr"}:
                self.handle_starttag(tag, attrs)
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            if tag not in _VOID and self.skip_depth:
                self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if tag == "a" or tag in _HEADINGS or tag in {"b", "strong", "i", "em", "li"}:
            self.close_frame(tag)
        elif tag in _LISTS:
            if self.stack[-1].tag == "li":
                self.close_frame("li")
            if self.list_counters:
                self.list_counters.pop()
            self.emit("\n\n")
        elif tag in _BLOCKS:
            self.emit("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.emit(data)

    def handle_comment(self, data: str) -> None:
        return

    def handle_decl(self, decl: str) -> None:
        return

    def handle_pi(self, data: str) -> None:
        return

    def unknown_decl(self, data: str) -> None:
        return

    # -- wrapping ----------------------------------------------------------------------------
    def close_frame(self, tag: str) -> None:
        """Close the innermost open `tag`, closing anything opened inside it first."""
        if tag not in self.open_tags()[1:]:
            return
        while True:
            frame = self.stack.pop()
            self.emit(_wrap(frame))
            if frame.tag == tag:
                return

    def result(self) -> str:
        self.close_all()
        return "".join(self.stack[0].parts)

    def close_all(self) -> None:
        while len(self.stack) > 1:
            frame = self.stack.pop()
            self.emit(_wrap(frame))


def _wrap(frame: _Frame) -> str:
    content = "".join(frame.parts)
    tag = frame.tag
    if tag == "a":
        return _link(content, frame.href)
    if tag in _HEADINGS:
        text = one_line(content.replace(_BR, " "))
        return f"\n\n{'#' * _HEADINGS[tag]} {text}\n\n" if text else "\n\n"
    if tag in {"b", "strong", "i", "em"}:
        marker = "**" if tag in {"b", "strong"} else "*"
        return _emphasis(content, marker)
    if tag == "li":
        return _list_item(content, frame.number)
    return content


def _emphasis(content: str, marker: str) -> str:
    stripped = content.strip()
    if not stripped or _BR in stripped or "\n\n" in stripped:
        return content
    if stripped.startswith(marker) and stripped.endswith(marker):
        return content  # already emphasised in Markdown
    lead = content[: len(content) - len(content.lstrip())]
    trail = content[len(content.rstrip()) :]
    return f"{lead}{marker}{stripped}{marker}{trail}"


def _escape_link_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _link(content: str, href: str) -> str:
    url = href.strip()
    text = content.strip()
    if not url or url.startswith("#") or url.lower().startswith("javascript:"):
        return content
    if url.startswith("/") and not url.startswith("//"):
        url = SITE + url
    url = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    if not text:
        return ""
    if "\n\n" in text or _BR in text:
        text = one_line(text.replace(_BR, " "))
    return f"[{_escape_link_text(text)}]({url})"


def _list_item(content: str, number: int) -> str:
    lines = _resolve_br(content).strip("\n \t").split("\n")
    if not lines or not "".join(lines).strip():
        return ""
    marker = f"{number}. " if number > 0 else "* "
    indent = " " * len(marker)
    out = [marker + lines[0].strip()]
    out.extend(indent + line if line.strip() else "" for line in lines[1:])
    return "\n" + "\n".join(out)


def _replace_br(match: re.Match[str]) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else "\n"
    after = text[match.end()] if match.end() < len(text) else "\n"
    runs = match.group(0).count(_BR)
    newlines = match.group(0).count("\n")
    if runs == 1 and before != "\n" and after != "\n" and newlines <= 2:
        return "\\\n"
    return "\n\n"


def _resolve_br(text: str) -> str:
    """`<br>` between two bits of text is a hard break; anywhere else, a paragraph break."""
    # Same result as `_BR_RUN.sub(_replace_br, text)`, but the regex only runs next to each
    # `<br>`: it starts with optional whitespace, so a plain `sub` tries it at every position.
    out = []
    done = 0
    while (found := text.find(_BR, done)) >= 0:
        # A match is whitespace then a _BR, so none starts before this run of whitespace.
        start = found
        while start > done and text[start - 1] in " \t\n":
            start -= 1
        match = _BR_RUN.search(text, start)
        assert match is not None  # it matches at `found` at the latest
        out.append(text[done : match.start()])
        out.append(_replace_br(match))
        done = match.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


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
        converter = _Converter()
        try:
            converter.feed(text)
            converter.close()
        except Exception:  # html.parser is lenient; this is a last resort for pathological input
            return _fallback(text)
        text = converter.result()
    text = _RELATIVE_MD_LINK.sub(lambda m: f"]({SITE}{m.group(1)})", text)
    text = _hard_breaks(text)
    text = _resolve_br(text)
    if converted:  # the parser decodes entities, and "&#xe000;" is a sentinel
        text = _SENTINELS.sub("", text)
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
        return _SENTINELS.sub("", text)
    return text


def _only_line_breaks(text: str) -> tuple[str, bool]:
    """(text, needs the HTML parser): text whose only markup is `<br>` needs no parser.

    Without "&" (no entity to decode) and with every "<" part of a `<br>`, `<br/>` or `<br />`,
    the parser would only turn each of those into a _BR and pass the rest through as data.
    """
    replaced = _BR_TAG.sub(_BR, text)
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
