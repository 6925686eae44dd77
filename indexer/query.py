"""Query strings -> Whoosh queries: the search syntax, acronym expansion and exact mode.

The language: words (all must match), ``"phrases"``, ``AND`` / ``OR`` / ``NOT`` (capitals),
``-word``, parentheses, ``field:value`` (title, text, theme, year, kind, type, body, item),
``prefix*`` (at least two characters before the ``*``) and ``fuzzy~`` / ``fuzzy~2``.

Words search the title and the text (stemmed). A word that is a glossary acronym
(``MARAC``) also matches documents whose ``acronyms`` field names it, so it finds items
that only write the long form; a glossary long form ("multi-agency risk assessment
conference", quoted or not) also matches documents that only write the acronym.
Quoted text is matched as written (the ``exact`` field, no stemming), a quoted long
form still also matching its acronym; in exact mode every word is matched as written
and nothing is expanded.

Conditions on theme, year, kind, type, body and item that the whole query requires
(top-level ``AND``) are returned apart from the scored query, so the searcher applies
them as filters; inside ``OR`` or ``NOT`` groups they stay query terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal

from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import Schema
from whoosh.query.compound import And, Or
from whoosh.query.positional import Phrase
from whoosh.query.qcore import Every, NullQuery, Query
from whoosh.query.terms import FuzzyTerm, Prefix, Term
from whoosh.query.wrappers import Not
from whoosh.reading import IndexReader

from indexer.analysis import pair_terms
from indexer.engine import excluding, match_all
from indexer.glossary import phrase_words
from indexer.schema import PAIRS_FIELD, RECORD_TYPES
from records.enums import MeetingKind

if TYPE_CHECKING:
    from ingest.draft import GlossaryEntry

QUERY_FIELDS: Final = ("title", "text", "theme", "year", "kind", "type", "body", "item")
FILTER_FIELDS: Final = {
    "theme": "themes",
    "year": "year",
    "kind": "kind",
    "type": "type",
    "body": "body",
    "item": "item_number",
}
MAX_QUERY_LENGTH: Final = 1000
MAX_DEPTH: Final = 20
MIN_PREFIX: Final = 2

TEXT_FIELDS: Final = ("title", "text")
EXACT_FIELD: Final = "exact"
ACRONYMS_FIELD: Final = "acronyms"

AnalyzerKind = Literal["text", "exact"]


class SearchSyntaxError(ValueError):
    """A query string the search language cannot read; the message names the problem."""


# --- Glossary: acronym codes and their long forms -------------------------------------


def _stem_key(word: str) -> str:
    return word.lower().rstrip("s")


@dataclass(frozen=True)
class Acronym:
    """One glossary code with the phrases it abbreviates."""

    code: str
    long_forms: tuple[str, ...]
    any_case: bool


class AcronymTable:
    """The glossary as the query side needs it: code lookup and long-form matching.

    A code is recognised in any case ("marac"), except a code that is itself an ordinary
    word of its own name (HATE for "Hate Crime", VICTIMS for "Victims"): that one only
    when written in capitals. Long forms are the entry's name and, for acronyms that are
    not themes, its aliases (spelling variants); theme aliases are topics, not synonyms.
    Only long forms of two or more words are matched in queries.
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._codes: dict[str, Acronym] = {}
        self._long: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._themes: dict[str, str] = {}
        for entry in entries:
            code = entry.code.strip()
            if not code:
                continue
            forms = [entry.name, *(() if entry.is_theme else entry.aliases)]
            name_words = {_stem_key(w) for w in phrase_words(entry.name)}
            acronym = Acronym(
                code=code,
                long_forms=tuple(f for f in forms if len(phrase_words(f)) >= 2),
                any_case=_stem_key(code) not in name_words,
            )
            self._codes[code.lower()] = acronym
            for form in acronym.long_forms:
                words = phrase_words(form)
                self._long.setdefault(words[0], []).append((words, code))
            if entry.is_theme:
                for label in (code, entry.name, *entry.aliases):
                    self._themes.setdefault(" ".join(phrase_words(label)), code)
        for candidates in self._long.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def code_for_word(self, word: str) -> Acronym | None:
        """The acronym a query word names, if any ("MARAC", "marac", but "hate" is not HATE)."""
        acronym = self._codes.get(word.lower())
        if acronym is None:
            return None
        if acronym.any_case or word == acronym.code:
            return acronym
        return None

    def acronym(self, code: str) -> Acronym | None:
        return self._codes.get(code.lower())

    def long_form_codes(self, words: Sequence[str]) -> tuple[str, ...]:
        """The codes whose long form is exactly ``words`` (normalised); usually one."""
        wanted = tuple(words)
        if not wanted:
            return ()
        return tuple(code for form, code in self._long.get(wanted[0], ()) if form == wanted)

    def match_run(
        self, parts: Sequence[tuple[str, ...]], start: int
    ) -> tuple[tuple[str, ...], int] | None:
        """The longest long form made of whole query words from ``start``: (codes, end)."""
        if start >= len(parts) or not parts[start]:
            return None
        for form, _ in self._long.get(parts[start][0], ()):
            consumed: list[str] = []
            end = start
            while end < len(parts) and len(consumed) < len(form):
                consumed.extend(parts[end])
                end += 1
            if tuple(consumed) == form:
                return self.long_form_codes(form), end
        return None

    def theme_code(self, value: str) -> str:
        """A theme code for a code, name or alias ("domestic abuse" -> "DA")."""
        key = " ".join(phrase_words(value))
        return self._themes.get(key, value.strip().upper().replace(" ", "_"))


# --- Tokens -----------------------------------------------------------------------------

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
            raise SearchSyntaxError(f"field '{name}' needs a value, e.g. {_example(name)}")
    return [Token("word", chunk, start, end)]


def _example(name: str) -> str:
    return {
        "theme": "theme:DA",
        "year": "year:2021",
        "kind": "kind:THEMATIC",
        "type": "type:action",
        "body": 'body:"west mercia"',
        "item": "item:1.4",
    }.get(name, f"{name}:supervision")


# --- Syntax tree ------------------------------------------------------------------------


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
_WORD_CHAR = re.compile(r"\w")


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
        if fuzzy and _WORD_CHAR.search(fuzzy.group(1)):
            return self._fuzzy(text, fuzzy.group(1), fuzzy.group(2), field_name)
        return WordNode(text, field_name, pos, end)

    @staticmethod
    def _prefix(text: str, field_name: str | None) -> PrefixNode:
        stem = text[:-1]
        if not text.endswith("*") or "*" in stem:
            raise SearchSyntaxError(f"'*' may only end a word, as in supervis* (got '{text}')")
        stem = stem.lower().replace("’", "'").lstrip("'-+&.,;!?")
        if len(_WORD_CHAR.findall(stem)) < MIN_PREFIX:
            raise SearchSyntaxError(
                f"a wildcard needs at least {MIN_PREFIX} letters before '*' (got '{text}')"
            )
        return PrefixNode(stem, field_name)

    @staticmethod
    def _fuzzy(text: str, word: str, dist: str, field_name: str | None) -> FuzzyNode:
        maxdist = int(dist) if dist and len(dist) <= 2 else (1 if not dist else 99)
        if maxdist not in (1, 2):
            raise SearchSyntaxError(f"fuzzy distance must be 1 or 2 (got '{text}')")
        if len(_WORD_CHAR.findall(word)) < MIN_PREFIX:
            raise SearchSyntaxError(
                f"fuzzy search needs at least {MIN_PREFIX} letters before '~' (got '{text}')"
            )
        return FuzzyNode(word, maxdist, field_name)

    def _filter(self, name: str, value: str, quoted: bool) -> FilterNode:
        value = value.strip()
        if not value:
            raise SearchSyntaxError(f"field '{name}' needs a value, e.g. {_example(name)}")
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


# --- Whoosh queries -----------------------------------------------------------------------


@dataclass(frozen=True)
class MarkSpec:
    """What the highlighter marks in a hit's text, by the analyzer that produced it."""

    terms: frozenset[tuple[AnalyzerKind, str]] = frozenset()
    prefixes: tuple[tuple[AnalyzerKind, str], ...] = ()
    fuzzy: tuple[tuple[AnalyzerKind, str, int], ...] = ()
    phrases: tuple[tuple[AnalyzerKind, tuple[str, ...]], ...] = ()
    acronyms: tuple[Acronym, ...] = ()


@dataclass(frozen=True)
class QueryWord:
    """A plain word as typed, with its place in the query string (for suggestions)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ParsedQuery:
    """A query string read for searching.

    ``query`` is the scored Whoosh query; ``require`` and ``exclude`` are metadata
    conditions for the whole query (each a FilterNode: any of its values), to apply as
    filters; ``marks`` drives highlighting; ``words`` are candidates for "did you mean".
    """

    query: Query
    ranked: bool = True  # False when no word ranks the hits (empty query, filters only)
    require: tuple[FilterNode, ...] = ()
    exclude: tuple[FilterNode, ...] = ()
    marks: MarkSpec = field(default_factory=MarkSpec)
    words: tuple[QueryWord, ...] = ()
    text: str = ""

    @property
    def matches_nothing(self) -> bool:
        return self.query is NullQuery or self.query is NOTHING


@dataclass
class _Marks:
    terms: set[tuple[AnalyzerKind, str]] = field(default_factory=set)
    prefixes: list[tuple[AnalyzerKind, str]] = field(default_factory=list)
    fuzzy: list[tuple[AnalyzerKind, str, int]] = field(default_factory=list)
    phrases: list[tuple[AnalyzerKind, tuple[str, ...]]] = field(default_factory=list)
    acronyms: dict[str, Acronym] = field(default_factory=dict)

    def freeze(self) -> MarkSpec:
        return MarkSpec(
            terms=frozenset(self.terms),
            prefixes=tuple(dict.fromkeys(self.prefixes)),
            fuzzy=tuple(dict.fromkeys(self.fuzzy)),
            phrases=tuple(dict.fromkeys(self.phrases)),
            acronyms=tuple(self.acronyms.values()),
        )


def field_analyzer(schema: Schema, fieldname: str) -> Analyzer:
    """The analyzer of a text field of the index's own schema."""
    analyzer: Analyzer | None = schema[fieldname].analyzer
    if analyzer is None:
        raise ValueError(f"field {fieldname!r} has no analyzer")
    return analyzer


# A term the index does not hold: it matches nothing (unlike NullQuery, which stands
# for words that vanished in analysis, such as stop words, and is left out).
NOTHING: Final[Query] = Term("key", "")


def _or(parts: Sequence[Query]) -> Query:
    kept = list(dict.fromkeys(p for p in parts if p is not NullQuery and p is not NOTHING))
    if not kept:
        return NOTHING if any(p is NOTHING for p in parts) else NullQuery
    return kept[0] if len(kept) == 1 else Or(kept)


def _and(parts: Sequence[Query]) -> Query:
    if any(p is NOTHING for p in parts):
        return NOTHING
    kept = [p for p in parts if p is not NullQuery]
    if not kept:
        return NullQuery
    return kept[0] if len(kept) == 1 else And(kept)


def _is_plain_word(node: Node) -> bool:
    return isinstance(node, WordNode) and node.field is None


_POSSESSIVE = re.compile(r"['’]s$")


def _bare_word(text: str) -> str:
    """A typed word without surrounding punctuation or a possessive: "MARAC's," -> "MARAC"."""
    return _POSSESSIVE.sub("", text.strip(".,;:!?'\"()[]")).strip(".,;:!?'\"")


# Query words analysed, by analyzer (held, so its id is not reused) and text.
_ANALYSED: dict[tuple[int, str], tuple[Analyzer, tuple[str, ...]]] = {}
MAX_ANALYSED: Final = 20_000


