"""The selected session in full: title, when, tags, place, description, running order, links."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from calendar_tui.commands import DETAIL_COMMANDS, bindings
from calendar_tui.i18n import _
from calendar_tui.model.change_marks import ChangeMarks, detail_words
from calendar_tui.model.shown_path import display_path
from calendar_tui.model.text import clean_text, fold, one_line, upper_first
from calendar_tui.model.types import AgendaItem, Occurrence
from calendar_tui.widgets.formatting import NBSP, hour_words, when_words, zone_words
from calendar_tui.widgets.unbroken import Unbroken

if TYPE_CHECKING:
    from textual.widgets import Markdown


Styler = Callable[[str], Style]  # a SessionDetail component style by name (styles/app.tcss)


def agenda_table(items: tuple[AgendaItem, ...], description: str, style: Styler) -> Table:
    """The running order: times in a column, each text wrapped under itself (never back at
    column 0). A text the description already holds is one line (ellipsis): the running order
    is then an index of times, not the paragraphs a second time."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    table.add_row(Text(_("Running order"), style("heading")), "")
    told = _words(description)
    for item in items:
        when = ""
        if item.start is not None:
            when = hour_words(item.start)
            if item.end is not None:
                when += f" – {hour_words(item.end)}"
        text = one_line(item.text)
        known = bool(told) and _words(text) in told
        cell = Text(no_wrap=known, overflow="ellipsis" if known else "fold", end="")
        if item.track:
            cell.append(f"{one_line(item.track)} · ", style("track"))
        cell.append(text)
        table.add_row(Text(f" {when}", style("heading")), cell)
    return table


def _words(text: str) -> str:
    return " ".join(fold(text).split())


def links_text(occ: Occurrence, style: Styler) -> Group:
    """Each link's label, then its URL on one line of its own, never broken (cut with an
    ellipsis when narrower than the pane: `y` copies it whole)."""
    # model.links (html, its patterns) only once a session is shown: not before the first frame.
    from calendar_tui.model.links import is_openable

    lines: list[Text] = [Text(_("Links"), style("heading"))]
    for link in occ.session.links:
        label = one_line(link.text) or link.url
        lines.append(Text(f"  • {label}"))
        if label != link.url:
            openable = is_openable(link.url)
            lines.append(
                Text(
                    f"    {one_line(link.url)}",
                    style("url" if openable else "dead-url"),
                    no_wrap=True,
                    overflow="ellipsis",
                )
            )
    return Group(*lines)


