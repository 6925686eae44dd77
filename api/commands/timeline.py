"""``assurance timeline``: a theme's timeline (``Theme.timeline``) as a terminal chart."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.commands.common import consoles, run
from api.commands.operations import OperationError, operations
from api.settings import Settings

TIMELINE = """
query Timeline($code: String!, $from: Date, $to: Date, $by: CalendarPeriod!, $body: String) {
  theme(code: $code) {
    code name searchQuery
    timeline(from: $from, to: $to, by: $by, body: $body) {
      period start end meetings items actionsRaised actionsClosed openActions searchHits
    }
  }
}
"""

# The longest bar, in characters, and the shortest when the terminal is narrow.
BAR_WIDTH = 40
MIN_BAR_WIDTH = 10


class By(StrEnum):
    year = "year"
    quarter = "quarter"
    month = "month"


class Measure(StrEnum):
    meetings = "meetings"
    items = "items"
    raised = "raised"
    closed = "closed"
    open = "open"
    hits = "hits"


# Each measure's column heading and field of a period, in the order they are shown.
COLUMNS = {
    Measure.meetings: ("meetings", "meetings"),
    Measure.items: ("items", "items"),
    Measure.raised: ("raised", "actionsRaised"),
    Measure.closed: ("closed", "actionsClosed"),
    Measure.open: ("open", "openActions"),
    Measure.hits: ("hits", "searchHits"),
}


def timeline(
    theme: Annotated[str, typer.Argument(help='Theme code, e.g. "DA" or "SOC".')],
    by: Annotated[By, typer.Option(help="Periods to count in.", case_sensitive=False)] = By.year,
    date_from: Annotated[
        dt.datetime | None,
        typer.Option(
            "--from",
            formats=["%Y-%m-%d"],
            help="Start with the period holding this day (default: the theme's first).",
        ),
    ] = None,
    date_to: Annotated[
        dt.datetime | None,
        typer.Option(
            "--to",
            formats=["%Y-%m-%d"],
            help="End with the period holding this day (default: the theme's last).",
        ),
    ] = None,
    body: Annotated[
        str | None, typer.Option(help="Only this force or body's meetings (default: all).")
    ] = None,
    chart: Annotated[
        Measure, typer.Option(help="The column drawn as bars.", case_sensitive=False)
    ] = Measure.items,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Per year, quarter or month: a theme's meetings, items, actions and search hits."""
    variables = {
        "code": theme,
        "from": date_from.date().isoformat() if date_from else None,
        "to": date_to.date().isoformat() if date_to else None,
        "by": by.value.upper(),
        "body": body,
    }
    console, err_console = consoles()
    try:
        data = run(_timeline(Settings(), variables))
    except OperationError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    found = data["theme"]
    if found is None:
        err_console.print(f"[red]error:[/red] no theme {escape(theme)!r}")
        raise typer.Exit(1)
    if as_json:
        console.print_json(json.dumps(found))
        return
    _print(console, found, by, body, chart)


async def _timeline(settings: Settings, variables: dict[str, Any]) -> dict[str, Any]:
    async with operations(settings, search=True) as execute:
        return await execute(TIMELINE, variables)


def _print(
    console: Console, theme: dict[str, Any], by: By, body: str | None, chart: Measure
) -> None:
    periods = theme["timeline"]
    where = f"at {body.strip()}" if body and body.strip() else "at every body"
    if not periods:
        console.print(f"{escape(theme['code'])} {escape(theme['name'])}: nothing {where}")
        return
    console.print(
        f"[bold]{escape(theme['code'])}[/bold] {escape(theme['name'])} by {by.value}, "
        f"{periods[0]['period']} to {periods[-1]['period']}, {escape(where)}"
    )
    heading, field = COLUMNS[chart]
    widest = max((p[field] or 0 for p in periods), default=0) or 1
    bar_width = _bar_width(console.width, periods)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("period", no_wrap=True)
    for name, _ in COLUMNS.values():
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(heading, no_wrap=True, style="cyan")
    for p in periods:
        value = p[field] or 0
        bar = "█" * max(1, round(bar_width * value / widest)) if value else ""
        table.add_row(
            p["period"],
            *(_cell(p[key]) for _, key in COLUMNS.values()),
            bar,
        )
    console.print(table)
    console.print(
        "[dim]raised, closed: action lifecycles raised or closed in the period; open: those "
        "open on its last day; hits: records of its meetings found by[/dim] "
        + escape(theme["searchQuery"]),
        highlight=False,
    )


def _bar_width(width: int, periods: list[dict[str, Any]]) -> int:
    """The longest bar that leaves the table within ``width`` columns (three between
    columns: a space either side of the rule), between MIN_BAR_WIDTH and BAR_WIDTH."""
    cells = [[p["period"] for p in periods]] + [
        [heading, *(str(p[key]) for p in periods)] for heading, key in COLUMNS.values()
    ]
    taken = sum(max(len(cell) for cell in column) for column in cells) + 3 * len(cells)
    return max(MIN_BAR_WIDTH, min(BAR_WIDTH, width - taken))


def _cell(value: int | None) -> str:
    """A count; a dim dash where there is none to give (no search index)."""
    return "[dim]-[/dim]" if value is None else str(value)
