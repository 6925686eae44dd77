"""Metric series: a body's figures of one measure across meetings, and their target.

A series is read from the rows ``ingest.series`` keeps (``metric_series`` and its
points). A page of series costs the page's statement and one more for the points of
all its series, whatever their number; below the points, figures, meetings and
passages load through the request's loaders, a statement per loader and level. A
theme's series (``Theme.metricSeries``) are paged for all the themes of a request at
once, as a theme's other lists are.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import strawberry
from sqlalchemy import ColumnElement, exists, literal, select

from ingest.keys import body_key
from ingest.series.labels import words_of
from records import models
from records.enums import MetricUnit
from schema.arguments import MAX_MATCH_CHARS, checked_match_text
from schema.context import Context
from schema.enums import described_enum
from schema.evidence import Evidence, evidence_of
from schema.loaders import Loader, Loaders, Record, columns
from schema.meetings import Meeting
from schema.metrics import Metric
from schema.pagination import (
    AnySelect,
    Connection,
    Page,
    PageArgs,
    fetch_page,
    fetch_pages,
    to_connection,
)
from schema.prefetch import prefetch, selections_at
from schema.reads import RequestReads
from schema.relations import relation

if TYPE_CHECKING:  # types above this one, linked back to lazily (see schema/__init__.py)
    from schema.themes import Theme

Info = strawberry.Info[Context, None]

ORDER_DOC = "By the date of each series' latest figure, newest first unless DATE_ASC."


class TargetDirection(StrEnum):
    AT_LEAST = "AT_LEAST"
    AT_MOST = "AT_MOST"


described_enum(
    TargetDirection,
    description="Which side of its target a figure must be to meet it.",
    values={
        "AT_LEAST": 'A floor: the figure meets it when as high or higher ("a target of 75%").',
        "AT_MOST": 'A ceiling: the figure meets it when as low or lower ("below 10%").',
    },
)


@strawberry.type(description="One figure of a series: its value at one meeting.")
class MetricPoint:
    value: float = strawberry.field(description="The figure (57 for 57%).")
    date: dt.date = strawberry.field(description="The day of the meeting it was quoted at.")
    confidence: float = strawberry.field(
        description="How sure it is that this figure measures what the series does, from 0 "
        "to 1: 1 for the series' own label, less for other wordings, and less again when "
        "the meeting quoted other values so worded."
    )
    reason: str = strawberry.field(
        description='Why the figure is in the series, e.g. "\\"proportion of DA cases with '
        'supervisory input\\": the same words as \\"DA cases with supervisory input\\"".'
    )
    evidence: Evidence | None = strawberry.field(
        description="The sentence of the source document the figure was read from."
    )
    metric_id: strawberry.Private[int]
    meeting_id: strawberry.Private[int]

    metric: Metric = relation("metric", key="metric_id", description="The figure as recorded.")
    meeting: Meeting = relation(
        "meeting", key="meeting_id", description="The meeting it was quoted at."
    )

    @classmethod
    def from_row(cls, row: Record) -> MetricPoint:
        return cls(
            value=row.value,
            date=row.date,
            confidence=row.confidence,
            reason=row.reason,
            evidence=evidence_of(row.document_id, row.span_start, row.span_end),
            metric_id=row.metric_id,
            meeting_id=row.meeting_id,
        )


@strawberry.type(
    description="Figures that measure the same thing at meetings of one body, oldest first: "
    '"DA cases with supervisory input" at 57%, 60%, 64% and 68%, against a target of 75%. '
    "Figures of different bodies or units are never one series."
)
class MetricSeries:
    label: str = strawberry.field(
        description="What the series measures, as most of its figures are labelled."
    )
    unit: MetricUnit = strawberry.field(description="What its figures count.")
    body: str | None = strawberry.field(
        description="The force or body whose meetings quoted the figures."
    )
    points: list[MetricPoint] = strawberry.field(
        description="Its figures, one a meeting, oldest first (at least two)."
    )
    first_date: dt.date = strawberry.field(description="The day of its first figure.")
    last_date: dt.date = strawberry.field(description="The day of its latest figure.")
    confidence: float = strawberry.field(
        description="The lowest confidence of its points: how sure it is that every figure "
        "measures the same thing."
    )
    target_direction: TargetDirection | None = strawberry.field(
        description="Whether the target is a floor or a ceiling; null without a target."
    )
    target_confidence: float | None = strawberry.field(
        description="How sure it is that the target is this series' (0 to 1); null without one."
    )
    target_reason: str | None = strawberry.field(
        description="Why the target is this series', e.g. \"stated in the sentence of the "
        'figure of 2022-12-15"; null without one.'
    )
    meets_target: bool | None = strawberry.field(
        description="Whether the latest figure meets the target (on its side of it, see "
        "`targetDirection`); null without a target."
    )
    theme_id: strawberry.Private[int | None]
    target_metric_id: strawberry.Private[int | None]

    theme: Annotated[Theme, strawberry.lazy("schema.themes")] | None = relation(
        "theme", key="theme_id", description="The theme most of its figures are about."
    )
    target: Metric | None = relation(
        "metric",
        key="target_metric_id",
        description="The target stated for the measure (the latest stated, worded as the "
        "series or in the sentence of one of its figures); null when none was stated.",
    )

    @classmethod
    def from_row(cls, row: Record, points: Sequence[Record]) -> MetricSeries:
        direction = None
        if row.target_at_most is not None:
            direction = TargetDirection.AT_MOST if row.target_at_most else TargetDirection.AT_LEAST
        return cls(
            label=row.label,
            unit=row.unit,
            body=row.body,
            points=[MetricPoint.from_row(point) for point in points],
            first_date=row.first_date,
            last_date=row.last_date,
            confidence=row.confidence,
            target_direction=direction,
            target_confidence=row.target_confidence,
            target_reason=row.target_reason,
            meets_target=row.meets_target,
            theme_id=row.theme_id,
            target_metric_id=row.target_metric_id,
        )


@strawberry.input(description="Conditions on series; every condition given must hold.")
class MetricSeriesFilter:
    theme: str | None = strawberry.field(
        default=None, description='About this theme (code, e.g. "DA").'
    )
    body: str | None = strawberry.field(
        default=None, description="Of this force or body's meetings (case-insensitive)."
    )
    label: str | None = strawberry.field(
        default=None,
        description="Every word of this is among the words of what the series measures, as "
        'labels are compared: "DA supervisory input" finds "Domestic abuse cases with '
        f'supervisory input" (at most {MAX_MATCH_CHARS} characters).',
    )
    date_from: dt.date | None = strawberry.field(
        default=None, name="from", description="With a figure on or after this day."
    )
    date_to: dt.date | None = strawberry.field(
        default=None, name="to", description="With a figure on or before this day."
    )


def series_query(where: MetricSeriesFilter | None, field: str = "metricSeries") -> AnySelect:
    """Series meeting the filter."""
    series = models.MetricSeries
    query: AnySelect = select(series)
    if where is None:
        return query
    if where.theme:
        code = where.theme.strip().upper()
        query = query.where(
            series.theme_id.in_(select(models.Theme.id).where(models.Theme.code == code))
        )
    if where.body:
        query = query.where(series.body_key == body_key(where.body))
    label = checked_match_text(where.label or "", f"{field}: argument `filter.label`")
    spaced = literal(" ") + series.label_key + literal(" ")
    for word in sorted(words_of(label)):
        query = query.where(spaced.contains(f" {word} ", autoescape=True))
    if where.date_from or where.date_to:
        point = models.MetricPoint
        within: list[ColumnElement[bool]] = [point.series_id == series.id]
        if where.date_from:
            within.append(point.date >= where.date_from)
        if where.date_to:
            within.append(point.date <= where.date_to)
        query = query.where(exists().where(*within))
    return query


async def series_page(
    info: Info, where: MetricSeriesFilter | None, args: PageArgs
) -> Connection[MetricSeries]:
    """A page of the series meeting the filter, with their points, and what the query
    asks for below them loaded level by level (``schema.prefetch``)."""
    loaders = info.context.loaders
    page = await fetch_page(
        info.context.reads,
        series_query(where),
        date_col=models.MetricSeries.last_date,
        id_col=models.MetricSeries.id,
        args=args,
    )
    rows = [row for row, _ in page.rows]
    points = await points_of(info.context.reads, [row.id for row in rows])
    selected = selections_at(info.selected_fields, "edges", "node")
    await prefetch(loaders, MetricSeries, rows, selected)
    below = selections_at(info.selected_fields, "edges", "node", "points")
    await prefetch(loaders, MetricPoint, [p for row in rows for p in points[row.id]], below)
    return to_connection(
        page, lambda row: MetricSeries.from_row(row, points[row.id]), args, lambda row: row.id
    )


async def theme_series_page(info: Info, theme_id: int, args: PageArgs) -> Connection[MetricSeries]:
    """A theme's page of series: the pages of every theme the request asks for are read
    together (``SeriesLoaders.theme_series``)."""
    page, points = await series_loaders(info.context).theme_series.load((theme_id, args))
    return to_connection(
        page, lambda row: MetricSeries.from_row(row, points[row.id]), args, lambda row: row.id
    )


async def points_of(reads: RequestReads, series_ids: Sequence[int]) -> dict[int, list[Record]]:
    """The points of each series, in order, with their figures' passages: one statement."""
    found: dict[int, list[Record]] = {series_id: [] for series_id in series_ids}
    if not series_ids:
        return found
    point, metric = models.MetricPoint, models.Metric
    query = (
        select(*columns(point), metric.document_id, metric.span_start, metric.span_end)
        .join(metric, metric.id == point.metric_id)
        .where(point.series_id.in_(series_ids))
        .order_by(point.series_id, point.sequence)
    )
    for row in await reads.rows(query):
        found[row.series_id].append(row)
    return found


