"""Every write of records, and the change log that follows them: ingest and the mutations
call these inside a transaction opened by ``records.db.write_session``.

A function that adds or removes records of a ``RecordKind`` appends an entry for each to
a ``ChangeLog``; the log's entries go to the database together, in the order they were
made, when it is written (one INSERT), so that positions follow the order of the writes.
People, themes and attendance have no entries of their own (they are read through the
meetings and records that name them); the index follows acronyms by its glossary.

A document's records are written with Core statements, a few per table rather than one
per row (an ingest writes thousands of files): ``add_records`` takes them as plain
column values (``NewItem``, ``NewAction``, ``NewMetric``, ``NewUpdate``) and links them
by their place in the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select, update
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
    Base,
    ChangeLogEntry,
    Meeting,
    Metric,
    Person,
    SourceDocument,
    Theme,
    action_owners,
    action_themes,
    item_themes,
    meeting_themes,
)

# What ``_delete`` removes by id.
_Deletable = (
    type[AgendaItem] | type[Action] | type[ActionUpdate] | type[Metric] | type[SourceDocument]
)


class ChangeLog:
    """The change-log entries of one transaction, in the order of its writes."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []

    def add(
        self, kind: RecordKind, ids: Iterable[int], op: ChangeOp, meeting_id: int | None
    ) -> None:
        self.entries.extend(
            {"entity": kind, "entity_id": record_id, "op": op, "meeting_id": meeting_id}
            for record_id in ids
        )

    async def write(self, session: AsyncSession) -> int:
        """Flush the session (records added as objects come first), then insert the
        entries in their order; how many there were."""
        await session.flush()
        await _insert(session, _table(ChangeLogEntry), self.entries)
        return len(self.entries)


async def add_meeting(session: AsyncSession, values: Mapping[str, Any]) -> int:
    """A new meeting (column values); its id. Its UPSERT is logged once its records are."""
    return (await _insert_ids(session, _table(Meeting), [values]))[0]


async def update_meeting(session: AsyncSession, meeting_id: int, values: Mapping[str, Any]) -> None:
    """Set columns of a meeting (its header, when a document gives it)."""
    await session.execute(update(_table(Meeting)).where(Meeting.id == meeting_id).values(values))


async def write_meeting_log(session: AsyncSession, log: ChangeLog, meeting_id: int) -> None:
    """Log an UPSERT of the meeting itself, after its records, and write the log."""
    log.add(RecordKind.MEETING, [meeting_id], ChangeOp.UPSERT, meeting_id)
    await log.write(session)


async def add_document(session: AsyncSession, log: ChangeLog, values: Mapping[str, Any]) -> int:
    """A source document (column values, ``meeting_id`` among them); its id."""
    [document_id] = await _insert_ids(session, _table(SourceDocument), [values])
    log.add(RecordKind.DOCUMENT, [document_id], ChangeOp.UPSERT, values["meeting_id"])
    return document_id


@dataclass(frozen=True)
class NewItem:
    """An agenda item's columns (without meeting, document and parent), its parent's place
    among the document's items and its themes."""

    values: Mapping[str, Any]
    parent: int | None = None
    theme_ids: Sequence[int] = ()


@dataclass(frozen=True)
class NewAction:
    """An action's columns (without meeting, document and item), the place of the item it
    was raised under, its owners and its themes."""

    values: Mapping[str, Any]
    item: int | None = None
    owner_ids: Sequence[int] = ()
    theme_ids: Sequence[int] = ()


@dataclass(frozen=True)
class NewMetric:
    """A metric's columns (without meeting, document and item) and its item's place."""

    values: Mapping[str, Any]
    item: int | None = None


@dataclass(frozen=True)
class NewUpdate:
    """An action update's columns (without the action) and its action's place. The
    updates of one group (see ``add_records``) name the same columns."""

    action: int
    values: Mapping[str, Any]


