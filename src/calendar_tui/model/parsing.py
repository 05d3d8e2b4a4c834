"""Parsing post files into Posts: here for a few, on every core for a large collection.

Parsing is pure CPU work per file (YAML, the body's grammar, text cleaning), so a collection of
thousands of posts is split into chunks parsed by a pool of worker processes. The pool costs a
few hundred milliseconds to start and its results must be pickled back, so small loads stay in
this process. If the pool cannot start or breaks, what is left is parsed here: the load is
slower, never different.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from calendar_tui.i18n import _
from calendar_tui.model.boundary import clean_diagnostics, clean_value, with_clean_diagnostics
from calendar_tui.model.reading import NotReadable, read_regular
from calendar_tui.model.text import clean_text
from calendar_tui.model.types import Diagnostic, Post

if TYPE_CHECKING:
    from calendar_tui.model.front_matter import RawPost

PARALLEL_MIN_FILES = 200  # below this the pool's start-up costs more than it saves
CHUNK_FILES = 48  # files per task: large enough to amortise pickling, small for even progress
MAX_WORKERS = 8
PARENT_CHECK_SECONDS = 0.25

PostSource = tuple[Path, str]  # the file, and its path as the user named it (for diagnostics)
Parsed = tuple[Post | None, tuple[Diagnostic, ...]]  # None: unreadable, empty or not a post


def parse_file(path: Path, shown: str) -> Parsed:
    from calendar_tui.model.post import build_post

    raw, problems = read_post(path, shown)
    if raw is None:
        return None, problems
    post = with_clean_diagnostics(build_post(raw))
    return post, post.diagnostics


def read_post(path: Path, shown: str) -> tuple[RawPost | None, tuple[Diagnostic, ...]]:
    """The file's front matter and body, every string cleaned where it enters (no control
    character, no invisible trick); None, with the reasons, when it is no post: unreadable, not
    a regular file, over the size limit, empty. Every post is read here, a Jekyll site's too."""
    # The parsing modules (YAML, the date grammar and its patterns) are imported on the first
    # file to parse: a load served from the cache never needs them.
    from calendar_tui.model.front_matter import MAX_POST_BYTES, decode, parse_post_text

    try:
        data = read_regular(path, MAX_POST_BYTES)
    except NotReadable as why:
        return None, (Diagnostic(shown, None, "error", str(why), why.code),)
    except OSError as error:
        reason = _("cannot be read: {reason}").format(reason=error.strerror or error)
        return None, clean_diagnostics(
            [Diagnostic(shown, None, "error", reason, "file.unreadable")]
        )
    problems: list[Diagnostic] = []
    text = decode(data, shown, problems)
    if text is None:
        return None, clean_diagnostics(problems)
    raw = parse_post_text(text, shown, problems)
    try:
        raw.metadata = clean_value(raw.metadata)
    except RecursionError:
        message = _("front matter is nested too deeply to be read")
        raw.diagnostics.append(Diagnostic(shown, 1, "error", message, "front_matter.too_deep"))
        raw.metadata = {}
    raw.body = clean_text(raw.body)
    if not (raw.metadata or raw.body):
        return None, clean_diagnostics(raw.diagnostics)
    return raw, ()


def parse_files(sources: Sequence[PostSource], *, parallel: bool | None = None) -> Iterator[Parsed]:
    """Each source's post and diagnostics, in the order given. `parallel`: None decides by the
    number of files and cores; True uses a pool whenever one can start."""
    workers = usable_cores()
    if parallel is None:
        parallel = len(sources) >= PARALLEL_MIN_FILES and workers > 1
    if not parallel:
        for path, shown in sources:
            yield parse_file(path, shown)
        return
    yield from _parse_in_pool(sources, pool_workers())


def pool_workers() -> int:
    """This process parses chunks too (see _parse_in_pool): one worker fewer than the cores
    keeps every core busy, and what this process parses is never pickled (a post sent back
    costs a seventh more than parsing it: pickled there, unpickled here)."""
    return max(1, min(usable_cores() - 1, MAX_WORKERS))


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _parse_chunk(sources: Sequence[PostSource]) -> list[Parsed]:
    return [parse_file(path, shown) for path, shown in sources]


def _parse_in_pool(sources: Sequence[PostSource], workers: int) -> Iterator[Parsed]:
    """The chunks go to the pool in order; while the next one to yield is not back, this
    process parses the last chunk no worker has started (cancelled there), so it works instead
    of waiting, and what it parses is never pickled."""
    from concurrent.futures.process import BrokenProcessPool

    chunks = [sources[i : i + CHUNK_FILES] for i in range(0, len(sources), CHUNK_FILES)]
    here: dict[int, list[Parsed]] = {}  # chunks parsed in this process, by index
    finished = 0  # chunks yielded so far
    try:
        pool = _start_pool(workers)
    except (OSError, ImportError, NotImplementedError, ValueError):
        pool = None  # no semaphores or no fork here: parse in this process
    if pool is not None:
        try:
            futures = [pool.submit(_parse_chunk, chunk) for chunk in chunks]
            last = len(chunks)  # chunks from `last` on are parsed here (or yielded)
            while finished < len(chunks):
                if finished in here:
                    parsed = here.pop(finished)
                elif not futures[finished].done() and last - 1 > finished:
                    if futures[last - 1].cancel():  # not started by a worker: parsed here
                        here[last - 1] = _parse_chunk(chunks[last - 1])
                    last -= 1
                    continue
                else:
                    parsed = futures[finished].result()
                finished += 1
                yield from parsed
        except (BrokenProcessPool, OSError):
            pass  # a worker died (killed, out of memory): the rest is parsed below
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    for index in range(finished, len(chunks)):
        yield from here.pop(index, None) or _parse_chunk(chunks[index])


_PARSING_MODULES = ["calendar_tui.model.front_matter", "calendar_tui.model.post"]


def _start_pool(workers: int):
    import importlib
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if threading.active_count() == 1:
        # The command line: workers are forks of this process, parsing modules loaded once.
        for module in _PARSING_MODULES:
            importlib.import_module(module)
        context = multiprocessing.get_context("fork")
        # The parent's pid is taken here, before the fork: a signal that ends this process
        # before a worker's initializer runs would otherwise leave the worker watching its
        # new parent (init) for ever.
        initargs: tuple[int, ...] = (os.getpid(),)
    else:
        # The terminal app loads in a thread, and forking a process that has threads can
        # deadlock the child: workers come from a fresh server process instead (which runs
        # the main module again, guarded by `if __name__ == "__main__"` in our entry points).
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, *_PARSING_MODULES])
        initargs = ()  # a worker's parent is the fork server, known only in the worker
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=initargs
    )


def _start_worker(parent: int | None = None) -> None:
    global _watched_parent
    gc.disable()  # as in the loader: many long-lived objects, no cycles worth collecting
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    # A parent ended by a signal (SIGTERM, SIGHUP, even SIGKILL) cannot end its workers, and
    # they would wait for more work for ever: each worker ends itself once its parent is gone.
    _watched_parent = os.getppid() if parent is None else parent
    watcher = threading.Thread(target=_end_with_parent, args=(_watched_parent,), daemon=True)
    watcher.start()
    # Nothing a worker might print may land on the parent's terminal screen; a worker's
    # exception still reaches the parent with its traceback through the future.
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


_watched_parent: int | None = None  # in a worker: the process whose end ends it


def watched_parent() -> int | None:
    return _watched_parent


def _end_with_parent(parent: int) -> None:
    while os.getppid() == parent:  # a re-parented orphan sees another parent (init, a reaper)
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)  # at once: nothing to flush, the results have nobody to go to
