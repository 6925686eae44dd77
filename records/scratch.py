"""Scratch databases for benchmarks and tests: made empty, dropped afterwards.

The one place a database of its own is created on a PostgreSQL server (and dropped, with
its connections, when the block ends); without a server URL it is a SQLite file.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from records.db import async_url, sqlite_url


@asynccontextmanager
async def scratch_database(
    server_url: str | None, folder: Path, *, prefix: str = "assurance_scratch"
) -> AsyncIterator[str]:
    """The URL of a new, empty database: a SQLite file in ``folder`` when ``server_url`` is
    empty, else a database named ``<prefix>_<random>`` on that PostgreSQL server."""
    if not server_url:
        folder.mkdir(parents=True, exist_ok=True)
        yield sqlite_url(folder / "assurance.db")
        return
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(async_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()
