"""The migrations build the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

import migrations
from records.db import create_engine, session_factory
from records.models import Base, Meeting

JUNE_5 = dt.date(2019, 6, 5)
JUNE_6 = dt.date(2019, 6, 6)


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


MEETING_DEFAULTS: dict[str, Any] = {
    "title": "Monthly Assurance Meeting",
    "chair_id": None,
    "kind": "MONTHLY_ASSURANCE",
    "warnings": [],
    "created_at": dt.datetime(2019, 6, 5, tzinfo=dt.UTC),
    "updated_at": dt.datetime(2019, 6, 5, tzinfo=dt.UTC),
}

# The tables as revision 0001 made them, with just the columns these tests write.
people_0001 = sa.table(
    "people",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("name_key", sa.String),
)
meetings_0001 = sa.table(
    "meetings",
    sa.column("title", sa.String),
    sa.column("kind", sa.String),
    sa.column("date", sa.Date),
    sa.column("body_key", sa.String),
    sa.column("chair_id", sa.Integer),
    sa.column("warnings", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)),
)


async def _downgrade(url: str, revision: str) -> None:
    """Downgrade as ``migrations.upgrade`` upgrades: on SQLite, with foreign keys off."""
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine.sync_engine, "connect")
        def _foreign_keys_off(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.cursor().execute("PRAGMA foreign_keys=OFF")

    config = migrations.alembic_config(url)

    def run(connection: Connection) -> None:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    try:
        async with engine.begin() as conn:
            await conn.run_sync(run)
    finally:
        await engine.dispose()


def _unique_constraints(connection: Connection) -> list[tuple[str | None, list[str]]]:
    return [
        (c["name"], c["column_names"])
        for c in sa.inspect(connection).get_unique_constraints("meetings")
    ]


def _keeps_ids_unique(connection: Connection) -> bool:
    """On SQLite, whether the meetings table still has AUTOINCREMENT (no id reuse)."""
    if connection.dialect.name != "sqlite":
        return True
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'meetings'"
    ).scalar_one()
    return "AUTOINCREMENT" in sql


async def test_upgrade_gives_existing_meetings_their_identity(database_url: str) -> None:
    await migrations.upgrade(database_url, "0001")
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            chair_id = await conn.scalar(
                people_0001.insert()
                .values(name="Ian Greer", name_key="ian greer")
                .returning(people_0001.c.id)
            )
            await conn.execute(
                meetings_0001.insert(),
                [
                    {**MEETING_DEFAULTS, "date": JUNE_5, "body_key": "northshire"},
                    {**MEETING_DEFAULTS, "date": JUNE_5, "body_key": "", "chair_id": chair_id},
                    {**MEETING_DEFAULTS, "date": JUNE_6, "body_key": ""},
                ],
            )
        await migrations.upgrade(database_url)
        async with session_factory(engine)() as session:
            keys = await session.execute(
                select(Meeting.date, Meeting.body_key, Meeting.identity_key)
            )
            assert sorted(tuple(k) for k in keys) == [
                (JUNE_5, "", "chair:ian greer"),
                (JUNE_5, "northshire", "northshire"),
                (JUNE_6, "", ""),
            ]
        async with engine.begin() as conn:
            assert await conn.run_sync(_unique_constraints) == [
                ("uq_meetings_identity_key_kind_date", ["identity_key", "kind", "date"])
            ]
            assert await conn.run_sync(_keeps_ids_unique)
            # Another body's minutes without a body, same kind and date: a meeting of its own.
            await conn.execute(
                sa.insert(Meeting),
                [{**MEETING_DEFAULTS, "date": JUNE_5, "identity_key": "chair:mohammed gill"}],
            )
        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(
                    sa.insert(Meeting),
                    [{**MEETING_DEFAULTS, "date": JUNE_5, "identity_key": "chair:ian greer"}],
                )
    finally:
        await engine.dispose()


async def test_downgrade_restores_the_body_constraint(database_url: str) -> None:
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(Meeting),
                [{**MEETING_DEFAULTS, "date": JUNE_5, "body_key": "northshire"}],
            )
        await _downgrade(database_url, "0001")
        assert await migrations.current_revision(database_url) == "0001"
        async with engine.begin() as conn:
            assert await conn.run_sync(_unique_constraints) == [
                ("uq_meetings_body_key_kind_date", ["body_key", "kind", "date"])
            ]
            assert await conn.run_sync(_keeps_ids_unique)
            rows = (await conn.execute(sa.select(meetings_0001.c.body_key))).all()
            assert [tuple(r) for r in rows] == [("northshire",)]
        await migrations.upgrade(database_url)
        assert await migrations.current_revision(database_url) == migrations.head_revision()
    finally:
        await engine.dispose()


async def test_meetings_may_have_no_date_and_downgrade_refuses_while_one_has_none(
    database_url: str,
) -> None:
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(Meeting),
                [
                    {**MEETING_DEFAULTS, "date": None, "identity_key": "northshire"},
                    {**MEETING_DEFAULTS, "date": None, "identity_key": "northshire"},
                    {**MEETING_DEFAULTS, "date": JUNE_5, "identity_key": "northshire"},
                ],
            )
            assert await conn.run_sync(_keeps_ids_unique)
        with pytest.raises(RuntimeError, match=re.escape("2 meeting(s) have no date")):
            await _downgrade(database_url, "0002")
        assert await migrations.current_revision(database_url) == migrations.head_revision()
        async with engine.begin() as conn:
            await conn.execute(sa.delete(Meeting).where(Meeting.date.is_(None)))
        await _downgrade(database_url, "0002")
        async with engine.begin() as conn:
            assert [tuple(r) for r in await conn.execute(sa.select(Meeting.date))] == [(JUNE_5,)]
    finally:
        await engine.dispose()


async def test_upgrade_tells_a_commissioners_fire_board_from_the_police_board(
    database_url: str,
) -> None:
    await migrations.upgrade(database_url, "0009")
    engine = create_engine(database_url)
    boards = {
        "Police Accountability Board": "eastshire",
        "Fire Accountability Board": "eastshire",
        "Police, Fire and Crime Panel": "eastshire",
        "Firearms Licensing Board": "eastshire",
        "Fire Authority Minutes": "eastshire fire and rescue authority",
        "Fire Resources Board": "chair:ian greer",
    }
    try:
        async with engine.begin() as conn:
            await conn.execute(
                sa.insert(Meeting),
                [
                    {
                        **MEETING_DEFAULTS,
                        "date": JUNE_5 + dt.timedelta(days=day),
                        "title": title,
                        "identity_key": key,
                    }
                    for day, (title, key) in enumerate(boards.items())
                ],
            )
        await migrations.upgrade(database_url)
        query = sa.select(Meeting.title, Meeting.identity_key)
        async with engine.begin() as conn:
            assert dict(tuple(r) for r in await conn.execute(query)) == {
                **boards,
                "Fire Accountability Board": "eastshire/fire",
            }
        await _downgrade(database_url, "0009")
        async with engine.begin() as conn:
            assert dict(tuple(r) for r in await conn.execute(query)) == boards
    finally:
        await engine.dispose()
