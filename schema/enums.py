"""The record enumerations as GraphQL enums, with descriptions for the docs pane."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import Enum, EnumMeta, StrEnum
from typing import cast

import strawberry

from records.enums import (
    ActionEventKind,
    ActionStatus,
    AttendanceStatus,
    DocumentType,
    DueBasis,
    EventSource,
    LinkKind,
    MeetingKind,
    MetricKind,
    MetricUnit,
    RecordKind,
)


def described_enum(
    cls: EnumMeta, *, description: str, values: Mapping[str, str], name: str | None = None
) -> None:
    """Make ``cls`` a GraphQL enum whose every value says what it means (``values``, by
    member name): the records' enumerations are shared with ingest and the index, so
    their GraphQL descriptions are kept here rather than on their members."""
    members = {member.name for member in cast("Iterable[Enum]", cls)}
    if members != set(values):
        raise ValueError(f"{cls.__name__}: values to describe differ from the members")
    strawberry.enum(cls, name=name, description=description)
    for value in cls.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values[value.name]


described_enum(
    MeetingKind,
    description="What sort of meeting it was, by the body's own name.",
    values={
        "MONTHLY_ASSURANCE": "A regular (usually monthly) meeting at which the Commissioner "
        "holds the Chief Constable to account across the force's work.",
        "THEMATIC": "A meeting on one theme (Domestic Abuse, Serious and Organised Crime, "
        "VAWG ...).",
        "PERFORMANCE": "A meeting that reviews the force's performance figures.",
        "ACCOUNTABILITY_BOARD": "A board at which the Commissioner holds the Chief Constable "
        "to account in public or in formal session.",
        "POLICE_AND_CRIME_PANEL": "The panel that scrutinises the Commissioner (also Police, "
        "Fire and Crime Panels).",
        "STRATEGIC_BOARD": "Strategic, governance and executive boards, policing boards and "
        "police authorities.",
        "AUDIT_COMMITTEE": "A joint audit committee (or audit and standards committee) of the "
        "Commissioner and the force.",
        "SCRUTINY_COMMITTEE": "Overview and scrutiny committees, scrutiny panels and boards, "
        "and the London Assembly's Police and Crime Committee.",
        "OTHER": "A meeting of none of the kinds above, or whose kind the document does not "
        "make plain.",
    },
)
described_enum(
    AttendanceStatus,
    description="Whether a person attended, sent apologies or sat in.",
    values={
        "PRESENT": "A member of the body who attended.",
        "APOLOGIES": "Sent apologies for absence and did not attend.",
        "IN_ATTENDANCE": "Attended without being a member: officers, staff and guests "
        "listed as in attendance.",
    },
)
described_enum(
    ActionStatus,
    description="Where an action stands, as its latest record or update says.",
    values={
        "OPEN": "Agreed and not yet started or reported on.",
        "IN_PROGRESS": "Work on it has started and it is not finished.",
        "COMPLETED": "Done, or closed as discharged.",
        "DEFERRED": "Put back to a later meeting or date.",
        "CANCELLED": "Dropped: no longer to be done.",
    },
)
described_enum(
    MetricUnit,
    description="What a figure counts.",
    values={
        "PERCENT": "A percentage (43 for 43%).",
        "COUNT": "A number of things: crimes, calls, officers, referrals.",
        "MONEY": "An amount of money, in pounds.",
        "RATE": "A number per population or base (5.8 crimes per 1,000 population).",
    },
)
described_enum(
    MetricKind,
    description="Whether a figure was measured or aimed at.",
    values={
        "OBSERVED": "A figure measured or reported for a period.",
        "TARGET": "A figure set as an aim, a threshold or an expected level.",
    },
)
described_enum(
    DocumentType,
    description="What a source document is.",
    values={
        "MINUTES": "The record of what was said and decided at the meeting.",
        "AGENDA": "The list of business set out before the meeting.",
        "ACTION_LOG": "The log of actions agreed at meetings and their progress.",
    },
)

described_enum(
    ActionEventKind,
    name="ActionEventStatus",
    description="A step in an action's life.",
    values={
        "RAISED": "First recorded: at the meeting that agreed it, or at the meeting a later "
        "record names as its origin.",
        "UPDATED": "Reported on, still open.",
        "IN_PROGRESS": "Reported as under way.",
        "DEFERRED": "Put back to a later meeting (deferred, carried forward).",
        "COMPLETED": "Reported done.",
        "CLOSED": "Closed by the meeting (discharged, signed off).",
        "CANCELLED": "Dropped: no longer to be done.",
        "REOPENED": "Open again after it was completed or cancelled.",
    },
)
described_enum(
    EventSource,
    description="What recorded a step in an action's life.",
    values={
        "MINUTES": "A meeting's minutes (or action log), with the passage that says so.",
        "API": "An update pushed by a force system (`updateAction`).",
    },
)
described_enum(
    LinkKind,
    name="ActionLinkKind",
    description="How an action was found to continue an earlier one.",
    values={
        "ORIGIN": "It names the meeting it came from (matters arising, carried or deferred "
        "actions, an action log's date raised); matched there by reference and wording.",
        "REFERENCE": "The same register reference (e.g. SRP 21/14) at an earlier meeting of "
        "the body.",
        "WORDING": "The same wording, and owner, at an earlier meeting of the same body and kind.",
        "SAME_MEETING": "Another document of the same meeting (its action log) records it.",
    },
)
described_enum(
    DueBasis,
    description="Where an action's due date comes from.",
    values={
        "STATED": "A date the minutes, the action log or a force system give.",
        "NEXT_MEETING": '"To the next meeting": the next meeting the minutes announce.',
        "PERIOD": '"Bring back in 6 months": the period counted from when it was raised.',
    },
)


class DateOrder(StrEnum):
    DATE_DESC = "DATE_DESC"
    DATE_ASC = "DATE_ASC"


described_enum(
    DateOrder,
    description="Order of a list by meeting date (ties by record id).",
    values={
        "DATE_DESC": "Newest meetings first; records of undated meetings come last.",
        "DATE_ASC": "Oldest meetings first; records of undated meetings come first.",
    },
)


class RecordType(StrEnum):
    """The types of record search finds; the values are the index's names for them."""

    MEETING = "meeting"
    ITEM = "item"
    ACTION = "action"
    METRIC = "metric"


if {t.value for t in RecordType} != set(RecordKind.indexed()):
    raise ValueError("RecordType: the values differ from the search index's record types")

described_enum(
    RecordType,
    description="A type of record search finds.",
    values={
        "MEETING": "A meeting (a hit of type `Meeting`).",
        "ITEM": "An agenda item (`AgendaItem`).",
        "ACTION": "An action (`Action`).",
        "METRIC": "A figure quoted at a meeting (`Metric`).",
    },
)


__all__ = [
    "ActionEventKind",
    "ActionStatus",
    "AttendanceStatus",
    "DateOrder",
    "DocumentType",
    "DueBasis",
    "EventSource",
    "LinkKind",
    "MeetingKind",
    "MetricKind",
    "MetricUnit",
    "RecordType",
]
