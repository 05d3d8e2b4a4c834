"""A session's description and links, made from the post's Markdown on first use.

Cleaning a body's Markdown (`clean_markdown`) and finding its links (`links_in`) was most of
what a cold load spent beyond the calendar's needs (days, times, titles, tags). A session keeps
the Markdown they come from instead, as UTF-8 bytes (a French text holds a "’" and would
otherwise take two bytes a character), and makes them the first time they are read; the post
cache keeps the same sources. What they give is exactly what parsing used to make: the corpus
is loaded both ways and compared in tests/test_lazy_text.py.

Once made, the texts go to the post cache too (`kept`), so that they are made once per version
of a post, not once per run: a text read back from the cache is kept as bytes until it is read,
and checked then as any post text is (anything unclean or damaged is made again from the
source). A text made here, not read from the cache, marks its session's text `fresh` and counts
in `made_count()`: the cache writes it on its next save.
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

_made = 0  # texts made from their sources in this process, for made_count()


def made_count() -> int:
    """How many texts were made from their sources so far: when it has not moved since the
    cache last looked, no session has a text the cache lacks."""
    return _made


class SessionText:
    """What a session's description and links are made from, and both once made.

    `source` is the Markdown the links are read from; the description is cleaned from its lines
    after the first `skip` (a programme entry's own line is not part of its description), after
    the already-clean `chapeau` (a post's own event). `links_before` (the front matter's) and
    `links_after` (a Jekyll page's own address) are merged around the source's links, each
    address once. `search_title` is the title text search reads when it is not the one shown.
    A text made from given values (`known`) has no source.

    `kept` is what the post cache holds of the texts made in an earlier run (the description,
    the links and the folded search text, in kept_texts.py's form), each None when not kept;
    a text the cache read with both the description and the links kept has no source either
    (`cached`).
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
        "_kept_description",
        "_kept_links",
        "_kept_search",
        "cached",
        "fresh",
    )
    _GIVEN = __slots__[:8]  # what __init__ takes by name (less `_`), `kept` aside

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
        kept: tuple[bytes | None, bytes | None, bytes | None] | None = None,
    ) -> None:
        self.source = source
        self.skip = skip
        self.chapeau = chapeau
        self.links_before = links_before
        self.links_after = links_after
        self.search_title = search_title
        self._description = description
        self._links = links
        self._kept_description, self._kept_links, self._kept_search = kept or (None, None, None)
        self.cached = kept is not None  # read from the post cache
        self.fresh = False  # a text made here that the cache has not taken yet

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
        if self._description is None and self._kept_description is not None:
            from calendar_tui.model.kept_texts import kept_text

            self._description = kept_text(self._kept_description, self.source is not None)
            self._kept_description = None  # one copy: the cache encodes it again if it saves
        if self._description is None:
            from calendar_tui.model.markdown_clean import clean_markdown

            own = clean_markdown(self.markdown(self.skip))  # stripped: blank only when empty
            chapeau = self.chapeau
            self._description = (
                "\n\n".join(p for p in (chapeau, own) if p.strip()) if chapeau else own
            )
            self.note_made()
        return self._description

    @property
    def links(self) -> tuple[Link, ...]:
        if self._links is None and self._kept_links is not None:
            from calendar_tui.model.kept_texts import kept_links

            self._links = kept_links(self._kept_links, self.source is not None)
            self._kept_links = None
        if self._links is None:
            from calendar_tui.model.links import links_in

            found = links_in(self.markdown()) if self.source else []
            if self.links_before or self.links_after:
                self._links = merge_links(self.links_before, found, self.links_after)
            else:
                self._links = tuple(found)  # each address once already
            self.note_made()
        return self._links

    @property
    def links_made(self) -> bool:
        return self._links is not None or self._kept_links is not None

    def kept_search(self) -> str | None:
        """The folded search text the cache kept (taken once: the session keeps it), if clean."""
        kept, self._kept_search = self._kept_search, None
        if kept is None:
            return None
        from calendar_tui.model.kept_texts import kept_text

        return kept_text(kept, remade=True)  # made again from the description when unclean

    def note_made(self) -> None:
        """A text was made from the sources: the cache is to keep it."""
        global _made
        _made += 1
        self.fresh = True

    def made_texts(self, search: str | None) -> tuple[bytes | None, bytes | None, bytes | None]:
        """The description, the links and the folded search text (`search` when its session
        has it) made or kept so far, in the cache's form (kept_texts.py); None where not made.
        """
        from calendar_tui.model.kept_texts import keep_links, keep_text

        description, links, kept_search = self._kept_description, self._kept_links, None
        if description is None and self._description is not None:
            description = keep_text(self._description)
        if links is None and self._links is not None:
            links = keep_links(self._links)
        if search is not None:
            kept_search = keep_text(search)
        elif self._kept_search is not None:
            kept_search = self._kept_search
        return description, links, kept_search

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
        # The sources and the texts made, not what the cache kept: a copy is made while
        # parsing, before anything is kept.
        values = {name.lstrip("_"): getattr(self, name) for name in self._GIVEN}
        values.update(changes)
        return SessionText(**values)

    def __reduce__(self):
        # Only the sources travel (from a pool worker, say): a made text is made again there.
        given = (None, None) if self.source is not None else (self.description, self.links)
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
