"""A path as people read it, for every view (a post's source, a problem's file, an export)."""

from __future__ import annotations

from pathlib import Path, PurePath

from calendar_tui.model.text import clean_text


def display_path(path: str | PurePath, *, from_cwd: bool = False) -> str:
    """On one clean line: relative to the current folder when `from_cwd` and the path is below
    it (a post's source, named as compilers name files), else with the home folder written ~
    (where an export went), else as it is."""
    bases = ((Path.cwd, ""),) if from_cwd else ()
    for base, prefix in (*bases, (Path.home, "~/")):
        try:  # (no home folder, or a folder gone: RuntimeError, OSError)
            shown = prefix + str(Path(path).resolve().relative_to(base().resolve()))
        except (ValueError, OSError, RuntimeError):
            continue
        return clean_text(shown)
    return clean_text(str(path))
