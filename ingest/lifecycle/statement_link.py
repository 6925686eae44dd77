"""Status statements inside an ingest's transaction: a document's statements written,
the ones that name a lifecycle's actions read for its events, and the actions and
chains whose events a meeting's arrival, change or removal may move.

Statements are kept whether or not the meeting they name is stored (a later meeting's
minutes often arrive first). Which meeting a statement names depends only on stored
meetings of its body: those held on the day it names, or its meeting's previous one of
the same kind. So when a meeting arrives or goes, the statements that may name
something else are its own, those naming its day, and those of the next meeting of its
body and kind; the chains they named and the actions they may name now are rebuilt,
and whatever order the files come in, each ends up naming the same action.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, and_, func, insert, or_, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.lifecycle.facts import ActionFacts, MeetingFacts, StatementFacts
from ingest.lifecycle.statements import SaidDraft, origin_meeting, said_of_meeting
from ingest.parse.action_status_lines import Reach
from ingest.prepare import PreparedDocument, status_statements
from records.enums import MeetingKind
from records.models import Action, ActionEvent, ActionStatement, Meeting, SourceDocument

ReadActions = Callable[[ColumnElement[bool]], Awaitable[list[ActionFacts]]]


# --- writing ---------------------------------------------------------------------------------


async def store_statements(
    session: AsyncSession, doc: PreparedDocument, meeting_id: int, document_id: int
) -> None:
    """Write what a stored document says became of earlier meetings' actions."""
    statements = doc.statements
    if statements is None:
        statements = status_statements(doc.draft, doc.text)
    rows: list[dict[str, Any]] = [
        {
            "document_id": document_id,
            "meeting_id": meeting_id,
            "position": position,
            "reach": statement.reach.value,
            "reference": statement.reference[:32] if statement.reference else None,
            "label": statement.label,
            "kind": statement.kind,
            "status": statement.status,
            "origin_title": statement.origin.title[:500]
            if statement.origin and statement.origin.title
            else None,
            "origin_date": statement.origin.date if statement.origin else None,
            "count": statement.count,
            "span_start": statement.span.start,
            "span_end": statement.span.end,
            "confidence": statement.confidence,
        }
        for position, statement in enumerate(statements)
    ]
    if rows:
        await session.execute(insert(ActionStatement), rows)


# --- which statements may name something else when a meeting comes or goes -----------------


async def stating_meetings(session: AsyncSession, meeting_id: int) -> set[int]:
    """The meetings whose statements may name something else once this one arrives,
    changes or goes: itself, the next meeting of its body and kind, and those whose
    statements name its day (or its month). Storing or removing the meeting's documents
    changes neither the next meeting nor the other meetings' statements, so these are
    the same before and after (``stating_meetings_around`` reads them before)."""
    row = (
        await session.execute(
            select(Meeting.identity_key, Meeting.kind, Meeting.date).where(Meeting.id == meeting_id)
        )
    ).first()
    if row is None:
        return set()
    return {meeting_id} | await stating_meetings_around(session, *row)


async def stating_meetings_around(
    session: AsyncSession, identity_key: str, kind: MeetingKind, day: dt.date | None
) -> set[int]:
    """The stored meetings whose statements a meeting of this body, kind and day (stored
    or about to be) may change the meaning of: the next of its body and kind, and those
    whose statements name its day (or its month)."""
    query = stating_meetings_around_query(identity_key, kind, day)
    if query is None:
        return set()
    found: set[int] = {i for i in await session.scalars(query) if i is not None}
    return found


def stating_meetings_around_query(
    identity_key: str, kind: MeetingKind, day: dt.date | None
) -> CompoundSelect[Any] | None:
    """The query of ``stating_meetings_around``, one statement (a NULL among its ids
    when there is no next meeting); None for a meeting without a date."""
    if day is None:
        return None
    following = (
        select(Meeting.id)
        .where(Meeting.identity_key == identity_key, Meeting.kind == kind, Meeting.date > day)
        .order_by(Meeting.date)
        .limit(1)
        .scalar_subquery()
    )
    naming = (
        select(ActionStatement.meeting_id)
        .join(Meeting, Meeting.id == ActionStatement.meeting_id)
        .where(
            Meeting.identity_key == identity_key,
            ActionStatement.origin_date.in_({day, day.replace(day=1)}),
        )
    )
    return union(select(following.label("id")), naming)


