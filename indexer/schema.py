"""The Whoosh schema of the search index: one document per item, meeting, action and metric.

Field names are the contract between the writing side (documents, sync) and the
query side; ``RECORD_TYPES`` names the document types and ``document_key`` builds
the unique key ("item:12").

``title``, ``text``, ``exact`` and ``pairs`` are ``AnalysedTextField``s: given an
``AnalysedText`` (one tokenization shared by the fields of a document) or a string, they
make the same terms, frequencies and positions as their analyzers, without running the
analyzer token by token. ``SCHEMA_VERSION`` names the layout; a generation built with
another is rebuilt (``indexer.sync``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Generator
from typing import Any, Final, Literal

from whoosh.analysis.analyzers import Analyzer
from whoosh.analysis.tokenizers import IDTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from indexer.analysis import (
    PAIR_JOINER,
    AnalysedText,
    WordForm,
    exact_analyzer,
    pairs_analyzer,
    text_analyzer,
    text_forms,
)
from indexer.engine import field_boost, frequency_value, positions_encoder
from records.enums import INDEX_TYPES, RecordKind

# A document's ``type``: its record kind's index name, kept with the kinds in records.
ITEM: Final = INDEX_TYPES[RecordKind.AGENDA_ITEM]
MEETING: Final = INDEX_TYPES[RecordKind.MEETING]
ACTION: Final = INDEX_TYPES[RecordKind.ACTION]
METRIC: Final = INDEX_TYPES[RecordKind.METRIC]
RECORD_TYPES: Final = (ITEM, MEETING, ACTION, METRIC)

# Consecutive exact words, "first+second": two-word phrases are one term lookup.
PAIRS_FIELD: Final = "pairs"
# Weight of a title match against a match in the text.
TITLE_BOOST: Final = 2.0
# The index layout. Raise it with any change to the fields or their analysis: a
# generation written with another version is rebuilt.
SCHEMA_VERSION: Final = 2

# Which terms an ``AnalysedTextField`` makes of a token stream.
View = Literal["stemmed", "exact", "pairs"]
# (term bytes, frequency, weight, value bytes): what a field's ``index`` yields per term.
Posting = tuple[bytes, int, float, bytes]


class AnalysedTextField(TEXT):
    """A TEXT field that indexes ``AnalysedText`` (or a string) from its word forms.

    ``view`` picks the terms: "stemmed" (the text analyzer: stop words dropped, the rest
    stemmed, positions renumbered over the words kept), "exact" (every token lower-cased)
    or "pairs" (consecutive exact tokens, "first+second"). The ``analyzer`` gives the
    same terms and serves queries and highlights.
    """

    def __init__(
        self,
        analyzer: Analyzer,
        view: View,
        *,
        phrase: bool = True,
        stored: bool = False,
        field_boost: float = 1.0,
    ) -> None:
        super().__init__(analyzer=analyzer, phrase=phrase, stored=stored, field_boost=field_boost)
        self.view = view

    def index(self, value: Any, **kwargs: Any) -> Generator[Posting, Any, None]:
        if kwargs or not isinstance(value, (str, AnalysedText)):
            plain = value.text if isinstance(value, AnalysedText) else value
            yield from super().index(plain, **kwargs)
            return
        forms = value.forms if isinstance(value, AnalysedText) else text_forms(value)
        boost = field_boost(self)
        encode = positions_encoder(self)
        if encode is not None:
            for term, positions in self._positions(forms).items():
                yield (
                    term.encode("utf-8"),
                    len(positions),
                    len(positions) * boost,
                    encode(positions),
                )
        else:
            for term, freq in self._counts(forms).items():
                yield term.encode("utf-8"), freq, freq * boost, frequency_value(freq)

    def _counts(self, forms: list[WordForm]) -> Counter[str]:
        if self.view == "stemmed":
            return Counter(stem for _, stem in forms if stem is not None)
        if self.view == "exact":
            return Counter(exact for exact, _ in forms)
        return Counter(f"{a[0]}{PAIR_JOINER}{b[0]}" for a, b in itertools.pairwise(forms))

    def _positions(self, forms: list[WordForm]) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        if self.view == "exact":
            for pos, (exact, _) in enumerate(forms):
                positions.setdefault(exact, []).append(pos)
        elif self.view == "stemmed":
            pos = -1
            for index, (_, stem) in enumerate(forms):
                if stem is None:
                    continue
                pos = index if pos < 0 else pos + 1
                positions.setdefault(stem, []).append(pos)
        else:  # a pair's position is its second word's
            for pos, (a, b) in enumerate(itertools.pairwise(forms), 1):
                positions.setdefault(f"{a[0]}{PAIR_JOINER}{b[0]}", []).append(pos)
        return positions


class IdField(ID):
    """An ``ID`` field (the whole value is its one term) that makes its posting without
    running Whoosh's tokenizer: the same term, frequency, weight and value."""

    def index(self, value: Any, **kwargs: Any) -> Generator[Posting, Any, None]:
        if kwargs or not isinstance(value, str) or not isinstance(self.analyzer, IDTokenizer):
            yield from super().index(value, **kwargs)
            return
        yield value.encode("utf-8"), 1, field_boost(self), b""


