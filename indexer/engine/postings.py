"""Queries evaluated over whole posting lists: the same matches and BM25F scores as
Whoosh's matchers, in far fewer Python steps.

Whoosh scores a query one document at a time through a tree of matcher objects: a
few method calls per posting and per tree node. Here a posting list is read block by
block (document numbers and weights as arrays), every posting is scored in one
comprehension with the field's lengths read once per generation, and ``Or`` / ``And``
/ ``Not`` combine whole ``{docnum: score}`` maps. The arithmetic is Whoosh's own, in
the same order (``whoosh.scoring.bm25``; unions and intersections add their two
sides' scores in the tree Whoosh builds), so the scores are equal to the last bit and
ties stay ties. Anything else (phrases, prefixes, fuzzy terms, boosts, other
weighting models) raises ``Unsupported`` and the caller lets Whoosh run the query.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import accumulate
from typing import Any, Final

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.compound import And, Or
from whoosh.query.qcore import Every, Query
from whoosh.query.terms import Term
from whoosh.query.wrappers import Not
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.util.numeric import byte_to_length

from indexer.cache import Cache
from indexer.engine.decoded import DecodedCache, Postings

Scores = dict[int, float]
DocSet = AbstractSet[int]

# An allow-set this many times smaller than a posting list is looked up in the list
# (binary search per document) instead of the list being read through.
LOOKUP_SHARE: Final = 16

# Whoosh gives a document matched by the negated side of ``And([..., Not(q)])`` this
# score (``InverseMatcher``'s default weight).
INVERSE_SCORE: Final = 1.0


class Unsupported(Exception):
    """A query this module does not evaluate exactly as Whoosh would."""


def supported(q: Query) -> bool:
    """Whether ``q`` is made only of what ``PostingIndex`` evaluates."""
    if isinstance(q, Term):
        return q.boost == 1.0 and not q.minquality
    if isinstance(q, Not):
        return q.boost == 1.0 and supported(q.query)
    if isinstance(q, And | Or):
        if q.boost != 1.0 or not q.subqueries:
            return False
        if isinstance(q, Or) and (q.scale or q.minmatch or type(q) is not Or):
            return False
        if isinstance(q, And) and type(q) is not And:
            return False
        return all(supported(s) for s in q.subqueries)
    return isinstance(q, Every)


class _Leaf:
    """One segment: its reader, first document number, deletions and field lengths."""

    def __init__(self, reader: IndexReader, offset: int) -> None:
        self.reader = reader
        self.offset = offset
        self.size = reader.doc_count_all()
        self.deleted = _deleted(reader)
        self.deleted_docnums = frozenset(offset + n for n in self.deleted)
        segment = reader.segment()
        # What decoded entries are filed under (a reader without a segment shares none).
        self.segment_id = (
            str(segment.segment_id())  # type: ignore[no-untyped-call]
            if segment is not None
            else uuid.uuid4().hex
        )
        # One per field of the schema.
        self._lengths: Cache[str, bytes] = Cache(len(reader.schema.names()))

    def lengths(self, fieldname: str) -> bytes:
        """The field's length byte of every document of the segment (0: none)."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = self._lengths.put(fieldname, self._read_lengths(fieldname))
        return found

    def _read_lengths(self, fieldname: str) -> bytes:
        perdoc: Any = getattr(self.reader, "_perdoc", None)
        column: Any = None
        if perdoc is not None:
            column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            raise Unsupported(f"no length column for {fieldname}")
        count = min(int(column._count), self.size)
        raw = bytes(column._dbfile.get(column._basepos, count)) if count else b""
        raw += bytes(self.size - len(raw))
        for docnum in range(0, self.size, max(1, self.size // 7)):  # the layout is as read
            expected = self.reader.doc_field_length(docnum, fieldname, 0) or 0
            if (byte_to_length(raw[docnum]) if raw[docnum] else 0) != expected:
                raise Unsupported(f"unexpected length column layout for {fieldname}")
        return raw


def _deleted(reader: IndexReader) -> frozenset[int]:
    """A segment's deleted document numbers."""
    if not reader.has_deletions():
        return frozenset()
    cached = getattr(reader, "deleted_docs_set", None)
    if isinstance(cached, frozenset):
        return cached
    return frozenset(n for n in range(reader.doc_count_all()) if reader.is_deleted(n))


def _blocks(matcher: Any) -> Iterator[tuple[Sequence[int], Sequence[float] | float]]:
    """(document numbers, weights or one weight for all) of each block of a leaf matcher:
    a whole block's arrays at once from Whoosh's own postings format, else one by one."""
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        block: Any = matcher
        while block.is_active():
            if block._data is None:
                block._read_data()
            weights = block._data[1]
            yield list(accumulate(block._data[0])), (1.0 if weights is None else weights)
            block._next_block()
        return
    ids: list[int] = []
    found: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        found.append(matcher.weight())
        matcher.next()
    if ids:
        yield ids, found


def term_docs(reader: IndexReader, fieldname: str, btext: bytes) -> frozenset[int]:
    """The live documents (whole-index numbers) holding a term: what
    ``reader.postings(fieldname, btext).all_ids()`` gives, read a block at a time rather
    than through a matcher call per posting (a 100k-item index's facet values, read on
    the first faceted search of each new commit: 3.8 s under the profiler, now 0.6)."""
    found: set[int] = set()
    for leaf_reader, offset in reader.leaf_readers():
        if (fieldname, btext) not in leaf_reader:
            continue
        matcher = leaf_reader.postings(fieldname, btext)
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        deleted = _deleted(leaf_reader)
        for block_ids, _ in _blocks(matcher):
            if deleted:
                block_ids = [n for n in block_ids if n not in deleted]
            found.update(map(offset.__add__, block_ids) if offset else block_ids)
    return frozenset(found)


def _every(leaf: _Leaf) -> set[int]:
    """Every live document of a segment."""
    deleted = leaf.deleted
    return {leaf.offset + n for n in range(leaf.size) if n not in deleted}


class PostingIndex:
    """Evaluates supported queries over one searcher's reader (one generation).

    Whoosh builds each query's matcher tree per segment, shaped by that segment's size
    estimates, so evaluation runs per segment too.
    """

    def __init__(self, searcher: WhooshSearcher, *, decoded: DecodedCache | None = None) -> None:
        self.searcher = searcher
        reader = searcher.reader()
        self.reader = reader
        self.leaves = [_Leaf(leaf, offset) for leaf, offset in reader.leaf_readers()]
        self._offsets = [leaf.offset for leaf in self.leaves]
        self.size = reader.doc_count_all()
        weighting = searcher.weighting
        self._bm25: BM25F | None = weighting if type(weighting) is BM25F else None
        self._norms: Cache[str, list[float]] = Cache(len(reader.schema.names()))
        self._decoded = decoded if decoded is not None else DecodedCache()
        # Size estimates of the query being evaluated, by (node id, segment offset).
        self._sizes: dict[tuple[int, int], int] = {}

    # --- public --------------------------------------------------------------------------

    def scores(
        self, q: Query, allow: DocSet | None = None, exclude: DocSet | None = None
    ) -> Scores:
        """``{docnum: score}`` for every live document matching ``q``, only those in
        ``allow`` (None: any) and not in ``exclude``."""
        if self._bm25 is None or not supported(q):
            raise Unsupported(str(q))
        out: Scores = {}
        try:
            for leaf in self.leaves:
                out.update(self._scores(q, leaf, allow, exclude or frozenset()))
        finally:
            self._sizes.clear()  # keyed by node ids: valid for this query only
        return out

    def docs(self, q: Query) -> set[int]:
        """Every live document matching ``q``, unscored."""
        if not supported(q):
            raise Unsupported(str(q))
        out: set[int] = set()
        for leaf in self.leaves:
            out |= self._docs(q, leaf)
        return out

    def stored_fields(self, docnum: int) -> Mapping[str, Any]:
        """A document's stored fields (as ``IndexReader.stored_fields``, read directly
        from its segment's stored column), kept decoded for later searches."""
        leaf = self.leaves[bisect_right(self._offsets, docnum) - 1]
        key = (leaf.segment_id, docnum - leaf.offset)
        found = self._decoded.row(key)
        if found is not None:
            return found
        perdoc: Any = getattr(leaf.reader, "_perdoc", None)
        if perdoc is None:
            found = dict(self.reader.stored_fields(docnum))
        else:
            found = perdoc.stored_fields(docnum - leaf.offset)
        self._decoded.keep_row(key, found)
        return found

    # --- scored nodes --------------------------------------------------------------------

    def _scores(self, q: Query, leaf: _Leaf, allow: DocSet | None, exclude: DocSet) -> Scores:
        if isinstance(q, Term):
            return self._term(q, leaf, allow, exclude, scored=True)
        if isinstance(q, Or):
            return self._union(q, leaf, allow, exclude)
        if isinstance(q, And):
            return self._intersection(q, leaf, allow, exclude, known=False)
        raise Unsupported(str(q))

    def _union(self, q: Or, leaf: _Leaf, allow: DocSet | None, exclude: DocSet) -> Scores:
        """Whoosh's ``DefaultOr``: a weighted tree of ``UnionMatcher`` (by size estimate)."""
        subs = q.subqueries
        if len(subs) > 2 and leaf.reader.doc_count_all() <= SMALL_SEGMENT:
            raise Unsupported("small segments preload unions in another order")
        parts = [self._scores(s, leaf, allow, exclude) for s in subs]
        if len(parts) == 1:
            return parts[0]
        tree = _weighted_tree([self._size(s, leaf) for s in subs])
        return _union_tree(tree, parts)

    def _intersection(
        self, q: And, leaf: _Leaf, allow: DocSet | None, exclude: DocSet, *, known: bool
    ) -> Scores:
        """Whoosh's weighted tree of ``IntersectionMatcher`` (by negated size estimate);
        a negated part scores ``INVERSE_SCORE`` in every document it lets through.
        ``known``: every document in ``allow`` is already known to match."""
        subs = q.subqueries
        if all(isinstance(s, Not) for s in subs):
            raise Unsupported("intersection of negations")
        # Which documents match is worked out with sets first (the smallest part first,
        # each later part only looked for among the documents still in); then each part
        # scores just those documents.
        order = sorted(
            (i for i, s in enumerate(subs) if not isinstance(s, Not)),
            key=lambda i: self._size(subs[i], leaf),
        )
        if known and allow is not None:
            common = set(allow) - exclude
        else:
            common = self._docs(subs[order[0]], leaf, allow)
            if exclude:
                common -= exclude
            for i in order[1:]:
                if common:
                    common = self._docs(subs[i], leaf, common)
            for sub in subs:
                if isinstance(sub, Not) and common:
                    common -= self._docs(sub.query, leaf, common)
        parts: list[Scores | None] = [None] * len(subs)
        for i in order:
            sub = subs[i]
            parts[i] = (
                self._intersection(sub, leaf, common, frozenset(), known=True)
                if isinstance(sub, And)
                else self._scores(sub, leaf, common, frozenset())
            )
        if len(subs) == 1:
            only = parts[0]
            assert only is not None
            return only
        tree = _weighted_tree([0 - self._size(s, leaf) for s in subs])
        return _sum_tree(tree, parts, common)

    def _size(self, q: Query, leaf: _Leaf) -> int:
        """Whoosh's size estimate of ``q`` in a segment, worked out once per evaluation."""
        key = (id(q), leaf.offset)
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes[key] = int(q.estimate_size(leaf.reader))
        return found

    # --- unscored nodes ------------------------------------------------------------------

    def _docs(self, q: Query, leaf: _Leaf, within: DocSet | None = None) -> set[int]:
        """The live documents of the segment matching ``q`` (only those in ``within``)."""
        if isinstance(q, Term):
            postings = self._term_postings(q, leaf)
            if postings is None:
                return set()
            ids = postings[0]
            if within is not None and len(within) * LOOKUP_SHARE < len(ids):
                found = _present(ids, within)
            else:
                found = set(ids) if within is None else set(within).intersection(ids)
            if leaf.deleted_docnums:
                found -= leaf.deleted_docnums
            return found
        if isinstance(q, Or):
            out: set[int] = set()
            for sub in q.subqueries:
                out |= self._docs(sub, leaf, within)
            return out
        if isinstance(q, And):
            positives = [s for s in q.subqueries if not isinstance(s, Not)]
            if positives:
                found = self._docs(positives[0], leaf, within)
                for sub in positives[1:]:
                    if found:
                        found = self._docs(sub, leaf, found)
            else:
                found = _every(leaf) if within is None else _every(leaf) & within
            for sub in q.subqueries:
                if isinstance(sub, Not) and found:
                    found -= self._docs(sub.query, leaf, found)
            return found
        if isinstance(q, Not):
            every = _every(leaf) if within is None else _every(leaf) & within
            return every - self._docs(q.query, leaf, every)
        if isinstance(q, Every):
            return _every(leaf) if within is None else _every(leaf) & within
        raise Unsupported(str(q))

    # --- terms ---------------------------------------------------------------------------

    def _norm(self, fieldname: str) -> list[float]:
        """``K1 * ((1 - B) + B * fl / avgfl)`` for every length byte, as Whoosh computes it."""
        found = self._norms.get(fieldname)
        if found is None:
            bm25 = self._bm25
            assert bm25 is not None
            b = bm25._field_B.get(fieldname, bm25.B)
            k1 = bm25.K1
            avgfl = self.searcher.avg_field_length(fieldname) or 1  # type: ignore[no-untyped-call]
            norms = [k1 * ((1 - b) + b * byte_to_length(lb) / avgfl) for lb in range(256)]
            found = self._norms.put(fieldname, norms)
        return found

    def _term(
        self,
        q: Term,
        leaf: _Leaf,
        allow: DocSet | None,
        exclude: DocSet,
        *,
        scored: bool,
    ) -> Scores:
        """``{docnum: score}`` of one term in one segment (scores 0.0 unless ``scored``)."""
        postings = self._term_postings(q, leaf)
        if postings is None:
            return {}
        ids, weights = postings
        fieldname = q.fieldname
        field = self.reader.schema[fieldname]
        offset = leaf.offset
        skip: DocSet = leaf.deleted_docnums
        if exclude:
            skip = skip | exclude if skip else exclude
        if allow is not None and len(allow) * LOOKUP_SHARE < len(ids):
            kept = _lookup(ids, weights, allow, skip)
        elif allow is not None or skip:
            pairs = zip(ids, weights, strict=True)
            if allow is None:
                kept = [(n, w) for n, w in pairs if n not in skip]
            elif skip:
                kept = [(n, w) for n, w in pairs if n in allow and n not in skip]
            else:
                kept = [(n, w) for n, w in pairs if n in allow]
        else:
            kept = list(zip(ids, weights, strict=True))
        if not scored:
            return dict.fromkeys((n for n, _ in kept), 0.0)
        if not field.scorable:
            return {n: float(w) for n, w in kept}
        assert self._bm25 is not None
        idf = float(self.searcher.idf(fieldname, field.to_bytes(q.text)))  # type: ignore[no-untyped-call]
        k1p1 = self._bm25.K1 + 1
        norms = self._norm(fieldname)
        lengths = leaf.lengths(fieldname)
        return {n: idf * ((w * k1p1) / (w + norms[lengths[n - offset]])) for n, w in kept}

    def _term_postings(self, q: Term, leaf: _Leaf) -> Postings | None:
        """The posting list of ``q``'s term in a segment (None: no such term there)."""
        schema = self.reader.schema
        if q.fieldname not in schema:
            return None
        try:
            btext = schema[q.fieldname].to_bytes(q.text)
        except ValueError:
            return None
        return self._postings(leaf, q.fieldname, btext)

    def _postings(self, leaf: _Leaf, fieldname: str, btext: bytes) -> Postings | None:
        """A term's whole posting list in a segment: (document numbers, in the whole
        index, and weights), or None when the segment lacks the term. Long lists are
        decoded once and kept (see ``indexer.engine.decoded``)."""
        key = (leaf.segment_id, leaf.offset, fieldname, btext)
        found = self._decoded.postings(key)
        if found is not None:
            return found
        if (fieldname, btext) not in leaf.reader:
            return None
        matcher = leaf.reader.postings(fieldname, btext)
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        ids: list[int] = []
        weights: list[float] = []
        offset = leaf.offset
        for block_ids, block_weights in _blocks(matcher):
            ids += map(offset.__add__, block_ids) if offset else block_ids
            if isinstance(block_weights, float):
                weights += [block_weights] * len(block_ids)
            else:
                weights += block_weights
        return self._decoded.keep_postings(key, ids, weights)


def _lookup(
    ids: Sequence[int], weights: Sequence[float], allow: DocSet, skip: DocSet
) -> list[tuple[int, float]]:
    """(docnum, weight) of the documents of ``allow`` (not in ``skip``) found in a posting
    list by binary search: for an ``allow`` far smaller than the list."""
    found: list[tuple[int, float]] = []
    size = len(ids)
    for n in sorted(allow):
        if n in skip:
            continue
        i = bisect_left(ids, n)
        if i < size and ids[i] == n:
            found.append((n, weights[i]))
    return found


def _present(ids: Sequence[int], docs: DocSet) -> set[int]:
    """The documents of ``docs`` in a posting list, by binary search (``docs`` small)."""
    found: set[int] = set()
    size = len(ids)
    for n in docs:
        i = bisect_left(ids, n)
        if i < size and ids[i] == n:
            found.add(n)
    return found


# Whoosh preloads unions of more than two parts in segments up to this size
# (``Or.ARRAY_MATCHER``), adding their scores in another order.
SMALL_SEGMENT: Final = 5000

Tree = int | tuple["Tree", "Tree"]


def _weighted_tree(weights: Sequence[int]) -> Tree:
    """The shape ``whoosh.util.make_weighted_tree`` gives parts of these weights; raises
    Unsupported where Whoosh's choice would depend on comparing matchers (equal weights)."""
    nodes: list[tuple[int, Tree]] = sorted(
        ((w, i) for i, w in enumerate(weights)), key=lambda n: n[0]
    )
    while len(nodes) > 1:
        if len(nodes) > 2 and nodes[1][0] == nodes[2][0]:
            raise Unsupported("equal size estimates")
        a = nodes.pop(0)
        b = nodes.pop(0)
        merged = (a[0] + b[0], (a[1], b[1]))
        if nodes and any(n[0] == merged[0] for n in nodes):
            raise Unsupported("equal size estimates")
        insort(nodes, merged, key=lambda n: n[0])
    return nodes[0][1]


def _union_tree(tree: Tree, parts: Sequence[Scores]) -> Scores:
    """Scores of a ``UnionMatcher`` tree: a document in both sides gets their sum."""
    if isinstance(tree, int):
        return parts[tree]
    left, right = _union_tree(tree[0], parts), _union_tree(tree[1], parts)
    if len(left) < len(right):
        left, right = right, left
    out = dict(left)
    get = out.get
    for docnum, score in right.items():
        found = get(docnum)
        out[docnum] = score if found is None else found + score
    return out


def _sum_tree(tree: Tree, parts: Sequence[Scores | None], common: set[int]) -> Scores:
    """The scores of an ``IntersectionMatcher`` tree for the documents in ``common``
    (which match every part); a negated part adds ``INVERSE_SCORE``."""
    if isinstance(tree, int):
        found = parts[tree]
        if found is None:
            return dict.fromkeys(common, INVERSE_SCORE)
        return {n: found[n] for n in common}
    left = _sum_tree(tree[0], parts, common)
    right = _sum_tree(tree[1], parts, common)
    return {n: score + right[n] for n, score in left.items()}
