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
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.lifecycle.facts import ActionFacts, MeetingFacts, StatementFacts
from ingest.lifecycle.statements import SaidDraft, origin_meeting, said_of_meeting
from ingest.parse.action_status_lines import Reach, find_status_statements
from ingest.parse.dates import iter_dates
from ingest.prepare import PreparedDocument
from records.enums import MeetingKind
from records.models import Action, ActionEvent, ActionStatement, Meeting, SourceDocument

ReadActions = Callable[[ColumnElement[bool]], Awaitable[list[ActionFacts]]]


# --- writing ---------------------------------------------------------------------------------


def _reading_date(doc: PreparedDocument) -> dt.date | None:
    """The day a document's dates without a year are read from: its meeting's, else the
    latest its text gives (as the parser reads it)."""
    if doc.draft.date is not None:
        return doc.draft.date
    return max((m.date for m in iter_dates(doc.text)), default=None)


async def store_statements(
    session: AsyncSession, doc: PreparedDocument, meeting_id: int, document_id: int
) -> None:
    """Write what a stored document says became of earlier meetings' actions."""
    day = _reading_date(doc)
    if day is None:
        return
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
        for position, statement in enumerate(find_status_statements(doc.text, day))
    ]
    if rows:
        await session.execute(insert(ActionStatement), rows)


# --- which statements may name something else when a meeting comes or goes -----------------


async def stating_meetings(session: AsyncSession, meeting_id: int) -> set[int]:
    """The meetings whose statements may name something else once this one arrives,
    changes or goes: itself, the next meeting of its body and kind, and those whose
    statements name its day (or its month)."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return set()
    return {meeting_id} | await stating_meetings_around(
        session, meeting.identity_key, meeting.kind, meeting.date
    )


async def stating_meetings_around(
    session: AsyncSession, identity_key: str, kind: MeetingKind, day: dt.date | None
) -> set[int]:
    """The stored meetings whose statements a meeting of this body, kind and day (stored
    or about to be) may change the meaning of: the next of its body and kind, and those
    whose statements name its day (or its month)."""
    if day is None:
        return set()
    found: set[int] = set()
    following = await session.scalar(
        select(Meeting.id)
        .where(Meeting.identity_key == identity_key, Meeting.kind == kind, Meeting.date > day)
        .order_by(Meeting.date)
        .limit(1)
    )
    if following is not None:
        found.add(following)
    naming = await session.scalars(
        select(ActionStatement.meeting_id)
        .join(Meeting, Meeting.id == ActionStatement.meeting_id)
        .where(
            Meeting.identity_key == identity_key,
            ActionStatement.origin_date.in_({day, day.replace(day=1)}),
        )
        .distinct()
    )
    return found | set(naming)


async def chains_stated_at(session: AsyncSession, meeting_ids: Collection[int]) -> set[int]:
    """The chains that have events from the statements of these meetings."""
    if not meeting_ids:
        return set()
    return set(
        await session.scalars(
            select(ActionEvent.chain_key)
            .where(ActionEvent.meeting_id.in_(meeting_ids), ActionEvent.confidence.is_not(None))
            .distinct()
        )
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
    return set(
        await session.scalars(
            select(Action.id).join(Meeting, Meeting.id == Action.meeting_id).where(or_(*conditions))
        )
    )


def _on_or_in(day: dt.date) -> ColumnElement[bool]:
    """Held on ``day``, or in its month when it is a month's first day ("May 2020")."""
    if day.day != 1:
        return Meeting.date == day
    next_month = (day + dt.timedelta(days=32)).replace(day=1)
    return and_(Meeting.date >= day, Meeting.date < next_month)


# --- reading what is said of a lifecycle's actions -------------------------------------------


async def said_of(
    session: AsyncSession, facts: dict[int, ActionFacts], read_actions: ReadActions
) -> dict[int, list[SaidDraft]]:
    """What later documents say of each of these actions (by action id): the statements
    that name their meetings (by day, or as the previous meeting of the next one of
    their body and kind), each found among its meeting's actions (``read_actions``
    reads them)."""
    meetings = {a.meeting.id: a.meeting for a in facts.values() if a.meeting.date is not None}
    if not meetings:
        return {}
    statements = await _naming_by_day(session, meetings.values())
    named: dict[int, list[StatementFacts]] = defaultdict(list)
    if statements:
        candidates = await _meetings_on(session, statements)
        for statement in statements:
            chosen = origin_meeting(statement, candidates)
            if chosen is not None and chosen.id in meetings:
                named[chosen.id].append(statement)
    for meeting_id, following in (await _next_meetings(session, meetings.values())).items():
        named[meeting_id] += await _statements(
            session,
            and_(ActionStatement.meeting_id == following, ActionStatement.origin_date.is_(None)),
        )
    found: dict[int, list[SaidDraft]] = defaultdict(list)
    named = {m: s for m, s in named.items() if s}
    if not named:
        return found
    actions: dict[int, list[ActionFacts]] = defaultdict(list)
    for action in await read_actions(Action.meeting_id.in_(named)):
        actions[action.meeting.id].append(action)
    for meeting_id, said in named.items():
        for draft in said_of_meeting(meetings[meeting_id], actions[meeting_id], said):
            if draft.action_id in facts:
                found[draft.action_id].append(draft)
    return found


async def _naming_by_day(
    session: AsyncSession, meetings: Iterable[MeetingFacts]
) -> list[StatementFacts]:
    """Statements of the same bodies naming one of these meetings' days (or months)."""
    days: set[dt.date] = set()
    keys: set[str] = set()
    for meeting in meetings:
        assert meeting.date is not None
        days |= {meeting.date, meeting.date.replace(day=1)}
        keys.add(meeting.identity_key)
    return await _statements(
        session,
        and_(ActionStatement.origin_date.in_(days), Meeting.identity_key.in_(keys)),
    )


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
