"""A rebuild written by worker processes holds what one writer would have written."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from whoosh.index import Index

import indexer.parallel
from bench.search_corpus import build_corpus
from indexer.parallel import IndexBuildError, ParallelWriter
from indexer.storage import IndexStore
from indexer.sync import rebuild
from ingest.parse.themes import load_base_glossary
from tests.support.paths import SAMPLES, SEED
from tests.support.records import index_snapshot, ingest_files

DOCUMENTS = build_corpus(120, seed=5, glossary=load_base_glossary()).in_build_order()
BATCH = 50


@pytest.fixture
def few_per_worker(monkeypatch: pytest.MonkeyPatch) -> int:
    """Worker processes from 40 documents per worker on."""
    monkeypatch.setattr(indexer.parallel, "MIN_DOCUMENTS_PER_WORKER", 40)
    return 40


def fill(folder: Path, documents: list[Any], workers: int) -> tuple[Index, bool]:
    store = IndexStore(folder)
    with store.locked():
        generation = store.new_generation()
        store.switch_to(generation)
    index = generation.open_index()
    writer = ParallelWriter(store.writer(index), workers=workers)
    for start in range(0, len(documents), BATCH):
        writer.add_documents(documents[start : start + BATCH])
    parallel = writer.parallel
    writer.commit()
    return index, parallel


def contents(index: Index) -> tuple[dict[str, Any], dict[tuple[str, bytes], list[Any]]]:
    """Stored fields by key, and every term's postings as (key, weight, value) sorted:
    what the index holds, whatever the document numbers."""
    with index.reader() as reader:
        keys = {n: fields["key"] for n, fields in reader.iter_docs()}
        stored = {fields["key"]: fields for _, fields in reader.iter_docs()}
        postings: dict[tuple[str, bytes], list[Any]] = {}
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            found = []
            while matcher.is_active():
                # A term's only posting in a segment is kept in the term index, where a
                # field without values reads back b"" rather than None.
                found.append((keys[matcher.id()], matcher.weight(), matcher.value() or None))
                matcher.next()
            postings[(fieldname, text)] = sorted(found)
        return stored, postings


def test_workers_write_what_one_writer_writes(tmp_path: Path, few_per_worker: int) -> None:
    assert len(DOCUMENTS) > 2 * few_per_worker
    alone, parallel = fill(tmp_path / "one", DOCUMENTS, workers=1)
    assert not parallel
    spread, parallel = fill(tmp_path / "two", DOCUMENTS, workers=2)
    assert parallel
    with spread.reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
        assert reader.doc_count() == len(DOCUMENTS)
    assert contents(spread) == contents(alone)
    # Field lengths (BM25's statistics) add up as in one segment.
    with spread.searcher() as a, alone.searcher() as b:
        for fieldname in ("title", "text", "exact"):
            assert a.field_length(fieldname) == b.field_length(fieldname)


def test_a_small_rebuild_stays_in_this_process(tmp_path: Path) -> None:
    index, parallel = fill(tmp_path / "index", DOCUMENTS[:30], workers=4)
    assert not parallel
    with index.reader() as reader:
        assert reader.doc_count() == 30
        assert len(list(reader.leaf_readers())) == 1


def test_a_failing_worker_is_reported_and_nothing_is_committed(
    tmp_path: Path, few_per_worker: int
) -> None:
    broken = dataclasses.replace(DOCUMENTS[-1], record_id="not a number")  # type: ignore[arg-type]
    store = IndexStore(tmp_path / "index")
    with store.locked():
        generation = store.new_generation()
    index = generation.open_index()
    writer = ParallelWriter(store.writer(index), workers=2)
    with pytest.raises(IndexBuildError, match="segment writer failed: ValueError"):
        for start in range(0, len(DOCUMENTS), BATCH):
            writer.add_documents(DOCUMENTS[start : start + BATCH])
        writer.add_documents([broken])
        assert writer.parallel
        writer.commit()
    with index.reader() as reader:
        assert reader.doc_count() == 0
    # The lock was let go: a new writer commits.
    later = store.writer(index)
    later.add_document(**DOCUMENTS[0].fields())
    later.commit()
    with index.reader() as reader:
        assert reader.doc_count() == 1


def test_a_worker_failing_early_is_reported_while_batches_are_still_coming(
    tmp_path: Path, few_per_worker: int
) -> None:
    broken = dataclasses.replace(DOCUMENTS[0], record_id="not a number")  # type: ignore[arg-type]
    store = IndexStore(tmp_path / "index")
    with store.locked():
        generation = store.new_generation()
    index = generation.open_index()
    writer = ParallelWriter(store.writer(index), workers=2)
    batches = [[broken], *([d] for d in DOCUMENTS)] * 3
    with pytest.raises(IndexBuildError, match="segment writer failed: ValueError"):
        for batch in batches:
            writer.add_documents(batch)
        writer.commit()
    writer.cancel()
    with index.reader() as reader:
        assert reader.doc_count() == 0


async def test_rebuild_with_workers_equals_the_index_kept_by_the_change_log(
    engine: AsyncEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer.parallel, "MIN_DOCUMENTS_PER_WORKER", 20)
    monkeypatch.setattr(indexer.parallel, "default_workers", lambda: 2)
    await ingest_files(engine, SAMPLES, SEED)
    alone = IndexStore(tmp_path / "alone")
    monkeypatch.setattr(indexer.parallel, "default_workers", lambda: 1)
    await rebuild(engine, alone)
    monkeypatch.setattr(indexer.parallel, "default_workers", lambda: 2)
    spread = IndexStore(tmp_path / "spread")
    await rebuild(engine, spread)
    with spread.open().reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
    assert index_snapshot(spread) == index_snapshot(alone)
    assert contents(spread.open()) == contents(alone.open())
