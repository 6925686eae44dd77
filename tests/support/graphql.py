"""GraphQL in tests: the schema, a searcher factory over a corpus, and query execution."""

from __future__ import annotations

import threading
from typing import Any

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.search import Searcher
from indexer.storage import IndexStore
from records.db import session_factory
from records.glossary import load_glossary
from schema import build_schema
from schema.context import Context, SearcherFactory

SCHEMA: strawberry.Schema = build_schema()


async def searcher_factory(engine: AsyncEngine, store: IndexStore) -> SearcherFactory:
    """One Searcher per thread, refreshed on every use (as a server keeps them)."""
    async with session_factory(engine)() as session:
        glossary = await load_glossary(session)
    local = threading.local()

    def get() -> Searcher:
        searcher: Searcher | None = getattr(local, "searcher", None)
        if searcher is None:
            searcher = Searcher(store.open(), glossary)
            local.searcher = searcher
        else:
            searcher.refresh()
        return searcher

    return get


async def run(
    context: Context, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The data of a query that must succeed."""
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    assert result.errors is None, [e.formatted for e in result.errors]
    assert result.data is not None
    return result.data


async def errors(
    context: Context, query: str, variables: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The errors of a query that must fail."""
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    assert result.errors, "expected errors"
    return [dict(e.formatted) for e in result.errors]


def nodes(connection: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in connection["edges"]]
