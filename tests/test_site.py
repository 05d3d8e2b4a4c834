"""A whole Jekyll site as input: collections, defaults, what Jekyll would not publish, page URLs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.i18n import set_language
from calendar_tui.model.loader import load_posts
from calendar_tui.model.permalinks import collection_template, placeholders, render
from calendar_tui.model.site import defaults_for, read_site, read_sites

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

CONFIG = """\
title: Le site
url: "https://example.org/"
baseurl: /blog
permalink: pretty
collections:
  evenements:
    output: true
    permalink: /evenements/:path/
  brouillons:
    output: false
  actualites:
    output: true
defaults:
  - scope: {path: ""}
    values: {lieu: "Partout"}
  - scope: {path: "", type: evenements}
    values: {lieu: "Paris", tags: [Défaut]}
  - scope: {path: "_evenements/2030"}
    values: {published: false}
"""


def event(title: str, start: str, **extra: str) -> str:
    lines = [f"title: {title}", f"event_start_date: {start}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\nTexte.\n"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write(root, "_config.yml", CONFIG)
    write(root, "_evenements/atelier.md", event("Atelier", "2020-11-18 10:00:00 +01:00"))
    write(
        root,
        "_evenements/sous/meetup.md",
        event("Meetup", "2020-11-19 18:00:00 +01:00", lieu="Lyon"),
    )
    write(
        root,
        "_evenements/brouillon.md",
        event("Brouillon", "2020-11-20 10:00:00 +01:00", published="false"),
    )
    write(
        root,
        "_evenements/2030/plus-tard.md",
        event("Caché par défaut", "2020-11-21 10:00:00 +01:00"),
    )
    write(
        root,
        "_posts/2020-11-02-webinaire-ia.md",
        event("Webinaire IA", "2020-11-24 14:00:00 +01:00", categories="[Webinaires, IA]"),
    )
    write(root, "_posts/2031-01-01-futur.md", event("Futur", "2031-01-10 14:00:00 +01:00"))
    write(root, "_brouillons/interne.md", event("Interne", "2020-11-25 10:00:00 +01:00"))
    write(root, "_actualites/nouvelle.md", "---\ntitle: Une nouvelle\n---\nRien à voir.\n")
    write(root, "_drafts/pas-publie.md", event("Pas publié", "2020-11-26 10:00:00 +01:00"))
    write(root, "README.md", event("Pas un document", "2020-11-27 10:00:00 +01:00"))
    return root


def by_title(root: Path, **options) -> dict:
    result = load_posts([root], **options)
    return {p.title: p for p in result.posts}


def site_link(post) -> str | None:
    urls = [k.url for s in post.calendar_sessions for k in s.links if k.text == "page on the site"]
    assert len(set(urls)) <= 1
    return urls[0] if urls else None


def test_a_site_is_read_as_jekyll_would_publish_it(site, monkeypatch):
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-18T09:00")
    posts = by_title(site)
    # Drafts (own or by default), future posts, _drafts, files outside collections, collections
    # without events: all left out.
    assert sorted(posts) == ["Atelier", "Interne", "Meetup", "Webinaire IA"]
    assert posts["Atelier"].event.location == "Paris"  # the more specific default wins
    assert posts["Atelier"].tags == ("Défaut",)
    assert posts["Meetup"].event.location == "Lyon"  # the post's own front matter wins
    assert posts["Interne"].event.location == "Partout"
    assert site_link(posts["Atelier"]) == "https://example.org/blog/evenements/atelier/"
    assert site_link(posts["Meetup"]) == "https://example.org/blog/evenements/sous/meetup/"
    assert site_link(posts["Webinaire IA"]) == (
        "https://example.org/blog/webinaires/ia/2020/11/02/webinaire-ia/"
    )
    assert site_link(posts["Interne"]) is None  # output: false, Jekyll renders no page


def test_the_site_link_is_named_in_french_by_default(site, monkeypatch):
    """The module runs in English (see pytestmark); the link's words were French in both."""
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-18T09:00")
    set_language("fr")
    try:
        links = [k.text for s in by_title(site)["Atelier"].calendar_sessions for k in s.links]
    finally:
        set_language("en")
    assert "page sur le site" in links and "page on the site" not in links


