"""French sentences for the app's notifications about favourites, exports and links."""

from __future__ import annotations

from calendar_tui.model.favourites import FavouritesWarning


def favourites_warning(warning: FavouritesWarning, read_only: bool) -> str:
    """What the user reads when the favourites file misbehaves (the model's message is English)."""
    path = warning.path
    if warning.kind == "gone":
        if warning.count == 1:
            return "1 favori ne correspond plus à aucune session."
        return f"{warning.count} favoris ne correspondent plus à aucune session."
    if warning.kind == "newer":
        return (
            f"Le fichier des favoris ({path}) vient d'une version plus récente de calendar-tui : "
            "vos favoris sont affichés, mais vos changements ne seront pas enregistrés."
        )
    if warning.kind == "corrupt":
        if read_only:
            return (
                f"Le fichier des favoris ({path}) est abîmé et n'a pas pu être mis de côté : "
                "il reste tel quel et vos changements ne seront pas enregistrés."
            )
        return (
            f"Le fichier des favoris ({path}) était abîmé : il a été mis de côté "
            "(favourites.json.corrupt-…) et vos favoris repartent de zéro."
        )
    if warning.kind == "unreadable":
        return (
            f"Impossible de lire le fichier des favoris ({path}) : "
            "vos changements ne seront pas enregistrés."
        )
    return (
        f"Impossible d'enregistrer les favoris dans {path} : "
        "ils sont gardés jusqu'à la fermeture de l'application."
    )
