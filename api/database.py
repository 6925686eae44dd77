"""Opening the database for a command: migrate an empty one, refuse an outdated one."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from api.settings import Settings
from records.db import create_engine


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
    return create_engine(url)
