"""The record enumerations as GraphQL enums, with descriptions for the docs pane."""

from __future__ import annotations

from enum import StrEnum

import strawberry

from records.enums import (
    ActionStatus,
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MetricKind,
    MetricUnit,
)

strawberry.enum(
    MeetingKind,
    description=(
        "What sort of meeting it was, by the body's own name: MONTHLY_ASSURANCE, THEMATIC (one"
        " theme), PERFORMANCE, ACCOUNTABILITY_BOARD (holding the Chief Constable to account),"
        " POLICE_AND_CRIME_PANEL (also Police, Fire and Crime Panels), STRATEGIC_BOARD"
        " (strategic, governance and executive boards, policing boards, police authorities),"
        " AUDIT_COMMITTEE, SCRUTINY_COMMITTEE (overview and scrutiny committees, scrutiny"
        " panels and boards, the London Assembly's Police and Crime Committee), OTHER."
    ),
)
strawberry.enum(
    AttendanceStatus, description="Whether a person attended, sent apologies or sat in."
)
strawberry.enum(
    ActionStatus, description="Where an action stands (OPEN, IN_PROGRESS, COMPLETED ...)."
)
strawberry.enum(
    MetricUnit, description="What a figure counts: a PERCENT, a COUNT, MONEY or a RATE."
)
strawberry.enum(MetricKind, description="OBSERVED: a measured figure; TARGET: an aim.")
strawberry.enum(DocumentType, description="What a source document is: minutes, agenda, action log.")


@strawberry.enum(description="Order of a list by meeting date (ties by record id).")
class DateOrder(StrEnum):
    DATE_DESC = "DATE_DESC"
    DATE_ASC = "DATE_ASC"


__all__ = [
    "ActionStatus",
    "AttendanceStatus",
    "DateOrder",
    "DocumentType",
    "MeetingKind",
    "MetricKind",
    "MetricUnit",
]
