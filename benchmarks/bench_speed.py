"""Every row of the speed table (issue 15), each against its reference in the same run.

    .venv/bin/python benchmarks/bench_speed.py [--runs 5] [--posts 10000] [--keystrokes]

Each figure is the median of `--runs` fresh processes, the kinds interleaved (a slow spell of
a shared machine hits them all); the ratio to the reference is what compares across machines:

- first frame: calendar-tui as the CLI opens it vs a bare Textual app (bench_tui.py's child,
  frames counted as written to a terminal);
- `calendar-tui list` on the bundled programme vs khal's `khal list` when installed, and vs
  `python -c pass` (the interpreter alone);
- `--posts` generated posts (generate.py) cold (no cache) and warm (cache written by a first
  run) vs the YAML-only floor: read every file, split and parse its front matter with libyaml,
  in one process, nothing else. CPU is the process's and its pool workers';
- `list --format json` on them, warm, with and without PYTHONUNBUFFERED=1;
- peak memory (the process's maximum RSS) of the warm load, vs the interpreter alone;
- with `--keystrokes`, bench_tui.py's keystroke rows (in this process; a minute or more).

The process rows run with bytecode written and reused (PYTHONPYCACHEPREFIX in the temp
folder, as an installed package) and again with PYTHONDONTWRITEBYTECODE=1 (every module of
calendar-tui compiled from source in every run), since the project's shells set it.
Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_tui  # noqa: E402

BENCH = Path(tempfile.gettempdir()) / "calendar-tui-bench"

# One load, timed inside the child: wall, CPU (self + reaped pool workers), peak RSS.
LOAD_CHILD = r"""
import resource, sys, time
started = time.perf_counter()
mode, folder, cache_file = sys.argv[1:4]
from pathlib import Path
if mode == "floor":  # the YAML-only floor: the files and their front matter, nothing else
    import yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(Path(folder).iterdir()):
        text = path.read_text("utf-8")
        if text.startswith("---"):
            end = text.find("\n---", 3)
            yaml.load(text[3:end], Loader=loader)
elif mode != "python":
    from calendar_tui.model.cache import PostCache
    from calendar_tui.model.loader import load_store
    cache = PostCache(Path(cache_file)) if mode == "warm" else None
    load_store([Path(folder)], cache=cache)
wall = time.perf_counter() - started
me, kids = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
print(wall, cpu, me.ru_maxrss * 1024)
"""


def envs() -> dict[str, dict[str, str]]:
    base = dict(os.environ, CALENDAR_TUI_CACHE_DIR=str(BENCH / "cache"))
    with_pyc = {k: v for k, v in base.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with_pyc["PYTHONPYCACHEPREFIX"] = str(BENCH / "pyc")
    no_pyc = {k: v for k, v in base.items() if k != "PYTHONPYCACHEPREFIX"}
    no_pyc["PYTHONDONTWRITEBYTECODE"] = "1"
    return {"bytecode": with_pyc, "PYTHONDONTWRITEBYTECODE=1": no_pyc}


def run_timed(command: list[str], env: dict[str, str]) -> float:
    """Wall time of a whole process, its output discarded."""
    import time

    started = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
    )
    return time.perf_counter() - started


def interleaved(kinds: dict[str, object], runs: int) -> dict[str, list]:
    """Each kind's samples: `kinds` maps a name to a function giving one sample."""
    for sample in kinds.values():
        sample()  # warm the OS cache, the .pyc files and the post cache
    samples: dict[str, list] = {name: [] for name in kinds}
    for _ in range(runs):
        for name, sample in kinds.items():
            samples[name].append(sample())
    return samples


def median(values) -> float:
    return statistics.median(values)


def row(label: str, value: str, reference: str, ratio: float | None, goal: str) -> None:
    shown = f"{ratio:5.2f}x" if ratio is not None else "   -  "
    print(f"  {label:<58} {value:>20}  {reference:<34} {shown}   goal {goal}")


