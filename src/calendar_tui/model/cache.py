"""A cache of parsed posts, so reopening a large collection skips the parsing.

The file is MessagePack decoded by msgspec into the typed records of `cache_format.py`: reading
it can build those records and nothing else (a pickle could run any code planted in the cache
folder). It is versioned and tied to the parsing code's fingerprint; anything unexpected in it
is a cache miss, and a cache that cannot be written is skipped. It holds nothing the user made.

Entries are keyed by each file's resolved path (the same folder named relatively, absolutely or
through a symlink shares them) and checked against its device, inode, size, mtime and ctime in
nanoseconds: a same-size edit with the old mtime restored (`touch -r`, `git checkout`) still
changes the ctime. Entries for files a load did not see are dropped when it saves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import msgspec

from calendar_tui import __version__
from calendar_tui.i18n import current_language
from calendar_tui.model.atomic import atomic_write_bytes
from calendar_tui.model.cache_format import FORMAT_VERSION, CacheFile, Entry, from_post, to_post
from calendar_tui.model.types import Post
from calendar_tui.model.user_dirs import user_dir

ENV_CACHE_DIR = "CALENDAR_TUI_CACHE_DIR"
_MODEL_DIR = Path(__file__).resolve().parent
_DECODER = msgspec.msgpack.Decoder(CacheFile)
_ENCODER = msgspec.msgpack.Encoder()

FileKey = tuple[int, ...]  # (device, inode, size, mtime_ns, ctime_ns)


def cache_dir() -> Path:
    return user_dir("cache", ENV_CACHE_DIR)


def code_fingerprint() -> str:
    """Changes whenever a module that shapes a Post changes (new version or edited source), and
    with the language: diagnostics are cached as sentences. It hashes the sources' bytes, not
    their mtimes, so a fresh checkout or a `touch` keeps the cache (~0.3 MB read, ~1 ms)."""
    digest = hashlib.sha1(f"{__version__}:{current_language()}".encode())
    for source in sorted(_MODEL_DIR.glob("*.py")):
        data = source.read_bytes()
        digest.update(f"{source.name}:{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


class PostCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "posts.msgpack"
        self._fingerprint = code_fingerprint()
        self._entries: dict[str, Entry] = {}
        self._used: dict[str, Entry] = {}
        self._dirty = False
        self._loaded = False

    @classmethod
    def for_paths(cls, paths: Sequence[Path]) -> PostCache:
        """One cache file per collection, so opening a small programme never reads the cache
        of a large collection opened another time."""
        names = "\n".join(sorted(str(p.resolve()) for p in paths))
        digest = hashlib.sha1(names.encode("utf-8", "surrogateescape")).hexdigest()[:12]
        return cls(cache_dir() / f"posts-{digest}.msgpack")

    def __len__(self) -> int:
        """Entries held: those read from the file, or those kept by this load."""
        return len(self._used) if self._used else len(self._entries)

    def load(self) -> None:
        """Reads the cache file once; later calls do nothing."""
        if self._loaded:
            return
        self._loaded = True
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError:
            self._dirty = True
            return
        try:
            cached = _DECODER.decode(data)
        except (msgspec.DecodeError, ValueError, TypeError, RecursionError):
            self._dirty = True  # damaged, planted or from another version: rebuilt
            return
        if cached.version == FORMAT_VERSION and cached.fingerprint == self._fingerprint:
            self._entries = cached.entries
        else:
            self._dirty = True

    def get(self, key_path: str, key: FileKey, shown: str) -> Post | None:
        """The post parsed from the file at `key_path` (resolved) when it is unchanged, with the
        path as the user named it this time (`shown`)."""
        entry = self._entries.get(key_path)
        if entry is None or tuple(entry.key) != key:
            return None
        try:
            post = to_post(entry.post, shown)
        except (ValueError, TypeError, KeyError, OverflowError):
            return None  # a value the types accept but the model cannot hold: parsed again
        self._used[key_path] = entry
        return post

    def put(self, key_path: str, key: FileKey, post: Post) -> None:
        record = from_post(post)
        if record is not None:  # None: holds a value the format cannot carry; never cached
            self._used[key_path] = Entry(key, record)
            self._dirty = True

    def save(self) -> None:
        """Keeps the entries of this load only (files it did not see are dropped), atomically."""
        if not self._dirty and self._used.keys() == self._entries.keys():
            return
        try:
            data = _ENCODER.encode(CacheFile(FORMAT_VERSION, self._fingerprint, self._used))
            atomic_write_bytes(self.path, data)
        except (OSError, msgspec.EncodeError, UnicodeEncodeError, RecursionError):
            return  # a cache that cannot be written only costs time next run
