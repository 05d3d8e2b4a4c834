"""The app's commands, declared once: bindings, the footer, the help screen and the palette.

Each `AppCommand` becomes a Textual `Binding` (with an id, so users can remap it from the
settings file) in the scope that owns it, a row of the help screen, and, when it makes sense
outside a key press, an entry of the command palette (`screens/palette.py`).

Pure data: this module imports nothing of the app, so the widgets and screens that read it
never import each other through it.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from textual.binding import Binding

from calendar_tui.i18n import N_, _


# Frozen msgspec Structs, not dataclasses: the same value semantics, made in a thirtieth of
# the time (a dataclass compiles its methods at import, ~1 ms each before the first frame).
class AppCommand(msgspec.Struct, frozen=True):
    id: str  # binding id, the key of `keymap` in the settings file
    action: str  # Textual action, run in the owning scope
    keys: str  # default keys, comma-separated Textual key names
    description: str  # short, for the footer (English, marked N_: translated where shown)
    help: str  # a sentence, for the help screen and the palette (idem)
    show: bool = True  # in the footer
    palette: bool = True  # offered by the command palette
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            _(self.description),
            show=self.show,
            key_display=self.key_display,
            id=self.id,
            tooltip=_(self.help),
        )


def bindings(commands: Iterable[AppCommand]) -> list[Binding]:
    return [command.binding() for command in commands]


APP_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand("app.quit", "quit", "q", N_("Quit"), N_("Quit the application")),
    AppCommand(
        "app.help",
        "help",
        "question_mark,f1",
        N_("Help"),
        N_("Show every key"),
        key_display="?",
    ),
    AppCommand(
        "app.problems",
        "problems",
        "exclamation_mark",
        N_("Problems"),
        N_("See the problems found while loading the posts"),
        key_display="!",
    ),
)

CALENDAR_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "calendar.prev_month",
        "month(-1)",
        "pageup,left_square_bracket",
        N_("Prev. month"),
        N_("Go to the previous month"),
        show=False,
    ),
    AppCommand(
        "calendar.next_month",
        "month(1)",
        "pagedown,right_square_bracket",
        N_("Next month"),
        N_("Go to the next month"),
        show=False,
    ),
    AppCommand(
        "calendar.next_day",
        "session_day(1)",
        "n",
        N_("Next day"),
        N_("Go to the next day with sessions"),
    ),
    AppCommand(
        "calendar.prev_day",
        "session_day(-1)",
        "p",
        N_("Prev. day"),
        N_("Go to the previous day with sessions"),
    ),
    AppCommand(
        "calendar.first_day",
        "edge_day(-1)",
        "home",
        N_("First day"),
        N_("Go to the first day with sessions"),
        show=False,
    ),
    AppCommand(
        "calendar.last_day",
        "edge_day(1)",
        "end",
        N_("Last day"),
        N_("Go to the last day with sessions"),
        show=False,
    ),
    AppCommand("calendar.today", "today", "t", N_("Today"), N_("Go to today")),
    AppCommand(
        "calendar.tags", "tags", "f", N_("Tags"), N_("Choose the tags to include or exclude")
    ),
    AppCommand(
        "calendar.search",
        "search",
        "slash",
        N_("Search"),
        N_("Search the sessions"),
        key_display="/",
    ),
    AppCommand("calendar.clear", "clear_filters", "c", N_("Clear"), N_("Clear every filter")),
    AppCommand(
        "calendar.star",
        "star",
        "s",
        N_("Favourite"),
        N_("Add the chosen session to the favourites, or remove it"),
    ),
    AppCommand(
        "calendar.favourites",
        "favourites_only",
        "F",
        N_("My favourites"),
        N_("Show only the favourites, or the whole programme"),
    ),
    AppCommand(
        "calendar.clashes",
        "clashes",
        "C",
        N_("Clashes"),
        N_("See the favourites that overlap"),
    ),
    AppCommand(
        "calendar.week",
        "toggle_week",
        "w",
        N_("Week/month"),
        N_("Switch from the month grid to the hour-by-hour week, and back"),
    ),
    AppCommand(
        "calendar.export",
        "export",
        "e",
        N_("Export"),
        N_("Export the sessions shown (or the favourites) to an .ics file"),
    ),
    AppCommand(
        "calendar.open_link",
        "open_link",
        "o",
        N_("Open link"),
        N_("Open the session's registration link in the browser"),
    ),
    AppCommand(
        "calendar.copy_link",
        "copy_link",
        "y",
        N_("Copy link"),
        N_("Copy the session's registration link"),
    ),
    AppCommand("calendar.views", "pick_view", "v", N_("Views"), N_("Pick a saved view")),
    AppCommand(
        "calendar.save_view",
        "save_view",
        "V",
        N_("Save the view"),
        N_("Save the current filters as a view"),
        show=False,
    ),
    AppCommand(
        "calendar.reload",
        "reload",
        "R,ctrl+r",
        N_("Reload"),
        N_("Read the posts changed since they were loaded again"),
        show=False,
    ),
    AppCommand(
        "calendar.linear",
        "toggle_linear",
        "L",
        N_("Linear view"),
        N_("Switch to the linear view (the programme in sentences, for screen readers), and back"),
        show=False,
    ),
    AppCommand(
        "calendar.changes",
        "changes_only",
        "d",
        N_("Changes"),
        N_("Show only the sessions changed since the revision (--changes-since), or all"),
    ),
    *(
        AppCommand(
            f"calendar.top_tag_{n}",
            f"top_tag({n - 1})",
            str(n),
            _("Tag {n}").format(n=n),  # made when imported: translated again where shown
            _("Include the no. {n} most frequent tag, or remove it").format(n=n),
            show=False,
            palette=False,
        )
        for n in range(1, 10)
    ),
)

GRID_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "grid.left",
        "move(-1)",
        "left,h",
        N_("Prev. day"),
        N_("Previous day"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.right",
        "move(1)",
        "right,l",
        N_("Next day"),
        N_("Following day"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.up",
        "move(-7)",
        "up,k",
        N_("Prev. week"),
        N_("Previous week"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.down",
        "move(7)",
        "down,j",
        N_("Next week"),
        N_("Following week"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.open", "open", "enter", N_("Sessions"), N_("Go to the day's sessions"), palette=False
    ),
)

DAY_LIST_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "sessions.down",
        "cursor_down",
        "j",
        N_("Next session"),
        N_("Next session"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "sessions.up",
        "cursor_up",
        "k",
        N_("Previous session"),
        N_("Previous session"),
        show=False,
        palette=False,
    ),
    AppCommand(
        "sessions.back", "back", "escape", N_("Calendar"), N_("Back to the calendar"), palette=False
    ),
    AppCommand(
        "sessions.star",
        "screen.star",
        "space",
        N_("Favourite"),
        N_("Add the session to the favourites, or remove it"),
        show=False,
        palette=False,
    ),
)

DETAIL_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "detail.back",
        "back",
        "escape",
        N_("Sessions"),
        N_("Back to the day's sessions"),
        palette=False,
    ),
)

TAG_PICKER_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "tags.toggle",
        "toggle",
        "space",
        N_("Include"),
        N_("Include the tag, or remove it"),
        palette=False,
    ),
    AppCommand(
        "tags.exclude",
        "exclude",
        "x,minus",
        N_("Exclude"),
        N_("Exclude the tag, or bring it back"),
        palette=False,
    ),
    AppCommand(
        "tags.mode",
        "match_all",
        "a",
        N_("All/any"),
        N_("Switch between “any of the tags” and “all the tags”"),
        palette=False,
    ),
    AppCommand(
        "tags.close", "close", "escape", N_("Close"), N_("Close the tag picker"), palette=False
    ),
)

SEARCH_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "search.clear", "clear", "escape", N_("Clear"), N_("Clear the search"), palette=False
    ),
)

# For the help screen: every key, by where it works.
HELP_SECTIONS: tuple[tuple[str, tuple[AppCommand, ...]], ...] = (
    (N_("Everywhere"), APP_COMMANDS),
    (N_("Calendar"), CALENDAR_COMMANDS),
    (N_("Day grid"), GRID_COMMANDS),
    (N_("The day's sessions"), DAY_LIST_COMMANDS),
    (N_("Session detail"), DETAIL_COMMANDS),
    (N_("Tag picker"), TAG_PICKER_COMMANDS),
    (N_("Search box"), SEARCH_COMMANDS),
)
# Keys Textual itself provides, shown in the help too.
BUILTIN_KEYS: tuple[tuple[str, str], ...] = (
    ("tab,shift+tab", N_("Move from the grid to the sessions, then to the detail")),
    ("ctrl+p", N_("Command palette")),
    ("up,down,enter", N_("In a list: move, choose")),
)


# The footer shows these first, in this order, then the others as they come while there is
# room; the help key says "more keys" when some are left out (widgets/key_footer.py).
FOOTER_FIRST: tuple[str, ...] = (
    "app.quit",
    "app.help",
    "calendar.open_link",
    "calendar.copy_link",
    "calendar.clashes",
    "calendar.star",
    "calendar.tags",
    "calendar.search",
    "calendar.week",
    "calendar.clear",
    "sessions.back",
    "detail.back",
    "tags.close",
    "search.clear",
)


# The "close" keys of the modal screens, declared beside their screens.
MODAL_BINDING_IDS = ("clashes.close", "export.close", "problems.close", "links.close", "help.close")


def unknown_binding_ids(keymap: dict[str, str]) -> list[str]:
    """The keymap's ids that name no command (a typo, or a command since renamed)."""
    known = {command.id for _title, commands in HELP_SECTIONS for command in commands}
    known.update(MODAL_BINDING_IDS)
    return [binding_id for binding_id in keymap if binding_id not in known]
