"""A whole Jekyll site as input: a folder with `_config.yml`.

Read as Jekyll would publish it: the posts (`_posts/`) and the collections the configuration
declares (under `collections_dir`), keeping those that hold events; front-matter `defaults`
applied under each document's own front matter; `published: false` skipped (unless drafts
are asked for), and posts dated after today when the site has `future: false` (Jekyll's
default). Each session of a published page gets a "page sur le site" link, from the site's
`url` + `baseurl` and the collection's `permalink`. A folder without `_config.yml` is not a
site; a broken `_config.yml` is reported and the folder read as a plain folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from calendar_tui.i18n import N_, _
from calendar_tui.model.boundary import clean_diagnostics, clean_value, with_clean_diagnostics
from calendar_tui.model.links import clean_url
from calendar_tui.model.permalinks import (
    POST_NAME,
    absolute,
    collection_template,
    placeholders,
    render,
    style_to_template,
)
from calendar_tui.model.reading import NotReadable, read_regular
from calendar_tui.model.text import one_line, visible
from calendar_tui.model.types import Diagnostic, Link, Post

CONFIG = "_config.yml"
# A site's configuration is a few kB; PyYAML takes about 2 s and 70 MB of memory per MB of it
# (a 15 MB one took 29 s and 1.1 GB for a one-post `check`), so a larger one is not read.
MAX_CONFIG_BYTES = 1024 * 1024
SITE_LINK = N_("page on the site")  # a link's label, translated when the site is read
SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True, slots=True)
class Collection:
    label: str  # "posts" for _posts
    folder: Path
    output: bool  # whether Jekyll renders a page per document (posts: always)
    template: str  # permalink template


@dataclass(frozen=True, slots=True)
class Default:
    path: str  # scope path, relative to the site root ("" for everything)
    type: str | None  # a collection label, "posts", or None for any
    values: dict


@dataclass(frozen=True, slots=True)
class Site:
    root: Path
    url: str  # url + baseurl; "" when the site has no http(s) url
    collections: tuple[Collection, ...]
    defaults: tuple[Default, ...]
    future: bool
    title: str


def is_site(path: Path) -> bool:
    """A folder holding a `_config.yml` of any kind: one that is a pipe, a device or a dangling
    link is then said to be unusable (`read_site`), not passed over in silence."""
    return path.is_dir() and os.path.lexists(path / CONFIG)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def read_site(root: Path) -> tuple[Site | None, list[Diagnostic]]:
    """The site's configuration; None (with the reason) when `_config.yml` cannot be used."""
    import yaml

    from calendar_tui.model.front_matter import load_yaml

    where = visible(str(root / CONFIG))
    try:
        config, _lines = load_yaml(
            read_regular(root / CONFIG, MAX_CONFIG_BYTES).decode("utf-8-sig")
        )
    except NotReadable as error:  # swapped for a pipe since it was seen, or huge
        message = _("{problem}; read as a plain folder").format(problem=error)
        return None, [Diagnostic(where, None, "error", message, "site.unreadable")]
    except (OSError, UnicodeDecodeError) as error:
        return None, [
            Diagnostic(
                where,
                None,
                "error",
                _("cannot be read ({error}); read as a folder").format(error=error),
                "site.unreadable",
            )
        ]
    except (yaml.YAMLError, ValueError) as error:  # say where, and read a plain folder
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or _("not valid YAML")
        message = _("{problem}; read as a plain folder").format(problem=problem)
        return None, [Diagnostic(where, line, "error", message, "site.yaml")]
    if config is None:
        config = {}
    if not isinstance(config, dict):
        return None, [
            Diagnostic(
                where, 1, "error", _("is not a mapping; read as a plain folder"), "site.not_mapping"
            )
        ]
    url = _text(config.get("url")).rstrip("/")
    if not url.lower().startswith(("http://", "https://")):
        url = ""
    baseurl = _text(config.get("baseurl")).strip("/")
    if url and baseurl:
        url = f"{url}/{baseurl}"
    style = _text(config.get("permalink")) or "date"
    base = root / _text(config.get("collections_dir")) if config.get("collections_dir") else root
    collections = [Collection("posts", base / "_posts", True, style_to_template(style))]
    declared = config.get("collections") or {}
    if isinstance(declared, list):
        declared = {str(label): {} for label in declared}
    if isinstance(declared, dict):
        for label, meta in declared.items():
            meta = meta if isinstance(meta, dict) else {}
            label = str(label)
            if label == "posts":
                continue
            template = collection_template(_text(meta.get("permalink")) or None, style)
            output = meta.get("output") is True
            collections.append(Collection(label, base / f"_{label}", output, template))
    outside = [c for c in collections if not _inside(root, c.folder)]
    problems = [
        Diagnostic(
            where,
            None,
            "warning",
            _("the collection {label} is outside the site ({folder}); not read").format(
                label=one_line(c.label), folder=visible(str(c.folder))
            ),
            "site.outside",
        )
        for c in outside
    ]
    collections = [c for c in collections if c not in outside]
    defaults = []
    for entry in config.get("defaults") or ():
        if isinstance(entry, dict) and isinstance(entry.get("values"), dict):
            scope = entry.get("scope") if isinstance(entry.get("scope"), dict) else {}
            kind = scope.get("type")
            defaults.append(
                Default(
                    _text(scope.get("path")).strip("/"),
                    str(kind) if kind else None,
                    entry["values"],
                )
            )
    site = Site(
        root,
        url,
        tuple(collections),
        tuple(defaults),
        config.get("future") is True,
        _text(config.get("title")),
    )
    return site, problems


