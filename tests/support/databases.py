"""Throwaway databases: the one place tests create (and drop) a database of their own.

PostgreSQL tests run when ``ASSURANCE_TEST_DATABASE_URL`` names a server database they
may connect to (e.g. postgresql://postgres@127.0.0.1:5432/test); each database made
here is created on that server and dropped, with its connections, afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

import migrations
from records.db import async_url, sqlite_url

PG_ENV = "ASSURANCE_TEST_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")


@asynccontextmanager
async def throwaway_database(
    backend: str, folder: Path, *, migrated: bool = False
) -> AsyncIterator[str]:
    """The URL of a new database (``migrated``: with the current schema): a SQLite file
    in ``folder``, or a PostgreSQL database dropped when the block ends. Skips the test
    when PostgreSQL is asked for and ``ASSURANCE_TEST_DATABASE_URL`` is not set."""
    if backend == "sqlite":
        url = sqlite_url(folder / "assurance.db")
        if migrated:
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
        if migrated:
            await migrations.upgrade(url)
        yield url
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()
