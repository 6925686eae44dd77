"""Fields that make their own postings (positions or frequencies encoded through the
engine) index what Whoosh's TEXT field makes through the analyzers."""

from __future__ import annotations

from whoosh.fields import TEXT

from bench.search_corpus import build_corpus
from indexer.analysis import AnalysedText
from indexer.documents import IndexDocument
from indexer.engine import frequency_value, positions_encoder
from indexer.schema import build_schema
from ingest.parse.themes import load_base_glossary

DOCUMENTS = build_corpus(60, seed=3, glossary=load_base_glossary()).documents


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


def test_positions_and_frequencies_read_back_through_the_fields_formats() -> None:
    schema = build_schema()
    for fieldname in ("title", "exact"):  # phrases: positions kept
        field = schema[fieldname]
        encode = positions_encoder(field)
        assert encode is not None and field.format is not None
        for positions in ([0], [0, 3, 70], list(range(0, 4000, 7))):
            value = encode(positions)
            assert field.format.decode_positions(value) == positions
            assert field.format.decode_frequency(value) == len(positions)
    for fieldname in ("text", "pairs"):  # frequencies only
        field = schema[fieldname]
        assert positions_encoder(field) is None and field.format is not None
        for freq in (1, 2, 63, 64, 1000):
            assert field.format.decode_frequency(frequency_value(freq)) == freq
