"""Ingesting into a test database, and reading back what it and its index hold."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import selectinload

from indexer.schema import ACTION, ITEM, MEETING, METRIC, document_key
from indexer.storage import IndexStore
from ingest.pipeline import IngestSummary, ingest_paths
from records.db import session_factory
from records.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    ChangeLogEntry,
    Meeting,
    Metric,
    SourceDocument,
)

RECORD_MODELS = (Meeting, SourceDocument, AgendaItem, Action, ActionUpdate, Metric)


@dataclass(frozen=True)
class IndexedCorpus:
    """A database holding the samples and the seed, and an index fully caught up with it
    (the ``indexed_corpus`` fixture)."""

    database_url: str
    engine: AsyncEngine
    store: IndexStore
    ingest: IngestSummary


async def ingest(engine: AsyncEngine, *paths: Path) -> IngestSummary:
    """Ingest files or folders, failures and all."""
    return await ingest_paths(engine, list(paths))


async def load_meeting(engine: AsyncEngine) -> Meeting:
    """The (one) meeting of the database with everything linked to it loaded."""
    async with session_factory(engine)() as session:
        meeting = await session.scalar(
            select(Meeting).options(
                selectinload(Meeting.chair),
                selectinload(Meeting.minute_taker),
                selectinload(Meeting.attendances).selectinload(Attendance.person),
                selectinload(Meeting.items).selectinload(AgendaItem.themes),
                selectinload(Meeting.actions).selectinload(Action.owners),
                selectinload(Meeting.actions).selectinload(Action.updates),
                selectinload(Meeting.actions).selectinload(Action.item),
                selectinload(Meeting.metrics),
                selectinload(Meeting.themes),
                selectinload(Meeting.documents),
            )
        )
        assert meeting is not None
        return meeting


async def counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows of each record table and of the change log."""
    async with session_factory(engine)() as session:
        found = {
            model.__name__: int(await session.scalar(select(func.count()).select_from(model)) or 0)
            for model in RECORD_MODELS
        }
        found["change_log"] = int(
            await session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0
        )
    return found


async def last_position(engine: AsyncEngine) -> int:
    """The change log's last position (0 when empty)."""
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.max(ChangeLogEntry.position))) or 0)


async def ingest_files(engine: AsyncEngine, *paths: Path) -> IngestSummary:
    """Ingest files or folders; fails the test if any file fails."""
    summary = await ingest_paths(engine, list(paths))
    assert not summary.failed, [(r.path.name, r.error) for r in summary.failed]
    return summary


def index_snapshot(store: IndexStore) -> dict[str, dict[str, Any]]:
    """Every document of the CURRENT generation: key -> stored fields."""
    index = store.open()
    try:
        with index.searcher() as searcher:
            return {fields["key"]: fields for fields in searcher.all_stored_fields()}
    finally:
        index.close()


async def record_keys(engine: AsyncEngine) -> set[str]:
    """The index key of every record the database holds: what a caught-up index holds."""
    models = {MEETING: Meeting, ITEM: AgendaItem, ACTION: Action, METRIC: Metric}
    async with session_factory(engine)() as session:
        return {
            document_key(record_type, record_id)
            for record_type, model in models.items()
            for record_id in await session.scalars(select(model.id))
        }
