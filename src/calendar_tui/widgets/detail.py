"""The selected session in full: title, when, tags, place, description, running order, links."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from calendar_tui.model.change_marks import ChangeMarks, detail_words
from calendar_tui.model.links import is_openable
from calendar_tui.model.shown_path import display_path
from calendar_tui.model.text import clean_text, one_line
from calendar_tui.model.types import AgendaItem, Occurrence
from calendar_tui.widgets.formatting import hour_words, when_words

if TYPE_CHECKING:
    from textual.widgets import Markdown


Styler = Callable[[str], Style]  # a SessionDetail component style by name (styles/app.tcss)


def agenda_text(items: tuple[AgendaItem, ...], style: Styler) -> Text:
    text = Text(end="")
    text.append("Déroulé\n", style("heading"))
    for item in items:
        when = ""
        if item.start is not None:
            when = hour_words(item.start)
            if item.end is not None:
                when += f" – {hour_words(item.end)}"
        text.append(f"  {when:<17} ", style("heading"))
        if item.track:
            text.append(f"{one_line(item.track)} · ", style("track"))
        text.append(one_line(item.text))
        text.append("\n")
    text.rstrip()
    return text


def links_text(occ: Occurrence, style: Styler) -> Text:
    text = Text(end="")
    text.append("Liens\n", style("heading"))
    for link in occ.session.links:
        label = one_line(link.text) or link.url
        text.append("  • ")
        text.append(label)
        if label != link.url:
            openable = is_openable(link.url)
            text.append(f"\n    {one_line(link.url)}", style("url" if openable else "dead-url"))
        text.append("\n")
    text.rstrip()
    return text


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
        empty = Text("Aucune session choisie", self._style("muted"))
        self.query_one("#detail-empty", Static).update(empty)
        # Markdown (markdown-it, its parser and styles) is the costliest widget to import and
        # build, and the pane only shows a session once it is there: the first frame goes out
        # without the session's parts (fewer widgets to style and lay out), then the pane fills in.
        self.call_after_refresh(self._mount_parts)

    async def _mount_parts(self) -> None:
        if not self.is_attached:
            return  # the app is closing
        from textual.widgets import Markdown

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

    def _show(self, occ: Occurrence | None) -> None:
        self.query_one("#detail-empty").display = occ is None
        from textual.widgets import Markdown

        markdown = self.query_one("#detail-description", Markdown)
        if occ is None:
            for selector in (
                "title",
                "when",
                "clashes",
                "change",
                "tags",
                "place",
                "agenda",
                "links",
            ):
                self._set(f"#detail-{selector}", None)
            self._set("#detail-source", None)
            markdown.display = False
            return
        session = occ.session
        self._show_marks(occ)
        self._set("#detail-when", Text(when_words(occ).capitalize()))
        tags = Text(end="")
        for index, tag in enumerate(occ.tags):
            if index:
                tags.append("  ")
            tags.append(f" {one_line(tag)} ", self._style("tag"))
        self._set("#detail-tags", tags)
        place = one_line(session.location)
        self._set("#detail-place", Text(f"Lieu : {place}") if place else None)
        description = clean_text(session.description).strip()
        markdown.display = bool(description)
        if description != self._shown_description:
            # Markdown re-mounts its blocks on update: skip it when the text is the same
            # (another occurrence of the same session, or the same text after a filter).
            self._shown_description = description
            markdown.update(description)
        self._set(
            "#detail-agenda", agenda_text(session.agenda, self._style) if session.agenda else None
        )
        self._set("#detail-links", links_text(occ, self._style) if session.links else None)
        source = Text(
            f"Source : {display_path(occ.post.path, from_cwd=True)}:{session.line}",
            self._style("muted"),
        )
        self._set("#detail-source", source)
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
        self._set("#detail-clashes", clashes)
        change = self.changes.by_session.get(occ.session.id)
        self._set("#detail-change", Text(detail_words(change)) if change is not None else None)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        if is_openable(event.href):
            self.post_message(self.LinkOpened(event.href))
