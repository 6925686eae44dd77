"""'Today' is the date in the bodies' time zone (ASSURANCE_TIME_ZONE), not the server's.

Two zones 26 hours apart never share a date: an action due on the date it is west of the
date line is overdue east of it. Every place that counts to today (the lifecycle's
fields, the actions filter, a theme's lists, the HTTP export) follows the setting.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from api.commands.operations import operations
from api.settings import Settings
from records import clock
from tests.support.api import ClientFactory, graphql
from tests.support.records import ingest_files

WEST = "Etc/GMT+12"  # UTC-12
EAST = "Pacific/Kiritimati"  # UTC+14

MINUTES = """Police and Crime Panel
Minutes of the meeting held on 10 January 2020

Present: Councillor Ann Wakefield (Chair), Councillor Tom Biggins

1. Domestic abuse
The Commissioner reported on domestic abuse outcomes.
Action: the Commissioner to circulate the domestic abuse figures by {due}.
"""

ACTIONS = """{
  all: actions { edges { node { lifecycle { dueDate overdue daysOpen } } } }
  late: actions(filter: {overdue: true}) { totalCount }
}"""


@pytest.fixture
async def due_today_in_the_west(engine: AsyncEngine, tmp_path: Path) -> dt.date:
    """One open action, due on today's date in the westernmost zone."""
    due = clock.today(clock.time_zone(WEST))
    minutes = tmp_path / "panel.txt"
    minutes.write_text(MINUTES.format(due=f"{due.day} {due:%B %Y}"), encoding="utf-8")
    await ingest_files(engine, minutes)
    return due


@pytest.mark.parametrize(("zone", "overdue"), [(WEST, False), (EAST, True)])
async def test_overdue_counts_to_today_in_the_configured_zone(
    client_for: ClientFactory, due_today_in_the_west: dt.date, zone: str, overdue: bool
) -> None:
    async with client_for(time_zone=zone) as client:
        answer = (await client.post("/graphql", json=graphql(ACTIONS))).json()["data"]
        [action] = [edge["node"] for edge in answer["all"]["edges"]]
        assert action["lifecycle"]["dueDate"] == due_today_in_the_west.isoformat()
        assert action["lifecycle"]["overdue"] is overdue
        today = clock.today(clock.time_zone(zone))
        assert action["lifecycle"]["daysOpen"] == (today - dt.date(2020, 1, 10)).days
        assert answer["late"]["totalCount"] == int(overdue)

        listed = (await client.get("/themes/DA/overdue-actions.json")).json()
        assert listed["filter"]["overdueAt"] == today.isoformat()
        assert listed["totalCount"] == int(overdue)

        exported = await client.get("/export/actions.csv")
        assert exported.status_code == 200
        [row] = csv.DictReader(io.StringIO(exported.text))
        assert row["overdue"] == str(overdue).lower()


def test_today_is_the_date_in_the_zone() -> None:
    late_evening_utc = dt.datetime(2024, 6, 1, 23, 30, tzinfo=dt.UTC)  # 00:30 BST, 2 June
    assert clock.today(now=late_evening_utc) == dt.date(2024, 6, 2)
    winter_evening_utc = dt.datetime(2024, 1, 1, 23, 30, tzinfo=dt.UTC)  # GMT: still 1 January
    assert clock.today(now=winter_evening_utc) == dt.date(2024, 1, 1)
    assert clock.today(clock.time_zone(WEST), now=late_evening_utc) == dt.date(2024, 6, 1)


def test_an_unknown_time_zone_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(data_dir=tmp_path, time_zone="Europe/Atlantis")
    assert "time_zone" in str(refused.value) and "'Europe/Atlantis'" in str(refused.value)


@pytest.mark.parametrize(("zone", "overdue"), [(WEST, False), (EAST, True)])
async def test_the_commands_count_to_today_in_the_configured_zone(
    settings: Settings, due_today_in_the_west: dt.date, zone: str, overdue: bool
) -> None:
    """``assurance chain`` and ``timeline`` read the lifecycle through ``operations``."""
    async with operations(settings.model_copy(update={"time_zone": zone})) as execute:
        answer = await execute(ACTIONS, {})
    [action] = [edge["node"] for edge in answer["all"]["edges"]]
    assert action["lifecycle"]["overdue"] is overdue
    assert answer["late"]["totalCount"] == int(overdue)
