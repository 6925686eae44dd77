"""``changes(since, first, after)``: the change log, for systems that sync incrementally.

Every write appends entries to the change log with a position that only grows. A
client keeps the last position it has seen and asks for the entries after it; for
each entry it fetches the record again (``node(id: entityId)``) or, for a DELETE,
drops its copy. Entries are ordered by position and paged by it (keyset).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Annotated, Any

import strawberry
from sqlalchemy import func, select
from strawberry.types import Info

from records.enums import ChangeOp, RecordKind
from records.models import ChangeLogEntry
from records.paging import CursorError, decode_cursor, encode_cursor, whole_field
from schema.errors import PublicError
from schema.lookups import TYPE_NAMES
from schema.node import MAX_RECORD_ID, is_record_number, record_id_in_range, to_global_id
from schema.pagination import Connection, Edge, PageInfo, page_size

FIELD = "changes"
ORDER = "position"
# Cursors handed out before the shared codec: base64 of "change:<position>".
_LEGACY_PREFIX = "change:"

strawberry.enum(ChangeOp, description="UPSERT: the record was written; DELETE: it is gone.")


@strawberry.type(description="One entry of the change log: a record written or removed.")
class ChangeEvent:
    position: int = strawberry.field(
        description="Where the entry stands in the log; only ever grows. Pass as `since`."
    )
    entity: str = strawberry.field(description=f"The record type: {', '.join(RecordKind)}.")
    entity_id: strawberry.ID = strawberry.field(
        description="Global id of the record (node(id:) fetches it unless it was deleted)."
    )
    op: ChangeOp = strawberry.field(description="UPSERT or DELETE.")
    meeting_id: strawberry.ID | None = strawberry.field(
        description="Global id of the meeting the record belongs to."
    )
    changed_at: dt.datetime = strawberry.field(description="When the change was committed.")

    @classmethod
    def from_entry(cls, entry: ChangeLogEntry) -> ChangeEvent:
        return cls(
            position=entry.position,
            entity=entry.entity.value,
            entity_id=to_global_id(TYPE_NAMES[entry.entity], entry.entity_id),
            op=entry.op,
            meeting_id=(
                to_global_id("Meeting", entry.meeting_id) if entry.meeting_id is not None else None
            ),
            changed_at=entry.changed_at,
        )


def encode_position(position: int) -> str:
    return encode_cursor(ORDER, position)


def decode_position(cursor: str) -> int:
    """The change-log position a cursor of ``encode_position`` holds; cursors of the
    older "change:<position>" form still decode, since sync clients keep them."""
    bad = PublicError(f"{FIELD}: argument `after` is not a cursor of this list", "BAD_CURSOR")
    try:
        (position,) = decode_cursor(cursor, ORDER, whole_field)
    except CursorError:
        position = _legacy_position(cursor)
    if position is None or not 1 <= position <= MAX_RECORD_ID:
        raise bad
    return int(position)


def _legacy_position(cursor: str) -> int | None:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        return None
    number = raw.removeprefix(_LEGACY_PREFIX)
    if number == raw or not is_record_number(number):
        return None
    return record_id_in_range(number)


async def resolve_changes(
    info: Info[Any, Any],
    since: Annotated[
        int | None,
        strawberry.argument(
            description="Return entries after this position (0 or omitted: from the start)."
        ),
    ] = None,
    first: Annotated[
        int | None, strawberry.argument(description="Page size: 20 by default, at most 100.")
    ] = None,
    after: Annotated[
        str | None,
        strawberry.argument(description="Cursor of the last entry of the previous page."),
    ] = None,
) -> Connection[ChangeEvent]:
    """Change-log entries after position ``since`` (0: from the start), oldest first."""
    size = page_size(first, FIELD)
    if since is not None and since < 0:
        raise PublicError(f"{FIELD}: argument `since` must be 0 or more (got {since})", "BAD_SINCE")
    floor = since or 0
    start = max(floor, decode_position(after)) if after else floor
    async with info.context.sessionmaker() as session:
        total = await session.scalar(
            select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.position > floor)
        )
        entries = list(
            await session.scalars(
                select(ChangeLogEntry)
                .where(ChangeLogEntry.position > start)
                .order_by(ChangeLogEntry.position)
                .limit(size + 1)
            )
        )
    page = entries[:size]
    edges = [
        Edge(cursor=encode_position(entry.position), node=ChangeEvent.from_entry(entry))
        for entry in page
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=len(entries) > size, end_cursor=edges[-1].cursor if edges else None
        ),
        total_count=int(total or 0),
    )


@strawberry.type
class ChangesQuery:
    """Mixed into ``Query``: the ``changes`` field."""

    changes: Connection[ChangeEvent] = strawberry.field(
        resolver=resolve_changes,
        description="The change log after position `since`, oldest first: what to fetch "
        "again or drop to stay in step.",
    )
