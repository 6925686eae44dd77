"""BatchWriter writes the index Whoosh's own SegmentWriter writes, on real index documents;
segments written apart and committed together hold what one writer writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, Schema
from whoosh.index import create_in, open_dir
from whoosh.writing import SegmentWriter

from bench.search_corpus import build_corpus
from indexer.engine import BatchWriter, segment_writer
from indexer.schema import build_schema
from ingest.parse.themes import load_base_glossary

# Enough documents for common words to fill more than one posting block (128).
DOCUMENTS = build_corpus(60, seed=3, glossary=load_base_glossary()).documents


def write(writer_class: type[SegmentWriter], folder: Path, optimize_last: bool) -> Any:
    """Three commits (each deleting a document first), the last one merging or not;
    every term's postings with weights and positions, lengths, stored fields."""
    folder.mkdir()
    index = create_in(str(folder), build_schema())
    thirds = [DOCUMENTS[i::3] for i in range(3)]
    for n, documents in enumerate(thirds):
        writer = writer_class(index)
        writer.delete_by_term("key", DOCUMENTS[n].key)
        for document in documents:
            writer.add_document(**document.fields())
        writer.commit(optimize=optimize_last and n == 2)
    with index.reader() as reader:
        postings = []
        for fieldname, text in reader.all_terms():
            matcher = reader.postings(fieldname, text)
            supports = reader.schema[fieldname].supports("positions")
            postings.append(
                (
                    fieldname,
                    text,
                    list(matcher.items_as("positions" if supports else "weight")),
                    list(reader.postings(fieldname, text).items_as("weight")),
                )
            )
        lengths = {
            name: [reader.doc_field_length(n, name) for n in range(reader.doc_count_all())]
            for name in reader.schema.scorable_names()
        }
        totals = {name: reader.field_length(name) for name in reader.schema.scorable_names()}
        stored = list(reader.all_stored_fields())
        segments = len(list(reader.leaf_readers()))
        return postings, lengths, totals, stored, reader.doc_count(), segments


def test_batch_writer_writes_what_whoosh_writes(tmp_path: Path) -> None:
    for optimize_last in (False, True):
        ours = write(BatchWriter, tmp_path / f"ours-{optimize_last}", optimize_last)
        whoosh = write(SegmentWriter, tmp_path / f"whoosh-{optimize_last}", optimize_last)
        assert ours == whoosh
        assert ours[5] == (1 if optimize_last else 3)
        assert max(len(weights) for *_, weights in ours[0]) > 128


def test_terms_of_one_posting_are_kept_in_the_term_index(tmp_path: Path) -> None:
    write(BatchWriter, tmp_path / "index", optimize_last=True)
    index = open_dir(str(tmp_path / "index"))
    with index.reader() as reader:
        ((leaf, _),) = reader.leaf_readers()
        inlined = []
        for fieldname, text in leaf.all_terms():
            info = leaf._terms.term_info(fieldname, text)
            assert info.is_inlined() == (info.doc_frequency() == 1)
            if info.is_inlined():
                inlined.append((fieldname, text))
                matcher = reader.postings(fieldname, text)
                assert len(list(matcher.all_ids())) == 1
        assert len(inlined) > 100


def test_whooshs_own_inlining_still_calls_a_missing_method(tmp_path: Path) -> None:
    """Why ``BatchWriter`` inlines terms of one posting itself; when this fails, whoosh3
    can do it again (the default ``inlinelimit`` of 1 never tries)."""
    index = create_in(str(tmp_path), Schema(key=ID()))
    writer = SegmentWriter(index, codec=W3Codec(inlinelimit=2))
    writer.add_document(key="only")
    with pytest.raises(AttributeError, match="set_inline"):
        writer.commit()


