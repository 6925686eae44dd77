"""Metrics: figures quoted in minutes (43% of cases, a 75% target ...)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import func, select

from records import models
from records.enums import MetricKind, MetricUnit
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.arguments import MAX_MATCH_CHARS, checked_match_text
from schema.evidence import EVIDENCE_DOC, Evidence, evidence_of
from schema.lazy import lazily
from schema.node import Node
from schema.pagination import AnySelect
from schema.relations import relation

if TYPE_CHECKING:  # types above this one, linked back to lazily (see schema/__init__.py)
    from schema.items import AgendaItem
    from schema.meetings import Meeting
    from schema.themes import Theme


@strawberry.type(
    description='A figure quoted at a meeting: "no supervisory input in 43% of cases".'
)
class Metric(Node):
    value: float = strawberry.field(description="The number (43 for 43%).")
    unit: MetricUnit = strawberry.field(description="What the number counts.")
    label: str = strawberry.field(description='What it measures, e.g. "no supervisory input".')
    kind: MetricKind = strawberry.field(description="A measured figure or a target.")
    context: str = strawberry.field(description="The sentence the figure was quoted in.")
    evidence: Evidence | None = strawberry.field(description=EVIDENCE_DOC)
    db_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]
    item_id: strawberry.Private[int | None]
    theme_id: strawberry.Private[int | None]

    meeting: Annotated[Meeting, strawberry.lazy("schema.meetings")] = relation(
        "meeting", key="meeting_id", description="The meeting the figure was quoted at."
    )
    item: Annotated[AgendaItem, strawberry.lazy("schema.items")] | None = relation(
        "item", key="item_id", description="The agenda item it was quoted under."
    )
    theme: Annotated[Theme, strawberry.lazy("schema.themes")] | None = relation(
        "theme", key="theme_id", description="The theme the figure is about."
    )

    @classmethod
    def from_model(cls, metric: models.Metric) -> Metric:
        return cls(
            value=metric.value,
            unit=metric.unit,
            label=metric.label,
            kind=metric.kind,
            context=metric.context,
            evidence=evidence_of(metric.document_id, metric.span_start, metric.span_end),
            db_id=metric.id,
            meeting_id=metric.meeting_id,
            item_id=metric.item_id,
            theme_id=metric.theme_id,
        )


@strawberry.input(description="Conditions on metrics; every condition given must hold.")
class MetricFilter:
    theme: str | None = strawberry.field(default=None, description="About this theme (code).")
    label: str | None = strawberry.field(
        default=None,
        description="Every word of this appears in the label (case-insensitive; at most "
        f"{MAX_MATCH_CHARS} characters).",
    )
    kind: MetricKind | None = strawberry.field(default=None, description="Observed or target.")
    unit: MetricUnit | None = strawberry.field(default=None, description="Of this unit.")
    date_from: dt.date | None = strawberry.field(
        default=None, description="Quoted at a meeting on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, description="Quoted at a meeting on or before this day."
    )


def metric_query(where: MetricFilter | None) -> AnySelect:
    """Metrics (with their meeting's date, the sort key) meeting the filter."""
    metric, meeting = models.Metric, models.Meeting
    query: AnySelect = select(metric, meeting.date).join(meeting, meeting.id == metric.meeting_id)
    if where is None:
        return query
    if where.theme:
        code = where.theme.strip().upper()
        query = query.where(
            metric.theme_id.in_(select(models.Theme.id).where(models.Theme.code == code))
        )
    label = checked_match_text(where.label or "", "metrics: argument `filter.label`")
    for word in label.lower().split():
        query = query.where(func.lower(metric.label).contains(word, autoescape=True))
    if where.kind:
        query = query.where(metric.kind == where.kind)
    if where.unit:
        query = query.where(metric.unit == where.unit)
    if where.date_from:
        query = query.where(meeting.date >= where.date_from)
    if where.date_to:
        query = query.where(meeting.date <= where.date_to)
    return query


lazily(Metric, db_id="id", meeting_id="meeting_id", item_id="item_id", theme_id="theme_id")
