"""Actions: what a meeting asked someone to do, their owners, status and lifecycle.

An action recorded at several meetings (raised, carried, deferred, closed) is one
lifecycle of linked actions (``ingest.lifecycle``): each action shows the links to the
actions it continues and that continue it, the chain of them, the lifecycle's events
and what it comes to.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import exists, func, or_, select

from ingest.keys import body_key
from records import models
from records.enums import ActionEventKind, ActionStatus, DueBasis, EventSource, LinkKind
from records.lifecycles import DONE, head, open_on, recorded_again
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.arguments import MAX_MATCH_CHARS, checked_match_text
from schema.context import Context
from schema.evidence import EVIDENCE_DOC, Evidence, evidence_of
from schema.fields import resolver_field
from schema.lazy import lazily
from schema.meeting_references import MeetingReference
from schema.node import Node, id_of, to_global_id
from schema.pagination import AnySelect
from schema.people import Person
from schema.relations import relation

if TYPE_CHECKING:  # types above this one, linked back to lazily (see schema/__init__.py)
    from schema.items import AgendaItem
    from schema.meetings import Meeting
    from schema.themes import Theme

# Statuses of actions still to be done: an action in one of them past its due date is overdue.
OUTSTANDING = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
AS_OF_DOC = "The day to count to (default: today in the bodies' time zone)."
Info = strawberry.Info[Context, None]


@strawberry.type(
    description="A change to an action: from the minutes, or pushed by a force system."
)
class ActionUpdate(Node):
    text: str = strawberry.field(description="What changed, in words.")
    status: ActionStatus | None = strawberry.field(description="The status it set, if any.")
    due_date: dt.date | None = strawberry.field(description="The due date it set, if any.")
    author: str | None = strawberry.field(description="Who made the change, when known.")
    created_at: dt.datetime = strawberry.field(description="When the change was recorded.")
    evidence: Evidence | None = strawberry.field(description=EVIDENCE_DOC)

    @classmethod
    def from_model(cls, update: models.ActionUpdate) -> ActionUpdate:
        return cls(
            db_id=update.id,
            text=update.text,
            status=update.status,
            due_date=update.due_date,
            author=update.author,
            created_at=update.created_at,
            evidence=evidence_of(update.document_id, update.span_start, update.span_end),
        )


@strawberry.type(
    description="A step in an action's lifecycle: raised, updated, deferred, closed ..., "
    "from a meeting's minutes or from an update pushed through the API."
)
class ActionEvent:
    id: strawberry.ID = strawberry.field(description="The event's id.")
    status: ActionEventKind = strawberry.field(description="What happened.")
    action_status: ActionStatus | None = strawberry.field(
        description="The status the action had after it, where the event says."
    )
    date: dt.date | None = strawberry.field(
        description="The day: of the meeting that recorded it, or of the pushed update."
    )
    source: EventSource = strawberry.field(description="Minutes or API.")
    text: str = strawberry.field(description="What the minutes or the update say.")
    author: str | None = strawberry.field(description="Who pushed it (API updates).")
    due_date: dt.date | None = strawberry.field(description="The due date it gave, if any.")
    created_at: dt.datetime = strawberry.field(description="When the event was recorded.")
    evidence: Evidence | None = strawberry.field(
        description="The passage of the minutes that records it; null for API updates."
    )
    confidence: float | None = strawberry.field(
        description="For a status that a later meeting's minutes state of the action "
        '("Action 3 closed", "all actions from the last meeting were complete") without '
        "recording it again: how sure it is that they mean this action, from 0 to 1. Null "
        "for what the action's own records and pushed updates say."
    )
    meeting_id: strawberry.Private[int | None]
    action_id: strawberry.Private[int]

    meeting: Annotated[Meeting, strawberry.lazy("schema.meetings")] | None = relation(
        "meeting", key="meeting_id", description="The meeting that recorded it (not for API)."
    )
    action: Action = relation(
        "action", key="action_id", description="The record of the action it is read from."
    )

    @classmethod
    def from_model(cls, event: models.ActionEvent) -> ActionEvent:
        return cls(
            id=strawberry.ID(to_global_id("ActionEvent", event.id)),
            status=event.kind,
            action_status=event.status,
            date=event.date,
            source=event.source,
            text=event.text,
            author=event.author,
            due_date=event.due_date,
            created_at=event.created_at,
            evidence=evidence_of(event.document_id, event.span_start, event.span_end),
            confidence=event.confidence,
            meeting_id=event.meeting_id,
            action_id=event.action_id,
        )


@strawberry.type(
    description="One action continuing another recorded earlier: how it was matched, how "
    "sure the match is and why. The passage is the later action's `evidence`."
)
class ActionLink:
    kind: LinkKind = strawberry.field(description="How the match was made.")
    confidence: float = strawberry.field(description="How sure the match is, from 0 to 1.")
    reason: str = strawberry.field(
        description='What matched, e.g. "carried from Accountability Board (2021-12-14): '
        'cites action 2, wording 81%".'
    )
    earlier_action_id: strawberry.Private[int]
    later_action_id: strawberry.Private[int]

    earlier: Action = relation(
        "action", key="earlier_action_id", description="The action continued."
    )
    later: Action = relation(
        "action", key="later_action_id", description="The action that continues it."
    )

    @classmethod
    def from_model(cls, link: models.ActionLink) -> ActionLink:
        return cls(
            kind=link.kind,
            confidence=link.confidence,
            reason=link.reason,
            earlier_action_id=link.earlier_action_id,
            later_action_id=link.later_action_id,
        )


@strawberry.type(
    description="What an action's whole lifecycle comes to, across the meetings it was "
    "recorded at and the updates pushed to it."
)
class ActionLifecycle:
    status: ActionStatus = strawberry.field(description="Where it stands now.")
    raised_on: dt.date | None = strawberry.field(description="When it was raised.")
    closed_on: dt.date | None = strawberry.field(
        description="When it was completed or cancelled; null while it is open."
    )
    last_seen_on: dt.date | None = strawberry.field(
        description="The last meeting that recorded it."
    )
    times_deferred: int = strawberry.field(description="How many times it was deferred.")
    due_date: dt.date | None = strawberry.field(
        description="When it is due: the latest date stated, else one its wording implies "
        '("next meeting", "in 6 months"); see `dueBasis`.'
    )
    due_basis: DueBasis | None = strawberry.field(description="Where `dueDate` comes from.")

    @resolver_field(description="Days from raised to closed, or to `asOf` while open.")
    def days_open(
        self,
        info: Info,
        as_of: Annotated[dt.date | None, strawberry.argument(description=AS_OF_DOC)] = None,
    ) -> int | None:
        return self.days_open_on(as_of or info.context.today)

    @resolver_field(description="Still open on `asOf` and due before it.")
    def overdue(
        self,
        info: Info,
        as_of: Annotated[dt.date | None, strawberry.argument(description=AS_OF_DOC)] = None,
    ) -> bool:
        return self.overdue_on(as_of or info.context.today)

    def days_open_on(self, day: dt.date) -> int | None:
        """Days from raised to closed, or to ``day`` while open on it."""
        if self.raised_on is None:
            return None
        end = self.closed_on if self.closed_on is not None and self.closed_on <= day else day
        return max(0, (end - self.raised_on).days)

    def overdue_on(self, day: dt.date) -> bool:
        """Still open on ``day`` and due before it."""
        if self.due_date is None or self.due_date >= day:
            return False
        if self.raised_on is not None and self.raised_on > day:
            return False
        return (self.closed_on is None and self.status not in DONE) or (
            self.closed_on is not None and self.closed_on > day
        )

    @classmethod
    def from_model(cls, row: models.ActionLifecycle) -> ActionLifecycle:
        return cls(
            status=row.status,
            raised_on=row.raised_on,
            closed_on=row.closed_on,
            last_seen_on=row.last_seen_on,
            times_deferred=row.times_deferred,
            due_date=row.due_date,
            due_basis=row.due_basis,
        )


@strawberry.type(description='An action recorded at a meeting ("Action 2: CC to provide ...").')
class Action(Node):
    reference: str | None = strawberry.field(description='Its number or reference, e.g. "2".')
    text: str = strawberry.field(description="What is to be done.")
    owner_text: str | None = strawberry.field(
        description='The owner as written, e.g. "CC" (see `owners` for the people).'
    )
    status: ActionStatus = strawberry.field(description="Where the action stands.")
    due_date: dt.date | None = strawberry.field(description="When it is due, if stated.")
    origin: MeetingReference | None = strawberry.field(
        description="The earlier meeting it was carried from (matters arising), if any."
    )
    evidence: Evidence | None = strawberry.field(description=EVIDENCE_DOC)
    db_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]
    item_id: strawberry.Private[int | None]

    owners: list[Person] = relation("action_owners", description="The people who own the action.")
    meeting: Annotated[Meeting, strawberry.lazy("schema.meetings")] = relation(
        "meeting", key="meeting_id", description="The meeting that recorded the action."
    )
    item: Annotated[AgendaItem, strawberry.lazy("schema.items")] | None = relation(
        "item", key="item_id", description="The agenda item it was recorded under."
    )
    themes: list[Annotated[Theme, strawberry.lazy("schema.themes")]] = relation(
        "action_themes", description="The themes the action deals with."
    )
    history: list[ActionEvent] = relation(
        "action_history",
        description="Every status event of the action's lifecycle in order, from the "
        "minutes of each meeting that recorded it and from updates pushed through the API.",
    )
    continues: list[ActionLink] = relation(
        "action_continues",
        description="The links to the earlier actions this one continues (carried, "
        "deferred, recorded again).",
    )
    continued_by: list[ActionLink] = relation(
        "action_continued_by", description="The links from the later actions that continue it."
    )
    chain: list[Action] = relation(
        "action_chain",
        description="The whole lifecycle in order: one action per meeting it was recorded at.",
    )
    lifecycle: ActionLifecycle | None = relation(
        "action_lifecycle",
        description="What the lifecycle comes to: status now, raised and closed, times "
        "deferred, due date, days open, overdue.",
    )

    @classmethod
    def from_model(cls, action: models.Action) -> Action:
        carried = action.origin_title is not None or action.origin_date is not None
        return cls(
            reference=action.reference,
            text=action.text,
            owner_text=action.owner_text,
            status=action.status,
            due_date=action.due_date,
            origin=MeetingReference(
                title=action.origin_title,
                kind=None,
                date=action.origin_date,
                start_time=None,
                venue=None,
            )
            if carried
            else None,
            evidence=evidence_of(action.document_id, action.span_start, action.span_end),
            db_id=action.id,
            meeting_id=action.meeting_id,
            item_id=action.item_id,
        )


lazily(Action, db_id="id", meeting_id="meeting_id", item_id="item_id")


@strawberry.input(description="Conditions on actions; every condition given must hold.")
class ActionFilter:
    status: list[ActionStatus] | None = strawberry.field(
        default=None, description="In any of these statuses."
    )
    owner: str | None = strawberry.field(
        default=None,
        description="Owned by someone whose name, or the owner as written, contains this "
        f'("CC", "Bangham"; at most {MAX_MATCH_CHARS} characters).',
    )
    theme: str | None = strawberry.field(
        default=None, description="Dealing with this theme (code)."
    )
    meeting: strawberry.ID | None = strawberry.field(
        default=None, description="Recorded at this meeting (its id)."
    )
    overdue: bool | None = strawberry.field(
        default=None,
        description="True: still open or in progress and past the due date; false: not so.",
    )
    carried: bool | None = strawberry.field(
        default=None, description="True: carried from an earlier meeting; false: raised here."
    )
    due_from: dt.date | None = strawberry.field(
        default=None, description="Due on or after this day."
    )
    due_to: dt.date | None = strawberry.field(
        default=None, description="Due on or before this day."
    )
    body: str | None = strawberry.field(
        default=None, description="Recorded by this force or body (case-insensitive)."
    )
    open_at: dt.date | None = strawberry.field(
        default=None,
        description="Lifecycles raised by this day and not closed by it; each lifecycle once, "
        "as the action that raised it.",
    )
    overdue_at: dt.date | None = strawberry.field(
        default=None,
        description="Lifecycles open on this day and due before it; each once, as the action "
        "that raised it.",
    )
    deferred_at_least: int | None = strawberry.field(
        default=None,
        description="Lifecycles deferred at least this many times; each once, as the action "
        "that raised it.",
    )


def action_query(where: ActionFilter | None, today: dt.date) -> AnySelect:
    """Actions (with their meeting's date, the sort key) meeting the filter, each once as
    its meeting lists it (see ``records.lifecycles.recorded_again``)."""
    action, meeting = models.Action, models.Meeting
    query: AnySelect = (
        select(action, meeting.date)
        .join(meeting, meeting.id == action.meeting_id)
        .where(~recorded_again())
    )
    if where is None:
        return query
    if where.status:
        query = query.where(action.status.in_(set(where.status)))
    owner = checked_match_text(where.owner or "", "actions: argument `filter.owner`")
    if words := owner.strip().lower():
        owned = exists(
            select(models.action_owners.c.action_id)
            .join(models.Person, models.Person.id == models.action_owners.c.person_id)
            .where(models.action_owners.c.action_id == action.id)
            .where(models.Person.name_key.contains(words, autoescape=True))
        )
        written = func.lower(action.owner_text).contains(words, autoescape=True)
        query = query.where(or_(owned, written))
    if where.theme:
        themed = (
            select(models.action_themes.c.action_id)
            .join(models.Theme, models.Theme.id == models.action_themes.c.theme_id)
            .where(models.Theme.code == where.theme.strip().upper())
        )
        query = query.where(action.id.in_(themed))
    if where.meeting:
        query = query.where(
            action.meeting_id
            == id_of(where.meeting, "Meeting", argument="actions: argument `filter.meeting`")
        )
    if where.overdue is not None:
        late = action.status.in_(OUTSTANDING) & (action.due_date < today)
        query = query.where(late if where.overdue else ~late | action.due_date.is_(None))
    if where.carried is not None:
        carried = action.origin_title.is_not(None) | action.origin_date.is_not(None)
        query = query.where(carried if where.carried else ~carried)
    if where.due_from:
        query = query.where(action.due_date >= where.due_from)
    if where.due_to:
        query = query.where(action.due_date <= where.due_to)
    if where.body:
        query = query.where(meeting.body_key == body_key(where.body))
    if lifecycle := _lifecycle_conditions(where):
        heads = select(models.ActionLifecycle.action_id).where(head(), *lifecycle)
        query = query.where(action.id.in_(heads))
    return query


def _lifecycle_conditions(where: ActionFilter) -> list[Any]:
    cycle = models.ActionLifecycle
    conditions: list[Any] = []
    for day in (where.open_at, where.overdue_at):
        if day is not None:
            conditions.append(open_on(day))
    if where.overdue_at is not None:
        conditions.append(cycle.due_date < where.overdue_at)
    if where.deferred_at_least is not None:
        conditions.append(cycle.times_deferred >= where.deferred_at_least)
    return conditions