def list_rows(runs: int, env: dict[str, str]) -> None:
    exe = str(Path(sys.executable).with_name("calendar-tui"))
    kinds = {
        "python": lambda: run_timed([sys.executable, "-c", "pass"], env),
        "list": lambda: run_timed([exe, "list"], env),
    }
    khal = shutil.which("khal")
    if khal:
        kinds["khal"] = lambda: run_timed([khal, "list"], env)
    samples = {name: median(times) for name, times in interleaved(kinds, runs).items()}
    ms = samples["list"] * 1000
    row(
        "`calendar-tui list`, bundled programme",
        f"{ms:.0f} ms",
        f"python -c pass {samples['python'] * 1000:.0f} ms",
        samples["list"] / samples["python"],
        "<= 60 ms",
    )
    if khal:
        row(
            "",
            "",
            f"khal list {samples['khal'] * 1000:.0f} ms",
            samples["list"] / samples["khal"],
            "",
        )
    else:
        print("  (khal is not installed: no khal reference in this run)")


def load_rows(posts: int, runs: int, env: dict[str, str], cold_only: bool = False) -> None:
    folder = bench_tui.posts_folder(posts)
    cache_file = BENCH / f"cache-speed-{posts}.msgpack"
    exe = str(Path(sys.executable).with_name("calendar-tui"))

    def load(mode: str):
        def sample():
            out = subprocess.run(
                [sys.executable, "-c", LOAD_CHILD, mode, str(folder), str(cache_file)],
                capture_output=True, text=True, env=env, check=True,
            )  # fmt: skip
            return tuple(float(x) for x in out.stdout.split())

        return sample

    def json_list(unbuffered: bool):
        child_env = dict(env, CALENDAR_TUI_CACHE_DIR=str(BENCH / f"cache-json-{posts}"))
        child_env.pop("PYTHONUNBUFFERED", None)
        if unbuffered:
            child_env["PYTHONUNBUFFERED"] = "1"
        return lambda: run_timed([exe, "list", "--format", "json", str(folder)], child_env)

    kinds = {"floor": load("floor"), "cold": load("cold")}
    if not cold_only:
        kinds |= {
            "python": load("python"),
            "warm": load("warm"),
            "json": json_list(False),
            "json-unbuffered": json_list(True),
        }
    samples = interleaved(kinds, runs)
    floor = median(s[0] for s in samples["floor"])
    floor_cpu = median(s[1] for s in samples["floor"])
    cold, cold_cpu = median(s[0] for s in samples["cold"]), median(s[1] for s in samples["cold"])
    row(
        f"{posts} posts, cold (no cache)",
        f"{cold:.2f} s ({cold_cpu:.1f} s CPU)",
        f"YAML-only floor {floor:.2f} s ({floor_cpu:.1f} s CPU)",
        cold / floor,
        "<= 3 s wall",
    )
    if cold_only:
        return
    warm = median(s[0] for s in samples["warm"])
    row(
        f"{posts} posts, warm (cache)",
        f"{warm:.2f} s",
        f"YAML-only floor {floor:.2f} s",
        warm / floor,
        "<= 0.3 s",
    )
    for name, label in (("json", ""), ("json-unbuffered", ", PYTHONUNBUFFERED=1")):
        seconds = median(samples[name])
        row(
            f"`list --format json`, {posts} posts, warm{label}",
            f"{seconds:.2f} s",
            f"warm load {warm:.2f} s",
            seconds / warm,
            "<= 1 s",
        )
    peak = median(s[2] for s in samples["warm"]) / 1e6
    python_peak = median(s[2] for s in samples["python"]) / 1e6
    row(
        f"peak memory, {posts} posts warm (max RSS)",
        f"{peak:.0f} MB",
        f"interpreter alone {python_peak:.0f} MB",
        peak / python_peak,
        "<= 200 MB",
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--keystrokes", action="store_true", help="also the keystroke rows")
    parser.add_argument(
        "--only",
        choices=("frame", "list", "load", "cold"),
        help="one group of rows (cold: only the cold load and its floor)",
    )
    args = parser.parse_args()
    print(f"Speed table, medians of {args.runs} interleaved runs; ratio = value / reference")
    for name, env in envs().items():
        print(f"\n[{name}]")
        if args.only in (None, "frame"):
            bench_tui.report_first_frame(args.runs, bytecode=name == "bytecode")
            print("  goal: ratio cli vs empty <= 1.4x")
        if args.only in (None, "list"):
            list_rows(args.runs, env)
        if args.only in (None, "load", "cold"):
            load_rows(args.posts, args.runs, env, cold_only=args.only == "cold")
    if args.keystrokes:
        import asyncio

        asyncio.run(bench_tui.keystrokes(args.posts, 12))
        print("  goal: keystroke -> repainted grid and list <= 35 ms")


if __name__ == "__main__":
    main()
