"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, faster.

With `indent`, the standard library encodes in pure Python, one token at a time (and
`json.dump` writes each token to the stream: millions of `write()` calls for 10,000 posts).
Here every scalar goes through the C string encoder and the indentation is laid out once per
line; a test holds the bytes identical to the standard library's on the corpus and on random
values. `write_plain_array` goes further for values without floats (the occurrences of `list
--format json`): msgspec's C encoder and formatter lay out each item in two calls.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring  # the C encoder when available (ensure_ascii=False)
from typing import TextIO

_LITERALS = {True: "true", False: "false", None: "null"}


def _scalar(value: object) -> str:
    if value is None or value is True or value is False:
        return _LITERALS[value]
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, int):
        return int.__repr__(value)
    # floats (NaN, Infinity) and anything else: the standard library's own answer or TypeError
    return json.dumps(value, ensure_ascii=False)


def _key(key: object) -> str:
    # The standard library's keys: a scalar key becomes its JSON text ("true", "1", "1.5").
    if key is None or isinstance(key, int | float):
        return json.dumps(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _parts(value: object, depth: int) -> Iterator[str]:
    if isinstance(value, dict):
        if not value:
            yield "{}"
            return
        inner = "\n" + "  " * (depth + 1)
        yield "{"
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                key = _key(key)
            yield inner if first else "," + inner
            first = False
            yield encode_basestring(key)
            yield ": "
            if isinstance(item, dict | list | tuple):
                yield from _parts(item, depth + 1)
            else:
                yield _scalar(item)
        yield "\n" + "  " * depth + "}"
    elif isinstance(value, list | tuple):
        if not value:
            yield "[]"
            return
        inner = "\n" + "  " * (depth + 1)
        yield "["
        first = True
        for item in value:
            yield inner if first else "," + inner
            first = False
            if isinstance(item, dict | list | tuple):
                yield from _parts(item, depth + 1)
            else:
                yield _scalar(item)
        yield "\n" + "  " * depth + "]"
    else:
        yield _scalar(value)


def dumps(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, the same text."""
    return "".join(_parts(value, 0))


def write_array(items: Iterable[object], stream: TextIO) -> None:
    """Write `json.dump(list(items), stream, ensure_ascii=False, indent=2)`'s text and a newline.

    One `write()` per item (each item's text built in one piece), so an unbuffered stdout is not
    called once per token.
    """
    first = True
    for item in items:
        text = "".join(_parts(item, 1))
        stream.write(("[\n  " if first else ",\n  ") + text)
        first = False
    stream.write("[]\n" if first else "\n]\n")


def write_plain_array(items: Iterable[object], stream: TextIO, batch: int = 256) -> None:
    """`write_array` for items made only of str, int, bool, None, lists, tuples and dicts with
    str keys: for those msgspec writes the standard library's text (strings escaped alike over
    all of Unicode; not floats, `1e+16` there is `1e16`, nor other keys), `batch` items per call
    and per write. A batch holding a string msgspec cannot encode (a lone surrogate) is laid out
    item by item, that item `write_array`'s way."""
    import msgspec

    encode, layout = msgspec.json.encode, msgspec.json.format
    iterator = iter(items)
    separator = "[\n"
    while chunk := list(islice(iterator, batch)):
        try:  # "[\n  item,\n  item\n]": the items, already at the depth of the whole array's
            text = layout(encode(chunk), indent=2).decode("utf-8")[2:-2]
        except UnicodeEncodeError:
            text = ",\n".join(_laid_out(item) for item in chunk)
        stream.write(separator + text)
        separator = ",\n"
    stream.write("[]\n" if separator == "[\n" else "\n]\n")


def _laid_out(item: object) -> str:
    import msgspec

    try:
        return "  " + msgspec.json.format(msgspec.json.encode(item), indent=2).decode(
            "utf-8"
        ).replace("\n", "\n  ")
    except UnicodeEncodeError:
        return "  " + "".join(_parts(item, 1))
