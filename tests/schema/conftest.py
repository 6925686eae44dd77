"""Fixtures for schema tests: a request context over the indexed samples and seed."""

from __future__ import annotations

import pytest

from schema.context import Context
from tests.support.graphql import searcher_factory
from tests.support.records import IndexedCorpus


@pytest.fixture
async def corpus_context(indexed_corpus: IndexedCorpus) -> Context:
    """A fresh request context (new loaders) over the read-only corpus."""
    searcher = await searcher_factory(indexed_corpus.engine, indexed_corpus.store)
    return Context(engine=indexed_corpus.engine, searcher=searcher, role="reader")
