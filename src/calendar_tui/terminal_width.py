"""The terminal's width as `shutil.get_terminal_size` finds it, without importing shutil.

shutil brings bz2, lzma and fnmatch with it (~1.5 ms); `list` needs only this, for its table
and for argparse's help formatter (which imports shutil for it when not given a width).
"""

from __future__ import annotations

import os
import sys


def terminal_columns(fallback: int = 80) -> int:
    """$COLUMNS when a positive number, else the width of the terminal on stdout, else
    `fallback`: `shutil.get_terminal_size((fallback, 24)).columns`."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
        columns = columns or fallback
    return columns
