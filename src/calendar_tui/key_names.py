"""Key names for people, in the current language: one table for the footer and the help.

Textual names keys for programs ("pageup", "shift+tab", "left_square_bracket"); the footer and
the help screen both show them through `key_name`, so a key reads the same in both
("espace", "PgPréc", "Maj+Tab" in French).
"""

from __future__ import annotations

from calendar_tui.i18n import N_, _

# Textual's key name -> what is shown (a symbol, or an English word translated when shown).
NAMES: dict[str, str] = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "question_mark": "?",
    "exclamation_mark": "!",
    "slash": "/",
    "minus": "-",
    "plus": "+",
    "asterisk": "*",
    "comma": ",",
    "full_stop": ".",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "space": N_("space"),
    "escape": N_("escape"),
    "enter": N_("enter"),
    "home": N_("home"),
    "end": N_("end"),
    "pageup": N_("PgUp"),
    "pagedown": N_("PgDn"),
    "tab": N_("Tab"),
    "backspace": N_("Backspace"),
    "delete": N_("Del"),
    "insert": N_("Ins"),
}
MODIFIERS: dict[str, str] = {"shift": N_("Shift"), "ctrl": "Ctrl", "alt": "Alt", "super": "Super"}
_SYMBOLS = {name for name, shown in NAMES.items() if not shown[:1].isalpha()}


def key_name(key: str) -> str:
    """One key, modifiers included: "shift+tab" -> "Maj+Tab", "space" -> "espace", "f1" -> "F1"."""
    *modifiers, name = key.strip().split("+")
    shown = NAMES.get(name)
    if shown is None:
        shown = name.upper() if name[:1] == "f" and name[1:].isdigit() else name
    elif name not in _SYMBOLS:
        shown = _(shown)
    return "+".join([*(_(MODIFIERS.get(m, m)) for m in modifiers), shown])


def key_label(keys: str) -> str:
    """ "pageup,left_square_bracket" -> "PgPréc / [": every key of a binding."""
    return " / ".join(key_name(key) for key in keys.split(",") if key.strip())
