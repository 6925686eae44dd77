"""A searcher for an index's latest commit, reusing the readers of unchanged segments.

Workaround (whoosh3 3.54): ``Searcher.refresh`` goes wrong in two ways (both shown in
``tests/indexer/engine/test_refresh.py``):

* it keeps the readers of segments that the latest commit merged away, so after a
  merge every document of them is counted and found twice;
* it keeps a segment's reader when the commit deleted documents from that segment,
  so the deleted documents are still found.

``refreshed`` reads the index's table of contents itself and reuses a reader only for a
segment the commit still lists with the same deletions; the others are opened anew. If
a writer removes files between the table being read and a segment being opened, the
searcher is opened afresh, as Whoosh does, retrying. When
``test_whooshs_own_refresh_still_counts_merged_segments_twice`` fails, Whoosh's own
refresh may do again.

``latest`` is what a long-lived searcher calls before each search (``refreshed``, and a
searcher of an index that had no segments opened anew); ``close`` closes a searcher.
"""

from __future__ import annotations

from typing import Any

from whoosh.index import Index
from whoosh.reading import EmptyReader, IndexReader, MultiReader, SegmentReader
from whoosh.searching import Searcher as WhooshSearcher


def latest(searcher: WhooshSearcher, index: Index) -> WhooshSearcher:
    """``searcher`` when ``index`` has no later commit; else a searcher of the latest
    commit (``searcher`` is then closed, all but the readers passed on)."""
    if isinstance(searcher.reader(), EmptyReader):
        # An index that had no segments: reopen.
        fresh: WhooshSearcher = index.searcher()
        close(searcher)
        return fresh
    return refreshed(searcher, index)


def close(searcher: WhooshSearcher) -> None:
    """Close a searcher and its readers."""
    searcher.close()  # type: ignore[no-untyped-call]


def refreshed(searcher: WhooshSearcher, index: Index) -> WhooshSearcher:
    """``searcher`` when ``index`` has no later commit; else a searcher of the latest
    commit. Do not use ``searcher`` afterwards: the readers not passed on are closed."""
    if index.latest_generation() == searcher.reader().generation():
        return searcher
    try:
        toc: Any = index._read_toc()  # type: ignore[attr-defined]
        if toc.segments:
            return _reusing(searcher, index, toc)
    except OSError:
        pass  # a writer removed files after the table was read: open afresh
    close(searcher)
    fresh: WhooshSearcher = index.searcher()  # Whoosh retries such races itself
    return fresh


def _reusing(searcher: WhooshSearcher, index: Index, toc: Any) -> WhooshSearcher:
    """A searcher of ``toc``'s segments, with the readers of ``searcher`` that still
    hold them; the others are closed (on failure, only those opened here)."""
    reusable: dict[str, tuple[IndexReader, Any]] = {}
    for leaf, _ in searcher.reader().leaf_readers():
        old_segment: Any = leaf.segment()
        if old_segment is not None:
            reusable[old_segment.segment_id()] = (leaf, old_segment)
    storage: Any = index.storage  # type: ignore[attr-defined]
    readers: list[IndexReader] = []
    opened: list[IndexReader] = []
    try:
        for segment in toc.segments:
            found = reusable.get(segment.segment_id())
            if found is not None and found[1].deleted_count() == segment.deleted_count():
                del reusable[segment.segment_id()]
                readers.append(found[0])
            else:
                fresh = SegmentReader(storage, toc.schema, segment, generation=toc.generation)
                opened.append(fresh)
                readers.append(fresh)
    except BaseException:
        for unused in opened:
            unused.close()
        raise
    for leftover, _ in reusable.values():
        leftover.close()
    # One MultiReader even for one segment: it carries the new generation.
    combined = MultiReader(readers, generation=toc.generation)
    return WhooshSearcher(combined, fromindex=index, weighting=searcher.weighting)
