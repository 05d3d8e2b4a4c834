"""A cache of parsed posts, so reopening a large collection skips the parsing.

The file is MessagePack frames decoded by msgspec into the typed records of `cache_format.py`,
one at a time (never the whole file in memory at once): reading it can build those records and
nothing else (a pickle could run any code planted in the cache
folder). It is versioned and tied to the parsing code's fingerprint; anything unexpected in it
is a cache miss, and a cache that cannot be written is skipped. It holds nothing the user made.

Entries are keyed by each file's resolved path (the same folder named relatively, absolutely or
through a symlink shares them) and checked against its device, inode, size, mtime and ctime in
nanoseconds: a same-size edit with the old mtime restored (`touch -r`, `git checkout`) still
changes the ctime. Entries for files a load did not see are dropped when it saves.

Beside the posts it keeps the last store's index (`store_index.py`) with the files it was built
from: a load that finds the same posts of the same files takes it instead of building it again.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import msgspec

from calendar_tui import __version__
from calendar_tui.i18n import current_language
from calendar_tui.model.atomic import atomic_write_bytes
from calendar_tui.model.cache_folder import mark_used, prune
from calendar_tui.model.cache_format import (
    FORMAT_VERSION,
    Entry,
    Header,
    PostRecord,
    Sources,
    StoreRecord,
    from_index,
    from_post,
    to_index,
    to_post,
)
from calendar_tui.model.session_text import made_count
from calendar_tui.model.store_index import StoreIndex
from calendar_tui.model.types import Post, Session
from calendar_tui.model.user_dirs import user_dir

ENV_CACHE_DIR = "CALENDAR_TUI_CACHE_DIR"
_MODEL_DIR = Path(__file__).resolve().parent
_HEADER = msgspec.msgpack.Decoder(Header)
_ENTRY = msgspec.msgpack.Decoder(Entry)
_STORE = msgspec.msgpack.Decoder(StoreRecord)
_ENCODER = msgspec.msgpack.Encoder()
_LENGTH = 4  # bytes of a frame's length, big-endian

FileKey = tuple[int, ...]  # (device, inode, size, mtime_ns, ctime_ns)


def cache_dir() -> Path:
    return user_dir("cache", ENV_CACHE_DIR)


def code_fingerprint() -> str:
    """Changes whenever a module that shapes a Post changes (new version or edited source), and
    with the language: diagnostics are cached as sentences. It sums the sources' bytes, not
    their mtimes, so a fresh checkout or a `touch` keeps the cache (~0.3 MB read, ~1 ms)."""
    parts = [f"{__version__}:{current_language()}".encode()]
    with os.scandir(_MODEL_DIR) as entries:
        sources = sorted(entry.name for entry in entries if entry.name.endswith(".py"))
    for name in sources:
        data = (_MODEL_DIR / name).read_bytes()
        parts += (f"{name}:{len(data)}:".encode(), data)
    return _checksum(b"".join(parts))


def _checksum(data: bytes) -> str:
    """64 bits of CRC-32 and Adler-32: zlib is in every Python and imports in a fraction of
    hashlib's time (which loads OpenSSL); nothing here needs to resist a forger."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


class _Damaged(Exception):
    """The file ends inside a frame, or a frame claims more bytes than the file holds."""


