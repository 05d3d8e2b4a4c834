"""Links: normalising what authors typed, finding them in Markdown and raw HTML, vetting schemes."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlsplit

from calendar_tui.model.link import Link
from calendar_tui.model.text import one_line

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
# The fields of a mailto: address a mail client only writes into the message. Others are not
# handed over: some clients take `attach=` (or `attachment=`) as a local file to attach
# (Evolution's CVE-2020-11879), so a post could have a private key attached to a draft.
MAILTO_FIELDS = frozenset({"to", "cc", "bcc", "subject", "body"})

_EMAIL = re.compile(r"^(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.IGNORECASE)
_BARE_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#].*)?$", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# [text](url "title") -- the text may itself hold brackets one level deep. The "[" comes first
# so the engine skips ahead to it (a leading lookbehind made it try every position); the
# lookbehind after it says the same as `(?<!!)` before it, and the text's runs are unrolled.
_MD_LINK = re.compile(
    r"\[(?<!!\[)([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>", re.IGNORECASE)
_HTML_A = re.compile(
    r"<a\b[^>]*?\bhref\s*=\s*([\"'])(.*?)\1[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")
_MD_NOISE = re.compile(r"[*_`]+")
# As a browser reads an address (WHATWG URL): tabs and line breaks inside it are dropped.
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Whatever else cannot stand in an address as typed: spaces, controls, bidi and zero-width
# characters. They are percent-encoded, so what is shown, copied and opened is one same string.
_NOT_IN_URL = re.compile(
    "[\x00-\x20\x7f-\x9f\u00a0\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]"
)
_SURROGATES = re.compile("[\ud800-\udfff]")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))


def clean_url(url: str) -> str:
    """`url` with no character that could act in a terminal, a shell or a clipboard paste."""
    if url.isprintable() and " " not in url:
        return url
    url = _SURROGATES.sub("", _TAB_OR_NEWLINE.sub("", url))
    return _NOT_IN_URL.sub(_percent, url)


def normalise_url(raw: str) -> str:
    """What an author typed, made into a URL: trimmed, e-mails as mailto:, bare hosts as https."""
    url = (raw or "").strip().strip("<>").strip()
    url = clean_url(url.replace("\\", ""))
    if not url:
        return ""
    if _EMAIL.match(url):
        return url if url.lower().startswith("mailto:") else f"mailto:{url}"
    if url.startswith("//"):
        return f"https:{url}"
    if not _SCHEME.match(url) and _BARE_HOST.match(url):
        return f"https://{url}"
    return url


def is_openable(url: str) -> bool:
    """Only web pages and e-mail are ever handed to a browser; javascript:, file:, data: are not,
    nor an address holding anything `clean_url` would have changed."""
    if clean_url(url) != url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        fields = parse_qsl(parts.query, keep_blank_values=True)
        return all(name.strip().lower() in MAILTO_FIELDS for name, _value in fields)
    return scheme in OPENABLE_SCHEMES and bool(parts.netloc)


def _link_text(raw: str, url: str) -> str:
    # Each step only runs when the character it needs is present (same result, less work).
    text = _TAG.sub(" ", raw) if "<" in raw else raw
    if "*" in text or "_" in text or "`" in text:
        text = _MD_NOISE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return one_line(text) or url


def links_in(text: str, site: str = "https://www.numerique.gouv.fr") -> list[Link]:
    """Every link in Markdown with raw HTML, in reading order, without repeats.

    Site-relative targets (`/agenda/...`) are made absolute against `site`; anchors (`#x`) are dropped.
    """
    found: list[tuple[int, Link]] = []
    patterns = []
    if "](" in text:  # a Markdown link holds "](" (its text's end and its address's start)
        patterns.append((_MD_LINK, 1, 2))
    if "<" in text:  # both others start with "<"
        patterns.extend(((_HTML_A, 3, 2), (_AUTOLINK, 1, 1)))
    for pattern, text_group, url_group in patterns:
        for match in pattern.finditer(text):
            url = match.group(url_group)
            url = (html.unescape(url) if "&" in url else url).strip()
            if not url or url.startswith("#"):
                continue
            if url.startswith("/") and not url.startswith("//"):
                url = site.rstrip("/") + url
            url = normalise_url(url)
            found.append((match.start(), Link(_link_text(match.group(text_group), url), url)))
    found.sort(key=lambda item: item[0])
    seen: set[str] = set()
    links: list[Link] = []
    for _, link in found:
        if link.url not in seen:
            seen.add(link.url)
            links.append(link)
    return links
