"""What searches decode from an index's segments, kept for the searches after them.

Whoosh keeps a term's postings in pickled, compressed blocks of 128 and a document's
stored fields as one compressed pickle; decoding a word found in a third of 250,000
documents costs more than scoring it. ``DecodedCache`` keeps decoded posting lists of
at least ``min_postings`` postings (document numbers and weights as 4-byte arrays,
exactly as the blocks hold them; up to ``max_postings`` in all) and stored rows (up to
``max_rows``), the least recently used dropped first (two ``indexer.cache.Cache``s).

Entries are keyed by segment. A segment never changes once written (deletions are
kept apart), so its entries stay valid while later commits add segments, and the
searchers of one process can share one cache (``api.searchers`` does). It is
thread-safe.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from typing import Any, Final

from indexer.cache import Cache

# Postings kept decoded (8 bytes each: 64 MB).
CACHED_POSTINGS: Final = 8_000_000
# Shorter lists (one block) are decoded each time.
MIN_CACHED: Final = 128
# Stored rows (a hit's fields and text) kept decoded.
CACHED_ROWS: Final = 4096

Postings = tuple[Sequence[int], Sequence[float]]
# (segment id, the segment's first document number in the reader, field, term)
PostingsKey = tuple[str, int, str, bytes]
# (segment id, document number in the segment)
RowKey = tuple[str, int]


def _length(postings: Postings) -> int:
    return len(postings[0])


class DecodedCache:
    """Decoded posting lists and stored rows by segment; see the module."""

    def __init__(
        self,
        *,
        max_postings: int = CACHED_POSTINGS,
        min_postings: int = MIN_CACHED,
        max_rows: int = CACHED_ROWS,
    ) -> None:
        self.max_postings = max_postings
        self.min_postings = min_postings
        self.max_rows = max_rows
        self._postings: Cache[PostingsKey, Postings] = Cache(max_postings, weigh=_length, lock=True)
        self._rows: Cache[RowKey, Mapping[str, Any]] = Cache(max_rows, lock=True)

    @property
    def postings_held(self) -> int:
        """How many postings the kept lists hold."""
        return self._postings.weight

    def postings(self, key: PostingsKey) -> Postings | None:
        return self._postings.get(key)

    def keep_postings(self, key: PostingsKey, ids: list[int], weights: list[float]) -> Postings:
        """The list as it is to be used: kept as arrays, or as given when too short (or
        too long) to keep."""
        count = len(ids)
        if count < self.min_postings or count > self.max_postings:
            return ids, weights
        return self._postings.put(key, (array("I", ids), array("f", weights)))

    def row(self, key: RowKey) -> Mapping[str, Any] | None:
        return self._rows.get(key)

    def keep_row(self, key: RowKey, row: Mapping[str, Any]) -> None:
        self._rows.put(key, row)
