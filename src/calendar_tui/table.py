"""The `list` command's table for people: plain box-drawing text, fast at 10,000 rows.

Rich's Table cost ~0.27 ms a row and a third of `list`'s start-up; this prints the same layout
(heavy head, the time column never wrapped, the other columns shrunk widest first to fit the
terminal, words wrapped and over-long words folded) without Rich.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import TextIO

from calendar_tui.i18n import N_, _, ngettext
from calendar_tui.model.filters import Filter
from calendar_tui.model.store import EventStore
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Occurrence
from calendar_tui.terminal_width import terminal_columns

HEADERS = (N_("When"), N_("Session"), N_("Tags"))  # translated where the table is drawn
WRAPPED = (False, True, True)  # "When" stays on one line


def when_text(occurrence: Occurrence) -> str:
    start, end = occurrence.start, occurrence.end
    if occurrence.all_day:
        if end and end != start:
            return f"{_day(start)} → {_day(end)}"
        return f"{_day(start)} " + _("(all day)")
    until = f"–{end.hour:02}:{end.minute:02}" if end is not None else ""
    return f"{_day(start)} {start.hour:02}:{start.minute:02}{until}"


def _day(day: date) -> str:
    """`f"{day:%d/%m/%Y}"` (the year unpadded, as glibc's %Y) at a fifth of strftime's cost."""
    return f"{day.day:02}/{day.month:02}/{day.year}"


# Characters one cell wide each: ASCII, Latin letters with their accents precomposed, general
# punctuation but its zero-width characters, arrows. Most post text is only these.
_NARROW = re.compile("[ -~\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff]*")


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: wide (East Asian, most emoji) 2, combining marks 0."""
    if _NARROW.fullmatch(text):
        return len(text)
    return sum(_char_width(char) for char in text)


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _fold(word: str, width: int) -> list[str]:
    """A word wider than `width` cut into pieces that fit."""
    pieces, piece, used = [], "", 0
    for char in word:
        size = _char_width(char)
        if used + size > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += char
        used += size
    return [*pieces, piece]


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap to `width` cells; a word longer than a line is folded."""
    return _wrap(text, width, _measure(text))


def _measure(text: str) -> Callable[[str], int]:
    """What measures `text` and its pieces: `len` when every character is one cell wide."""
    return len if _NARROW.fullmatch(text) else cell_width


def _wrap(text: str, width: int, measure: Callable[[str], int]) -> list[str]:
    if measure(text) <= width:
        return [text]
    lines: list[str] = []
    line, used = "", 0
    for word in text.split(" "):
        size = measure(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        if size > width:
            *full, word = _fold(word, width)
            lines += full
            size = measure(word)
        line, used = word, size
    return [*lines, line]


@lru_cache(maxsize=4096)
def _cell_lines(text: str, width: int, style: tuple[str, str] = ("", "")) -> tuple[str, ...]:
    """`text` wrapped to `width`, each line styled and padded to the column: measured once (a
    cell's width was computed again for its padding), and once per text for the tags and times
    that many rows repeat."""
    measure = _measure(text)
    on, off = style
    return tuple(
        f"{on}{line}{off}{' ' * (width - measure(line))}" for line in _wrap(text, width, measure)
    )


def column_widths(natural: Sequence[int], total: int) -> list[int]:
    """Fit columns in `total` cells: wrapped columns give up cells widest first (as Rich does).

    When even the unwrapped column does not fit (a very narrow terminal), every column wraps.
    """
    widths = list(natural)
    wrapped = [i for i, wraps in enumerate(WRAPPED) if wraps]
    spare = total - sum(w for i, w in enumerate(widths) if i not in wrapped)
    if spare < 4 * len(wrapped):
        wrapped, spare = list(range(len(widths))), total
    if sum(widths[i] for i in wrapped) <= spare:
        return widths
    # The largest cap such that the wrapped columns, each cut to it, fit in what is left.
    spare = max(spare, len(wrapped))
    cap = spare
    while sum(min(widths[i], cap) for i in wrapped) > spare:
        cap -= 1
    for i in wrapped:
        widths[i] = min(widths[i], cap)
    left = spare - sum(widths[i] for i in wrapped)
    for i in wrapped:  # cells the cap left over go to the first columns cut
        if left and natural[i] > widths[i]:
            widths[i] += 1
            left -= 1
    return widths


def render(title: str, rows: Sequence[Sequence[str]], width: int, bold: bool = False) -> str:
    headers = [_(header) for header in HEADERS]
    natural = [
        max([cell_width(headers[c]), *(cell_width(row[c]) for row in rows)], default=1)
        for c in range(len(headers))
    ]
    widths = column_widths(natural, width - 3 * len(headers) - 1)  # borders and padding
    on, off = ("\x1b[1m", "\x1b[0m") if bold else ("", "")

    def rule(left: str, middle: str, right: str, fill: str) -> str:
        return left + middle.join(fill * (w + 2) for w in widths) + right

    blanks = [" " * w for w in widths]

    def lines(row: Sequence[str], bar: str, style: tuple[str, str] = ("", "")) -> list[str]:
        cells = [_cell_lines(text, w, style) for text, w in zip(row, widths, strict=True)]
        inner = f" {bar} "
        height = max(map(len, cells))
        if height == 1:  # the row on one line
            return [f"{bar} {inner.join(cell[0] for cell in cells)} {bar}"]
        columns = (
            (*cell, *[blank] * (height - len(cell)))
            for cell, blank in zip(cells, blanks, strict=True)
        )
        return [f"{bar} {inner.join(parts)} {bar}" for parts in zip(*columns, strict=True)]

    out = [title, rule("┏", "┳", "┓", "━"), *lines(headers, "┃", (on, off))]
    out.append(rule("┡", "╇", "┩", "━"))
    for row in rows:
        out += lines(row, "│")
    out.append(rule("└", "┴", "┘", "─"))
    return "\n".join(out) + "\n"


def _styled(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def print_table(
    store: EventStore,
    occurrences: Sequence[Occurrence],
    flt: Filter,
    stream: TextIO | None = None,
) -> None:
    stream = sys.stdout if stream is None else stream
    described = flt.describe(store.labels)
    title = one_line(store.title + (f" — {described}" if described else ""))
    rows = [
        # one_line: post text is data; nothing in it reaches the terminal as a control sequence.
        (when_text(o), one_line(o.title), one_line(", ".join(o.tags)))
        for o in occurrences
    ]
    width = terminal_columns() if _styled(stream) else _columns()
    stream.write(render(title, rows, max(width, 20), bold=_styled(stream)))
    count = len(occurrences)
    stream.write(ngettext("{count} occurrence", "{count} occurrences", count).format(count=count))
    stream.write("\n")


def _columns() -> int:
    """Not a terminal: $COLUMNS, or 80 (as Rich did)."""
    try:
        return int(os.environ.get("COLUMNS", "80"))
    except ValueError:
        return 80
