"""Fixtures for the HTTP API: settings on a fresh database, the app running, a client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from api.app import create_app
from api.auth import Role, create_key
from api.database import open_database
from api.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import SEED

BASE_URL = "http://testserver"
ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "var", database_url=database_url, index_sync_seconds=0)


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


@pytest.fixture
def client_for(settings: Settings) -> ClientFactory:
    """``async with client_for(**setting_overrides, **create_app_kwargs) as client``."""

    @asynccontextmanager
    async def factory(**kwargs: Any) -> AsyncIterator[httpx.AsyncClient]:
        app_kwargs = {
            k: kwargs.pop(k) for k in ("schema_factory", "context_factory") if k in kwargs
        }
        app = create_app(settings.model_copy(update=kwargs), **app_kwargs)
        async with running(app) as client:
            yield client

    return factory


def graphql(query: str, **variables: Any) -> dict[str, Any]:
    return {"query": query, "variables": variables}
