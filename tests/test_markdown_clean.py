"""clean_markdown: kramdown + raw HTML bodies as plain Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model import html_to_markdown as h2m
from calendar_tui.model import markdown_clean as mc
from calendar_tui.model.markdown_clean import clean_markdown

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ligne un<br>ligne deux", "ligne un\\\nligne deux"),
        ("* **Titre**\n<br>Lundi 23 novembre", "* **Titre**\\\nLundi 23 novembre"),
        ("avant\n\n<br>\n\naprès", "avant\n\naprès"),
        ("a\n<br>\n<br>\nb", "a\n\nb"),
        ('<a href="https://x.fr/a">le lien</a>', "[le lien](https://x.fr/a)"),
        ('<a href="/agenda/x/">ici</a>', "[ici](https://www.numerique.gouv.fr/agenda/x/)"),
        ("[ici](/agenda/x/)", "[ici](https://www.numerique.gouv.fr/agenda/x/)"),
        (
            '<a href="https://x.fr" class="button"><b>S\'inscrire</b></a>',
            "[**S'inscrire**](https://x.fr)",
        ),
        ('<a href="">S\'inscrire</a>', "S'inscrire"),
        ('<h2 class="text-center font-bold">Au menu</h2>', "## Au menu"),
        ('<div align="center"><h4>Programme</h4></div>', "#### Programme"),
        ("<p>un</p><p>deux</p>", "un\n\ndeux"),
        ("<div>un</div>deux", "un\n\ndeux"),
        ("<b>gras</b> et <strong>fort</strong>", "**gras** et **fort**"),
        ("<i>penché</i> et <em>appuyé</em>", "*penché* et *appuyé*"),
        ("<b> espacé </b>", "**espacé**"),
        ("<ul><li>un</li><li>deux</li></ul>", "* un\n* deux"),
        ("<ul><li>un<li>deux</ul>", "* un\n* deux"),
        ("<ol><li>un</li><li>deux</li></ol>", "1. un\n2. deux"),
        (
            "<ul><li><b>Titre</b>\n<br>De 10h à 11h\n<br>\n<br>\nTexte</li></ul>",
            "* **Titre**\\\n  De 10h à 11h\n\n  Texte",
        ),
        ('<span lang="en">pitch</span>', "pitch"),
        ("avant<!-- caché -->après", "avantaprès"),
        ("<style>\n.button { color: red; }\n</style>\nTexte", "Texte"),
        ("<script>alert(1)</script>Texte", "Texte"),
        ('<img src="/uploads/a.png" alt="">Texte', "Texte"),
        ("Paragraphe\n{: .encadre}", "Paragraphe"),
        ('[lien](https://x.fr){:target="_blank"}', "[lien](https://x.fr)"),
        ('> {: .text-center}\n> ## **Titre**\n{: .encadre role="presentation" }', "> ## **Titre**"),
        ("a&nbsp;b &amp; c &eacute;t&eacute;", "a\u00a0b & c été"),
        ("\x1b[31mrouge\x1b[0m\x07", "rouge"),
        ("a\u202eb", "ab"),
        ("un\n\n\n\n\ndeux", "un\n\ndeux"),
        ("  \n\nTexte  \n\n  ", "Texte"),
        ("ligne avec deux espaces  \nsuite", "ligne avec deux espaces\\\nsuite"),
        ("fin avec barre\\", "fin avec barre"),
        ("<https://beta.gouv.fr>", "[https://beta.gouv.fr](https://beta.gouv.fr)"),
        ("\\[échappé\\]", "\\[échappé\\]"),
        ("a <hr> b", "a\n\n---\n\nb"),
        ("", ""),
    ],
)
def test_clean_markdown(source: str, expected: str) -> None:
    assert clean_markdown(source) == expected


def test_bundled_programme_body_has_no_html_left() -> None:
    seed = CORPUS.parent / "seeds" / "mois-de-linnovation-publique-edition-2020.markdown"
    cleaned = clean_markdown(seed.read_text(encoding="utf-8").split("---", 2)[2])
    assert "<br>" not in cleaned
    assert "\n\n\n" not in cleaned
    assert "**[Le 09/11 de 14h à 15h15] [Webinaire] [EIG]**" in cleaned


def test_forum_page_loses_its_style_block_and_keeps_its_button_link() -> None:
    text = (CORPUS / "evenements" / "forum-emploi-tech-etat-2020.markdown").read_text("utf-8")
    cleaned = clean_markdown(text.split("---", 2)[2])
    assert "background-color" not in cleaned
    assert "<" not in cleaned.replace("<<", "")
    assert (
        "[**S'inscrire au Forum**](https://app.seekube.com/forum-emploi-tech-Etat2020)" in cleaned
    )
    assert "### Programme" in cleaned
    assert "{:" not in cleaned


@pytest.mark.parametrize(
    "path", sorted(p for p in CORPUS.glob("*/*") if p.suffix in {".md", ".markdown"})
)
def test_every_corpus_body_cleans(path: Path) -> None:
    cleaned = clean_markdown(path.read_text(encoding="utf-8"))
    assert "\x1b" not in cleaned
    assert "\n\n\n" not in cleaned
    assert "{:" not in cleaned
    assert "<br" not in cleaned.lower()
    assert "<div" not in cleaned.lower()


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    cleaned = clean_markdown(text)
    assert isinstance(cleaned, str)
    assert "\n\n\n" not in cleaned


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<br>",
                "<b>",
                "</b>",
                "<li>",
                "</ul>",
                "<a href='x'>",
                "</a>",
                "<h2>",
                "</h3>",
                "<style>",
                "{: .x}",
                "**",
                "\n",
                "\n\n",
                "texte",
                " ",
                "&nbsp;",
                "<!--",
                "-->",
                "<",
                ">",
                "\\",
                "* ",
                "[",
                "](",
                ")",
            ]
        )
    )
)
def test_html_soup_never_raises(parts: list[str]) -> None:
    assert isinstance(clean_markdown("".join(parts)), str)


# -- fast paths give the same result as the general code -----------------------------------

_BR_SOUP = st.lists(
    st.sampled_from(["\ue000", " ", "\t", "\n", "x", "**", "__", "\\", "*", " **", "** "]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_BR_SOUP)
def test_resolve_br_matches_plain_regex_sub(text: str) -> None:
    assert h2m.resolve_br(text) == h2m._BR_RUN.sub(h2m._replace_br, text)


@settings(max_examples=300, deadline=None)
@given(_BR_SOUP)
def test_drop_empty_emphasis_matches_combined_regex(text: str) -> None:
    assert mc._drop_empty_emphasis(text) == mc._EMPTY_EMPHASIS.sub("", text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<br>", "<BR/>", "<br />", "<br  >", "texte", " ", "\n", "**", ">", "é"]),
        max_size=20,
    ).map("".join)
)
def test_br_only_markup_skips_the_parser_with_the_same_result(text: str) -> None:
    converter = h2m.Converter()
    converter.feed(text)
    converter.close()
    replaced, needs_parser = mc._only_line_breaks(text)
    assert not needs_parser
    assert replaced == converter.result()
