"""Reading a post file: bytes to text, front matter to a mapping, with file lines for problems."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import frontmatter
import yaml

from calendar_tui.i18n import _
from calendar_tui.model.types import Diagnostic

_HANDLER = frontmatter.YAMLHandler()
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
MAX_POST_BYTES = 50 * 1024 * 1024


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """YAML's safe loader (no Python tags, ever) that also notes keys given twice."""

    def construct_mapping(self, node, deep=False):
        seen: set[str] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.duplicates.append((key_node.value, key_node.start_mark.line + 1))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)

    def construct_timestamp(self, node):
        """A date YAML recognises but the calendar lacks (2020-11-31) stays the text it is, so
        the rest of the front matter is kept; the key's reader says it is not a date."""
        try:
            return self.construct_yaml_timestamp(node)
        except (ValueError, OverflowError, TypeError, AttributeError):
            return ImpossibleDate(node.value)


class ImpossibleDate(str):
    """A front-matter value written as a date that no calendar holds."""

    __slots__ = ()


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_timestamp)


def load_yaml(text: str) -> tuple[object, list[tuple[str, int]]]:
    """The document and its duplicated keys with their lines (counted from the text's first line)."""
    loader = _Loader(text)
    loader.duplicates = []
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


@dataclass(slots=True)
class RawPost:
    path: str
    metadata: dict
    body: str
    body_line: int  # file line of the body's first line
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> file line
    diagnostics: list[Diagnostic] = field(default_factory=list)


def decode(data: bytes, path: str, problems: list[Diagnostic]) -> str | None:
    """Text of a post: UTF-8 (with or without BOM), UTF-16 with a BOM, else Latin-1 with a warning."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            problems.append(
                Diagnostic(
                    path,
                    None,
                    "error",
                    _("starts like UTF-16 but is not valid UTF-16"),
                    "file.encoding",
                )
            )
            return None
    if b"\x00" in data[:8192]:
        problems.append(
            Diagnostic(path, None, "error", _("is a binary file, not a text post"), "file.binary")
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problems.append(
            Diagnostic(
                path,
                line,
                "warning",
                _("is not valid UTF-8; read as Latin-1 (save it as UTF-8)"),
                "file.latin1",
            )
        )
        return data.decode("latin-1")


def parse_post_text(text: str, display: str, problems: list[Diagnostic] | None = None) -> RawPost:
    problems = problems if problems is not None else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(Diagnostic(display, None, "error", _("is empty"), "file.empty"))
        return RawPost(display, {}, "", 1, diagnostics=problems)
    if not _HANDLER.detect(text):
        # Jekyll copies such files as they are; they are not posts.
        problems.append(
            Diagnostic(
                display,
                1,
                "warning",
                _("has no front matter (no leading '---' block); not a post"),
                "front_matter.missing",
            )
        )
        return RawPost(display, {}, "", 1, diagnostics=problems)
    boundaries = _HANDLER.FM_BOUNDARY.finditer(text)
    opening, closing = next(boundaries), next(boundaries, None)
    if closing is None:
        problems.append(
            Diagnostic(
                display,
                1,
                "error",
                _("front matter opened with '---' is never closed"),
                "front_matter.unclosed",
            )
        )
        return RawPost(display, {}, "", 1, diagnostics=problems)
    fm = text[opening.end() : closing.start()]
    body_start = closing.end() + 1 if text.startswith("\n", closing.end()) else closing.end()
    body = text[body_start:]
    body_line = text.count("\n", 0, body_start) + 1
    try:
        metadata, duplicates = load_yaml(fm)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1  # fm starts on the file's first line
        # PyYAML's words translated: its 8 patterns compiled for a refused front matter only.
        from calendar_tui.model.yaml_reasons import yaml_reason

        reason = yaml_reason(getattr(exc, "problem", None) or str(exc).splitlines()[0])
        problems.append(
            Diagnostic(
                display,
                line,
                "error",
                _("front matter is not valid YAML: {reason}").format(reason=reason),
                "front_matter.yaml",
            )
        )
        return RawPost(display, {}, body, body_line, diagnostics=problems)
    except (ValueError, TypeError, OverflowError, RecursionError):
        # Values PyYAML recognises but Python cannot hold (impossible dates are kept as text
        # above): Python's own words never reach a post author.
        problems.append(
            Diagnostic(
                display,
                1,
                "error",
                _("front matter holds a value that cannot be read"),
                "front_matter.value",
            )
        )
        return RawPost(display, {}, body, body_line, diagnostics=problems)
    for key, line in duplicates:
        problems.append(
            Diagnostic(
                display,
                line,
                "warning",
                _("'{key}' is given twice; the last value is used").format(key=key),
                "front_matter.duplicate_key",
            )
        )
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        kind = type(metadata).__name__
        problems.append(
            Diagnostic(
                display,
                2,
                "error",
                _("front matter is a YAML {kind}, not a mapping of fields").format(kind=kind),
                "front_matter.not_mapping",
            )
        )
        metadata = {}
    return RawPost(display, metadata, body, body_line, _key_lines(fm), problems)


def _key_lines(fm: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(fm.split("\n")[1:], start=2):
        match = _TOP_KEY.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines
