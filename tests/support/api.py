"""The HTTP API in tests: the app running in process, keys, the seed ingested, requests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from api.auth import Role, create_key
from api.database import open_database
from api.settings import Settings
from ingest.pipeline import ingest_paths
from tests.support.paths import SEED

BASE_URL = "http://testserver"
# ``client_for``: ``async with client_for(**setting_overrides, **create_app_kwargs)``.
ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def ingest_seed(settings: Settings) -> None:
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [SEED])
        assert not summary.failed, [r.error for r in summary.failed]
    finally:
        await engine.dispose()


async def make_key(settings: Settings, role: Role) -> str:
    engine = await open_database(settings)
    try:
        return (await create_key(engine, name=f"test {role}", role=role))[1]
    finally:
        await engine.dispose()


@asynccontextmanager
async def running(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan started, and a client talking to it in process."""
    async with (
        LifespanManager(app, startup_timeout=120) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app), base_url=BASE_URL
        ) as client,
    ):
        yield client


def graphql(query: str, **variables: Any) -> dict[str, Any]:
    return {"query": query, "variables": variables}
