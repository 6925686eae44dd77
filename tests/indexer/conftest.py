"""Fixtures for index tests: databases with the samples and the seed ingested, and their index.

``indexed_corpus`` is built once per test session and backend (SQLite, and PostgreSQL
when ``ASSURANCE_TEST_DATABASE_URL`` is set): tests that use it must only read.
Tests that change the database or the index use ``engine`` (a fresh database) with
``ingest_files`` and an ``IndexStore`` of their own under ``tmp_path``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

import migrations
from indexer.storage import IndexStore
from indexer.sync import apply_changes
from ingest.pipeline import IngestSummary, ingest_paths
from records.db import async_url, create_engine, sqlite_url
from tests.conftest import PG_ENV, SAMPLES, SEED

CORPUS = (SAMPLES, SEED)


@dataclass(frozen=True)
class IndexedCorpus:
    """A database holding the samples and the seed, and an index fully caught up with it."""

    database_url: str
    engine: AsyncEngine
    store: IndexStore
    ingest: IngestSummary


async def ingest_files(engine: AsyncEngine, *paths: Path) -> IngestSummary:
    """Ingest files or folders; fails the test if any file fails."""
    summary = await ingest_paths(engine, list(paths))
    assert not summary.failed, [(r.path.name, r.error) for r in summary.failed]
    return summary


def index_snapshot(store: IndexStore) -> dict[str, dict[str, Any]]:
    """Every document of the CURRENT generation: key -> stored fields."""
    index = store.open()
    try:
        with index.searcher() as searcher:
            return {fields["key"]: fields for fields in searcher.all_stored_fields()}
    finally:
        index.close()


@asynccontextmanager
async def _database(backend: str, folder: Path) -> AsyncIterator[str]:
    """A fresh, migrated database: a SQLite file, or a PostgreSQL database dropped afterwards."""
    if backend == "sqlite":
        url = sqlite_url(folder / "assurance.db")
        await migrations.upgrade(url)
        yield url
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} is not set")
    name = f"assurance_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(async_url(server), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        await migrations.upgrade(url)
        yield url
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
async def indexed_corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[IndexedCorpus]:
    """The samples and the seed, ingested and indexed once per session; read only."""
    folder = tmp_path_factory.mktemp(f"indexed-{request.param}")
    async with _database(request.param, folder) as url:
        engine = create_engine(url)
        try:
            summary = await ingest_files(engine, *CORPUS)
            store = IndexStore(folder / "index")
            await apply_changes(engine, store)
            yield IndexedCorpus(url, engine, store, summary)
        finally:
            await engine.dispose()
