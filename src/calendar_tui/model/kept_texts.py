"""Texts the post cache keeps once they are made (session_text.py): their form in the cache
file, and the checks they pass when read back.

A description and a folded search text are kept as UTF-8, links as MessagePack (decoded, by
type, only when read). What is read back is as hostile as any post text: it is taken as it is
only when it is UTF-8 and as clean as a made text is; otherwise it is made again from its
source, or, where the cache kept no source (it keeps none once the description and the links
are kept), cleaned as post text is.
"""

from __future__ import annotations

import msgspec

from calendar_tui.model.link import Link
from calendar_tui.model.text import clean_text, is_clean, one_line

_ENCODE = msgspec.msgpack.Encoder().encode
_LINKS = msgspec.msgpack.Decoder(tuple[Link, ...])
_NO_LINKS = _ENCODE(())

_UTF8 = "utf-8"
_ANY_STR = "surrogatepass"  # what was made round-trips; a lone surrogate fails the check


def keep_text(text: str) -> bytes:
    return text.encode(_UTF8, _ANY_STR)


def kept_text(data: bytes, remade: bool) -> str | None:
    """The text kept as `data`; when it is damaged or unclean, None if it can be made again
    (`remade`), else the text cleaned."""
    try:
        text = data.decode(_UTF8)
    except UnicodeDecodeError:
        if remade:
            return None
        text = data.decode(_UTF8, "replace")
    if is_clean(text):
        return text
    return None if remade else clean_text(text)


def keep_links(links: tuple[Link, ...]) -> bytes:
    return _ENCODE(links)


def kept_links(data: bytes, remade: bool) -> tuple[Link, ...] | None:
    """The links kept as `data`; when damaged or unclean, None if they can be found again
    (`remade`), else the clean links among them."""
    if data == _NO_LINKS:  # most sessions
        return ()
    try:
        links = _LINKS.decode(data)
    except (msgspec.DecodeError, ValueError, TypeError, RecursionError):
        return None if remade else ()
    # Printable texts are clean, printable addresses without a space are what `clean_url`
    # leaves: one scan in C each, for what was made.
    if all(_printable(link) for link in links):
        return links
    if remade:
        return None
    return tuple(
        Link(one_line(link.text), link.url)
        for link in links
        if link.url.isprintable() and " " not in link.url
    )


def _printable(link: Link) -> bool:
    url = link.url
    return link.text.isprintable() and url.isprintable() and " " not in url