# The items of a comma-separated keyword list, as Whoosh's comma tokenizer finds them.
_COMMA_ITEM = re.compile(r"[^,]+")


class CommaKeywordField(KEYWORD):
    """A comma-separated, case-kept ``KEYWORD`` field that makes its postings without
    running Whoosh's tokenizer: each item, stripped, with its frequency."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(commas=True, **kwargs)
        self.plain_items = not kwargs.get("lowercase") and kwargs.get("analyzer") is None

    def index(self, value: Any, **kwargs: Any) -> Generator[Posting, Any, None]:
        if kwargs or not isinstance(value, str) or not getattr(self, "plain_items", False):
            yield from super().index(value, **kwargs)
            return
        boost = field_boost(self)
        counts = Counter(item.strip() for item in _COMMA_ITEM.findall(value))
        for word, freq in counts.items():
            yield word.encode("utf-8"), freq, freq * boost, frequency_value(freq)


def document_key(record_type: str, record_id: int) -> str:
    """The unique key of a record's document: ``document_key("item", 12) == "item:12"``."""
    return f"{record_type}:{record_id}"


def parse_key(key: str) -> tuple[str, int]:
    """``"item:12"`` -> ``("item", 12)``."""
    record_type, _, record_id = key.partition(":")
    return record_type, int(record_id)


def build_schema() -> Schema:
    """The schema. Ids are looked up exactly and years span a few dozen values, so their
    numeric fields index one term per value (``shift_step=0``); ``day`` keeps coarser
    tiers for fast date ranges; ``date`` is only read back (stored, not indexed).
    Phrases are matched on ``exact`` and ``title`` (narrowed by ``pairs``), so ``text``
    keeps no positions."""
    text = text_analyzer()
    return Schema(
        key=IdField(unique=True, stored=True),
        type=IdField(stored=True, sortable=True),
        record_id=NUMERIC(numtype=int, bits=64, stored=True, shift_step=0),
        meeting_id=NUMERIC(numtype=int, bits=64, stored=True, shift_step=0),
        date=STORED(),
        day=NUMERIC(numtype=int, bits=32, stored=True, sortable=True, shift_step=8),
        year=NUMERIC(numtype=int, bits=32, stored=True, sortable=True, shift_step=0),
        kind=IdField(stored=True, sortable=True),
        body=IdField(stored=True, sortable=True),
        themes=CommaKeywordField(stored=True, scorable=False, lowercase=False),
        acronyms=CommaKeywordField(stored=True),
        item_number=IdField(stored=True),
        title=AnalysedTextField(text, "stemmed", field_boost=TITLE_BOOST, stored=True),
        text=AnalysedTextField(text, "stemmed", phrase=False, stored=True),
        exact=AnalysedTextField(exact_analyzer(), "exact"),
        **{PAIRS_FIELD: AnalysedTextField(pairs_analyzer(), "pairs", phrase=False)},
    )
