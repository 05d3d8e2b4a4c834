"""PyYAML's reasons in a front matter's diagnostic: French sentences in French (they were
PyYAML's English), PyYAML's words in English, the code `front_matter.yaml` either way."""

from __future__ import annotations

import pytest
import yaml

from calendar_tui.i18n import set_language
from calendar_tui.model.front_matter import parse_post_text
from calendar_tui.model.yaml_reasons import KNOWN, PATTERNS, yaml_reason

BROKEN = {  # front matter -> what the French says
    "title: Atelier : Données: ouvertes": "« : » inattendu ici",
    "title: Atelier\n\tdate: 2020-11-26": "tabulation",
    "title: 'Atelier": "un guillemet non fermé",
    "tags: [Atelier, EIG": "« , » ou « ] » attendu",
    "title: @Atelier": "ne peut pas commencer une valeur",
    "title: Atelier\nlieu": "« : » attendu",
}


def problem(text: str):
    post = parse_post_text(f"---\n{text}\n---\nCorps\n", "posts/essai.md")
    (found,) = [d for d in post.diagnostics if d.code == "front_matter.yaml"]
    return found


@pytest.mark.parametrize("text", BROKEN)
def test_the_common_reasons_are_french(text):
    found = problem(text)
    assert BROKEN[text] in found.message, found.message
    assert found.message.startswith("l'en-tête n'est pas du YAML valide : ")


@pytest.mark.parametrize("text", BROKEN)
def test_english_keeps_pyyaml_s_words(text, english):
    found = problem(text)
    assert found.code == "front_matter.yaml"
    assert found.message.startswith("front matter is not valid YAML: ")
    reason = found.message.partition(": ")[2]
    assert reason and not any(word in reason for word in ("attendu", "inattendu", "guillemet"))


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
@pytest.mark.parametrize("text", BROKEN)
def test_both_pyyaml_dialects_are_known(text, loader):
    """The pure Python loader and libyaml word the same mistakes differently: each is known."""
    try:
        yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        reason = error.problem or str(error).splitlines()[0]
    else:
        pytest.fail("not an error")
    set_language("fr")
    assert yaml_reason(reason) != reason, reason


def test_an_unknown_reason_is_shown_as_pyyaml_gave_it():
    assert yaml_reason("something PyYAML never said") == "something PyYAML never said"
    assert yaml_reason("found character '{0}' that cannot start any token") == (
        "le caractère '{0}' ne peut pas commencer une valeur (mettre la valeur entre guillemets ;"
        " une tabulation : indenter avec des espaces)"
    )


def test_every_reason_formats_in_both_languages():
    for language in ("fr", "en"):
        set_language(language)
        for reason in KNOWN:
            assert yaml_reason(reason)
        for _pattern, message in PATTERNS:
            assert "{found}" in message
        assert yaml_reason("expected ',' or '}', but got '<stream end>'").count("}") == 1
    set_language("fr")
