"""Strawberry's own floor for the nested meetings page: the same response built from plain objects.

The GraphQL benchmark's nested query asks for 20 meetings with their chair, themes,
items, sub-items, actions with owners, and figures: a few thousand fields. This module
answers that same query text from objects made in advance (the API's own answers,
turned back into dataclasses with dates and enum members), with every field a plain
attribute and no resolver but the root one, which looks the page up by its variables.
What such a schema takes to answer is what Strawberry and graphql-core cost for the
shape alone, with no database, loaders or middleware: the floor the API's page is
measured against.

``floor_schema(pages)`` builds the schema; ``app_from_environment()`` serves it (the
pages read from the JSON file ``FLOOR_PAGES_ENV`` names) with a ``/readyz`` route, so
that ``bench.live_server.serve`` can run it like the API.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import strawberry
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from strawberry.asgi import GraphQL
from strawberry.schema.config import StrawberryConfig

from records.enums import ActionStatus, MeetingKind, MetricKind, MetricUnit
from schema import enums as _enums  # noqa: F401  (the same GraphQL enums as the API's)
from schema.scalars import SCALAR_MAP

FLOOR_PAGES_ENV: Final = "BENCH_FLOOR_PAGES"
FLOOR_APP: Final = "bench.strawberry_floor:app_from_environment"

# (year, after) -> the data of the nested query for those variables
PageKey = tuple[int, str | None]


@strawberry.type
class FloorPerson:
    name: str


@strawberry.type
class FloorTheme:
    code: str
    name: str


@strawberry.type
class FloorSubItem:
    number: str | None
    title: str


@strawberry.type
class FloorAction:
    reference: str | None
    text: str
    status: ActionStatus
    due_date: dt.date | None
    owners: list[FloorPerson]


@strawberry.type
class FloorItem:
    number: str | None
    title: str
    children: list[FloorSubItem]
    actions: list[FloorAction]


@strawberry.type
class FloorMetric:
    value: float
    unit: MetricUnit
    label: str
    kind: MetricKind


@strawberry.type
class FloorMeeting:
    id: strawberry.ID
    title: str
    kind: MeetingKind
    date: dt.date | None
    body: str | None
    chair: FloorPerson | None
    themes: list[FloorTheme]
    items: list[FloorItem]
    metrics: list[FloorMetric]


@strawberry.type
class FloorPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class FloorEdge:
    cursor: str
    node: FloorMeeting


@strawberry.type
class FloorConnection:
    total_count: int
    page_info: FloorPageInfo
    edges: list[FloorEdge]


@strawberry.input
class FloorFilter:
    year: int


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _person(data: Mapping[str, Any] | None) -> FloorPerson | None:
    return None if data is None else FloorPerson(name=data["name"])


def _action(data: Mapping[str, Any]) -> FloorAction:
    return FloorAction(
        reference=data["reference"],
        text=data["text"],
        status=ActionStatus[data["status"]],
        due_date=_day(data["dueDate"]),
        owners=[FloorPerson(name=owner["name"]) for owner in data["owners"]],
    )


def _item(data: Mapping[str, Any]) -> FloorItem:
    return FloorItem(
        number=data["number"],
        title=data["title"],
        children=[FloorSubItem(number=c["number"], title=c["title"]) for c in data["children"]],
        actions=[_action(a) for a in data["actions"]],
    )


def _meeting(data: Mapping[str, Any]) -> FloorMeeting:
    return FloorMeeting(
        id=strawberry.ID(data["id"]),
        title=data["title"],
        kind=MeetingKind[data["kind"]],
        date=_day(data["date"]),
        body=data["body"],
        chair=_person(data["chair"]),
        themes=[FloorTheme(code=t["code"], name=t["name"]) for t in data["themes"]],
        items=[_item(i) for i in data["items"]],
        metrics=[
            FloorMetric(
                value=m["value"],
                unit=MetricUnit[m["unit"]],
                label=m["label"],
                kind=MetricKind[m["kind"]],
            )
            for m in data["metrics"]
        ],
    )


def floor_page(data: Mapping[str, Any]) -> FloorConnection:
    """The plain objects of one answer of the nested query (its ``meetings`` field)."""
    info = data["pageInfo"]
    return FloorConnection(
        total_count=data["totalCount"],
        page_info=FloorPageInfo(has_next_page=info["hasNextPage"], end_cursor=info["endCursor"]),
        edges=[FloorEdge(cursor=e["cursor"], node=_meeting(e["node"])) for e in data["edges"]],
    )


def floor_schema(pages: Mapping[PageKey, Mapping[str, Any]]) -> strawberry.Schema:
    """A schema that answers the nested query from ``pages`` (the API's answers by
    variables), its objects made once, here."""
    built = {key: floor_page(page) for key, page in pages.items()}

    @strawberry.type
    class Query:
        @strawberry.field
        def meetings(
            self, first: int, filter: FloorFilter, after: str | None = None
        ) -> FloorConnection:
            return built[filter.year, after]

    return strawberry.Schema(query=Query, config=StrawberryConfig(scalar_map=SCALAR_MAP))


def write_pages(path: Path, pages: Mapping[PageKey, Mapping[str, Any]]) -> None:
    """Keep ``pages`` in a JSON file for a server process."""
    rows = [{"year": year, "after": after, "page": page} for (year, after), page in pages.items()]
    path.write_text(json.dumps(rows), encoding="utf-8")


def read_pages(path: Path) -> dict[PageKey, Mapping[str, Any]]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {(row["year"], row["after"]): row["page"] for row in rows}


def floor_command(port: int, workers: int) -> list[str]:
    """uvicorn on the floor app, as ``bench.live_server.uvicorn_command`` runs the API."""
    return [
        sys.executable, "-m", "uvicorn", FLOOR_APP, "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip


def app_from_environment() -> Starlette:
    """The floor schema over HTTP (as ``uvicorn --factory`` calls it): ``POST /graphql``."""
    pages = read_pages(Path(os.environ[FLOOR_PAGES_ENV]))

    async def ready(_: Request) -> PlainTextResponse:
        return PlainTextResponse("ready")

    graphql = GraphQL[None, None](floor_schema(pages), graphql_ide=None)
    return Starlette(routes=[Route("/readyz", ready), Route("/graphql", graphql, methods=["POST"])])
