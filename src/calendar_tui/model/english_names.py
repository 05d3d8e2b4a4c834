"""English day and month names, kept as data like the French ones (`french_names.py`).

They are what `babel.dates` gives for the `en` locale, held equal by a test
(tests/test_french_names.py); `model/date_names.py` picks them under `--lang en`.
"""

from __future__ import annotations

DAY_NAMES = {  # Monday first, as `babel.dates.get_day_names(kind, locale="en")`
    "wide": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "abbreviated": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "short": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"),
}
MONTH_NAMES = (  # January first; the same stand-alone ("LLLL") and in a date ("MMMM")
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
