"""The link chooser (`o`, `y` on a session with several links).

Every link is listed; only http(s) and mailto ones can be chosen, the others are shown as
text (struck out) and never handed to a browser or the clipboard.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from calendar_tui.model.links import is_openable
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Link


def link_prompt(link: Link) -> Text:
    openable = is_openable(link.url)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    label = one_line(link.text) or one_line(link.url)
    text.append(label, "" if openable else "dim")
    url = one_line(link.url)
    text.append(f"\n  {url}", "dim" if openable else "dim strike")
    if not openable:
        text.append("  (ne peut pas être ouvert)", "dim italic")
    return text


class LinkChooser(ModalScreen[str | None]):
    """Dismissed with the chosen URL, or None."""

    BINDINGS = [Binding("escape,q", "dismiss", "Annuler", id="links.close")]

    def __init__(self, title: str, links: tuple[Link, ...], preferred: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.links = links
        self.preferred = preferred

    def compose(self) -> ComposeResult:
        with Vertical(id="links-body") as body:
            body.border_title = Text(self.title_text)  # post text: never markup
            body.border_subtitle = "entrée : choisir · échap : annuler"
            yield OptionList(
                *(
                    Option(link_prompt(link), id=str(index), disabled=not is_openable(link.url))
                    for index, link in enumerate(self.links)
                ),
                id="links-options",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        for index, link in enumerate(self.links):
            if link.url == self.preferred and is_openable(link.url):
                options.highlighted = index
                break

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        link = self.links[event.option_index]
        self.dismiss(link.url if is_openable(link.url) else None)
