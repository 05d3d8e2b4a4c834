"""Terminal app benchmark: prints figures, asserts nothing (these machines are noisy).

    .venv/bin/python benchmarks/bench_tui.py [--runs 7] [--posts 10000]

1. First frame: a fresh Python process per run, from interpreter start to the first frame
   written (headless driver; the moment `App._display` gets a frame it would write: Textual
   drops the frames made while the app is still mounting its first screen), for an empty Textual app and for
   calendar-tui on the bundled programme (the calendar screen with its grid): as the CLI opens
   it (`make_app(paths=..., cache=PostCache(), watch=True)`, the cache warmed by the first run,
   the files watched), with no
   cache (every run parses the post), and with the store passed in (loaded in the process,
   inside the timing). Medians over `--runs`; "exit" is the time until `App.run` returns.
   Every child writes and reuses bytecode (in a temporary `PYTHONPYCACHEPREFIX`), as an
   installed package does, even when `PYTHONDONTWRITEBYTECODE` is set around the benchmark
   (`--no-bytecode` compiles calendar-tui's modules from source in every run instead).
2. Filter keystroke -> repainted grid and list, with `--posts` generated posts loaded (generated
   once under the temp folder and reused; the loader's cache skips the parsing next time):
   measured inside the app, from the key being sent to the end of the first frame that draws
   the grid and the list with the new filter (the frame's terminal output produced too; the
   widgets' `render_lines` are watched, so a frame that only has the new state, not yet its
   paint, does not count), and to the last
   frame it causes ("settled"); the pilot's round trip (press + wait for idle, which sleeps) is
   printed separately, with an unbound key for the harness alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

CHILD = r"""
import time, sys
started = time.perf_counter()
kind = sys.argv[1]
from textual.app import App

frame = []
display = App._display


def written(app, renderable):
    # What App._display writes to a terminal: it drops a frame made while a batch update is open
    # (the app mounting its first screen) or before the app runs; headless skips only the write.
    return renderable is not None and not app._batch_count and app._running and not app._closed


def _display(app, screen, renderable):
    # The first frame written: any screen for the empty app; for calendar-tui, its calendar
    # screen (the grid is composed before the screen's first frame).
    if not frame and written(app, renderable) and (kind == "empty" or screen.query("MonthGrid")):
        frame.append(time.perf_counter() - started)
        app.call_later(app.exit)
    return display(app, screen, renderable)


App._display = _display
if kind == "empty":
    app = App()
else:
    from calendar_tui.factory import make_app
    from calendar_tui.paths import bundled_programme
    from calendar_tui.settings import Settings

    if kind == "cli":  # as `calendar-tui` with no arguments (cli.run_app), user settings aside
        from calendar_tui.model.cache import PostCache

        app = make_app(
            paths=[bundled_programme()], cache=PostCache(), settings=Settings(), watch=True
        )
    elif kind == "paths":  # the same with no cache: the post is parsed in every run
        app = make_app(paths=[bundled_programme()], settings=Settings())
    else:
        from calendar_tui.model.loader import load_store

        app = make_app(load_store([bundled_programme()]), settings=Settings())
