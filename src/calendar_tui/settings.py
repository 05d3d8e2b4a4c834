"""Typed user settings: the remembered theme and key remaps, in one versioned JSON file.

The file lives in the user's config directory (platformdirs), or in `$CALENDAR_TUI_CONFIG_DIR`
when that is set (the tests do, so no user config ever leaks in). Nothing here raises for a file
problem; each becomes a sentence in `Settings.problems` (or the return value of `save_settings`)
that the app shows:

- missing file: defaults;
- corrupt file: set aside as `settings.json.corrupt-<timestamp>`, never silently overwritten;
- written by a newer version: the fields we know are read, the file is never overwritten;
- saving is atomic (temp file + fsync + `os.replace`); a full or read-only disk is a warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from calendar_tui.i18n import LANGUAGES, _
from calendar_tui.model.atomic import atomic_write_text, set_aside
from calendar_tui.model.reading import NotReadable, read_regular, special_kind
from calendar_tui.model.text import clean_text, one_line
from calendar_tui.model.user_dirs import ENV_CONFIG_DIR, settings_path, user_dir

DEFAULT_THEME = "textual-dark"
FORMAT_VERSION = 1
DEFAULT_REMINDER_MINUTES = 10
MAX_REMINDER_MINUTES = 24 * 60
MAX_FILE_BYTES = 1024 * 1024  # a few hundred bytes in practice: anything this large is damage


def config_dir() -> Path:
    return user_dir("config", ENV_CONFIG_DIR)


@dataclass(frozen=True)
class Settings:
    """What the app remembers between runs."""

    theme: str = DEFAULT_THEME
    # Binding id -> keys ("calendar.next_month": "pagedown,ctrl+n"): users remap keys here.
    keymap: dict[str, str] = field(default_factory=dict)
    # Saved views: name -> filter expression (model/filter_expr.py), `list --view NAME`.
    views: dict[str, str] = field(default_factory=dict)
    # Starred sessions are announced this many minutes before they start (0: never).
    reminder_minutes: int = DEFAULT_REMINDER_MINUTES
    # "fr" or "en"; "" follows the environment (English for LANG=en_…, French otherwise).
    language: str = ""
    # A reminder also rings the terminal's bell.
    reminder_bell: bool = True
    # Where the settings came from and go back to; None keeps them in memory only.
    path: Path | None = field(default=None, compare=False, repr=False)
    # False when the file must not be overwritten (a newer version wrote it, or it is damaged).
    writable: bool = field(default=True, compare=False, repr=False)
    problems: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def with_theme(self, theme: str) -> Settings:
        return replace(self, theme=theme, problems=())

    def with_view(self, name: str, expression: str) -> Settings:
        views = {**self.views, one_line(name): clean_text(expression).strip()}
        return replace(self, views=views, problems=())

    def to_json(self) -> dict[str, Any]:
        return {
            "version": FORMAT_VERSION,
            "theme": self.theme,
            "keymap": dict(self.keymap),
            "views": dict(self.views),
            "reminder_minutes": self.reminder_minutes,
            "language": self.language,
            "reminder_bell": self.reminder_bell,
        }

    @classmethod
    def from_json(cls, data: Any, path: Path | None = None) -> Settings:
        if not isinstance(data, dict):
            raise ValueError(_("settings must be a JSON object"))
        # The file is as hostile as a post: its names and keys reach the footer, the help
        # screen, notifications and the header, so they are cleaned here, where they enter.
        theme = data.get("theme", DEFAULT_THEME)
        keymap = data.get("keymap", {})
        theme = one_line(theme) if isinstance(theme, str) else ""
        if not isinstance(keymap, dict):
            keymap = {}
        keymap = {one_line(str(k)): _keys(v) for k, v in keymap.items() if isinstance(v, str)}
        views = data.get("views", {})
        if not isinstance(views, dict):
            views = {}
        views = {
            one_line(str(k)): clean_text(v).strip() for k, v in views.items() if isinstance(v, str)
        }
        minutes = data.get("reminder_minutes", DEFAULT_REMINDER_MINUTES)
        if (
            not isinstance(minutes, int)
            or isinstance(minutes, bool)
            or not 0 <= minutes <= MAX_REMINDER_MINUTES
        ):
            minutes = DEFAULT_REMINDER_MINUTES
        language = data.get("language", "")
        if language not in LANGUAGES:
            language = ""
        bell = data.get("reminder_bell", True)
        version = data.get("version", FORMAT_VERSION)
        newer = isinstance(version, int) and version > FORMAT_VERSION
        problems = (
            (
                _(
                    "{path} was written by a newer calendar-tui (format {version}); "
                    "it is read but not changed"
                ).format(path=path, version=version),
            )
            if newer
            else ()
        )
        return cls(
            theme=theme or DEFAULT_THEME,
            keymap={k: v for k, v in keymap.items() if k and v},
            views={k: v for k, v in views.items() if k and v},
            reminder_minutes=minutes,
            language=language,
            reminder_bell=bell if isinstance(bell, bool) else True,
            path=path,
            writable=not newer,
            problems=problems,
        )


def _keys(value: str) -> str:
    """A keymap entry's keys ("pagedown,ctrl+n"), each one clean line; "" when none is left."""
    return ",".join(key for key in (one_line(part) for part in value.split(",")) if key)


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file gives defaults, a corrupt one is set aside."""
    path = path or settings_path()
    try:
        kind = special_kind(os.stat(path).st_mode)
        if kind is not None:  # a pipe would block the start, a device fill memory
            raise OSError(0, _("it is {kind}, not a regular file").format(kind=kind))
        raw = read_regular(path, MAX_FILE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return Settings(path=path)
    except OSError as error:
        reason = error.strerror or error
        return Settings(
            path=path,
            writable=False,
            problems=(_("cannot read {path}: {error}").format(path=path, error=reason),),
        )
    except NotReadable:
        raw = None
    import json  # only once there is a file: most users have none, and `list` reads it

    try:
        if raw is None:
            raise ValueError(_("larger than {size} kB").format(size=MAX_FILE_BYTES // 1024))
        return Settings.from_json(json.loads(raw.decode("utf-8")), path=path)
    except RecursionError:
        error = ValueError(_("nested too deeply"))
    except ValueError as caught:  # also UnicodeDecodeError: not UTF-8 text
        error = caught
    try:
        aside = set_aside(path, datetime.now().strftime("%Y%m%dT%H%M%S"))
    except OSError:
        return Settings(
            path=path,
            writable=False,
            problems=(_("{path} is damaged and left as it is").format(path=path),),
        )
    return Settings(
        path=path,
        problems=(
            _("{path} was damaged ({error}); set aside as {aside}").format(
                path=path, error=error, aside=aside.name
            ),
        ),
    )


def save_settings(settings: Settings) -> str | None:
    """Write atomically; returns a sentence for the user when the settings could not be saved."""
    if settings.path is None or not settings.writable:
        return None
    import json

    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write_text(settings.path, text)
    except OSError as error:
        return _("settings not saved ({reason})").format(reason=error.strerror or error)
    return None
