"""A session's description and links, made from the post's Markdown on first use.

Cleaning a body's Markdown (`clean_markdown`) and finding its links (`links_in`) was most of
what a cold load spent beyond the calendar's needs (days, times, titles, tags). A session keeps
the Markdown they come from instead, as UTF-8 bytes (a French text holds a "’" and would
otherwise take two bytes a character), and makes them the first time they are read; the post
cache keeps the same sources. What they give is exactly what parsing used to make: the corpus
is loaded both ways and compared in tests/test_lazy_text.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from calendar_tui.model.link import Link

# Tests set it to make every text when its post is parsed, as before texts were lazy (the
# reference the lazy texts are compared with over the whole corpus).
EAGER = False

_UTF8 = "utf-8"
_ANY_STR = "surrogatepass"  # any str round-trips (a body is cleaned of lone surrogates anyway)


class SessionText:
    """What a session's description and links are made from, and both once made.

    `source` is the Markdown the links are read from; the description is cleaned from its lines
    after the first `skip` (a programme entry's own line is not part of its description), after
    the already-clean `chapeau` (a post's own event). `links_before` (the front matter's) and
    `links_after` (a Jekyll page's own address) are merged around the source's links, each
    address once. `search_title` is the title text search reads when it is not the one shown.
    A text made from given values (`known`) has no source.
    """

    __slots__ = (
        "source",
        "skip",
        "chapeau",
        "links_before",
        "links_after",
        "search_title",
        "_description",
        "_links",
    )

    def __init__(
        self,
        source: bytes | None,
        skip: int = 0,
        chapeau: str = "",
        links_before: tuple[Link, ...] = (),
        links_after: tuple[Link, ...] = (),
        search_title: str | None = None,
        description: str | None = None,
        links: tuple[Link, ...] | None = None,
    ) -> None:
        self.source = source
        self.skip = skip
        self.chapeau = chapeau
        self.links_before = links_before
        self.links_after = links_after
        self.search_title = search_title
        self._description = description
        self._links = links

    @classmethod
    def of_markdown(
        cls,
        markdown: str,
        skip: int = 0,
        chapeau: str = "",
        links_before: tuple[Link, ...] = (),
    ) -> SessionText:
        return cls(markdown.encode(_UTF8, _ANY_STR), skip, chapeau, links_before)

    @classmethod
    def known(cls, description: str = "", links: tuple[Link, ...] = ()) -> SessionText:
        return cls(None, description=description, links=tuple(links))

    @property
    def description(self) -> str:
        """Clean Markdown, freed of raw HTML and kramdown noise."""
        if self._description is None:
            from calendar_tui.model.markdown_clean import clean_markdown

            own = clean_markdown(self.markdown(self.skip))  # stripped: blank only when empty
            chapeau = self.chapeau
            self._description = (
                "\n\n".join(p for p in (chapeau, own) if p.strip()) if chapeau else own
            )
        return self._description

    @property
    def links(self) -> tuple[Link, ...]:
        if self._links is None:
            from calendar_tui.model.links import links_in

            found = links_in(self.markdown()) if self.source else []
            if self.links_before or self.links_after:
                self._links = merge_links(self.links_before, found, self.links_after)
            else:
                self._links = tuple(found)  # each address once already
        return self._links

    @property
    def links_made(self) -> bool:
        return self._links is not None

    def markdown(self, skip: int = 0) -> str:
        """The source as text, without its first `skip` lines."""
        if not self.source:
            return ""
        try:
            text = self.source.decode(_UTF8, _ANY_STR)
        except UnicodeDecodeError:  # only a damaged cache file could hold such bytes
            text = self.source.decode(_UTF8, "replace")
        if skip:
            lines = text.split("\n", skip)
            text = lines[skip] if len(lines) > skip else ""
        return text

    def sources(self) -> tuple | None:
        """What the texts are made from; None for given texts."""
        if self.source is None:
            return None
        return (self.source, self.skip, self.chapeau, self.links_before, self.links_after)

    def same_texts(self, other: SessionText) -> bool:
        """Whether both give the same description and links (made if the sources differ)."""
        if self is other:
            return True
        mine = self.sources()
        if mine is not None and mine == other.sources():
            return True
        return self.description == other.description and self.links == other.links

    def introduced_by(self, chapeau: str, links: tuple[Link, ...]) -> SessionText:
        """The texts of a post's own event from its body's: the front matter's chapeau before
        the description, its links before the body's."""
        if self.source is None:  # made already (see EAGER)
            description = "\n\n".join(p for p in (chapeau, self.description) if p.strip())
            return self.known(description, merge_links(links, self.links))
        return SessionText(self.source, self.skip, chapeau, links, self.links_after)

    def searched_as(self, title: str) -> SessionText:
        """The same texts, text search reading `title` as the session's title."""
        return self._copy(search_title=title)

    def followed_by(self, link: Link) -> SessionText:
        """The same texts, with `link` last among the links unless its address is there."""
        if self.source is None:
            return self.known(self.description, merge_links(self.links, (link,)))
        return self._copy(links_after=(*self.links_after, link), links=None)

    def _copy(self, **changes) -> SessionText:
        values = {name.lstrip("_"): getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return SessionText(**values)

    def __reduce__(self):
        # Only the sources travel (from a pool worker, say): a made text is made again there.
        given = (None, None) if self.source is not None else (self._description, self._links)
        sources = (self.source, self.skip, self.chapeau, self.links_before, self.links_after)
        return (SessionText, (*sources, self.search_title, *given))

    def __repr__(self) -> str:
        return f"SessionText(description={self.description!r}, links={self.links!r})"


def merge_links(*groups: tuple[Link, ...] | list[Link]) -> tuple[Link, ...]:
    """The links of `groups` in order, each address once."""
    seen: set[str] = set()
    merged = []
    for group in groups:
        for link in group:
            if link.url not in seen:
                seen.add(link.url)
                merged.append(link)
    return tuple(merged)
