"""``assurance series``: series of figures (``metricSeries``) at a terminal, as a table or JSON.

The command reads through the GraphQL schema the server serves, in process, so that
what it prints is what the API answers for the same filter.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.commands.common import consoles, run, runtime
from api.settings import Settings
from records import clock
from records.paging import MAX_PAGE_SIZE
from schema import build_schema
from schema.context import Context
from schema.permissions import READER

SERIES = """
query Series($filter: MetricSeriesFilter, $first: Int!, $after: String) {
  metricSeries(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      label unit body theme { code } confidence
      points { value date confidence reason meeting { title } }
      target { value context meeting { date } }
      targetDirection targetConfidence targetReason meetsTarget
    } }
  }
}
"""


class SeriesError(Exception):
    """The query was refused (an argument the API does not take): its message."""


def series(
    theme: Annotated[str | None, typer.Option(help='Theme code, e.g. "DA".')] = None,
    body: Annotated[str | None, typer.Option(help='Force or body, e.g. "Eastmoor".')] = None,
    label: Annotated[
        str | None, typer.Option(help='Words of what is measured, e.g. "supervisory input".')
    ] = None,
    date_from: Annotated[
        dt.datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="With a figure on or after this day."),
    ] = None,
    date_to: Annotated[
        dt.datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="With a figure on or before this day."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Series of figures: a body's figures of one measure across meetings, and their target."""
    wanted = {
        "theme": theme,
        "body": body,
        "label": label,
        "from": date_from.date().isoformat() if date_from else None,
        "to": date_to.date().isoformat() if date_to else None,
    }
    console, err_console = consoles()
    try:
        found = run(_series(Settings(), {k: v for k, v in wanted.items() if v is not None}))
    except SeriesError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    if as_json:
        console.print_json(json.dumps({"totalCount": len(found), "series": found}))
    else:
        _print(console, found)


async def _series(settings: Settings, where: dict[str, Any]) -> list[dict[str, Any]]:
    """Every series the filter finds, newest latest figure first, page by page."""
    schema = build_schema()
    found: list[dict[str, Any]] = []
    after: str | None = None
    async with runtime(settings) as rt:
        while True:
            result = await schema.execute(
                SERIES,
                variable_values={"filter": where, "first": MAX_PAGE_SIZE, "after": after},
                context_value=Context(
                    engine=rt.engine, role=READER, today=clock.today(settings.zone)
                ),
            )
            if result.errors:
                raise SeriesError(result.errors[0].message)
            assert result.data is not None
            page = result.data["metricSeries"]
            found += [edge["node"] for edge in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                return found
            after = page["pageInfo"]["endCursor"]


def _print(console: Console, found: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(found)} series", show_lines=True)
    for column in ("measure", "body", "theme", "figures, oldest first", "target", "confidence"):
        table.add_column(column, justify="right" if column == "confidence" else "left")
    for node in found:
        points = node["points"]
        unit = node["unit"]
        figures = " → ".join(shown(p["value"], unit) for p in points)
        span = f"{points[0]['date']} to {points[-1]['date']}, {len(points)} meetings"
        table.add_row(
            escape(node["label"]),
            escape(node["body"] or ""),
            node["theme"]["code"] if node["theme"] else "",
            f"{figures}\n[dim]{span}[/dim]",
            _target_cell(node, unit),
            f"{node['confidence']:.2f}",
        )
    console.print(table)


def _target_cell(node: dict[str, Any], unit: str) -> str:
    target = node["target"]
    if target is None:
        return ""
    side = "at most" if node["targetDirection"] == "AT_MOST" else "at least"
    met = "[green]met[/green]" if node["meetsTarget"] else "[red]not met[/red]"
    stated = target["meeting"]["date"]
    return f"{side} {shown(target['value'], unit)}: {met}\n[dim]stated {stated}[/dim]"


def shown(value: float, unit: str) -> str:
    """A figure as minutes write it: 57%, 1,284, £1.2m, 5.4 (a rate)."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if unit == "PERCENT":
        return f"{number}%"
    if unit == "MONEY":
        if abs(value) >= 1_000_000:
            return f"£{value / 1_000_000:,.1f}m"
        return f"£{number}"
    return number
