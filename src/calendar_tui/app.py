"""The Textual app: global bindings, loading in a worker, and the wiring between screens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import BindingType
from textual.worker import get_current_worker

from calendar_tui.commands import APP_COMMANDS, CalendarCommands, bindings
from calendar_tui.model.cache import PostCache
from calendar_tui.model.clock import Clock
from calendar_tui.model.store import EventStore
from calendar_tui.paths import styles_dir
from calendar_tui.screens.calendar import CalendarScreen
from calendar_tui.screens.help import HelpScreen
from calendar_tui.screens.loading import LoadingScreen
from calendar_tui.screens.problems import ProblemsScreen
from calendar_tui.settings import Settings, save_settings


class CalendarApp(App[None]):
    """Browse a programme: build it with `calendar_tui.factory.make_app`."""

    TITLE = "calendar-tui"
    CSS_PATH = [styles_dir() / "app.tcss"]
    BINDINGS: list[BindingType] = bindings(APP_COMMANDS)
    COMMANDS = App.COMMANDS | {CalendarCommands}

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
    ) -> None:
        super().__init__()
        self.favourites_path = favourites_path  # None: the user's data folder
        self.export_dir = export_dir  # None: $CALENDAR_TUI_EXPORT_DIR, the current folder or ~
        self.clock = clock
        self.settings = settings
        self.store = store
        self.paths = tuple(paths)
        self.drafts = drafts
        self.cache = cache  # parsed posts reused between runs; None in tests
        self.keymap = dict(settings.keymap)

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for problem in self.settings.problems:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        if self.keymap:
            self.set_keymap(self.keymap)
        if self.store is not None:
            self.push_screen(self._calendar(self.store))
        else:
            self.push_screen(LoadingScreen())
            self.load(self.paths, self.drafts)

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
            if not worker.is_cancelled and (done == total or done % 50 == 0):
                self.call_from_thread(self._progress, done, total)

        store = load_store(list(paths), drafts=drafts, progress=progress, cache=self.cache)
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, store)

    def _progress(self, done: int, total: int) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.set_progress(done, total)

    def _loaded(self, store: EventStore) -> None:
        self.store = store
        self.switch_screen(self._calendar(store))

    def _calendar(self, store: EventStore) -> CalendarScreen:
        return CalendarScreen(
            store, self.clock, favourites_path=self.favourites_path, export_dir=self.export_dir
        )

    # -- actions (declared in commands.APP_COMMANDS) -------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return (
                self.store is not None
                and bool(self.store.diagnostics)
                and not isinstance(self.screen, ProblemsScreen)
            )
        if action == "help":
            return not isinstance(self.screen, HelpScreen)
        return True

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_problems(self) -> None:
        if self.store is not None and self.store.diagnostics:
            self.push_screen(ProblemsScreen(self.store.diagnostics))
