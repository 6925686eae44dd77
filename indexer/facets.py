"""Document-number sets per field value, kept for one index generation, and facet counts.

Filters and facets work on sets of Whoosh document numbers: the documents holding a
value (a theme, a year, a kind ...) are read from the index's postings once per
reader, then every search intersects them with its own matches. Counting uses
integer bit masks, so a facet value costs one ``&`` and one ``bit_count``, however
many documents match.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import chain
from typing import Final

from whoosh.fields import NUMERIC
from whoosh.reading import IndexReader

from indexer.cache import Cache
from indexer.engine import term_docs

FacetValue = str | int

# Index fields the facets count by, under their names in ``Facets``.
FACET_FIELDS: Final = {
    "years": "year",
    "themes": "themes",
    "kinds": "kind",
    "types": "type",
    "bodies": "body",
}
DAY_FIELD: Final = "day"
# Matches fewer than one in this many documents are counted by set intersections.
FEW_SHARE: Final = 64
# Filter sets kept per generation: a field's values (``body:`` and ``item:`` take any
# text from a query), and date ranges.
MAX_FILTER_SETS: Final = 4096
MAX_RANGES: Final = 64
# Tables kept per generation, one per field: the facet fields and the day.
MAX_FIELD_TABLES: Final = len(FACET_FIELDS) + 1


@dataclass(frozen=True)
class FacetCount:
    value: str
    count: int


@dataclass(frozen=True)
class Facets:
    years: list[FacetCount]
    themes: list[FacetCount]
    kinds: list[FacetCount]
    types: list[FacetCount]
    bodies: list[FacetCount] = field(default_factory=list)  # by body key (folded name)

    @classmethod
    def empty(cls) -> Facets:
        return cls(years=[], themes=[], kinds=[], types=[], bodies=[])


def to_mask(docnums: Iterable[int], size: int) -> int:
    """A bit mask with bit ``n`` set for every document number ``n``."""
    buffer = bytearray((size >> 3) + 1)
    for n in docnums:
        buffer[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buffer, "little")


class DocSets:
    """Document numbers per (field, value) for one reader; build a new one per generation."""

    def __init__(self, reader: IndexReader) -> None:
        self.reader = reader
        self.size = reader.doc_count_all()
        self._docs: Cache[tuple[str, FacetValue], frozenset[int]] = Cache(MAX_FILTER_SETS)
        self._values: Cache[str, dict[FacetValue, frozenset[int]]] = Cache(MAX_FIELD_TABLES)
        self._masks: Cache[str, dict[FacetValue, int]] = Cache(MAX_FIELD_TABLES)
        self._values_of: Cache[str, list[tuple[FacetValue, ...]]] = Cache(MAX_FIELD_TABLES)
        self._day_of: dict[int, int] | None = None
        self._dated: frozenset[int] | None = None
        # Every document's key may be read once (ties are ordered by key).
        self._keys: Cache[int, str] = Cache(self.size)
        self._ranges: Cache[tuple[int | None, int | None], frozenset[int]] = Cache(MAX_RANGES)

    def docs(self, fieldname: str, value: FacetValue) -> frozenset[int]:
        """The live documents whose ``fieldname`` holds ``value``."""
        cache_key = (fieldname, value)
        found = self._docs.get(cache_key)
        if found is None:
            found = self._docs.put(cache_key, self._read_docs(fieldname, value))
        return found

    def any_of(self, fieldname: str, values: Iterable[FacetValue]) -> frozenset[int]:
        sets = [self.docs(fieldname, v) for v in values]
        if len(sets) == 1:
            return sets[0]
        return frozenset().union(*sets)

    def _read_docs(self, fieldname: str, value: FacetValue) -> frozenset[int]:
        schema = self.reader.schema
        if fieldname not in schema:
            return frozenset()
        try:
            btext = schema[fieldname].to_bytes(value)
        except (ValueError, TypeError):
            return frozenset()
        if (fieldname, btext) not in self.reader:
            return frozenset()
        return term_docs(self.reader, fieldname, btext)

    def values(self, fieldname: str) -> dict[FacetValue, frozenset[int]]:
        """Every value of ``fieldname`` in the index with its documents (empty sets left out)."""
        found = self._values.get(fieldname)
        if found is None and fieldname == DAY_FIELD:
            found = self._values.put(fieldname, self._column_values(fieldname))
        if found is None:
            found = {}
            fieldobj = self.reader.schema[fieldname]
            if isinstance(fieldobj, NUMERIC):
                terms: Iterable[bytes] = fieldobj.sortable_terms(self.reader, fieldname)
            else:
                terms = self.reader.lexicon(fieldname)
            for btext in list(terms):
                value: FacetValue = (
                    fieldobj.from_bytes(btext)
                    if isinstance(fieldobj, NUMERIC)
                    else btext.decode("utf-8")
                )
                docs = self.docs(fieldname, value)
                if docs:
                    found[value] = docs
            self._values.put(fieldname, found)
        return found

    def _column_values(self, fieldname: str) -> dict[FacetValue, frozenset[int]]:
        """Values from the field's sortable column, read once per segment.

        For a field with many values (one day per meeting) this beats reading one
        posting list per value and segment. Documents without a value are left out.
        """
        groups: dict[FacetValue, list[int]] = {}
        for leaf, offset in self.reader.leaf_readers():
            if not leaf.has_column(fieldname):
                continue
            deleted = leaf.has_deletions()
            for n, value in enumerate(leaf.column_reader(fieldname)):
                if value and not (deleted and leaf.is_deleted(n)):
                    groups.setdefault(value, []).append(offset + n)
        return {value: frozenset(docs) for value, docs in groups.items()}

    def values_of(self, fieldname: str) -> list[tuple[FacetValue, ...]]:
        """Each document's values of ``fieldname`` (by document number; deleted
        documents have none)."""
        found = self._values_of.get(fieldname)
        if found is None:
            found = [()] * self.size
            for value, docs in self.values(fieldname).items():
                one = (value,)
                for n in docs:
                    held = found[n]
                    found[n] = held + one if held else one
            self._values_of.put(fieldname, found)
        return found

    def masks(self, fieldname: str) -> dict[FacetValue, int]:
        found = self._masks.get(fieldname)
        if found is None:
            masks = {v: to_mask(d, self.size) for v, d in self.values(fieldname).items()}
            found = self._masks.put(fieldname, masks)
        return found

    # --- dates ---------------------------------------------------------------------------

    def day_of(self, docnum: int) -> int:
        """The meeting day (YYYYMMDD) of a document; 0 when it has none."""
        if self._day_of is None:
            self._day_of = {
                n: int(day) for day, docs in self.values(DAY_FIELD).items() for n in docs
            }
        return self._day_of.get(docnum, 0)

    def days(self) -> list[tuple[int, frozenset[int]]]:
        """(day, documents) for every day in the index, earliest first."""
        return sorted((int(day), docs) for day, docs in self.values(DAY_FIELD).items())

    def dated(self) -> frozenset[int]:
        """Every document that has a day."""
        if self._dated is None:
            self._dated = frozenset().union(*(docs for _, docs in self.days()))
        return self._dated

    def between(self, first: int | None, last: int | None) -> frozenset[int]:
        """Documents whose day lies in ``[first, last]`` (YYYYMMDD; None: unbounded)."""
        cache_key = (first, last)
        found = self._ranges.get(cache_key)
        if found is None:
            found = frozenset().union(
                *(
                    docs
                    for day, docs in self.days()
                    if (first is None or day >= first) and (last is None or day <= last)
                )
            )
            self._ranges.put(cache_key, found)
        return found

    # --- stored keys ---------------------------------------------------------------------

    def key(self, docnum: int) -> str:
        """The document's stored ``key`` (read once per reader)."""
        found = self._keys.get(docnum)
        if found is None:
            found = self._keys.put(docnum, str(self.reader.stored_fields(docnum).get("key", "")))
        return found


