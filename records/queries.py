"""Query functions over the records, batched by id (one statement per record type)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from records.models import Action, AgendaItem, Meeting, Metric

R = TypeVar("R", AgendaItem, Action, Metric)


@dataclass(frozen=True)
class RecordSummary:
    """One line's worth of a record: what it is and which meeting it belongs to."""

    type: str
    id: int
    meeting_id: int
    meeting_title: str
    meeting_date: str | None
    label: str
    item: str | None = None  # the agenda item an action or a figure belongs to


async def summarise(
    session: AsyncSession, refs: Iterable[tuple[str, int]]
) -> dict[tuple[str, int], RecordSummary]:
    """Summaries of records named by (type, id); records that no longer exist are left out."""
    wanted: dict[str, set[int]] = {}
    for record_type, record_id in refs:
        wanted.setdefault(record_type, set()).add(record_id)
    found: dict[tuple[str, int], RecordSummary] = {}

    if ids := wanted.get("meeting"):
        for meeting in await session.scalars(select(Meeting).where(Meeting.id.in_(ids))):
            found["meeting", meeting.id] = _summary("meeting", meeting.id, meeting, meeting.title)

    if ids := wanted.get("item"):
        for item, meeting in await _with_meeting(session, AgendaItem, ids):
            label = f"{item.number or ''} {item.title}".strip()
            found["item", item.id] = _summary("item", item.id, meeting, label)
    if ids := wanted.get("action"):
        for action, meeting, under in await _with_meeting_and_item(session, Action, ids):
            label = f"Action {action.reference}" if action.reference else "Action"
            found["action", action.id] = _summary("action", action.id, meeting, label, under)
    if ids := wanted.get("metric"):
        for metric, meeting, under in await _with_meeting_and_item(session, Metric, ids):
            label = f"{metric.value:g} {metric.unit.value.lower()}: {metric.label}"
            found["metric", metric.id] = _summary("metric", metric.id, meeting, label, under)
    return found


async def _with_meeting(
    session: AsyncSession, model: type[R], ids: set[int]
) -> list[tuple[R, Meeting]]:
    query = select(model, Meeting).join(Meeting, Meeting.id == model.meeting_id)
    rows = await session.execute(query.where(model.id.in_(ids)))
    return [(record, meeting) for record, meeting in rows]


async def _with_meeting_and_item(
    session: AsyncSession, model: type[Action] | type[Metric], ids: set[int]
) -> list[tuple[Any, Meeting, str | None]]:
    query = (
        select(model, Meeting, AgendaItem.number, AgendaItem.title)
        .join(Meeting, Meeting.id == model.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == model.item_id)
    )
    rows = await session.execute(query.where(model.id.in_(ids)))
    return [
        (record, meeting, f"{number or ''} {title}".strip() if title else None)
        for record, meeting, number, title in rows
    ]


def _summary(
    record_type: str, record_id: int, meeting: Meeting, label: str, item: str | None = None
) -> RecordSummary:
    return RecordSummary(
        type=record_type,
        id=record_id,
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        meeting_date=meeting.date.isoformat() if meeting.date else None,
        label=label,
        item=item,
    )
