"""Opening the database for a command: migrate an empty one, refuse an outdated one."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from api.settings import Settings
from records.db import create_engine

# Connections each process keeps open. A request checks out a connection for each of
# its DataLoader batches and each write, so a few requests at once need more than
# SQLAlchemy's default of 5: past the pool size, every connection is opened for one use
# and closed again (on PostgreSQL, a new server process each time). Two API workers
# with a full pool and overflow hold 60 connections (PostgreSQL allows 100 by default).
POOL_SIZE = 20
MAX_OVERFLOW = 10


class DatabaseNotReady(RuntimeError):
    pass


async def open_database(settings: Settings) -> AsyncEngine:
    """An engine on a database at the newest schema revision.

    An empty database is migrated on the spot; one at an older revision is
    left alone with a clear message (``assurance db upgrade`` migrates it).
    """
    settings.ensure_data_dir()
    url = settings.resolved_database_url
    current = await migrations.current_revision(url)
    if current is None:
        await migrations.upgrade(url)
    elif current != migrations.head_revision():
        raise DatabaseNotReady(
            f"database schema is at revision {current}, this version needs "
            f"{migrations.head_revision()}: run `assurance db upgrade`"
        )
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)