def count_values(
    docsets: DocSets, fieldname: str, matched_mask: int, *, limit: int | None = None
) -> list[FacetCount]:
    """Matched documents per value of ``fieldname``: count descending, then value."""
    counts = [
        FacetCount(str(value), (matched_mask & mask).bit_count())
        for value, mask in docsets.masks(fieldname).items()
    ]
    counts = [c for c in counts if c.count]
    counts.sort(key=lambda c: (-c.count, c.value))
    return counts[:limit] if limit is not None else counts


def count_few(docsets: DocSets, fieldname: str, matched: Iterable[int]) -> list[FacetCount]:
    """``count_values`` for a few matched documents: each one's values are looked up,
    which costs less than masks as long as the whole index."""
    per_value = Counter(chain.from_iterable(map(docsets.values_of(fieldname).__getitem__, matched)))
    counts = [FacetCount(str(value), count) for value, count in per_value.items()]
    counts.sort(key=lambda c: (-c.count, c.value))
    return counts


def facet_counts(
    docsets: DocSets, matched: Collection[int], names: Collection[str] = FACET_FIELDS.keys()
) -> Facets:
    """Counts over every matched document by the facets ``names`` chooses (of
    ``FACET_FIELDS``: year, theme, kind, type and body); the others are left empty."""
    fields = {name: column for name, column in FACET_FIELDS.items() if name in names}
    if len(matched) * FEW_SHARE < docsets.size:
        counted = {name: count_few(docsets, column, matched) for name, column in fields.items()}
    else:
        mask = to_mask(matched, docsets.size) if fields else 0
        counted = {name: count_values(docsets, column, mask) for name, column in fields.items()}
    return Facets(**{name: counted.get(name, []) for name in FACET_FIELDS})
