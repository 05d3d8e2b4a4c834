"""Raw HTML in post bodies made into Markdown, with `html.parser`: tags become their Markdown
form (headings, emphasis, links, list items), everything else is unwrapped, `<style>`/`<script>`
content and comments are dropped, entities decoded. `<br>` is left as the `BR` sentinel for
`resolve_br` to turn into a hard or a paragraph break once the whole text is known.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from calendar_tui.model.text import one_line

SITE = "https://www.numerique.gouv.fr"

# Private-use characters never found in posts: the input is stripped of them first.
BR = "\ue000"
SENTINELS = re.compile("[\ue000-\ue00f]")

_BR_RUN = re.compile(rf"(?:[ \t]*\n?[ \t]*{BR})+[ \t]*(?:\n[ \t]*)?")

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


class Converter(HTMLParser):
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
            self.emit(BR)
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
        text = one_line(content.replace(BR, " "))
        return f"\n\n{'#' * _HEADINGS[tag]} {text}\n\n" if text else "\n\n"
    if tag in {"b", "strong", "i", "em"}:
        marker = "**" if tag in {"b", "strong"} else "*"
        return _emphasis(content, marker)
    if tag == "li":
        return _list_item(content, frame.number)
    return content


def _emphasis(content: str, marker: str) -> str:
    stripped = content.strip()
    if not stripped or BR in stripped or "\n\n" in stripped:
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
    if "\n\n" in text or BR in text:
        text = one_line(text.replace(BR, " "))
    return f"[{_escape_link_text(text)}]({url})"


def _list_item(content: str, number: int) -> str:
    lines = resolve_br(content).strip("\n \t").split("\n")
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
    runs = match.group(0).count(BR)
    newlines = match.group(0).count("\n")
    if runs == 1 and before != "\n" and after != "\n" and newlines <= 2:
        return "\\\n"
    return "\n\n"


def resolve_br(text: str) -> str:
    """`<br>` between two bits of text is a hard break; anywhere else, a paragraph break."""
    # Same result as `_BR_RUN.sub(_replace_br, text)`, but the regex only runs next to each
    # `<br>`: it starts with optional whitespace, so a plain `sub` tries it at every position.
    out = []
    done = 0
    while (found := text.find(BR, done)) >= 0:
        # A match is whitespace then a BR, so none starts before this run of whitespace.
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
