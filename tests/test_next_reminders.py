"""`calendar-tui next` (the app's now/next answer on one line), the injected clock from
$CALENDAR_TUI_NOW, and reminders for starred sessions as a pure function."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.model.clock import ENV_NOW, PARIS, SystemClock, clock_from_env
from calendar_tui.model.favourites import ENV_DATA_DIR, FILE_NAME
from calendar_tui.model.programme import now_and_next
from calendar_tui.model.reminders import due, message
from calendar_tui.model.status_line import now_next
from conftest import store_of, timed_session

PITCHS = "mois-de-linnovation-publique-edition-2020/53544b5e"  # 16-20/11 17 h - 17 h 30


def next_line(capsys, monkeypatch, moment: str, *args: str) -> str:
    monkeypatch.setenv(ENV_NOW, moment)
    assert main(["next", *args]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return out.rstrip("\n")


def test_next_says_what_is_on_now_and_next(capsys, monkeypatch, english):
    assert next_line(capsys, monkeypatch, "2020-11-19T14:10") == (
        "now: La pseudonymisation des décisions de ju… · "
        "next: 17:00 Découvrez 5 projets pour innover avec l…"
    )
    assert next_line(capsys, monkeypatch, "2020-11-26T15:45+01:00") == (
        "now: Simplifier et dématérialiser les démarc… until 17:00 · "
        "next: 17:00 L’open data et les territoires : Quelle…"
    )
    assert next_line(capsys, monkeypatch, "2020-11-01T08:00") == (
        "next: 05/11 09:00 Vous êtes chargés de lancer un programm…"
    )
    assert next_line(capsys, monkeypatch, "2021-01-01T08:00") == "nothing on now or later"


def test_next_for_tmux_never_lets_a_title_become_a_format_or_a_style(
    capsys, monkeypatch, tmp_path: Path, english
):
    """tmux expands `#{…}`, `#[…]` and `#H` in status-right's `#(…)` output (checked in tmux
    3.3a: "#{host}" showed the host name, "#[fg=red]" restyled the line); `##` is a `#`."""
    title = "C# #[fg=red,bg=red]#{host} #(touch x) ## #H"
    (tmp_path / "post.md").write_text(
        f"---\ntitle: {json.dumps(title)}\nevent_start_date: 2020-11-26 09:30:00 +01:00\n"
        "event_end_date: 2020-11-26 12:00:00 +01:00\n---\n",
        encoding="utf-8",
    )
    args = ("--no-cache", str(tmp_path / "post.md"))
    line = next_line(capsys, monkeypatch, "2020-11-26T08:00", *args)
    assert line == f"next: 09:30 {title[:39]}…"
    tmux = next_line(capsys, monkeypatch, "2020-11-26T08:00", "--format", "tmux", *args)
    assert "#" not in tmux.replace("##", "")  # only tmux's escaped '#' is left
    assert tmux.replace("##", "#") == line  # which tmux shows as the short line


def test_next_is_the_apps_answer(capsys, monkeypatch, bundled_store):
    moment = datetime(2020, 11, 19, 14, 10, tzinfo=PARIS)
    monkeypatch.setenv(ENV_NOW, moment.isoformat())
    assert main(["next", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    expected = now_and_next(bundled_store.occurrences, moment)
    assert {o["id"] for o in document["now"]} == expected.now
    assert {o["id"] for o in document["next"]} == expected.next
    assert document["until"] == expected.until.isoformat()
    assert document["at"] == moment.isoformat()


def test_next_favourites_only_and_a_bad_clock(capsys, monkeypatch, tmp_path: Path, english):
    data = tmp_path / "data"
    data.mkdir()
    (data / FILE_NAME).write_text(json.dumps({"version": 1, "favourites": [PITCHS]}), "utf-8")
    monkeypatch.setenv(ENV_DATA_DIR, str(data))
    assert next_line(capsys, monkeypatch, "2020-11-19T14:10", "--favourites") == (
        "next: 17:00 Découvrez 5 projets pour innover avec l…"
    )
    assert next_line(capsys, monkeypatch, "2020-11-18T17:10", "--favourites") == (
        "now: Découvrez 5 projets pour innover avec l… until 17:30 · "
        "next: 19/11 17:00 Découvrez 5 projets pour innover avec l…"
    )
    monkeypatch.setenv(ENV_NOW, "demain")
    assert main(["next"]) == 2
    assert "CALENDAR_TUI_NOW='demain' is not a date and time" in capsys.readouterr().err


def test_the_clock_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(ENV_NOW, raising=False)
    assert isinstance(clock_from_env(), SystemClock)
    monkeypatch.setenv(ENV_NOW, "2020-11-18T10:00")
    assert clock_from_env().now() == datetime(2020, 11, 18, 10, tzinfo=PARIS)
    monkeypatch.setenv(ENV_NOW, "2020-11-18T10:00+00:00")
    assert clock_from_env().now() == datetime(2020, 11, 18, 11, tzinfo=PARIS)


def test_list_where_next_and_changes_do_not_import_textual():
    code = (
        "import sys, io, contextlib, os\n"
        "os.environ['CALENDAR_TUI_NOW'] = '2020-11-18T10:00'\n"
        "from calendar_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    main(['list', '--where', 'tag:webinaire sauf tag:eig'])\n"
        "    main(['next'])\n"
        "    main(['changes', '--format', 'json', 'HEAD', 'data'])\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


DAY = date(2020, 11, 18)


def programme():
    return store_of(
        timed_session("s/a", "Atelier", DAY, 14, location="Salle 1"),
        timed_session("s/b", "Bilan", DAY, 14),
        timed_session("s/c", "Clôture", DAY, 16),
        timed_session("s/d", "Non étoilée", DAY, 14),
    ).occurrences


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=PARIS)


def test_starred_sessions_are_reminded_once_within_the_lead_time():
    occurrences, starred = programme(), frozenset({"s/a", "s/b", "s/c"})
    early = due(occurrences, starred, at(13, 45), 10)
    assert early.occurrences == () and early.next_at == at(13, 50)
    first = due(occurrences, starred, at(13, 50), 10, early.reminded)
    assert [o.title for o in first.occurrences] == ["Atelier", "Bilan"]
    assert first.next_at == at(15, 50)
    again = due(occurrences, starred, at(13, 55), 10, first.reminded)
    assert again.occurrences == () and again.reminded == first.reminded
    late = due(occurrences, starred, at(15, 59), 10, again.reminded)
    assert [o.title for o in late.occurrences] == ["Clôture"] and late.next_at is None


def test_no_reminder_for_what_started_or_when_turned_off():
    occurrences, starred = programme(), frozenset({"s/a", "s/c"})
    assert [o.title for o in due(occurrences, starred, at(14, 1), 120).occurrences] == ["Clôture"]
    assert due(occurrences, starred, at(13, 55), 0).occurrences == ()
    assert due(occurrences, frozenset(), at(13, 55), 10).occurrences == ()


def test_reminder_messages():
    atelier = programme()[0]
    assert message(atelier, at(13, 50)) == "Dans 10 min (14:00) : Atelier — Salle 1"
    assert (
        message(atelier, at(14) - timedelta(seconds=10)) == "Maintenant (14:00) : Atelier — Salle 1"
    )


def test_now_next_lists_occurrences_in_time_order():
    found, running, upcoming = now_next(programme(), at(14, 30))
    assert [o.title for o in running] == ["Atelier", "Bilan", "Non étoilée"]
    assert [o.title for o in upcoming] == ["Clôture"] and found.until == at(15)


@pytest.mark.parametrize("minutes", [1, 10, 60])
def test_each_occurrence_is_reminded_exactly_once_over_a_day(minutes):
    occurrences, starred = programme(), frozenset({"s/a", "s/b", "s/c"})
    reminded: frozenset[str] = frozenset()
    announced = []
    moment = at(8)
    while moment < at(18):
        result = due(occurrences, starred, moment, minutes, reminded)
        announced.extend(o.title for o in result.occurrences)
        reminded = result.reminded
        moment += timedelta(minutes=1)
    assert sorted(announced) == ["Atelier", "Bilan", "Clôture"]