class SessionDetail(VerticalScroll, can_focus=True):
    """Everything about one occurrence; wraps long lines, scrolls when needed."""

    COMPONENT_CLASSES = {
        f"session-detail--{name}"
        for name in (
            "heading",
            "url",
            "dead-url",
            "muted",
            "tag",
            "star",
            "title",
            "clash",
            "track",
        )
    }

    occurrence: reactive[Occurrence | None] = reactive(None)
    favourites: reactive[frozenset[str]] = reactive(frozenset)  # starred session ids
    clashes: reactive[dict[str, tuple[Occurrence, ...]]] = reactive(dict)  # occurrence id -> others
    changes: reactive[ChangeMarks] = reactive(ChangeMarks)  # since a revision, by session id

    BINDINGS: list[BindingType] = bindings(DETAIL_COMMANDS)

    class Back(Message):
        """Escape in the detail: back to the day's sessions."""

    def action_back(self) -> None:
        self.post_message(self.Back())

    class LinkOpened(Message):
        """A link of the description was clicked (only http(s) and mailto get here)."""

        def __init__(self, url: str) -> None:
            super().__init__()
            self.url = url

    def compose(self) -> ComposeResult:
        # The parts of a session (title, when, clashes, tags, place, the Markdown description,
        # running order, links, source) are mounted before this after the first frame.
        yield Static(id="detail-empty")

    _ready = False
    _shown_description: str | None = None

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"session-detail--{name}", partial=True)

    def on_mount(self) -> None:
        empty = Text(_("No session chosen"), self._style("muted"))
        self.query_one("#detail-empty", Static).update(empty)
        # Markdown (markdown-it, its parser and styles) is the costliest widget to import and
        # build, and the pane only shows a session once it is there: the first frame goes out
        # without the session's parts (fewer widgets to style and lay out), then the pane fills in.
        self.call_after_refresh(self._mount_parts)

    async def _mount_parts(self) -> None:
        if not self.is_attached:
            return  # the app is closing
        from textual.widgets import Markdown

        from calendar_tui.widgets.later import read_later_styles

        read_later_styles(self.app)  # the parts' styles

        await self.mount_all(
            [
                Static(id="detail-title"),
                Static(id="detail-when"),
                Static(id="detail-clashes"),
                Static(id="detail-change"),
                Static(id="detail-tags"),
                Static(id="detail-place"),
                Markdown(id="detail-description", open_links=False),
                Static(id="detail-agenda"),
                Static(id="detail-links"),
                Static(id="detail-source"),
            ],
            before="#detail-empty",
        )
        # The Markdown child empties itself when it mounts: show content only after that.
        self.call_after_refresh(self._become_ready)

    def _become_ready(self) -> None:
        self._ready = True
        self._show(self.occurrence)

    _show_pending = False

    def watch_occurrence(self) -> None:
        # After the frame the change is part of: a filter keystroke paints the grid and the
        # list first, then the pane (its Markdown costs most); several changes, one update.
        if self._ready and not self._show_pending:
            self._show_pending = True
            self.call_after_refresh(self._show_current)

    def _show_current(self) -> None:
        self._show_pending = False
        if self.is_attached:
            self._show(self.occurrence)

    def _set(self, selector: str, content: Text | None) -> None:
        widget = self.query_one(selector, Static)
        widget.display = content is not None and bool(content.plain.strip())
        if content is not None:
            widget.update(content)

    def _put(self, selector: str, content: Table | Group | Unbroken | None) -> None:
        widget = self.query_one(selector, Static)
        widget.display = content is not None
        if content is not None:
            widget.update(content)

    def _show(self, occ: Occurrence | None) -> None:
        self.query_one("#detail-empty").display = occ is None
        from textual.widgets import Markdown

        markdown = self.query_one("#detail-description", Markdown)
        if occ is None:
            for selector in ("title", "change", "place"):
                self._set(f"#detail-{selector}", None)
            for selector in ("when", "clashes", "tags", "agenda", "links", "source"):
                self._put(f"#detail-{selector}", None)
            markdown.display = False
            return
        session = occ.session
        self._show_marks(occ)
        when = upper_first(when_words(occ))
        zone = zone_words(occ)
        self._put("#detail-when", Unbroken(f"{when} ({zone})" if zone else when))
        tags = Text(end="")
        for index, tag in enumerate(occ.tags):
            if index:
                tags.append("  ")
            tags.append(f"{NBSP}{one_line(tag).replace(' ', NBSP)}{NBSP}", self._style("tag"))
        self._put("#detail-tags", Unbroken(tags) if tags.plain else None)  # never split a tag
        place = one_line(session.location)
        self._set("#detail-place", Text(_("Place: {place}").format(place=place)) if place else None)
        description = clean_text(session.description).strip()
        markdown.display = bool(description)
        if description != self._shown_description:
            # Markdown re-mounts its blocks on update: skip it when the text is the same
            # (another occurrence of the same session, or the same text after a filter).
            self._shown_description = description
            markdown.update(description)
        agenda = session.agenda
        self._put(
            "#detail-agenda", agenda_table(agenda, description, self._style) if agenda else None
        )
        self._put("#detail-links", links_text(occ, self._style) if session.links else None)
        # The path on its own line, never broken: cut on the left so the file name shows.
        path = f"{display_path(occ.post.path, from_cwd=True)}:{session.line}"
        source = Group(
            Text(_("Source:"), self._style("muted")),
            Text(path, self._style("muted"), no_wrap=True, overflow="ellipsis"),
        )
        self._put("#detail-source", source)
        self.scroll_home(animate=False)

    def watch_favourites(self) -> None:
        if self._ready and self.occurrence is not None:
            self._show_marks(self.occurrence)

    def watch_changes(self) -> None:
        if self._ready and self.occurrence is not None:
            self._show_marks(self.occurrence)

    def watch_clashes(self) -> None:
        if self._ready and self.occurrence is not None:
            self._show_marks(self.occurrence)

    def _show_marks(self, occ: Occurrence) -> None:
        """The title (starred or not), the starred sessions this one overlaps, its change."""
        title = Text(end="")
        if occ.session.id in self.favourites:
            title.append("★ ", self._style("star"))
        title.append(occ.title, self._style("title"))
        self._set("#detail-title", title)
        clashes = Text(end="")
        for other in self.clashes.get(occ.id, ()):
            if clashes.plain:
                clashes.append("\n")
            clashes.append("⚠ chevauche : ", self._style("clash"))
            clashes.append(other.title)
            clashes.append(f" ({when_words(other)})", self._style("muted"))
        self._put("#detail-clashes", Unbroken(clashes) if clashes.plain else None)
        change = self.changes.by_session.get(occ.session.id)
        self._set("#detail-change", Text(detail_words(change)) if change is not None else None)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        from calendar_tui.model.links import is_openable

        event.stop()
        if is_openable(event.href):
            self.post_message(self.LinkOpened(event.href))