class _Builder:
    def __init__(
        self, schema: Schema, glossary: AcronymTable, exact: bool, reader: IndexReader | None
    ) -> None:
        self.schema = schema
        self.glossary = glossary
        self.exact = exact
        self.reader = reader
        self.marks = _Marks()
        self.words: list[QueryWord] = []

    def term(self, fieldname: str, text: str) -> Query:
        """A term query, or NOTHING when the index (if given) does not hold the term."""
        if self.reader is not None:
            try:
                present = (fieldname, self.schema[fieldname].to_bytes(text)) in self.reader
            except (KeyError, ValueError):
                present = False
            if not present:
                return NOTHING
        return Term(fieldname, text)

    def analyze(self, fieldname: str, text: str) -> list[str]:
        analyzer = field_analyzer(self.schema, fieldname)
        key = (id(analyzer), text)
        found = _ANALYSED.get(key)
        if found is None or found[0] is not analyzer:
            if len(_ANALYSED) >= MAX_ANALYSED:
                _ANALYSED.clear()
            found = _ANALYSED[key] = (analyzer, tuple(t.text for t in analyzer(text, mode="query")))
        return list(found[1])

    @staticmethod
    def kind_of(fieldname: str) -> AnalyzerKind:
        return "exact" if fieldname == EXACT_FIELD else "text"

    def word_fields(self, field_name: str | None) -> tuple[str, ...]:
        if field_name == "title":
            return ("title",)
        if self.exact:
            return (EXACT_FIELD,)
        return ("text",) if field_name == "text" else TEXT_FIELDS

    # Nodes that match text

    def build(self, node: Node, positive: bool = True) -> Query:
        if isinstance(node, AndNode):
            return self.build_and(node.children, positive)
        if isinstance(node, OrNode):
            return _or([self.build(child, positive) for child in node.children])
        if isinstance(node, NotNode):
            inner = self.build(node.child, positive=False)
            return NullQuery if inner is NullQuery else Not(inner)
        if isinstance(node, FilterNode):
            return _or([Term(node.field, v) for v in node.values])
        if isinstance(node, PhraseNode):
            return self.phrase(node, positive)
        if isinstance(node, PrefixNode):
            return self.prefix(node, positive)
        if isinstance(node, FuzzyNode):
            return self.fuzzy(node, positive)
        return self.word(node, positive)

    def build_and(self, children: Sequence[Node], positive: bool) -> Query:
        positives: list[Query] = []
        negatives: list[Query] = []
        for part in self._long_forms(children, positive):
            if isinstance(part, NotNode):
                negatives.append(self.build(part.child, positive=False))
            elif isinstance(part, Query):
                positives.append(part)
            else:
                positives.append(self.build(part, positive))
        negative = _or(negatives)
        positive_q = _and(positives)
        if negative is NullQuery or negative is NOTHING:
            return positive_q
        if positive_q is NullQuery:
            return Not(negative)
        return excluding(positive_q, negative)

    def _long_forms(self, children: Sequence[Node], positive: bool) -> list[Node | Query]:
        """Replace runs of plain words that spell a glossary long form by its expansion."""
        if self.exact:
            return list(children)
        out: list[Node | Query] = []
        i = 0
        while i < len(children):
            run_end = i
            while run_end < len(children) and _is_plain_word(children[run_end]):
                run_end += 1
            if run_end == i:
                out.append(children[i])
                i += 1
                continue
            run = [c for c in children[i:run_end] if isinstance(c, WordNode)]
            parts = [phrase_words(w.text) for w in run]
            j = 0
            while j < len(run):
                match = self.glossary.match_run(parts, j)
                if match is None:
                    out.append(run[j])
                    j += 1
                    continue
                codes, end = match
                words = [self.word(w, positive) for w in run[j:end]]
                out.append(_or([_and(words), *(self.acronym_term(c, positive) for c in codes)]))
                j = end
            i = run_end
        return out

    def acronym_term(self, code: str, positive: bool) -> Query:
        acronym = self.glossary.acronym(code)
        if positive and acronym is not None:
            self.marks.acronyms[acronym.code] = acronym
        return self.term(ACRONYMS_FIELD, code)

    def word(self, node: WordNode, positive: bool) -> Query:
        fields = self.word_fields(node.field)
        acronym = None
        if node.field is None:
            if not self.exact:
                acronym = self.glossary.code_for_word(_bare_word(node.text))
            if acronym is None and positive:
                self.words.append(QueryWord(node.text, node.pos, node.end))
        per_field: list[Query] = []
        for fieldname in fields:
            tokens = self.analyze(fieldname, node.text)
            if len(tokens) == 1 and fieldname != EXACT_FIELD:
                # The stem, and the word as written lower-cased: a word in capitals in the
                # source is indexed unstemmed ("SPOCS"), a lower-case one stemmed.
                variants = [tokens[0], *self.analyze(fieldname, node.text.lower())]
                lowered = node.text.lower()
                if _WORD_CHAR.search(lowered) and len(self.analyze(fieldname, lowered)) == 1:
                    variants.append(_bare_word(lowered))
                tokens_q = _or([self.term(fieldname, v) for v in dict.fromkeys(variants) if v])
                per_field.append(tokens_q)
                if positive:
                    self.marks.terms.update((self.kind_of(fieldname), v) for v in variants if v)
            else:
                per_field.append(_and([self.term(fieldname, t) for t in tokens]))
                if positive:
                    self.marks.terms.update((self.kind_of(fieldname), t) for t in tokens)
        if acronym is not None:
            code_l = acronym.code.lower()
            per_field.extend(self.term(f, code_l) for f in fields)
            if positive:
                self.marks.terms.add(("text", code_l))
            per_field.append(self.acronym_term(acronym.code, positive))
        return _or(per_field)

    def phrase(self, node: PhraseNode, positive: bool) -> Query:
        fieldname = "title" if node.field == "title" else EXACT_FIELD
        tokens = self.analyze(fieldname, node.text)
        if not tokens:
            return NullQuery
        kind = self.kind_of(fieldname)
        if len(tokens) == 1:
            q: Query = self.term(fieldname, tokens[0])
            if positive:
                self.marks.terms.add((kind, tokens[0]))
        else:
            q = self.words_in_a_row(fieldname, tokens)
            if positive:
                self.marks.phrases.append((kind, tuple(tokens)))
        if self.exact or node.field is not None:
            return q
        codes = self.glossary.long_form_codes(phrase_words(node.text))
        return _or([q, *(self.acronym_term(c, positive) for c in codes)])

    def words_in_a_row(self, fieldname: str, tokens: Sequence[str]) -> Query:
        """Two or more words in a row. On ``exact``, the ``pairs`` field's terms: one term
        for two words; for more, the pair terms narrow and a Phrase on ``exact`` checks
        the order. On ``title`` (or an index without ``pairs``), a Phrase whose words
        are all indexed."""
        if fieldname == EXACT_FIELD and PAIRS_FIELD in self.schema:
            pairs = [self.term(PAIRS_FIELD, p) for p in dict.fromkeys(pair_terms(tokens))]
            if len(tokens) == 2 or any(p is NOTHING for p in pairs):
                return _and(pairs)
            return And([*pairs, Phrase(fieldname, list(tokens))])
        present = _and([self.term(fieldname, t) for t in tokens])
        return NOTHING if present is NOTHING else Phrase(fieldname, list(tokens))

    def _loose_field(self, field_name: str | None) -> str:
        return "title" if field_name == "title" else EXACT_FIELD

    def prefix(self, node: PrefixNode, positive: bool) -> Query:
        fieldname = self._loose_field(node.field)
        if positive:
            self.marks.prefixes.append((self.kind_of(fieldname), node.text))
        return Prefix(fieldname, node.text)

    def fuzzy(self, node: FuzzyNode, positive: bool) -> Query:
        fieldname = self._loose_field(node.field)
        tokens = self.analyze(fieldname, node.text)
        if len(tokens) != 1:
            return _and([self.term(fieldname, t) for t in tokens])
        if positive:
            self.marks.fuzzy.append((self.kind_of(fieldname), tokens[0], node.maxdist))
        return FuzzyTerm(fieldname, tokens[0], maxdist=node.maxdist, prefixlength=1)


