"""A catalogue of hostile and broken posts: each becomes a diagnostic while the rest loads."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_tui.cli import main
from calendar_tui.model.front_matter import parse_post_text
from calendar_tui.model.links import is_openable, normalise_url
from calendar_tui.model.loader import load_posts
from calendar_tui.model.post import build_post
from calendar_tui.model.text import _ESCAPES, _UNSAFE, clean_text, one_line
from calendar_tui.paths import bundled_programme

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics

GOOD = "---\ntitle: Bon\ndate: 2020-11-01 10:00:00 +01:00\nevent_start_date: 2020-11-05 14:00:00 +01:00\n---\nTexte.\n"

BILLION_LAUGHS = "\n".join(
    ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)]
    + ["title: *i", "tags: *i", "lieu: *i", "champs_informations: *i", "---", "corps"]
)

# name -> (file bytes, expected severity, words expected in the message)
BAD_POSTS: dict[str, tuple[bytes, str, str]] = {
    "invalid-yaml.md": (b"---\ntitle: [a, b\n---\n", "error", "not valid YAML"),
    "unterminated.md": (b"---\ntitle: x\n\nbody\n", "error", "never closed"),
    "list.md": (b"---\n- a\n- b\n---\nbody\n", "error", "not a mapping"),
    "scalar.md": (b"---\njust text\n---\nbody\n", "error", "not a mapping"),
    "deep.md": (
        b"---\ntitle: " + b"[" * 3000 + b"]" * 3000 + b"\n---\n",
        "error",
        "not valid YAML",
    ),
    "python-tag.md": (
        b"---\ntitle: !!python/object/apply:os.system ['touch /tmp/pwned']\n---\n",
        "error",
        "constructor",
    ),
    "duplicate-keys.md": (b"---\ntitle: a\ntitle: b\n---\n", "warning", "given twice"),
    "empty.md": (b"", "error", "is empty"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", "binary"),
    "latin1.md": ("---\ntitle: Réunion à Lyon\n---\n".encode("latin-1"), "warning", "Latin-1"),
    "impossible-date.md": (
        b"---\ntitle: x\ndate: 2020-11-01 10:00:00 +01:00\nevent_start_date: 2020-02-30 10:00:00\n---\n",
        "error",
        "event_start_date '2020-02-30 10:00:00' is not a date",
    ),
    "placeholder-year.md": (
        b"---\ntitle: x\ndate: 2021-08-09 10:00:00 +01:00\nevent_start_date: 0007-08-31 23:09:21 +00:09\n---\n",
        "warning",
        "placeholder",
    ),
    "year-9999.md": (
        b"---\ntitle: x\ndate: 2021-08-09 10:00:00 +01:00\nevent_start_date: 9999-12-31 10:00:00 +01:00\n---\n",
        "warning",
        "placeholder",
    ),
    "hour-25.md": (
        "---\ntitle: x\ndate: 2020-11-01 10:00:00 +01:00\n---\n**[Le 05/11 de 25h à 26h] [Webinaire]**\n*Session*\n\n"
        "**[Le 06/11 de 14h à 15h] [Webinaire]**\n*Autre*\n".encode(),
        "",
        "",
    ),
    "impossible-session-day.md": (
        "---\ntitle: x\ndate: 2020-11-01 10:00:00 +01:00\n---\n**[Le 31/11 de 14h à 15h] [Webinaire]**\n*Jamais*\n\n"
        "**[Le 26/11 de 14h à 15h] [Webinaire]**\n*Réelle*\n".encode(),
        "error",
        "31/11",
    ),
}


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    shutil.copy(bundled_programme(), tmp_path / "good.markdown")
    for name, (data, _, _) in BAD_POSTS.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "utf16.md").write_bytes(GOOD.replace("\n", "\r\n").encode("utf-16"))
    (tmp_path / "crlf.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (tmp_path / "billion-laughs.md").write_text(BILLION_LAUGHS, encoding="utf-8")
    (tmp_path / "loop").mkdir()
    os.symlink(tmp_path, tmp_path / "loop" / "back-to-top")
    return tmp_path


def test_every_bad_post_is_a_diagnostic_and_the_rest_loads(hostile_folder: Path):
    started = time.perf_counter()
    result = load_posts([hostile_folder])
    elapsed = time.perf_counter() - started
    assert elapsed < 60  # a generous bound against hangs, not a speed target
    by_file: dict[str, list] = {}
    for diagnostic in result.diagnostics:
        by_file.setdefault(Path(diagnostic.path).name, []).append(diagnostic)
    for name, (_, severity, words) in BAD_POSTS.items():
        if not severity:
            continue
        found = by_file.get(name, [])
        assert any(d.severity == severity and words in d.message for d in found), (name, found)
    titles = {post.title for post in result.posts}
    assert (
        "Mois de l’innovation publique édition 2020" in titles
    )  # the good post, once (loop ignored)
    assert sum(post.title.startswith("Mois de l") for post in result.posts) == 1
    assert (
        len([p for p in result.posts if p.title == "Bon"]) == 1
    )  # utf16 and crlf are the same post
    assert not Path("/tmp/pwned").exists()


def test_impossible_session_date_drops_only_that_session(hostile_folder: Path):
    result = load_posts([hostile_folder / "impossible-session-day.md"])
    [post] = result.posts
    assert [s.title for s in post.sessions] == ["Réelle"]
    assert any("31/11" in d.message and d.line == 5 for d in result.diagnostics)


def test_hours_like_25h_never_make_a_session_at_25h(hostile_folder: Path):
    result = load_posts([hostile_folder / "hour-25.md"])
    starts = [
        slot.start for post in result.posts for s in post.calendar_sessions for slot in s.slots
    ]
    assert all(getattr(start, "hour", 0) < 24 for start in starts)
    assert any("25h" in d.message for d in result.diagnostics)


def test_billion_laughs_stays_small(hostile_folder: Path):
    result = load_posts([hostile_folder / "billion-laughs.md"])
    for post in result.posts:
        assert len(post.title) < 1000 and len(post.tags) <= 200


def test_check_exits_1_on_the_catalogue(hostile_folder: Path, capsys):
    assert main(["check", "--no-cache", str(hostile_folder)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert f"{hostile_folder / 'invalid-yaml.md'}:2: error:" in out


def test_a_runaway_post_is_read_in_bounded_time(tmp_path: Path):
    programme = bundled_programme().read_text(encoding="utf-8")
    head, body = programme.split("\n---\n", 1)
    (tmp_path / "huge.md").write_text(head + "\n---\n" + body * 200, encoding="utf-8")  # ~5 MB
    started = time.perf_counter()
    result = load_posts([tmp_path])
    assert time.perf_counter() - started < 60
    assert any("only its first" in d.message for d in result.diagnostics)
    assert result.posts[0].sessions


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(tmp_path: Path):
    secret = tmp_path / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    result = load_posts([tmp_path])
    assert any("cannot be read" in d.message for d in result.diagnostics)


def test_a_file_that_cannot_be_read_or_vanishes_while_loading(tmp_path: Path, monkeypatch):
    shutil.copy(bundled_programme(), tmp_path / "good.markdown")
    (tmp_path / "vanishing.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.md").write_text(GOOD, encoding="utf-8")
    from calendar_tui.model import parsing

    real_read = parsing.read_regular

    def read_regular(path: Path, limit: int) -> bytes:
        if path.name == "vanishing.md":
            path.unlink()  # deleted between listing and reading
        if path.name == "locked.md":
            raise PermissionError(13, "Permission denied")
        return real_read(path, limit)

    monkeypatch.setattr(parsing, "read_regular", read_regular)
    result = load_posts([tmp_path])
    messages = {Path(d.path).name: d.message for d in result.diagnostics}
    assert "cannot be read" in messages["vanishing.md"]
    assert messages["locked.md"] == "cannot be read: Permission denied"
    assert [p.title for p in result.posts] == ["Mois de l’innovation publique édition 2020"]


HOSTILE_TEXT = {
    "markup": "[bold red]rouge[/] [link=https://evil.example]clic[/link] [/]",
    "csi": "avant\x1b[2Japrès\x1b[31m",
    "osc52": "copie\x1b]52;c;ZXZpbA==\x07fin",
    "osc8": "\x1b]8;;https://evil.example\x1b\\lien\x1b]8;;\x1b\\",
    "bidi": "abc\u202edcba\u2066x\u2069",
    "zero-width": "in\u200bvi\u200dsible\ufeff",
    "c1": "a\x9bb\x85c",
}


@pytest.mark.parametrize("name", HOSTILE_TEXT)
def test_post_text_is_made_inert(name: str):
    cleaned = clean_text(HOSTILE_TEXT[name])
    assert "\x1b" not in cleaned and "\x07" not in cleaned
    assert not any(0x80 <= ord(c) <= 0x9F for c in cleaned)
    assert not any(c in cleaned for c in "\u202e\u2066\u2069\u200b\u200d\ufeff")


def test_hostile_text_through_the_loader(tmp_path: Path):
    title = (
        HOSTILE_TEXT["markup"]
        + HOSTILE_TEXT["csi"]
        + HOSTILE_TEXT["osc52"]
        + "🎉\ufe0f"
        + "x" * 10_000
    )
    text = (
        f"---\ntitle: {title!r}\ndate: 2020-11-01 10:00:00 +01:00\nevent_start_date: 2020-11-05 14:00:00 +01:00\n"
        "---\n" + HOSTILE_TEXT["bidi"] + HOSTILE_TEXT["osc8"] + "\n"
    )
    post = build_post(parse_post_text(text, "hostile.md"))
    assert "\x1b" not in post.title and "[bold red]" in post.title  # markup stays literal text
    assert "🎉\ufe0f" in post.title and len(post.title) > 10_000
    assert "\x1b" not in post.event.description and "\u202e" not in post.event.description


@pytest.mark.parametrize(
    ("raw", "openable"),
    [
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
        ("ftp://example.org/x", False),
        ("https://www.numerique.gouv.fr/", True),
        ("contact@numerique.gouv.fr", True),
        ("beta.gouv.fr", True),
        ("https://", False),
        ("mailto:contact@numerique.gouv.fr?subject=Inscription&body=Bonjour&cc=a@b.fr", True),
        ("mailto:x@evil.example?attach=/home/me/.ssh/id_rsa", False),  # a file to a draft
        ("mailto:x@evil.example?subject=a&ATTACHMENT=~/.gnupg/secring.gpg", False),
        ("mailto:?Attach%3D=x", False),
    ],
)
def test_only_web_and_mail_links_are_openable(raw: str, openable: bool):
    assert is_openable(normalise_url(raw)) is openable


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    front=st.dictionaries(
        st.sampled_from(
            [
                "title",
                "date",
                "event_start_date",
                "event_end_date",
                "event_date",
                "dateEvent",
                "lieu",
                "adresse",
                "tags",
                "categories",
                "published",
                "champs_informations",
                "chapeau-text",
                "timezone",
            ]
        ),
        st.one_of(
            st.text(max_size=40),
            st.integers(),
            st.none(),
            st.lists(st.text(max_size=10), max_size=3),
            st.lists(
                st.dictionaries(
                    st.sampled_from(["intitule", "contenu", "lien"]), st.text(max_size=20)
                ),
                max_size=3,
            ),
        ),
        max_size=8,
    ),
    body=st.text(max_size=400),
)
def test_fuzzed_posts_never_make_loading_raise(front: dict, body: str):
    import yaml

    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    post = build_post(parse_post_text(text, "fuzz.md"))
    assert isinstance(post.title, str) and "\n" not in post.title and "\x1b" not in post.title
    assert one_line(post.title) == post.title


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_make_reading_raise(tmp_path_factory, data: bytes):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "post.md").write_bytes(data)
    load_posts([folder])


@given(st.text())
def test_clean_text_keeps_printable_text_and_drops_every_unsafe_character(text: str):
    cleaned = clean_text(text)
    assert cleaned == _UNSAFE().sub("", _ESCAPES().sub("", text))  # the shortcut changes nothing
    assert "\x1b" not in cleaned and not _UNSAFE().search(cleaned)
