"""Terminal app benchmark: prints figures, asserts nothing (these machines are noisy).

    .venv/bin/python benchmarks/bench_tui.py [--runs 7] [--posts 10000]

1. First frame: a fresh Python process per run, from interpreter start to the first frame drawn
   (headless driver), for an empty Textual app and for calendar-tui on the bundled programme
   (the grid drawn, with the programme loaded in the worker as the CLI does, and with the store
   passed in already loaded). Medians over `--runs`.
2. Filter keystroke -> repainted grid and list, with `--posts` generated posts loaded: the median
   time from pressing a key (a top-tag toggle, a search character) until the app is idle again
   with the new counts on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

CHILD = r"""
import time, sys
started = time.perf_counter()
kind = sys.argv[1]
if kind == "empty":
    from textual.app import App
    class Empty(App):
        def on_ready(self):
            self.call_after_refresh(self.exit)
    app = Empty()
else:
    from calendar_tui.factory import make_app
    from calendar_tui.settings import Settings
    store = None
    if kind == "store":
        from calendar_tui.model.loader import load_store
        from calendar_tui.paths import bundled_programme
        store = load_store([bundled_programme()])
    app = make_app(store, settings=Settings())
    from calendar_tui.screens.calendar import CalendarScreen
    def poll():
        if isinstance(app.screen, CalendarScreen) and app.screen.query("MonthGrid"):
            timer.stop()
            app.call_after_refresh(app.exit)
    def start():
        global timer
        timer = app.set_interval(0.001, poll)
    app.call_later(start)
app.run(headless=True)
print(time.perf_counter() - started)
"""


def first_frame(kind: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind], capture_output=True, text=True, check=True
        )
        wall = time.perf_counter() - started
        times.append((float(out.stdout.strip().splitlines()[-1]), wall))
    return times


def report_first_frame(runs: int) -> None:
    print(f"First frame (median of {runs} fresh processes; in-process time / wall incl. exit)")
    results = {}
    for kind, label in (
        ("empty", "empty Textual app"),
        ("paths", "calendar-tui, bundled programme (worker load, grid drawn)"),
        ("store", "calendar-tui, store passed in (grid drawn)"),
    ):
        first_frame(kind, 1)  # warm the OS cache and .pyc files
        times = first_frame(kind, runs)
        inner = statistics.median(t for t, _ in times)
        wall = statistics.median(w for _, w in times)
        results[kind] = (inner, wall)
        print(f"  {label:<58} {inner * 1000:7.1f} ms   wall {wall * 1000:7.1f} ms")
    base_inner, base_wall = results["empty"]
    for kind in ("paths", "store"):
        inner, wall = results[kind]
        print(
            f"  ratio {kind:<5} vs empty: {inner / base_inner:.2f}x (wall {wall / base_wall:.2f}x)"
        )


async def keystrokes(posts: int, repeats: int) -> None:
    from generate import write_posts

    from calendar_tui.factory import make_app
    from calendar_tui.model.filters import Filter
    from calendar_tui.model.loader import load_store
    from calendar_tui.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        write_posts(Path(tmp), posts)
        started = time.perf_counter()
        store = load_store([Path(tmp)])
        print(
            f"\nKeystrokes with {posts} generated posts ({len(store.occurrences)} occurrences,"
            f" loaded in {time.perf_counter() - started:.2f} s)"
        )
    query = []
    key = store.tags()[0].key
    for _ in range(repeats):
        started = time.perf_counter()
        store.query(Filter(include=frozenset({key})))
        query.append(time.perf_counter() - started)
    print(
        f"  store.query alone (one tag)                       {statistics.median(query) * 1000:7.1f} ms"
    )

    app = make_app(store, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.day = screen.days[len(screen.days) // 2]
        await pilot.pause()

        async def measure(keys: list[str]) -> float:
            started = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            return time.perf_counter() - started

        toggles = [await measure(["1"]) for _ in range(repeats)]
        print(
            f"  tag key '1' -> grid and list repainted             {statistics.median(toggles) * 1000:7.1f} ms"
            f"  (max {max(toggles) * 1000:.1f})"
        )
        await pilot.press("slash")
        await pilot.pause()
        typed = []
        for char in "numerique atelier"[:repeats]:
            typed.append(await measure([char if char != " " else "space"]))
        print(
            f"  search character -> grid and list repainted       {statistics.median(typed) * 1000:7.1f} ms"
            f"  (max {max(typed) * 1000:.1f})"
        )
        await pilot.press("escape")
        clears = []
        for _ in range(5):
            await pilot.press("2")
            clears.append(await measure(["c"]))
        print(
            f"  'c' clear filters -> repainted                    {statistics.median(clears) * 1000:7.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=12)
    args = parser.parse_args()
    report_first_frame(args.runs)
    asyncio.run(keystrokes(args.posts, args.repeats))


if __name__ == "__main__":
    main()
