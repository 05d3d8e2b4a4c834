"""A Jekyll document's public URL from its permalink template, as Jekyll builds it.

Templates hold placeholders (`/:collection/:path/`, `/:categories/:year/:month/:day/:title.html`)
or name a style (`date`, `pretty`, `ordinal`, `none`). Placeholders come from the document's
path, date, categories and slug; each path segment is percent-escaped as Jekyll does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import quote

STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
COLLECTION_DEFAULT = "/:collection/:path:output_ext"
OUTPUT_EXT = ".html"  # Markdown documents are rendered to HTML
_PLACEHOLDER = re.compile(r":([a-z_]+)")
# What Jekyll's slugify replaces by "-": all but letters, marks and digits (and, in its "pretty"
# mode, a few URL-safe signs).
_NOT_PRETTY = re.compile(r"(?:[^\w._~!$&'()+,;=@]|_)+")
_NOT_DEFAULT = re.compile(r"[\W_]+")
POST_NAME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-(.+)")


def style_to_template(value: str) -> str:
    return STYLES.get(value, value)


def collection_template(permalink: str | None, site_style: str) -> str:
    """A collection's template: its own, else `/:collection/:path` with the site style's ending."""
    if permalink:
        return style_to_template(permalink)
    style = style_to_template(site_style)
    if style.endswith("/"):
        return "/:collection/:path/"
    return COLLECTION_DEFAULT


def slugify(value: str, pretty: bool = False) -> str:
    if pretty:
        return _NOT_PRETTY.sub("-", value).strip("-")
    return _NOT_DEFAULT.sub("-", value.lower()).strip("-")


def placeholders(
    *,
    collection: str,
    relative: str,  # the document's path inside its collection folder, POSIX
    when: date | None,
    categories: list[str],
    slug: str | None,
) -> dict[str, str]:
    path = PurePosixPath(relative)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    title_source = stem
    if collection == "posts" and (match := POST_NAME.fullmatch(stem)):
        title_source = match[4]
    values = {
        "collection": collection,
        "path": str(path.with_suffix("")) if path.suffix else str(path),
        "name": slugify(stem),
        "title": slugify(slug or title_source, pretty=True),
        "slug": slugify(slug or title_source),
        "categories": "/".join(c.lower() for c in categories),
        "output_ext": OUTPUT_EXT,
    }
    if when is not None:
        values.update(
            year=f"{when.year:04d}",
            short_year=f"{when.year % 100:02d}",
            month=f"{when.month:02d}",
            i_month=str(when.month),
            day=f"{when.day:02d}",
            i_day=str(when.day),
            y_day=f"{when.timetuple().tm_yday:03d}",
            week=f"{when.isocalendar()[1]:02d}",
            short_day=when.strftime("%a"),
        )
    return values


def render(template: str, values: Mapping[str, str]) -> str:
    """The URL path: placeholders replaced, empty segments dropped, each segment escaped."""

    def replace(match: re.Match) -> str:
        return values.get(match[1], match[0])

    # Longest names first: ":i_month" is not ":i" + "_month"; the regex reads whole names, and
    # ":title:output_ext" is two placeholders side by side.
    path = _PLACEHOLDER.sub(replace, template)
    trailing = path.endswith("/")
    segments = [quote(s, safe="!$&'()*+,;=:@~") for s in path.split("/") if s]
    url = "/" + "/".join(segments)
    return url + "/" if trailing and segments else url


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + path