async def add_records(
    session: AsyncSession,
    log: ChangeLog,
    meeting_id: int,
    document_id: int,
    items: Sequence[NewItem],
    actions: Sequence[NewAction],
    metrics: Sequence[NewMetric],
    update_groups: Sequence[Sequence[NewUpdate]] = (),
) -> None:
    """A document's agenda items, actions, their updates (each group in one statement, in
    order) and metrics, with their themes and owners; each record logged, in its place."""
    made = {"meeting_id": meeting_id, "document_id": document_id}
    item_ids = await _add_items(session, made, items)
    await _insert(
        session,
        item_themes,
        [
            {"item_id": i, "theme_id": t}
            for i, item in zip(item_ids, items, strict=True)
            for t in item.theme_ids
        ],
    )

    def item_id(place: int | None) -> int | None:
        return item_ids[place] if place is not None else None

    action_ids = await _insert_ids(
        session,
        _table(Action),
        [{**made, **a.values, "item_id": item_id(a.item)} for a in actions],
    )
    await _insert(
        session,
        action_owners,
        [
            {"action_id": i, "person_id": p}
            for i, a in zip(action_ids, actions, strict=True)
            for p in a.owner_ids
        ],
    )
    await _insert(
        session,
        action_themes,
        [
            {"action_id": i, "theme_id": t}
            for i, a in zip(action_ids, actions, strict=True)
            for t in a.theme_ids
        ],
    )
    for group in update_groups:
        await _insert(
            session,
            _table(ActionUpdate),
            [{**u.values, "action_id": action_ids[u.action]} for u in group],
        )
    metric_ids = await _insert_ids(
        session, _table(Metric), [{**made, **m.values, "item_id": item_id(m.item)} for m in metrics]
    )
    log.add(RecordKind.AGENDA_ITEM, item_ids, ChangeOp.UPSERT, meeting_id)
    log.add(RecordKind.ACTION, action_ids, ChangeOp.UPSERT, meeting_id)
    log.add(RecordKind.METRIC, metric_ids, ChangeOp.UPSERT, meeting_id)


async def remove_documents(
    session: AsyncSession, log: ChangeLog, meeting_id: int, document_ids: Sequence[int]
) -> None:
    """Delete documents and the actions, metrics and agenda items made from them.

    Their action updates go with the actions (the foreign key cascades); pushed ones
    are carried to the new version by ingest beforehand. Each kind is logged in the order
    of its ids, so that the log is the same whichever order the database reads them in.
    """
    for kind, model in (
        (RecordKind.ACTION, Action),
        (RecordKind.METRIC, Metric),
        (RecordKind.AGENDA_ITEM, AgendaItem),
    ):
        ids = await session.scalars(
            select(model.id).where(model.document_id.in_(document_ids)).order_by(model.id)
        )
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


async def people_named(session: AsyncSession, names: Mapping[str, str]) -> dict[str, int]:
    """The id of one Person per name key in ``names`` (key -> name as written): found,
    else added."""
    if not names:
        return {}
    rows = await session.execute(
        select(Person.name_key, Person.id).where(Person.name_key.in_(names))
    )
    found = {key: person_id for key, person_id in rows}
    missing = [key for key in names if key not in found]
    added = await _insert_ids(
        session, _table(Person), [{"name": names[key], "name_key": key} for key in missing]
    )
    found.update(zip(missing, added, strict=True))
    return found


async def theme_ids(session: AsyncSession, codes: Collection[str]) -> dict[str, int]:
    """The ids of the themes of ``codes`` that exist, by code."""
    if not codes:
        return {}
    rows = await session.execute(select(Theme.code, Theme.id).where(Theme.code.in_(codes)))
    return {code: theme_id for code, theme_id in rows}


