"""An export's rows read from one snapshot of the database, a batch at a time.

The SELECT runs on a server-side cursor (asyncpg) or a stepped SQLite statement, and
rows are fetched ``BATCH_ROWS`` at a time; each batch is made into rows (with its
lookups, on the same connection) and handed on before the next is fetched, so memory
holds one batch whatever the export's size. The count, the lookups and the rows are read
in one transaction (``REPEATABLE READ`` on PostgreSQL, a read transaction on SQLite), so
the total agrees with the rows and a write made meanwhile is in none or all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from api.export.filters import ExportFilter, FilterError, check_theme
from api.export.tables import Record, RecordTable
from records.models import Theme

BATCH_ROWS: Final = 1000


@dataclass(frozen=True)
class ExportRun:
    """An export under way: its table, filter, the day it counts to and its row count."""

    table: RecordTable
    where: ExportFilter
    as_of: dt.date
    total: int
    connection: AsyncConnection
    batch_rows: int = BATCH_ROWS

    async def batches(self) -> AsyncGenerator[list[Record], None]:
        """The rows, in order, a batch at a time."""
        result = await self.connection.stream(
            self.table.ordered(self.where), execution_options={"yield_per": self.batch_rows}
        )
        try:
            async for part in result.partitions(self.batch_rows):
                yield await self.table.finish(self.connection, part, self.as_of)
        finally:
            if not (self.connection.closed or self.connection.invalidated):  # else gone with it
                await result.close()


@asynccontextmanager
async def export_run(
    engine: AsyncEngine,
    table: RecordTable,
    where: ExportFilter,
    as_of: dt.date,
    *,
    batch_rows: int = BATCH_ROWS,
) -> AsyncIterator[ExportRun]:
    """An export of ``table``'s records that ``where`` selects, its theme checked
    (``FilterError``) and its rows counted; the snapshot ends with the block.

    A run that does not end normally (a client gone, a time limit) drops its connection
    rather than give the pool one whose cursor may have been cut off mid-fetch.
    """
    connection = await engine.connect()
    try:
        if engine.dialect.name == "postgresql":
            await connection.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        await connection.begin()
        check_theme(where.theme, list(await connection.scalars(select(Theme.code))))
        total = int(await connection.scalar(table.counted(where)) or 0)
    except FilterError:
        await connection.close()
        raise
    except BaseException:
        await _drop(connection)
        raise
    try:
        yield ExportRun(table, where, as_of, total, connection, batch_rows)
    except BaseException:
        await _drop(connection)
        raise
    await connection.close()  # rolls the read transaction back


async def _drop(connection: AsyncConnection) -> None:
    await connection.invalidate()
    await connection.close()
