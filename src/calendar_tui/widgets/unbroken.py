"""Text that wraps only at plain spaces: a non-breaking space ("12 h 30", "26 novembre") holds.

Rich and Textual both wrap at any Unicode space, the non-breaking ones included, so a pane
narrower than the line would show "12 h" and "30" on two lines. `textwrap` breaks only at ASCII
whitespace: this renderable wraps with it at the width it is given.
"""

from __future__ import annotations

import textwrap

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text


class Unbroken:
    def __init__(self, text: str, style: Style | str = "") -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width)
        for line in textwrap.wrap(
            self.text, width, break_on_hyphens=False, break_long_words=False
        ) or [""]:
            # A word wider than the pane is cut with an ellipsis rather than broken.
            yield Text(line, self.style, no_wrap=True, overflow="ellipsis", end="\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((len(word) for word in self.text.split(" ")), default=0)
        return Measurement(min(longest, options.max_width), min(len(self.text), options.max_width))