async def chains_stated_at(session: AsyncSession, meeting_ids: Collection[int]) -> set[int]:
    """The chains that have events from the statements of these meetings."""
    if not meeting_ids:
        return set()
    return set(await session.scalars(chains_stated_at_query(meeting_ids).distinct()))


def chains_stated_at_query(meeting_ids: Collection[int]) -> Select[Any]:
    return select(ActionEvent.chain_key).where(
        ActionEvent.meeting_id.in_(meeting_ids), ActionEvent.confidence.is_not(None)
    )


async def actions_stated_about(session: AsyncSession, meeting_ids: Collection[int]) -> set[int]:
    """The actions the statements of these meetings may name: those of every stored
    meeting of their body held on the day they name (or in its month), or of their
    meeting's previous one of its kind."""
    if not meeting_ids:
        return set()
    statements = (
        await session.execute(
            select(ActionStatement.origin_date, Meeting.identity_key, Meeting.kind, Meeting.date)
            .join(Meeting, Meeting.id == ActionStatement.meeting_id)
            .where(ActionStatement.meeting_id.in_(meeting_ids))
            .distinct()
        )
    ).all()
    conditions: list[ColumnElement[bool]] = []
    for origin_date, identity_key, kind, day in statements:
        if origin_date is not None:
            conditions.append(and_(Meeting.identity_key == identity_key, _on_or_in(origin_date)))
        elif day is not None:
            previous = (
                select(Meeting.id)
                .where(
                    Meeting.identity_key == identity_key, Meeting.kind == kind, Meeting.date < day
                )
                .order_by(Meeting.date.desc())
                .limit(1)
                .scalar_subquery()
            )
            conditions.append(Meeting.id == previous)
    if not conditions:
        return set()
    meetings = select(Meeting.id).where(or_(*conditions))
    return set(await session.scalars(select(Action.id).where(Action.meeting_id.in_(meetings))))


def _on_or_in(day: dt.date) -> ColumnElement[bool]:
    """Held on ``day``, or in its month when it is a month's first day ("May 2020")."""
    if day.day != 1:
        return Meeting.date == day
    next_month = (day + dt.timedelta(days=32)).replace(day=1)
    return and_(Meeting.date >= day, Meeting.date < next_month)


# --- reading what is said of a lifecycle's actions -------------------------------------------


async def said_of(
    session: AsyncSession,
    facts: dict[int, ActionFacts],
    read_actions: ReadActions,
    whole: Mapping[int, Sequence[ActionFacts]] | None = None,
) -> dict[int, list[SaidDraft]]:
    """What later documents say of each of these actions (by action id): the statements
    that name their meetings (by day, or as the previous meeting of the next one of
    their body and kind), each found among its meeting's actions (``whole``: every
    action of some meetings, read already; ``read_actions`` reads the others')."""
    meetings = {a.meeting.id: a.meeting for a in facts.values() if a.meeting.date is not None}
    if not meetings:
        return {}
    following = await _next_meetings(session, meetings.values())
    # In one statement: the statements of the same bodies naming one of the meetings'
    # days (or months), and those of every next meeting that name no day.
    days: set[dt.date] = set()
    for meeting in meetings.values():
        assert meeting.date is not None
        days |= {meeting.date, meeting.date.replace(day=1)}
    keys = {meeting.identity_key for meeting in meetings.values()}
    by_day = and_(ActionStatement.origin_date.in_(days), Meeting.identity_key.in_(keys))
    of_next_meetings = and_(
        ActionStatement.meeting_id.in_(set(following.values())),
        ActionStatement.origin_date.is_(None),
    )
    statements: list[StatementFacts] = []
    of_next: dict[int, list[StatementFacts]] = defaultdict(list)
    for statement in await _statements(
        session, or_(by_day, of_next_meetings) if following else by_day
    ):
        if statement.origin_date is None:
            of_next[statement.meeting.id].append(statement)
        else:
            statements.append(statement)
    named: dict[int, list[StatementFacts]] = defaultdict(list)
    if statements:
        candidates = await _meetings_on(session, statements)
        for statement in statements:
            chosen = origin_meeting(statement, candidates)
            if chosen is not None and chosen.id in meetings:
                named[chosen.id].append(statement)
    for meeting_id, next_id in following.items():
        named[meeting_id] += of_next[next_id]
    found: dict[int, list[SaidDraft]] = defaultdict(list)
    named = {m: s for m, s in named.items() if s}
    if not named:
        return found
    whole = whole or {}
    actions: dict[int, list[ActionFacts]] = {m: list(whole[m]) for m in named if m in whole}
    if unread := [m for m in named if m not in whole]:
        for action in await read_actions(Action.meeting_id.in_(unread)):
            actions.setdefault(action.meeting.id, []).append(action)
    for meeting_id, said in named.items():
        for draft in said_of_meeting(meetings[meeting_id], actions.get(meeting_id, []), said):
            if draft.action_id in facts:
                found[draft.action_id].append(draft)
    return found