class PostCache:
    def __init__(self, path: Path | None = None, *, bounded_folder: bool = False) -> None:
        self.path = path or cache_dir() / "posts.msgpack"
        self._bounded_folder = bounded_folder  # the user's cache folder: old files are pruned
        self._fingerprint = code_fingerprint()
        self._entries: dict[str, Entry] = {}  # read from the file, until a load takes them
        self._in_file: set[str] = set()
        # What this cache's loads saw: key, post and (for a parsed post) its record.
        self._used: dict[str, tuple[FileKey, Post, PostRecord | None]] = {}
        self._store: StoreRecord | None = None
        self._index_read: StoreIndex | None = None
        self._dirty = False
        self._loaded = False
        self._made_seen = made_count()  # texts made when this cache last looked (see save)

    @classmethod
    def for_paths(cls, paths: Sequence[Path]) -> PostCache:
        """One cache file per collection, so opening a small programme never reads the cache
        of a large collection opened another time."""
        names = "\n".join(sorted(str(p.resolve()) for p in paths))
        digest = _checksum(names.encode("utf-8", "surrogateescape"))
        return cls(cache_dir() / f"posts-{digest}.msgpack", bounded_folder=True)

    def __len__(self) -> int:
        """Entries held: those read from the file, or those kept by this load."""
        return len(self._used) if self._used else len(self._entries)

    def load(self, files: Mapping[str, tuple[FileKey, str]] | None = None) -> None:
        """Reads the cache file once; later calls do nothing. With `files` (resolved path ->
        key and path as named, the files of this load), each entry of an unchanged file becomes
        its Post as it is read, so the records of all the file are never held at once."""
        if self._loaded:
            return
        self._loaded = True
        try:
            handle = self.path.open("rb", buffering=1 << 20)
        except FileNotFoundError:
            return
        except OSError:
            self._dirty = True
            return
        entries: dict[str, Entry] = {}
        ready: dict[str, tuple[FileKey, Post, None]] = {}
        in_file: set[str] = set()
        try:
            with handle:
                size = os.fstat(handle.fileno()).st_size
                header = _HEADER.decode(_frame(handle, size))
                if header.version != FORMAT_VERSION or header.fingerprint != self._fingerprint:
                    self._dirty = True
                    return
                for _ in range(header.entries):
                    entry = _ENTRY.decode(_frame(handle, size))
                    in_file.add(entry.key_path)
                    if files is None:
                        entries[entry.key_path] = entry
                        continue
                    key, shown = files.get(entry.key_path, ((), ""))
                    post = _post(entry, key, shown)
                    if post is not None:
                        ready[entry.key_path] = (key, post, None)
                store = _STORE.decode(_frame(handle, size)) if handle.tell() < size else None
                if handle.tell() != size:
                    raise _Damaged("bytes after the last frame")
        except (msgspec.DecodeError, ValueError, TypeError, RecursionError, OSError, _Damaged):
            self._dirty = True  # damaged, planted or from another version: rebuilt
            return
        self._entries, self._in_file, self._store = entries, in_file, store
        self._used.update(ready)

    def get(self, key_path: str, key: FileKey, shown: str) -> Post | None:
        """The post parsed from the file at `key_path` (resolved) when it is unchanged, with the
        path as the user named it this time (`shown`)."""
        used = self._used.get(key_path)
        if used is not None and used[0] == key:  # read by load(files), or by an earlier load
            if used[1].path == shown:
                return used[1]
            record = used[2] or from_post(used[1])  # named another way this time
            entry = Entry(key_path, list(key), record) if record is not None else None
        else:
            entry = self._entries.pop(key_path, None)  # its record is freed once converted
        post = _post(entry, key, shown)
        if post is not None:
            self._used[key_path] = (key, post, None)
        return post

    def put(self, key_path: str, key: FileKey, post: Post) -> None:
        used = self._used.get(key_path)
        if used is not None and used[0] == key and used[1] is post:
            return  # handed out by this cache (the app's in-memory cache gives them all back)
        record = from_post(post)
        if record is not None:  # None: holds a value the format cannot carry; never cached
            self._used[key_path] = (key, post, record)
            self._dirty = True

    def store_index(self, sources: Sources) -> StoreIndex | None:
        """The index of the last store built from the same posts of the same files, if any."""
        if self._store is not None:
            self._index_read = to_index(self._store, sources)
        return self._index_read

    def keep_store_index(self, sources: Sources, index: StoreIndex) -> None:
        """Keeps `index` (of the posts of `sources`) for the next load, unless it came from here."""
        if index is not self._index_read:
            self._store = from_index(sources, index)
            self._dirty = True

    def save(self) -> None:
        """Keeps the entries of this load only (files it did not see are dropped), atomically,
        with the texts made since they were read or parsed (a second save after the texts
        were read writes them: the JSON output, the app's search worker)."""
        if made_count() != self._made_seen:
            self._made_seen = made_count()
            self._dirty |= self._take_made_texts()
        if not self._dirty and self._used.keys() == self._in_file:
            if self._bounded_folder and self._in_file:
                mark_used(self.path)  # nothing to write, but used: the last to be pruned
            return
        try:
            frames = []
            for key_path, (key, post, record) in list(self._used.items()):
                record = record or from_post(post)
                if record is not None:
                    frames.append(_ENCODER.encode(Entry(key_path, list(key), record)))
            frames.insert(
                0, _ENCODER.encode(Header(FORMAT_VERSION, self._fingerprint, len(frames)))
            )
            if self._store is not None:
                frames.append(_ENCODER.encode(self._store))
            data = b"".join(len(frame).to_bytes(_LENGTH, "big") + frame for frame in frames)
            atomic_write_bytes(self.path, data)
        except (OSError, msgspec.EncodeError, UnicodeEncodeError, RecursionError):
            return  # a cache that cannot be written only costs time next run
        self._in_file, self._dirty = set(self._used), False
        if self._bounded_folder:
            prune(self.path.parent, keep=self.path)

    def _take_made_texts(self) -> bool:
        """Whether a post of this load has a text made since its record (the post's record is
        then made again when saving)."""
        changed = False
        for key_path, (key, post, _record) in list(self._used.items()):
            if any(session.text.fresh for session in _sessions(post)):
                self._used[key_path] = (key, post, None)
                changed = True
        return changed


def _sessions(post: Post) -> tuple[Session, ...]:
    return post.sessions if post.event is None else (post.event, *post.sessions)


def _post(entry: Entry | None, key: FileKey, shown: str) -> Post | None:
    """The entry's Post, named `shown`, when its file still has `key`."""
    if entry is None or tuple(entry.key) != key:
        return None
    try:
        return to_post(entry.post, shown)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None  # a value the types accept but the model cannot hold: parsed again


def _frame(handle: BinaryIO, size: int) -> bytes:
    length = int.from_bytes(handle.read(_LENGTH), "big")
    if handle.tell() + length > size:
        raise _Damaged("a frame longer than the file")
    data = handle.read(length)
    if len(data) != length:
        raise _Damaged("the file ends inside a frame")
    return data
