"""French day and month names, kept as data: the first frame pays no babel locale lookup.

babel stays the source: the tables are what `babel.dates` gives for fr_FR, and a test holds
them equal (tests/test_french_names.py), so a babel update that changed them would be seen.
Loading babel's fr_FR data cost ~10 ms in the month grid's mount, before the first frame.
`model/date_names.py` picks this table or the English one for the current language.
"""

from __future__ import annotations

DAY_NAMES = {  # Monday first, as `babel.dates.get_day_names(kind, locale="fr_FR")`
    "wide": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "abbreviated": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "short": ("lu", "ma", "me", "je", "ve", "sa", "di"),
}
MONTH_NAMES = (  # January first; French has one form, stand-alone ("LLLL") and in a date ("MMMM")
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
