"""``changes(since, first, after, last, before)``: the change log, for systems that sync
incrementally.

Every write appends entries to the change log with a position that only grows. A
client keeps the last position it has seen and asks for the entries after it; for
each entry it fetches the record again (``node(id: entityId)``) or, for a DELETE,
drops its copy. Entries are ordered by position and paged by it (keyset): ``after`` and
``before`` bound the positions, ``first`` takes the oldest entries between them and
``last`` the newest (read newest first, handed back oldest first).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from typing import Annotated, Any

import strawberry
from sqlalchemy import ColumnElement, func, select
from strawberry.types import Info

from records.enums import ChangeOp, RecordKind
from records.models import ChangeLogEntry
from records.paging import CursorError, decode_cursor, encode_cursor, whole_field
from schema.enums import described_enum
from schema.errors import PublicError
from schema.lookups import TYPE_NAMES
from schema.node import MAX_RECORD_ID, is_record_number, record_id_in_range, to_global_id
from schema.pagination import Connection, Edge, page_info, page_window

FIELD = "changes"
ORDER = "position"
# Cursors handed out before the shared codec: base64 of "change:<position>".
_LEGACY_PREFIX = "change:"

described_enum(
    ChangeOp,
    description="What happened to the record an entry names.",
    values={
        "UPSERT": "The record was created or changed: fetch it again with node(id:).",
        "DELETE": "The record was removed: drop your copy.",
    },
)


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


def decode_position(cursor: str, argument: str = "after") -> int:
    """The change-log position a cursor of ``encode_position`` holds; cursors of the
    older "change:<position>" form still decode, since sync clients keep them."""
    bad = PublicError(f"{FIELD}: argument `{argument}` is not a cursor of this list", "BAD_CURSOR")
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
        int | None,
        strawberry.argument(
            description="The oldest entries (past `after`, when given): 20 by default, at "
            "most 100. Not together with `last`."
        ),
    ] = None,
    after: Annotated[
        str | None,
        strawberry.argument(
            description="Only entries after this cursor (an edge's cursor, such as "
            "pageInfo.endCursor of the previous page)."
        ),
    ] = None,
    last: Annotated[
        int | None,
        strawberry.argument(
            description="The newest entries (short of `before`, when given), to read the "
            "log backward: at most 100, handed back oldest first. Not together with `first`."
        ),
    ] = None,
    before: Annotated[
        str | None,
        strawberry.argument(
            description="Only entries before this cursor (an edge's cursor, such as "
            "pageInfo.startCursor of the page after)."
        ),
    ] = None,
) -> Connection[ChangeEvent]:
    """Change-log entries after position ``since`` (0: from the start), oldest first."""
    size, backward = page_window(first, last, FIELD)
    if since is not None and since < 0:
        raise PublicError(f"{FIELD}: argument `since` must be 0 or more (got {since})", "BAD_SINCE")
    floor = since or 0
    start = max(floor, decode_position(after)) if after else floor
    position = ChangeLogEntry.position
    bounds: list[ColumnElement[bool]] = [position > start]
    if before:
        bounds.append(position < decode_position(before, "before"))
    order = position.desc() if backward else position.asc()
    async with info.context.sessionmaker() as session:
        total = await session.scalar(
            select(func.count()).select_from(ChangeLogEntry).where(position > floor)
        )
        entries = list(
            await session.scalars(
                select(ChangeLogEntry).where(*bounds).order_by(order).limit(size + 1)
            )
        )
    more = len(entries) > size
    page = entries[:size]
    if backward:
        page.reverse()
    edges = [
        Edge(cursor=encode_position(entry.position), node=ChangeEvent.from_entry(entry))
        for entry in page
    ]
    return Connection(
        edges=edges,
        page_info=page_info(
            edges,
            has_next=bool(before) if backward else more,
            has_previous=more if backward else bool(after),
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
