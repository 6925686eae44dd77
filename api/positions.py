"""The change log's latest position, current for every read and cheap to ask for.

Every write appends to the change log, so its latest position names the database's
state: reads take their ETags and cache keys from it, and the index follower compares it
with the position its index has applied. It must take in every write committed before
it is asked, by this process or any other (a client that wrote through one process and
reads through another must not get the answer from before its write), so it cannot be a
value kept from earlier; but reading it per request through the pool costs a connection
checkout and a transaction (0.2 to 0.4 ms).

* SQLite: a connection of its own, in this thread, asks ``PRAGMA data_version``, which
  changes whenever another connection (of any process) has committed since it last
  asked: a few microseconds, and the log is read only when it changed.
* PostgreSQL: a connection of its own in autocommit mode, one round trip per read; reads
  asked for while one is on its way share the next (each call is answered by a read sent
  after it was made), so many requests at once cost one read at a time.

``on_advance`` is called with each newer position seen, whoever asked (the follower
wakes on it).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from api.http_cache import change_log_position
from records.models import ChangeLogEntry

_LATEST = select(func.max(ChangeLogEntry.position))
_LATEST_SQLITE: Final = str(_LATEST.compile(dialect=sqlite.dialect()))


class Positions(ABC):
    """The change log's latest position (0 for an empty log)."""

    def __init__(self) -> None:
        self.known = 0  # the latest position seen so far (no I/O)
        self.on_advance: Callable[[int], None] | None = None

    @abstractmethod
    async def latest(self) -> int:
        """The latest position, taking in every write committed before this call."""

    @abstractmethod
    async def close(self) -> None: ...

    def _seen(self, position: int) -> int:
        if position > self.known:
            self.known = position
            if self.on_advance is not None:
                self.on_advance(position)
        return position


async def open_positions(engine: AsyncEngine) -> Positions:
    """The cheapest fresh source for ``engine``'s database."""
    if engine.dialect.name == "sqlite":
        return SQLitePositions(engine, engine.url.database or "")
    return ConnectionPositions(engine)


class SQLitePositions(Positions):
    """``PRAGMA data_version`` on a connection of its own; the log read when it changed.

    The connection never waits for a lock (``busy_timeout`` 0: the event loop must not
    block); when a read cannot start at once (another connection recovering the WAL), or
    cannot be made at all, the position is read through ``engine``'s pool instead.
    """

    def __init__(self, engine: AsyncEngine, path: str) -> None:
        super().__init__()
        self._engine = engine
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None

    async def latest(self) -> int:
        try:
            return self._seen(self._read())
        except sqlite3.Error:
            self._version = None
            return self._seen(await change_log_position(self._engine))

    def _read(self) -> int:
        if self._connection is None:
            self._connection = sqlite3.connect(
                self._path, isolation_level=None, check_same_thread=False
            )
            self._connection.execute("PRAGMA busy_timeout=0")
        version = int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return self.known
        # The version is taken before the log is read: a write committed in between
        # changes it again, and the next call reads the log again.
        position = int(self._connection.execute(_LATEST_SQLITE).fetchone()[0] or 0)
        self._version = version
        return position

    async def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()


class ConnectionPositions(Positions):
    """One connection of its own to a database server, in autocommit mode (each read
    sees every commit before it, with no BEGIN or COMMIT sent); concurrent calls share
    reads.

    A read runs in a task of its own, so that a caller that is cancelled (its request
    stopped) does not break the connection for the others. A connection found lost (the
    server restarted) is replaced and the read made again at once; a read that fails
    otherwise closes the connection, and the next call opens another.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__()
        self._engine = engine
        self._connection: AsyncConnection | None = None
        self._calls = 0  # calls made so far
        self._answered = 0  # calls made before the last completed read was sent
        self._reading: asyncio.Task[None] | None = None

    async def latest(self) -> int:
        self._calls += 1
        call = self._calls
        while self._answered < call:
            if self._reading is None:
                self._reading = asyncio.create_task(self._read(covers=self._calls))
                self._reading.add_done_callback(_retrieve_exception)
            await asyncio.shield(self._reading)
        return self.known

    async def _read(self, covers: int) -> None:
        try:
            try:
                position = await self._query()
            except DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                await self._discard()  # lost (the server restarted): once more, anew
                position = await self._query()
        except BaseException:
            await self._discard()
            raise
        finally:
            self._reading = None
        self._seen(position)
        self._answered = covers

    async def _query(self) -> int:
        if self._connection is None:
            connection = await self._engine.connect()
            self._connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        return int((await self._connection.execute(_LATEST)).scalar() or 0)

    async def _discard(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            with contextlib.suppress(Exception):
                await connection.invalidate()
            with contextlib.suppress(Exception):  # closed even when invalidating failed
                await connection.close()

    async def close(self) -> None:
        if self._reading is not None:
            with contextlib.suppress(BaseException):
                await self._reading
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await connection.close()


def _retrieve_exception(task: asyncio.Task[None]) -> None:
    """A failed read is reported to its callers; one none of them waited for is not."""
    if not task.cancelled():
        task.exception()
