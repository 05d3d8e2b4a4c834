"""A post body's block structure: its lines, and the headings markdown-it finds.

The recognisers read a body through a `Document`: each line as written (`raws`) and made plain
(`plains`, see `body_text.plain_line`), and the headings (Markdown ones from markdown-it's block
tokens, HTML `<h2>` ones found in the raw HTML markdown-it leaves alone). Only markdown-it's
block rules run: the inline ones (links, emphasis) would cost most of the parse and the
recognisers read inline text themselves.

Each line is also classified once, by the marks a header can only start with (`openers`) and
the bold marks a label needs (`bold_lines`): the passes over the body read those lines only,
where most lines are prose that no recogniser can match.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from calendar_tui.model.body_text import inline_plain, plain_line

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Where an ATX heading can start: a "#" after indentation and list markers. A body with none
# has no Markdown heading, and markdown-it need not read it (most bodies with raw HTML only).
_MAYBE_HEADING = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*#", re.MULTILINE)
_HEADING_HTML = re.compile(r"<h([1-6])\b[^>]*>(.*?)(?:</h\1\s*>|$)", re.IGNORECASE)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on the first cold parse only

    # Block rules only, and only those that decide what a heading or a list item is (a code
    # block or raw HTML is neither): each rule costs a call per line.
    parser = MarkdownIt("zero").enable(["code", "fence", "list", "html_block", "heading"])
    parser.core.ruler.disable(["inline"])
    return parser


class Document:
    """The lines and headings of one body."""

    def __init__(self, body: str) -> None:
        self.text = body.replace("\r\n", "\n").replace("\r", "\n")
        self.raws = self.text.split("\n")
        self.plains = [plain_line(raw) for raw in self.raws]
        self.count = len(self.raws)
        self.headings = _headings(self.text, self.raws)  # line -> (level, plain text)
        plains = self.plains
        # Where a header may start: every recogniser needs "[" or "**" on its line (or reads a
        # heading), a date heading starts with "*", "_" or "#" (recognisers.recognise and
        # date_heading return None on any other line, before any side effect).
        self.openers = [
            i
            for i, plain in enumerate(plains)
            if "[" in plain or "**" in plain or plain.lstrip().startswith(("*", "_", "#"))
        ]
        # Every label pattern (bold line, "**Quand ?**", "**Où ?**") opens with "**" or "__".
        self.bold_lines = [i for i, plain in enumerate(plains) if "**" in plain or "__" in plain]

    def next_content(self, index: int) -> int | None:
        """The first non-blank line after `index` (plains are right-stripped: blank is empty)."""
        return next((j for j in range(index + 1, self.count) if self.plains[j]), None)


def _headings(text: str, raws: list[str]) -> dict[int, tuple[int, str]]:
    """Each heading's line, level and plain text: the ATX headings markdown-it finds (not in a
    code block, a fence or raw HTML), and HTML headings on any line, raw HTML blocks and inline
    HTML alike (an HTML heading wins over a Markdown heading on the same line)."""
    found: dict[int, tuple[int, str]] = {}
    heading: tuple[int, int] | None = None  # (line, level) awaiting its inline text
    tokens = _parser().parse(text) if "#" in text and _MAYBE_HEADING.search(text) else ()
    for token in tokens:
        if token.type == "inline" and heading is not None:
            found[heading[0]] = (heading[1], inline_plain(token.content))
            heading = None
        elif token.type == "heading_open" and token.map and token.markup.startswith("#"):
            heading = (token.map[0], int(token.tag[1]))  # ATX only, as written
    html = {}
    for index, raw in enumerate(raws):
        match = _HEADING_HTML.search(raw) if "<" in raw else None
        if match:
            html[index] = (int(match.group(1)), inline_plain(match.group(2)))
    if html:
        found = {line: heading for line, heading in found.items() if line not in html}
        found.update(html)
    return found
