"""Store a prepared document as linked records, inside the caller's transaction.

A meeting is identified by (body, kind, date), a commissioner's fire board apart from
the police board; when the document names no body, by its chair instead (see
``meeting_identity_key``); when it states no date, by the
file name of its earlier versions. Documents of one meeting
(minutes, agenda, action log) attach to it whichever arrives first; a new
version of a document of the same type replaces the old one's records. The rows
are made here from the draft, as column values, and written through ``records.writes``
(a few statements per table), which logs every record written or removed. Nothing is
left in the session's identity map, so that later work in the same transaction reads
what was written.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.carry import CarryPlan, PushedUpdate, carry_plan, pushed_updates
from ingest.draft import AttendeeDraft, MeetingDraft
from ingest.keys import body_key, meeting_identity_key, name_key
from ingest.prepare import PreparedDocument
from records import writes
from records.enums import DocumentType
from records.models import Meeting, SourceDocument

# Which document's header (title, attendance, next meeting) the meeting shows.
HEADER_PRECEDENCE = {DocumentType.MINUTES: 3, DocumentType.AGENDA: 2, DocumentType.ACTION_LOG: 1}


class StoreOutcome(enum.StrEnum):
    STORED = "stored"  # a new meeting
    ATTACHED = "attached"  # a new document of a meeting already stored
    REPLACED = "replaced"  # a new version of a document already stored
    UNCHANGED = "unchanged"  # the same file again


@dataclass(frozen=True)
class StoreResult:
    outcome: StoreOutcome
    meeting_id: int
    document_id: int


@dataclass(frozen=True)
class EarlierReading:
    """What an earlier reading of a document, removed to store it again, leaves to the new
    one: the meeting it was of, and the updates pushed to its actions."""

    meeting_id: int
    pushed: Sequence[PushedUpdate] = ()


async def store_document(
    session: AsyncSession, doc: PreparedDocument, *, earlier: EarlierReading | None = None
) -> StoreResult:
    """Store ``doc`` (see the module). ``earlier``: a reading of it removed to store it
    again, whose pushed updates are carried to its actions as those of a replaced version
    are, and whose meeting it stays in, undated, when it still states no date."""
    existing = (
        await session.execute(
            select(SourceDocument.meeting_id, SourceDocument.id).where(
                SourceDocument.sha256 == doc.sha256
            )
        )
    ).first()
    if existing is not None:
        return StoreResult(StoreOutcome.UNCHANGED, existing.meeting_id, existing.id)

    draft = doc.draft
    log = writes.ChangeLog()
    pushed: list[PushedUpdate] = list(earlier.pushed) if earlier else []
    identity_key = identity_of(draft)
    meeting_id = await session.scalar(
        same_meeting_query(identity_key, draft, doc.file_name, earlier)
    )
    if meeting_id is None:
        outcome = StoreOutcome.STORED
        meeting_id = await writes.add_meeting(
            session,
            {
                "title": draft.title,
                "kind": draft.kind,
                "date": draft.date,
                "body_key": body_key(draft.body),
                "identity_key": identity_key,
            },
        )
        header_wins = True
    else:
        pushed += await pushed_updates(session, meeting_id, draft.document_type)
        old_ids = await _documents_of_type(session, meeting_id, draft.document_type)
        if old_ids:
            await writes.remove_documents(session, log, meeting_id, old_ids)
        outcome = StoreOutcome.REPLACED if old_ids else StoreOutcome.ATTACHED
        other_types = await session.scalars(
            select(SourceDocument.document_type).where(SourceDocument.meeting_id == meeting_id)
        )
        best_other = max((HEADER_PRECEDENCE[t] for t in other_types), default=0)
        header_wins = HEADER_PRECEDENCE[draft.document_type] >= best_other

    carried = carry_plan(pushed, draft.actions)
    document_id = await writes.add_document(
        session,
        log,
        {
            "meeting_id": meeting_id,
            "file_name": doc.file_name,
            "format": doc.format,
            "document_type": draft.document_type,
            "sha256": doc.sha256,
            "size": doc.size,
            "text": doc.text,
            "warnings": [*doc.warnings, *carried.warnings],
            "reading": doc.reading or None,
        },
    )

    people = await writes.people_named(session, _names_in(draft))
    themes = await writes.theme_ids(session, _theme_codes_in(draft))
    if header_wins:
        await _write_header(session, meeting_id, document_id, draft, doc.warnings, people, themes)
    await writes.add_acronyms(session, draft.acronyms, document_id)
    await _write_records(session, meeting_id, document_id, draft, people, themes, carried, log)
    await writes.write_meeting_log(session, log, meeting_id)
    return StoreResult(outcome, meeting_id, document_id)


def identity_of(draft: MeetingDraft) -> str:
    """The identity of the meeting a document's draft belongs to (``meeting_identity_key``)."""
    return meeting_identity_key(draft.body, draft.chair, title=draft.title)


