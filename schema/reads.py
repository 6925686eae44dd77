"""The reads of one request: Core statements on one database connection.

Read paths select table rows (with SQLAlchemy Core, handed on as named tuples, read by
attribute like the models) rather than ORM objects: a page of meetings with their items
and actions is hundreds of rows, and the ORM's identity map, instance state and session
per batch cost more than the SQL. While a query operation runs (``OneReadConnection``), every
statement of the request goes through one connection and one transaction, one at a
time (sibling loaders run concurrently; a connection runs one statement at a time), so
the request pays for one checkout and reads one snapshot. Outside that (a mutation,
whose writes commit on their own connections and whose answer must see them), each
statement takes a connection of its own.

On a SQLite file, the statements of a query operation run in the event loop's own
thread, on a connection of a synchronous engine on the same file (``sqlite_reader``):
through aiosqlite each statement is four hand-offs to its thread and back, and on a
busy machine each hand-off waits to be scheduled, which cost a page of meetings more
than its SQL (a few milliseconds of reads in WAL mode, which never wait for writers).
"""

from __future__ import annotations

import asyncio
import weakref
from collections import namedtuple
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Executable, Result, create_engine, event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import QueuePool
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from records.db import SQLITE_BUSY_TIMEOUT_MS

# The synchronous engine reading each SQLite engine's file (``sqlite_reader``), dropped
# with it.
_READERS: weakref.WeakKeyDictionary[AsyncEngine, Engine] = weakref.WeakKeyDictionary()


def sqlite_reader(engine: AsyncEngine) -> Engine | None:
    """A synchronous engine (pysqlite) on the SQLite file ``engine`` opens, to read in
    the event loop's thread; None for another database or one in memory.

    Its connections begin their transactions with ``BEGIN`` as ``records.db``'s do, so
    that the statements of one request read one snapshot, and wait for a lock as long.
    Its pool keeps as many connections as ``engine``'s: each query operation holds one
    while it runs, and one past the pool's size would be opened and closed again.
    """
    url = engine.url
    if engine.dialect.name != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.query.get("mode") == "memory":
        return None
    reader = _READERS.get(engine)
    if reader is None:
        pool = engine.sync_engine.pool
        sizes = (
            {"pool_size": pool.size(), "max_overflow": getattr(pool, "_max_overflow", 10)}
            if isinstance(pool, QueuePool)
            else {}
        )
        reader = create_engine(
            url.set(drivername="sqlite+pysqlite"),
            connect_args={"check_same_thread": False},
            **sizes,
        )
        event.listen(reader, "connect", _on_connect)
        event.listen(reader, "begin", _on_begin)
        _forward_statements(reader, engine)
        _READERS[engine] = reader
    return reader


def _forward_statements(reader: Engine, engine: AsyncEngine) -> None:
    """Statements the reader sends are also told to the listeners of ``engine`` (what
    counts statements per request counts them)."""
    owner = weakref.ref(engine.sync_engine)

    def before(*args: Any) -> None:
        if (found := owner()) is not None:
            found.dispatch.before_cursor_execute(*args)

    def after(*args: Any) -> None:
        if (found := owner()) is not None:
            found.dispatch.after_cursor_execute(*args)

    event.listen(reader, "before_cursor_execute", before)
    event.listen(reader, "after_cursor_execute", after)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _on_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def plain_rows(result: Result[Any]) -> list[Any]:
    """Every row of ``result`` as a named tuple (read by attribute and by position as a
    ``Row`` is): reading a ``Row``'s attribute looks its name up in the result's keys
    each time, about ten times the cost of a named tuple's, and a page reads thousands."""
    keys = tuple(result.keys())
    make = _ROW_TYPES.get(keys)
    if make is None:
        try:
            make = namedtuple("Record", keys)._make  # type: ignore[attr-defined]
        except ValueError:  # a name a named tuple cannot have: the rows as they are
            return list(result.all())
        _ROW_TYPES[keys] = make
    return list(map(make, result.all()))


# The named-tuple type of each list of column names, made when first seen.
_ROW_TYPES: dict[tuple[str, ...], Callable[[Any], Any]] = {}


class RequestReads:
    """Run read statements for one request (see the module docstring)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._lock = asyncio.Lock()
        self._holding = False
        self._connection: AsyncConnection | None = None
        self._reader = sqlite_reader(engine)
        self._read_connection: Connection | None = None

    async def rows(
        self, statement: Executable, parameters: dict[str, Any] | None = None
    ) -> Sequence[Any]:
        """Every row ``statement`` selects (with ``parameters``, the values of its bound
        parameters).

        The statement runs to its end even when the resolver waiting for it is cancelled
        (graphql-core cancels a failed field's siblings): asyncpg leaves a connection
        whose statement was cut off unusable, and the pool would hand it to the next
        request (tests/api/test_fuzz_graphql.py found the 500 that followed). On a
        SQLite file within ``held``, it runs at once, in this thread."""
        if self._holding and self._reader is not None:
            if self._read_connection is None:
                self._read_connection = self._reader.connect()
            return plain_rows(self._read_connection.execute(statement, parameters))
        return await asyncio.shield(self._rows(statement, parameters))

    async def _rows(
        self, statement: Executable, parameters: dict[str, Any] | None
    ) -> Sequence[Any]:
        async with self._lock:
            if self._holding:
                if self._connection is None:
                    self._connection = await self._engine.connect()
                return plain_rows(await self._connection.execute(statement, parameters))
        async with self._engine.connect() as connection:
            return plain_rows(await connection.execute(statement, parameters))

    async def scalar(self, statement: Executable, parameters: dict[str, Any] | None = None) -> Any:
        """The first column of the first row ``statement`` selects (None without rows)."""
        found = await self.rows(statement, parameters)
        return found[0][0] if found else None

    @asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        """Within the block, every statement runs on one connection, in one transaction,
        which ends (rolled back: reads only) when the block does."""
        self._holding = True
        try:
            yield
        finally:
            async with self._lock:  # after the statements still running
                self._holding = False
                connection, self._connection = self._connection, None
                if connection is not None:
                    await connection.close()
                read_connection, self._read_connection = self._read_connection, None
                if read_connection is not None:
                    read_connection.close()


class OneReadConnection(SchemaExtension):
    """Query operations read through one connection (``RequestReads.held``)."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        reads = getattr(context, "reads", None)
        if not isinstance(reads, RequestReads) or (
            self.execution_context.operation_type is not OperationType.QUERY
        ):
            yield
            return
        async with reads.held():
            yield
