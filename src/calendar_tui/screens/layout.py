"""Which layout fits the terminal: the classes the calendar screen takes for its size.

- `-narrow` (under NARROW columns): the panes are stacked: grid, then the day's sessions, full
  width; the detail takes their place while it is read (`-reading`, focus in the detail).
- below MIN_WIDTH x MIN_HEIGHT: `-too-small`, a sentence asking for a larger terminal instead
  of panes too small to read.
The month grid makes its weeks one line high on short terminals itself (widgets/month_grid.py).
"""

from __future__ import annotations

NARROW = 100
MIN_WIDTH = 40
MIN_HEIGHT = 14


def size_classes(width: int, height: int) -> dict[str, bool]:
    return {
        "-too-small": width < MIN_WIDTH or height < MIN_HEIGHT,
        "-narrow": width < NARROW,
    }
