"""The one place that builds the app, for the CLI and for the tests: store, settings, clock in."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui.model.clock import Clock, SystemClock
from calendar_tui.settings import Settings, load_settings

if TYPE_CHECKING:
    from calendar_tui.app import CalendarApp
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.change_marks import ChangesSince
    from calendar_tui.model.store import EventStore


def make_app(
    store: EventStore | None = None,
    *,
    paths: Sequence[Path] | None = None,
    drafts: bool = False,
    settings: Settings | None = None,
    clock: Clock | None = None,
    favourites_path: Path | None = None,
    export_dir: Path | None = None,
    cache: PostCache | None = None,
    watch: bool = False,
    poll: bool | None = None,
    linear: bool = False,
    changes_since: ChangesSince | None = None,
) -> CalendarApp:
    """An app on `store` when given, else on `paths`, else the bundled programme.

        `paths` naming a few small files (the bundled programme) are loaded before the first frame;
        folders and larger collections load in a worker behind a loading screen with progress.

        `settings` defaults to the user's settings file (`$CALENDAR_TUI_CONFIG_DIR` overrides where
        it is); `clock` defaults to the system clock in Europe/Paris. `favourites_path` defaults to
        favourites.json in the user's data folder (`$CALENDAR_TUI_DATA_DIR`), `export_dir` to
        `$CALENDAR_TUI_EXPORT_DIR`, else the current folder (else the home folder). `cache` (the CLI
        passes one) reuses posts parsed in earlier runs. `changes_since` marks the sessions changed since
    a git revision of the posts. `watch` reloads the posts when their files change (`poll`: by
    looking at them, for file systems that send no events); `R` reloads them by hand either
    way. `linear` opens on the linear view.
    """
    from calendar_tui import collector

    collector.pause()  # until the app's first frame (CalendarApp.first_frame_drawn)
    try:
        from calendar_tui.app import CalendarApp

        _freeze_startup_objects()
        if store is None and not paths:
            from calendar_tui.paths import bundled_programme

            paths = [bundled_programme()]
        return CalendarApp(
            store=store,
            paths=tuple(paths or ()),
            drafts=drafts,
            settings=settings if settings is not None else load_settings(),
            clock=clock if clock is not None else SystemClock(),
            favourites_path=favourites_path,
            export_dir=export_dir,
            cache=cache,
            watch=watch,
            poll=poll,
            linear=linear,
            changes_since=changes_since,
        )
    except BaseException:
        collector.resume()
        raise


_frozen = False


def _freeze_startup_objects() -> None:
    """Once per process: the modules, classes and functions imported so far live as long as the
    process, so move them out of the cyclic collector's way (`gc.freeze`). Without this the
    collector walks them again at every full collection while the app starts (a tenth of the
    first frame)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()