def same_meeting_query(
    identity_key: str,
    draft: MeetingDraft,
    file_name: str,
    earlier: EarlierReading | None = None,
) -> Select[int]:
    """The stored meeting this document belongs to: same identity, kind and date.

    A document that states no date cannot be told from another by its header: it
    belongs to an undated meeting only through an earlier version of itself (a document
    of the same file name, or the earlier reading removed to store it again), so that a
    corrected file replaces what it gave.
    """
    same = select(Meeting.id).where(
        Meeting.identity_key == identity_key, Meeting.kind == draft.kind
    )
    if draft.date is not None:
        return same.where(Meeting.date == draft.date)
    versions: ColumnElement[bool] = Meeting.id.in_(
        select(SourceDocument.meeting_id).where(SourceDocument.file_name == file_name)
    )
    if earlier is not None:
        versions = or_(versions, Meeting.id == earlier.meeting_id)
    return same.where(Meeting.date.is_(None), versions).limit(1)


async def _documents_of_type(
    session: AsyncSession, meeting_id: int, document_type: DocumentType
) -> list[int]:
    """The ids of the meeting's earlier version(s) of a document type, which a new one replaces."""
    return list(
        await session.scalars(
            select(SourceDocument.id).where(
                SourceDocument.meeting_id == meeting_id,
                SourceDocument.document_type == document_type,
            )
        )
    )


def _names_in(draft: MeetingDraft) -> dict[str, str]:
    """The people the draft names, by name key (case- and space-insensitive): one Person each."""
    names = [a.name for a in draft.attendees]
    names += [n for n in (draft.chair, draft.minute_taker) if n]
    names += [owner for action in draft.actions for owner in action.owners]
    return {name_key(n): n.strip() for n in names if n.strip()}


def _theme_codes_in(draft: MeetingDraft) -> set[str]:
    codes = set(draft.themes)
    codes.update(code for item in draft.items for code in item.themes)
    codes.update(code for action in draft.actions for code in action.themes)
    codes.update(m.theme for m in draft.metrics if m.theme)
    return codes


async def _write_header(
    session: AsyncSession,
    meeting_id: int,
    document_id: int,
    draft: MeetingDraft,
    warnings: Sequence[str],
    people: dict[str, int],
    themes: dict[str, int],
) -> None:
    def person_id(name: str | None) -> int | None:
        return people.get(name_key(name)) if name else None

    nxt = draft.next_meeting
    span = draft.header_span
    await writes.update_meeting(
        session,
        meeting_id,
        {
            "title": draft.title,
            "body": draft.body,
            "start_time": draft.start_time,
            "venue": draft.venue,
            "chair_id": person_id(draft.chair),
            "minute_taker_id": person_id(draft.minute_taker),
            "next_title": nxt.title if nxt else None,
            "next_kind": nxt.kind if nxt else None,
            "next_date": nxt.date if nxt else None,
            "next_start_time": nxt.start_time if nxt else None,
            "next_venue": nxt.venue if nxt else None,
            "warnings": list(warnings),
            "header_document_id": document_id if span else None,
            "header_span_start": span.start if span else None,
            "header_span_end": span.end if span else None,
        },
    )
    await writes.replace_attendance(
        session, meeting_id, _attendances(document_id, draft.attendees, people)
    )
    theme_ids = [themes[c] for c in dict.fromkeys(draft.themes) if c in themes]
    await writes.replace_meeting_themes(session, meeting_id, theme_ids)


