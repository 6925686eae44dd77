"""GraphQL over action lifecycles: an action followed from raised to closed, the
lifecycle filters, a meeting's carried actions, and statements that do not grow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from api.export.filters import ExportFilter
from api.export.stream import export_run
from api.export.tables import TABLES
from records.db import session_factory
from records.models import Action
from schema.context import Context
from tests.ingest.test_lifecycle import EASTMOOR
from tests.schema.test_statement_count import count_statements
from tests.support.graphql import nodes, run
from tests.support.records import ingest_files

FOLLOW = """
query($filter: ActionFilter) {
  actions(filter: $filter) {
    totalCount
    edges { node {
      text meeting { date }
      lifecycle {
        status raisedOn closedOn timesDeferred dueDate dueBasis
        daysOpen overdue(asOf: "2022-12-01")
      }
      chain { meeting { date } status }
      history { status actionStatus date source meeting { date } evidence { text } }
      continuedBy { kind confidence reason later { meeting { date } } }
    } }
  }
}
"""


async def test_an_action_followed_from_raised_to_closed(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    data = await run(Context(engine=engine), FOLLOW, {"filter": {"deferredAtLeast": 2}})
    [action] = nodes(data["actions"])
    assert action["text"].startswith("FS and OR to present a recovery plan")
    assert [c["meeting"]["date"] for c in action["chain"]] == [
        "2022-09-22",
        "2022-10-20",
        "2022-11-17",
        "2022-12-15",
    ]
    history = action["history"]
    assert [(h["status"], h["date"]) for h in history] == [
        ("RAISED", "2022-09-22"),
        ("DEFERRED", "2022-10-20"),
        ("DEFERRED", "2022-11-17"),
        ("CLOSED", "2022-12-15"),
    ]
    assert all(h["source"] == "MINUTES" and h["meeting"]["date"] == h["date"] for h in history)
    assert "deferred again" in history[2]["evidence"]["text"]
    assert history[3]["evidence"]["text"] == "The action was closed."
    cycle = action["lifecycle"]
    assert cycle["status"] == "COMPLETED" and cycle["timesDeferred"] == 2
    assert (cycle["raisedOn"], cycle["closedOn"], cycle["daysOpen"]) == (
        "2022-09-22",
        "2022-12-15",
        84,
    )
    assert cycle["overdue"] is False  # due 15 December 2022 by the action log
    links = action["continuedBy"]
    assert {link["later"]["meeting"]["date"] for link in links} >= {"2022-10-20", "2022-12-15"}
    kinds = {(link["kind"], link["later"]["meeting"]["date"] == "2022-09-22") for link in links}
    assert kinds == {("ORIGIN", False), ("SAME_MEETING", True)}  # and its own action log
    assert all(0.5 < link["confidence"] <= 1 and link["reason"] for link in links)


async def test_lifecycle_filters(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)

    async def texts(**conditions: object) -> list[str]:
        data = await run(Context(engine=engine), FOLLOW, {"filter": conditions})
        return sorted(a["text"][:24] for a in nodes(data["actions"]))

    open_in_november = await texts(openAt="2022-11-01", body="Eastmoor")
    assert "FS and OR to present a r" in open_in_november
    assert "AR to provide the result" not in open_in_november  # closed 20 October
    assert "FS and OR to present a r" not in await texts(openAt="2023-01-01")
    # Police staff turnover: raised December 2021, due 20 October 2022, still open.
    assert "HoP to provide a report " in await texts(overdueAt="2022-11-01")
    assert "HoP to provide a report " not in await texts(overdueAt="2022-10-01")
    assert await texts(openAt="2022-11-01", body="Northshire") == []
    assert "FS and OR to present a r" in await texts(deferredAtLeast=2, body=" EASTMOOR ")
    assert await texts(deferredAtLeast=3) == []


MEETING = """
query($day: Date!) {
  meetings(filter: {dateFrom: $day, dateTo: $day}) { edges { node {
    actionsCarriedIn { reference text status continues { earlier { meeting { date } } } }
    actionsCarriedOut { text continuedBy { later { meeting { date } } } }
  } } }
}
"""


async def test_a_meeting_shows_the_actions_it_carries_in_and_out(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    data = await run(Context(engine=engine), MEETING, {"day": "2022-10-20"})
    [meeting] = nodes(data["meetings"])
    carried_in = meeting["actionsCarriedIn"]
    assert [a["reference"] for a in carried_in] == ["1", "2", "4"]
    assert all(a["continues"][0]["earlier"]["meeting"]["date"] == "2022-09-22" for a in carried_in)
    [out] = meeting["actionsCarriedOut"]
    assert out["text"].startswith("AR to report on the number of Control Room staff")
    assert {c["later"]["meeting"]["date"] for c in out["continuedBy"]} == {"2022-11-17"}


# Each loader appears at one depth only (see tests/schema/test_statement_count.py).
LINKED = """
{
  meetings(first: 100) { edges { node {
    actionsCarriedIn { reference }
    actionsCarriedOut { reference }
    actions {
      lifecycle { status timesDeferred }
      history { status evidence { text } meeting { date } }
      continues { kind earlier { reference } }
      continuedBy { kind confidence }
      chain { reference }
    }
  } } }
}
"""


async def test_lifecycle_fields_cost_statements_by_depth_not_rows(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, *EASTMOOR[:3])
    few, _ = await count_statements(engine, LINKED)
    await ingest_files(engine, *EASTMOOR[3:])
    many, data = await count_statements(engine, LINKED)
    assert len(data["meetings"]["edges"]) > 3
    assert many == few


UNDATED_WITH_DUE_DATE = """Police and Crime Panel

