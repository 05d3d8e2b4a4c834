"""The cyclic garbage collector, paused while the app starts.

From `make_app` to the first frame, Python makes the app's modules, widgets and styles, all of
them for good; the cyclic collector would walk them again and again meanwhile (~3% of the time
to the first frame) and find nothing to free. Objects freed by their last reference, as most
are, are still freed at once. Once the first frame is drawn (or the app ends before it), what
was made is moved out of the collector's way (`gc.freeze`) and collection resumes.
"""

from __future__ import annotations

import gc

_paused = False  # by `pause()`, and not resumed since (an app built but never run included)


def pause() -> None:
    """Pause collection, unless it is off already for another reason (then it stays off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Resume collection if `pause()` stopped it; nothing otherwise."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
