"""Actions: what a meeting asked someone to do, their owners, status and history."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import exists, func, or_, select

from records import models
from records.enums import ActionStatus
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.arguments import MAX_MATCH_CHARS, checked_match_text
from schema.evidence import EVIDENCE_DOC, Evidence, evidence_of
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
            id=to_global_id("ActionUpdate", update.id),
            text=update.text,
            status=update.status,
            due_date=update.due_date,
            author=update.author,
            created_at=update.created_at,
            evidence=evidence_of(update.document_id, update.span_start, update.span_end),
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
    history: list[ActionUpdate] = relation(
        "action_history", description="Updates to the action, oldest first."
    )

    @classmethod
    def from_model(cls, action: models.Action) -> Action:
        carried = action.origin_title is not None or action.origin_date is not None
        return cls(
            id=to_global_id("Action", action.id),
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


def action_query(where: ActionFilter | None, today: dt.date) -> AnySelect:
    """Actions (with their meeting's date, the sort key) meeting the filter."""
    action, meeting = models.Action, models.Meeting
    query: AnySelect = select(action, meeting.date).join(meeting, meeting.id == action.meeting_id)
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
    return query
