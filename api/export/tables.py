"""The tables an export writes: per kind of record, its columns and how its rows are read.

Each table is one SELECT ordered as GraphQL's lists are with ``order: DATE_ASC`` (the
meeting's date, oldest first, records of meetings without a date first; then the record's
id; series by their latest figure's date, a row for each of their figures), streamed in
batches, and for each batch the few lookups its many-to-many columns need
(themes, owners, counts), one statement each for the whole batch. Ids are the GraphQL
Node ids (``node(id:)`` fetches the record again); values are what GraphQL gives for
the same fields: enums by name, days as dates, times as ``HH:MM``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import ColumnElement, Row, Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from api.export.filters import ExportFilter
from ingest.keys import body_key
from records.lifecycles import recorded_again
from records.models import (
    Action,
    ActionLifecycle,
    AgendaItem,
    Meeting,
    Metric,
    MetricPoint,
    MetricSeries,
    Person,
    Theme,
    action_owners,
    action_themes,
    item_themes,
    meeting_themes,
)
from schema.actions import ActionLifecycle as Lifecycle
from schema.node import to_global_id
from schema.pagination import AnySelect, sort_date

Record = dict[str, Any]
Rows = Sequence[Row[Any]]


class Kind(StrEnum):
    """What a column holds, which each format writes in its own way."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    BOOLEAN = "boolean"
    LIST = "list"  # of text: theme codes, owners' names


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    doc: str


@dataclass(frozen=True)
class RecordTable:
    """One kind of record as a table: its columns, the ordered SELECT of a filter's
    records (``id_col``: the record's id, counted for the total), and its rows made from
    a batch of selected rows (``finish``: the lookups of the batch, then one dict a row
    with every column, in order)."""

    name: str
    columns: tuple[Column, ...]
    id_col: Any
    query: Callable[[ExportFilter], AnySelect]
    finish: Callable[[AsyncConnection, Rows, dt.date], Awaitable[list[Record]]]
    # The order of the rows, when not the meeting's date and the record's id.
    order: tuple[Any, ...] = ()

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def ordered(self, where: ExportFilter) -> AnySelect:
        return self.query(where).order_by(*(self.order or (sort_date(Meeting.date), self.id_col)))

    def counted(self, where: ExportFilter) -> AnySelect:
        return self.query(where).with_only_columns(
            func.count(self.id_col), maintain_column_froms=True
        )


def _meeting_columns(prefix: str = "meeting_") -> tuple[Column, ...]:
    return (
        Column(f"{prefix}id", Kind.TEXT, "the meeting's id (GraphQL `Meeting.id`)"),
        Column(f"{prefix}date", Kind.DATE, "the day of the meeting (empty when not known)"),
        Column(f"{prefix}title", Kind.TEXT, "the meeting's title as its minutes give it"),
        Column("body", Kind.TEXT, "the force or body that held the meeting"),
    )


def _item_columns() -> tuple[Column, ...]:
    return (
        Column("item_id", Kind.TEXT, "the agenda item it was recorded under (`AgendaItem.id`)"),
        Column("item_number", Kind.TEXT, 'that item\'s number, e.g. "3.1"'),
        Column("item_title", Kind.TEXT, "that item's heading"),
    )


def _meeting_selected() -> tuple[Any, ...]:
    """The columns ``_meeting_fields`` reads: a record's meeting, joined."""
    return (
        Meeting.date.label("meeting_date"),
        Meeting.title.label("meeting_title"),
        Meeting.body,
    )


def _item_selected() -> tuple[Any, ...]:
    """The columns ``_item_fields`` reads: a record's agenda item, outer-joined."""
    return (AgendaItem.number.label("item_number"), AgendaItem.title.label("item_title"))


def _meeting_fields(row: Record) -> Record:
    """The values of ``_meeting_columns()``, in order."""
    return {
        "meeting_id": _shared_node("Meeting", row["meeting_id"]),
        "meeting_date": row["meeting_date"],
        "meeting_title": row["meeting_title"],
        "body": row["body"],
    }


