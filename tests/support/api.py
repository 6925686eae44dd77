"""The HTTP API in tests: the app running in process or served by uvicorn, keys, the seed
ingested, requests."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import uvicorn
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


@asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[str]:
    """``app`` served by uvicorn (lifespan on) on a free loopback port; yields its GraphQL URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, lifespan="on", log_config=None, access_log=False))

    async def serve() -> None:
        try:
            await server.serve(sockets=[sock])
        except SystemExit as stopped:  # uvicorn's way of reporting a failed startup
            raise RuntimeError(f"the server did not start (exit {stopped.code})") from stopped

    task = asyncio.create_task(serve())
    try:
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("the server stopped before it started")
            await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task
        sock.close()
