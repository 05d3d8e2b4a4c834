"""The filter language: parsing, errors with positions, matching as the Filter does, round trips."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_tui.model.filter_eval import expr_to_filter, filter_to_expr, select
from calendar_tui.model.filter_expr import (
    And,
    Dates,
    ExprError,
    Favourites,
    Not,
    Or,
    Tag,
    Words,
    parse,
    uses_favourites,
)
from calendar_tui.model.filters import Filter

EXAMPLE = 'tag:webinaire et (tag:"intelligence artificielle" ou "données") sauf tag:EIG'


def test_the_issue_example_parses_to_its_tree():
    assert parse(EXAMPLE) == And(
        (
            Tag("webinaire", "webinaire"),
            Or(
                (
                    Tag("intelligence artificielle", "intelligence artificielle"),
                    Words("données", "donnees"),
                )
            ),
            Not(Tag("eig", "EIG")),
        )
    )


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("tag:a and tag:b", "tag:a et tag:b"),
        ("tag:a or tag:b", "tag:a ou tag:b"),
        ("tag:a except tag:b", "tag:a sauf tag:b"),
        ("tag:a and not tag:b", "tag:a et non tag:b"),
        ("tag:a tag:b", "tag:a et tag:b"),  # side by side: both
        ("TAG:A ET Tag:B", "tag:a et tag:b"),
    ],
)
def test_english_words_and_juxtaposition_mean_the_same(english, french):
    assert str(parse(english)).lower() == str(parse(french)).lower()


def test_precedence_sauf_loosest_then_ou_then_et():
    assert parse("a ou b et c") == Or((Words("a", "a"), And((Words("b", "b"), Words("c", "c")))))
    assert parse("a ou b sauf c") == And(
        (Or((Words("a", "a"), Words("b", "b"))), Not(Words("c", "c")))
    )


def test_dates_months_years_ranges_and_french_days():
    assert parse("date:2020-11-16") == Dates(date(2020, 11, 16), date(2020, 11, 16))
    assert parse("date:16/11/2020") == Dates(date(2020, 11, 16), date(2020, 11, 16))
    assert parse("date:2020-02") == Dates(date(2020, 2, 1), date(2020, 2, 29))
    assert parse("date:2020-12") == Dates(date(2020, 12, 1), date(2020, 12, 31))
    assert parse("date:2020") == Dates(date(2020, 1, 1), date(2020, 12, 31))
    assert parse("date:2020-11-16..2020-11") == Dates(date(2020, 11, 16), date(2020, 11, 30))
    assert parse("date:..2020-11-16") == Dates(None, date(2020, 11, 16))
    assert parse("du:2020-11 au:2020-12-02") == And(
        (Dates(date(2020, 11, 1), None), Dates(None, date(2020, 12, 2)))
    )


def test_quoted_operators_and_keywords_are_words():
    assert parse('"et"') == Words("et", "et")
    assert parse("« favoris »") == Words(" favoris ", "favoris")
    assert parse("favoris") == Favourites()
    assert uses_favourites(parse("tag:a sauf (b ou non favoris)"))
    assert not uses_favourites(parse('tag:a "favoris"'))


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (EXAMPLE.replace('"données")', '"données"'), 1, 18, "parenthèse non fermée"),
        ("tag:a et", 1, 7, "« et » doit être suivi d'un terme"),
        ("tag:a et )", 1, 7, "« et » doit être suivi d'un terme"),
        ("ou tag:a", 1, 1, "terme attendu avant « ou »"),
        ("tag:a )", 1, 7, "parenthèse fermante"),
        ('tag:a "open', 1, 7, "guillemet non fermé"),
        ('tag:"open', 1, 5, "guillemet non fermé"),
        ("tag:", 1, 1, "valeur attendue après « tag: »"),
        ("tga:ia", 1, 1, "champ inconnu « tga »"),
        ("date:2020-13-01", 1, 1, "n'est pas une date"),
        ("date:..", 1, 1, "intervalle de dates sans début ni fin"),
        ("and tag:a", 1, 1, "terme attendu avant « and » (« et » relie deux termes)"),
        ("a\n  et (b", 2, 6, "parenthèse non fermée"),
        ("()", 1, 1, "parenthèses vides"),
        ("   ", 1, 1, "expression vide"),
        ("(" * 100 + "a" + ")" * 100, 1, 65, "trop d'imbrications"),
    ],
)
def test_errors_say_where(text, line, column, message):
    with pytest.raises(ExprError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert message in caught.value.message
    assert str(caught.value).startswith(f"ligne {line}, colonne {column} : ")


@given(st.text(max_size=80))
@settings(max_examples=400)
def test_arbitrary_text_never_raises_anything_but_expr_error(text):
    with contextlib.suppress(ExprError):
        parse(text)


_PIECES = st.sampled_from(
    [
        "tag:",
        'tag:"',
        "(",
        ")",
        "et",
        "ou",
        "sauf",
        "non",
        "not",
        "favoris",
        "date:",
        "2020-11",
        "..",
        '"',
        "«",
        "»",
        "\\",
        ":",
        "lieu:",
        "a",
        "é",
        " ",
        "\n",
        "\x1b",
    ]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
@settings(max_examples=400)
def test_near_miss_expressions_never_raise_anything_but_expr_error(text):
    with contextlib.suppress(ExprError):
        parse(text)


def titles(occurrences):
    return sorted({o.title for o in occurrences})


def test_the_example_on_the_bundled_programme(bundled_store):
    found = select(bundled_store.occurrences, parse(EXAMPLE))
    assert found and all("Webinaire" in o.tags and "EIG" not in o.tags for o in found)
    assert any("Intelligence artificielle" in o.tags for o in found)
    eig = select(bundled_store.occurrences, parse("tag:webinaire et tag:eig"))
    assert eig and not set(eig) & set(found)


def test_words_fold_accents_case_and_typography_like_the_search_box(bundled_store):
    for query in ("DONNEES", "l'etat", "données publiques"):
        expected = bundled_store.query(Filter(text=query)).occurrences
        assert select(bundled_store.occurrences, parse(query)) == expected
    phrase = select(bundled_store.occurrences, parse('"cycle de vie de la donnée"'))
    assert titles(phrase) and all("Cycle de vie" in o.title for o in phrase)


def test_places_titles_dates_and_favourites(bundled_store):
    everything = bundled_store.occurrences
    on_day = select(everything, parse("date:2020-11-26"))
    assert on_day and all(o.first_day <= date(2020, 11, 26) <= o.last_day for o in on_day)
    assert len(select(everything, parse("date:2020-11"))) == len(everything)
    assert select(everything, parse("date:2021")) == ()
    assert select(everything, parse("date:2020-11-03..2020-11-02")) == ()  # as the Filter
    titled = select(everything, parse("titre:pseudonymisation"))
    assert len(titled) == 1
    starred = frozenset({titled[0].session.id})
    assert select(everything, parse("favoris"), starred) == titled
    assert select(everything, parse("non favoris"), starred) == tuple(
        o for o in everything if o not in titled
    )
    assert select(everything, parse("lieu:zzzz-nowhere")) == ()


@st.composite
def filters(draw, keys: list[str]):
    include = frozenset(draw(st.lists(st.sampled_from(keys), max_size=3)))
    exclude = frozenset(draw(st.lists(st.sampled_from(keys), max_size=2))) - include
    word = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6)
    text = " ".join(w for w in draw(st.lists(word, max_size=2)) if w.split() == [w])
    day = st.one_of(st.none(), st.dates(date(2020, 10, 25), date(2020, 12, 5)))
    return Filter(
        include=include,
        match_all=draw(st.booleans()) if len(include) > 1 else False,
        exclude=exclude,
        text=text,
        start=draw(day),
        end=draw(day),
        only=draw(st.sampled_from([None, frozenset({"x"})])),
    )


@given(data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_filter_and_its_expression_are_two_faces_of_one_value(bundled_store, data):
    keys = [t.key for t in bundled_store.tags()] + ["no such tag"]
    flt = data.draw(filters(keys))
    favourites = flt.only or frozenset()
    expression = filter_to_expr(flt, bundled_store.labels)
    assert expr_to_filter(expression, favourites=favourites) == flt
    if flt.only is not None:  # the store reads `only`, the expression reads the starred ids
        flt = flt.with_only(favourites)
    expected = bundled_store.query(flt).occurrences
    if not expression:  # no filter
        assert flt.cleared() == flt and expected == bundled_store.occurrences
        return
    assert select(bundled_store.occurrences, parse(expression), favourites) == expected


def test_filter_expressions_read_naturally(bundled_store):
    labels = bundled_store.labels
    assert filter_to_expr(Filter()) == ""
    flt = Filter(include=frozenset({"webinaire", "api"}), exclude=frozenset({"eig"}), text="open")
    assert filter_to_expr(flt, labels) == "(tag:API ou tag:Webinaire) et open sauf tag:EIG"
    assert filter_to_expr(flt.with_match_all(True), labels) == (
        "tag:API et tag:Webinaire et open sauf tag:EIG"
    )
    assert filter_to_expr(Filter(exclude=frozenset({"eig", "api"})), labels) == (
        "non tag:API et non tag:EIG"
    )
    assert filter_to_expr(Filter(include=frozenset({"donnees ouvertes"})), labels) == (
        'tag:"Données ouvertes"'
    )


def test_expressions_the_tag_picker_cannot_show_give_none():
    for text in ("lieu:Paris", '"deux mots"', "tag:a ou b", "tag:a et (tag:b ou tag:c)", "non b"):
        assert expr_to_filter(text) is None
    assert expr_to_filter("tag:a", match_all=True) == Filter(
        include=frozenset({"a"}), match_all=True
    )
