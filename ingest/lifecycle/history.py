"""A lifecycle's status events and what they come to, from its actions and updates.

The actions of one lifecycle are grouped by meeting; the first action of each meeting
(the minutes' before an action log's) stands for it in the chain. The first meeting
raises the action (at the meeting it names as its origin, when that one is not
stored); each meeting after records it again, as deferred, closed or still open, with
the updates the minutes give as evidence. What later minutes say of it without
recording it again ("Action 3 closed", ``statements``) is an event of the day of those
minutes, unless the lifecycle has that status from them already. Updates pushed
through the API follow on the day they were made.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from ingest.lifecycle.due import worked_out_due
from ingest.lifecycle.facts import DOCUMENT_RANK, ActionFacts, UpdateFacts
from ingest.lifecycle.statements import SaidDraft
from records.enums import ActionEventKind, ActionStatus, DueBasis, EventSource

_DEFERRED_WORDS = re.compile(
    r"\b(?:deferred|carried\s+(?:forward|over)|c/f(?:wd)?|rolled\s+(?:forward|over)|postponed)\b",
    re.IGNORECASE,
)
_CLOSED_WORDS = re.compile(r"\bclosed?\b|\bdischarged\b|\bsigned\s+off\b", re.IGNORECASE)
_DONE = (ActionStatus.COMPLETED, ActionStatus.CANCELLED)


@dataclass
class EventDraft:
    action_id: int
    kind: ActionEventKind
    status: ActionStatus | None
    source: EventSource
    date: dt.date | None
    text: str
    meeting_id: int | None = None
    document_id: int | None = None
    span_start: int | None = None
    span_end: int | None = None
    update_id: int | None = None
    author: str | None = None
    due_date: dt.date | None = None
    created_at: dt.datetime | None = None
    confidence: float | None = None  # a later meeting's statement: how sure it names this


@dataclass(frozen=True)
class LifecycleDraft:
    """What a lifecycle comes to; the same for every action of it."""

    chain_key: int
    raised_on: dt.date | None
    closed_on: dt.date | None
    status: ActionStatus
    times_deferred: int
    due_date: dt.date | None
    due_basis: DueBasis | None
    last_seen_on: dt.date | None
    in_chain: frozenset[int] = field(default_factory=frozenset)


def _kind_of(status: ActionStatus | None, text: str, was_done: bool) -> ActionEventKind:
    if status is None:
        return ActionEventKind.UPDATED
    if status is ActionStatus.COMPLETED:
        return ActionEventKind.CLOSED if _CLOSED_WORDS.search(text) else ActionEventKind.COMPLETED
    if status is ActionStatus.OPEN:
        return ActionEventKind.REOPENED if was_done else ActionEventKind.UPDATED
    return {
        ActionStatus.IN_PROGRESS: ActionEventKind.IN_PROGRESS,
        ActionStatus.DEFERRED: ActionEventKind.DEFERRED,
        ActionStatus.CANCELLED: ActionEventKind.CANCELLED,
    }[status]


def _from_action(
    action: ActionFacts, kind: ActionEventKind, status: ActionStatus | None, date: dt.date | None
) -> EventDraft:
    return EventDraft(
        action_id=action.id,
        kind=kind,
        status=status,
        source=EventSource.MINUTES,
        date=date,
        text=action.text,
        meeting_id=action.meeting.id if date == action.meeting.date else None,
        document_id=action.document_id,
        span_start=action.span_start,
        span_end=action.span_end,
        due_date=action.due_date,
    )


def _from_update(update: UpdateFacts, action: ActionFacts, was_done: bool) -> EventDraft:
    pushed = update.pushed
    return EventDraft(
        action_id=action.id,
        kind=_kind_of(update.status, update.text, was_done),
        status=update.status,
        source=EventSource.API if pushed else EventSource.MINUTES,
        date=update.created_at.date() if pushed else action.meeting.date,
        text=update.text,
        meeting_id=None if pushed else action.meeting.id,
        document_id=update.document_id,
        span_start=update.span_start,
        span_end=update.span_end,
        update_id=update.id,
        author=update.author,
        due_date=update.due_date,
        created_at=update.created_at,
    )


def _meeting_events(
    group: Sequence[ActionFacts],
    updates: Mapping[int, Sequence[UpdateFacts]],
    first: bool,
    was_done: bool,
) -> list[EventDraft]:
    """What one meeting records of the action: raised, deferred, closed, still open."""
    primary = group[0]
    date = primary.meeting.date
    raised_here = first and primary.origin_date is None
    events: list[EventDraft] = []
    if first:
        raised = _from_action(primary, ActionEventKind.RAISED, ActionStatus.OPEN, date)
        if not raised_here:  # carried from a meeting that is not stored: raised then
            raised.date, raised.meeting_id = primary.origin_date, None
        events.append(raised)
    mentioned: list[EventDraft] = []
    said: set[str] = set()
    for action in group:
        for update in updates.get(action.id, ()):
            if update.pushed or update.text in said:
                continue
            said.add(update.text)
            event = _from_update(update, action, was_done)
            mentioned.append(event)
            if event.status is not None:
                was_done = event.status in _DONE
    deferred = primary.status is ActionStatus.DEFERRED or _DEFERRED_WORDS.search(primary.excerpt)
    if (
        not raised_here
        and deferred
        and all(e.kind is not ActionEventKind.DEFERRED for e in mentioned)
    ):
        mentioned.insert(
            0, _from_action(primary, ActionEventKind.DEFERRED, ActionStatus.DEFERRED, date)
        )
    last = next((e.status for e in reversed(mentioned) if e.status is not None), None)
    # A status pushed through the API is the action's status now; its event is the update's.
    pushed = any(u.pushed and u.status is not None for u in updates.get(primary.id, ()))
    quiet = pushed or (primary.status is ActionStatus.OPEN and (raised_here or mentioned))
    if last is not primary.status and not quiet:
        kind = _kind_of(primary.status, primary.excerpt, was_done)
        mentioned.append(_from_action(primary, kind, primary.status, date))
    return events + mentioned


def _from_statement(said: SaidDraft) -> EventDraft:
    statement = said.statement
    return EventDraft(
        action_id=said.action_id,
        kind=statement.kind,
        status=statement.status,
        source=EventSource.MINUTES,
        date=statement.meeting.date,
        text=statement.text,
        meeting_id=statement.meeting.id,
        document_id=statement.document_id,
        span_start=statement.span_start,
        span_end=statement.span_end,
        confidence=said.confidence,
    )


def _statement_events(
    ordered: Sequence[ActionFacts],
    said: Mapping[int, Sequence[SaidDraft]],
    recorded: Sequence[EventDraft],
) -> list[EventDraft]:
    """The events of what later minutes say of the lifecycle's actions, in the records'
    order: one per meeting and status, none where the meeting's own record of the
    action gives that status already, nor where the statement is the record of one of
    the lifecycle's actions with that status (the lifecycle weighs it with the others)."""
    drafts = sorted(
        (d for a in ordered for d in said.get(a.id, ()) if d.statement.meeting.date is not None),
        key=lambda d: (d.statement.order_key, -d.confidence),
    )
    given = {(e.meeting_id, e.status) for e in recorded if e.meeting_id is not None}
    events: list[EventDraft] = []
    for draft in drafts:
        statement = draft.statement
        key = (statement.meeting.id, statement.status)
        recorded_as_action = any(
            a.document_id == statement.document_id
            and a.span_start < statement.span_end
            and statement.span_start < a.span_end
            and a.status is statement.status
            for a in ordered
        )
        if key not in given and not recorded_as_action:
            given.add(key)
            events.append(_from_statement(draft))
    return events


