"""A refreshed searcher sees exactly the latest commit: merges, deletions, new segments."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.index import Index, create_in
from whoosh.query import Every

import indexer.engine.refresh
from indexer.engine import latest, refreshed
from indexer.schema import build_schema
from tests.support.search_corpus import build_index, make_corpus


def keys(searcher: object) -> list[str]:
    results = searcher.search(Every(), limit=None)  # type: ignore[attr-defined]
    return sorted(hit["key"] for hit in results)


def fresh_keys(ix: Index) -> list[str]:
    with ix.searcher() as searcher:
        return keys(searcher)


def test_after_a_merge_each_document_is_found_once(tmp_path: Path) -> None:
    ix, live = build_index(tmp_path / "index", make_corpus(seed=4))
    searcher = ix.searcher()
    assert len(searcher.reader().leaf_readers()) > 1
    ix.writer().commit(optimize=True)
    searcher = refreshed(searcher, ix)
    assert keys(searcher) == fresh_keys(ix) == sorted(d.key for d in live)
    assert searcher.doc_count() == len(live)
    searcher.close()


def test_whooshs_own_refresh_still_counts_merged_segments_twice(tmp_path: Path) -> None:
    """Why ``refreshed`` exists; when this fails, Whoosh's own refresh may do again."""
    ix, live = build_index(tmp_path / "index", make_corpus(seed=4))
    searcher = ix.searcher()
    ix.writer().commit(optimize=True)
    searcher = searcher.refresh()
    assert searcher.doc_count() > len(live)
    searcher.close()


def test_deletions_in_kept_segments_are_seen_and_unchanged_readers_reused(
    tmp_path: Path,
) -> None:
    docs = make_corpus(seed=6)
    ix, live = build_index(tmp_path / "index", docs)
    searcher = ix.searcher()
    before = {leaf.segment().segment_id(): leaf for leaf, _ in searcher.reader().leaf_readers()}
    writer = ix.writer()
    gone = next(d.key for d in live if d.key != docs[0].key)
    writer.delete_by_term("key", gone)
    writer.add_document(**docs[0].document.fields())
    writer.commit(merge=False)
    searcher = refreshed(searcher, ix)
    found = keys(searcher)
    assert found == fresh_keys(ix)
    assert gone not in found
    after = {leaf.segment().segment_id(): leaf for leaf, _ in searcher.reader().leaf_readers()}
    assert len(after) == len(before) + 1  # the new segment
    changed = [sid for sid in before if after[sid] is not before[sid]]
    assert len(changed) == 1  # only the segment that lost a document was opened again
    assert refreshed(searcher, ix) is searcher  # nothing new since
    searcher.close()


def test_files_removed_while_reopening_fall_back_to_opening_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix, live = build_index(tmp_path / "index", make_corpus(seed=4))
    searcher = ix.searcher()
    ix.writer().commit(optimize=True)

    def removed(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("segment file removed by a writer")

    monkeypatch.setattr(indexer.engine.refresh, "SegmentReader", removed)
    searcher = refreshed(searcher, ix)
    assert keys(searcher) == sorted(d.key for d in live)
    searcher.close()


def test_latest_reopens_a_searcher_of_an_index_that_had_no_segments(tmp_path: Path) -> None:
    ix = create_in(str(tmp_path), build_schema())
    searcher = ix.searcher()
    docs = make_corpus(seed=4)[:3]
    writer = ix.writer()
    for doc in docs:
        writer.add_document(**doc.document.fields())
    writer.commit()
    searcher = latest(searcher, ix)
    assert keys(searcher) == sorted(d.key for d in docs)
    assert latest(searcher, ix) is searcher  # nothing new since
    writer = ix.writer()
    writer.delete_by_term("key", docs[0].key)
    writer.commit(merge=False)
    searcher = latest(searcher, ix)
    assert keys(searcher) == fresh_keys(ix) == sorted(d.key for d in docs[1:])
    searcher.close()
