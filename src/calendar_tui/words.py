"""The app's notifications about favourites, in the current language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from calendar_tui.i18n import _, ngettext

if TYPE_CHECKING:
    from calendar_tui.model.favourites import FavouritesWarning


def favourites_warning(warning: FavouritesWarning, read_only: bool) -> str:
    """What the user reads when the favourites file misbehaves (the model's message is for the
    command line)."""
    path = warning.path
    if warning.kind == "gone":
        return ngettext(
            "{count} favourite no longer matches any session.",
            "{count} favourites no longer match any session.",
            warning.count,
        ).format(count=warning.count)
    if warning.kind == "newer":
        return _(
            "The favourites file ({path}) comes from a newer calendar-tui: your favourites are "
            "shown, but your changes will not be saved."
        ).format(path=path)
    if warning.kind == "corrupt":
        if read_only:
            return _(
                "The favourites file ({path}) is damaged and could not be set aside: it stays as "
                "it is and your changes will not be saved."
            ).format(path=path)
        return _(
            "The favourites file ({path}) was damaged: it was set aside "
            "(favourites.json.corrupt-…) and your favourites start again from nothing."
        ).format(path=path)
    if warning.kind == "unreadable":
        return _(
            "Cannot read the favourites file ({path}): your changes will not be saved."
        ).format(path=path)
    return _("Cannot save the favourites in {path}: they are kept until the app is closed.").format(
        path=path
    )
