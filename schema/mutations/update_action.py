"""``updateAction``: a force system reports progress on an action.

One write transaction (``records.writes.add_action_update``) appends an
``ActionUpdate`` (author, time, status, due date, note), sets the action's status
and due date, and logs an UPSERT of the action; the action's lifecycle is rebuilt in the
same transaction (``ingest.lifecycle``); the index then applies the change log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexStore
from ingest.lifecycle.link import refresh_action
from records import models
from records.db import session_factory, write_session
from records.enums import ActionStatus
from records.writes import add_action_update
from schema.actions import Action
from schema.errors import PublicError, UserError
from schema.mutations.common import caller_name_of, catch_up_index, engine_of, index_of
from schema.node import id_of

MAX_NOTE_CHARS = 10_000

NOTHING_TO_UPDATE = "NOTHING_TO_UPDATE"
NOTE_TOO_LONG = "NOTE_TOO_LONG"
NOT_FOUND = "NOT_FOUND"


@dataclass(frozen=True)
class ActionChange:
    """What a caller asks to change; None leaves a value as it is."""

    status: ActionStatus | None = None
    note: str | None = None
    due_date: dt.date | None = None


@dataclass(frozen=True)
class UpdateOutcome:
    action_id: int | None = None
    errors: list[UserError] = field(default_factory=list)


def check_change(change: ActionChange) -> list[UserError]:
    """Errors in the input itself, found before the database is touched."""
    note = (change.note or "").strip()
    if change.status is None and change.due_date is None and not note:
        return [
            UserError(
                field=None,
                code=NOTHING_TO_UPDATE,
                message="give at least one of status, note or dueDate",
            )
        ]
    if len(note) > MAX_NOTE_CHARS:
        return [
            UserError(
                field="note",
                code=NOTE_TOO_LONG,
                message=f"a note is at most {MAX_NOTE_CHARS} characters (got {len(note)})",
            )
        ]
    return []


async def update_action(
    engine: AsyncEngine,
    store: IndexStore | None,
    action_id: int,
    change: ActionChange,
    *,
    author: str | None,
) -> UpdateOutcome:
    """Record ``change`` against action ``action_id``; typed errors leave everything as it was."""
    if errors := check_change(change):
        return UpdateOutcome(errors=errors)
    async with write_session(engine) as session:
        action = await add_action_update(
            session,
            action_id,
            text=(change.note or "").strip(),
            status=change.status,
            due_date=change.due_date,
            author=author,
        )
        if action is not None:
            await refresh_action(session, action.id)
    if action is None:
        return UpdateOutcome(
            errors=[UserError(field="id", code=NOT_FOUND, message="no action has this id")]
        )
    await catch_up_index(engine, store)
    return UpdateOutcome(action_id=action_id)


@strawberry.type(description="The result of updateAction: the action as it now stands, or errors.")
class UpdateActionPayload:
    action: Action | None = strawberry.field(
        description="The action after the update (null when nothing was changed)."
    )
    errors: list[UserError] = strawberry.field(description="What was wrong; empty on success.")


async def resolve_update_action(
    info: strawberry.Info,
    id: Annotated[strawberry.ID, strawberry.argument(description="Global id of the action.")],
    status: Annotated[
        ActionStatus | None,
        strawberry.argument(description="Its new status; left as it is when omitted."),
    ] = None,
    note: Annotated[
        str | None, strawberry.argument(description="What changed, kept in the action's history.")
    ] = None,
    due_date: Annotated[
        dt.date | None,
        strawberry.argument(description="Its new due date; left as it is when omitted."),
    ] = None,
) -> UpdateActionPayload:
    try:
        action_id = id_of(id, "Action")
    except PublicError as error:
        return UpdateActionPayload(
            action=None, errors=[UserError(field="id", code=error.code, message=error.message)]
        )
    context = info.context
    engine = engine_of(context)
    result = await update_action(
        engine,
        index_of(context),
        action_id,
        ActionChange(status=status, note=note, due_date=due_date),
        author=caller_name_of(context),
    )
    if result.action_id is None:
        return UpdateActionPayload(action=None, errors=result.errors)
    async with session_factory(engine)() as session:
        record = await session.get(models.Action, result.action_id)
    return UpdateActionPayload(
        action=Action.from_model(record) if record is not None else None, errors=[]
    )
