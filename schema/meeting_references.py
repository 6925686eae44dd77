"""``MeetingReference``: a meeting as the minutes of another name it (the next meeting,
the meeting an action was carried from), below both meetings and actions."""

from __future__ import annotations

import datetime as dt

import strawberry

from records.enums import MeetingKind
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)


@strawberry.type(
    description="A meeting named in the minutes of another: the next one, "
    "or the one an action was carried from."
)
class MeetingReference:
    title: str | None = strawberry.field(description="Its title or type, as written.")
    kind: MeetingKind | None = strawberry.field(description="What sort of meeting it is.")
    date: dt.date | None = strawberry.field(description="Its date.")
    start_time: dt.time | None = strawberry.field(description="When it starts, HH:MM.")
    venue: str | None = strawberry.field(description="Where it is held.")
