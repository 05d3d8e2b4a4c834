"""Where the bundled programme and the styles live, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
BUNDLED_NAME = "mois-de-linnovation-publique-edition-2020.markdown"


def _resource_dir(name: str) -> Path:
    # A wheel carries data/ and styles/ inside the package; a checkout keeps them at the top level.
    for candidate in (_PACKAGE / name, _PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"calendar-tui is incompletely installed: no {name}/ directory")


def bundled_dir() -> Path:
    """The bundled programme's folder (the user's data folder is model.favourites.data_dir)."""
    return _resource_dir("data")


def styles_dir() -> Path:
    return _resource_dir("styles")


def later_styles() -> Path:
    """The sheet of what is shown after the first frame (app.tcss: what the first frame draws)."""
    return styles_dir() / "later.tcss"


def bundled_programme() -> Path:
    return bundled_dir() / BUNDLED_NAME