def _inside(root: Path, folder: Path) -> bool:
    """Whether `folder` lies in the site as its words say (a label "x/../../private" or a
    `collections_dir: ..` does not): Jekyll keeps collections inside the site, and a hostile
    `_config.yml` must not make us read, list or serve Markdown from elsewhere on the disk. A
    symbolic link inside the site is followed, as in a plain folder."""
    top = os.path.abspath(root)  # normalised, links not followed
    return os.path.commonpath([os.path.abspath(folder), top]) == top


def _deep_merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def defaults_for(site: Site, relative: str, label: str) -> dict:
    """Front-matter defaults for a document, the most specific scope last (it wins)."""
    matching = []
    for default in site.defaults:
        if default.type is not None and default.type != label:
            continue
        scope = default.path
        if scope and "*" in scope:
            applies = fnmatchcase(relative, scope) or fnmatchcase(relative, scope + "/*")
        else:
            applies = not scope or relative == scope or relative.startswith(scope + "/")
        if applies:
            matching.append(
                (len(PurePosixPath(scope).parts) if scope else 0, default.type is not None, default)
            )
    values: dict = {}
    for *_rest, default in sorted(matching, key=lambda m: (m[0], m[1])):
        values = _deep_merge(values, default.values)
    return values


def _documents(collection: Collection) -> list[Path]:
    if not collection.folder.is_dir():
        return []
    found = []
    for path in sorted(collection.folder.rglob("*")):
        relative = path.relative_to(collection.folder)
        if any(part.startswith((".", "_")) for part in relative.parts[:-1]):
            continue  # hidden or special folders inside a collection
        if path.name.endswith(SUFFIXES) and not path.name.startswith(".") and not path.is_dir():
            found.append(path)  # a pipe or a device too: reading it says why it is left out
    return found


def _categories(meta: dict) -> list[str]:
    value = meta.get("categories", meta.get("category"))
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return []


def _date(meta: dict, stem: str, label: str) -> date | None:
    from calendar_tui.model.event import publication_date

    found = publication_date(meta)
    if found is None and label == "posts" and (match := POST_NAME.fullmatch(stem)):
        try:
            found = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return found


def _with_link(post: Post, url: str) -> Post:
    link = Link(_(SITE_LINK), url)

    def linked(session):  # last of its links, unless they hold its address (made when read)
        return session.with_text(session.text.followed_by(link))

    event = linked(post.event) if post.event is not None else None
    return replace(post, event=event, sessions=tuple(linked(s) for s in post.sessions))


def load_site(site: Site, *, drafts: bool, today: date) -> tuple[list[Post], list[Diagnostic]]:
    """The posts Jekyll would publish from the site's collections that hold events."""
    from calendar_tui.model.parsing import read_post
    from calendar_tui.model.post import build_post

    kept: list[Post] = []
    diagnostics: list[Diagnostic] = []
    for collection in site.collections:
        posts: list[Post] = []
        problems: list[Diagnostic] = []
        for path in _documents(collection):
            raw, unread = read_post(path, visible(str(path)))  # read and cleaned as any post
            problems.extend(unread)
            if raw is None:
                continue
            relative = path.relative_to(site.root).as_posix()
            stem = path.stem
            meta = _deep_merge(defaults_for(site, relative, collection.label), raw.metadata)
            when = _date(meta, stem, collection.label)
            if collection.label == "posts" and "date" not in meta and when is not None:
                meta["date"] = when
            raw.metadata = clean_value(meta)  # the defaults come from _config.yml: hostile too
            post = with_clean_diagnostics(build_post(raw))
            problems.extend(post.diagnostics)
            if not post.published and not drafts:
                continue
            if not site.future and not drafts and when is not None and when > today:
                continue
            if site.url and collection.output:
                template = _text(meta.get("permalink")) or collection.template
                values = placeholders(
                    collection=collection.label,
                    relative=path.relative_to(collection.folder).as_posix(),
                    when=when,
                    categories=_categories(meta),
                    slug=_text(meta.get("slug")) or None,
                )
                post = _with_link(post, clean_url(absolute(site.url, render(template, values))))
            posts.append(post)
        if any(s.slots for p in posts for s in p.calendar_sessions):  # it holds events
            kept.extend(posts)
            diagnostics.extend(problems)
    return kept, diagnostics


def read_sites(
    paths: Sequence[Path], *, drafts: bool, today: date | None = None
) -> tuple[list[Path], list[Post], list[Diagnostic]]:
    """Splits `paths`: site roots are read here; the other paths are returned for the loader."""
    others: list[Path] = []
    posts: list[Post] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        if not is_site(path):
            others.append(path)
            continue
        site, problems = read_site(path)
        diagnostics.extend(clean_diagnostics(problems))  # _config.yml's own words and path
        if site is None:
            others.append(path)
            continue
        found, problems = load_site(site, drafts=drafts, today=today or _today())
        posts.extend(found)
        diagnostics.extend(problems)
    return others, posts, diagnostics


def _today() -> date:
    from calendar_tui.model.clock import clock_from_env

    try:
        return clock_from_env().now().date()
    except ValueError:
        return datetime.now().date()
