"""A database that cannot be reached while a query or mutation resolves gives its code.

The app starts on a working database, which the request's start (the caller's key, the
read cache's change-log position) reads; the resolvers' own connections go to a real
PostgreSQL URL on a loopback port nothing listens on, as during an outage that begins
after the request started. The error is not masked as an internal one: it says the
database cannot be reached, with the code ``DATABASE_UNAVAILABLE`` (as a request
finding the database down at its start gets), and is not counted as an unexpected one.
"""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from starlette.requests import Request

from api.app import AppState, default_context
from api.auth import Caller, Role
from api.readiness import DATABASE_UNAVAILABLE
from api.settings import Settings
from records.db import create_engine
from schema.context import Context
from tests.support.api import ClientFactory, graphql, make_key

READ = "{ meetings(first: 1) { totalCount } }"
UPDATE = 'mutation($id: ID!) { updateAction(id: $id, note: "checked") { errors { code } } }'
NO_ACTION = "QWN0aW9uOjk5OTk5OQ=="  # Action:999999


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def _unreachable_context() -> AsyncIterator[Callable[..., Any]]:
    """The app's own context factory, with the resolvers' engine swapped for one whose
    database cannot be reached."""
    engine = create_engine(f"postgresql://postgres@127.0.0.1:{_closed_port()}/test")

    async def context(state: AppState, request: Request, caller: Caller | None) -> object:
        made = await default_context(state, request, caller)
        assert isinstance(made, Context)
        return dataclasses.replace(made, engine=engine)

    try:
        yield context
    finally:
        await engine.dispose()


def _unavailable(response: httpx.Response) -> None:
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": DATABASE_UNAVAILABLE}, error
    assert "database cannot be reached" in error["message"], error


async def test_a_database_lost_while_resolving_is_reported_with_its_code(
    settings: Settings, client_for: ClientFactory
) -> None:
    editor = await make_key(settings, Role.EDITOR)
    async with _unreachable_context() as context, client_for(context_factory=context) as client:
        read = await client.post("/graphql", json=graphql(READ))
        _unavailable(read)
        assert read.json()["data"] is None
        update = await client.post(
            "/graphql",
            json=graphql(UPDATE, id=NO_ACTION),
            headers={"Authorization": f"Bearer {editor}"},
        )
        _unavailable(update)
        metrics = (await client.get("/metrics")).text
        assert "assurance_graphql_internal_errors_total 0.0" in metrics, metrics
