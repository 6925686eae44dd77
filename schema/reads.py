"""The reads of one request: Core statements on one database connection.

Read paths select table rows (SQLAlchemy Core ``Row``s, read by attribute like the
models) rather than ORM objects: a page of meetings with their items and actions is
hundreds of rows, and the ORM's identity map, instance state and session per batch
cost more than the SQL. While a query operation runs (``OneReadConnection``), every
statement of the request goes through one connection and one transaction, one at a
time (sibling loaders run concurrently; a connection runs one statement at a time), so
the request pays for one checkout and reads one snapshot. Outside that (a mutation,
whose writes commit on their own connections and whose answer must see them), each
statement takes a connection of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Executable, Row
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType


class RequestReads:
    """Run read statements for one request (see the module docstring)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._lock = asyncio.Lock()
        self._holding = False
        self._connection: AsyncConnection | None = None

    async def rows(self, statement: Executable) -> Sequence[Row[Any]]:
        """Every row ``statement`` selects.

        The statement runs to its end even when the resolver waiting for it is cancelled
        (graphql-core cancels a failed field's siblings): asyncpg leaves a connection
        whose statement was cut off unusable, and the pool would hand it to the next
        request (tests/api/test_fuzz_graphql.py found the 500 that followed)."""
        return await asyncio.shield(self._rows(statement))

    async def _rows(self, statement: Executable) -> Sequence[Row[Any]]:
        async with self._lock:
            if self._holding:
                if self._connection is None:
                    self._connection = await self._engine.connect()
                return (await self._connection.execute(statement)).all()
        async with self._engine.connect() as connection:
            return (await connection.execute(statement)).all()

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row ``statement`` selects (None without rows)."""
        found = await self.rows(statement)
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
