"""French and English names kept as data: equal to babel's (fr_FR, en), and babel not loaded to
draw the calendar."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from babel.dates import format_date, get_day_names, get_month_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_tui.model import english_names, french_names
from calendar_tui.model.date_names import month_year, weekday_day_month

LOCALES = {"fr": ("fr_FR", french_names), "en": ("en", english_names)}


@pytest.mark.parametrize("language", LOCALES)
def test_the_tables_are_babels(language):
    locale, table = LOCALES[language]
    for kind, names in table.DAY_NAMES.items():
        assert names == tuple(get_day_names(kind, locale=locale)[i] for i in range(7))
    for context in ("format", "stand-alone"):
        months = get_month_names("wide", context=context, locale=locale)
        assert tuple(months[i] for i in range(1, 13)) == table.MONTH_NAMES


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # shared machine
@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(sorted(LOCALES)))
def test_the_words_are_babels(day, language):
    locale = LOCALES[language][0]
    assert month_year(day, language) == format_date(day, "LLLL y", locale=locale)
    assert weekday_day_month(day, language=language) == format_date(
        day, "EEEE d MMMM y", locale=locale
    )
    assert weekday_day_month(day, year=False, language=language) == format_date(
        day, "EEEE d MMMM", locale=locale
    )


def test_babel_is_not_imported_for_the_widgets_words():
    code = (
        "import sys\n"
        "from calendar_tui.widgets import formatting, month_grid, week_grid, day_list, detail\n"
        "from calendar_tui.model import agenda_text\n"
        "from datetime import date\n"
        "formatting.month_title(date(2020, 11, 1)); formatting.weekday_names(12)\n"
        "formatting.day_words(date(2020, 11, 1))\n"
        "assert 'babel' not in sys.modules, sorted(m for m in sys.modules if 'babel' in m)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
