"""Plain dataclasses that the parser produces from cleaned text (no I/O, no ORM).

A ``MeetingDraft`` is everything one document says about one meeting. Character
spans (``Span``) point into the cleaned text the draft was parsed from, so every
item, action and metric can be traced back to its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from records.enums import (
    ActionStatus,
    AttendanceStatus,
    DocumentType,
    MeetingKind,
    MetricKind,
    MetricUnit,
)
from records.glossary import GlossaryEntry as GlossaryEntry  # what the parser is given


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in the cleaned text."""

    start: int
    end: int


@dataclass
class AttendeeDraft:
    name: str
    capacity: str | None = None
    abbreviation: str | None = None
    status: AttendanceStatus = AttendanceStatus.PRESENT
    span: Span | None = None


@dataclass
class ItemDraft:
    """An agenda item. ``parent`` is the index of the parent item in ``MeetingDraft.items``."""

    number: str | None
    title: str
    text: str
    span: Span
    parent: int | None = None
    themes: list[str] = field(default_factory=list)


@dataclass
class ActionUpdateDraft:
    text: str
    status: ActionStatus | None = None
    span: Span | None = None


@dataclass
class ActionDraft:
    """A numbered or unnumbered action.

    ``owners`` are attendee names resolved from ``owner_text`` (roles or initials);
    ``item`` is the index of the agenda item it was raised under. Actions carried
    from an earlier meeting name that meeting in ``origin_title``/``origin_date``.
    """

    reference: str | None
    text: str
    span: Span
    owner_text: str | None = None
    owners: list[str] = field(default_factory=list)
    status: ActionStatus = ActionStatus.OPEN
    due_date: dt.date | None = None
    item: int | None = None
    updates: list[ActionUpdateDraft] = field(default_factory=list)
    origin_title: str | None = None
    origin_date: dt.date | None = None
    themes: list[str] = field(default_factory=list)


@dataclass
class MetricDraft:
    """A figure quoted in the minutes: value, unit, label and the sentence it came from."""

    value: float
    unit: MetricUnit
    label: str
    context: str
    span: Span
    kind: MetricKind = MetricKind.OBSERVED
    item: int | None = None
    theme: str | None = None


@dataclass
class NextMeetingDraft:
    title: str | None = None
    kind: MeetingKind | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    venue: str | None = None


@dataclass
class MeetingDraft:
    """Everything one document says about one meeting."""

    document_type: DocumentType
    title: str
    kind: MeetingKind
    date: dt.date | None  # None when the text states no meeting date
    body: str | None = None
    start_time: dt.time | None = None
    venue: str | None = None
    chair: str | None = None
    minute_taker: str | None = None
    attendees: list[AttendeeDraft] = field(default_factory=list)
    items: list[ItemDraft] = field(default_factory=list)
    actions: list[ActionDraft] = field(default_factory=list)
    metrics: list[MetricDraft] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    next_meeting: NextMeetingDraft | None = None
    warnings: list[str] = field(default_factory=list)
    # The lines the title and the header's details were read from (None: no header lines).
    header_span: Span | None = None