app.run(headless=True)
print(frame[0], time.perf_counter() - started)
"""

KINDS = (
    ("empty", "empty Textual app"),
    ("cli", "calendar-tui as the CLI opens it (post cache warm)"),
    ("paths", "calendar-tui on the programme's path, no cache"),
    ("store", "calendar-tui, store loaded and passed in"),
)


def child_env(bytecode: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["CALENDAR_TUI_CACHE_DIR"] = str(
        Path(tempfile.gettempdir()) / "calendar-tui-bench" / "cache"
    )
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "calendar-tui-bench" / "pyc")
    else:  # Textual keeps its installed .pyc files; calendar-tui's modules compile every run
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def first_frame(kind: str, runs: int, env: dict[str, str]) -> list[tuple[float, float]]:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind], capture_output=True, text=True, check=True, env=env
        )
        frame, exit_ = out.stdout.strip().splitlines()[-1].split()
        times.append((float(frame), float(exit_)))
    return times


def report_first_frame(runs: int, bytecode: bool = True) -> None:
    print(
        f"First frame (median of {runs} fresh processes, interleaved; from interpreter start)"
        + ("" if bytecode else ", calendar-tui compiled from source every run")
    )
    env = child_env(bytecode)
    for kind, _ in KINDS:
        first_frame(kind, 1, env)  # warm the OS cache, the .pyc files and the post cache
    samples: dict[str, list[tuple[float, float]]] = {kind: [] for kind, _ in KINDS}
    for _ in range(runs):  # interleaved, so a slow spell of a noisy machine hits every kind
        for kind, _ in KINDS:
            samples[kind] += first_frame(kind, 1, env)
    results = {}
    for kind, label in KINDS:
        frame = statistics.median(t for t, _ in samples[kind])
        exit_ = statistics.median(t for _, t in samples[kind])
        results[kind] = frame
        print(f"  {label:<52} {frame * 1000:7.1f} ms   exit {exit_ * 1000:7.1f} ms")
    for kind, _ in KINDS[1:]:
        print(f"  ratio {kind:<5} vs empty: {results[kind] / results['empty']:.2f}x")


def posts_folder(posts: int) -> Path:
    """Generated posts, written once and reused (the loader's cache then skips the parsing)."""
    from generate import write_posts

    folder = Path(tempfile.gettempdir()) / "calendar-tui-bench" / f"posts-{posts}"
    if not (folder / f"post-{posts - 1:05d}.markdown").exists():
        write_posts(folder, posts)
    return folder


def written(app, renderable) -> bool:
    """Whether `App._display` writes this frame to the terminal (headless: would write)."""
    return renderable is not None and not app._batch_count and app._running and not app._closed


class FrameClock:
    """Inside the app: when each frame is drawn and what it shows, with no pilot overhead.

    Wraps `App._display` (where a compositor update goes to the terminal; headless skips the
    output, so the bytes a terminal would receive are produced here too, to count their cost)
    and counts full layouts (`Screen._refresh_layout`).
    """

    def __init__(self) -> None:
        from textual.app import App
        from textual.screen import Screen

        self.frames: list[tuple[float, bool]] = []  # (time, grid and list show the filter)
        self.layouts = 0
        self.shows_result = lambda: True
        clock = self
        display, refresh_layout = App._display, Screen._refresh_layout

        def _display(app, screen, renderable):
            # Only the frames a terminal would receive (see `written` in CHILD).
            if written(app, renderable):
                if app.is_headless:
                    renderable.render_segments(app.console)
                clock.frames.append((time.perf_counter(), clock.shows_result()))
            return display(app, screen, renderable)

        def _refresh_layout(screen, *args, **kwargs):
            clock.layouts += 1
            return refresh_layout(screen, *args, **kwargs)

        App._display = _display
        Screen._refresh_layout = _refresh_layout


async def keystrokes(posts: int, repeats: int) -> None:
    from calendar_tui.factory import make_app
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.filters import Filter
    from calendar_tui.model.loader import load_store
    from calendar_tui.settings import Settings
    from calendar_tui.widgets.day_list import DayList
    from calendar_tui.widgets.month_grid import MonthGrid

    folder = posts_folder(posts)
    cache = PostCache(folder.parent / f"cache-{posts}.pickle")
    started = time.perf_counter()
    store = load_store([folder], cache=cache)
    store.prepare_search()  # as the app's loading worker does
    print(
        f"\nKeystrokes with {posts} generated posts ({len(store.occurrences)} occurrences,"
        f" loaded in {time.perf_counter() - started:.2f} s), 120x40"
    )
    query = []
    for tag in store.tags()[:repeats]:
        started = time.perf_counter()
        store.query(Filter(include=frozenset({tag.key}))).day_counts.get(date(2020, 1, 1))
        query.append(time.perf_counter() - started)
    print(
        f"  store.query, a tag not queried before        {statistics.median(query) * 1000:7.1f} ms"
    )

    clock = FrameClock()
    app = make_app(store, settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.day = screen.days[len(screen.days) // 2]
        await pilot.pause(0.2)
        grid, day_list = screen.query_one(MonthGrid), screen.query_one(DayList)
        # What the grid and the list showed when the compositor last drew them: a frame counts
        # once both were drawn with the new state (the state alone changes a frame earlier
        # than the paint when the widgets' updates reach the screen after a frame has started).
        painted: dict[str, object] = {}

        def paint_hook(name: str, widget, state) -> None:
            render_lines = widget.render_lines

            def hooked(crop):
                painted[name] = state()
                return render_lines(crop)

            widget.render_lines = hooked

        paint_hook("grid", grid, lambda: grid.counts)
        for widget in (day_list.options, day_list.query_one("#no-sessions")):
            paint_hook("list", widget, lambda: day_list._shown_list[1:2])

        def shows_result() -> bool:
            # The grid was drawn with the screen's counts, the list with the day's sessions.
            ids = tuple(o.id for o in screen.day_occurrences)
            return painted.get("grid") is screen.day_counts and painted.get("list") == (ids,)

        clock.shows_result = shows_result

        async def measure(key: str) -> tuple[float, float, float, int, int]:
            frames, layouts = len(clock.frames), clock.layouts
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            round_trip = time.perf_counter() - started
            await pilot.pause(0.1)  # let anything posted late draw too
            new = clock.frames[frames:]
            shown = next((t for t, ok in new if ok), float("nan"))
            settled = new[-1][0] if new else float("nan")
            return shown - started, settled - started, round_trip, len(new), clock.layouts - layouts

        def report(label: str, results: list[tuple[float, float, float, int, int]]) -> None:
            shown = statistics.median(r[0] for r in results) * 1000
            settled = statistics.median(r[1] for r in results) * 1000
            worst = max(r[0] for r in results) * 1000
            pilot_ms = statistics.median(r[2] for r in results) * 1000
            frames = statistics.median(r[3] for r in results)
            layouts = statistics.median(r[4] for r in results)
            print(
                f"  {label:<30} {shown:7.1f} ms (max {worst:6.1f})   settled {settled:7.1f} ms"
                f"   {frames:.0f} frames, {layouts:.0f} layouts   pilot round trip {pilot_ms:6.1f} ms"
            )

        print(
            "  key -> frame showing the new grid and list (median; in the app, from the key"
            " being sent); settled: last frame"
        )
        report("tag key '1' (on, off, ...)", [await measure("1") for _ in range(repeats)])
        report(
            "tag keys '1'..'6' cycled",
            [await measure(str(1 + n % 6)) for n in range(repeats)],
        )
        await pilot.press("c")
        await pilot.press("slash")
        await pilot.pause()
        report("search character", [await measure(char) for char in "numerique"[:repeats]])
        nothing = []
        for char in "xzwkyjqv"[:repeats]:  # "numerique" + each: a new search matching nothing
            nothing.append(await measure(char))
            await pilot.press("backspace")
            await pilot.pause()
        report("search character, no match", nothing)
        await pilot.press("escape")
        await pilot.pause()
        clears = []
        for _ in range(5):
            await pilot.press("2")
            await pilot.pause()
            clears.append(await measure("c"))
        report("'c' clear filters", clears)
        baseline = [await measure("z") for _ in range(5)]
        print(
            "  unbound key (harness only)     pilot round trip"
            f" {statistics.median(r[2] for r in baseline) * 1000:6.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=12)
    parser.add_argument(
        "--no-bytecode", action="store_true", help="first frame: no .pyc for calendar-tui"
    )
    parser.add_argument("--first-frame-only", action="store_true")
    args = parser.parse_args()
    report_first_frame(args.runs, bytecode=not args.no_bytecode)
    if args.first_frame_only:
        return
    asyncio.run(keystrokes(args.posts, args.repeats))


if __name__ == "__main__":
    main()
