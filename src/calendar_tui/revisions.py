"""The posts at a revision of their git repository, read with the `git` command.

git runs with argument lists (never a shell) and `--end-of-options` before anything the user
typed, so a revision named `--output=x` is a revision, never an option, and with literal
pathspecs, so a folder named `:!x` or `:(glob)*` is that folder. A revision's posts are
written to a temporary folder (only post files and `_config.yml`, never symlinks or paths
leaving the folder; a file over the size the loader reads is not read from git at all) and
loaded like any folder. A commit's subject is an author's text, as hostile as a post: one
clean line.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from calendar_tui.i18n import _
from calendar_tui.model.front_matter import MAX_POST_BYTES
from calendar_tui.model.loader import POST_SUFFIXES
from calendar_tui.model.text import one_line, visible

WANTED_NAMES = ("_config.yml",)  # a Jekyll site's configuration, beside the posts


class GitError(Exception):
    """A sentence for the user: not a repository, unknown revision, git missing..."""


@dataclass(frozen=True, slots=True)
class Repository:
    root: Path
    prefix: str  # the posts' path inside the repository ("" for its root), POSIX


@dataclass(frozen=True, slots=True)
class Revision:
    sha: str
    label: str  # "436cec0 2020-11-02 message"


def _git(cwd: Path, *args: str, input: bytes | None = None) -> bytes:
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_LITERAL_PATHSPECS": "1"}
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=input, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitError(_("git is not installed (it is needed to read revisions)")) from None
    except OSError as error:
        reason = error.strerror or error
        raise GitError(_("cannot run git: {reason}").format(reason=reason)) from None
    if done.returncode != 0:  # git's own words (LC_ALL=C: English)
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(
            one_line(message[-1]) if message else _("git {command} failed").format(command=args[0])
        )
    return done.stdout


def find_repository(path: Path) -> Repository:
    if not path.exists():
        raise GitError(_("{path}: no such file or folder").format(path=visible(str(path))))
    folder = path if path.is_dir() else path.parent
    try:
        # A file name, in the file system's encoding (bytes that are not UTF-8 kept as such).
        top = os.fsdecode(_git(folder, "rev-parse", "--show-toplevel").rstrip(b"\n"))
    except GitError:
        raise GitError(
            _(
                "{path} is not in a git repository "
                "(changes compares revisions of the posts' repository)"
            ).format(path=visible(str(path)))
        ) from None
    root = Path(top)
    relative = path.resolve().relative_to(root.resolve())
    prefix = relative.as_posix()
    return Repository(root, "" if prefix == "." else prefix)


def _pathspec(repo: Repository) -> list[str]:
    return ["--", repo.prefix or "."]


def revision(repo: Repository, name: str) -> Revision:
    try:
        sha = _git(
            repo.root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}"
        )
    except GitError:
        raise GitError(_("unknown revision '{name}'").format(name=name)) from None
    return describe(repo, sha.decode().strip())


def describe(repo: Repository, sha: str) -> Revision:
    label = _git(repo.root, "log", "-1", "--format=%h %cs %s", sha, "--")
    return Revision(sha, one_line(label.decode("utf-8", "replace")))


def last_change(repo: Repository, before: date | None = None) -> Revision | None:
    """The last commit that touched the posts (before the start of `before`); None: none."""
    args = ["log", "-1", "--format=%H"]
    if before is not None:
        args.append(f"--before={before.isoformat()}T00:00:00")
    try:
        _git(repo.root, "rev-parse", "--verify", "--quiet", "HEAD")
    except GitError:  # a repository without any commit yet
        return None
    sha = _git(repo.root, *args, "HEAD", *_pathspec(repo)).decode().strip()
    return describe(repo, sha) if sha else None


def _wanted(path: str) -> bool:
    name = PurePosixPath(path).name
    return name.endswith(POST_SUFFIXES) or name in WANTED_NAMES


def export(repo: Repository, sha: str, into: Path) -> Path:
    """Writes the revision's post files under `into`; returns where the posts' path lands."""
    listing = _git(repo.root, "ls-tree", "-r", "-z", "-l", "--full-tree", sha, *_pathspec(repo))
    blobs: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, blob, size = meta.decode().split()
        path = raw_path.decode("utf-8", "surrogateescape")
        parts = PurePosixPath(path).parts
        if kind != "blob" or mode == "120000" or ".." in parts or not _wanted(path):
            continue
        if int(size) > MAX_POST_BYTES:  # never read into memory: an empty (sparse) file of
            target = into.joinpath(*parts)  # that size, which the loader says is too big
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as file:
                file.truncate(int(size))
            continue
        blobs.append((blob, path))
    if blobs:
        data = _git(
            repo.root, "cat-file", "--batch", input="".join(f"{b}\n" for b, _ in blobs).encode()
        )
        position = 0
        for _blob, path in blobs:
            header_end = data.index(b"\n", position)
            size = int(data[position:header_end].split()[2])
            content = data[header_end + 1 : header_end + 1 + size]
            position = header_end + 1 + size + 1
            target = into.joinpath(*PurePosixPath(path).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    landing = into.joinpath(*PurePosixPath(repo.prefix).parts) if repo.prefix else into
    return landing
