"""calendar-tui: browse an events programme published as Jekyll posts, in the terminal."""

__version__ = "0.1.0"
