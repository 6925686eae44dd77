"""Exports in tests: reading an export back, and the rows GraphQL gives for the same filters.

Every value is brought to its JSON form (days as YYYY-MM-DD, lists as lists, ``None`` for
what is missing), so a file in any format compares with GraphQL's answer; a CSV file
compares with that answer written as the CSV documentation says (``csv_cells``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

import pyarrow.parquet as pq
from sqlalchemy.ext.asyncio import AsyncEngine

from schema.context import Context
from tests.support.graphql import run

Row = dict[str, Any]
PAGE = 100
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def read_back(format: str, data: bytes) -> list[Row]:
    """The rows of an export file: CSV cells as text, JSON lines and Parquet as values."""
    if format == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    if format == "jsonl":
        text = data.decode("utf-8")
        assert text == "" or text.endswith("\n")
        return [json.loads(line) for line in text.splitlines()]
    assert format == "parquet"
    return [
        {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}
        for row in pq.read_table(io.BytesIO(data)).to_pylist()
    ]


def csv_cells(row: Mapping[str, Any]) -> Row:
    """A row of JSON values as its CSV cells: empty for null, lists joined by "; ",
    whole numbers without a point, a cell a spreadsheet would run with a ' before it."""

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            value = "; ".join(value)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        text = str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text

    return {name: cell(value) for name, value in row.items()}


