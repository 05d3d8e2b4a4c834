"""A session's links (`o` opens one, `y` copies one), through a chooser when it has several.

Every link is listed; only http(s) and mailto ones can be chosen, the others are shown as
text (struck out) and never handed to a browser or the clipboard.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from calendar_tui.i18n import _
from calendar_tui.model.text import one_line
from calendar_tui.model.types import Link, Occurrence
from calendar_tui.paths import later_styles
from calendar_tui.screens.controller import Controller
from calendar_tui.screens.dismiss_once import DismissOnce
from calendar_tui.widgets.paged_options import PagedOptionList


def link_prompt(link: Link) -> Text:
    # model.links (html, its patterns) is imported at the first link used, not before the
    # first frame; so in each function here.
    from calendar_tui.model.links import is_openable

    openable = is_openable(link.url)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    label = one_line(link.text) or one_line(link.url)
    text.append(label, "" if openable else "dim")
    url = one_line(link.url)
    text.append(f"\n  {url}", "dim" if openable else "dim strike")
    if not openable:
        text.append("  " + _("(cannot be opened)"), "dim italic")
    return text


class LinkChooser(DismissOnce, ModalScreen[str | None]):
    """Dismissed with the chosen URL, or None."""

    CSS_PATH = [later_styles()]  # read by Textual if shown before the calendar

    BINDINGS = [Binding("escape,q", "dismiss", _("Cancel"), id="links.close")]

    def __init__(self, title: str, links: tuple[Link, ...], preferred: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.links = links
        self.preferred = preferred

    def compose(self) -> ComposeResult:
        from calendar_tui.model.links import is_openable

        with Vertical(id="links-body") as body:
            body.border_title = Text(self.title_text)  # post text: never markup
            body.border_subtitle = _("enter: choose · escape: cancel")
            yield PagedOptionList(
                *(
                    Option(link_prompt(link), id=str(index), disabled=not is_openable(link.url))
                    for index, link in enumerate(self.links)
                ),
                id="links-options",
            )

    def on_mount(self) -> None:
        from calendar_tui.model.links import is_openable

        options = self.query_one(OptionList)
        options.focus()
        for index, link in enumerate(self.links):
            if link.url == self.preferred and is_openable(link.url):
                options.highlighted = index
                break

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        from calendar_tui.model.links import is_openable

        event.stop()
        link = self.links[event.option_index]
        self.dismiss(link.url if is_openable(link.url) else None)


class LinkActions(Controller):
    """Opens or copies the session's link: at once when it has one, else the one chosen."""

    class Chosen(Message):
        """A link to open (or to copy, `copy`); only openable ones get here."""

        def __init__(self, url: str, copy: bool) -> None:
            super().__init__()
            self.url = url
            self.copy = copy

    def use(self, occurrence: Occurrence, *, copy: bool) -> None:
        from calendar_tui.model.links import is_openable

        links = occurrence.session.links
        if not links:
            return
        if len(links) == 1:
            url = links[0].url
            if is_openable(url):
                self.post_message(self.Chosen(url, copy))
            else:
                self.notify(
                    _("This link cannot be opened: {url}").format(url=one_line(url)),
                    title=_("Link"),
                    severity="warning",
                    markup=False,
                )
            return
        from calendar_tui.model.ics import primary_url  # icalendar: only for a chooser

        def chosen(url: str | None) -> None:
            if url is not None and is_openable(url):
                self.post_message(self.Chosen(url, copy))

        verb = _("Copy a link: {title}") if copy else _("Open a link: {title}")
        title = verb.format(title=occurrence.title)
        self.app.push_screen(LinkChooser(title, links, primary_url(occurrence.session)), chosen)

    @on(Chosen)
    def _chosen(self, event: Chosen) -> None:
        if event.copy:
            self.app.copy_to_clipboard(event.url)
            words = _("Link copied: {url}").format(url=one_line(event.url))
        elif not self._open(event.url):
            key = self.app.keymap.get("calendar.copy_link", "y")  # type: ignore[attr-defined]
            self.notify(
                _("No browser could open the link {url}; press {key} to copy it instead.").format(
                    url=one_line(event.url), key=f" {key} "
                ),
                title=_("Link"),
                severity="warning",
                timeout=8,
                markup=False,
            )
            return
        else:
            words = _("Opening {url}").format(url=one_line(event.url))
        self.notify(words, title=_("Link"), timeout=3, markup=False)

    def _open(self, url: str) -> bool:
        """Hands `url` to the browser; False when none took it (webbrowser finds no browser on
        a server or in a container, and says so only by returning False)."""
        if self.app.is_web:  # the page's browser opens it
            self.app.open_url(url)
            return True
        import webbrowser

        try:
            return bool(webbrowser.open(url))
        except webbrowser.Error:
            return False
