"""Facet counts of a few matched documents, looked up document by document, equal the
counts by bit masks."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from whoosh.index import Index

from indexer.facets import FACET_FIELDS, DocSets, count_few, count_values, to_mask
from tests.support.search_corpus import build_index, make_corpus


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    ix, _ = build_index(tmp_path_factory.mktemp("facets") / "index", make_corpus(seed=11))
    yield ix
    ix.close()


def test_facets_of_a_few_matches_equal_the_mask_counts(index: Index) -> None:
    with index.searcher() as searcher:
        docsets = DocSets(searcher.reader())
        live = [n for n in range(docsets.size) if not searcher.reader().is_deleted(n)]
        rng = random.Random(9)
        for size in (0, 1, 3, len(live) // 70, len(live) // 2):
            chosen = set(rng.sample(live, size))
            mask = to_mask(chosen, docsets.size)
            for fieldname in FACET_FIELDS.values():
                assert count_few(docsets, fieldname, chosen) == count_values(
                    docsets, fieldname, mask
                )
