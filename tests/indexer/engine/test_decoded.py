"""Decoded posting lists and rows, shared by searchers, across commits and threads."""

from __future__ import annotations

import threading
from pathlib import Path

from whoosh.index import Index

from indexer.engine import DecodedCache
from indexer.search import Searcher, SearchFilter, SearchPage
from tests.support.search_corpus import GLOSSARY, VOCAB, build_index, make_corpus

QUERIES = [
    *VOCAB[:8],
    "custody AND vetting NOT drone",
    "patrol OR drone",
    "MARAC",
    "domestic abuse",
]


def pages(searcher: Searcher) -> list[SearchPage]:
    found = []
    for text in QUERIES:
        found.append(searcher.search(text))
        found.append(searcher.search(text, filter=SearchFilter(years=(2019, 2020))))
    return found


def fresh_pages(ix: Index) -> list[SearchPage]:
    """What a searcher that has decoded nothing before answers."""
    with Searcher(ix, GLOSSARY, decoded=DecodedCache(max_postings=0, max_rows=0)) as searcher:
        return pages(searcher)


def test_entries_outlive_commits_that_add_and_delete(tmp_path: Path) -> None:
    docs = make_corpus(seed=5)
    ix, live = build_index(tmp_path / "index", docs)
    decoded = DecodedCache(min_postings=1)
    with Searcher(ix, GLOSSARY, decoded=decoded) as searcher:
        assert pages(searcher) == fresh_pages(ix)
        held = decoded.postings_held
        assert held > 0

        # A new segment, and deletions in the segments whose lists are kept.
        writer = ix.writer()
        for doc in live[:5]:
            writer.delete_by_term("key", doc.key)
        writer.add_document(**docs[0].document.fields())
        writer.commit(merge=False)
        searcher.refresh()
        assert pages(searcher) == fresh_pages(ix)
        assert decoded.postings_held >= held  # the old segments' lists were kept

        # A merge makes new segments: their lists are new entries, the answers the same.
        writer = ix.writer()
        writer.commit(optimize=True)
        searcher.refresh()
        assert pages(searcher) == fresh_pages(ix)


def test_searchers_in_threads_share_one_cache(tmp_path: Path) -> None:
    ix, _ = build_index(tmp_path / "index", make_corpus(seed=9))
    expected = fresh_pages(ix)
    # Small enough that entries are dropped while other threads read them.
    decoded = DecodedCache(max_postings=40, min_postings=1, max_rows=8)
    answers: list[list[SearchPage]] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            with Searcher(ix, GLOSSARY, decoded=decoded) as searcher:
                for _ in range(5):
                    answers.append(pages(searcher))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert len(answers) == 20
    assert all(found == expected for found in answers)
    assert decoded.postings_held <= 40