def lifecycle(
    members: Sequence[ActionFacts],
    updates: Mapping[int, Sequence[UpdateFacts]],
    said: Mapping[int, Sequence[SaidDraft]] | None = None,
) -> tuple[LifecycleDraft, list[EventDraft]]:
    """The events of the lifecycle made of ``members`` (linked actions) in order, and
    what they come to; ``said``: what later minutes say of each action."""
    ordered = sorted(members, key=lambda a: a.order_key)
    groups = [
        list(group) for _, group in groupby(ordered, key=lambda a: (a.meeting.date, a.meeting.id))
    ]
    groups = [sorted(g, key=lambda a: (DOCUMENT_RANK[a.document_type], a.position)) for g in groups]
    events: list[EventDraft] = []
    done = False
    for index, group in enumerate(groups):
        found = _meeting_events(group, updates, index == 0, done)
        events += found
        statuses = [e.status for e in found if e.status is not None]
        done = statuses[-1] in _DONE if statuses else done
    stated = _statement_events(ordered, said or {}, events)
    events += stated
    pushed = sorted(
        (u for a in ordered for u in updates.get(a.id, ()) if u.pushed),
        key=lambda u: (u.created_at, u.text),
    )
    by_id = {a.id: a for a in ordered}
    for update in pushed:
        event = _from_update(update, by_id[update.action_id], done)
        events.append(event)
        done = event.status in _DONE if event.status is not None else done
    events.sort(key=lambda e: e.date or dt.date.min)  # stable: meetings' order kept within a day

    status = ActionStatus.OPEN
    closed_on: dt.date | None = None
    for event in events:
        if event.status is None or event.kind is ActionEventKind.RAISED:
            continue
        if event.confidence is not None and event.kind is ActionEventKind.UPDATED:
            # "Action 2 remains open" after it was done: the statement reopens it.
            event.kind = ActionEventKind.REOPENED if status in _DONE else event.kind
        if event.status in _DONE and status not in _DONE:
            closed_on = event.date
        elif event.status not in _DONE:
            closed_on = None
        status = event.status
    head = groups[0][0]
    raised_on = events[0].date if events else head.meeting.date
    due_date, due_basis = _due(ordered, events, raised_on)
    return (
        LifecycleDraft(
            chain_key=head.id,
            raised_on=raised_on,
            closed_on=closed_on if status in _DONE else None,
            status=status,
            times_deferred=sum(1 for e in events if e.kind is ActionEventKind.DEFERRED),
            due_date=due_date,
            due_basis=due_basis,
            last_seen_on=max(
                (d for d in (groups[-1][0].meeting.date, *(e.date for e in stated)) if d),
                default=None,
            ),
            in_chain=frozenset(group[0].id for group in groups),
        ),
        events,
    )


def _due(
    ordered: Sequence[ActionFacts], events: Sequence[EventDraft], raised_on: dt.date | None
) -> tuple[dt.date | None, DueBasis | None]:
    """The due date stated last (by a meeting's records or a pushed update, whichever
    is later; on one day the update, made after the meeting), else the one the raising
    wording implies."""
    # (when it was stated, API after minutes, place in the records' order, the due date)
    stated: list[tuple[dt.date, int, int, dt.date]] = [
        (action.meeting.date or dt.date.min, 0, place, action.due_date)
        for place, action in enumerate(ordered)
        if action.due_date is not None
    ]
    stated += [
        (event.date or dt.date.min, 1, place, event.due_date)
        for place, event in enumerate(events)
        if event.source is EventSource.API and event.due_date is not None
    ]
    if stated:
        return max(stated)[3], DueBasis.STATED
    head = ordered[0]
    worked = worked_out_due(head.text, raised_on, head.meeting.next_date)
    return worked if worked else (None, None)
