"""A searcher for an index's latest commit, reusing the readers of unchanged segments.

whoosh3 3.54's ``Searcher.refresh`` goes wrong in two ways (both shown in
``tests/indexer/test_refresh.py``):

* it keeps the readers of segments that the latest commit merged away, so after a
  merge every document of them is counted and found twice;
* it keeps a segment's reader when the commit deleted documents from that segment,
  so the deleted documents are still found.

``refreshed`` reads the index's table of contents itself and reuses a reader only for a
segment the commit still lists with the same deletions; the others are opened anew.
"""

from __future__ import annotations

from typing import Any

from whoosh.index import Index
from whoosh.reading import IndexReader, MultiReader, SegmentReader
from whoosh.searching import Searcher as WhooshSearcher


def refreshed(searcher: WhooshSearcher, index: Index) -> WhooshSearcher:
    """``searcher`` when ``index`` has no later commit; else a searcher of the latest
    commit. Do not use ``searcher`` afterwards: the readers not passed on are closed."""
    reader: IndexReader = searcher.reader()
    if index.latest_generation() == reader.generation():
        return searcher
    toc: Any = index._read_toc()  # type: ignore[attr-defined]
    if not toc.segments:
        searcher.close()  # type: ignore[no-untyped-call]
        fresh: WhooshSearcher = index.searcher()
        return fresh
    reusable: dict[str, tuple[IndexReader, Any]] = {}
    for leaf, _ in reader.leaf_readers():
        old_segment: Any = leaf.segment()
        if old_segment is not None:
            reusable[old_segment.segment_id()] = (leaf, old_segment)
    readers = []
    for segment in toc.segments:
        found = reusable.get(segment.segment_id())
        if found is not None and found[1].deleted_count() == segment.deleted_count():
            del reusable[segment.segment_id()]
            readers.append(found[0])
        else:
            readers.append(
                SegmentReader(index.storage, toc.schema, segment, generation=toc.generation)  # type: ignore[attr-defined]
            )
    for leftover, _ in reusable.values():
        leftover.close()
    # One MultiReader even for one segment: it carries the new generation.
    combined = MultiReader(readers, generation=toc.generation)
    return WhooshSearcher(combined, fromindex=index, weighting=searcher.weighting)
