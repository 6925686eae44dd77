"""Store a prepared document as linked records, inside the caller's transaction.

A meeting is identified by (body, kind, date); when the document names no body,
by its chair instead (see ``meeting_identity_key``); when it states no date, by the
file name of its earlier versions. Documents of one meeting
(minutes, agenda, action log) attach to it whichever arrives first; a new
version of a document of the same type replaces the old one's records. The rows
are made here from the draft and written through ``records.writes``, which logs
every record written or removed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from ingest.carry import PushedUpdate, carry_updates, pushed_updates
from ingest.draft import AttendeeDraft, MeetingDraft
from ingest.keys import body_key, meeting_identity_key, name_key
from ingest.prepare import PreparedDocument
from records import writes
from records.enums import DocumentType
from records.models import (
    Action,
    ActionUpdate,
    AgendaItem,
    Attendance,
    Meeting,
    Metric,
    Person,
    SourceDocument,
    Theme,
)

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


async def store_document(session: AsyncSession, doc: PreparedDocument) -> StoreResult:
    existing = await session.scalar(
        select(SourceDocument).where(SourceDocument.sha256 == doc.sha256)
    )
    if existing is not None:
        return StoreResult(StoreOutcome.UNCHANGED, existing.meeting_id, existing.id)

    draft = doc.draft
    log = writes.ChangeLog()
    pushed: list[PushedUpdate] = []
    identity_key = meeting_identity_key(draft.body, draft.chair)
    meeting = await session.scalar(_same_meeting(identity_key, draft, doc.file_name))
    if meeting is None:
        outcome = StoreOutcome.STORED
        meeting = Meeting(
            title=draft.title,
            kind=draft.kind,
            date=draft.date,
            body_key=body_key(draft.body),
            identity_key=identity_key,
        )
        await writes.add_meeting(session, meeting)
        header_wins = True
    else:
        pushed = await pushed_updates(session, meeting.id, draft.document_type)
        old_ids = await _documents_of_type(session, meeting.id, draft.document_type)
        if old_ids:
            await writes.remove_documents(session, log, meeting.id, old_ids)
        outcome = StoreOutcome.REPLACED if old_ids else StoreOutcome.ATTACHED
        other_types = await session.scalars(
            select(SourceDocument.document_type).where(SourceDocument.meeting_id == meeting.id)
        )
        best_other = max((HEADER_PRECEDENCE[t] for t in other_types), default=0)
        header_wins = HEADER_PRECEDENCE[draft.document_type] >= best_other

    source = SourceDocument(
        meeting_id=meeting.id,
        file_name=doc.file_name,
        format=doc.format,
        document_type=draft.document_type,
        sha256=doc.sha256,
        size=doc.size,
        text=doc.text,
        warnings=list(doc.warnings),
    )
    await writes.add_document(session, log, source)

    people = await writes.people_named(session, _names_in(draft))
    themes = await _themes(session, _theme_codes_in(draft))
    if header_wins:
        await _write_header(session, meeting, source, draft, doc.warnings, people, themes)
    await writes.add_acronyms(session, draft.acronyms, source.id)
    actions = await _write_records(session, meeting, source, draft, people, themes, log)
    if dropped := carry_updates(pushed, actions):
        source.warnings = [*source.warnings, *dropped]
    await writes.write_meeting_log(session, log, meeting.id)
    return StoreResult(outcome, meeting.id, source.id)


def _same_meeting(identity_key: str, draft: MeetingDraft, file_name: str) -> Select[Meeting]:
    """The stored meeting this document belongs to: same identity, kind and date.

    A document that states no date cannot be told from another by its header: it
    belongs to an undated meeting only through an earlier version of itself (a document
    of the same file name), so that a corrected file replaces what it gave.
    """
    same = select(Meeting).where(Meeting.identity_key == identity_key, Meeting.kind == draft.kind)
    if draft.date is not None:
        return same.where(Meeting.date == draft.date)
    earlier = select(SourceDocument.meeting_id).where(SourceDocument.file_name == file_name)
    return same.where(Meeting.date.is_(None), Meeting.id.in_(earlier)).limit(1)


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


async def _themes(session: AsyncSession, codes: set[str]) -> dict[str, Theme]:
    if not codes:
        return {}
    return {t.code: t for t in await session.scalars(select(Theme).where(Theme.code.in_(codes)))}


async def _write_header(
    session: AsyncSession,
    meeting: Meeting,
    source: SourceDocument,
    draft: MeetingDraft,
    warnings: Sequence[str],
    people: dict[str, Person],
    themes: dict[str, Theme],
) -> None:
    def person_id(name: str | None) -> int | None:
        return people[name_key(name)].id if name and name_key(name) in people else None

    meeting.title = draft.title
    meeting.body = draft.body
    meeting.start_time = draft.start_time
    meeting.venue = draft.venue
    meeting.chair_id = person_id(draft.chair)
    meeting.minute_taker_id = person_id(draft.minute_taker)
    nxt = draft.next_meeting
    meeting.next_title = nxt.title if nxt else None
    meeting.next_kind = nxt.kind if nxt else None
    meeting.next_date = nxt.date if nxt else None
    meeting.next_start_time = nxt.start_time if nxt else None
    meeting.next_venue = nxt.venue if nxt else None
    meeting.warnings = list(warnings)
    span = draft.header_span
    meeting.header_document_id = source.id if span else None
    meeting.header_span_start = span.start if span else None
    meeting.header_span_end = span.end if span else None

    await writes.replace_attendance(
        session, meeting.id, _attendances(meeting.id, source.id, draft.attendees, people)
    )
    theme_ids = [themes[c].id for c in dict.fromkeys(draft.themes) if c in themes]
    await writes.replace_meeting_themes(session, meeting.id, theme_ids)


def _attendances(
    meeting_id: int,
    document_id: int,
    attendees: Sequence[AttendeeDraft],
    people: dict[str, Person],
) -> list[Attendance]:
    rows: dict[int, Attendance] = {}
    for position, attendee in enumerate(attendees):
        person = people.get(name_key(attendee.name))
        if person is None or person.id in rows:
            continue
        rows[person.id] = Attendance(
            meeting_id=meeting_id,
            person_id=person.id,
            capacity=attendee.capacity,
            abbreviation=attendee.abbreviation,
            status=attendee.status,
            position=position,
            document_id=document_id if attendee.span else None,
            span_start=attendee.span.start if attendee.span else None,
            span_end=attendee.span.end if attendee.span else None,
        )
    return list(rows.values())


async def _write_records(
    session: AsyncSession,
    meeting: Meeting,
    source: SourceDocument,
    draft: MeetingDraft,
    people: dict[str, Person],
    themes: dict[str, Theme],
    log: writes.ChangeLog,
) -> list[Action]:
    """The draft's items, actions and metrics as rows; returns the actions."""

    def pick_themes(codes: Iterable[str]) -> list[Theme]:
        return [themes[c] for c in dict.fromkeys(codes) if c in themes]

    items: list[AgendaItem] = []
    for position, item in enumerate(draft.items):
        row = AgendaItem(
            meeting_id=meeting.id,
            document_id=source.id,
            parent=items[item.parent] if item.parent is not None else None,
            number=item.number,
            title=item.title,
            text=item.text,
            position=position,
            span_start=item.span.start,
            span_end=item.span.end,
            themes=pick_themes(item.themes),
        )
        items.append(row)

    actions: list[Action] = []
    for position, action in enumerate(draft.actions):
        item_row = items[action.item] if action.item is not None else None
        item_codes = draft.items[action.item].themes if action.item is not None else []
        owners = {name_key(o): people[name_key(o)] for o in action.owners if name_key(o) in people}
        action_row = Action(
            meeting_id=meeting.id,
            document_id=source.id,
            item=item_row,
            reference=action.reference,
            text=action.text,
            owner_text=action.owner_text,
            status=action.status,
            due_date=action.due_date,
            origin_title=action.origin_title,
            origin_date=action.origin_date,
            position=position,
            span_start=action.span.start,
            span_end=action.span.end,
            owners=list(owners.values()),
            themes=pick_themes(action.themes or item_codes),
            updates=[
                ActionUpdate(
                    text=update.text,
                    status=update.status,
                    document_id=source.id,
                    span_start=update.span.start if update.span else None,
                    span_end=update.span.end if update.span else None,
                )
                for update in action.updates
            ],
        )
        actions.append(action_row)

    metrics: list[Metric] = []
    for position, metric in enumerate(draft.metrics):
        item_row = items[metric.item] if metric.item is not None else None
        code = metric.theme or (
            draft.items[metric.item].themes[0]
            if metric.item is not None and draft.items[metric.item].themes
            else None
        )
        metrics.append(
            Metric(
                meeting_id=meeting.id,
                document_id=source.id,
                item=item_row,
                theme=themes.get(code) if code else None,
                value=metric.value,
                unit=metric.unit,
                kind=metric.kind,
                label=metric.label,
                context=metric.context,
                position=position,
                span_start=metric.span.start,
                span_end=metric.span.end,
            )
        )
    await writes.add_records(session, log, meeting.id, items, actions, metrics)
    return actions
