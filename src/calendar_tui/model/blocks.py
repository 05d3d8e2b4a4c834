"""A post body's block structure: its lines, and the headings and list items markdown-it finds.

The recognisers read a body through a `Document`: each line as written (`raws`) and made plain
(`plains`, see `body_text.plain_line`), the headings (Markdown ones from markdown-it's block
tokens, HTML `<h2>` ones found in the raw HTML markdown-it leaves alone), and the list items with
the line each one ends at. Only markdown-it's block rules run: the inline ones (links, emphasis)
would cost most of the parse and the recognisers read inline text themselves.

Each line is also classified once, by the marks a header can only start with (`openers`) and
the bold marks a label needs (`bold_lines`): the passes over the body read those lines only,
where most lines are prose that no recogniser can match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from calendar_tui.model.body_text import inline_plain, plain_line

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# Where an ATX heading can start: a "#" after indentation and list markers. A body with none
# has no Markdown heading, and markdown-it need not read it (most bodies with raw HTML only).
_MAYBE_HEADING = re.compile(r"^[ \t]*(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)*#", re.MULTILINE)
_HEADING_HTML = re.compile(r"<h([1-6])\b[^>]*>(.*?)(?:</h\1\s*>|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # heading | paragraph | item | html
    first: int  # 0-based line of the body
    end: int  # first line after it
    level: int = 0  # a heading's level; an item's list depth (1 = top level)
    text: str = ""  # a heading's plain text


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on the first cold parse only

    # Block rules only, and only those that decide what a heading or a list item is (a code
    # block or raw HTML is neither): each rule costs a call per line.
    parser = MarkdownIt("zero").enable(["code", "fence", "list", "html_block", "heading"])
    parser.core.ruler.disable(["inline"])
    return parser


class Document:
    """The lines and blocks of one body."""

    def __init__(self, body: str) -> None:
        self.text = body.replace("\r\n", "\n").replace("\r", "\n")
        self.raws = self.text.split("\n")
        self.plains = [plain_line(raw) for raw in self.raws]
        self.count = len(self.raws)
        self.blocks = _blocks(self.text, self.raws)
        # line -> (level, text) of each heading
        self.headings = {b.first: (b.level, b.text) for b in self.blocks if b.kind == "heading"}
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
        """The first non-blank line after `index`."""
        return next((j for j in range(index + 1, self.count) if self.plains[j].strip()), None)


def _blocks(text: str, raws: list[str]) -> list[Block]:
    blocks: list[Block] = []
    depth = 0
    heading: tuple[int, int, int] | None = None  # (first, end, level) awaiting its inline text
    tokens = _parser().parse(text) if "#" in text and _MAYBE_HEADING.search(text) else ()
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        if kind == "inline" and heading is not None:
            blocks.append(Block("heading", *heading[:2], heading[2], inline_plain(token.content)))
            heading = None
        if token.map is None:
            continue
        first, end = token.map
        if kind == "heading_open" and token.markup.startswith("#"):  # ATX only, as written
            heading = (first, end, int(token.tag[1]))
        elif kind == "list_item_open":
            blocks.append(Block("item", first, end, depth))
        elif kind == "paragraph_open":
            blocks.append(Block("paragraph", first, end))
        elif kind == "html_block":
            blocks.append(Block("html", first, end))
    # HTML headings are found on any line, raw HTML blocks and inline HTML alike (and win over
    # a Markdown heading on the same line).
    html = {}
    for index, raw in enumerate(raws):
        match = _HEADING_HTML.search(raw) if "<" in raw else None
        if match:
            html[index] = Block(
                "heading", index, index + 1, int(match.group(1)), inline_plain(match.group(2))
            )
    if html:
        blocks = [b for b in blocks if b.kind != "heading" or b.first not in html]
        blocks.extend(html.values())
    return blocks
