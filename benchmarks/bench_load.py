"""Load-time benchmark: prints figures, asserts nothing (these machines are noisy).

    .venv/bin/python benchmarks/bench_load.py [N ...]

For each N, generated posts shaped like the corpus (benchmarks/generate.py) are loaded four
ways: cold (every post parsed; from 200 files on, by this process and a pool of worker
processes, one per other core), cold in one process, cold with the post cache being written,
and warm (every post from the cache, as on a second run of the app or the CLI). Peak memory is traced on the cold load in one process
(tracemalloc sees this process only, not the pool's workers).
Then `calendar-tui list` on the bundled programme is timed as a whole process.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import write_posts  # noqa: E402

from calendar_tui.model.cache import PostCache  # noqa: E402
from calendar_tui.model.loader import load_store  # noqa: E402


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def bench_load(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        posts, cache_file = Path(tmp, "posts"), Path(tmp, "cache", "posts.msgpack")
        write_posts(posts, count)
        cold, store = timed(lambda: load_store([posts]))
        one_process, _ = timed(lambda: load_store([posts], parallel=False))
        writing, _ = timed(lambda: load_store([posts], cache=PostCache(cache_file)))
        warm, _ = timed(lambda: load_store([posts], cache=PostCache(cache_file)))
        tracemalloc.start()
        load_store([posts], parallel=False)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        cache_mb = cache_file.stat().st_size / 1e6
    print(
        f"N={count:>6}: cold {cold:6.2f} s | cold in one process {one_process:6.2f} s | "
        f"cold + writing the cache {writing:6.2f} s | "
        f"warm (cache) {warm:5.2f} s | peak {peak / 1e6:6.1f} MB (cold, traced) | "
        f"cache {cache_mb:5.1f} MB | {len(store.occurrences)} occurrences"
    )


def bench_cli_list(runs: int = 7) -> None:
    exe = Path(sys.executable).with_name("calendar-tui")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(exe), "list"], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    timings.sort()
    print(
        f"`calendar-tui list` on the bundled programme: median {timings[len(timings) // 2] * 1000:.0f} ms wall "
        f"(best {timings[0] * 1000:.0f} ms, {runs} runs)"
    )


if __name__ == "__main__":
    sizes = [int(arg) for arg in sys.argv[1:]] or [100, 1_000, 10_000]
    for size in sizes:
        bench_load(size)
    bench_cli_list()
