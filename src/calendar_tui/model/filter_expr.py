"""The filter language shared by `list --where`, saved views and (later) the app's search bar.

    tag:webinaire et (tag:"intelligence artificielle" ou "données") sauf tag:EIG

Terms: `tag:T`, `lieu:P` (or `place:`), `titre:W` (or `title:`), `date:D` with D a day
(2020-11-16 or 16/11/2020), a month (2020-11), a year or a range `D1..D2` (either end may be
left out), `du:D` / `au:D` (or `from:` / `to:`), `favoris` (the starred sessions), and bare or
quoted words searched in title, description, tags and place (case and accents ignored, as the
search box does). Operators, loosest first: `sauf` (`except`), `ou` (`or`), `et` (`and`, or
nothing: two terms side by side must both hold), `non` (`not`) before a term; parentheses group.
An operator word or `favoris` is searched as a word when quoted: `"et"`.

`parse()` gives a tree of small frozen nodes or raises ExprError with a line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from calendar_tui.i18n import N_, _
from calendar_tui.model.filter_tokens import ExprError, Token, tokenize
from calendar_tui.model.text import search_fold, tag_key

# ExprError and tokenize live in filter_tokens; importers of the language need only this module.
__all__ = [
    "And",
    "Dates",
    "ExprError",
    "Favourites",
    "Node",
    "Not",
    "Or",
    "Place",
    "Tag",
    "Title",
    "Words",
    "parse",
    "tokenize",
    "uses_favourites",
    "words",
]

MAX_DEPTH = 64  # nested parentheses and `non`: deeper is refused, never a RecursionError


# -- the tree ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tag:
    key: str  # text.tag_key
    label: str  # as written


@dataclass(frozen=True, slots=True)
class Words:
    """Text searched like the search box: `raw` as typed, `folded` as compared."""

    raw: str
    folded: str  # search_fold, spaces collapsed; a quoted phrase keeps its words together


@dataclass(frozen=True, slots=True)
class Place:
    folded: str


@dataclass(frozen=True, slots=True)
class Title:
    folded: str


@dataclass(frozen=True, slots=True)
class Dates:
    start: date | None
    end: date | None  # inclusive


@dataclass(frozen=True, slots=True)
class Favourites:
    pass


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


Node = Tag | Words | Place | Title | Dates | Favourites | Not | And | Or

# -- dates -----------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_FRENCH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _period(value: str, token: Token) -> tuple[date, date]:
    """A day, month or year as its first and last day."""
    try:
        if match := _FRENCH.fullmatch(value):
            day = date(int(match[3]), int(match[2]), int(match[1]))
            return day, day
        if match := _ISO.fullmatch(value):
            year = int(match[1])
            if match[3]:
                day = date(year, int(match[2]), int(match[3]))
                return day, day
            if match[2]:
                first = date(year, int(match[2]), 1)
                following = date(year + first.month // 12, first.month % 12 + 1, 1)
                return first, following - timedelta(days=1)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        pass
    raise ExprError(
        _("« {value} » is not a date (YYYY-MM-DD, YYYY-MM, YYYY or DD/MM/YYYY)").format(
            value=value
        ),
        token.line,
        token.column,
    )


def _dates(token: Token) -> Dates:
    value = token.text.strip()
    if token.name == "from":
        return Dates(_period(value, token)[0], None)
    if token.name == "to":
        return Dates(None, _period(value, token)[1])
    if ".." in value:
        first, _sep, last = value.partition("..")
        if not first.strip() and not last.strip():
            raise ExprError(_("date range with neither start nor end"), token.line, token.column)
        start = _period(first.strip(), token)[0] if first.strip() else None
        end = _period(last.strip(), token)[1] if last.strip() else None
        return Dates(start, end)
    return Dates(*_period(value, token))


def words(raw: str) -> Words:
    return Words(raw, " ".join(search_fold(raw).split()))


def _term(token: Token) -> Node:
    if token.kind == "fav":
        return Favourites()
    if token.kind == "word":
        return words(token.text)
    value = token.text
    if token.name == "tag":
        return Tag(tag_key(value), " ".join(value.split()))
    if token.name == "place":
        return Place(" ".join(search_fold(value).split()))
    if token.name == "title":
        return Title(" ".join(search_fold(value).split()))
    return _dates(token)


# -- the parser: recursive descent, loosest operator first --------------------------------------

_NAMES = {"and": N_("and"), "or": N_("or"), "except": N_("except"), "not": N_("not")}
_STARTS = frozenset({"(", "not", "fav", "word", "field"})  # what can begin a term


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0
        lines = text.split("\n")
        self.end = (len(lines), len(lines[-1]) + 1)  # where "the end of the text" is

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise ExprError(_("empty expression"), 1, 1)
        node = self.excepting()
        extra = self.peek()
        if extra is not None:
            if extra.kind == ")":
                raise ExprError(
                    _("closing parenthesis without an opening one"), extra.line, extra.column
                )
            raise ExprError(
                _("unexpected « {text} »").format(text=extra.text), extra.line, extra.column
            )
        return node

    def excepting(self) -> Node:
        token = self.peek()
        if token is not None and token.kind == "except":  # "sauf tag:x": everything but x
            self.take()
            node: Node = Not(self.either(after=token))
        else:
            node = self.either()
        while (token := self.peek()) is not None and token.kind == "except":
            self.take()
            node = And((*_parts(node, And), Not(self.either(after=token))))
        return node

    def either(self, after: Token | None = None) -> Node:
        items = [self.both(after)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            items.append(self.both(token))
        return items[0] if len(items) == 1 else Or(tuple(i for n in items for i in _parts(n, Or)))

    def both(self, after: Token | None) -> Node:
        items = [self.unary(after)]
        while (token := self.peek()) is not None and token.kind in ("and", *_STARTS):
            if token.kind == "and":
                self.take()
                items.append(self.unary(token))
            else:  # side by side: both must hold
                items.append(self.unary(None))
        return items[0] if len(items) == 1 else And(tuple(i for n in items for i in _parts(n, And)))

    def unary(self, after: Token | None) -> Node:
        token = self.peek()
        if token is None:
            if after is not None:
                raise ExprError(
                    _("« {text} » must be followed by a term").format(text=after.text),
                    after.line,
                    after.column,
                )
            raise ExprError(_("term expected"), *self.end)
        if token.kind == "not":
            self.take()
            return Not(self.nested(lambda: self.unary(token), token))
        if token.kind == "(":
            self.take()
            return self.nested(lambda: self.group(token), token)
        if token.kind in ("fav", "word", "field"):
            self.take()
            return _term(token)
        if token.kind == ")":
            if after is not None:
                raise ExprError(
                    _("« {text} » must be followed by a term").format(text=after.text),
                    after.line,
                    after.column,
                )
            raise ExprError(_("unexpected closing parenthesis"), token.line, token.column)
        raise ExprError(
            _("term expected before « {text} » (« {operator} » joins two terms)").format(
                text=token.text, operator=_(_NAMES[token.kind])
            ),
            token.line,
            token.column,
        )

    def group(self, opening: Token) -> Node:
        token = self.peek()
        if token is not None and token.kind == ")":
            raise ExprError(_("empty parentheses"), opening.line, opening.column)
        node = self.excepting_in(opening)
        closing = self.peek()
        if closing is None or closing.kind != ")":
            raise ExprError(_("unclosed parenthesis"), opening.line, opening.column)
        self.take()
        return node

    def excepting_in(self, opening: Token) -> Node:
        if self.peek() is None:
            raise ExprError(_("unclosed parenthesis"), opening.line, opening.column)
        return self.excepting()

    def nested(self, parse, token: Token) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(_("too deeply nested"), token.line, token.column)
        try:
            return parse()
        finally:
            self.depth -= 1


def _parts(node: Node, kind: type) -> tuple[Node, ...]:
    """`a et (b et c)` is one And of three: flatter trees are easier to read back as a Filter."""
    return node.items if isinstance(node, kind) else (node,)


def parse(text: str) -> Node:
    """The expression's tree; ExprError (with line and column) for anything malformed."""
    return _Parser(text).parse()


def uses_favourites(node: Node) -> bool:
    if isinstance(node, Favourites):
        return True
    if isinstance(node, Not):
        return uses_favourites(node.item)
    if isinstance(node, And | Or):
        return any(uses_favourites(item) for item in node.items)
    return False
