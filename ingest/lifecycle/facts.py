"""What linking and history read about actions, their meetings and their updates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ingest.parse.action_status_lines import Reach
from records.enums import ActionEventKind, ActionStatus, DocumentType, MeetingKind
from records.lifecycles import DOCUMENT_RANK

__all__ = ["DOCUMENT_RANK", "ActionFacts", "MeetingFacts", "StatementFacts", "UpdateFacts"]

# "(Accountability Board, 14 December 2021, Action 2)": the number an action-log row cites.
_CITED = re.compile(
    r"\((?:[^()]*?[,;]\s*)?(?:action|ref(?:erence)?)\.?\s*(?:no\.?\s*)?(?P<ref>[A-Z]{0,6}\s?\d[\w./-]*)\)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MeetingFacts:
    id: int
    identity_key: str
    kind: MeetingKind
    date: dt.date | None
    title: str
    next_date: dt.date | None


@dataclass(frozen=True)
class ActionFacts:
    """An action with what matching and history need; ``excerpt`` is its span's text and
    the rest of the line it ends on."""

    id: int
    meeting: MeetingFacts
    document_id: int
    document_type: DocumentType
    position: int
    reference: str | None
    text: str
    excerpt: str
    owner_ids: frozenset[int]
    status: ActionStatus
    due_date: dt.date | None
    origin_title: str | None
    origin_date: dt.date | None
    span_start: int
    span_end: int

    @property
    def carried(self) -> bool:
        return self.origin_date is not None or self.origin_title is not None

    @property
    def cited_reference(self) -> str | None:
        """The earlier action's number this one cites, else its own reference."""
        found = _CITED.search(self.excerpt)
        return found.group("ref") if found else self.reference

    @property
    def order_key(self) -> tuple[dt.date, str, str, int, int, str]:
        """Its place among actions, from what the records say (never from ids), so that
        every choice made in this order is the same whatever order files arrived in."""
        meeting = self.meeting
        return (
            meeting.date or dt.date.min,
            meeting.identity_key,
            meeting.kind.value,
            DOCUMENT_RANK[self.document_type],
            self.position,
            self.text,
        )


@dataclass(frozen=True)
class UpdateFacts:
    """An update of an action: from the minutes (``document_id`` set) or pushed later."""

    id: int
    action_id: int
    text: str
    status: ActionStatus | None
    due_date: dt.date | None
    author: str | None
    document_id: int | None
    span_start: int | None
    span_end: int | None
    created_at: dt.datetime

    @property
    def pushed(self) -> bool:
        return self.document_id is None


@dataclass(frozen=True)
class StatementFacts:
    """What a document says became of an earlier meeting's action (``ActionStatement``),
    with the meeting whose document says it and the words of its span."""

    id: int
    meeting: MeetingFacts  # the meeting whose document says it
    document_id: int
    document_type: DocumentType
    position: int
    reach: Reach
    reference: str | None
    label: str | None
    kind: ActionEventKind
    status: ActionStatus
    origin_title: str | None
    origin_date: dt.date | None
    count: int | None
    span_start: int
    span_end: int
    text: str
    confidence: float

    @property
    def order_key(self) -> tuple[dt.date, str, str, int, int, int]:
        """Its place among statements, from what the records say (never from ids)."""
        meeting = self.meeting
        return (
            meeting.date or dt.date.min,
            meeting.identity_key,
            meeting.kind.value,
            DOCUMENT_RANK[self.document_type],
            self.position,
            self.span_start,
        )
