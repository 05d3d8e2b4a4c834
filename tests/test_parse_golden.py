"""The parse path gives what it gave: every Post, session and diagnostic of the real corpora, the
bundled programme and generated posts, field by field (search text and stable ids included).

A speed change to the parser must leave these files alone; a deliberate change of results
rewrites them with `benchmarks/parse_dump.py golden`, and the diff is reviewed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import parse_dump  # noqa: E402


def _same(name: str, lines: list[str], golden: Path) -> None:
    expected = golden.read_text("utf-8").splitlines()
    differences = parse_dump.first_differences(expected, lines)
    assert not differences, f"{name}:\n" + "\n".join(differences)


@pytest.mark.parametrize("name", ["bundled", "corpus", "corpus-more"])
def test_real_posts_parse_as_pinned(name):
    folder = parse_dump.real_sets().get(name)
    if folder is None:
        pytest.skip("../shared/corpus is not beside the project")
    _same(name, parse_dump.dump_lines(folder), parse_dump.GOLDEN / f"parse_{name}.jsonl")


def test_generated_posts_parse_as_pinned_in_a_pool(tmp_path):
    count = parse_dump.GENERATED_IN_TESTS
    lines = parse_dump.dump_lines(parse_dump.generated_folder(count, tmp_path))
    golden = parse_dump.GOLDEN / f"parse_generated_{count}.sha256"
    _same("generated", parse_dump.hashed(lines), golden)