async def replace_attendance(
    session: AsyncSession, meeting_id: int, attendances: Sequence[Mapping[str, Any]]
) -> None:
    """The meeting's attendance rows (column values, without the meeting), made anew."""
    await session.execute(delete(Attendance).where(Attendance.meeting_id == meeting_id))
    await _insert(
        session, _table(Attendance), [{**row, "meeting_id": meeting_id} for row in attendances]
    )


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
    await _insert(
        session,
        _table(Acronym),
        [
            {"abbreviation": abbr, "expansion": expansion, "source_document_id": document_id}
            for abbr, expansion in acronyms.items()
            if abbr not in known
        ],
    )


async def replace_action_links(
    session: AsyncSession, later_ids: Collection[int], links: Sequence[Mapping[str, Any]]
) -> None:
    """The links from each of ``later_ids`` to the actions it continues (rows of column
    values), made anew in one statement.

    Links are derived records (``ingest.lifecycle``): the actions they join are logged
    when what their lifecycle comes to changes (``replace_lifecycles``).
    """
    if later_ids:
        await session.execute(delete(ActionLink).where(ActionLink.later_action_id.in_(later_ids)))
    await _insert(session, _table(ActionLink), links)


async def replace_lifecycles(
    session: AsyncSession,
    action_ids: Collection[int],
    chain_keys: Collection[int],
    lifecycles: Sequence[Mapping[str, Any]],
    events: Sequence[Mapping[str, Any]],
    changed: Mapping[int, int],
) -> None:
    """The lifecycles of ``action_ids`` and the events of their chains (and of the
    ``chain_keys`` they had before), made anew from rows of column values, a statement
    per table; logs an UPSERT of each action in ``changed`` (action id -> meeting id),
    whose lifecycle now says something else."""
    if chain_keys:
        await session.execute(delete(ActionEvent).where(ActionEvent.chain_key.in_(chain_keys)))
    if action_ids:
        await session.execute(delete(ActionEvent).where(ActionEvent.action_id.in_(action_ids)))
        await session.execute(
            delete(ActionLifecycle).where(ActionLifecycle.action_id.in_(action_ids))
        )
    await _insert(session, _table(ActionLifecycle), lifecycles)
    await _insert(session, _table(ActionEvent), events)
    log = ChangeLog()
    for action_id, meeting_id in sorted(changed.items()):
        log.add(RecordKind.ACTION, [action_id], ChangeOp.UPSERT, meeting_id)
    await log.write(session)


async def _add_items(
    session: AsyncSession, made: Mapping[str, Any], items: Sequence[NewItem]
) -> list[int]:
    """Insert agenda items a level at a time (top-level items, then their children ...),
    each level in the document's order, so that every parent has its id before its
    children are written; the ids, in the document's order."""
    depths: list[int] = []
    for item in items:
        depths.append(0 if item.parent is None else depths[item.parent] + 1)
    ids: list[int] = [0] * len(items)
    for depth in sorted(set(depths)):
        level = [n for n, d in enumerate(depths) if d == depth]
        rows = [
            {
                **made,
                **items[n].values,
                "parent_id": ids[p] if (p := items[n].parent) is not None else None,
            }
            for n in level
        ]
        for n, item_id in zip(
            level, await _insert_ids(session, _table(AgendaItem), rows), strict=True
        ):
            ids[n] = item_id
    return ids


def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


async def _insert(session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (column values, the same columns in each) in one statement."""
    if rows:
        await session.execute(insert(table), rows)


async def _insert_ids(
    session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Insert ``rows`` (the same columns in each) in one statement; their ids, in order.

    SQLite does not say in which order RETURNING gives the rows of a multi-row INSERT,
    but it numbers them in the order of its VALUES: ids of a table declared
    AUTOINCREMENT only grow, and the write transaction is the only writer. Elsewhere
    SQLAlchemy sorts them (``sort_by_parameter_order``).
    """
    if not rows:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return sorted(await session.scalars(insert(table).returning(table.c.id), rows))
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(await session.scalars(statement, rows))
