"""The context of one GraphQL request: database access, loaders, search, the caller's role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from indexer.search import Searcher
from indexer.storage import IndexStore
from ingest.workers import WorkerPool
from records import clock
from records.db import session_factory
from schema.loaders import Loaders
from schema.reads import RequestReads

SearcherFactory = Callable[[], Searcher]


@dataclass
class Context:
    """Build one per request: ``Context(engine=engine, searcher=..., role=...)``.

    ``searcher`` is called on a worker thread and returns a Searcher that thread may
    use, up to date with the index (keep one per thread and ``refresh()`` it); None
    means search is not available. ``role`` is the caller's role (reader, editor,
    admin; None without a key). ``today`` is the date in the bodies' time zone that
    "overdue" and "open" count to unless a query names a day. ``index``, ``uploads``
    (the processes that read and parse uploaded files, with their limits) and
    ``api_key_name`` are read by the mutations. The reads (one connection per query
    operation) and the loaders are made here, new for each request.
    """

    engine: AsyncEngine
    searcher: SearcherFactory | None = None
    role: str | None = None
    index: IndexStore | None = None
    uploads: WorkerPool | None = None
    api_key_name: str | None = None
    request: Any = None
    today: dt.date = field(default_factory=clock.today)
    sessionmaker: async_sessionmaker[AsyncSession] = field(init=False)
    reads: RequestReads = field(init=False)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.sessionmaker = session_factory(self.engine)
        self.reads = RequestReads(self.engine)
        self.loaders = Loaders(self.reads)
