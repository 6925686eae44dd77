"""The server's database connections: several requests at once reuse the pool's connections."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.pool import QueuePool

from api.app import create_app
from api.database import POOL_SIZE
from api.settings import Settings
from schema.reads import sqlite_reader
from tests.support.api import graphql, ingest_seed, running

# A front-end page: a query operation reads through one connection, held while it runs.
LINKED = """
{ meetings(first: 5) { edges { node {
    title chair { name } themes { code }
    items { number title actions { reference owners { name } } }
    actions { reference history { text } }
    metrics { value unit }
} } } }
"""
REQUESTS_AT_ONCE = 8


async def _burst(client: httpx.AsyncClient) -> None:
    responses = await asyncio.gather(
        *(client.post("/graphql", json=graphql(LINKED)) for _ in range(REQUESTS_AT_ONCE))
    )
    for response in responses:
        assert response.status_code == 200
        body = response.json()
        assert "errors" not in body, body
        assert body["data"]["meetings"]["edges"]


async def test_requests_at_once_keep_their_connections_open_in_the_pool(
    settings: Settings,
) -> None:
    await ingest_seed(settings)
    app = create_app(settings)
    async with running(app) as client:
        engine = app.state.assurance.engine
        # On a SQLite file, query operations read through a synchronous engine's pool.
        reader = sqlite_reader(engine)
        pool = reader.pool if reader is not None else engine.sync_engine.pool
        assert isinstance(pool, QueuePool)
        kept = pool.checkedin()  # opened while the app started
        opened: list[Any] = []
        closed: list[Any] = []
        event.listen(pool, "connect", lambda dbapi, _: opened.append(dbapi))
        event.listen(pool, "close", lambda dbapi, _: closed.append(dbapi))

        for _ in range(3):
            await _burst(client)

        # Each request holds a connection while it runs, so requests at once hold several:
        # more than SQLAlchemy's default pool of 5 keeps, fewer than this pool keeps.
        assert 5 < len(opened) <= POOL_SIZE
        assert closed == []  # none was closed after one use, to be opened again
        # Every request gave its connection back; on PostgreSQL the change-log position's
        # own connection (api/positions.py) stays out for the app's life.
        position_connections = 1 if engine.dialect.name == "postgresql" else 0
        assert pool.checkedout() == position_connections
        assert pool.checkedin() == kept + len(opened) - position_connections