async def every_node(
    engine: AsyncEngine, query: str, path: tuple[str, ...], variables: Mapping[str, Any]
) -> list[Row]:
    """Every node of the connection at ``path`` in ``query`` (which takes ``$after``),
    page after page, each page a request of its own."""
    found: list[Row] = []
    after = None
    while True:
        data: Any = await run(
            Context(engine=engine, role="reader"), query, {**variables, "after": after}
        )
        for name in path:
            data = data[name]
        found += [edge["node"] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return found
        after = data["pageInfo"]["endCursor"]


def within(
    day_from: str | None, day_to: str | None, body: str | None
) -> Callable[[Mapping[str, Any]], bool]:
    """Whether a meeting (GraphQL's ``date`` and ``body``) passes an export's filters."""

    def passes(meeting: Mapping[str, Any]) -> bool:
        day = meeting["date"]
        if (day_from or day_to) and day is None:
            return False
        if day_from and day < day_from:
            return False
        if day_to and day > day_to:
            return False
        own = " ".join((meeting["body"] or "").split()).casefold()
        return body is None or own == " ".join(body.split()).casefold()

    return passes


MEETINGS = """
query ($filter: MeetingFilter, $after: String) {
  meetings(filter: $filter, order: DATE_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id date title kind body startTime venue
      chair { name } minuteTaker { name } themes { code }
      items { id children { id children { id children { id children { id } } } } }
      actions { id } metrics { id }
    } }
  }
}"""

ITEM_FIELDS = """
  id number title text themes { code } parent { id }
  meeting { id date title body }
"""
THEME_ITEMS = """
query ($code: String!, $after: String) {
  theme(code: $code) {
    items(order: DATE_ASC, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ITEM } }
    }
  }
}""".replace("ITEM", ITEM_FIELDS)
MEETING_ITEMS = """
query ($filter: MeetingFilter, $after: String) {
  meetings(filter: $filter, order: DATE_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { date items {
      ITEM children { ITEM children { ITEM children { ITEM children { id } } } }
    } } }
  }
}""".replace("ITEM", ITEM_FIELDS)

ACTIONS = """
query ($filter: ActionFilter, $after: String, $asOf: Date!) {
  actions(filter: $filter, order: DATE_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id reference text ownerText status dueDate
      owners { name } themes { code } origin { title date }
      meeting { id date title body } item { id number title }
      chain { id }
      lifecycle {
        status raisedOn closedOn lastSeenOn timesDeferred dueDate dueBasis
        daysOpen(asOf: $asOf) overdue(asOf: $asOf)
      }
    } }
  }
}"""

METRICS = """
query ($filter: MetricFilter, $after: String) {
  metrics(filter: $filter, order: DATE_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id value unit kind label context theme { code }
      meeting { id date title body } item { id number title }
    } }
  }
}"""


def _count_items(items: list[Row]) -> int:
    total = 0
    for item in items:
        assert "children" in item, "items nest deeper than the query reads"
        total += 1 + _count_items(item["children"])
    return total


def _codes(themes: list[Row]) -> list[str]:
    return [theme["code"] for theme in themes]


def _meeting(meeting: Mapping[str, Any]) -> Row:
    return {
        "meeting_id": meeting["id"],
        "meeting_date": meeting["date"],
        "meeting_title": meeting["title"],
        "body": meeting["body"],
    }


def _item(item: Mapping[str, Any] | None) -> Row:
    return {
        "item_id": item and item["id"],
        "item_number": item and item["number"],
        "item_title": item and item["title"],
    }


async def graphql_meetings(
    engine: AsyncEngine, filters: Mapping[str, str], as_of: str
) -> list[Row]:
    meeting_filter = {
        "theme": filters.get("theme"),
        "body": filters.get("body"),
        "dateFrom": filters.get("from"),
        "dateTo": filters.get("to"),
    }
    nodes = await every_node(engine, MEETINGS, ("meetings",), {"filter": meeting_filter})
    return [
        {
            "id": m["id"],
            "date": m["date"],
            "title": m["title"],
            "kind": m["kind"],
            "body": m["body"],
            "start_time": m["startTime"],
            "venue": m["venue"],
            "chair": m["chair"] and m["chair"]["name"],
            "minute_taker": m["minuteTaker"] and m["minuteTaker"]["name"],
            "themes": _codes(m["themes"]),
            "item_count": _count_items(m["items"]),
            "action_count": len(m["actions"]),
            "metric_count": len(m["metrics"]),
        }
        for m in nodes
    ]


def _flatten(items: list[Row]) -> list[Row]:
    found = []
    for item in items:
        found.append(item)
        found += _flatten(item.get("children") or [])
    return found


async def graphql_items(engine: AsyncEngine, filters: Mapping[str, str], as_of: str) -> list[Row]:
    """A theme's items in their list's order; without a theme, every meeting's items
    (GraphQL has no list of all items) in the export's order: meeting date, then id."""
    passes = within(filters.get("from"), filters.get("to"), filters.get("body"))
    if "theme" in filters:
        items = await every_node(
            engine, THEME_ITEMS, ("theme", "items"), {"code": filters["theme"]}
        )
    else:
        meetings = await every_node(engine, MEETING_ITEMS, ("meetings",), {"filter": None})
        items = [item for m in meetings for item in _flatten(m["items"])]
        items.sort(key=lambda item: (item["meeting"]["date"] or "", _number(item["id"])))
    return [
        {
            "id": item["id"],
            **_meeting(item["meeting"]),
            "number": item["number"],
            "title": item["title"],
            "parent_id": item["parent"] and item["parent"]["id"],
            "themes": _codes(item["themes"]),
            "text": item["text"],
        }
        for item in items
        if passes(item["meeting"])
    ]


def _number(node_id: str) -> int:
    import base64

    return int(base64.b64decode(node_id).decode().partition(":")[2])


async def graphql_actions(engine: AsyncEngine, filters: Mapping[str, str], as_of: str) -> list[Row]:
    """``actions`` with the theme and body filters; GraphQL filters actions by due date,
    not by meeting date, so the meeting's date is checked here."""
    passes = within(filters.get("from"), filters.get("to"), None)
    action_filter = {"theme": filters.get("theme"), "body": filters.get("body")}
    nodes = await every_node(
        engine, ACTIONS, ("actions",), {"filter": action_filter, "asOf": as_of}
    )
    rows = []
    for a in nodes:
        if not passes(a["meeting"]):
            continue
        cycle = a["lifecycle"]
        rows.append(
            {
                "id": a["id"],
                **_meeting(a["meeting"]),
                **_item(a["item"]),
                "reference": a["reference"],
                "text": a["text"],
                "owner_text": a["ownerText"],
                "owners": [owner["name"] for owner in a["owners"]],
                "themes": _codes(a["themes"]),
                "status": a["status"],
                "due_date": a["dueDate"],
                "origin_title": a["origin"] and a["origin"]["title"],
                "origin_date": a["origin"] and a["origin"]["date"],
                "chain": [link["id"] for link in a["chain"]],
                "current_status": cycle and cycle["status"],
                "raised_on": cycle and cycle["raisedOn"],
                "closed_on": cycle and cycle["closedOn"],
                "last_seen_on": cycle and cycle["lastSeenOn"],
                "times_deferred": cycle and cycle["timesDeferred"],
                "current_due_date": cycle and cycle["dueDate"],
                "due_basis": cycle and cycle["dueBasis"],
                "days_open": cycle and cycle["daysOpen"],
                "overdue": cycle and cycle["overdue"],
            }
        )
    return rows


async def graphql_metrics(engine: AsyncEngine, filters: Mapping[str, str], as_of: str) -> list[Row]:
    """``metrics`` with the theme and date filters; GraphQL has no body filter on
    figures, so the meeting's body is checked here."""
    passes = within(None, None, filters.get("body"))
    metric_filter = {
        "theme": filters.get("theme"),
        "dateFrom": filters.get("from"),
        "dateTo": filters.get("to"),
    }
    nodes = await every_node(engine, METRICS, ("metrics",), {"filter": metric_filter})
    return [
        {
            "id": m["id"],
            **_meeting(m["meeting"]),
            **_item(m["item"]),
            "theme": m["theme"] and m["theme"]["code"],
            "value": m["value"],
            "unit": m["unit"],
            "kind": m["kind"],
            "label": m["label"],
            "context": m["context"],
        }
        for m in nodes
        if passes(m["meeting"])
    ]


SERIES = """
query ($filter: MetricSeriesFilter, $after: String) {
  metricSeries(filter: $filter, order: DATE_ASC, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      label unit body theme { code } confidence firstDate lastDate
      target { id value } targetDirection targetConfidence targetReason meetsTarget
      points { value date confidence reason metric { id } meeting { id title } }
    } }
  }
}"""


async def graphql_series(engine: AsyncEngine, filters: Mapping[str, str], as_of: str) -> list[Row]:
    """``metricSeries`` flattened, a row a figure; GraphQL keeps a series with a figure
    between ``from`` and ``to`` whole, the export its figures between them. A series has
    no GraphQL id: ``series`` numbers them in their list's order, for the test to see
    that the export's ``series_id`` tells them apart."""
    passes = within(filters.get("from"), filters.get("to"), None)
    series_filter = {
        "theme": filters.get("theme"),
        "body": filters.get("body"),
        "from": filters.get("from"),
        "to": filters.get("to"),
    }
    nodes = await every_node(engine, SERIES, ("metricSeries",), {"filter": series_filter})
    rows = []
    for number, series in enumerate(nodes):
        target = series["target"]
        for place, point in enumerate(series["points"], 1):
            if not passes({"date": point["date"], "body": None}):
                continue
            rows.append(
                {
                    "series": number,
                    "label": series["label"],
                    "unit": series["unit"],
                    "body": series["body"],
                    "theme": series["theme"] and series["theme"]["code"],
                    "point": place,
                    "date": point["date"],
                    "value": point["value"],
                    "metric_id": point["metric"]["id"],
                    "meeting_id": point["meeting"]["id"],
                    "meeting_title": point["meeting"]["title"],
                    "confidence": point["confidence"],
                    "reason": point["reason"],
                    "series_confidence": series["confidence"],
                    "first_date": series["firstDate"],
                    "last_date": series["lastDate"],
                    "point_count": len(series["points"]),
                    "target_id": target and target["id"],
                    "target_value": target and target["value"],
                    "target_direction": series["targetDirection"],
                    "target_confidence": series["targetConfidence"],
                    "target_reason": series["targetReason"],
                    "meets_target": series["meetsTarget"],
                }
            )
    return rows


GRAPHQL_ROWS = {
    "meetings": graphql_meetings,
    "items": graphql_items,
    "actions": graphql_actions,
    "metrics": graphql_metrics,
    "series": graphql_series,
}
# The column that names a row's record (a series' row is one of its figures).
RECORD_ID = {"series": "metric_id"}
