"""Body-parser benchmark: prints figures, asserts nothing (these machines are noisy).

    .venv/bin/python benchmarks/bench_body.py [REPEATS]

Times the cold parse (read + front matter + body, no cache) of the bundled programme and of every
real post in ../shared/corpus and ../shared/corpus-more, then of long bodies of one shape each
(thousands of timed lines or headings), in one process: best of REPEATS runs, in CPU time (the
machines are shared).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from calendar_tui.model.front_matter import read_raw_post
from calendar_tui.model.post import build_post

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (the main checkout, or a worktree one level deeper)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), None)
SETS = {
    "bundled programme": [ROOT / "data"],
    "corpus + corpus-more": [SHARED / "corpus", SHARED / "corpus-more"] if SHARED else [],
}


def files(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*.markdown"))


def best(paths: list[Path], repeats: int) -> float:
    raws = [read_raw_post(path, str(path)) for path in paths]
    if not raws:
        return 0.0
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        for raw in raws:
            build_post(raw)
        timings.append(time.process_time() - started)
    return min(timings)


# Long bodies of one shape each: every line's day, group and track must come from one pass.
LONG = {
    "10,000 '# a' headings": "# a\n" * 10_000,
    "3,000 timed headings in a list": "* # 10h : x\n" * 3_000,
    "3,000 bold times": "**10h**\n\n" * 3_000,
    "3,000 timed list items": "* 10h : x\n" * 3_000,
    "1,000 days with a room each": "## 8 mars 2022\n\n### Salle\n\n* 10h : x\n\n" * 1_000,
}


def long_bodies() -> None:
    from datetime import date
    from zoneinfo import ZoneInfo

    from calendar_tui.model.body import extract_body

    for name, body in LONG.items():
        started = time.process_time()
        extract_body(
            body,
            path="p",
            first_line=1,
            reference=date(2022, 1, 1),
            tz=ZoneInfo("Europe/Paris"),
            post_key="p",
            event_days=(date(2022, 3, 8), date(2022, 3, 9)),
        )
        print(f"{name}: {(time.process_time() - started) * 1000:.0f} ms")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for name, folders in SETS.items():
        paths = files(folders)
        print(
            f"{name}: {len(paths)} posts, build_post best of {repeats}: "
            f"{best(paths, repeats) * 1000:.1f} ms"
        )
    long_bodies()


if __name__ == "__main__":
    main()
