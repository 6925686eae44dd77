"""Enumerations shared by the models, the ingest drafts and (later) the GraphQL schema."""

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
