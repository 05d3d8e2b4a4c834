"""Reading post files: encodings, front-matter shapes and the lines problems are reported at."""

from __future__ import annotations

import pytest

from calendar_tui.model.front_matter import parse_post_text
from calendar_tui.model.parsing import read_post

pytestmark = pytest.mark.usefixtures("english")  # pins the English wording of diagnostics


def test_body_line_is_the_file_line_of_the_body():
    text = "---\ntitle: x\nlieu: y\n---\n\nfirst body line\nsecond\n"
    raw = parse_post_text(text, "p.md")
    assert raw.body.splitlines()[0] == "first body line"
    assert text.splitlines()[raw.body_line - 1] == "first body line"
    assert raw.key_lines == {"title": 2, "lieu": 3}


def test_invalid_yaml_is_an_error_at_its_line():
    raw = parse_post_text("---\ntitle: ok\nlieu: [unclosed\n---\nbody\n", "p.md")
    assert raw.metadata == {}
    [problem] = raw.diagnostics
    assert (problem.severity, problem.line) == ("error", 3)
    assert "not valid YAML" in problem.message


def test_unterminated_front_matter():
    raw = parse_post_text("---\ntitle: x\nbody without end\n", "p.md")
    assert [d.message for d in raw.diagnostics] == [
        "front matter opened with '---' is never closed"
    ]


def test_front_matter_that_is_a_list_or_a_scalar():
    for fm in ("- a\n- b", "just a string"):
        raw = parse_post_text(f"---\n{fm}\n---\nbody\n", "p.md")
        assert raw.metadata == {}
        assert "not a mapping" in raw.diagnostics[0].message
        assert raw.body == "body\n"


def test_a_file_without_front_matter_is_not_a_post():
    raw = parse_post_text("# Just Markdown\n", "README.md")
    assert raw.metadata == {} and raw.body == ""
    assert raw.diagnostics[0].severity == "warning" and "not a post" in raw.diagnostics[0].message


def test_python_tags_are_never_executed():
    raw = parse_post_text(
        "---\ntitle: !!python/object/apply:os.system ['echo hacked']\n---\n", "p.md"
    )
    assert raw.metadata == {}
    assert raw.diagnostics[0].severity == "error"


def test_crlf_and_encodings(tmp_path):
    utf16 = tmp_path / "utf16.md"
    utf16.write_bytes("---\r\ntitle: Événement\r\n---\r\nCorps\r\n".encode("utf-16"))
    raw, _ = read_post(utf16, "utf16.md")
    assert raw.metadata["title"] == "Événement" and raw.body == "Corps\n"

    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("---\ntitle: Réunion\n---\n".encode("latin-1"))
    raw, _ = read_post(latin1, "latin1.md")
    assert raw.metadata["title"] == "Réunion"
    assert "Latin-1" in raw.diagnostics[0].message

    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\x00\x01\x02PNG")
    raw, problems = read_post(binary, "binary.md")
    assert raw is None and problems[0].message == "is a binary file, not a text post"


def test_missing_file_is_a_diagnostic(tmp_path):
    raw, problems = read_post(tmp_path / "gone.md", "gone.md")
    assert raw is None and problems[0].severity == "error"
    assert "cannot be read" in problems[0].message


def test_an_impossible_date_is_kept_as_its_text_and_the_rest_stays():
    raw = parse_post_text(
        "---\ntitle: Forum\ntags: [a]\nevent_start_date: 2020-11-31 10:00:00 +01:00\n---\nx\n",
        "p.md",
    )
    assert raw.metadata == {
        "title": "Forum",
        "tags": ["a"],
        "event_start_date": "2020-11-31 10:00:00 +01:00",
    }
    assert raw.diagnostics == [] and raw.key_lines["event_start_date"] == 4
