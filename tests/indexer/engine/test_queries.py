"""Queries built for whoosh3 3.54: ``excluding`` matches rightly where ``AndNot`` does not;
``match_all`` matches every live document."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh.fields import ID, TEXT, Schema
from whoosh.index import Index, create_in
from whoosh.query import AndNot, Term

from indexer.engine import excluding, match_all


def small_index(folder: Path, texts: list[str]) -> Index:
    """One document per text, keyed by its number, in one segment."""
    index = create_in(str(folder), Schema(key=ID(stored=True, unique=True), body=TEXT))
    writer = index.writer()
    for n, text in enumerate(texts):
        writer.add_document(key=str(n), body=text)
    writer.commit()
    return index


def keys(index: Index, q: object) -> set[str]:
    with index.searcher() as searcher:
        return {hit["key"] for hit in searcher.search(q, limit=None)}


def test_whooshs_and_not_still_keeps_a_document_it_should_exclude(tmp_path: Path) -> None:
    """Why ``excluding`` is not ``AndNot``; when this fails, AndNot may do again."""
    # The negative side starts (document 0) before the first positive document (1),
    # which it also holds.
    index = small_index(tmp_path, ["neg", "pos neg", "pos"])
    assert keys(index, AndNot(Term("body", "pos"), Term("body", "neg"))) == {"1", "2"}
    assert keys(index, excluding(Term("body", "pos"), Term("body", "neg"))) == {"2"}


def test_excluding_matches_the_set_difference(tmp_path: Path) -> None:
    rng = random.Random(3)
    texts = [" ".join(w for w in ("pos", "neg", "other") if rng.random() < 0.5) for _ in range(300)]
    index = small_index(tmp_path, texts)
    positive = {str(n) for n, t in enumerate(texts) if "pos" in t.split()}
    negative = {str(n) for n, t in enumerate(texts) if "neg" in t.split()}
    assert keys(index, excluding(Term("body", "pos"), Term("body", "neg"))) == positive - negative


def test_match_all_matches_every_live_document(tmp_path: Path) -> None:
    index = small_index(tmp_path, ["a", "b", "c", "d"])
    writer = index.writer()
    writer.delete_by_term("key", "2")
    writer.commit()
    assert keys(index, match_all()) == {"0", "1", "3"}
