"""records.writes: the one place records are written and the change log kept, and the
record kinds the log, the search index and the GraphQL schema name."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.schema import RECORD_TYPES
from ingest.pipeline import ingest_paths
from records.db import session_factory, write_session
from records.enums import ChangeOp, RecordKind
from records.models import ChangeLogEntry, Meeting
from records.writes import add_action_update, remove_meeting
from schema.lookups import SEARCH_TYPE_NAMES, TYPE_NAMES
from tests.conftest import SEED


def test_record_kinds_keep_the_names_stored_in_the_change_log() -> None:
    assert [kind.value for kind in RecordKind] == [
        "meeting",
        "agenda_item",
        "action",
        "action_update",
        "metric",
        "document",
    ]


def test_index_types_are_the_search_index_record_types() -> None:
    assert sorted(RecordKind.indexed()) == sorted(RECORD_TYPES)
    assert RecordKind.indexed()["item"] is RecordKind.AGENDA_ITEM
    assert RecordKind.DOCUMENT.index_type is None and RecordKind.ACTION_UPDATE.index_type is None


def test_every_kind_has_a_graphql_type() -> None:
    assert set(TYPE_NAMES) == set(RecordKind)
    assert SEARCH_TYPE_NAMES == {
        "meeting": "Meeting",
        "item": "AgendaItem",
        "action": "Action",
        "metric": "Metric",
    }


async def _entries(engine: AsyncEngine) -> list[ChangeLogEntry]:
    async with session_factory(engine)() as session:
        return list(await session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.position)))


async def test_unknown_records_are_left_alone_and_nothing_is_logged(engine: AsyncEngine) -> None:
    async with write_session(engine) as session:
        assert await remove_meeting(session, 999_999) is None
        found = await add_action_update(
            session, 999_999, text="Chased.", status=None, due_date=None, author=None
        )
        assert found is None
    assert await _entries(engine) == []


async def test_a_removed_meeting_logs_each_record_and_itself_last(engine: AsyncEngine) -> None:
    await ingest_paths(engine, [SEED])
    before = len(await _entries(engine))
    async with session_factory(engine)() as session:
        meeting_id = await session.scalar(select(Meeting.id))
    assert meeting_id is not None

    async with write_session(engine) as session:
        removed = await remove_meeting(session, meeting_id)

    logged = (await _entries(engine))[before:]
    assert removed == len(logged) > 1
    assert all(e.op is ChangeOp.DELETE and e.meeting_id == meeting_id for e in logged)
    assert all(isinstance(e.entity, RecordKind) for e in logged)
    assert (logged[-1].entity, logged[-1].entity_id) == (RecordKind.MEETING, meeting_id)
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(Meeting)) == 0
