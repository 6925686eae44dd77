"""``deleteMeeting``: remove a meeting and every record made from its documents.

One write transaction (``records.writes.remove_meeting``) logs a DELETE for each
removed record (documents, agenda items, actions, their updates, metrics, and the
meeting itself) and deletes them; the index then applies the change log, so their
documents leave it. People, themes and acronyms are shared with other meetings and
stay (an acronym first defined by a removed document keeps its expansion, without
the source link). In the same transaction the actions its own could have been matched
in place of are linked again and the lifecycles its actions were part of rebuilt, so
links are as if the meeting had never come; its body's metric series are worked out
again without its figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexStore
from ingest.lifecycle.link import relink_after_removal, removal_of_meeting
from ingest.series.link import body_of_meeting, refresh_series
from records.db import write_session
from records.writes import remove_meeting
from schema.errors import PublicError, UserError
from schema.mutations.common import catch_up_index, engine_of, index_of
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
        removal = await removal_of_meeting(session, meeting_id)
        body = await body_of_meeting(session, meeting_id)
        removed = await remove_meeting(session, meeting_id)
        if removed is not None:
            await relink_after_removal(session, removal)
            if body is not None:
                await refresh_series(session, body)
    if removed is None:
        return DeleteOutcome(
            errors=[UserError(field="id", code=NOT_FOUND, message="no meeting has this id")]
        )
    await catch_up_index(engine, store)
    return DeleteOutcome(meeting_id=meeting_id, removed=removed)


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
