"""The app's commands, declared once: bindings, the footer, the help screen and the palette.

Each `AppCommand` becomes a Textual `Binding` (with an id, so users can remap it from the
settings file) in the scope that owns it, a row of the help screen, and, when it makes sense
outside a key press, an entry of the command palette (`screens/palette.py`).

Pure data: this module imports nothing of the app, so the widgets and screens that read it
never import each other through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class AppCommand:
    id: str  # binding id, the key of `keymap` in the settings file
    action: str  # Textual action, run in the owning scope
    keys: str  # default keys, comma-separated Textual key names
    description: str  # short, for the footer
    help: str  # a sentence, for the help screen and the palette
    show: bool = True  # in the footer
    palette: bool = True  # offered by the command palette
    key_display: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.show,
            key_display=self.key_display,
            id=self.id,
            tooltip=self.help,
        )


def bindings(commands: Iterable[AppCommand]) -> list[Binding]:
    return [command.binding() for command in commands]


APP_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand("app.quit", "quit", "q", "Quitter", "Quitter l'application"),
    AppCommand(
        "app.help",
        "help",
        "question_mark,f1",
        "Aide",
        "Afficher toutes les touches",
        key_display="?",
    ),
    AppCommand(
        "app.problems",
        "problems",
        "exclamation_mark",
        "Problèmes",
        "Voir les problèmes rencontrés au chargement des posts",
        key_display="!",
    ),
)

CALENDAR_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "calendar.prev_month",
        "month(-1)",
        "pageup,left_square_bracket",
        "Mois préc.",
        "Aller au mois précédent",
        show=False,
    ),
    AppCommand(
        "calendar.next_month",
        "month(1)",
        "pagedown,right_square_bracket",
        "Mois suiv.",
        "Aller au mois suivant",
        show=False,
    ),
    AppCommand(
        "calendar.next_day",
        "session_day(1)",
        "n",
        "Jour suiv.",
        "Aller au prochain jour qui a des sessions",
    ),
    AppCommand(
        "calendar.prev_day",
        "session_day(-1)",
        "p",
        "Jour préc.",
        "Aller au jour précédent qui a des sessions",
    ),
    AppCommand(
        "calendar.first_day",
        "edge_day(-1)",
        "home",
        "Premier jour",
        "Aller au premier jour qui a des sessions",
        show=False,
    ),
    AppCommand(
        "calendar.last_day",
        "edge_day(1)",
        "end",
        "Dernier jour",
        "Aller au dernier jour qui a des sessions",
        show=False,
    ),
    AppCommand("calendar.today", "today", "t", "Aujourd'hui", "Aller à aujourd'hui"),
    AppCommand("calendar.tags", "tags", "f", "Tags", "Choisir les tags à inclure ou exclure"),
    AppCommand(
        "calendar.search",
        "search",
        "slash",
        "Chercher",
        "Chercher dans les sessions",
        key_display="/",
    ),
    AppCommand("calendar.clear", "clear_filters", "c", "Effacer", "Effacer tous les filtres"),
    AppCommand(
        "calendar.star",
        "star",
        "s",
        "Favori",
        "Ajouter la session choisie aux favoris ou l'en retirer",
    ),
    AppCommand(
        "calendar.favourites",
        "favourites_only",
        "F",
        "Mes favoris",
        "Ne montrer que les favoris, ou tout le programme",
    ),
    AppCommand(
        "calendar.clashes",
        "clashes",
        "C",
        "Chevauchements",
        "Voir les favoris qui se chevauchent",
        show=False,
    ),
    AppCommand(
        "calendar.week",
        "toggle_week",
        "w",
        "Semaine/mois",
        "Passer de la grille du mois à la semaine heure par heure, et retour",
    ),
    AppCommand(
        "calendar.export",
        "export",
        "e",
        "Exporter",
        "Exporter les sessions affichées (ou les favoris) dans un fichier .ics",
    ),
    AppCommand(
        "calendar.open_link",
        "open_link",
        "o",
        "Ouvrir lien",
        "Ouvrir le lien d'inscription de la session dans le navigateur",
    ),
    AppCommand(
        "calendar.copy_link",
        "copy_link",
        "y",
        "Copier lien",
        "Copier le lien d'inscription de la session",
        show=False,
    ),
    AppCommand("calendar.views", "pick_view", "v", "Vues", "Choisir une vue enregistrée"),
    AppCommand(
        "calendar.save_view",
        "save_view",
        "V",
        "Enregistrer la vue",
        "Enregistrer les filtres actuels comme une vue",
        show=False,
    ),
    AppCommand(
        "calendar.changes",
        "changes_only",
        "d",
        "Changements",
        "Ne montrer que les sessions changées depuis la révision (--changes-since), ou tout",
    ),
    *(
        AppCommand(
            f"calendar.top_tag_{n}",
            f"top_tag({n - 1})",
            str(n),
            f"Tag {n}",
            f"Inclure ou retirer le tag n° {n} parmi les plus fréquents",
            show=False,
            palette=False,
        )
        for n in range(1, 10)
    ),
)

GRID_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "grid.left", "move(-1)", "left,h", "Jour préc.", "Jour précédent", show=False, palette=False
    ),
    AppCommand(
        "grid.right", "move(1)", "right,l", "Jour suiv.", "Jour suivant", show=False, palette=False
    ),
    AppCommand(
        "grid.up",
        "move(-7)",
        "up,k",
        "Semaine préc.",
        "Semaine précédente",
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.down",
        "move(7)",
        "down,j",
        "Semaine suiv.",
        "Semaine suivante",
        show=False,
        palette=False,
    ),
    AppCommand(
        "grid.open", "open", "enter", "Sessions", "Aller aux sessions du jour", palette=False
    ),
)

DAY_LIST_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "sessions.back", "back", "escape", "Calendrier", "Revenir au calendrier", palette=False
    ),
    AppCommand(
        "sessions.star",
        "screen.star",
        "space",
        "Favori",
        "Ajouter la session aux favoris ou l'en retirer",
        show=False,
        palette=False,
    ),
)

TAG_PICKER_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand(
        "tags.toggle", "toggle", "space", "Inclure", "Inclure ou retirer le tag", palette=False
    ),
    AppCommand(
        "tags.exclude", "exclude", "x,minus", "Exclure", "Exclure ou rétablir le tag", palette=False
    ),
    AppCommand(
        "tags.mode",
        "match_all",
        "a",
        "Tous/un",
        "Basculer entre « un des tags » et « tous les tags »",
        palette=False,
    ),
    AppCommand(
        "tags.close", "close", "escape", "Fermer", "Fermer le choix des tags", palette=False
    ),
)

SEARCH_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand("search.clear", "clear", "escape", "Effacer", "Effacer la recherche", palette=False),
)

# For the help screen: every key, by where it works.
HELP_SECTIONS: tuple[tuple[str, tuple[AppCommand, ...]], ...] = (
    ("Partout", APP_COMMANDS),
    ("Calendrier", CALENDAR_COMMANDS),
    ("Grille des jours", GRID_COMMANDS),
    ("Sessions du jour", DAY_LIST_COMMANDS),
    ("Choix des tags", TAG_PICKER_COMMANDS),
    ("Recherche", SEARCH_COMMANDS),
)
# Keys Textual itself provides, shown in the help too.
BUILTIN_KEYS: tuple[tuple[str, str], ...] = (
    ("tab / shift+tab", "Passer de la grille aux sessions puis au détail"),
    ("ctrl+p", "Palette de commandes"),
    ("↑ ↓ / entrée", "Dans une liste : se déplacer, choisir"),
)


def key_label(keys: str) -> str:
    """ "pageup,left_square_bracket" -> "pageup / [" for people."""
    names = {
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "question_mark": "?",
        "exclamation_mark": "!",
        "slash": "/",
        "minus": "-",
        "space": "espace",
        "escape": "échap",
        "enter": "entrée",
        "left": "←",
        "right": "→",
        "up": "↑",
        "down": "↓",
        "home": "début",
        "end": "fin",
    }
    return " / ".join(names.get(key.strip(), key.strip()) for key in keys.split(","))
