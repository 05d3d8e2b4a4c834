"""The French date and time grammar: table tests for every phrasing, property tests for safety."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calendar_tui.model import date_text
from calendar_tui.model.french_dates import (
    MONTHS,
    WEEKDAYS,
    TimeRange,
    infer_year,
    parse_times,
    parse_when,
)

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

REF = date(2020, 11, 4)  # when the "Mois de l'innovation publique 2020" programme was written


def t(spec: str) -> TimeRange:
    """'14:00-15:15' or '9:00' as a TimeRange."""
    start, _, end = spec.partition("-")
    return TimeRange(
        time.fromisoformat(f"{start:0>5}"), time.fromisoformat(f"{end:0>5}") if end else None
    )


def d(spec: str) -> date:
    return date.fromisoformat(spec)


# --- Days ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "is_range"),
    [
        ("05/11", ["2020-11-05"], False),
        ("5/11/2020", ["2020-11-05"], False),
        ("05/11/20", ["2020-11-05"], False),
        ("5 novembre", ["2020-11-05"], False),
        ("5 NOVEMBRE", ["2020-11-05"], False),
        ("le mardi 24 novembre 2020", ["2020-11-24"], False),
        ("Lundi 29 novembre 2021", ["2021-11-29"], False),
        ("LUNDI 29 NOVEMBRE 2021", ["2021-11-29"], False),
        ("1er décembre", ["2020-12-01"], False),
        ("1ᵉʳ decembre", ["2020-12-01"], False),
        ("mercredi 16 décembre", ["2020-12-16"], False),
        ("le 28 août 2019", ["2019-08-28"], False),
        ("le 28 aout 2019", ["2019-08-28"], False),
        ("le 17 fevrier", ["2021-02-17"], False),
        ("le 3 janv. 2021", ["2021-01-03"], False),
        ("2020-11-05", ["2020-11-05"], False),
        ("Du 02/11 au 30/11", ["2020-11-02", "2020-11-30"], True),
        ("du 29 novembre au 15 décembre", ["2020-11-29", "2020-12-15"], True),
        ("du 13 au 15 juin 2019", ["2019-06-13", "2019-06-15"], True),
        ("Du 2 au 30 novembre 2020, participez", ["2020-11-02", "2020-11-30"], True),
        ("du 1er mars au 2 mai 2021", ["2021-03-01", "2021-05-02"], True),
        ("du 15 janvier au 28 février 2020.", ["2020-01-15", "2020-02-28"], True),
        ("(du 11 au 13 novembre)", ["2020-11-11", "2020-11-13"], True),
        ("du 30 décembre au 2 janvier", ["2020-12-30", "2021-01-02"], True),
        ("les 13 et 14 juin", ["2020-06-13", "2020-06-14"], False),
        ("les 7, 8 et 9 septembre", ["2020-09-07", "2020-09-08", "2020-09-09"], False),
        ("13 et 14 juin 2019", ["2019-06-13", "2019-06-14"], False),
        ("les 13 & 14 juin prochains", ["2020-06-13", "2020-06-14"], False),
        ("les 13 &amp; 14 juin 2019", ["2019-06-13", "2019-06-14"], False),
        ("9 et 10 janvier 2024", ["2024-01-09", "2024-01-10"], False),
        (
            "FranceConnect à l’ID Forum de Lille les 7, 8 et 9 septembre 2021",
            ["2021-09-07", "2021-09-08", "2021-09-09"],
            False,
        ),
        ("**1er mars 2018 … 1er mars 2023**", ["2018-03-01"], False),
        ("Étape Corse, le 8 novembre à Ajaccio", ["2020-11-08"], False),
        ("Rendez-vous le 24 juillet 2019", ["2019-07-24"], False),
    ],
)
def test_days(text: str, days: list[str], is_range: bool) -> None:
    when = parse_when(text, REF)
    assert when is not None
    assert when.days == tuple(map(d, days))
    assert when.is_range is is_range
    assert when.problems == ()


def test_non_breaking_spaces_count_as_spaces() -> None:
    when = parse_when("lundi\u00a023\u202fnovembre 2020,\u00a017h\u202f–\u202f17h30", REF)
    assert when is not None
    assert when.days == (d("2020-11-23"),)
    assert when.times == (t("17:00-17:30"),)


# --- Times ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("9h", ["9:00"]),
        ("9h30", ["9:30"]),
        ("09h00", ["9:00"]),
        ("14 h 30", ["14:30"]),
        ("9 heures 30", ["9:30"]),
        ("9 heure 30", ["9:30"]),
        ("9 heures", ["9:00"]),
        ("midi", ["12:00"]),
        ("Midi", ["12:00"]),
        ("minuit", ["0:00"]),
        ("14:00", ["14:00"]),
        ("de 14h à 15h15", ["14:00-15:15"]),
        ("de 14h a 15h15", ["14:00-15:15"]),
        ("14h-15h", ["14:00-15:00"]),
        ("14h – 15h", ["14:00-15:00"]),
        ("14h — 15h", ["14:00-15:00"]),
        ("9h30 - 10h15", ["9:30-10:15"]),
        ("9h\u202f-\u202f17h30", ["9:00-17:30"]),
        ("entre 9h et 10h", ["9:00-10:00"]),
        ("de 9h jusqu'à 18h", ["9:00-18:00"]),
        ("de 9h jusqu’à 18h", ["9:00-18:00"]),
        ("à 11h à 12h", ["11:00-12:00"]),
        ("à partir de 14h", ["14:00"]),
        ("à partir de 9h et jusqu'à 18h", ["9:00-18:00"]),
        (
            "De 10h à 11h, de 14h à 15h ou de 16h à 17h",
            ["10:00-11:00", "14:00-15:00", "16:00-17:00"],
        ),
        ("à 9h et à 14h", ["9:00", "14:00"]),
        ("de 9h à 12h30 et de 14h à 17h", ["9:00-12:30", "14:00-17:00"]),
        ("14h-14h30", ["14:00-14:30"]),
        ("**14h30 :** Pitchs", ["14:30"]),
        ("* **13h45 – 14h :** présentation", ["13:45-14:00"]),
        ("#### [9h-9h30] **Accueil des participants**", ["9:00-9:30"]),
        ("**[14h00]** Ouverture", ["14:00"]),
        ("* 17h45-18h30 : Coacher ma mobilité", ["17:45-18:30"]),
        ("* **8h30  :** Accueil petit-déjeuner", ["8:30"]),
        ("## 14h - Pitchs des projets", ["14:00"]),
        ("9h - 17h30", ["9:00-17:30"]),
        ("16h30 à 18h", ["16:30-18:00"]),
        ("14:00-15:00", ["14:00-15:00"]),
        ("L'après-midi sera consacrée aux ateliers", []),
        ("Midi-Pyrénées", []),
        ("5 habitants", []),
        ("l'an 2020h", []),
        ("jusqu'à 18h", []),
        ("2020-11-04 16:25:00 +01:00", ["16:25"]),
        ("https://example.org/14h30", []),
    ],
)
def test_times(text: str, times: list[str]) -> None:
    assert parse_times(text) == (tuple(map(t, times)), ())


@pytest.mark.parametrize(
    ("text", "times", "problem"),
    [
        ("25h", [], "'25h' is not a time"),
        ("14h75", [], "'14h75' is not a time"),
        ("de 15h à 14h", ["15:00"], "end 14h before start 15h"),
        ("de 14h30 à 14h30", ["14:30"], "end 14h30 before start 14h30"),
        ("de 14h à 25h", ["14:00"], "'25h' is not a time"),
        ("de 25h à 14h", [], "'25h' is not a time"),
    ],
)
def test_time_problems(text: str, times: list[str], problem: str) -> None:
    assert parse_times(text) == (tuple(map(t, times)), (problem,))


# --- Days with their times -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "is_range", "times", "ref"),
    [
        ("[Le 09/11 de 14h à 15h15]", ["2020-11-09"], False, ["14:00-15:15"], REF),
        ("[Le 05/11 à 9h]", ["2020-11-05"], False, ["9:00"], REF),
        (
            "**[Le 20/11 à 11h à 12h] [Atelier participatif]**",
            ["2020-11-20"],
            False,
            ["11:00-12:00"],
            REF,
        ),
        (
            "[Du 16/11 au 20/11 de 17h à 17h30]",
            ["2020-11-16", "2020-11-20"],
            True,
            ["17:00-17:30"],
            REF,
        ),
        ("mardi 24 novembre, 17h-17h30", ["2020-11-24"], False, ["17:00-17:30"], REF),
        ("<br>Lundi 23 novembre 2020, 17h30-18h", ["2020-11-23"], False, ["17:30-18:00"], REF),
        ("25/11/2020", ["2020-11-25"], False, [], REF),
        ("le 25 avril 2022 de 16h30 à 18h", ["2022-04-25"], False, ["16:30-18:00"], REF),
        (
            "Le mardi 13 décembre de 9h à 17h30",
            ["2022-12-13"],
            False,
            ["9:00-17:30"],
            date(2022, 11, 16),
        ),
        (
            "13 et 14 juin 2019, de 9h à 19h",
            ["2019-06-13", "2019-06-14"],
            False,
            ["9:00-19:00"],
            REF,
        ),
        (
            "**Quand ?** Le 14 juin 2019, de 13h15 à 13h45",
            ["2019-06-14"],
            False,
            ["13:15-13:45"],
            REF,
        ),
        (
            "jeudi 16 décembre 2021, à partir de 9h et jusqu'à 18h",
            ["2021-12-16"],
            False,
            ["9:00-18:00"],
            REF,
        ),
        ("Lundi 5 décembre 2022, 14h-16h", ["2022-12-05"], False, ["14:00-16:00"], REF),
        ("mardi 17 septembre 2024 de 09h00 à 12h30", ["2024-09-17"], False, ["9:00-12:30"], REF),
        ("Lundi 8 juillet 2019 à 9 heure 30", ["2019-07-08"], False, ["9:30"], REF),
        ("Connectez-vous ici le 17/02 à 13h45", ["2021-02-17"], False, ["13:45"], REF),
        ("Jusqu’au 27 novembre 2020, 14h", ["2020-11-27"], False, ["14:00"], REF),
        (
            "Jusqu’au **6 septembre 2019 à minuit** les administrations",
            ["2019-09-06"],
            False,
            ["0:00"],
            REF,
        ),
        (
            "Le 16 décembre, de 9h à 18h, retrouvez plusieurs administrations",
            ["2020-12-16"],
            False,
            ["9:00-18:00"],
            REF,
        ),
        (
            "le jeudi 15 novembre de 14h à 18h30",
            ["2018-11-15"],
            False,
            ["14:00-18:30"],
            date(2018, 10, 31),
        ),
        (
            "Rendez-vous le **5 février 2020 au Lieu de la transformation publique de 14h30 à 16h45",
            ["2020-02-05"],
            False,
            ["14:30-16:45"],
            REF,
        ),
        ("à 14h, le 5 novembre", ["2020-11-05"], False, ["14:00"], REF),
        (
            "du lundi 2 au vendredi 6 novembre 2020, de 9h à 10h",
            ["2020-11-02", "2020-11-06"],
            True,
            ["9:00-10:00"],
            REF,
        ),
        (
            "Les inscriptions sont ouvertes du 6 mars au 18 mars, 12h00",
            ["2021-03-06", "2021-03-18"],
            True,
            ["12:00"],
            REF,
        ),
        (
            "De 10h à 11h, de 14h à 15h ou de 16h à 17h, le 5 novembre",
            ["2020-11-05"],
            False,
            ["10:00-11:00", "14:00-15:00", "16:00-17:00"],
            REF,
        ),
        ("avant vendredi 27 janvier à midi", ["2023-01-27"], False, ["12:00"], date(2023, 1, 13)),
    ],
)
def test_days_with_times(
    text: str, days: list[str], is_range: bool, times: list[str], ref: date
) -> None:
    when = parse_when(text, ref)
    assert when is not None
    assert when.days == tuple(map(d, days))
    assert when.is_range is is_range
    assert when.times == tuple(map(t, times))
    assert when.all_day is (not times)
    assert when.problems == ()


@pytest.mark.parametrize(
    ("text", "days", "is_range"),
    [
        ("[Du 02/11 au 30/11] [Appel à idées]", ["2020-11-02", "2020-11-30"], True),
        ("le 5 novembre toute la journée", ["2020-11-05"], False),
        ("Toute la journée, le 5 novembre", ["2020-11-05"], False),
    ],
)
def test_all_day(text: str, days: list[str], is_range: bool) -> None:
    when = parse_when(text, REF)
    assert when is not None
    assert (when.days, when.is_range, when.times, when.all_day) == (
        tuple(map(d, days)),
        is_range,
        (),
        True,
    )


def test_times_stay_in_their_phrase() -> None:
    when = parse_when(
        "<br>Lundi 23 novembre 2020, 17h-17h30<br>Lundi 23 novembre 2020, 18h-18h30", REF
    )
    assert when is not None and when.times == (t("17:00-17:30"),)
    when = parse_when("Le 7 septembre : plénière. Ouverture à 9h.", REF)
    assert when is not None and when.times == () and when.all_day
    when = parse_when("le 5 novembre et le 6 novembre à 14h", REF)
    assert when is not None and when.days == (d("2020-11-05"),) and when.times == ()


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("[Le 09/11 de 14h à 15h15] [Webinaire] [EIG]", "Le 09/11 de 14h à 15h15"),
        ("**[Du 02/11 au 30/11] [API]**", "Du 02/11 au 30/11"),
        (
            "Nous vous donnons rendez-vous le **mercredi 14 mai à 18h30** au Lieu",
            "le **mercredi 14 mai à 18h30",
        ),
        ("FranceConnect les 7, 8 et 9 septembre 2021 à Lille", "les 7, 8 et 9 septembre 2021"),
        (
            "Lundi\u00a023 novembre 2020, 17h-17h30 : Les API",
            "Lundi\u00a023 novembre 2020, 17h-17h30",
        ),
        ("Ouverture le 16 décembre à 9h</p></div>", "le 16 décembre à 9h"),
        ("é" * 3 + " le 5 déc. à 9h", "le 5 déc. à 9h"),
    ],
)
def test_span(text: str, matched: str) -> None:
    when = parse_when(text, REF)
    assert when is not None
    assert text[when.start : when.end] == matched


# --- Diagnostics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days", "problem"),
    [
        ("31/11", [], "'31/11' is not a date"),
        ("jeudi 116 décembre", [], "'jeudi 116 décembre' is not a date"),
        ("30/02/2021", [], "'30/02/2021' is not a date"),
        ("29/02/2021", [], "'29/02/2021' is not a date"),
        ("05/13/2020", [], "'05/13/2020' is not a date"),
        ("jeudi 24 novembre 2020", ["2020-11-24"], "'jeudi' does not match 24/11/2020 (a Tuesday)"),
        ("Mardi 30 novembre 2020", ["2020-11-30"], "'Mardi' does not match 30/11/2020 (a Monday)"),
        ("le 5 novembre 0000", [], "'5 novembre 0000' is not a date: year 0 is out of range"),
        ("5/11/10000", [], "'5/11/10000' is not a date: year 10000 is out of range"),
        ("Du 02/11 au 31/11", ["2020-11-02"], "'31/11' is not a date"),
        ("du 28 au 3 décembre", ["2020-12-28"], "'du 28 au 3 décembre' ends before it starts"),
        (
            "Du 30/11/2020 au 02/11/2020",
            ["2020-11-30"],
            "'Du 30/11/2020 au 02/11/2020' ends before it starts",
        ),
        ("les 30 et 31 novembre", ["2020-11-30"], "'31 novembre' is not a date"),
    ],
)
def test_day_problems(text: str, days: list[str], problem: str) -> None:
    when = parse_when(text, REF)
    assert when is not None
    assert when.days == tuple(map(d, days))
    assert when.problems == (problem,)
    assert not when.is_range


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("5/11/0007", "0007-11-05"),
        ("5 novembre 9999", "9999-11-05"),
        ("le 1er janvier 2010", "2010-01-01"),
    ],
)
def test_odd_years_stay_parseable(text: str, days: str) -> None:
    when = parse_when(text, REF)
    assert when is not None and when.days == (d(days),) and when.problems == ()


def test_time_problems_in_a_phrase() -> None:
    when = parse_when("le 5 novembre de 15h à 14h", REF)
    assert when is not None
    assert when.times == (t("15:00"),)
    assert when.problems == ("end 14h before start 15h",)
    when = parse_when("[Le 05/11 à 25h]", REF)
    assert when is not None
    assert (when.times, when.all_day, when.problems) == ((), True, ("'25h' is not a time",))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "10%",
        "Entrepreneur d'intérêt général : les réalisations de la promo 2",
        "Présentation de la version 4 du RGAA",
        "5 projets",
        "chaque session est limitée à 16 participants",
        "https://x/2020/11/05",
        "[le billet](https://blog.beta.gouv.fr/dinsic/2021/10/07/fast) de 14h à 15h",
        '<a href="/agenda/2020/11/05/">programme</a>',
        "écrire à contact@2020-11-05.fr",
        "1/2 journée",
        "14h",
        "de 14h à 15h",
        "le 14",
        "jeudi",
        "ce lundi",
        "Le programme 10% raconté par les participants.",
        "décembre 2020",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_when(text, REF) is None


# --- Years ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "month", "reference", "year"),
    [
        (5, 11, date(2020, 11, 4), 2020),
        (15, 1, date(2020, 12, 10), 2021),  # a December post listing January dates
        (20, 12, date(2021, 1, 5), 2020),  # a January post looking back at December
        (14, 6, date(2019, 5, 31), 2019),
        (29, 2, date(2021, 6, 1), 2020),  # the nearest leap year
        (29, 2, date(2022, 6, 1), 2022),  # none near: the reference year (the date is a problem)
        (30, 2, date(2020, 1, 1), 2020),
        (1, 13, date(2020, 1, 1), 2020),
        (5, 11, date(1, 1, 1), 1),
        (5, 1, date(9999, 12, 31), 9999),
    ],
)
def test_infer_year(day: int, month: int, reference: date, year: int) -> None:
    assert infer_year(day, month, reference) == year


def test_year_of_a_day_without_one() -> None:
    when = parse_when("le 15 janvier", date(2020, 12, 10))
    assert when is not None and when.days == (d("2021-01-15"),)


def test_maps() -> None:
    assert WEEKDAYS["jeudi"] == 3
    assert MONTHS["décembre"] == MONTHS["decembre"] == 12
    assert MONTHS["août"] == MONTHS["aout"] == 8


def test_plain_python_only() -> None:
    code = (
        "import sys, calendar_tui.model.french_dates; "
        "sys.exit(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- Properties ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "le ", "du ", "au ", "les ", " et ", ", ", "de ", "à ", "a partir de ", "jusqu'à ", "entre ",
        "lundi ", "Jeudi ", "1er ", "5 ", "31 ", "116 ", "0 ", "99 ", "novembre ", "déc. ", "août ",
        "2020 ", "0000 ", "10000 ", "05/11", "31/11/20", "0/0/0", "2020-11-05", "14h", "9h30", "25h",
        "14h75", " - ", "–", "midi", "minuit", "14:00", "toute la journée", "\u00a0", "\u202f",
        "https://x/1/2", "](", ")", "[", "]", "<br>", "&nbsp;", ".", "\n", "**", "é", "\u0301", "ﬁ", "İ",
    ]
)  # fmt: skip
_PHRASES = st.lists(_PIECES | st.text(max_size=5), max_size=20).map("".join)
_REFERENCES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.text(), _REFERENCES)
def test_parse_when_never_raises_on_any_text(text: str, reference: date) -> None:
    when = parse_when(text, reference)
    if when is not None:
        assert 0 <= when.start <= when.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, _REFERENCES)
def test_parse_when_never_raises_on_date_like_text(text: str, reference: date) -> None:
    when = parse_when(text, reference)
    if when is not None:
        assert 0 <= when.start <= when.end <= len(text)
        assert when.days or when.problems
        assert not when.is_range or (len(when.days) == 2 and when.days[0] < when.days[1])
        assert when.all_day or when.times
        assert all(r.end is None or r.start < r.end for r in when.times)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _PHRASES))
def test_parse_times_never_raises(text: str) -> None:
    ranges, problems = parse_times(text)
    assert all(r.end is None or r.start < r.end for r in ranges)
    assert all(isinstance(p, str) and p for p in problems)


@settings(max_examples=300, deadline=None)
@given(st.integers(), st.integers(), _REFERENCES)
def test_infer_year_never_raises(day: int, month: int, reference: date) -> None:
    assert abs(infer_year(day, month, reference) - reference.year) <= 1


# -- fast paths give the same result as the general code -----------------------------------


def _fold_reference(text: str) -> tuple[str, tuple[int, ...]]:
    """Character by character, as `_fold` did before its cached translate table."""
    parts, positions = [], []
    for i, ch in enumerate(text):
        folded = date_text._fold_char(ch)
        parts.append(folded)
        positions.extend([i] * len(folded))
    return "".join(parts), tuple(positions)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aéÉ 9/ﬁe\u0301ᵉ½\u00a0\u2013’-Ω"), max_size=20))
def test_fold_fast_path_matches_character_by_character(text: str) -> None:
    folded = date_text.fold_for_dates(text)  # no "&", "<", URL or e-mail: nothing is blanked
    norm, positions = _fold_reference(text)
    assert folded.norm == norm
    if folded.index is None:  # every character folded to exactly one
        assert positions == tuple(range(len(text)))
    else:
        assert folded.index == positions


def test_folding_never_makes_a_digit() -> None:
    """parse_when skips text without an ASCII digit: folding must not create one."""
    for code in (0xB2, 0xBD, 0x2460, 0xFF11, 0x0663, 0x1D7CE, 0x2474):
        assert not any("0" <= c <= "9" for c in date_text._fold_char(chr(code)))
