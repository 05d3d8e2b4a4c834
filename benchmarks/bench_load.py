"""Load-time benchmark: prints figures, asserts nothing (these machines are noisy).

.venv/bin/python benchmarks/bench_load.py [N ...]
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

from calendar_tui.model.loader import load_store  # noqa: E402


def bench_load(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_posts(Path(tmp), count)
        load_store([Path(tmp)])  # warm the OS cache and imports
        tracemalloc.start()
        started = time.perf_counter()
        store = load_store([Path(tmp)])
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        started = time.perf_counter()
        store = load_store([Path(tmp)])
        untraced = time.perf_counter() - started
    print(
        f"N={count:>6}: load {untraced:6.2f} s (traced {elapsed:5.2f} s), peak {peak / 1e6:6.1f} MB, "
        f"{len(store.occurrences)} occurrences, {len(store.diagnostics)} diagnostics"
    )


def bench_cli_list(runs: int = 5) -> None:
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
