"""Meetings: the type, its parts (attendees, next meeting), filters and the list query."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import select

from records import models
from records.enums import AttendanceStatus, DocumentType, MeetingKind
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.arguments import YEAR_RANGE, checked_year
from schema.context import Context
from schema.documents import SourceDocument
from schema.fields import resolver_field
from schema.node import Node, id_of, to_global_id
from schema.pagination import AnySelect
from schema.people import Person
from schema.prefetch import many, optional, related

if TYPE_CHECKING:
    from schema.actions import Action
    from schema.items import AgendaItem
    from schema.metrics import Metric
    from schema.themes import Theme

Info = strawberry.Info[Context, None]


@strawberry.type(description="A person's place at a meeting.")
class Attendee:
    capacity: str | None = strawberry.field(
        description='The role they attended in, e.g. "Chief Constable".'
    )
    abbreviation: str | None = strawberry.field(
        description='How the minutes abbreviate them, e.g. "CC".'
    )
    status: AttendanceStatus = strawberry.field(description="Present, apologies or in attendance.")
    person_id: strawberry.Private[int]

    @resolver_field(description="Who attended.")
    def person(self, info: Info) -> Person:
        return related(info.context.loaders.person, self.person_id, _attendee)


@strawberry.type(
    description="A meeting named in the minutes of another: the next one, "
    "or the one an action was carried from."
)
class MeetingReference:
    title: str | None = strawberry.field(description="Its title or type, as written.")
    kind: MeetingKind | None = strawberry.field(description="What sort of meeting it is.")
    date: dt.date | None = strawberry.field(description="Its date.")
    start_time: dt.time | None = strawberry.field(description="When it starts, HH:MM.")
    venue: str | None = strawberry.field(description="Where it is held.")


@strawberry.type(description="One meeting: its header, attendance, agenda, actions and figures.")
class Meeting(Node):
    title: str = strawberry.field(description="The title as the minutes give it.")
    kind: MeetingKind = strawberry.field(description="What sort of meeting it was.")
    date: dt.date | None = strawberry.field(
        description="The day it was held (YYYY-MM-DD); null when no document of it states it."
    )
    start_time: dt.time | None = strawberry.field(description="When it started, HH:MM.")
    venue: str | None = strawberry.field(description='Where it was held, e.g. "Virtual".')
    body: str | None = strawberry.field(description="The force or body that held it.")
    warnings: list[str] = strawberry.field(
        description="What the parser found doubtful in the minutes (a wrong weekday ...)."
    )
    next_meeting: MeetingReference | None = strawberry.field(
        description="The next meeting, as these minutes announce it."
    )
    db_id: strawberry.Private[int]
    chair_id: strawberry.Private[int | None]
    minute_taker_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, meeting: models.Meeting) -> Meeting:
        announced = (
            meeting.next_title,
            meeting.next_kind,
            meeting.next_date,
            meeting.next_start_time,
            meeting.next_venue,
        )
        return cls(
            id=to_global_id("Meeting", meeting.id),
            title=meeting.title,
            kind=meeting.kind,
            date=meeting.date,
            start_time=meeting.start_time,
            venue=meeting.venue,
            body=meeting.body,
            warnings=list(meeting.warnings or []),
            next_meeting=MeetingReference(
                title=meeting.next_title,
                kind=meeting.next_kind,
                date=meeting.next_date,
                start_time=meeting.next_start_time,
                venue=meeting.next_venue,
            )
            if any(announced)
            else None,
            db_id=meeting.id,
            chair_id=meeting.chair_id,
            minute_taker_id=meeting.minute_taker_id,
        )

    @resolver_field(description="Who chaired the meeting.")
    def chair(self, info: Info) -> Person | None:
        return _person(info, self.chair_id)

    @resolver_field(description="Who took the minutes.")
    def minute_taker(self, info: Info) -> Person | None:
        return _person(info, self.minute_taker_id)

    @resolver_field(description="Who attended or sent apologies, in the order listed.")
    def attendees(self, info: Info) -> list[Attendee]:
        return related(info.context.loaders.meeting_attendances, self.db_id, _attendees)

    @resolver_field(
        description="The top-level agenda items in order; sub-items are their children."
    )
    def items(self, info: Info) -> list[Annotated[AgendaItem, strawberry.lazy("schema.items")]]:
        from schema.items import AgendaItem

        def top_level(rows: list[models.AgendaItem]) -> list[AgendaItem]:
            return [AgendaItem.from_model(row) for row in rows if row.parent_id is None]

        return related(info.context.loaders.meeting_items, self.db_id, top_level)

    @resolver_field(description="The actions recorded at this meeting, in order.")
    def actions(self, info: Info) -> list[Annotated[Action, strawberry.lazy("schema.actions")]]:
        from schema.actions import Action

        return related(info.context.loaders.meeting_actions, self.db_id, many(Action.from_model))

    @resolver_field(description="The figures quoted at this meeting, in order.")
    def metrics(self, info: Info) -> list[Annotated[Metric, strawberry.lazy("schema.metrics")]]:
        from schema.metrics import Metric

        return related(info.context.loaders.meeting_metrics, self.db_id, many(Metric.from_model))

    @resolver_field(description="The themes the meeting dealt with, by code.")
    def themes(self, info: Info) -> list[Annotated[Theme, strawberry.lazy("schema.themes")]]:
        from schema.themes import Theme

        return related(info.context.loaders.meeting_themes, self.db_id, many(Theme.from_model))

    @resolver_field(description="The minutes document the meeting's records were read from.")
    def source(self, info: Info) -> SourceDocument | None:
        return related(info.context.loaders.meeting_documents, self.db_id, _source)

    @resolver_field(description="Every document of the meeting (minutes, agenda, action log).")
    def documents(self, info: Info) -> list[SourceDocument]:
        return related(
            info.context.loaders.meeting_documents, self.db_id, many(SourceDocument.from_model)
        )


def _person(info: Info, person_id: int | None) -> Person | None:
    if person_id is None:
        return None
    return related(info.context.loaders.person, person_id, optional(Person.from_model))


def _attendee(person: models.Person | None) -> Person:
    assert person is not None  # attendances are deleted with their person
    return Person.from_model(person)


def _attendees(rows: list[models.Attendance]) -> list[Attendee]:
    return [
        Attendee(
            capacity=row.capacity,
            abbreviation=row.abbreviation,
            status=row.status,
            person_id=row.person_id,
        )
        for row in rows
    ]


def _source(rows: list[models.SourceDocument]) -> SourceDocument | None:
    minutes = [row for row in rows if row.document_type is DocumentType.MINUTES]
    chosen = minutes or rows
    return SourceDocument.from_model(chosen[0]) if chosen else None


@strawberry.input(description="Conditions on meetings; every condition given must hold.")
class MeetingFilter:
    date_from: dt.date | None = strawberry.field(default=None, description="On or after this day.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    year: int | None = strawberry.field(
        default=None, description=f"Held in this year ({YEAR_RANGE})."
    )
    kind: list[MeetingKind] | None = strawberry.field(
        default=None, description="Of any of these kinds."
    )
    theme: str | None = strawberry.field(
        default=None, description='Dealing with this theme (code, e.g. "DA").'
    )
    body: str | None = strawberry.field(
        default=None, description="Held by this force or body (case-insensitive)."
    )


def meeting_query(where: MeetingFilter | None) -> AnySelect:
    """Meetings (with their date, the sort key) meeting the filter."""
    query: AnySelect = select(models.Meeting, models.Meeting.date)
    if where is None:
        return query
    if where.date_from:
        query = query.where(models.Meeting.date >= where.date_from)
    if where.date_to:
        query = query.where(models.Meeting.date <= where.date_to)
    if where.year is not None:
        year = checked_year(where.year, "meetings: argument `filter.year`")
        query = query.where(models.Meeting.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if where.kind:
        query = query.where(models.Meeting.kind.in_(set(where.kind)))
    if where.theme:
        themed = (
            select(models.meeting_themes.c.meeting_id)
            .join(models.Theme, models.Theme.id == models.meeting_themes.c.theme_id)
            .where(models.Theme.code == where.theme.strip().upper())
        )
        query = query.where(models.Meeting.id.in_(themed))
    if where.body:
        query = query.where(models.Meeting.body_key == " ".join(where.body.lower().split()))
    return query


def meeting_id_of(global_id: str, argument: str) -> int:
    return id_of(global_id, "Meeting", argument=argument)
