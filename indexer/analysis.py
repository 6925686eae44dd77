"""Analyzers for the search index: one tokenizer, an acronym-aware stemmer, an exact twin.

A token written in capitals in the source (MARAC, DA, HMICFRS, L&D) is an acronym:
it is lower-cased but never stemmed, so "DAS" and "DA" stay apart and "MARAC" does
not turn into "marac" by accident of a stemming rule. Every other word is lower-cased,
its possessive "'s" dropped, and stemmed with the Porter stemmer. Stop words go.

The analyzers hold no data (no glossary): Whoosh pickles them into the index, so
they are built only from the classes in this module and Whoosh's own.

Indexing does not run the analyzers token by token: ``text_forms`` reads a text once
into each word's exact and stemmed forms (remembered per distinct word), and the fields of
``indexer.schema`` make their terms from that, the same terms the analyzers give.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Final

from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import RegexTokenizer

from indexer.cache import Cache
from indexer.engine import TokenFilter, porter_stem

_porter_stem: Callable[[str], str] = porter_stem
# Token attribute set by ``LowercaseAcronymFilter``: the token was written as an acronym.
ACRONYM_FLAG = "acronym"

# Numbers ("43%", "1.4", "10,000") first, unless letters follow ("3rd" is a word); then
# words with internal hyphens, apostrophes or ampersands ("multi-agency", "L&D", "PCC's").
TOKEN_PATTERN = r"\d+(?:[.,]\d+)*%?(?![\w%])|\w+(?:['’&\-]\w+)*"

# Capitals (and digits or "&"), 2-10 characters, at least two capital letters.
ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z0-9&]{1,9}")
_POSSESSIVE = re.compile(r"'s$")
_TOKEN = re.compile(TOKEN_PATTERN)
# Separates the two words of a ``pairs`` term ("victim+care"); no token holds a "+".
PAIR_JOINER = "+"


def is_acronym(word: str) -> bool:
    """True for a word written as an acronym: "MARAC", "DA", "L&D", "HMICFRS", "CC2"."""
    return ACRONYM.fullmatch(word) is not None


def normalise_apostrophes(text: str) -> str:
    """Typographic apostrophes as plain ones, so "PCC’s" and "PCC's" are one word."""
    return text.replace("’", "'")


# Words folded and stemmed, remembered (shared by every thread).
MAX_CACHED_WORDS: Final = 100_000
_FOLDED: Final[Cache[str, tuple[str, bool]]] = Cache(MAX_CACHED_WORDS, lock=True)
_STEMS: Final[Cache[str, str]] = Cache(MAX_CACHED_WORDS, lock=True)


def fold_word(word: str) -> tuple[str, bool]:
    """A word lower-cased, and whether it was written as an acronym ("PCC's" -> "pcc", True)."""
    found = _FOLDED.get(word)
    if found is None:
        original = normalise_apostrophes(word)
        bare = _POSSESSIVE.sub("", original)
        folded = (bare.lower(), True) if is_acronym(bare) else (original.lower(), False)
        found = _FOLDED.put(word, folded)
    return found


def stem_word(word: str) -> str:
    """The stem of a lower-cased word, without a possessive "'s"."""
    found = _STEMS.get(word)
    if found is None:
        found = _STEMS.put(word, _porter_stem(_POSSESSIVE.sub("", word)))
    return found


class LowercaseAcronymFilter(TokenFilter):
    """Lower-cases every token and remembers, on the token, whether it was an acronym.

    With ``stops`` (a set of lower-case words), stop words that are not acronyms are
    removed (or marked ``stopped`` when the caller keeps stops) and positions are
    renumbered, as Whoosh's ``StopFilter`` does.
    """

    def __init__(self, stops: Iterable[str] = ()) -> None:
        self.stops = frozenset(stops)

    def filter(self, tokens: Iterable[Token]) -> Iterator[Token]:
        stops = self.stops
        pos: int | None = None
        for t in tokens:
            t.text, acronym = fold_word(t.text)
            setattr(t, ACRONYM_FLAG, acronym)
            if stops and not acronym and t.text in stops:
                if not t.removestops:
                    t.stopped = True
                    yield t
                continue
            if stops and t.positions:
                if pos is None:
                    pos = t.pos
                else:
                    pos += 1
                    t.pos = pos
            t.stopped = False
            yield t


class AcronymAwareStemFilter(TokenFilter):
    """Stems every token except those ``LowercaseAcronymFilter`` marked as acronyms."""

    is_morph = True

    def filter(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for t in tokens:
            if not getattr(t, ACRONYM_FLAG, False):
                t.text = stem_word(t.text)
            yield t


def text_analyzer() -> Analyzer:
    """Tokenize, lower-case, drop stop words, stem all but acronyms."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseAcronymFilter(stops=STOP_WORDS)
        | AcronymAwareStemFilter()
    )


def exact_analyzer() -> Analyzer:
    """The same tokens, lower-cased only: for exact (quoted) searches."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseAcronymFilter()


def analyze(analyzer: Analyzer, text: str) -> list[str]:
    """The terms ``analyzer`` makes of ``text`` (for tests and for query building)."""
    return [t.text for t in analyzer(text)]


class PairFilter(TokenFilter):
    """Each two consecutive tokens as one "first+second" token (the ``pairs`` field)."""

    def filter(self, tokens: Iterable[Token]) -> Iterator[Token]:
        previous: str | None = None
        for t in tokens:
            current = t.text
            if previous is not None:
                t.text = f"{previous}{PAIR_JOINER}{current}"
                yield t
            previous = current


def pairs_analyzer() -> Analyzer:
    """The exact analyzer's consecutive tokens, two by two: "Victim care plans" ->
    "victim+care", "care+plans"."""
    return exact_analyzer() | PairFilter()


def pair_terms(words: Sequence[str]) -> list[str]:
    """The ``pairs`` terms of a sequence of exact tokens."""
    return [f"{a}{PAIR_JOINER}{b}" for a, b in itertools.pairwise(words)]


# --- indexing without token objects ------------------------------------------------------

# A word as matched in the text -> (its exact form, its stemmed form or None for a stop word).
WordForm = tuple[str, str | None]
MAX_CACHED_FORMS: Final = 200_000
_FORMS: Final[Cache[str, WordForm]] = Cache(MAX_CACHED_FORMS, lock=True)


def word_form(word: str) -> WordForm:
    """What the exact and the text analyzer make of one token: ("Victims", -> "victims",
    "victim"), ("The" -> "the", None), ("MARAC's" -> "marac", "marac")."""
    exact, acronym = fold_word(word)
    if acronym:
        return exact, exact
    if exact in STOP_WORDS:
        return exact, None
    return exact, stem_word(exact)


def text_forms(text: str) -> list[WordForm]:
    """The forms of every token of ``text``, in order: one regex pass and a lookup per
    token (each distinct word's forms remembered)."""
    return _FORMS.get_each(_TOKEN.findall(text), word_form)


class AnalysedText:
    """A text that several fields index, tokenized once, on first use.

    Pickles as its text alone (Whoosh's multiprocessing writer ships documents to
    worker processes).
    """

    __slots__ = ("_forms", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._forms: list[WordForm] | None = None

    @property
    def forms(self) -> list[WordForm]:
        if self._forms is None:
            self._forms = text_forms(self.text)
        return self._forms

    def __reduce__(self) -> tuple[type[AnalysedText], tuple[str]]:
        return (AnalysedText, (self.text,))

    def __str__(self) -> str:
        return self.text
