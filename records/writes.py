"""Every write of records, and the change log that follows them: ingest and the mutations
call these inside a transaction opened by ``records.db.write_session``.

A function that adds or removes records of a ``RecordKind`` appends an entry for each to
a ``ChangeLog``; the log's entries go to the database together, in the order they were
made, when it is written (one INSERT), so that positions follow the order of the writes.
People, themes and attendance have no entries of their own (they are read through the
meetings and records that name them); the index follows acronyms by its glossary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from records.enums import ActionStatus, ChangeOp, RecordKind
from records.models import (
    Acronym,
    Action,
    ActionEvent,
    ActionLifecycle,
    ActionLink,
    ActionUpdate,
    AgendaItem,
    Attendance,
    ChangeLogEntry,
    Meeting,
    Metric,
    Person,
    SourceDocument,
    meeting_themes,
)

# What ``_delete`` removes by id.
_Deletable = (
    type[AgendaItem] | type[Action] | type[ActionUpdate] | type[Metric] | type[SourceDocument]
)


class ChangeLog:
    """The change-log entries of one transaction, in the order of its writes."""

    def __init__(self) -> None:
        self.entries: list[ChangeLogEntry] = []

    def add(
        self, kind: RecordKind, ids: Iterable[int], op: ChangeOp, meeting_id: int | None
    ) -> None:
        self.entries.extend(
            ChangeLogEntry(entity=kind, entity_id=record_id, op=op, meeting_id=meeting_id)
            for record_id in ids
        )

    async def write(self, session: AsyncSession) -> int:
        """Add the entries to the session and flush; how many there were."""
        session.add_all(self.entries)
        await session.flush()
        return len(self.entries)


async def add_meeting(session: AsyncSession, meeting: Meeting) -> None:
    """A new meeting, flushed for its id; its UPSERT is logged once its records are written."""
    session.add(meeting)
    await session.flush()


async def write_meeting_log(session: AsyncSession, log: ChangeLog, meeting_id: int) -> None:
    """Log an UPSERT of the meeting itself, after its records, and write the log."""
    log.add(RecordKind.MEETING, [meeting_id], ChangeOp.UPSERT, meeting_id)
    await log.write(session)


async def add_document(session: AsyncSession, log: ChangeLog, document: SourceDocument) -> None:
    session.add(document)
    await session.flush()
    log.add(RecordKind.DOCUMENT, [document.id], ChangeOp.UPSERT, document.meeting_id)


async def add_records(
    session: AsyncSession,
    log: ChangeLog,
    meeting_id: int,
    items: Sequence[AgendaItem],
    actions: Sequence[Action],
    metrics: Sequence[Metric],
) -> None:
    """A document's agenda items, actions (with their updates) and metrics, flushed for ids."""
    session.add_all(items)
    session.add_all(actions)
    session.add_all(metrics)
    await session.flush()
    log.add(RecordKind.AGENDA_ITEM, (i.id for i in items), ChangeOp.UPSERT, meeting_id)
    log.add(RecordKind.ACTION, (a.id for a in actions), ChangeOp.UPSERT, meeting_id)
    log.add(RecordKind.METRIC, (m.id for m in metrics), ChangeOp.UPSERT, meeting_id)


async def remove_documents(
    session: AsyncSession, log: ChangeLog, meeting_id: int, document_ids: Sequence[int]
) -> None:
    """Delete documents and the actions, metrics and agenda items made from them.

    Their action updates go with the actions (the foreign key cascades); pushed ones
    are carried to the new version by ingest beforehand.
    """
    for kind, model in (
        (RecordKind.ACTION, Action),
        (RecordKind.METRIC, Metric),
        (RecordKind.AGENDA_ITEM, AgendaItem),
    ):
        ids = await session.scalars(select(model.id).where(model.document_id.in_(document_ids)))
        await _delete(session, log, kind, model, list(ids), meeting_id)
    log.add(RecordKind.DOCUMENT, document_ids, ChangeOp.DELETE, meeting_id)
    await session.execute(delete(SourceDocument).where(SourceDocument.id.in_(document_ids)))


async def remove_meeting(session: AsyncSession, meeting_id: int) -> int | None:
    """Delete a meeting and every record made from its documents, children first, and log
    each; the number of records removed (the meeting included), None when there is no
    such meeting. People, themes and acronyms are shared with other meetings and stay.
    """
    found = await session.scalar(select(Meeting.id).where(Meeting.id == meeting_id))
    if found is None:
        return None
    log = ChangeLog()
    document_ids = list(
        await session.scalars(
            select(SourceDocument.id)
            .where(SourceDocument.meeting_id == meeting_id)
            .order_by(SourceDocument.id)
        )
    )
    action_ids = select(Action.id).where(Action.meeting_id == meeting_id)
    update_ids = await session.scalars(
        select(ActionUpdate.id)
        .where(ActionUpdate.action_id.in_(action_ids) | ActionUpdate.document_id.in_(document_ids))
        .order_by(ActionUpdate.id)
    )
    await _delete(
        session, log, RecordKind.ACTION_UPDATE, ActionUpdate, list(update_ids), meeting_id
    )
    for kind, model in (
        (RecordKind.METRIC, Metric),
        (RecordKind.ACTION, Action),
        (RecordKind.AGENDA_ITEM, AgendaItem),
    ):
        ids = await session.scalars(
            select(model.id).where(model.meeting_id == meeting_id).order_by(model.id)
        )
        await _delete(session, log, kind, model, list(ids), meeting_id)
    await _delete(session, log, RecordKind.DOCUMENT, SourceDocument, document_ids, meeting_id)
    await session.execute(delete(Meeting).where(Meeting.id == meeting_id))
    log.add(RecordKind.MEETING, [meeting_id], ChangeOp.DELETE, meeting_id)
    return await log.write(session)


