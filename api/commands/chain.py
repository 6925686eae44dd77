"""``assurance chain``: an action's lifecycle, from raised to closed, at a terminal.

An action is named as the minutes (or their action log) number it, by its meeting's date
and its reference (``assurance chain 2022-09-22 1``, with ``--body`` when two bodies met
that day), or by its id: the number ``assurance search --json`` gives, or its GraphQL id.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.commands.common import consoles, run
from api.commands.operations import Execute, OperationError, operations
from api.settings import Settings
from schema.node import from_global_id, is_record_number, record_id_in_range, to_global_id

_ACTION = """
fragment ChainAction on Action {
  id reference text ownerText status dueDate
  owners { name }
  meeting { title body date }
  lifecycle {
    status raisedOn closedOn lastSeenOn timesDeferred dueDate dueBasis daysOpen overdue
  }
  chain { id reference status meeting { title date } }
  history {
    status actionStatus date source text author dueDate
    meeting { title date }
  }
}
"""
BY_ID = (
    """
query ChainById($id: ID!) { node(id: $id) { __typename ... on Action { ...ChainAction } } }
"""
    + _ACTION
)
AT_MEETING = """
query ChainAtMeeting($day: Date!, $body: String) {
  meetings(filter: {dateFrom: $day, dateTo: $day, body: $body}, first: 100) {
    edges { node {
      id title body date
      actions {
        id reference text chain { id } evidence { document { fileName } }
        continuedBy { kind later { reference } }
        continues {
          kind
          earlier { continuedBy { kind later { id reference meeting { id } } } }
        }
      }
    } }
  }
}
"""

# Words the minutes put before an action's number: "Action 3", "No. 3", "#3".
_REFERENCE_PREFIX = re.compile(r"^(?:action\s*|no\.?\s*|#\s*)", re.IGNORECASE)
# Characters of an event's text shown in the table.
TEXT_CHARS = 160


class ChainError(Exception):
    """The action cannot be told: not found (exit 1) or named ambiguously (exit 2)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def chain(
    action: Annotated[
        str,
        typer.Argument(
            help="The action's id (as `assurance search --json` gives it, or its GraphQL "
            "id), or its meeting's date (YYYY-MM-DD) followed by REFERENCE."
        ),
    ],
    reference: Annotated[
        str | None,
        typer.Argument(help="The action's reference in that meeting's minutes, e.g. \"2\"."),
    ] = None,
    body: Annotated[
        str | None, typer.Option(help="The force or body whose meeting it was, if several met.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Follow an action from the meeting that raised it to the one that closed it."""
    console, err_console = consoles()
    try:
        found = run(_chain(Settings(), action, reference, body))
    except ChainError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(exc.exit_code) from exc
    except OperationError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    if as_json:
        console.print_json(json.dumps(found))
    else:
        _print(console, found)


async def _chain(
    settings: Settings, action: str, reference: str | None, body: str | None
) -> dict[str, Any]:
    async with operations(settings) as execute:
        if reference is None:
            return await _by_id(execute, action)
        try:
            day = dt.date.fromisoformat(action)
        except ValueError as exc:
            raise ChainError(
                f"{action!r} is no meeting date (YYYY-MM-DD): give a date and a reference, "
                "or an action's id alone",
                2,
            ) from exc
        return await _by_id(execute, await _at_meeting(execute, day, reference, body))


async def _by_id(execute: Execute, action: str) -> dict[str, Any]:
    global_id = action
    if is_record_number(action):
        number = record_id_in_range(action)
        if number is None:
            raise ChainError(f"no action {action}", 1)
        global_id = to_global_id("Action", number)
    try:
        node = (await execute(BY_ID, {"id": global_id}))["node"]
    except OperationError as exc:
        if exc.code == "BAD_ID":
            raise ChainError(f"{action!r} is no action's id", 2) from exc
        raise
    if node is None or node.get("__typename") != "Action":
        raise ChainError(f"no action {action}", 1)
    return dict(node)


async def _at_meeting(execute: Execute, day: dt.date, reference: str, body: str | None) -> str:
    """The id of the action ``reference`` of the meeting held on ``day``: of the one
    standing for that meeting in its lifecycle, when the minutes and the action log
    both record it; a ChainError when actions of several lifecycles have the reference."""
    data = await execute(AT_MEETING, {"day": day.isoformat(), "body": body})
    meetings = [edge["node"] for edge in data["meetings"]["edges"]]
    where = f"{day}" + (f" of {body}" if body else "")
    if not meetings:
        raise ChainError(f"no meeting on {where}", 1)
    wanted = _reference_key(reference)
    found = [
        (meeting, action)
        for meeting in meetings
        for action in meeting["actions"]
        if wanted in {_reference_key(r) for r in _references(meeting, action)}
    ]
    if not found:
        raise ChainError(f"no action {reference!r} at the meeting on {where}", 1)
    lifecycles: dict[str, list[str]] = {}
    for _, action in found:
        members = [member["id"] for member in action["chain"]] or [action["id"]]
        lifecycles.setdefault(members[0], members)
    if len(lifecycles) > 1:
        choices = "; ".join(
            f"{_record_number(action['id'])} ({_source(meeting, action)}: {action['text'][:60]})"
            for meeting, action in found
        )
        bodies = {meeting["body"] for meeting, _ in found}
        hint = "--body or " if len(bodies) > 1 else ""
        raise ChainError(
            f"actions of {len(lifecycles)} lifecycles are {reference!r} on {where}: {choices}; "
            f"give {hint}the action's id",
            2,
        )
    [members] = lifecycles.values()
    standing = [action["id"] for _, action in found if action["id"] in members]
    return str(standing[0] if standing else found[0][1]["id"])


def _references(meeting: dict[str, Any], action: dict[str, Any]) -> list[str]:
    """The action's reference, and those its meeting's action log gives it (the log's row
    repeating it, which the meeting does not list: ``Meeting.actions``): a row linked to
    it as SAME_MEETING, or, for an action carried in, a row of the same meeting carrying
    in the same earlier action."""
    repeated = [
        link["later"]["reference"]
        for link in action["continuedBy"]
        if link["kind"] == "SAME_MEETING"
    ]
    repeated += [
        carried["later"]["reference"]
        for link in action["continues"]
        if link["kind"] == "ORIGIN"
        for carried in link["earlier"]["continuedBy"]
        if carried["kind"] == "ORIGIN"
        and carried["later"]["id"] != action["id"]
        and carried["later"]["meeting"]["id"] == meeting["id"]
    ]
    return [r for r in (action["reference"], *repeated) if r]


def _source(meeting: dict[str, Any], action: dict[str, Any]) -> str:
    """Where an action was read: its document's file name, else its meeting's body."""
    evidence = action.get("evidence")
    if evidence and evidence.get("document"):
        return str(evidence["document"]["fileName"])
    return str(meeting["body"] or meeting["title"])


def _reference_key(reference: str) -> str:
    return " ".join(_REFERENCE_PREFIX.sub("", reference.strip()).split()).casefold()


def _record_number(global_id: str) -> int:
    """The number behind a GraphQL id ("QWN0aW9uOjQx" -> 41), as the commands take it."""
    return from_global_id(global_id)[1]


def _print(console: Console, action: dict[str, Any]) -> None:
    meeting = action["meeting"]
    name = f"Action {action['reference']}" if action["reference"] else "Action"
    held = ", ".join(str(part) for part in (meeting["title"], meeting["body"]) if part)
    console.print(
        f"[bold]{escape(name)}[/bold] of {escape(held)} ({meeting['date'] or 'no date'}), "
        f"id {_record_number(action['id'])}"
    )
    console.print(escape(action["text"]), highlight=False)
    owners = ", ".join(owner["name"] for owner in action["owners"])
    if action["ownerText"] or owners:
        shown = action["ownerText"] or ""
        console.print(f"owner: {escape(shown)}" + (f" ({escape(owners)})" if owners else ""))
    cycle = action["lifecycle"]
    if cycle is not None:
        console.print(_summary(cycle, len(action["chain"])))
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("date", "meeting", "event", "status", "recorded"):
        table.add_column(column, no_wrap=column in ("date", "event", "status"))
    for event in action["history"]:
        where = event["meeting"]["title"] if event["meeting"] else _pushed_by(event)
        text = event["text"]
        if len(text) > TEXT_CHARS:
            text = text[: TEXT_CHARS - 1].rstrip() + "…"
        table.add_row(
            event["date"] or "",
            escape(where),
            event["status"],
            event["actionStatus"] or "",
            escape(text),
        )
    console.print(table)


def _summary(cycle: dict[str, Any], meetings: int) -> str:
    """One line: where the lifecycle stands, when raised and closed, deferrals, due date."""
    parts = [f"[bold]{cycle['status']}[/bold]", f"raised {cycle['raisedOn'] or 'on no known date'}"]
    if cycle["closedOn"]:
        parts.append(f"closed {cycle['closedOn']} after {cycle['daysOpen']} days")
    elif cycle["daysOpen"] is not None:
        parts.append(f"open {cycle['daysOpen']} days")
    parts.append(f"recorded at {meetings} {'meeting' if meetings == 1 else 'meetings'}")
    if cycle["timesDeferred"]:
        times = cycle["timesDeferred"]
        parts.append(f"deferred {times} {'time' if times == 1 else 'times'}")
    if cycle["dueDate"]:
        basis = f" ({cycle['dueBasis'].lower().replace('_', ' ')})" if cycle["dueBasis"] else ""
        parts.append(f"due {cycle['dueDate']}{basis}" + (", overdue" if cycle["overdue"] else ""))
    return "; ".join(parts)


def _pushed_by(event: dict[str, Any]) -> str:
    return f"update by {event['author']}" if event["author"] else "update"