def test_drafts_and_future_posts_when_asked_for(site, monkeypatch):
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-18T09:00")
    assert {"Brouillon", "Caché par défaut", "Futur"} <= set(by_title(site, drafts=True))
    text = (site / "_config.yml").read_text(encoding="utf-8")
    (site / "_config.yml").write_text(text + "future: true\n", encoding="utf-8")
    assert "Futur" in by_title(site)
    _, posts, _ = read_sites([site], drafts=False, today=date(2032, 1, 1))
    assert "Futur" in {p.title for p in posts}


def test_the_cli_shows_the_site_link_and_a_plain_folder_has_none(site, capsys, monkeypatch):
    monkeypatch.setenv("CALENDAR_TUI_NOW", "2020-11-18T09:00")
    assert main(["list", str(site), "--format", "json", "--where", "titre:atelier"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert {
        "text": "page on the site",
        "url": "https://example.org/blog/evenements/atelier/",
    } in item["links"]
    assert main(["list", str(site / "_evenements"), "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and all("page on the site" not in [k["text"] for k in i["links"]] for i in items)
    assert "Brouillon" not in {i["title"] for i in items}  # published: false, as ever


def test_a_broken_config_is_reported_and_the_folder_read_as_a_folder(site):
    (site / "_config.yml").write_text("title: [unclosed\n", encoding="utf-8")
    result = load_posts([site])
    [problem] = [d for d in result.diagnostics if d.path.endswith("_config.yml")]
    assert problem.severity == "error" and "read as a plain folder" in problem.message
    titles = {p.title for p in result.posts}
    assert "Pas un document" in titles and "Atelier" in titles  # every post file, as a folder


def test_a_config_without_url_or_with_a_list_of_collections(tmp_path):
    root = tmp_path / "site"
    write(root, "_config.yml", "collections: [evenements]\nurl: javascript:alert(1)\n")
    write(root, "_evenements/a.md", event("A", "2020-11-18 10:00:00 +01:00"))
    site, problems = read_site(root)
    assert (
        problems == []
        and site.url == ""
        and [c.label for c in site.collections]
        == [
            "posts",
            "evenements",
        ]
    )
    [post] = load_posts([root]).posts
    assert site_link(post) is None  # no http(s) url: nothing to link to


def test_defaults_scopes_and_specificity(site):
    config, _ = read_site(site)
    assert defaults_for(config, "_evenements/2030/x.md", "evenements") == {
        "lieu": "Paris",
        "tags": ["Défaut"],
        "published": False,
    }
    assert defaults_for(config, "_posts/x.md", "posts") == {"lieu": "Partout"}


@pytest.mark.parametrize(
    ("template", "collection", "relative", "when", "categories", "expected"),
    [
        ("/:collection/:path:output_ext", "evenements", "a/b.md", None, [], "/evenements/a/b.html"),
        (
            "/:categories/:year/:month/:day/:title/",
            "posts",
            "2020-11-02-x-y.md",
            date(2020, 11, 2),
            ["A b"],
            "/a%20b/2020/11/02/x-y/",
        ),
        (
            "/:categories/:title:output_ext",
            "posts",
            "2020-11-02-x.md",
            date(2020, 11, 2),
            [],
            "/x.html",
        ),
        ("/e/:path/", "evenements", "appel-<<-cas->>.md", None, [], "/e/appel-%3C%3C-cas-%3E%3E/"),
        (
            "/:year/:i_month/:y_day/:name",
            "posts",
            "2020-02-03-Été.md",
            date(2020, 2, 3),
            [],
            "/2020/2/034/2020-02-03-%C3%A9t%C3%A9",
        ),
    ],
)
def test_permalinks(template, collection, relative, when, categories, expected):
    values = placeholders(
        collection=collection, relative=relative, when=when, categories=categories, slug=None
    )
    assert render(template, values) == expected


def test_collection_templates_follow_the_site_style():
    assert collection_template(None, "pretty") == "/:collection/:path/"
    assert collection_template(None, "date") == "/:collection/:path:output_ext"
    assert collection_template("none", "pretty") == "/:categories/:title:output_ext"