Present: Councillor Ann Wakefield (Chair), Councillor Tom Biggins, Mr Neil Ashdown

1. Report of the Police and Crime Commissioner on rural crime
The Commissioner reported on thefts from farms.
Action: the Commissioner to circulate the rural crime figures by 31 March 2021.
"""

OVERDUE = """
query($filter: ActionFilter) {
  actions(filter: $filter) {
    edges { node { text lifecycle { raisedOn dueDate overdue(asOf: "2021-06-01") } } }
  }
}
"""


async def test_an_action_of_an_undated_meeting_is_overdue_by_filter_and_field_alike(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    minutes = tmp_path / "panel.txt"
    minutes.write_text(UNDATED_WITH_DUE_DATE, encoding="utf-8")
    await ingest_files(engine, minutes)
    everything = nodes((await run(Context(engine=engine), OVERDUE, {"filter": {}}))["actions"])
    [action] = everything
    assert action["lifecycle"]["raisedOn"] is None
    assert action["lifecycle"]["dueDate"] == "2021-03-31"
    assert action["lifecycle"]["overdue"] is True
    data = await run(Context(engine=engine), OVERDUE, {"filter": {"overdueAt": "2021-06-01"}})
    assert nodes(data["actions"]) == everything
    data = await run(Context(engine=engine), OVERDUE, {"filter": {"overdueAt": "2021-03-01"}})
    assert nodes(data["actions"]) == []


ONE_MEETING = """
query($filter: MeetingFilter) {
  meetings(filter: $filter) {
    edges { node {
      documents { documentType }
      actions {
        text evidence { document { documentType } }
        continuedBy { kind later { evidence { document { documentType } } } }
      }
    } }
  }
}
"""


CARRIED_IN = """
query($filter: MeetingFilter) {
  meetings(filter: $filter) {
    edges { node {
      actions {
        text
        continues {
          kind
          earlier {
            continuedBy {
              later { text meeting { date } evidence { document { documentType } } }
            }
          }
        }
      }
    } }
  }
}
"""


async def test_a_meeting_lists_an_action_its_action_log_repeats_once(engine: AsyncEngine) -> None:
    """The September minutes raise four actions and record two carried in; their action
    log lists the four again and the two carried in, these in other words ("Police staff
    turnover by department refreshed with staff survey results" for the minutes' "police
    staff turnover by department"). The meeting lists the six as the minutes give them;
    each repeated row stays, linked to the minutes' action, or, carried in, to the same
    earlier action as the minutes' record of it."""
    await ingest_files(engine, *EASTMOOR)
    day = {"dateFrom": "2022-09-22", "dateTo": "2022-09-22"}
    data = await run(Context(engine=engine), ONE_MEETING, {"filter": day})
    [meeting] = nodes(data["meetings"])
    assert sorted(d["documentType"] for d in meeting["documents"]) == ["ACTION_LOG", "MINUTES"]
    actions = meeting["actions"]
    assert [a["evidence"]["document"]["documentType"] for a in actions] == ["MINUTES"] * 6
    recovery = next(a for a in actions if "recovery plan" in a["text"])
    repeated = [
        link["later"]["evidence"]["document"]["documentType"]
        for link in recovery["continuedBy"]
        if link["kind"] == "SAME_MEETING"
    ]
    assert repeated == ["ACTION_LOG"]  # the row stays, linked to the minutes' action
    turnover = await run(Context(engine=engine), CARRIED_IN, {"filter": day})
    [meeting] = nodes(turnover["meetings"])
    [minutes] = [a for a in meeting["actions"] if "staff turnover" in a["text"]]
    continued = [link["later"] for link in minutes["continues"][0]["earlier"]["continuedBy"]]
    assert sorted(
        (later["evidence"]["document"]["documentType"], later["text"])
        for later in continued
        if later["meeting"]["date"] == "2022-09-22"
    ) == [
        ("ACTION_LOG", "Police staff turnover by department refreshed with staff survey results"),
        ("MINUTES", "police staff turnover by department"),
    ]


EVERY_LIST = """
{
  meetings(first: 100) {
    edges { node { actions { id } actionsCarriedIn { id } actionsCarriedOut { id } } }
  }
  actions(first: 100) { totalCount edges { node { id } } }
  themes { code actions(first: 100) { totalCount edges { node { id } } } }
}
"""


async def test_every_list_of_actions_lists_a_repeated_action_once(engine: AsyncEngine) -> None:
    """The top-level list, a theme's list, a meeting's actions carried in and out and the
    actions export list an action an action log repeats once, as its meeting does: the
    minutes' record of it."""
    await ingest_files(engine, *EASTMOOR)
    data = await run(Context(engine=engine), EVERY_LIST)
    listed = [a["id"] for meeting in nodes(data["meetings"]) for a in meeting["actions"]]
    assert len(listed) == len(set(listed))
    across = [a["id"] for a in nodes(data["actions"])]
    assert sorted(across) == sorted(listed)
    assert data["actions"]["totalCount"] == len(listed)
    for meeting in nodes(data["meetings"]):
        own = {a["id"] for a in meeting["actions"]}
        carried = [a["id"] for a in meeting["actionsCarriedIn"] + meeting["actionsCarriedOut"]]
        assert set(carried) <= own
    assert any(meeting["actionsCarriedIn"] for meeting in nodes(data["meetings"]))
    themed = [a["id"] for theme in data["themes"] for a in nodes(theme["actions"])]
    assert themed and set(themed) <= set(listed)
    async with session_factory(engine)() as session:
        stored = await session.scalar(select(func.count()).select_from(Action))
    assert stored is not None and stored > len(listed)  # the log's repeated rows stay
    async with export_run(engine, TABLES["actions"], ExportFilter(), dt.date(2023, 1, 1)) as run_:
        exported = [row["id"] async for batch in run_.batches() for row in batch]
    assert run_.total == len(exported) and sorted(exported) == sorted(listed)
