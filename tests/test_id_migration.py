"""Stars survive an author's typo fix: a starred id that no longer exists follows its session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calendar_tui.cli import main
from calendar_tui.model.favourites import ENV_DATA_DIR, FILE_NAME, FavouritesFile
from calendar_tui.model.front_matter import parse_post_text
from calendar_tui.model.id_migration import Remembered, migrate
from calendar_tui.model.post import build_post
from calendar_tui.model.store import EventStore
from calendar_tui.words import favourites_warning

PROGRAMME = """---
title: Programme
date: 2020-10-01 10:00:00 +01:00
---
**[Le 05/11 de 14h à 15h] [Webinaire]**
*{first}*

**[Le 06/11 de 14h à 15h] [Webinaire]**
*{second}*
"""
SINGLE = """---
title: {title}
date: 2020-10-01 10:00:00 +01:00
event_start_date: 2020-11-12 10:00:00 +01:00
---
"""


def store_of(*texts: tuple[str, str]) -> EventStore:
    posts = [build_post(parse_post_text(text, path)) for path, text in texts]
    return EventStore.from_posts(posts)


def ids_by_title(store: EventStore) -> dict[str, str]:
    return {s.title: s.id for post in store.posts for s in post.calendar_sessions}


BEFORE = store_of(("prog.md", PROGRAMME.format(first="Atelier donées", second="Table ronde")))
AFTER = store_of(("prog.md", PROGRAMME.format(first="Atelier données", second="Table ronde")))
OLD = ids_by_title(BEFORE)["Atelier donées"]
NEW = ids_by_title(AFTER)["Atelier données"]
START = "2020-11-05T14:00:00+01:00"


def test_a_fixed_title_changes_the_id():
    assert OLD != NEW  # what the migration is for


def test_a_star_follows_the_session_of_the_same_post_with_the_same_start():
    migration = migrate({OLD}, AFTER, {OLD: Remembered("Atelier donées", START)})
    assert migration.moved == {OLD: NEW} and migration.gone == ()


def test_or_the_nearest_title_when_the_start_moved_too():
    memory = {OLD: Remembered("Atelier donées", "2020-11-04T09:00:00+01:00")}
    assert migrate({OLD}, AFTER, memory).moved == {OLD: NEW}


def test_a_far_title_with_another_start_is_gone():
    memory = {OLD: Remembered("Hackathon", "2020-11-04T09:00:00+01:00")}
    assert migrate({OLD}, AFTER, memory).gone == (OLD,)


def test_a_post_with_one_session_needs_nothing_remembered():
    before = store_of(("one.md", SINGLE.format(title="Jounée BlueHats")))
    after = store_of(("one.md", SINGLE.format(title="Journée BlueHats")))
    [old] = ids_by_title(before).values()
    [new] = ids_by_title(after).values()
    assert migrate({old}, after).moved == {old: new}


def test_ids_of_another_post_or_unknown_posts_are_gone():
    migration = migrate({"elsewhere/12345678", OLD}, AFTER)  # nothing remembered, two sessions
    assert migration.moved == {} and migration.gone == ("elsewhere/12345678", OLD)


def test_existing_stars_are_left_alone():
    keep = ids_by_title(AFTER)["Table ronde"]
    assert migrate({keep}, AFTER).moved == {} and migrate({keep}, AFTER).gone == ()


def test_the_favourites_file_migrates_remembers_and_says_once(tmp_path: Path):
    path = tmp_path / FILE_NAME
    favourites = FavouritesFile.open(path, store=BEFORE)
    favourites.add(OLD)
    favourites.add("gone-post/00000000")
    favourites.follow(BEFORE)  # what the app does when it loads the stars
    [warning] = favourites.warnings
    assert warning.kind == "gone" and warning.count == 1
    assert favourites_warning(warning, False) == "1 favori ne correspond plus à aucune session."
    document = json.loads(path.read_text("utf-8"))  # saved, with what each star is on
    assert document["remembered"][OLD] == {"title": "Atelier donées", "start": START}

    after = FavouritesFile.open(path, store=AFTER)  # the author fixed the typo
    assert NEW in after.ids and OLD not in after.ids
    assert "gone-post/00000000" in after.ids  # kept, not dropped
    assert after.warnings == []  # said once
    assert json.loads(path.read_text("utf-8"))["favourites"] == sorted(after.ids)


def test_several_gone_stars_are_one_sentence():
    favourites = FavouritesFile(Path("/nonexistent/f.json"))
    favourites.replace({"a/1", "b/2", "c/3"})
    favourites.follow(AFTER)
    [warning] = favourites.warnings[:1]
    assert favourites_warning(warning, False) == "3 favoris ne correspondent plus à aucune session."


def test_a_hostile_memory_is_ignored(tmp_path: Path):
    path = tmp_path / FILE_NAME
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "favourites": [OLD],
                "remembered": {OLD: {"title": 3, "start": None}, "x": [1]},
                "gone": "all",
            }
        ),
        "utf-8",
    )
    favourites = FavouritesFile.open(path, store=AFTER)
    assert favourites.ids == {OLD}  # two sessions, nothing usable remembered: kept as it is
    assert [w.kind for w in favourites.warnings] == ["gone"]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    return folder


def test_list_favourites_follows_a_fixed_title_and_says_what_is_gone(
    tmp_path: Path, data_dir: Path, capsys, english
):
    post = tmp_path / "prog.md"
    post.write_text(PROGRAMME.format(first="Atelier données", second="Table ronde"), "utf-8")
    data_dir.mkdir()
    document = {
        "version": 1,
        "favourites": [OLD, "prog/ffffffff"],
        "remembered": {OLD: {"title": "Atelier donées", "start": START}},
    }
    (data_dir / FILE_NAME).write_text(json.dumps(document), "utf-8")
    assert main(["list", "--favourites", "--format", "json", "--no-cache", str(post)]) == 0
    captured = capsys.readouterr()
    assert [item["title"] for item in json.loads(captured.out)] == ["Atelier données"]
    assert (
        "1 starred session no longer matches any session; kept in case it returns" in captured.err
    )
