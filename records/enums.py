"""Enumerations shared by the models, the ingest drafts, the index and the GraphQL schema."""

from __future__ import annotations

from enum import StrEnum


class DocumentType(StrEnum):
    MINUTES = "MINUTES"
    AGENDA = "AGENDA"
    ACTION_LOG = "ACTION_LOG"


class MeetingKind(StrEnum):
    MONTHLY_ASSURANCE = "MONTHLY_ASSURANCE"
    THEMATIC = "THEMATIC"
    PERFORMANCE = "PERFORMANCE"
    ACCOUNTABILITY_BOARD = "ACCOUNTABILITY_BOARD"
    POLICE_AND_CRIME_PANEL = "POLICE_AND_CRIME_PANEL"
    STRATEGIC_BOARD = "STRATEGIC_BOARD"
    AUDIT_COMMITTEE = "AUDIT_COMMITTEE"
    SCRUTINY_COMMITTEE = "SCRUTINY_COMMITTEE"
    OTHER = "OTHER"


class AttendanceStatus(StrEnum):
    PRESENT = "PRESENT"
    APOLOGIES = "APOLOGIES"
    IN_ATTENDANCE = "IN_ATTENDANCE"


class ActionStatus(StrEnum):
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    DEFERRED = "DEFERRED"
    CANCELLED = "CANCELLED"


class LinkKind(StrEnum):
    """Why one action is taken to continue another, recorded at an earlier meeting."""

    ORIGIN = "ORIGIN"  # it names the meeting it came from ("matters arising", carried)
    REFERENCE = "REFERENCE"  # the same register reference ("SRP 21/14") at an earlier meeting
    WORDING = "WORDING"  # the same wording (and owner) at an earlier meeting of the body
    SAME_MEETING = "SAME_MEETING"  # another document of the meeting (its action log) records it


class ActionEventKind(StrEnum):
    """A step in an action's life, as minutes or a force system record it."""

    RAISED = "RAISED"
    UPDATED = "UPDATED"
    IN_PROGRESS = "IN_PROGRESS"
    DEFERRED = "DEFERRED"
    COMPLETED = "COMPLETED"
    CLOSED = "CLOSED"
    CANCELLED = "CANCELLED"
    REOPENED = "REOPENED"


class EventSource(StrEnum):
    MINUTES = "MINUTES"
    API = "API"


class DueBasis(StrEnum):
    """Where an action's due date comes from."""

    STATED = "STATED"  # a date the minutes or a force system give
    NEXT_MEETING = "NEXT_MEETING"  # "to the next meeting": the next meeting the minutes announce
    PERIOD = "PERIOD"  # "bring back in 6 months": a period from when it was raised


class MetricUnit(StrEnum):
    PERCENT = "PERCENT"
    COUNT = "COUNT"
    MONEY = "MONEY"
    RATE = "RATE"


class MetricKind(StrEnum):
    OBSERVED = "OBSERVED"
    TARGET = "TARGET"


class ChangeOp(StrEnum):
    UPSERT = "UPSERT"
    DELETE = "DELETE"


class RecordKind(StrEnum):
    """The kinds of record the change log names; its values are the log's ``entity`` column.

    ``index_type`` is the kind's name in the search index (its documents' ``type``),
    which differs for agenda items ("item"); kinds without search documents have none.
    """

    MEETING = "meeting"
    AGENDA_ITEM = "agenda_item"
    ACTION = "action"
    ACTION_UPDATE = "action_update"
    METRIC = "metric"
    DOCUMENT = "document"

    @property
    def index_type(self) -> str | None:
        return INDEX_TYPES.get(self)

    @classmethod
    def indexed(cls) -> dict[str, RecordKind]:
        """The kinds that have search documents, by index type."""
        return {index_type: kind for kind, index_type in INDEX_TYPES.items()}


# The search index's name for each kind that has search documents (indexer/schema.py).
INDEX_TYPES: dict[RecordKind, str] = {
    RecordKind.MEETING: "meeting",
    RecordKind.AGENDA_ITEM: "item",
    RecordKind.ACTION: "action",
    RecordKind.METRIC: "metric",
}
