"""Text that wraps only at plain spaces: a non-breaking space ("12 h 30", "26 novembre") holds.

Rich and Textual both wrap at any Unicode space, the non-breaking ones included, so a pane
narrower than the line would show "12 h" and "30" on two lines. This renderable breaks a line
only at an ASCII space or a newline, keeping the styles of the `Text` it is given.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

_WORD = re.compile(r"[^ \n]+")


def line_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Where `plain` is cut into lines of at most `width` cells: at ASCII spaces and newlines
    only; a word wider than a line gets a line of its own."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in plain.split("\n"):
        line: tuple[int, int] | None = None
        for word in _WORD.finditer(paragraph):
            start, end = offset + word.start(), offset + word.end()
            if line is not None and cell_len(plain[line[0] : end]) <= width:
                line = (line[0], end)
                continue
            if line is not None:
                spans.append(line)
            line = (start, end)
        spans.append(line if line is not None else (offset, offset))
        offset += len(paragraph) + 1
    return spans


class Unbroken:
    def __init__(self, text: str | Text, style: Style | str = "") -> None:
        self.text = text if isinstance(text, Text) else Text(text, style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        for start, end in line_spans(self.text.plain, width):
            line = self.text[start:end]
            # A word wider than the pane is cut with an ellipsis rather than broken.
            line.no_wrap, line.overflow, line.end = True, "ellipsis", "\n"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain
        longest = max((cell_len(word) for word in _WORD.findall(plain)), default=0)
        widest = max((cell_len(line) for line in plain.split("\n")), default=0)
        return Measurement(min(longest, options.max_width), min(widest, options.max_width))
