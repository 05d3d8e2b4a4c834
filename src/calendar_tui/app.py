"""The Textual app: global bindings, loading (a worker for large collections), the wiring."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import BindingType
from textual.worker import get_current_worker

from calendar_tui import collector
from calendar_tui.commands import APP_COMMANDS, bindings, unknown_binding_ids
from calendar_tui.i18n import _
from calendar_tui.paths import styles_dir
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.settings import Settings, save_settings

if TYPE_CHECKING:
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.change_marks import ChangesSince
    from calendar_tui.model.clock import Clock
    from calendar_tui.model.store import EventStore

# Screens shown later (help, problems, loading) are imported when first shown: the first frame
# does not wait for their modules (DataTable, ProgressBar...).
HELP = ("calendar_tui.screens.help", "HelpScreen")
PROBLEMS = ("calendar_tui.screens.problems", "ProblemsScreen")
LOADING = ("calendar_tui.screens.loading", "LoadingScreen")


TERMINATING_SIGNALS = (signal.SIGTERM, signal.SIGHUP)

# Up to this many post files (no folder), this many bytes in all, load before the first frame:
# parsing them costs less than a loading screen, a thread and a second screen would.
QUICK_LOAD_FILES = 10
QUICK_LOAD_BYTES = 512 * 1024


def quick_to_load(paths: Sequence[Path]) -> bool:
    """A handful of small post files (the bundled programme): no worker, no loading screen."""
    if not paths or len(paths) > QUICK_LOAD_FILES:
        return False
    total = 0
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return False  # the worker reports it
        if not S_ISREG(stat.st_mode):
            return False
        total += stat.st_size
    return total <= QUICK_LOAD_BYTES


def _showing(screen: object, where: tuple[str, str]) -> bool:
    """Whether `screen` is an instance of that screen class, without importing its module."""
    module = sys.modules.get(where[0])
    return module is not None and isinstance(screen, getattr(module, where[1]))


class _LoadStopped(Exception):
    """Raised in the loading thread once the app no longer wants its result."""


class CalendarApp(App[None]):
    """Browse a programme: build it with `calendar_tui.factory.make_app`."""

    TITLE = "calendar-tui"
    CSS_PATH = [styles_dir() / "app.tcss"]
    BINDINGS: list[BindingType] = bindings(APP_COMMANDS)

    def __init__(
        self,
        *,
        clock: Clock,
        settings: Settings,
        store: EventStore | None = None,
        paths: Sequence[Path] = (),
        drafts: bool = False,
        cache: PostCache | None = None,
        favourites_path: Path | None = None,
        export_dir: Path | None = None,
        watch: bool = False,
        poll: bool | None = None,
        linear: bool = False,
        changes_since: ChangesSince | None = None,
    ) -> None:
        from calendar_tui.check_watch import WatchCache

        super().__init__()
        self.favourites_path = favourites_path  # None: the user's data folder
        self.export_dir = export_dir  # None: $CALENDAR_TUI_EXPORT_DIR, the current folder or ~
        self.clock = clock
        self.settings = settings
        self.store = store
        self.paths = tuple(paths)
        self.drafts = drafts
        # Parsed posts reused between runs (None in tests), and between reloads in memory: a
        # reload parses only the files that changed (written to disk after the first load).
        self.cache = WatchCache(cache)
        self.watch, self.poll, self.linear = watch, poll, linear  # see screens/live_reload.py
        self.keymap = dict(settings.keymap)
        self.changes_since = changes_since  # screens/changes.py

    def on_mount(self) -> None:
        self._on_terminating_signals()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        if self.keymap:
            self.set_keymap(self.keymap)
            for binding_id in unknown_binding_ids(self.keymap):
                self.notify(
                    _("Unknown binding id in the settings' keymap: {id}").format(id=binding_id),
                    severity="warning",
                    timeout=8,
                    markup=False,
                )
        if self.store is None and quick_to_load(self.paths):
            from calendar_tui.model.loader import load_store

            self.store = load_store(list(self.paths), drafts=self.drafts, cache=self.cache)
            self.cache.close()
        if self.store is not None:
            # Once the app has mounted: a screen pushed while it mounts has its first frame
            # thrown away by Textual, and the work meant for after that frame runs before it.
            self.call_later(self.push_screen, self._calendar(self.store))
        else:
            from calendar_tui.screens.loading import LoadingScreen

            self.push_screen(LoadingScreen())
            self.load(self.paths, self.drafts)

    signalled: int | None = None  # the signal that ended the app, if one did

    def first_frame_drawn(self) -> None:
        """The calendar's first frame is on the screen (or the app ends before it): the cyclic
        collector, paused by the factory while the app started, runs again."""
        collector.resume()

    def on_unmount(self) -> None:
        self.first_frame_drawn()  # quit before the first frame: the collector back on all the same

    def _on_terminating_signals(self) -> None:
        """SIGTERM and SIGHUP (terminal closed) end the app as `q` does, so Textual gives the
        terminal back (main screen, no mouse reporting); the default action kills it in place."""
        try:
            loop = asyncio.get_running_loop()
            for signum in TERMINATING_SIGNALS:
                loop.add_signal_handler(signum, self._terminated, signum)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or no signals here (Windows): the default action stays

    def _terminated(self, signum: int) -> None:
        self.signalled = signum
        self.exit(return_code=128 + signum)

    def _remember_theme(self, theme) -> None:
        if theme.name != self.settings.theme:
            self.settings = self.settings.with_theme(theme.name)
            problem = save_settings(self.settings)
            if problem:
                self.notify(problem, severity="warning", markup=False)

    # -- loading ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: tuple[Path, ...], drafts: bool) -> None:
        from calendar_tui.model.loader import load_store

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise _LoadStopped  # the app is closing (q, a signal): stop at this file
            if done == total or done % 50 == 0:
                self.call_from_thread(self._progress, done, total)

        # (load_store also moves the store out of the cyclic collector's way: see the loader.)
        try:
            store = load_store(list(paths), drafts=drafts, progress=progress, cache=self.cache)
        except _LoadStopped:
            return
        self.cache.close()
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, store)

    def _progress(self, done: int, total: int) -> None:
        if _showing(self.screen, LOADING):
            self.screen.set_progress(done, total)  # type: ignore[attr-defined]

    def _loaded(self, store: EventStore) -> None:
        self.store = store
        self.switch_screen(self._calendar(store))

    def _calendar(self, store: EventStore) -> CalendarScreen:
        from calendar_tui.screens.live_source import LiveSource

        live = LiveSource(self.paths, self.drafts, self.cache, self.watch, self.poll)
        return CalendarScreen(
            store,
            self.clock,
            favourites_path=self.favourites_path,
            export_dir=self.export_dir,
            live=live if self.paths else None,
            linear=self.linear,
        )

    # -- actions (declared in commands.APP_COMMANDS) -------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return (
                self.store is not None
                and bool(self.store.diagnostics)
                and not _showing(self.screen, PROBLEMS)
            )
        if action == "help":
            return not _showing(self.screen, HELP)
        return True

    # -- Textual's built-ins, in the app's language (screens/textual_french.py) ----------------

    def get_system_commands(self, screen):
        from calendar_tui.screens.textual_french import system_commands

        return system_commands(self, screen)

    def get_key_display(self, binding) -> str:
        from calendar_tui.key_names import key_name

        return binding.key_display or key_name(binding.key)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from calendar_tui.screens.textual_french import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from calendar_tui.screens.textual_french import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def action_show_help_panel(self) -> None:
        self.action_help()  # the app's help screen is its keys panel

    def action_help_quit(self) -> None:
        self.notify(_("Press q to quit the app."), title=_("Do you want to quit?"), markup=False)

    def action_help(self) -> None:
        from calendar_tui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_problems(self) -> None:
        from calendar_tui.screens.problems import ProblemsScreen

        if self.store is not None and self.store.diagnostics:
            self.push_screen(ProblemsScreen(self.store.diagnostics))
