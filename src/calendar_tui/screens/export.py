"""The confirmation after an .ics export (`e`): where the file went, how many events it holds."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


def export_message(path: str, count: int, favourites: bool) -> Text:
    events = f"{count} événement" + ("s" if count > 1 else "")
    what = "vos favoris" if favourites else "les sessions affichées"
    text = Text(end="")
    text.append(f"{events} exporté{'s' if count > 1 else ''} ({what}) dans\n\n", "")
    text.append(path, "bold")
    text.append("\n\nImportez ce fichier dans votre agenda (Thunderbird, Outlook, khal…).", "dim")
    return text


class ExportDone(ModalScreen[None]):
    """The confirmation after `e`: where the file went and how many events it holds."""

    BINDINGS = [Binding("escape,enter,q,space", "dismiss", "OK", id="export.close")]

    def __init__(self, message: Text) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body") as body:
            body.border_title = "Export .ics"
            body.border_subtitle = "entrée : fermer"
            yield Label(self.message, id="export-message")