ThemeSeriesKey = tuple[int, PageArgs]
ThemeSeries = tuple[Page[Record], dict[int, list[Record]]]


class SeriesLoaders:
    """The loaders of series one request uses, made with its ``Loaders``."""

    def __init__(self, reads: RequestReads) -> None:
        self._reads = reads
        self.theme_series: Loader[ThemeSeriesKey, ThemeSeries] = Loader(self._theme_series)

    async def _theme_series(self, keys: list[ThemeSeriesKey]) -> list[ThemeSeries]:
        """Each theme's page (two statements for every theme asked with the same page
        arguments) and the points of all their series (one more)."""
        by_args: dict[PageArgs, list[int]] = {}
        for theme_id, args in keys:
            by_args.setdefault(args, []).append(theme_id)
        pages: dict[ThemeSeriesKey, Page[Record]] = {}
        for args, theme_ids in by_args.items():
            found = await fetch_pages(
                self._reads,
                models.MetricSeries,
                select(models.MetricSeries),
                parent_col=models.MetricSeries.theme_id,
                parents=theme_ids,
                date_col=models.MetricSeries.last_date,
                id_col=models.MetricSeries.id,
                args=args,
            )
            for theme_id in theme_ids:
                pages[theme_id, args] = found[theme_id]
        ids = list(dict.fromkeys(row.id for page in pages.values() for row, _ in page.rows))
        points = await points_of(self._reads, ids)
        return [(pages[key], points) for key in keys]


_SERIES_LOADERS: weakref.WeakKeyDictionary[Loaders, SeriesLoaders] = weakref.WeakKeyDictionary()


def series_loaders(context: Context) -> SeriesLoaders:
    """The series loaders of a request (made on first use, kept with its ``Loaders``)."""
    found = _SERIES_LOADERS.get(context.loaders)
    if found is None:
        found = _SERIES_LOADERS[context.loaders] = SeriesLoaders(context.reads)
    return found
