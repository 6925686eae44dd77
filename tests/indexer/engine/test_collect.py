"""Queries run through Whoosh's collectors give what ``Searcher.search`` gives with the same
filter and mask: the same documents, scores and order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh.index import Index

from indexer.engine import all_hits, top_hits
from indexer.query import AcronymTable, parse_query
from tests.support.search_corpus import GLOSSARY, build_index, make_corpus

QUERIES = ['"custody vetting"', "pa*", "drone~", "custody", "cadet OR firearms -drone"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Index]:
    ix, _ = build_index(tmp_path_factory.mktemp("collect") / "index", make_corpus(seed=11))
    yield ix
    ix.close()


@pytest.mark.parametrize("text", QUERIES)
def test_top_and_all_hits_equal_whooshs_search(index: Index, text: str) -> None:
    with index.searcher() as searcher:
        q = parse_query(text, searcher.schema, AcronymTable(GLOSSARY)).query
        size = searcher.reader().doc_count_all()
        odd = {n for n in range(size) if n % 2}
        few = set(range(0, size, 7))
        for allow, mask in ((None, None), (odd, None), (None, few), (odd, few)):
            expected = searcher.search(q, limit=None, filter=allow, mask=mask)
            scored, matched = all_hits(searcher, q, allow=allow, mask=mask)
            assert scored == {hit.docnum: hit.score for hit in expected}
            assert matched == {hit.docnum for hit in expected}
            assert matched, text
            for limit in (1, 5, 40):
                top = searcher.search(q, limit=limit, filter=allow, mask=mask)
                assert top_hits(searcher, q, limit, allow=allow, mask=mask) == [
                    (hit.docnum, hit.score) for hit in top
                ]
