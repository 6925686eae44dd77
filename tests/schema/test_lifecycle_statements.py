"""GraphQL over what later minutes say of earlier actions: an action closed by the next
board's matters arising shows the event with its evidence and confidence, its lifecycle
is closed and no longer overdue, and the lifecycle filters agree (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from schema.context import Context
from tests.ingest.test_lifecycle_statements import JANUARY, MARCH, THEMATIC
from tests.support.graphql import nodes, run
from tests.support.records import ingest_files

JANUARY_ACTIONS = """
query($day: Date!) {
  meetings(filter: {dateFrom: $day, dateTo: $day}) { edges { node {
    actions {
      reference
      lifecycle { status closedOn lastSeenOn overdue(asOf: "2023-04-01") }
      history {
        status actionStatus date source confidence
        meeting { date }
        evidence { text document { fileName } }
      }
    }
  } } }
}
"""

LIFECYCLES = """
query($filter: ActionFilter) {
  actions(filter: $filter) { edges { node { reference meeting { date } } } }
}
"""


async def test_an_earlier_action_closed_by_later_minutes(engine: AsyncEngine) -> None:
    await ingest_files(engine, JANUARY, THEMATIC, MARCH)
    context = Context(engine=engine)
    data = await run(context, JANUARY_ACTIONS, {"day": "2023-01-10"})
    [meeting] = nodes(data["meetings"])
    by_number = {a["reference"]: a for a in meeting["actions"]}

    closed = by_number["1"]
    raised, said = closed["history"]
    assert (raised["status"], raised["date"], raised["confidence"]) == (
        "RAISED",
        "2023-01-10",
        None,
    )
    assert (said["status"], said["actionStatus"], said["date"], said["source"]) == (
        "CLOSED",
        "COMPLETED",
        "2023-03-14",
        "MINUTES",
    )
    assert said["meeting"]["date"] == "2023-03-14"
    assert said["evidence"]["text"] == "Actions 1 and 3 were discharged."
    assert said["evidence"]["document"]["fileName"] == MARCH.name
    assert 0.5 < said["confidence"] < 1
    assert closed["lifecycle"] == {
        "status": "COMPLETED",
        "closedOn": "2023-03-14",
        "lastSeenOn": "2023-03-14",
        "overdue": False,  # due 31 January 2023, closed in March
    }

    still_open = by_number["2"]
    assert [h["status"] for h in still_open["history"]] == ["RAISED", "UPDATED"]
    assert still_open["history"][1]["evidence"]["text"].startswith("Action 2 (frob review)")
    assert still_open["lifecycle"]["status"] == "OPEN"

    other = by_number["4"]
    assert other["history"][-1]["evidence"]["text"] == "All other actions were closed."
    assert other["history"][-1]["confidence"] < said["confidence"]

    async def numbers(**conditions: object) -> list[tuple[str, str]]:
        data = await run(context, LIFECYCLES, {"filter": {**conditions, "body": "Marrowfield"}})
        return sorted((a["meeting"]["date"], a["reference"]) for a in nodes(data["actions"]))

    january = [("2023-01-10", n) for n in ("1", "2", "3", "4")]
    assert set(january) <= set(await numbers(openAt="2023-03-01"))
    assert set(await numbers(openAt="2023-04-01")) & set(january) == {("2023-01-10", "2")}
    assert ("2023-01-10", "1") not in await numbers(overdueAt="2023-04-01")
    assert ("2023-02-07", "2") in await numbers(openAt="2023-04-01")  # in progress
