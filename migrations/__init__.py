"""Alembic migrations: the only way the schema of a database changes.

``upgrade(url)`` brings any database (SQLite or PostgreSQL) to the newest
revision. On SQLite, foreign keys are switched off while migrating (batch table
rebuilds would otherwise cascade-delete child rows) and checked afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from records.db import create_engine

SCRIPT_LOCATION = Path(__file__).parent


class MigrationError(RuntimeError):
    pass


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def upgrade(url: str, revision: str = "head") -> None:
    """Apply migrations up to ``revision``; does nothing when already there."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _foreign_keys_off(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.cursor().execute("PRAGMA foreign_keys=OFF")

    config = alembic_config(url)

    def run(connection: Connection) -> None:
        if revision == "head" and _current_revision(connection) == head_revision():
            return
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    try:
        async with engine.begin() as conn:
            await conn.run_sync(run)
            if engine.dialect.name == "sqlite":
                problems = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise MigrationError(f"foreign key check failed after migrating: {problems}")
    finally:
        await engine.dispose()


async def current_revision(url: str) -> str | None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            return await conn.run_sync(_current_revision)
    finally:
        await engine.dispose()
