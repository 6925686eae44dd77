"""What the analyzers are made of, for code that runs their parts one word at a time.

``split_analyzer`` takes an analyzer that is a plain ``RegexTokenizer`` followed by
filters apart: its pattern, and the terms its filters make of one token
(``SplitAnalyzer.terms``), which is what the highlighter remembers per distinct word.
``porter_stem`` is the stemmer Whoosh's own ``StemFilter`` uses. ``TokenFilter`` is the
base of the project's own filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from whoosh.analysis.acore import Composable, Token
from whoosh.analysis.analyzers import Analyzer, CompositeAnalyzer
from whoosh.analysis.filters import Filter
from whoosh.analysis.tokenizers import RegexTokenizer
from whoosh.lang import porter

porter_stem: Callable[[str], str] = porter.stem


class TokenFilter(Filter):
    """A Whoosh ``Filter`` whose subclasses implement ``filter``.

    whoosh3 3.54 types ``Filter.__call__(tokens)`` and the ``Composable.__call__(value,
    **kwargs)`` it overrides apart, so no override satisfies both; this one is checked
    here once.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        return self.filter(tokens)

    def filter(self, tokens: Iterable[Token]) -> Iterator[Token]:
        """The tokens that come out of the filter, for the tokens that go in."""
        raise NotImplementedError


@dataclass(frozen=True)
class SplitAnalyzer:
    """A tokenizer's pattern and the filters after it."""

    expression: re.Pattern[str]
    filters: tuple[Composable, ...]

    def terms(self, word: str) -> tuple[str, ...]:
        """What the filters make of one token (none for a stop word), as they would
        make of it in a text (the filters look at one token at a time)."""
        token = Token(positions=False, chars=False, removestops=True, mode="index")
        token.text = word
        token.boost = 1.0
        token.stopped = False
        stream: Iterator[Token] = iter([token])
        for item in self.filters:
            stream = item(stream)
        return tuple(t.text for t in stream)


def split_analyzer(analyzer: Analyzer) -> SplitAnalyzer | None:
    """The parts of an analyzer that starts with a plain (not ``gaps``) ``RegexTokenizer``;
    None for any other analyzer."""
    items = analyzer.items if isinstance(analyzer, CompositeAnalyzer) else None
    tokenizer = items[0] if items else None
    if not isinstance(tokenizer, RegexTokenizer) or tokenizer.gaps or not items:
        return None
    return SplitAnalyzer(tokenizer.expression, tuple(items[1:]))
