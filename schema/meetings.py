"""Meetings: the type, its attendees, filters and the list query."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import bindparam, select

from ingest.keys import body_key
from records import models
from records.enums import AttendanceStatus, DocumentType, MeetingKind
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.actions import Action
from schema.arguments import YEAR_RANGE, checked_year
from schema.documents import SourceDocument
from schema.evidence import Evidence, evidence_of
from schema.items import AgendaItem
from schema.meeting_references import MeetingReference
from schema.metrics import Metric
from schema.node import Node
from schema.pagination import AnySelect, PreparedQuery
from schema.people import Person
from schema.relations import relation

if TYPE_CHECKING:  # types above this one, linked back to lazily (see schema/__init__.py)
    from schema.themes import Theme


@strawberry.type(description="A person's place at a meeting.")
class Attendee:
    capacity: str | None = strawberry.field(
        description='The role they attended in, e.g. "Chief Constable".'
    )
    abbreviation: str | None = strawberry.field(
        description='How the minutes abbreviate them, e.g. "CC".'
    )
    status: AttendanceStatus = strawberry.field(description="Present, apologies or in attendance.")
    evidence: Evidence | None = strawberry.field(
        description="Where the document that gave the meeting's header lists the person; "
        "null when it could not be placed (or was stored before places were kept)."
    )
    person_id: strawberry.Private[int]

    person: Person = relation("person", key="person_id", description="Who attended.")

    @classmethod
    def from_model(cls, attendance: models.Attendance) -> Attendee:
        return cls(
            capacity=attendance.capacity,
            abbreviation=attendance.abbreviation,
            status=attendance.status,
            evidence=evidence_of(
                attendance.document_id, attendance.span_start, attendance.span_end
            ),
            person_id=attendance.person_id,
        )


def _top_level(items: list[models.AgendaItem]) -> list[models.AgendaItem]:
    return [item for item in items if item.parent_id is None]


def _minutes_first(
    documents: list[models.SourceDocument],
) -> models.SourceDocument | None:
    """The minutes if the meeting has them, else its first document."""
    minutes = [row for row in documents if row.document_type is DocumentType.MINUTES]
    chosen = minutes or documents
    return chosen[0] if chosen else None


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
    evidence: Evidence | None = strawberry.field(
        description="Where the header (title, date, venue, chair ...) was read from: the "
        "lines of the document that gave it; null when no lines gave it (a title from the "
        "file name) or for a meeting stored before headers kept their place."
    )
    db_id: strawberry.Private[int]
    chair_id: strawberry.Private[int | None]
    minute_taker_id: strawberry.Private[int | None]

    chair: Person | None = relation(
        "person", key="chair_id", description="Who chaired the meeting."
    )
    minute_taker: Person | None = relation(
        "person", key="minute_taker_id", description="Who took the minutes."
    )
    attendees: list[Attendee] = relation(
        "meeting_attendances",
        description="Who attended or sent apologies, in the order listed.",
    )
    items: list[AgendaItem] = relation(
        "meeting_items",
        pick=_top_level,
        description="The top-level agenda items in order; sub-items are their children.",
    )
    actions: list[Action] = relation(
        "meeting_actions",
        description="The actions recorded at this meeting, in order, each once: an action "
        "log's row that repeats an action of the minutes is listed as the minutes' action "
        "(the row is linked to it as SAME_MEETING: see `continuedBy`; a row of an action "
        "carried in is linked, as the minutes' record of it is, to the earlier action it "
        "continues).",
    )
    metrics: list[Metric] = relation(
        "meeting_metrics", description="The figures quoted at this meeting, in order."
    )
    actions_carried_in: list[Action] = relation(
        "meeting_actions_carried_in",
        description="Its actions that continue an earlier meeting's (matters arising, "
        "carried or deferred actions), in order.",
    )
    actions_carried_out: list[Action] = relation(
        "meeting_actions_carried_out",
        description="Its actions that a later meeting continues, in order.",
    )
    themes: list[Annotated[Theme, strawberry.lazy("schema.themes")]] = relation(
        "meeting_themes", description="The themes the meeting dealt with, by code."
    )
    source: SourceDocument | None = relation(
        "meeting_documents",
        pick=_minutes_first,
        description="The minutes document the meeting's records were read from.",
    )
    documents: list[SourceDocument] = relation(
        "meeting_documents",
        description="Every document of the meeting (minutes, agenda, action log).",
    )

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
            evidence=evidence_of(
                meeting.header_document_id, meeting.header_span_start, meeting.header_span_end
            ),
            db_id=meeting.id,
            chair_id=meeting.chair_id,
            minute_taker_id=meeting.minute_taker_id,
        )


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


def meeting_query(where: MeetingFilter | None) -> PreparedQuery:
    """Meetings (with their date, the sort key) meeting the filter: the conditions given
    (its shape) and their values, as parameters."""
    params: dict[str, Any] = {}
    if where is not None:
        if where.date_from:
            params["date_from"] = where.date_from
        if where.date_to:
            params["date_to"] = where.date_to
        if where.year is not None:
            year = checked_year(where.year, "meetings: argument `filter.year`")
            params["year_first"] = dt.date(year, 1, 1)
            params["year_last"] = dt.date(year, 12, 31)
        if where.kind:
            params["kinds"] = sorted(set(where.kind), key=lambda kind: kind.value)
        if where.theme:
            params["theme"] = where.theme.strip().upper()
        if where.body:
            params["body_key"] = body_key(where.body)
    shape = tuple(sorted(params))
    return PreparedQuery(("meetings", shape), lambda: _meeting_conditions(shape), params)


def _meeting_conditions(shape: tuple[str, ...]) -> AnySelect:
    """The meetings query with the conditions whose parameters ``shape`` names."""
    meeting = models.Meeting
    query: AnySelect = select(meeting, meeting.date)
    if "date_from" in shape:
        query = query.where(meeting.date >= bindparam("date_from"))
    if "date_to" in shape:
        query = query.where(meeting.date <= bindparam("date_to"))
    if "year_first" in shape:
        query = query.where(meeting.date.between(bindparam("year_first"), bindparam("year_last")))
    if "kinds" in shape:
        query = query.where(meeting.kind.in_(bindparam("kinds", expanding=True)))
    if "theme" in shape:
        themed = (
            select(models.meeting_themes.c.meeting_id)
            .join(models.Theme, models.Theme.id == models.meeting_themes.c.theme_id)
            .where(models.Theme.code == bindparam("theme"))
        )
        query = query.where(meeting.id.in_(themed))
    if "body_key" in shape:
        query = query.where(meeting.body_key == bindparam("body_key"))
    return query
