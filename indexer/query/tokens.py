"""Query strings split into tokens: words (with a ``field:`` prefix), quoted phrases,
operators, parentheses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from indexer.query.fields import QUERY_FIELDS


class SearchSyntaxError(ValueError):
    """A query string the search language cannot read; the message names the problem."""


TokenKind = Literal["word", "phrase", "and", "or", "not", "lparen", "rparen"]


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    pos: int
    end: int
    field: str | None = None


_FIELD_PREFIX = re.compile(r"([A-Za-z_]+):")
_OPERATORS: Final[dict[str, TokenKind]] = {"AND": "and", "OR": "or", "NOT": "not"}
_BREAKS = frozenset('()"')


def _field_error(name: str) -> SearchSyntaxError:
    return SearchSyntaxError(f"field '{name}' does not exist (fields: {', '.join(QUERY_FIELDS)})")


def tokenize(text: str) -> list[Token]:
    """Split a query string into tokens; raises SearchSyntaxError on unbalanced quotes."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(Token("lparen" if ch == "(" else "rparen", ch, i, i + 1))
            i += 1
        elif ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise SearchSyntaxError(
                    f'unbalanced quote: the " at position {i + 1} is never closed'
                )
            tokens.append(Token("phrase", text[i + 1 : close], i, close + 1))
            i = close + 1
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in _BREAKS:
                i += 1
            tokens.extend(_chunk_tokens(text, start, i))
    return tokens


def _chunk_tokens(text: str, start: int, end: int) -> list[Token]:
    follows = text[end] if end < len(text) else ""
    head: list[Token] = []
    # Leading "-" negates, leading "+" (required: the default anyway) is dropped.
    while start < end and text[start] in "-+" and (end - start > 1 or follows in ("(", '"')):
        if text[start] == "-":
            head.append(Token("not", "-", start, start + 1))
        start += 1
    if start == end:
        return head
    chunk = text[start:end]
    if chunk in _OPERATORS:
        kind = _OPERATORS[chunk] if not head else "word"
        return [*head, Token(kind, chunk, start, end)]
    return head + _field_or_word(chunk, start, end, follows)


def _field_or_word(chunk: str, start: int, end: int, follows: str) -> list[Token]:
    match = _FIELD_PREFIX.match(chunk)
    if match:
        name = match.group(1).lower()
        value = chunk[match.end() :]
        known = name in QUERY_FIELDS
        if value:
            if not known:
                raise _field_error(match.group(1))
            return [Token("word", value, start + match.end(), end, field=name)]
        if follows == '"':
            if not known:
                raise _field_error(match.group(1))
            return [Token("word", "", start, end, field=name)]
        if follows == "(":
            if not known:
                raise _field_error(match.group(1))
            raise SearchSyntaxError(
                f"'{name}:(...)' groups are not supported; write {name}:A OR {name}:B"
            )
        if known:
            raise SearchSyntaxError(f"field '{name}' needs a value, e.g. {field_example(name)}")
    return [Token("word", chunk, start, end)]


def field_example(name: str) -> str:
    """A condition on the field, for error messages: ``year:2021``."""
    return {
        "theme": "theme:DA",
        "year": "year:2021",
        "kind": "kind:THEMATIC",
        "type": "type:action",
        "body": 'body:"west mercia"',
        "item": "item:1.4",
    }.get(name, f"{name}:supervision")