def contents(folder: Path) -> Any:
    """Every term's postings by document key, stored fields, field lengths and totals:
    what the index holds, whatever the document numbers and segments."""
    index = open_dir(str(folder))
    with index.reader() as reader:
        keys = {n: fields["key"] for n, fields in reader.iter_docs()}
        postings = {
            (fieldname, text): sorted(
                (keys[n], weight)
                for n, weight in reader.postings(fieldname, text).items_as("weight")
            )
            for fieldname, text in reader.all_terms()
        }
        stored = sorted((fields["key"], sorted(fields.items())) for _, fields in reader.iter_docs())
        lengths = {
            name: sorted((keys[n], reader.doc_field_length(n, name)) for n in keys)
            for name in reader.schema.scorable_names()
        }
        totals = {name: reader.field_length(name) for name in reader.schema.scorable_names()}
        return postings, stored, lengths, totals


def test_segments_written_apart_and_committed_together_hold_what_one_writer_writes(
    tmp_path: Path,
) -> None:
    one = tmp_path / "one"
    one.mkdir()
    index = create_in(str(one), build_schema())
    writer = BatchWriter(index)
    for document in DOCUMENTS:
        writer.add_document(**document.fields())
    writer.commit()

    apart = tmp_path / "apart"
    apart.mkdir()
    index = create_in(str(apart), build_schema())
    committing = BatchWriter(index)
    assert committing.location() == (str(apart), index.indexname)
    segments = []
    for part in (DOCUMENTS[0::2], DOCUMENTS[1::2], []):
        worker = segment_writer(str(apart), index.indexname)
        for document in part:
            worker.add_document(**document.fields())
        segments.append(worker.finish_segment())
    assert segments[2] is None  # a writer that added nothing leaves no segment
    committing.commit_segments(segments)
    assert committing.closed
    with index.reader() as reader:
        assert len(list(reader.leaf_readers())) == 2
    assert contents(apart) == contents(one)


def test_a_discarded_segment_is_not_committed(tmp_path: Path) -> None:
    index = create_in(str(tmp_path), build_schema())
    committing = BatchWriter(index)
    worker = segment_writer(str(tmp_path), index.indexname)
    worker.add_document(**DOCUMENTS[0].fields())
    worker.discard()
    kept = segment_writer(str(tmp_path), index.indexname)
    kept.add_document(**DOCUMENTS[1].fields())
    committing.commit_segments([kept.finish_segment()])
    with index.searcher() as searcher:
        assert [fields["key"] for fields in searcher.all_stored_fields()] == [DOCUMENTS[1].key]


class SpillingWriter(BatchWriter):
    """A ``BatchWriter`` whose pool holds 500 postings at most: run files from the first
    documents on. Counts the run files its commits merged."""

    runs_merged = 0

    def __init__(self, index: Any, **kwargs: Any) -> None:
        super().__init__(index, pool_postings=500, **kwargs)

    def _write_postings(self, lengths: Any) -> None:
        SpillingWriter.runs_merged += len(self.terms.runs)
        super()._write_postings(lengths)


def test_a_pool_past_its_bound_writes_runs_to_disk_and_the_same_index(tmp_path: Path) -> None:
    for optimize_last in (False, True):
        SpillingWriter.runs_merged = 0
        spilling = write(SpillingWriter, tmp_path / f"spilling-{optimize_last}", optimize_last)
        whoosh = write(SegmentWriter, tmp_path / f"whoosh-{optimize_last}", optimize_last)
        assert spilling == whoosh
        # Three commits of about 4,500 postings each (26 runs), and a merge of them all.
        assert SpillingWriter.runs_merged >= (40 if optimize_last else 20)


def test_a_pools_run_files_are_closed_by_the_commit_and_by_a_cancel(tmp_path: Path) -> None:
    index = create_in(str(tmp_path), build_schema())
    for end in ("commit", "cancel"):
        writer = BatchWriter(index, pool_postings=500)
        for document in DOCUMENTS[:20]:
            writer.add_document(**document.fields())
        runs = list(writer.terms.runs)
        assert runs and all(run.name and not run.closed for run in runs)
        getattr(writer, end)()
        assert all(run.closed for run in runs) and not writer.terms.runs
    assert sorted(p.suffix for p in tmp_path.iterdir() if "postings" in p.name) == []
