"""Queries over whole posting lists give Whoosh's own matches and scores, to the last bit."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from whoosh.collectors import UnlimitedCollector
from whoosh.index import Index
from whoosh.util import make_weighted_tree

from indexer.engine import DecodedCache, PostingIndex, Unsupported, term_docs
from indexer.engine.postings import _weighted_tree
from indexer.query import AcronymTable, parse_query
from tests.support.search_corpus import GLOSSARY, build_index, make_corpus

QUERIES = [
    "patrol",
    "custody vetting",
    "custody AND vetting NOT drone",
    "cadet OR firearms",
    "(custody OR drone) AND NOT (cadet OR vetting)",
    "wellbeing -outcome",
    "MARAC",
    "domestic abuse",
    "patrol drone",
    "referrals",
    '"custody vetting"',
    "supervision",
    "nothingatall",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    ix, _ = build_index(tmp_path_factory.mktemp("postings") / "index", make_corpus(seed=11))
    yield ix
    ix.close()


def whoosh_scores(searcher: object, q: object) -> dict[int, float]:
    collector = UnlimitedCollector()  # type: ignore[no-untyped-call]
    searcher.search_with_collector(q, collector)  # type: ignore[attr-defined]
    return {n: float(score or 0.0) for score, n in collector.items}


@pytest.mark.parametrize("cached", [False, True], ids=["decoded-each-time", "cached"])
@pytest.mark.parametrize("text", QUERIES)
def test_scores_and_matches_equal_whooshs(index: Index, text: str, cached: bool) -> None:
    with index.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 1
        assert searcher.reader().has_deletions()
        parsed = parse_query(
            text, searcher.schema, AcronymTable(GLOSSARY), reader=searcher.reader()
        )
        # Cached: every list is kept, in a cache small enough to drop some on the way.
        postings = (
            PostingIndex(searcher, decoded=DecodedCache(max_postings=60, min_postings=1))
            if cached
            else PostingIndex(searcher, decoded=DecodedCache(max_postings=0, max_rows=0))
        )
        try:
            found = postings.scores(parsed.query)
        except Unsupported:
            pytest.skip(f"{parsed.query} is left to Whoosh")
        expected = whoosh_scores(searcher, parsed.query)
        assert found == expected  # the same floats, not merely close
        for _ in range(2):  # the second time from the cache, where kept
            assert postings.scores(parsed.query) == expected
            assert postings.docs(parsed.query) == set(expected)
            odd = {n for n in expected if n % 2}
            assert postings.scores(parsed.query, odd) == {
                n: s for n, s in expected.items() if n in odd
            }
            few = set(list(expected)[:3])
            assert postings.scores(parsed.query, exclude=few) == {
                n: s for n, s in expected.items() if n not in few
            }
            # One document allowed: looked up in the lists rather than read through.
            one = set(list(expected)[-1:])
            assert postings.scores(parsed.query, one) == {n: expected[n] for n in one}
            assert postings.scores(parsed.query, one, exclude=one) == {}


class Part:
    """A stand-in for a matcher: Whoosh's matchers answer ``<`` by their types, so
    parts of equal weight may come out in either order."""

    def __init__(self, shape: object, less: bool) -> None:
        self.shape = shape
        self.less = less

    def __lt__(self, other: object) -> bool:
        return self.less


def canonical(shape: object) -> object:
    """A tree shape up to the order of each node's two sides (addition commutes)."""
    if isinstance(shape, tuple):
        return tuple(sorted((canonical(shape[0]), canonical(shape[1])), key=repr))
    return shape


def whoosh_shape(weights: list[int], less: bool) -> object:
    tree = make_weighted_tree(
        lambda a, b: Part((a.shape, b.shape), less),
        [(w, Part(i, less)) for i, w in enumerate(weights)],
    )
    return canonical(tree.shape)


def test_intersection_and_union_trees_have_whooshs_shape() -> None:
    rng = random.Random(5)
    checked = 0
    for size in range(1, 9):
        for _ in range(40):
            weights = [rng.randrange(-40, 40) for _ in range(size)]
            try:
                found = canonical(_weighted_tree(weights))
            except Unsupported:
                continue  # Whoosh's shape would depend on comparing matchers
            assert found == whoosh_shape(weights, True) == whoosh_shape(weights, False)
            checked += 1
    assert checked > 100


def test_equal_weights_that_change_the_shape_are_left_to_whoosh() -> None:
    with pytest.raises(Unsupported):
        _weighted_tree([1, 2, 2])
    assert _weighted_tree([2, 2]) in ((0, 1), (1, 0))


def test_term_docs_are_whooshs_live_documents_of_the_term(index: Index) -> None:
    with index.searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) > 1 and reader.has_deletions()
        compared = 0
        for fieldname, btext in reader.all_terms():
            if fieldname not in ("type", "year", "themes", "kind", "text"):
                continue
            expected = frozenset(reader.postings(fieldname, btext).all_ids())
            assert term_docs(reader, fieldname, btext) == expected, (fieldname, btext)
            compared += 1
        assert compared > 50
        assert term_docs(reader, "text", b"no-such-word") == frozenset()
        # Terms in every segment, so whole-index numbers past the first segment's.
        spread = [
            btext
            for btext in reader.lexicon("type")
            if all(("type", btext) in leaf for leaf, _ in reader.leaf_readers())
        ]
        assert spread
