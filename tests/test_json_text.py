"""`list --format json` text: the standard library's `indent=2` bytes, written in few calls."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calendar_tui.cli import main
from calendar_tui.model import json_text
from calendar_tui.model.loader import load_store
from calendar_tui.model.serialise import occurrence_dict

CORPUS = [Path("/work/shared/corpus"), Path("/work/shared/corpus-more")]

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text() | st.integers() | st.booleans() | st.none(), inner, max_size=4)
    ),
    max_leaves=20,
)


def standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # shared machine
@given(values)
def test_same_text_as_the_standard_library(value):
    assert json_text.dumps(value) == standard(value)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # shared machine
@given(st.lists(values, max_size=5))
def test_write_array_same_text_as_json_dump(items):
    out = io.StringIO()
    json_text.write_array(iter(items), out)
    assert out.getvalue() == standard(items) + "\n"


plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),  # st.text() gives lone surrogates too
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])  # shared machine
@given(st.lists(plain, max_size=5))
def test_write_plain_array_same_text_as_json_dump(items):
    for batch in (1, 2, 256):
        out = io.StringIO()
        json_text.write_plain_array(iter(items), out, batch)
        assert out.getvalue() == standard(items) + "\n"


def test_write_plain_array_lays_out_what_msgspec_cannot_encode():
    items = [{"path": "caf\udce9.md", "tags": ["a"]}, {"path": "ok", "n": [1, None, True]}] * 3
    for batch in (1, 2, 4, 256):
        out = io.StringIO()
        json_text.write_plain_array(items, out, batch)
        assert out.getvalue() == standard(items) + "\n"


def test_keys_and_values_json_refuses_are_refused_alike():
    for bad in ({(1, 2): 1}, {"a": object()}, [b"bytes"]):
        with pytest.raises(TypeError):
            standard(bad)
        with pytest.raises(TypeError):
            json_text.dumps(bad)


@pytest.mark.skipif(not CORPUS[0].exists(), reason="the shared corpus is not on this machine")
def test_the_corpus_gives_the_same_bytes():
    items = [occurrence_dict(o) for o in load_store(CORPUS, parallel=False).occurrences]
    assert len(items) > 100
    for write in (json_text.write_array, json_text.write_plain_array):
        out = io.StringIO()
        write(items, out)
        assert out.getvalue() == standard(items) + "\n"


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_list_json_writes_once_per_occurrence(monkeypatch):
    # An unbuffered stdout paid one write() per JSON token (4.75 million at 10,000 posts).
    out = CountingStream()
    monkeypatch.setattr("sys.stdout", out)
    assert main(["list", "--format", "json", "--no-cache"]) == 0
    items = json.loads(out.getvalue())
    assert len(items) > 10
    assert out.writes <= len(items) + 1