def _scoreless(q: Query) -> bool:
    """True for match-all queries: every hit scores the same."""
    if isinstance(q, Every):
        return True
    return isinstance(q, And) and isinstance(q.subqueries[0], Every)


def parse_query(
    text: str,
    schema: Schema,
    glossary: AcronymTable,
    *,
    exact: bool = False,
    reader: IndexReader | None = None,
) -> ParsedQuery:
    """Read a query string. Raises SearchSyntaxError with a message naming the problem.

    With ``reader``, terms the index does not hold are left out of the query (a word
    none of whose forms is indexed matches nothing), which keeps queries small.
    """
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchSyntaxError(
            f"query is too long ({len(text)} characters; at most {MAX_QUERY_LENGTH})"
        )
    root = _Parser(tokenize(text), glossary).parse()
    builder = _Builder(schema, glossary, exact, reader)
    if root is None:
        return ParsedQuery(match_all(), ranked=False, text=text)
    children = root.children if isinstance(root, AndNode) else (root,)
    require = tuple(c for c in children if isinstance(c, FilterNode))
    exclude = tuple(
        c.child for c in children if isinstance(c, NotNode) and isinstance(c.child, FilterNode)
    )
    rest = [
        c
        for c in children
        if not isinstance(c, FilterNode)
        and not (isinstance(c, NotNode) and isinstance(c.child, FilterNode))
    ]
    scored = builder.build_and(rest, positive=True) if rest else match_all()
    has_positive_nodes = any(not isinstance(c, NotNode) for c in rest)
    if scored is NullQuery:
        # Every word vanished in analysis ("the", "!!!"): nothing to match, unless the
        # query also names conditions, which then select on their own.
        scored = match_all() if (require or exclude or not has_positive_nodes) else NullQuery
    elif isinstance(scored, Not):
        scored = And([match_all(), scored])
    return ParsedQuery(
        query=scored,
        ranked=not _scoreless(scored),
        require=require,
        exclude=exclude,
        marks=builder.marks.freeze(),
        words=tuple(builder.words),
        text=text,
    )
