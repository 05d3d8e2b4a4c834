"""Live reload and the linear view on large collections: prints figures, asserts nothing.

- reload: one post edited in N generated posts, `model.live.reload_store` through the app's
  in-memory cache (only that file parsed again), median of a few runs;
- linear: in a headless app on the same N posts, from `L` to the paragraphs shown.

    .venv/bin/python benchmarks/bench_live.py [N ...]   (default: 2000 10000)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_posts  # noqa: E402

from calendar_tui.check_watch import WatchCache  # noqa: E402
from calendar_tui.model.live import reload_store  # noqa: E402
from calendar_tui.model.loader import load_store  # noqa: E402


def bench_reload(folder: Path, victim: Path, runs: int = 5) -> None:
    cache = WatchCache(None)
    store = load_store([folder], cache=cache)
    text = victim.read_text(encoding="utf-8")
    times = []
    for run in range(runs):
        victim.write_text(text.replace("\n---\n", f"\n---\nÉdition {run}.\n", 1), encoding="utf-8")
        start = time.perf_counter()
        reload = reload_store(store, [folder], cache=cache)
        times.append(time.perf_counter() - start)
        store = reload.store
    print(
        f"  reload after one edit: {statistics.median(times) * 1000:.0f} ms median "
        f"({len(store.posts)} posts, {len(store.occurrences)} occurrences)"
    )


async def bench_linear(folder: Path) -> None:
    from calendar_tui.factory import make_app
    from calendar_tui.settings import Settings
    from calendar_tui.widgets.linear_view import LinearView

    store = load_store([folder])
    app = make_app(store, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(LinearView)
        start = time.perf_counter()
        await pilot.press("L")
        while not view.occurrences:
            await pilot.pause(0.005)
        shown = time.perf_counter() - start
        print(f"  linear view, L to paragraphs: {shown * 1000:.0f} ms ({len(view.occurrences)})")


def main() -> None:
    counts = [int(arg) for arg in sys.argv[1:]] or [2000, 10000]
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            posts = write_posts(folder, count)
            print(f"{count} posts:")
            bench_reload(folder, posts[len(posts) // 2 + 2])  # a programme (one in three)
            asyncio.run(bench_linear(folder))


if __name__ == "__main__":
    main()
