"""Regular expressions compiled on first use, not at import.

`re.compile` runs Python code (the parser and compiler of `re`): a character class over wide
Unicode ranges takes a third of a millisecond, and a module that compiles a dozen patterns at
import charges every command that imports it, used or not (`calendar-tui list` runs none of the
cleaning patterns on most text).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns `re.compile(pattern, flags)`, compiled on its first call."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
