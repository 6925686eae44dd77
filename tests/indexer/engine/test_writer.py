"""BatchWriter writes the index Whoosh's own SegmentWriter writes, on real index documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh.fields import TEXT
from whoosh.index import create_in, open_dir
from whoosh.writing import SegmentWriter

from bench.search_corpus import build_corpus
from indexer.analysis import AnalysedText
from indexer.documents import IndexDocument
from indexer.schema import build_schema
from indexer.writer import BatchWriter
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


def test_every_document_indexes_as_through_the_analyzers() -> None:
    schema = build_schema()
    document: IndexDocument
    for document in DOCUMENTS:
        analysed = AnalysedText(document.text)
        for fieldname, value in (
            ("title", document.title),
            ("text", analysed),
            ("exact", analysed),
            ("pairs", analysed),
        ):
            field = schema[fieldname]
            assert sorted(field.index(value)) == sorted(TEXT.index(field, str(value)))


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
