"""Shared fixtures: no user config, colours on, a fixed clock, the bundled programme loaded once."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from calendar_tui.i18n import set_language
from calendar_tui.model.clock import PARIS, FixedClock
from calendar_tui.model.text import title_line
from calendar_tui.model.types import Post, Session, Slot

ROOT = Path(__file__).resolve().parents[1]
# Wednesday 18 November 2020, 10:00 in Paris: during the bundled programme.
FIXED_NOW = datetime(2020, 11, 18, 10, 0, tzinfo=PARIS)


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No user config, cache or NO_COLOR leaks in; paths display relative to the repository."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("CALENDAR_TUI_CONFIG_DIR", str(home / "config"))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.chdir(ROOT)
    # French, the default, unless a test asks for English (the `english` fixture).
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    set_language("fr")


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch):
    """English messages, in this process and in the CLI run in a subprocess, for tests that pin
    the English wording of diagnostics."""
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    yield
    set_language("fr")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(FIXED_NOW)


@pytest.fixture(scope="session")
def bundled_store():
    from calendar_tui.model.loader import load_store
    from calendar_tui.paths import bundled_programme

    return load_store([bundled_programme()])


def timed_session(
    ident: str, title: str, day: date, hour: int, minutes: int = 60, tags=(), **extra
) -> Session:
    """A session as the loader makes it: its title one clean line (see model.types.Session)."""
    start = datetime(day.year, day.month, day.day, hour, tzinfo=PARIS)
    return Session(
        id=ident,
        title=title_line(title),
        slots=(Slot(start, start + timedelta(minutes=minutes)),),
        tags=tuple(tags),
        **extra,
    )


def store_of(*sessions: Session, title: str = "Essai", diagnostics=()):
    """A store from hand-made sessions, one post holding them all."""
    from calendar_tui.model.store import EventStore

    post = Post(path="posts/essai.md", title=title, sessions=tuple(sessions))
    return EventStore.from_posts([post], diagnostics, title=title)


@pytest.fixture
def make_app(clock):
    """The factory the CLI uses, with the fixed clock and in-memory default settings."""
    from calendar_tui.factory import make_app as factory
    from calendar_tui.settings import Settings

    def build(store=None, **kwargs):
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("settings", Settings(theme="textual-dark"))
        return factory(store, **kwargs)

    return build


def write_broken_posts(folder: Path) -> Path:
    """Three posts: an impossible date and an end before its start, bad YAML, one fine post."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bad-date.md").write_text(
        "---\ntitle: Programme cassé\ndate: 2020-11-04 10:00:00 +01:00\n"
        "event_start_date: 2020-11-02 00:00:00 +01:00\ntags:\n- essai\n---\n\n"
        "**[Le 31/11 à 9h] [Webinaire]**\n*Une date impossible*\n\nTexte.\n\n"
        "**[Le 05/11 de 14h à 12h] [Atelier]**\n*Une fin avant le début*\n",
        encoding="utf-8",
    )
    (folder / "bad-yaml.md").write_text(
        '---\ntitle: "unterminated\ndate: [\n---\nbody\n', encoding="utf-8"
    )
    (folder / "ok.md").write_text(
        "---\ntitle: Un atelier qui va bien\ndate: 2020-11-01 10:00:00 +01:00\n"
        "event_start_date: 2020-11-12 14:00:00 +01:00\nlieu: En ligne\ntags:\n- Atelier\n---\n\n"
        "Une description.\n",
        encoding="utf-8",
    )
    return folder
