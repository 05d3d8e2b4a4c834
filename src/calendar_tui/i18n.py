"""User-facing text through gettext: French by default, English on request.

Message ids are English; the French catalog lives in `locale/fr/LC_MESSAGES/calendar_tui.po`
(made and compiled with babel's `pybabel`, see `make catalogs`). Code-facing identifiers
(diagnostic codes, binding ids) are never translated. Plain Python: the model may use it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "calendar_tui"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

_translation: gettext.NullTranslations | None = None
_language = DEFAULT_LANGUAGE
_catalogs: dict[str, gettext.NullTranslations] = {}


def language_from_env(env: Mapping[str, str] = os.environ) -> str:
    """The language asked for by the environment, as gettext reads it (`LANGUAGE`, `LC_ALL`,
    `LC_MESSAGES`, `LANG`): English for `en…`, French otherwise (C and POSIX included)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0].lower()
            return "en" if first.startswith("en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def set_language(language: str | None) -> str:
    """Use `language` ('fr' or 'en'; None: from the environment) from now on; returns it."""
    global _translation, _language
    chosen = language if language in LANGUAGES else language_from_env()
    _language = chosen
    _translation = gettext.NullTranslations() if chosen == "en" else _read_catalog(chosen)
    return chosen


def _read_catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog we ship for `language`, read once. Opened by its path, as
    `gettext.translation(..., fallback=True)` finds it: its search first expands the language
    with `locale.normalize`, and importing `locale` cost a third of `set_language`."""
    if language not in _catalogs:
        mo_file = os.path.join(LOCALE_DIR, language, "LC_MESSAGES", f"{DOMAIN}.mo")
        try:
            with open(mo_file, "rb") as handle:
                _catalogs[language] = gettext.GNUTranslations(handle)
        except FileNotFoundError:  # a catalog not compiled (`make catalogs`): English
            _catalogs[language] = gettext.NullTranslations()
    return _catalogs[language]


def current_language() -> str:
    if _translation is None:
        set_language(None)
    return _language


def _catalog() -> gettext.NullTranslations:
    if _translation is None:
        set_language(None)
    assert _translation is not None
    return _translation


def _(message: str) -> str:
    """`message` (English) in the current language."""
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _catalog().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks `message` for the catalog without translating it: for tables made at import time,
    translated with `_()` where they are shown (the language can be chosen after the import)."""
    return message


def said(program: str, message: str) -> str:
    """A line of the command line's stderr: "calendar-tui list: …" ("calendar-tui list : …" in
    French, as argparse's own errors and our other messages there)."""
    return _("{program}: {message}").format(program=program, message=message)