async def _meetings_on(
    session: AsyncSession, statements: Sequence[StatementFacts]
) -> list[MeetingFacts]:
    """The stored meetings of the statements' bodies held on the days they name."""
    conditions = [
        and_(Meeting.identity_key == s.meeting.identity_key, _on_or_in(s.origin_date))
        for s in statements
        if s.origin_date is not None
    ]
    rows = await session.execute(_meeting_columns().where(or_(*conditions)))
    return [MeetingFacts(*row) for row in rows]


async def _next_meetings(session: AsyncSession, meetings: Iterable[MeetingFacts]) -> dict[int, int]:
    """For each meeting, the next one of its body and kind (by id), where stored. The
    meetings asked about for one body and kind are read in one statement: those after
    the earliest of them up to the first after the latest."""
    groups: dict[tuple[str, str], list[MeetingFacts]] = defaultdict(list)
    for meeting in meetings:
        groups[meeting.identity_key, meeting.kind.value].append(meeting)
    found: dict[int, int] = {}
    for group in groups.values():
        first = group[0]
        days = [m.date for m in group if m.date is not None]
        same = and_(Meeting.identity_key == first.identity_key, Meeting.kind == first.kind)
        after_last = (
            select(func.min(Meeting.date)).where(same, Meeting.date > max(days)).scalar_subquery()
        )
        last = func.coalesce(after_last, max(days))
        rows = (
            await session.execute(
                select(Meeting.id, Meeting.date)
                .where(same, Meeting.date > min(days), Meeting.date <= last)
                .order_by(Meeting.date)
            )
        ).all()
        for meeting in group:
            after = meeting.date
            following = next((i for i, day in rows if after and day and day > after), None)
            if following is not None:
                found[meeting.id] = following
    return found


def _meeting_columns() -> Any:
    return select(
        Meeting.id,
        Meeting.identity_key,
        Meeting.kind,
        Meeting.date,
        Meeting.title,
        Meeting.next_date,
    )


async def _statements(session: AsyncSession, where: ColumnElement[bool]) -> list[StatementFacts]:
    text = func.substr(
        SourceDocument.text,
        ActionStatement.span_start + 1,
        ActionStatement.span_end - ActionStatement.span_start,
    )
    rows = await session.execute(
        _meeting_columns()
        .add_columns(
            ActionStatement.id,
            ActionStatement.document_id,
            SourceDocument.document_type,
            ActionStatement.position,
            ActionStatement.reach,
            ActionStatement.reference,
            ActionStatement.label,
            ActionStatement.kind,
            ActionStatement.status,
            ActionStatement.origin_title,
            ActionStatement.origin_date,
            ActionStatement.count,
            ActionStatement.span_start,
            ActionStatement.span_end,
            text,
            ActionStatement.confidence,
        )
        .join(ActionStatement, ActionStatement.meeting_id == Meeting.id)
        .join(SourceDocument, SourceDocument.id == ActionStatement.document_id)
        .where(where)
    )
    meetings: dict[int, MeetingFacts] = {}
    found: list[StatementFacts] = []
    for row in rows:
        meeting = meetings.setdefault(row[0], MeetingFacts(*row[:6]))
        found.append(
            StatementFacts(
                id=row[6],
                meeting=meeting,
                document_id=row[7],
                document_type=row[8],
                position=row[9],
                reach=Reach(row[10]),
                reference=row[11],
                label=row[12],
                kind=row[13],
                status=row[14],
                origin_title=row[15],
                origin_date=row[16],
                count=row[17],
                span_start=row[18],
                span_end=row[19],
                text=row[20] or "",
                confidence=row[21],
            )
        )
    return found
