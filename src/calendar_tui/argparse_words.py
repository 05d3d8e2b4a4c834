"""argparse's own words ("usage: ", "options", "show this help message and exit", its error
messages) in the current language.

argparse translates them with gettext (`from gettext import gettext as _, ngettext` at its top,
looked up when each message is made), as Python's argparse how-to says. gettext's public way in
is the global text domain, whose language comes from the environment (LANGUAGE, LC_ALL...): it
cannot follow `--lang` or the settings' language, and changing the global domain or the
environment would reach every other user of gettext and the child processes. So `route()` points
argparse's two module names at our catalog instead: the one lookup argparse does (module
globals, looked up each time a message is made; no public hook takes a translation object). It
holds for the whole process, as the language does: calendar-tui is the only argparse user there.
A test (tests/test_cli_french.py) fails if a Python upgrade stops argparse from using them, or
adds a message missing here. The French puts a no-break space in "options :" (argparse adds the
colon itself).

The message ids below are Python 3.11's, marked for `pybabel extract` (their French is in our
catalog). Plural messages are two messages: argparse's `ngettext` picks one, `_()` translates it.
"""

from __future__ import annotations

from types import ModuleType

from calendar_tui.i18n import N_, _, current_language

MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    N_("unexpected option string: %s"),
    # Programming errors (a wrong parser definition), kept so every message argparse can show
    # has its French: a user never sees them in a released calendar-tui.
    N_(".__call__() not defined"),
    N_("'required' is an invalid argument for positionals"),
    N_("mutually exclusive arguments must be optional"),
    N_("%r is not callable"),
    N_("cannot merge actions - two groups are named %r"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("cannot have multiple subparser arguments"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("conflicting option string: %s"),
    N_("conflicting option strings: %s"),
)


def _plural(singular: str, plural: str, count: int) -> str:
    """argparse's `ngettext`: the form for `count` (French: 0 and 1 are singular), translated."""
    one = count == 1 or (count == 0 and current_language() != "en")
    return _(singular if one else plural)


def route(argparse: ModuleType) -> None:
    """Make `argparse` (the module) say its words through our catalog, in the language chosen
    by `set_language` at the time each message is made. Call before building a parser: its
    "positional arguments" and "options" titles are translated when it is made."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = _plural  # type: ignore[attr-defined]
