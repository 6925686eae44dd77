"""``deleteMeeting``: remove a meeting and every record made from its documents.

One write transaction logs a DELETE for each removed record (documents, agenda
items, actions, their updates, metrics, and the meeting itself) and deletes them;
the index then applies the change log, so their documents leave it. People,
themes and acronyms are shared with other meetings and stay (an acronym first
defined by a removed document keeps its expansion, without the source link).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import strawberry
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from indexer.storage import IndexStore
from records.db import write_session
from records.enums import ChangeOp
from records.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    ChangeLogEntry,
    Meeting,
    Metric,
    SourceDocument,
)
from schema.errors import PublicError, UserError
from schema.mutations.common import catch_up_index, change_entries, engine_of, index_of
from schema.node import id_of, to_global_id

NOT_FOUND = "NOT_FOUND"


@dataclass(frozen=True)
class DeleteOutcome:
    meeting_id: int | None = None  # the id removed
    removed: int = 0  # records removed, the meeting included
    errors: list[UserError] = field(default_factory=list)


async def delete_meeting(
    engine: AsyncEngine, store: IndexStore | None, meeting_id: int
) -> DeleteOutcome:
    async with write_session(engine) as session:
        found = await session.scalar(select(Meeting.id).where(Meeting.id == meeting_id))
        if found is None:
            return DeleteOutcome(
                errors=[UserError(field="id", code=NOT_FOUND, message="no meeting has this id")]
            )
        entries = await _remove_records(session, meeting_id)
        await session.execute(delete(Meeting).where(Meeting.id == meeting_id))
        entries += change_entries("meeting", [meeting_id], ChangeOp.DELETE, meeting_id)
        session.add_all(entries)
    await catch_up_index(engine, store)
    return DeleteOutcome(meeting_id=meeting_id, removed=len(entries))


async def _remove_records(session: AsyncSession, meeting_id: int) -> list[ChangeLogEntry]:
    """Delete the meeting's records, children first; a DELETE entry for each."""
    document_ids = list(
        await session.scalars(
            select(SourceDocument.id)
            .where(SourceDocument.meeting_id == meeting_id)
            .order_by(SourceDocument.id)
        )
    )
    action_ids = select(Action.id).where(Action.meeting_id == meeting_id)
    update_ids = list(
        await session.scalars(
            select(ActionUpdate.id)
            .where(
                ActionUpdate.action_id.in_(action_ids) | ActionUpdate.document_id.in_(document_ids)
            )
            .order_by(ActionUpdate.id)
        )
    )
    entries = change_entries("action_update", update_ids, ChangeOp.DELETE, meeting_id)
    await session.execute(delete(ActionUpdate).where(ActionUpdate.id.in_(update_ids)))
    for entity, model in (("metric", Metric), ("action", Action), ("agenda_item", AgendaItem)):
        ids = list(
            await session.scalars(
                select(model.id).where(model.meeting_id == meeting_id).order_by(model.id)
            )
        )
        entries += change_entries(entity, ids, ChangeOp.DELETE, meeting_id)
        await session.execute(delete(model).where(model.id.in_(ids)))
    entries += change_entries("document", document_ids, ChangeOp.DELETE, meeting_id)
    await session.execute(delete(SourceDocument).where(SourceDocument.id.in_(document_ids)))
    return entries


@strawberry.type(description="The result of deleteMeeting.")
class DeleteMeetingPayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The global id of the meeting removed (null when nothing was removed)."
    )
    removed_records: int = strawberry.field(
        description="Records removed: the meeting, its documents, items, actions, their "
        "updates and its metrics."
    )
    errors: list[UserError] = strawberry.field(description="What was wrong; empty on success.")


async def resolve_delete_meeting(
    info: strawberry.Info,
    id: Annotated[
        strawberry.ID, strawberry.argument(description="Global id of the meeting to remove.")
    ],
) -> DeleteMeetingPayload:
    try:
        meeting_id = id_of(id, "Meeting")
    except PublicError as error:
        return DeleteMeetingPayload(
            deleted_id=None,
            removed_records=0,
            errors=[UserError(field="id", code=error.code, message=error.message)],
        )
    context = info.context
    result = await delete_meeting(engine_of(context), index_of(context), meeting_id)
    return DeleteMeetingPayload(
        deleted_id=to_global_id("Meeting", result.meeting_id)
        if result.meeting_id is not None
        else None,
        removed_records=result.removed,
        errors=result.errors,
    )
