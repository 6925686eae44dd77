"""Queries run through Whoosh's own matchers and collectors, restricted by filter sets.

For what ``indexer.engine.postings`` does not evaluate (phrases checked by position,
prefixes, fuzzy words): ``top_hits`` keeps the best ``limit`` with Whoosh's block
skipping, ``all_hits`` scores every match. ``allow`` (None: every document) and ``mask``
(None: none) are document-number sets, applied as Whoosh's ``filter=`` and ``mask=``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from whoosh.collectors import Collector, FilterCollector, TopCollector, UnlimitedCollector
from whoosh.query.qcore import Query
from whoosh.searching import Searcher as WhooshSearcher


def top_hits(
    searcher: WhooshSearcher,
    q: Query,
    limit: int,
    *,
    allow: AbstractSet[int] | None = None,
    mask: AbstractSet[int] | None = None,
) -> list[tuple[int, float]]:
    """The top ``limit`` (docnum, score) pairs, best first; at the cut, equal scores are
    kept by document number (block skipping allowed)."""
    collector = TopCollector(limit)  # type: ignore[no-untyped-call]
    _run(searcher, q, collector, allow, mask)
    return [(n, float(score or 0.0)) for n, score in collector.results().items()]


def all_hits(
    searcher: WhooshSearcher,
    q: Query,
    *,
    allow: AbstractSet[int] | None = None,
    mask: AbstractSet[int] | None = None,
) -> tuple[dict[int, float], set[int]]:
    """Every match with its score, and the set of matching document numbers."""
    collector = UnlimitedCollector()  # type: ignore[no-untyped-call]
    _run(searcher, q, collector, allow, mask)
    scored = {n: float(score or 0.0) for score, n in collector.items}
    return scored, set(collector.docset)


def _run(
    searcher: WhooshSearcher,
    q: Query,
    collector: Collector,
    allow: AbstractSet[int] | None,
    mask: AbstractSet[int] | None,
) -> None:
    """Run ``q`` into ``collector``, restricted by the filter sets."""
    if allow is not None or mask is not None:
        collector = FilterCollector(collector, allow, mask)
    searcher.search_with_collector(q, collector)