async def _delete(
    session: AsyncSession,
    log: ChangeLog,
    kind: RecordKind,
    model: _Deletable,
    ids: list[int],
    meeting_id: int,
) -> None:
    log.add(kind, ids, ChangeOp.DELETE, meeting_id)
    await session.execute(delete(model).where(model.id.in_(ids)))


async def add_action_update(
    session: AsyncSession,
    action_id: int,
    *,
    text: str,
    status: ActionStatus | None,
    due_date: dt.date | None,
    author: str | None,
) -> Action | None:
    """Append a pushed update to an action and set its status and due date (when given);
    the action, or None when there is no such action."""
    action = await session.get(Action, action_id)
    if action is None:
        return None
    if status is not None:
        action.status = status
    if due_date is not None:
        action.due_date = due_date
    session.add(
        ActionUpdate(
            action_id=action.id,
            text=text,
            status=status,
            due_date=due_date,
            author=author,
            created_at=dt.datetime.now(dt.UTC),
        )
    )
    log = ChangeLog()
    log.add(RecordKind.ACTION, [action.id], ChangeOp.UPSERT, action.meeting_id)
    await log.write(session)
    return action


async def people_named(session: AsyncSession, names: Mapping[str, str]) -> dict[str, Person]:
    """One Person per name key in ``names`` (key -> name as written): found, else added."""
    if not names:
        return {}
    found = {
        p.name_key: p
        for p in await session.scalars(select(Person).where(Person.name_key.in_(names)))
    }
    for key, name in names.items():
        if key not in found:
            found[key] = Person(name=name, name_key=key)
            session.add(found[key])
    await session.flush()
    return found


async def replace_attendance(
    session: AsyncSession, meeting_id: int, attendances: Sequence[Attendance]
) -> None:
    await session.execute(delete(Attendance).where(Attendance.meeting_id == meeting_id))
    session.add_all(attendances)


async def replace_meeting_themes(
    session: AsyncSession, meeting_id: int, theme_ids: Iterable[int]
) -> None:
    await session.execute(delete(meeting_themes).where(meeting_themes.c.meeting_id == meeting_id))
    rows = [{"meeting_id": meeting_id, "theme_id": theme_id} for theme_id in theme_ids]
    if rows:
        await session.execute(meeting_themes.insert(), rows)


async def add_acronyms(
    session: AsyncSession, acronyms: Mapping[str, str], document_id: int
) -> None:
    """Extend the glossary with every abbreviation a document defines for the first time."""
    if not acronyms:
        return
    known = set(
        await session.scalars(
            select(Acronym.abbreviation).where(Acronym.abbreviation.in_(acronyms))
        )
    )
    session.add_all(
        Acronym(abbreviation=abbr, expansion=expansion, source_document_id=document_id)
        for abbr, expansion in acronyms.items()
        if abbr not in known
    )


async def replace_action_links(
    session: AsyncSession, later_ids: Collection[int], links: Sequence[ActionLink]
) -> None:
    """The links from each of ``later_ids`` to the actions it continues, made anew.

    Links are derived records (``ingest.lifecycle``): the actions they join are logged
    when what their lifecycle comes to changes (``replace_lifecycles``).
    """
    if later_ids:
        await session.execute(delete(ActionLink).where(ActionLink.later_action_id.in_(later_ids)))
    session.add_all(links)
    await session.flush()


async def replace_lifecycles(
    session: AsyncSession,
    action_ids: Collection[int],
    chain_keys: Collection[int],
    lifecycles: Sequence[ActionLifecycle],
    events: Sequence[ActionEvent],
    changed: Mapping[int, int],
) -> None:
    """The lifecycles of ``action_ids`` and the events of their chains (and of the
    ``chain_keys`` they had before), made anew; logs an UPSERT of each action in
    ``changed`` (action id -> meeting id), whose lifecycle now says something else."""
    if chain_keys:
        await session.execute(delete(ActionEvent).where(ActionEvent.chain_key.in_(chain_keys)))
    if action_ids:
        await session.execute(delete(ActionEvent).where(ActionEvent.action_id.in_(action_ids)))
        await session.execute(
            delete(ActionLifecycle).where(ActionLifecycle.action_id.in_(action_ids))
        )
    session.add_all(lifecycles)
    session.add_all(events)
    log = ChangeLog()
    for action_id, meeting_id in sorted(changed.items()):
        log.add(RecordKind.ACTION, [action_id], ChangeOp.UPSERT, meeting_id)
    await log.write(session)
