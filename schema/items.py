"""Agenda items: numbered items of a meeting and their sub-items."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from records import models
from schema.actions import Action
from schema.evidence import EVIDENCE_DOC, Evidence, evidence_of
from schema.lazy import lazily
from schema.metrics import Metric
from schema.node import Node
from schema.relations import relation

if TYPE_CHECKING:  # types above this one, linked back to lazily (see schema/__init__.py)
    from schema.meetings import Meeting
    from schema.themes import Theme


@strawberry.type(description="A numbered item of a meeting's agenda (1, 1.1 ...) with its text.")
class AgendaItem(Node):
    number: str | None = strawberry.field(
        description='Its number, e.g. "1.2" (null if unnumbered).'
    )
    title: str = strawberry.field(description="Its heading.")
    text: str = strawberry.field(description="What the minutes record under it.")
    evidence: Evidence | None = strawberry.field(description=EVIDENCE_DOC)
    db_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]
    parent_id: strawberry.Private[int | None]

    meeting: Annotated[Meeting, strawberry.lazy("schema.meetings")] = relation(
        "meeting", key="meeting_id", description="The meeting the item belongs to."
    )
    parent: AgendaItem | None = relation(
        "item", key="parent_id", description="The item this one is part of (1 for 1.2)."
    )
    children: list[AgendaItem] = relation(
        "item_children", description="Its sub-items in order (1.1, 1.2 ... of 1)."
    )
    themes: list[Annotated[Theme, strawberry.lazy("schema.themes")]] = relation(
        "item_themes", description="The themes the item deals with."
    )
    actions: list[Action] = relation(
        "item_actions", description="The actions recorded under the item."
    )
    metrics: list[Metric] = relation(
        "item_metrics", description="The figures quoted under the item."
    )

    @classmethod
    def from_model(cls, item: models.AgendaItem) -> AgendaItem:
        return cls(
            number=item.number,
            title=item.title,
            text=item.text,
            evidence=evidence_of(item.document_id, item.span_start, item.span_end),
            db_id=item.id,
            meeting_id=item.meeting_id,
            parent_id=item.parent_id,
        )


lazily(AgendaItem, db_id="id", meeting_id="meeting_id", parent_id="parent_id")
