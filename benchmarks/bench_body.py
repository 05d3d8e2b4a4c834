"""Body-parser benchmark: prints figures, asserts nothing (these machines are noisy).

    .venv/bin/python benchmarks/bench_body.py [REPEATS]

Times the cold parse (read + front matter + body, no cache) of the bundled programme and of every
real post in ../shared/corpus and ../shared/corpus-more, in one process, best of REPEATS runs, in CPU time (the machines are shared).
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


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for name, folders in SETS.items():
        paths = files(folders)
        print(
            f"{name}: {len(paths)} posts, build_post best of {repeats}: "
            f"{best(paths, repeats) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
