"""Saved views: `v` picks one (ViewPicker), the palette names the current filters as one
(ViewNamer), `save_view` writes it to the settings file.

View names and expressions come from the settings file: shown as plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from calendar_tui.i18n import _
from calendar_tui.model.text import fold, one_line
from calendar_tui.paths import later_styles
from calendar_tui.settings import load_settings, save_settings

MAX_NAME = 60  # a view's name shows in the header


class ViewPicker(ModalScreen[str | None]):
    """Every saved view, its expression beside its name; Enter applies one, Escape closes."""

    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar

    BINDINGS = [Binding("escape", "close", _("Close"), id="views.close")]

    def __init__(self, views: Mapping[str, str], active: str | None = None) -> None:
        super().__init__()
        self.names = sorted(views, key=fold)
        self.views = dict(views)
        self.active = active

    def compose(self) -> ComposeResult:
        with Vertical(id="views-body"):
            yield Label(Text(_("Saved views"), style="bold", end=""))
            yield OptionList(
                *(Option(self._prompt(name), id=f"view-{i}") for i, name in enumerate(self.names)),
                id="views-options",
            )
            yield Label(
                Text(_("enter: apply · escape: close · Ctrl+P: save the filters as a view")),
                id="views-help",
            )

    def _prompt(self, name: str) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        width = min(max(len(one_line(n)) for n in self.names), 30)
        text.append("● " if name == self.active else "  ")
        text.append(one_line(name).ljust(width), "bold")
        text.append(" │ ", "dim")
        text.append(one_line(self.views[name]), "dim")
        return text

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if self.active in self.names:
            options.highlighted = self.names.index(self.active)
        options.focus()

    @on(OptionList.OptionSelected, "#views-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.names[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)


class ViewNamer(ModalScreen[str | None]):
    """Asks the name to save `expression` under (an existing name is replaced)."""

    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar

    BINDINGS = [Binding("escape", "close", _("Cancel"), id="views.cancel")]

    def __init__(self, expression: str, names: list[str]) -> None:
        super().__init__()
        self.expression = expression
        self.names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="views-body"):
            yield Label(Text(_("Save the filters as a view"), style="bold", end=""))
            yield Label(Text(one_line(self.expression), style="dim"))
            yield Input(placeholder=_("Name of the view"), max_length=MAX_NAME, id="view-name")
            yield Label(
                Text(_("enter: save · escape: cancel · an existing name is replaced")),
                id="views-help",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#view-name")
    def _named(self, event: Input.Submitted) -> None:
        event.stop()
        name = one_line(event.value).strip()
        if name:
            self.dismiss(name)

    def action_close(self) -> None:
        self.dismiss(None)


def save_view(app: App, name: str, expression: str) -> str | None:
    """Adds the view to the settings file, read again first (views added by hand meanwhile stay),
    atomically (settings.save_settings); the app's settings follow. A sentence when not saved."""
    current = app.settings  # type: ignore[attr-defined]
    fresh = load_settings(current.path) if current.path is not None else current
    settings = fresh.with_view(name, expression)
    app.settings = settings  # type: ignore[attr-defined]
    if settings.path is None:
        return None  # in memory only (tests, or no settings file wanted)
    if not settings.writable:
        return _("View kept for this session only: {path} cannot be changed").format(
            path=settings.path
        )
    return save_settings(settings)
