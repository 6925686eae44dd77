"""A query's syntax tree built into a Whoosh query, with what to highlight and suggest.

Words search the title and the text (stemmed): each of the word's forms (the stem,
the word as written lower-cased) that the index holds. A word that is a glossary
acronym (``MARAC``) also matches documents whose ``acronyms`` field names it; a run of
words spelling a long form also matches its acronym. Quoted text is matched as written
(``exact``: two words are one ``pairs`` term, more add a ``Phrase``), a quoted long form
still also matching its acronym; in exact mode every word is matched as written and
nothing is expanded. Conditions the whole query requires or excludes are returned
apart, for the searcher to apply as filters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

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
from indexer.query.acronyms import AcronymTable
from indexer.query.analysis import AnalyzerKind, query_terms
from indexer.query.fields import ACRONYMS_FIELD, EXACT_FIELD, TEXT_FIELDS
from indexer.query.parser import (
    WORD_CHAR,
    AndNode,
    FilterNode,
    FuzzyNode,
    Node,
    NotNode,
    OrNode,
    PhraseNode,
    PrefixNode,
    WordNode,
    parse,
)
from indexer.query.tokens import SearchSyntaxError, tokenize
from indexer.schema import PAIRS_FIELD
from records.glossary import AcronymForms

MAX_QUERY_LENGTH: Final = 1000


@dataclass(frozen=True)
class MarkSpec:
    """What the highlighter marks in a hit's text, by the analyzer that produced it."""

    terms: frozenset[tuple[AnalyzerKind, str]] = frozenset()
    prefixes: tuple[tuple[AnalyzerKind, str], ...] = ()
    fuzzy: tuple[tuple[AnalyzerKind, str, int], ...] = ()
    phrases: tuple[tuple[AnalyzerKind, tuple[str, ...]], ...] = ()
    acronyms: tuple[AcronymForms, ...] = ()


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
    acronyms: dict[str, AcronymForms] = field(default_factory=dict)

    def freeze(self) -> MarkSpec:
        return MarkSpec(
            terms=frozenset(self.terms),
            prefixes=tuple(dict.fromkeys(self.prefixes)),
            fuzzy=tuple(dict.fromkeys(self.fuzzy)),
            phrases=tuple(dict.fromkeys(self.phrases)),
            acronyms=tuple(self.acronyms.values()),
        )


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
        return query_terms(self.schema, fieldname, text)

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
                if WORD_CHAR.search(lowered) and len(self.analyze(fieldname, lowered)) == 1:
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
    root = parse(tokenize(text), glossary)
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
