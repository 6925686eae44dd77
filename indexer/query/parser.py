"""Tokens parsed into a syntax tree: OR binds loosest, then AND (implicit or written), then
NOT / ``-``; ``field:value`` conditions read into the values the index holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from indexer.query.acronyms import AcronymTable
from indexer.query.fields import FILTER_FIELDS
from indexer.query.tokens import SearchSyntaxError, Token, field_example
from indexer.schema import RECORD_TYPES
from records.enums import MeetingKind

MAX_DEPTH: Final = 20
MIN_PREFIX: Final = 2


@dataclass(frozen=True)
class WordNode:
    text: str
    field: str | None
    pos: int
    end: int


@dataclass(frozen=True)
class PhraseNode:
    text: str
    field: str | None


@dataclass(frozen=True)
class PrefixNode:
    text: str
    field: str | None


@dataclass(frozen=True)
class FuzzyNode:
    text: str
    maxdist: int
    field: str | None


@dataclass(frozen=True)
class FilterNode:
    """A condition on a metadata field: ``field`` is the index field, any value matches."""

    field: str
    values: tuple[str | int, ...]


@dataclass(frozen=True)
class AndNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class OrNode:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class NotNode:
    child: Node


Node = WordNode | PhraseNode | PrefixNode | FuzzyNode | FilterNode | AndNode | OrNode | NotNode

_FUZZY = re.compile(r"^(.*?)~(\d*)$")
# A character of a word: a wildcard or fuzzy word needs ``MIN_PREFIX`` of them.
WORD_CHAR = re.compile(r"\w")


class _Parser:
    """Recursive descent over tokens: OR binds loosest, then AND (implicit or written),
    then NOT / ``-``."""

    def __init__(self, tokens: list[Token], glossary: AcronymTable) -> None:
        self.tokens = tokens
        self.i = 0
        self.depth = 0
        self.glossary = glossary

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node | None:
        if not self.tokens:
            return None
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:
            raise SearchSyntaxError(
                f"unbalanced parenthesis: the ')' at position {extra.pos + 1} has no matching '('"
            )
        return node

    def _needs_operand(self, op: str) -> None:
        nxt = self.peek()
        if nxt is None or nxt.kind in ("rparen", "and", "or"):
            raise SearchSyntaxError(f"{op} with nothing after it")

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.take()
            self._needs_operand("OR")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else OrNode(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind == "and":
                self.take()
                self._needs_operand("AND")
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else AndNode(tuple(items))

    def parse_unary(self) -> Node:
        tok = self.take()
        negations = 0
        while tok.kind == "not":
            self._needs_operand("NOT" if tok.text == "NOT" else "'-'")
            negations += 1
            tok = self.take()
        node = self._primary(tok)
        return NotNode(node) if negations % 2 else node

    def _primary(self, tok: Token) -> Node:
        if tok.kind in ("and", "or"):
            raise SearchSyntaxError(f"{tok.text} with nothing before it")
        if tok.kind == "rparen":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: the ')' at position {tok.pos + 1} has no matching '('"
            )
        if tok.kind == "lparen":
            return self._group(tok)
        if tok.kind == "phrase":
            return PhraseNode(tok.text, None)
        if tok.field is not None and tok.text == "":
            # field:"phrase": the phrase token follows directly.
            phrase = self.take()
            return self._leaf(phrase.text, tok.field, tok.pos, phrase.end, quoted=True)
        return self._leaf(tok.text, tok.field, tok.pos, tok.end, quoted=False)

    def _group(self, opening: Token) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SearchSyntaxError(
                f"too deeply nested (more than {MAX_DEPTH} levels of parentheses)"
            )
        nxt = self.peek()
        if nxt is None:
            raise SearchSyntaxError(
                f"unbalanced parenthesis: the '(' at position {opening.pos + 1} is never closed"
            )
        if nxt.kind == "rparen":
            raise SearchSyntaxError(f"empty parentheses at position {opening.pos + 1}")
        node = self.parse_or()
        closing = self.peek()
        if closing is None or closing.kind != "rparen":
            raise SearchSyntaxError(
                f"unbalanced parenthesis: the '(' at position {opening.pos + 1} is never closed"
            )
        self.take()
        self.depth -= 1
        return node

    def _leaf(self, text: str, field_name: str | None, pos: int, end: int, quoted: bool) -> Node:
        if field_name in FILTER_FIELDS:
            return self._filter(field_name, text, quoted)
        if quoted:
            return PhraseNode(text, field_name)
        if "*" in text:
            return self._prefix(text, field_name)
        fuzzy = _FUZZY.match(text)
        if fuzzy and WORD_CHAR.search(fuzzy.group(1)):
            return self._fuzzy(text, fuzzy.group(1), fuzzy.group(2), field_name)
        return WordNode(text, field_name, pos, end)

    @staticmethod
    def _prefix(text: str, field_name: str | None) -> PrefixNode:
        stem = text[:-1]
        if not text.endswith("*") or "*" in stem:
            raise SearchSyntaxError(f"'*' may only end a word, as in supervis* (got '{text}')")
        stem = stem.lower().replace("’", "'").lstrip("'-+&.,;!?")
        if len(WORD_CHAR.findall(stem)) < MIN_PREFIX:
            raise SearchSyntaxError(
                f"a wildcard needs at least {MIN_PREFIX} letters before '*' (got '{text}')"
            )
        return PrefixNode(stem, field_name)

    @staticmethod
    def _fuzzy(text: str, word: str, dist: str, field_name: str | None) -> FuzzyNode:
        maxdist = int(dist) if dist and len(dist) <= 2 else (1 if not dist else 99)
        if maxdist not in (1, 2):
            raise SearchSyntaxError(f"fuzzy distance must be 1 or 2 (got '{text}')")
        if len(WORD_CHAR.findall(word)) < MIN_PREFIX:
            raise SearchSyntaxError(
                f"fuzzy search needs at least {MIN_PREFIX} letters before '~' (got '{text}')"
            )
        return FuzzyNode(word, maxdist, field_name)

    def _filter(self, name: str, value: str, quoted: bool) -> FilterNode:
        value = value.strip()
        if not value:
            raise SearchSyntaxError(f"field '{name}' needs a value, e.g. {field_example(name)}")
        if not quoted and ("*" in value or value.endswith("~")):
            raise SearchSyntaxError(
                f"wildcards and fuzzy search work on words and title:/text:, not on {name}:"
            )
        index_field = FILTER_FIELDS[name]
        if name == "theme":
            return FilterNode(index_field, (self.glossary.theme_code(value),))
        if name == "year":
            return FilterNode(index_field, _years(value))
        if name == "kind":
            kind = re.sub(r"[\s\-]+", "_", value.upper())
            kinds = [k.value for k in MeetingKind]
            if kind not in kinds:
                raise SearchSyntaxError(
                    f"kind '{value}' does not exist (kinds: {', '.join(kinds)})"
                )
            return FilterNode(index_field, (kind,))
        if name == "type":
            kind = value.lower()
            if kind not in RECORD_TYPES:
                raise SearchSyntaxError(
                    f"type '{value}' does not exist (types: {', '.join(RECORD_TYPES)})"
                )
            return FilterNode(index_field, (kind,))
        if name == "body":
            return FilterNode(index_field, (" ".join(value.lower().split()),))
        numbers = dict.fromkeys((value, value.rstrip(".")))
        return FilterNode(index_field, tuple(v for v in numbers if v))


_YEAR = re.compile(r"^(\d{4})(?:(?:\.\.|-)(\d{4}))?$")


def _years(value: str) -> tuple[int, ...]:
    match = _YEAR.match(value)
    if not match:
        raise SearchSyntaxError(
            f"year must be a year such as 2021 or a span such as 2019..2021 (got '{value}')"
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first or last - first > 200:
        raise SearchSyntaxError(f"year span '{value}' must run forwards, at most 200 years")
    return tuple(range(first, last + 1))


def parse(tokens: list[Token], glossary: AcronymTable) -> Node | None:
    """The syntax tree of a query's tokens (None for no tokens); raises SearchSyntaxError
    with a message naming the problem."""
    return _Parser(tokens, glossary).parse()
