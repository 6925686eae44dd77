"""Throwaway databases: each test's own database (made by ``records.scratch``).

PostgreSQL tests run when ``ASSURANCE_TEST_DATABASE_URL`` names a server database they
may connect to (e.g. postgresql://postgres@127.0.0.1:5432/test); each database made
here is created on that server and dropped, with its connections, afterwards.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

import migrations
from records.scratch import scratch_database

PG_ENV = "ASSURANCE_TEST_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")


@asynccontextmanager
async def throwaway_database(
    backend: str, folder: Path, *, migrated: bool = False
) -> AsyncIterator[str]:
    """The URL of a new database (``migrated``: with the current schema): a SQLite file
    in ``folder``, or a PostgreSQL database dropped when the block ends. Skips the test
    when PostgreSQL is asked for and ``ASSURANCE_TEST_DATABASE_URL`` is not set."""
    server = None
    if backend != "sqlite":
        server = os.environ.get(PG_ENV)
        if not server:
            pytest.skip(f"{PG_ENV} is not set")
    async with scratch_database(server, folder, prefix="assurance_test") as url:
        if migrated:
            await migrations.upgrade(url)
        yield url