def _attendances(
    document_id: int, attendees: Sequence[AttendeeDraft], people: dict[str, int]
) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}
    for position, attendee in enumerate(attendees):
        person_id = people.get(name_key(attendee.name))
        if person_id is None or person_id in rows:
            continue
        rows[person_id] = {
            "person_id": person_id,
            "capacity": attendee.capacity,
            "abbreviation": attendee.abbreviation,
            "status": attendee.status,
            "position": position,
            "document_id": document_id if attendee.span else None,
            "span_start": attendee.span.start if attendee.span else None,
            "span_end": attendee.span.end if attendee.span else None,
        }
    return list(rows.values())


async def _write_records(
    session: AsyncSession,
    meeting_id: int,
    document_id: int,
    draft: MeetingDraft,
    people: dict[str, int],
    themes: dict[str, int],
    carried: CarryPlan,
    log: writes.ChangeLog,
) -> None:
    """The draft's items, actions (with the updates the minutes give, then those carried
    from the old version) and metrics as rows."""

    def pick_themes(codes: Iterable[str]) -> list[int]:
        return [themes[c] for c in dict.fromkeys(codes) if c in themes]

    items = [
        writes.NewItem(
            values={
                "number": item.number,
                "title": item.title,
                "text": item.text,
                "position": position,
                "span_start": item.span.start,
                "span_end": item.span.end,
            },
            parent=item.parent,
            theme_ids=pick_themes(item.themes),
        )
        for position, item in enumerate(draft.items)
    ]

    actions: list[writes.NewAction] = []
    minuted: list[writes.NewUpdate] = []
    for position, action in enumerate(draft.actions):
        item_codes = draft.items[action.item].themes if action.item is not None else []
        owners = {name_key(o): people[name_key(o)] for o in action.owners if name_key(o) in people}
        status, due_date = carried.status_and_due(position, action.status, action.due_date)
        actions.append(
            writes.NewAction(
                values={
                    "reference": action.reference,
                    "text": action.text,
                    "owner_text": action.owner_text,
                    "status": status,
                    "due_date": due_date,
                    "origin_title": action.origin_title,
                    "origin_date": action.origin_date,
                    "position": position,
                    "span_start": action.span.start,
                    "span_end": action.span.end,
                },
                item=action.item,
                owner_ids=list(owners.values()),
                theme_ids=pick_themes(action.themes or item_codes),
            )
        )
        minuted.extend(
            writes.NewUpdate(
                position,
                {
                    "text": update.text,
                    "status": update.status,
                    "document_id": document_id,
                    "span_start": update.span.start if update.span else None,
                    "span_end": update.span.end if update.span else None,
                },
            )
            for update in action.updates
        )
    pushed = [
        writes.NewUpdate(
            place,
            {
                "text": update.text,
                "status": update.status,
                "due_date": update.due_date,
                "author": update.author,
                "created_at": update.created_at,
            },
        )
        for place, update in carried.updates
    ]

    metrics: list[writes.NewMetric] = []
    for position, metric in enumerate(draft.metrics):
        code = metric.theme or (
            draft.items[metric.item].themes[0]
            if metric.item is not None and draft.items[metric.item].themes
            else None
        )
        metrics.append(
            writes.NewMetric(
                values={
                    "theme_id": themes.get(code) if code else None,
                    "value": metric.value,
                    "unit": metric.unit,
                    "kind": metric.kind,
                    "label": metric.label,
                    "context": metric.context,
                    "position": position,
                    "span_start": metric.span.start,
                    "span_end": metric.span.end,
                },
                item=metric.item,
            )
        )
    await writes.add_records(
        session, log, meeting_id, document_id, items, actions, metrics, [minuted, pushed]
    )
