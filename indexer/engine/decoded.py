"""What searches decode from an index's segments, kept for the searches after them.

Whoosh keeps a term's postings in pickled, compressed blocks of 128 and a document's
stored fields as one compressed pickle; decoding a word found in a third of 250,000
documents costs more than scoring it. ``DecodedCache`` keeps decoded posting lists of
at least ``min_postings`` postings (document numbers and weights as 4-byte arrays,
exactly as the blocks hold them; up to ``max_postings`` in all) and stored rows (up to
``max_rows``), the least recently used dropped first.

Entries are keyed by segment. A segment never changes once written (deletions are
kept apart), so its entries stay valid while later commits add segments, and the
searchers of one process can share one cache (``api.searchers`` does). It is
thread-safe.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any, Final

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
        self.postings_held = 0
        self._postings: OrderedDict[PostingsKey, Postings] = OrderedDict()
        self._rows: OrderedDict[RowKey, Mapping[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def postings(self, key: PostingsKey) -> Postings | None:
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
            return found

    def keep_postings(self, key: PostingsKey, ids: list[int], weights: list[float]) -> Postings:
        """The list as it is to be used: kept as arrays, or as given when too short (or
        too long) to keep."""
        count = len(ids)
        if count < self.min_postings or count > self.max_postings:
            return ids, weights
        kept = (array("I", ids), array("f", weights))
        with self._lock:
            replaced = self._postings.pop(key, None)
            if replaced is not None:  # decoded by two searches at once
                self.postings_held -= len(replaced[0])
            self._postings[key] = kept
            self.postings_held += count
            while self.postings_held > self.max_postings:
                _, (old_ids, _) = self._postings.popitem(last=False)
                self.postings_held -= len(old_ids)
        return kept

    def row(self, key: RowKey) -> Mapping[str, Any] | None:
        with self._lock:
            found = self._rows.get(key)
            if found is not None:
                self._rows.move_to_end(key)
            return found

    def keep_row(self, key: RowKey, row: Mapping[str, Any]) -> None:
        if self.max_rows <= 0:
            return
        with self._lock:
            self._rows[key] = row
            self._rows.move_to_end(key)
            while len(self._rows) > self.max_rows:
                self._rows.popitem(last=False)
