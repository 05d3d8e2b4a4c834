"""Texts made once per version of a post: the post cache keeps the descriptions, links and
folded search texts a run made (the JSON output, the app's search worker), and the next run
reads them instead of making them. Kept texts are as hostile as any post text."""

from __future__ import annotations

import pytest

from calendar_tui import cli
from calendar_tui.factory import make_app
from calendar_tui.model.cache import PostCache
from calendar_tui.model.loader import load_store
from calendar_tui.model.session_text import made_count
from calendar_tui.model.types import Link
from test_cache import copy_programme, framed, frames
from test_lazy_text import rows


def no_making(patched: pytest.MonkeyPatch) -> None:
    """Making a description, links or a search text fails the test."""

    def fail(*_args, **_kwargs):
        raise AssertionError("a text was made again")

    patched.setattr("calendar_tui.model.markdown_clean.clean_markdown", fail)
    patched.setattr("calendar_tui.model.links.links_in", fail)
    patched.setattr("calendar_tui.model.types.fold_for_search", fail)


def sessions(store):
    return [s for post in store.posts for s in (post.event, *post.sessions) if s is not None]


def test_a_second_json_list_makes_no_text(tmp_path, monkeypatch, capsys):
    copy_programme(tmp_path)
    monkeypatch.setenv("CALENDAR_TUI_CACHE_DIR", str(tmp_path / "cache"))
    command = ["list", "--format", "json", str(tmp_path)]
    assert cli.main(command) == 0  # parses, makes every text, then keeps them
    first = capsys.readouterr().out
    assert cli.main(command) == 0
    assert capsys.readouterr().out == first
    (cache_file,) = (tmp_path / "cache").iterdir()
    written = cache_file.stat().st_ino  # a write replaces the file (only its mtime is touched)
    with monkeypatch.context() as patched:
        no_making(patched)
        assert cli.main(command) == 0
    assert capsys.readouterr().out == first  # byte for byte
    assert cache_file.stat().st_ino == written  # nothing made: nothing written


async def test_the_app_keeps_the_texts_its_search_worker_made(tmp_path):
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache" / "posts.msgpack"
    load_store([tmp_path], cache=PostCache(cache_file))  # posts cached, no text made yet
    assert not any(s.text._kept_description for s in sessions(load_store([tmp_path])))
    app = make_app(paths=[tmp_path], cache=PostCache(cache_file))
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):  # till the search worker has made the search texts
            if app.store is not None and app.store._texts is not None:
                break
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        expected = [(s.description, s.links, s.search_text) for s in shown(app.store)]
    kept = shown(load_store([tmp_path], cache=PostCache(cache_file)))
    # Every text kept, so the Markdown they were made from is not.
    assert all(s.text._kept_description is not None and s.text.source is None for s in kept)
    with pytest.MonkeyPatch.context() as patched:
        no_making(patched)
        assert [(s.description, s.links, s.search_text) for s in kept] == expected


def shown(store):
    """The sessions the calendar shows (text search reads theirs), each once."""
    return list({id(o.session): o.session for o in store.occurrences}.values())


def cache_with_made_texts(folder, cache_file, links: bool = True):
    """A cache of the bundled programme holding its descriptions and search texts (and its
    links), as a run that read them leaves it; the store as read first."""
    cache = PostCache(cache_file)
    store = load_store([folder], cache=cache)
    expected = rows(store)  # reads every text
    if not links:
        for session in sessions(store):  # as if the links were never read
            session.text._links = None
    cache.save()
    return expected


def test_nothing_is_written_when_nothing_was_made(tmp_path):
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    cache_with_made_texts(tmp_path, cache_file)
    written = cache_file.stat().st_mtime_ns
    cache = PostCache(cache_file)
    store = load_store([tmp_path], cache=cache)
    count = made_count()
    rows(store)  # every text read back, none made
    assert made_count() == count
    cache.save()
    assert cache_file.stat().st_mtime_ns == written


def plant(cache_file, session: int, field: int, value) -> None:
    """`value` in place of one field of the first post's `session`-th session record."""
    header, entry, *store = frames(cache_file.read_bytes())
    entry[2][5][session][field] = value
    cache_file.write_bytes(framed([header, entry, *store]))


DESCRIPTION, LINKS, SEARCH, SOURCE = 13, 14, 15, 5  # fields of a session record
HOSTILE = "\x1b]8;;https://evil.example\x07rouge\x1b]8;;\x07 \u202eneila \x9b31m"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (DESCRIPTION, HOSTILE.encode()),
        (DESCRIPTION, b"\xff\xfe invalid"),
        (LINKS, b"\xc1 not MessagePack"),
        (LINKS, [{"text": "texte", "url": "javascript:alert(1)\x1b[2J"}]),
        (LINKS, [{"text": HOSTILE, "url": "https://example.org"}]),
        (SEARCH, HOSTILE.encode()),
    ],
)
def test_a_planted_made_text_with_its_source_is_made_again(tmp_path, field, value):
    # The links were not read: the record keeps the source, what is made from it again.
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    expected = cache_with_made_texts(tmp_path, cache_file, links=False)
    if field == LINKS:
        value = value if isinstance(value, bytes) else msgspec_encoded(value)
    plant(cache_file, 3, field, value)
    assert rows(load_store([tmp_path], cache=PostCache(cache_file))) == expected


def msgspec_encoded(links) -> bytes:
    import msgspec

    return msgspec.msgpack.encode(links)


def test_a_planted_made_text_without_its_source_is_cleaned(tmp_path):
    # Both the description and the links were kept: the record holds no source, so what is
    # planted is cleaned as post text is (never shown with its escapes), not made again.
    copy_programme(tmp_path)
    cache_file = tmp_path / "cache.bin"
    cache_with_made_texts(tmp_path, cache_file)
    assert frames(cache_file.read_bytes())[1][2][5][3][SOURCE] is None
    plant(cache_file, 3, DESCRIPTION, ("Avant " + HOSTILE + " après").encode() + b"\xff")
    plant(
        cache_file,
        3,
        LINKS,
        msgspec_encoded(
            [
                {"text": HOSTILE, "url": "https://example.org"},
                {"text": "x", "url": "javascript:\x1b[2J"},
            ]
        ),
    )
    session = load_store([tmp_path], cache=PostCache(cache_file)).posts[0].sessions[3]
    assert session.description == "Avant rouge neila 31m après\ufffd"
    assert session.links == (Link("rouge neila 31m", "https://example.org"),)
