"""The .ics export (`e`): the worker that writes the file, and the confirmation that says where
it went and how many events it holds."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label

from calendar_tui.i18n import _, ngettext
from calendar_tui.model.atomic import atomic_write_bytes
from calendar_tui.model.clock import Clock
from calendar_tui.model.types import Occurrence
from calendar_tui.paths import later_styles
from calendar_tui.screens.controller import Controller
from calendar_tui.screens.dismiss_once import DismissOnce


def export_message(path: str, count: int, favourites: bool) -> Text:
    what = _("your favourites") if favourites else _("the sessions shown")
    text = Text(end="")
    exported = ngettext(
        "{count} event exported ({what}) to", "{count} events exported ({what}) to", count
    )
    text.append(exported.format(count=count, what=what) + "\n\n", "")
    text.append(path, "bold")
    text.append(
        "\n\n" + _("Import this file into your calendar (Thunderbird, Outlook, khal…)."), "dim"
    )
    return text


class ExportDone(DismissOnce, ModalScreen[None]):
    """The confirmation after `e`: where the file went and how many events it holds."""

    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar

    BINDINGS = [Binding("escape,enter,q,space", "dismiss", "OK", id="export.close")]

    def __init__(self, message: Text) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body") as body:
            body.border_title = _("Export .ics")
            body.border_subtitle = _("enter: close")
            yield Label(self.message, id="export-message")


class Exporter(Controller):
    """`e`: writes the shown sessions (or the favourites) to a new .ics file in a worker, then
    shows where it went (`ExportDone`), or why it could not."""

    class Written(Message):
        def __init__(self, path: Path, count: int, favourites: bool) -> None:
            super().__init__()
            self.path = path
            self.count = count
            self.favourites = favourites

    class Failed(Message):
        def __init__(self, folder: Path, reason: str) -> None:
            super().__init__()
            self.folder = folder
            self.reason = reason

    def __init__(self, folder: Path | None, clock: Clock, title: str) -> None:
        super().__init__()
        self.folder = folder  # None: see model.export_files.default_export_dir
        self.clock = clock
        self.title = title  # the calendar's name, in the file
        self.last: Path | None = None  # the last file written

    def export(self, occurrences: tuple[Occurrence, ...], favourites: bool) -> None:
        # The file naming (model.export_files) only when exporting: not before the first frame.
        from calendar_tui.model.export_files import default_export_dir, export_name

        moment = self.clock.now()
        folder = self.folder or default_export_dir()
        name = export_name(_("favourites") if favourites else _("programme"), moment)
        self.write(folder, name, occurrences, moment, favourites)

    @work(thread=True, group="export", exit_on_error=False)
    def write(
        self,
        folder: Path,
        name: str,
        occurrences: tuple[Occurrence, ...],
        moment: datetime,
        favourites: bool,
    ) -> None:
        from calendar_tui.model.export_files import free_path
        from calendar_tui.model.ics import to_ics  # icalendar: only when exporting

        data = to_ics(occurrences, stamp=moment, name=self.title)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = free_path(folder, name)
            atomic_write_bytes(path, data)
        except OSError as error:
            self.post_message(self.Failed(folder, error.strerror or str(error)))
            return
        self.post_message(self.Written(path, len(occurrences), favourites))

    @on(Written)
    def _written(self, event: Written) -> None:
        from calendar_tui.model.export_files import display_path

        self.last = event.path
        message = export_message(display_path(event.path), event.count, event.favourites)
        self.app.push_screen(ExportDone(message))

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        from calendar_tui.model.export_files import display_path

        self.notify(
            _("Cannot write the .ics file in {folder}: {reason}").format(
                folder=display_path(event.folder), reason=event.reason
            ),
            title=_("Export"),
            severity="error",
            timeout=10,
            markup=False,
        )
