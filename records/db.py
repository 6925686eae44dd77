"""Engine and session factory for SQLite (embedded default) and PostgreSQL.

SQLite runs in WAL mode with foreign keys on. The driver's own transaction
handling is switched off and BEGIN is emitted here, so that write sessions can
take ``BEGIN IMMEDIATE`` and concurrent writers wait (``busy_timeout``) instead of
failing with "database is locked".
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from records.inline_sqlite import inline_engine

SQLITE_BUSY_TIMEOUT_MS = 30_000
# Serialises writers on PostgreSQL so that change-log positions commit in order.
WRITE_LOCK_KEY = 7_240_113

# Called as a write transaction begins in this context. A server sets it so that a
# request whose write has begun is not stopped by its time budget: stopping it then
# would answer "failed" for a write that commits (or has committed) all the same.
on_write: ContextVar[Callable[[], None] | None] = ContextVar("on_write", default=None)


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def async_url(url: str) -> str:
    """Map a plain database URL to its asyncio driver (postgresql:// -> postgresql+asyncpg://)."""
    parsed = make_url(url)
    driver = {"postgresql": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite"}.get(
        parsed.drivername
    )
    if driver:
        parsed = parsed.set(drivername=driver)
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    url = async_url(url)
    engine = create_async_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def bulk_engine(engine: AsyncEngine) -> AsyncEngine:
    """The engine a bulk writer that owns its process should write through: on a SQLite
    file, one whose statements run in the calling thread (``records.inline_sqlite``:
    no round trip to a driver thread per call); elsewhere ``engine`` itself. The caller
    disposes of it when it is not ``engine``."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return engine
    return inline_engine(engine, _configure_sqlite)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def write_session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """One write transaction: committed when the block ends, rolled back on any error.

    Writers are serialised (``BEGIN IMMEDIATE`` on SQLite, an advisory
    transaction lock on PostgreSQL), which keeps change-log positions in commit order.
    """
    if (started := on_write.get()) is not None:
        started()
    writer = engine.execution_options(write=True)
    async with AsyncSession(writer, expire_on_commit=False) as session, session.begin():
        if engine.dialect.name == "postgresql":
            await session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
        yield session
