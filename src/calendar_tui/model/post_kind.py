"""Whether a post belongs to a collection of events or is news, from its folder and fields.

A post of an events collection must give occurrences or say why not; a news post stays silent
and eventless. The nearest folder with a telling name decides (`_evenements/formation/x.md` is
an event, `actualites/x.md` news); a `layout` or category saying news makes any post news.
"""

from __future__ import annotations

from pathlib import PurePath

from calendar_tui.model.fields import list_field, text_field
from calendar_tui.model.text import fold

EVENT_FOLDERS = frozenset({"evenements", "evenement", "events", "event", "agenda"})
NEWS_FOLDERS = frozenset({"actualites", "actualite", "actus", "news", "posts", "blog", "articles"})
_NEWS_WORDS = frozenset({"actualite", "actualites", "actu", "news", "article", "blog", "post"})


def in_event_collection(path: str) -> bool:
    """True when the nearest telling folder above the post names events."""
    for folder in reversed(PurePath(path).parts[:-1]):
        name = fold(folder).strip("_. ")
        if name in EVENT_FOLDERS:
            return True
        if name in NEWS_FOLDERS:
            return False
    return False


def says_news(meta: dict) -> bool:
    """`layout: actualite`, or a category "Actualités" / "Article"."""
    words = [text_field(meta.get("layout")), *list_field(meta.get("categories"))]
    words += list_field(meta.get("categorie"))
    return any(fold(word).strip() in _NEWS_WORDS for word in words if word)