def _item_fields(row: Record) -> Record:
    """The values of ``_item_columns()``, in order."""
    return {
        "item_id": _shared_node("AgendaItem", row["item_id"]),
        "item_number": row["item_number"],
        "item_title": row["item_title"],
    }


def _meeting_conditions(where: ExportFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if where.date_from is not None:
        conditions.append(Meeting.date >= where.date_from)
    if where.date_to is not None:
        conditions.append(Meeting.date <= where.date_to)
    if where.body is not None:
        conditions.append(Meeting.body_key == body_key(where.body))
    return conditions


def _themed(link: Table, key: str, record_id: Any, code: str) -> ColumnElement[bool]:
    """Records the many-to-many ``link`` gives the theme ``code``."""
    linked = select(link.c[key]).join(Theme, Theme.id == link.c.theme_id).where(Theme.code == code)
    return record_id.in_(linked)  # type: ignore[no-any-return]


async def _codes(
    connection: AsyncConnection, link: Table, key: str, ids: Sequence[int]
) -> dict[int, list[str]]:
    """The theme codes of each of ``ids`` through ``link``, by code."""
    query = (
        select(link.c[key], Theme.code)
        .join(Theme, Theme.id == link.c.theme_id)
        .where(link.c[key].in_(ids))
        .order_by(Theme.code)
    )
    found: dict[int, list[str]] = {}
    for record_id, code in await connection.execute(query):
        found.setdefault(record_id, []).append(code)
    return found


def _plain(rows: Rows) -> list[Record]:
    """Rows as dicts by column label: reading a ``Row``'s attribute costs about a
    microsecond, thirty times a dict's, and a million rows read some twenty each."""
    if not rows:
        return []
    labels = rows[0]._fields
    return [dict(zip(labels, row, strict=True)) for row in rows]


def _node(type_name: str, record_id: int | None) -> str | None:
    return None if record_id is None else str(to_global_id(type_name, record_id))


@functools.lru_cache(maxsize=4096)
def _shared_node(type_name: str, record_id: int | None) -> str | None:
    """``_node`` of an id many rows share (their meeting's, their item's)."""
    return _node(type_name, record_id)


def _value(enum_value: Any) -> str | None:
    return None if enum_value is None else str(enum_value.value)


def _time(value: dt.time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


# --- meetings ---------------------------------------------------------------------------

CHAIR = aliased(Person)
MINUTE_TAKER = aliased(Person)


def _meetings(where: ExportFilter) -> AnySelect:
    query: AnySelect = (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.title,
            Meeting.kind,
            Meeting.body,
            Meeting.start_time,
            Meeting.venue,
            CHAIR.name.label("chair"),
            MINUTE_TAKER.name.label("minute_taker"),
        )
        .outerjoin(CHAIR, CHAIR.id == Meeting.chair_id)
        .outerjoin(MINUTE_TAKER, MINUTE_TAKER.id == Meeting.minute_taker_id)
        .where(*_meeting_conditions(where))
    )
    if where.theme is not None:
        query = query.where(_themed(meeting_themes, "meeting_id", Meeting.id, where.theme))
    return query


async def _counts(
    connection: AsyncConnection, model: Any, ids: Sequence[int], *conditions: Any
) -> dict[int, int]:
    query = (
        select(model.meeting_id, func.count())
        .where(model.meeting_id.in_(ids), *conditions)
        .group_by(model.meeting_id)
    )
    return {meeting_id: count for meeting_id, count in await connection.execute(query)}


async def _meeting_rows(
    connection: AsyncConnection, selected: Rows, as_of: dt.date
) -> list[Record]:
    rows = _plain(selected)
    ids = [row["id"] for row in rows]
    themes = await _codes(connection, meeting_themes, "meeting_id", ids)
    items = await _counts(connection, AgendaItem, ids)
    actions = await _counts(connection, Action, ids, ~recorded_again())
    metrics = await _counts(connection, Metric, ids)
    return [
        {
            "id": _node("Meeting", row["id"]),
            "date": row["date"],
            "title": row["title"],
            "kind": _value(row["kind"]),
            "body": row["body"],
            "start_time": _time(row["start_time"]),
            "venue": row["venue"],
            "chair": row["chair"],
            "minute_taker": row["minute_taker"],
            "themes": themes.get(row["id"], []),
            "item_count": items.get(row["id"], 0),
            "action_count": actions.get(row["id"], 0),
            "metric_count": metrics.get(row["id"], 0),
        }
        for row in rows
    ]


MEETINGS: Final = RecordTable(
    "meetings",
    (
        Column("id", Kind.TEXT, "the meeting's id (GraphQL `Meeting.id`)"),
        Column("date", Kind.DATE, "the day it was held (empty when no document states it)"),
        Column("title", Kind.TEXT, "its title as the minutes give it"),
        Column("kind", Kind.TEXT, "`MeetingKind`: MONTHLY_ASSURANCE, THEMATIC, PERFORMANCE ..."),
        Column("body", Kind.TEXT, "the force or body that held it"),
        Column("start_time", Kind.TEXT, "when it started, HH:MM"),
        Column("venue", Kind.TEXT, "where it was held"),
        Column("chair", Kind.TEXT, "who chaired it"),
        Column("minute_taker", Kind.TEXT, "who took the minutes"),
        Column("themes", Kind.LIST, "the codes of the themes it dealt with"),
        Column("item_count", Kind.INTEGER, "its agenda items, sub-items included"),
        Column(
            "action_count",
            Kind.INTEGER,
            "the actions recorded at it, each once (as Meeting.actions lists them)",
        ),
        Column("metric_count", Kind.INTEGER, "the figures quoted at it"),
    ),
    Meeting.id,
    _meetings,
    _meeting_rows,
)


# --- agenda items -----------------------------------------------------------------------


def _items(where: ExportFilter) -> AnySelect:
    query: AnySelect = (
        select(
            AgendaItem.id,
            AgendaItem.meeting_id,
            *_meeting_selected(),
            AgendaItem.number,
            AgendaItem.title,
            AgendaItem.parent_id,
            AgendaItem.text,
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(*_meeting_conditions(where))
    )
    if where.theme is not None:
        query = query.where(_themed(item_themes, "item_id", AgendaItem.id, where.theme))
    return query


async def _item_rows(connection: AsyncConnection, selected: Rows, as_of: dt.date) -> list[Record]:
    rows = _plain(selected)
    themes = await _codes(connection, item_themes, "item_id", [row["id"] for row in rows])
    return [
        {
            "id": _node("AgendaItem", row["id"]),
            **_meeting_fields(row),
            "number": row["number"],
            "title": row["title"],
            "parent_id": _shared_node("AgendaItem", row["parent_id"]),
            "themes": themes.get(row["id"], []),
            "text": row["text"],
        }
        for row in rows
    ]


ITEMS: Final = RecordTable(
    "items",
    (
        Column("id", Kind.TEXT, "the item's id (GraphQL `AgendaItem.id`)"),
        *_meeting_columns(),
        Column("number", Kind.TEXT, 'its number, e.g. "1.2" (empty when unnumbered)'),
        Column("title", Kind.TEXT, "its heading"),
        Column("parent_id", Kind.TEXT, "the item it is part of (1 for 1.2), when a sub-item"),
        Column("themes", Kind.LIST, "the codes of the themes it deals with"),
        Column("text", Kind.TEXT, "what the minutes record under it"),
    ),
    AgendaItem.id,
    _items,
    _item_rows,
)


# --- actions ----------------------------------------------------------------------------


def _actions(where: ExportFilter) -> AnySelect:
    cycle = ActionLifecycle
    query: AnySelect = (
        select(
            Action.id,
            Action.meeting_id,
            *_meeting_selected(),
            Action.item_id,
            *_item_selected(),
            Action.reference,
            Action.text,
            Action.owner_text,
            Action.status,
            Action.due_date,
            Action.origin_title,
            Action.origin_date,
            cycle.chain_key,
            cycle.status.label("current_status"),
            cycle.raised_on,
            cycle.closed_on,
            cycle.last_seen_on,
            cycle.times_deferred,
            cycle.due_date.label("current_due_date"),
            cycle.due_basis,
        )
        .join(Meeting, Meeting.id == Action.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Action.item_id)
        .outerjoin(cycle, cycle.action_id == Action.id)
        .where(~recorded_again(), *_meeting_conditions(where))
    )
    if where.theme is not None:
        query = query.where(_themed(action_themes, "action_id", Action.id, where.theme))
    return query


async def _owners(connection: AsyncConnection, ids: Sequence[int]) -> dict[int, list[str]]:
    """The names of each action's owners, in the order GraphQL's ``owners`` gives them."""
    query = (
        select(action_owners.c.action_id, Person.name)
        .join(Person, Person.id == action_owners.c.person_id)
        .where(action_owners.c.action_id.in_(ids))
        .order_by(Person.id)
    )
    found: dict[int, list[str]] = {}
    for action_id, name in await connection.execute(query):
        found.setdefault(action_id, []).append(name)
    return found


def _lifecycle(row: Record, as_of: dt.date) -> Record:
    if row["chain_key"] is None:  # no lifecycle derived for it (yet)
        return dict.fromkeys(column.name for column in LIFECYCLE_COLUMNS)
    cycle = Lifecycle(
        status=row["current_status"],
        raised_on=row["raised_on"],
        closed_on=row["closed_on"],
        last_seen_on=row["last_seen_on"],
        times_deferred=row["times_deferred"],
        due_date=row["current_due_date"],
        due_basis=row["due_basis"],
    )
    return {
        "lifecycle_id": _node("Action", row["chain_key"]),
        "current_status": _value(cycle.status),
        "raised_on": cycle.raised_on,
        "closed_on": cycle.closed_on,
        "last_seen_on": cycle.last_seen_on,
        "times_deferred": cycle.times_deferred,
        "current_due_date": cycle.due_date,
        "due_basis": _value(cycle.due_basis),
        "days_open": cycle.days_open_on(as_of),
        "overdue": cycle.overdue_on(as_of),
    }


async def _action_rows(connection: AsyncConnection, selected: Rows, as_of: dt.date) -> list[Record]:
    rows = _plain(selected)
    ids = [row["id"] for row in rows]
    owners = await _owners(connection, ids)
    themes = await _codes(connection, action_themes, "action_id", ids)
    return [
        {
            "id": _node("Action", row["id"]),
            **_meeting_fields(row),
            **_item_fields(row),
            "reference": row["reference"],
            "text": row["text"],
            "owner_text": row["owner_text"],
            "owners": owners.get(row["id"], []),
            "themes": themes.get(row["id"], []),
            "status": _value(row["status"]),
            "due_date": row["due_date"],
            "origin_title": row["origin_title"],
            "origin_date": row["origin_date"],
            **_lifecycle(row, as_of),
        }
        for row in rows
    ]


LIFECYCLE_COLUMNS: Final = (
    Column(
        "lifecycle_id",
        Kind.TEXT,
        "the id of the lifecycle's first action: the same on every action of one lifecycle "
        "(`id` = `lifecycle_id` picks one row per lifecycle)",
    ),
    Column("current_status", Kind.TEXT, "where the lifecycle stands now (`lifecycle.status`)"),
    Column("raised_on", Kind.DATE, "when the lifecycle was raised"),
    Column("closed_on", Kind.DATE, "when it was completed or cancelled (empty while open)"),
    Column("last_seen_on", Kind.DATE, "the last meeting that recorded it"),
    Column("times_deferred", Kind.INTEGER, "how many times it was deferred"),
    Column("current_due_date", Kind.DATE, "when it is due now (`lifecycle.dueDate`)"),
    Column("due_basis", Kind.TEXT, "where that date comes from: STATED, NEXT_MEETING, PERIOD"),
    Column("days_open", Kind.INTEGER, "days from raised to closed, or to the as-of day"),
    Column("overdue", Kind.BOOLEAN, "still open on the as-of day and due before it"),
)

ACTIONS: Final = RecordTable(
    "actions",
    (
        Column("id", Kind.TEXT, "the action's id (GraphQL `Action.id`)"),
        *_meeting_columns(),
        *_item_columns(),
        Column("reference", Kind.TEXT, 'its number or reference, e.g. "2"'),
        Column("text", Kind.TEXT, "what is to be done"),
        Column("owner_text", Kind.TEXT, 'the owner as the minutes write it, e.g. "CC"'),
        Column("owners", Kind.LIST, "the names of the people who own it"),
        Column("themes", Kind.LIST, "the codes of the themes it deals with"),
        Column("status", Kind.TEXT, "its status as this meeting recorded it"),
        Column("due_date", Kind.DATE, "its due date as this meeting recorded it"),
        Column("origin_title", Kind.TEXT, "the earlier meeting it was carried from, if any"),
        Column("origin_date", Kind.DATE, "that meeting's day"),
        *LIFECYCLE_COLUMNS,
    ),
    Action.id,
    _actions,
    _action_rows,
)


# --- metrics ----------------------------------------------------------------------------


def _metrics(where: ExportFilter) -> AnySelect:
    query: AnySelect = (
        select(
            Metric.id,
            Metric.meeting_id,
            *_meeting_selected(),
            Metric.item_id,
            *_item_selected(),
            Theme.code.label("theme"),
            Metric.value,
            Metric.unit,
            Metric.kind,
            Metric.label,
            Metric.context,
        )
        .join(Meeting, Meeting.id == Metric.meeting_id)
        .outerjoin(AgendaItem, AgendaItem.id == Metric.item_id)
        .outerjoin(Theme, Theme.id == Metric.theme_id)
        .where(*_meeting_conditions(where))
    )
    if where.theme is not None:
        query = query.where(Theme.code == where.theme)
    return query


async def _metric_rows(connection: AsyncConnection, selected: Rows, as_of: dt.date) -> list[Record]:
    rows = _plain(selected)
    return [
        {
            "id": _node("Metric", row["id"]),
            **_meeting_fields(row),
            **_item_fields(row),
            "theme": row["theme"],
            "value": row["value"],
            "unit": _value(row["unit"]),
            "kind": _value(row["kind"]),
            "label": row["label"],
            "context": row["context"],
        }
        for row in rows
    ]


METRICS: Final = RecordTable(
    "metrics",
    (
        Column("id", Kind.TEXT, "the figure's id (GraphQL `Metric.id`)"),
        *_meeting_columns(),
        *_item_columns(),
        Column("theme", Kind.TEXT, "the code of the theme it is about"),
        Column("value", Kind.NUMBER, "the number (43 for 43%)"),
        Column("unit", Kind.TEXT, "PERCENT, COUNT, MONEY or RATE"),
        Column("kind", Kind.TEXT, "OBSERVED or TARGET"),
        Column("label", Kind.TEXT, 'what it measures, e.g. "no supervisory input"'),
        Column("context", Kind.TEXT, "the sentence it was quoted in"),
    ),
    Metric.id,
    _metrics,
    _metric_rows,
)


# --- metric series ----------------------------------------------------------------------


def _series(where: ExportFilter) -> AnySelect:
    series, point = MetricSeries, MetricPoint
    query: AnySelect = (
        select(
            series.id.label("series_id"),
            series.label,
            series.unit,
            series.body,
            Theme.code.label("theme"),
            point.sequence,
            point.date,
            point.value,
            point.metric_id,
            point.meeting_id,
            Meeting.title.label("meeting_title"),
            point.confidence,
            point.reason,
            series.confidence.label("series_confidence"),
            series.first_date,
            series.last_date,
            series.point_count,
            series.target_metric_id,
            series.target_value,
            series.target_at_most,
            series.target_confidence,
            series.target_reason,
            series.meets_target,
        )
        .join(series, series.id == point.series_id)
        .join(Meeting, Meeting.id == point.meeting_id)
        .outerjoin(Theme, Theme.id == series.theme_id)
    )
    if where.theme is not None:
        query = query.where(Theme.code == where.theme)
    if where.body is not None:
        query = query.where(series.body_key == body_key(where.body))
    if where.date_from is not None:
        query = query.where(point.date >= where.date_from)
    if where.date_to is not None:
        query = query.where(point.date <= where.date_to)
    return query


def _direction(at_most: bool | None) -> str | None:
    """``targetDirection``'s value: a ceiling or a floor (null without a target)."""
    if at_most is None:
        return None
    return "AT_MOST" if at_most else "AT_LEAST"


async def _series_rows(connection: AsyncConnection, selected: Rows, as_of: dt.date) -> list[Record]:
    return [
        {
            "series_id": _shared_node("MetricSeries", row["series_id"]),
            "label": row["label"],
            "unit": _value(row["unit"]),
            "body": row["body"],
            "theme": row["theme"],
            "point": row["sequence"] + 1,
            "date": row["date"],
            "value": row["value"],
            "metric_id": _node("Metric", row["metric_id"]),
            "meeting_id": _shared_node("Meeting", row["meeting_id"]),
            "meeting_title": row["meeting_title"],
            "confidence": row["confidence"],
            "reason": row["reason"],
            "series_confidence": row["series_confidence"],
            "first_date": row["first_date"],
            "last_date": row["last_date"],
            "point_count": row["point_count"],
            "target_id": _node("Metric", row["target_metric_id"]),
            "target_value": row["target_value"],
            "target_direction": _direction(row["target_at_most"]),
            "target_confidence": row["target_confidence"],
            "target_reason": row["target_reason"],
            "meets_target": row["meets_target"],
        }
        for row in _plain(selected)
    ]


SERIES: Final = RecordTable(
    "series",
    (
        Column(
            "series_id",
            Kind.TEXT,
            "the series, the same on each of its figures (a series has no GraphQL id: this "
            "one lasts while the series' body, unit and measure do)",
        ),
        Column("label", Kind.TEXT, "what the series measures (`MetricSeries.label`)"),
        Column("unit", Kind.TEXT, "PERCENT, COUNT, MONEY or RATE"),
        Column("body", Kind.TEXT, "the force or body whose meetings quoted its figures"),
        Column("theme", Kind.TEXT, "the code of the theme most of its figures are about"),
        Column("point", Kind.INTEGER, "the figure's place in the series, 1 for the oldest"),
        Column("date", Kind.DATE, "the day of the meeting it was quoted at"),
        Column("value", Kind.NUMBER, "the figure (57 for 57%)"),
        Column("metric_id", Kind.TEXT, "the figure as recorded (GraphQL `Metric.id`)"),
        Column("meeting_id", Kind.TEXT, "the meeting it was quoted at (`Meeting.id`)"),
        Column("meeting_title", Kind.TEXT, "that meeting's title"),
        Column("confidence", Kind.NUMBER, "how sure it is that the figure is of the series, 0-1"),
        Column("reason", Kind.TEXT, "why the figure is in the series"),
        Column("series_confidence", Kind.NUMBER, "the lowest confidence of its figures"),
        Column("first_date", Kind.DATE, "the day of its first figure"),
        Column("last_date", Kind.DATE, "the day of its latest figure"),
        Column("point_count", Kind.INTEGER, "how many figures it has"),
        Column("target_id", Kind.TEXT, "the stated target figure (`Metric.id`), if any"),
        Column("target_value", Kind.NUMBER, "the target's value"),
        Column("target_direction", Kind.TEXT, "AT_LEAST (a floor) or AT_MOST (a ceiling)"),
        Column("target_confidence", Kind.NUMBER, "how sure it is that the target is the series'"),
        Column("target_reason", Kind.TEXT, "why the target is the series'"),
        Column("meets_target", Kind.BOOLEAN, "whether its latest figure meets the target"),
    ),
    MetricPoint.id,
    _series,
    _series_rows,
    # As GraphQL's metricSeries with order: DATE_ASC, each series' figures oldest first.
    order=(MetricSeries.last_date, MetricSeries.id, MetricPoint.sequence),
)

TABLES: Final = {table.name: table for table in (MEETINGS, ITEMS, ACTIONS, METRICS, SERIES)}
