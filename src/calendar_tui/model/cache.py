"""A cache of parsed posts, so reopening a large collection skips the parsing.

Keyed by each file's path as given, size and modification time, and invalidated as a whole
when the parsing code changes. It holds nothing the user made: a cache that cannot be read is
simply rebuilt (and one that cannot be written is skipped).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

from calendar_tui import __version__
from calendar_tui.i18n import current_language
from calendar_tui.model.atomic import atomic_write_bytes
from calendar_tui.model.types import Post
from calendar_tui.model.user_dirs import user_dir

ENV_CACHE_DIR = "CALENDAR_TUI_CACHE_DIR"
_MODEL_DIR = Path(__file__).resolve().parent


def cache_dir() -> Path:
    return user_dir("cache", ENV_CACHE_DIR)


def code_fingerprint() -> str:
    """Changes whenever a module that shapes a Post changes (new version or edited source), and
    with the language: diagnostics are cached as sentences."""
    digest = hashlib.sha1(f"{__version__}:{current_language()}".encode())
    for source in sorted(_MODEL_DIR.glob("*.py")):
        stat = source.stat()
        digest.update(f"{source.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


FileKey = tuple[int, int]  # (size, mtime_ns)


class PostCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "posts.pickle"
        self._fingerprint = code_fingerprint()
        self._entries: dict[str, tuple[FileKey, Post]] = {}
        self._used: dict[str, tuple[FileKey, Post]] = {}
        self._dirty = False
        self._loaded = False

    @classmethod
    def for_paths(cls, paths: Sequence[Path]) -> PostCache:
        """One cache file per collection, so opening a small programme never reads the cache
        of a large collection opened another time."""
        names = "\n".join(sorted(str(p.resolve()) for p in paths))
        return cls(cache_dir() / f"posts-{hashlib.sha1(names.encode()).hexdigest()[:12]}.pickle")

    def load(self) -> None:
        """Reads the cache file once; later calls do nothing."""
        if self._loaded:
            return
        self._loaded = True
        try:
            with open(self.path, "rb") as handle:
                fingerprint, entries = pickle.load(handle)
        except FileNotFoundError:
            return
        except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt; it holds no user data
            self._dirty = True
            return
        if fingerprint == self._fingerprint and isinstance(entries, dict):
            self._entries = entries
        else:
            self._dirty = True

    def get(self, path: str | Path, key: FileKey) -> Post | None:
        """The post parsed from `path` (as the user named it) when its size and mtime still match."""
        entry = self._entries.get(str(path))
        if entry is None or entry[0] != key:
            return None
        self._used[str(path)] = entry
        return entry[1]

    def put(self, path: str | Path, key: FileKey, post: Post) -> None:
        self._used[str(path)] = (key, post)
        self._dirty = True

    def save(self) -> None:
        """Keeps the entries of this load (plus untouched others), written atomically."""
        if not self._dirty and self._used.keys() <= self._entries.keys():
            return
        entries = {**self._entries, **self._used}
        try:
            data = pickle.dumps((self._fingerprint, entries), protocol=pickle.HIGHEST_PROTOCOL)
            atomic_write_bytes(self.path, data)
        except (OSError, pickle.PicklingError, RecursionError):
            return  # a cache that cannot be written only costs time next run
