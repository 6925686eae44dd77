"""The migrations build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

import migrations
from records.db import create_engine
from records.models import Base


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_match_models(database_url: str) -> None:
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_upgrade_is_idempotent_and_reports_head(database_url: str) -> None:
    assert await migrations.current_revision(database_url) is None
    await migrations.upgrade(database_url)
    await migrations.upgrade(database_url)
    assert await migrations.current_revision(database_url) == migrations.head_revision()
