"""SQLite in the event loop's own thread, for bulk writers that own their process.

aiosqlite runs each connection in a thread of its own and hands every call to it
through a queue: opening a cursor, executing, fetching and closing are each a round
trip between threads, about seven per statement. A bulk ingest writes tens of
statements per file, and on a busy machine each round trip waits for the scheduler:
storing 200 files took 70 s of wall clock for 14 s of CPU.

``inline_engine`` makes an engine on the same database whose connections answer the
same calls as an aiosqlite connection (the ones SQLAlchemy's aiosqlite dialect makes),
but run each one at once, in the calling thread. A statement then blocks the event
loop while it runs, and a write transaction that waits for another writer's lock
(``busy_timeout``) blocks it for as long: fit for a command that writes in bulk, not
for a server answering requests.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


class _Cursor:
    """An aiosqlite cursor's coroutines over a sqlite3 cursor, run at once."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> _Cursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Any = None) -> _Cursor:
        if parameters is None:
            self._cursor.execute(sql)
        else:
            self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> _Cursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        if size is None:
            return self._cursor.fetchmany()
        return self._cursor.fetchmany(size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def nextset(self) -> None:
        return None

    async def setinputsizes(self, *_: Any) -> None:
        return None

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _Calls:
    """Stands in for aiosqlite's queue of calls: each call runs as it is put."""

    def put_nowait(self, call: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = call
        try:
            result = function()
        except Exception as error:
            future.set_exception(error)
        else:
            future.set_result(result)


class InlineConnection:
    """What SQLAlchemy's aiosqlite dialect uses of an aiosqlite connection, run in the
    calling thread (see the module)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._connection: sqlite3.Connection | None = conn
        self._tx = _Calls()

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> _Cursor:
        return _Cursor(self._conn.cursor())

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection = None
            self._conn.close()

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)


def inline_engine(engine: AsyncEngine, configure: Callable[[AsyncEngine], None]) -> AsyncEngine:
    """An engine on ``engine``'s SQLite database whose statements run in the calling
    thread; ``configure`` sets it up as ``engine`` was (pragmas, BEGIN)."""
    database = make_url(engine.url).database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        raise ValueError("an inline engine needs a SQLite database file")

    async def connect() -> InlineConnection:
        return InlineConnection(sqlite3.connect(database, check_same_thread=False))

    inline = create_async_engine(engine.url, async_creator=connect, pool_size=1, max_overflow=0)
    configure(inline)
    return inline


__all__: Sequence[str] = ("InlineConnection", "inline_engine")
