"""Every parse result as JSON lines, to check that a change to the parse path changes nothing.

    .venv/bin/python benchmarks/parse_dump.py write DIR [--posts 2000]
    .venv/bin/python benchmarks/parse_dump.py compare DIR [--posts 2000]
    .venv/bin/python benchmarks/parse_dump.py golden   # rewrite tests/golden/parse_*.jsonl

`write` dumps, for each set (../shared/corpus, ../shared/corpus-more, the bundled programme and
`--posts` generated posts), one line per file: its Post with every field (search text, sessions,
slots with their zones, links, running order) and its diagnostics (code, line, message), as
`parsing.parse_files` returns them (the pool for the generated posts, as a real load of that
many files). `compare` dumps again and names the first lines that differ in each set. Paths are
relative to each set's folder, messages in French.

tests/test_parse_golden.py compares the real corpora and the bundled programme with committed
dumps (tests/golden/parse_*.jsonl), and GENERATED_IN_TESTS generated posts with the hashes of
theirs; `golden` rewrites those files (only for a deliberate change, reviewed with `git diff`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from datetime import date, datetime, time
from hashlib import sha256
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
GENERATED_IN_TESTS = 200  # as many as the pool takes (parsing.PARALLEL_MIN_FILES)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None)


# A Session's fields, its texts made from their sources (session_text.py) among them.
SESSION_FIELDS = (
    "id", "title", "slots", "tags", "location", "description", "links", "agenda", "line",
    "search_text",
)  # fmt: skip


def plain(value):
    """A parse result as JSON values, every field of every dataclass kept (their types named)."""
    from calendar_tui.model.types import Session

    if isinstance(value, Session):
        fields = {name: plain(getattr(value, name)) for name in SESSION_FIELDS}
        return {"type": "Session", **fields}
    if dataclasses.is_dataclass(value):
        fields = {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"type": type(value).__name__, **fields}
    if isinstance(value, datetime):
        zone = getattr(value.tzinfo, "key", None) or str(value.tzinfo)
        return {"at": value.isoformat(), "zone": zone}
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return str(value)  # a Problem (a str carrying its code) as its sentence
    return value


def post_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".markdown"))


def dump_lines(folder: Path, parallel: bool | None = None) -> list[str]:
    """One JSON line per post file under `folder`: its relative path, Post and diagnostics."""
    from calendar_tui.i18n import set_language
    from calendar_tui.model.parsing import parse_files

    set_language("fr")
    files = post_files(folder)
    sources = [(path, path.relative_to(folder).as_posix()) for path in files]
    lines = []
    for (_, shown), (post, diagnostics) in zip(
        sources, parse_files(sources, parallel=parallel), strict=True
    ):
        record = {"file": shown, "post": plain(post), "diagnostics": plain(diagnostics)}
        lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def hashed(lines: list[str]) -> list[str]:
    """Each line as its file and the SHA-256 of the whole line (generated posts are many)."""
    return [f"{json.loads(line)['file']} {sha256(line.encode()).hexdigest()}" for line in lines]


def generated_folder(posts: int, parent: Path | None = None) -> Path:
    sys.path.insert(0, str(Path(__file__).parent))
    from generate import write_posts

    parent = parent or Path(tempfile.gettempdir()) / "calendar-tui-bench"
    folder = parent / f"dump-posts-{posts}"
    if not (folder / f"post-{posts - 1:05d}.markdown").exists():
        write_posts(folder, posts)
    return folder


def real_sets() -> dict[str, Path]:
    """The folders whose dumps are committed in full (the real corpora when beside us)."""
    from calendar_tui.paths import bundled_dir

    found = {"bundled": bundled_dir()}
    if SHARED is not None:
        found["corpus"] = SHARED / "corpus"
        found["corpus-more"] = SHARED / "corpus-more"
    return found


def write_golden() -> None:
    for name, folder in real_sets().items():
        (GOLDEN / f"parse_{name}.jsonl").write_text("\n".join(dump_lines(folder)) + "\n", "utf-8")
    with tempfile.TemporaryDirectory() as parent:
        lines = dump_lines(generated_folder(GENERATED_IN_TESTS, Path(parent)))
    target = GOLDEN / f"parse_generated_{GENERATED_IN_TESTS}.sha256"
    target.write_text("\n".join(hashed(lines)) + "\n", "utf-8")
    print(f"written in {GOLDEN}")


def sets(posts: int) -> dict[str, Path]:
    return {**real_sets(), f"generated-{posts}": generated_folder(posts)}


def first_differences(before: list[str], after: list[str], limit: int = 3) -> list[str]:
    if len(before) != len(after):
        return [f"{len(before)} files before, {len(after)} now"]
    differing = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    return [f"was: {a[:2000]}\nnow: {b[:2000]}" for a, b in differing[:limit]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("write", "compare", "golden"))
    parser.add_argument("folder", type=Path, nargs="?", default=Path("."))
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    if args.action == "golden":
        write_golden()
        return
    args.folder.mkdir(parents=True, exist_ok=True)
    failed = False
    for name, folder in sets(args.posts).items():
        lines = dump_lines(folder)
        target = args.folder / f"{name}.jsonl"
        if args.action == "write":
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{name}: {len(lines)} files written to {target}")
            continue
        before = target.read_text(encoding="utf-8").splitlines()
        differences = first_differences(before, lines)
        failed |= bool(differences)
        print(f"{name}: {len(lines)} files, {'DIFFERENT' if differences else 'identical'}")
        for difference in differences:
            print(difference)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
