"""Which meeting a document belongs to, when its minutes name the body and when they do not.

Minutes whose header is only a logo name no body; two bodies' minutes of the same
kind and date must then still make two meetings, told apart by their chair.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import selectinload

from ingest.keys import meeting_identity_key
from ingest.pipeline import FileReport, ingest_paths
from ingest.store import StoreOutcome
from records.db import session_factory
from records.enums import MeetingKind
from records.models import Meeting, SourceDocument

# The layout of minutes whose header is only a logo: no body line above the title.
MINUTES = """{body_line}Monthly Assurance Meeting – June 2019

- Date: Wednesday 5 June 2019, 9.30am
{chair_line}- Venue: Conference Room, OPCC Offices

\tName:\tCapacity:
Attendance:\t{pcc}\tPolice and Crime Commissioner (PCC)
\t{cc}\tChief Constable (CC)

1.\tWelcome and introductions
\tThe PCC welcomed everyone to the meeting. There were no apologies.
2.\tFinance and budget monitoring
\tThe CC said that {spent}% of the revenue budget had been spent by the end of May.
\tAction 1: CC to report on overtime spending.
"""

NORTHSHIRE = "Northshire Police and Crime Commissioner"


def minutes(
    pcc: str, cc: str, *, body: str | None = None, chair_named: bool = True, spent: int = 16
) -> str:
    return MINUTES.format(
        body_line=f"{body}\n" if body else "",
        chair_line=f"- Chair: {pcc}\n" if chair_named else "",
        pcc=pcc,
        cc=cc,
        spent=spent,
    )


async def ingest_text(engine: AsyncEngine, path: Path, text: str) -> FileReport:
    path.write_text(text, encoding="utf-8")
    summary = await ingest_paths(engine, [path])
    [report] = summary.reports
    assert not report.failed, report.error
    return report


async def meetings_by_id(engine: AsyncEngine) -> dict[int, Meeting]:
    async with session_factory(engine)() as session:
        rows = await session.scalars(
            select(Meeting).options(selectinload(Meeting.chair), selectinload(Meeting.documents))
        )
        return {m.id: m for m in rows}


def test_identity_key_is_the_body_else_the_chair() -> None:
    assert (
        meeting_identity_key(" Northshire  Police ", "Paula Reid", title=None)
        == "northshire police"
    )
    assert meeting_identity_key(None, " Ian  GREER ", title=None) == "chair:ian greer"
    assert meeting_identity_key("  ", "Ian Greer", title=None) == "chair:ian greer"
    assert meeting_identity_key(None, None, title=None) == ""
    assert meeting_identity_key("", " ", title=None) == ""


async def test_bodyless_minutes_of_two_chairs_make_two_meetings(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    coldmere = await ingest_text(engine, tmp_path / "a.txt", minutes("Ian Greer", "Kamal Yeoman"))
    mossvale = await ingest_text(
        engine, tmp_path / "b.txt", minutes("Mohammed Gill", "Yasmin Hartley")
    )
    assert coldmere.outcome is StoreOutcome.STORED
    assert mossvale.outcome is StoreOutcome.STORED
    assert coldmere.meeting_id != mossvale.meeting_id

    meetings = await meetings_by_id(engine)
    assert set(meetings) == {coldmere.meeting_id, mossvale.meeting_id}
    for meeting in meetings.values():
        assert meeting.body is None and meeting.body_key == ""
        assert meeting.kind is MeetingKind.MONTHLY_ASSURANCE
        assert meeting.date == dt.date(2019, 6, 5)
        assert len(meeting.documents) == 1
    chairs = {i: m.chair.name if m.chair else None for i, m in meetings.items()}
    assert chairs == {coldmere.meeting_id: "Ian Greer", mossvale.meeting_id: "Mohammed Gill"}
    assert {m.identity_key for m in meetings.values()} == {
        "chair:ian greer",
        "chair:mohammed gill",
    }


async def test_revised_bodyless_minutes_replace_only_their_own_meeting(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    coldmere = await ingest_text(engine, tmp_path / "a.txt", minutes("Ian Greer", "Kamal Yeoman"))
    mossvale = await ingest_text(
        engine, tmp_path / "b.txt", minutes("Mohammed Gill", "Yasmin Hartley")
    )
    before = await meetings_by_id(engine)

    revised = await ingest_text(
        engine, tmp_path / "a-v2.txt", minutes("Ian Greer", "Kamal Yeoman", spent=21)
    )
    assert revised.outcome is StoreOutcome.REPLACED
    assert revised.meeting_id == coldmere.meeting_id

    after = await meetings_by_id(engine)
    assert set(after) == {coldmere.meeting_id, mossvale.meeting_id}
    [new_document] = after[coldmere.meeting_id].documents
    assert "21% of the revenue budget" in new_document.text
    assert mossvale.meeting_id is not None
    assert [d.id for d in after[mossvale.meeting_id].documents] == [
        d.id for d in before[mossvale.meeting_id].documents
    ]
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(SourceDocument)) == 2


async def test_minutes_naming_a_body_are_one_meeting_whoever_chairs(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    first = await ingest_text(
        engine, tmp_path / "a.txt", minutes("Paula Reid", "Martin Okafor", body=NORTHSHIRE)
    )
    # The same body's minutes again, chaired by the deputy: a new version, as before.
    second = await ingest_text(
        engine, tmp_path / "b.txt", minutes("Dev Sandhu", "Martin Okafor", body=NORTHSHIRE)
    )
    assert first.outcome is StoreOutcome.STORED
    assert second.outcome is StoreOutcome.REPLACED
    assert second.meeting_id == first.meeting_id

    meetings = await meetings_by_id(engine)
    assert list(meetings) == [first.meeting_id]
    [meeting] = meetings.values()
    assert meeting.body == "Northshire"
    assert meeting.body_key == meeting.identity_key == "northshire"
    assert meeting.chair is not None and meeting.chair.name == "Dev Sandhu"


async def test_bodyless_minutes_stay_apart_from_minutes_naming_a_body(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    named = await ingest_text(
        engine, tmp_path / "a.txt", minutes("Paula Reid", "Martin Okafor", body=NORTHSHIRE)
    )
    unnamed = await ingest_text(engine, tmp_path / "b.txt", minutes("Paula Reid", "Martin Okafor"))
    assert named.outcome is StoreOutcome.STORED
    assert unnamed.outcome is StoreOutcome.STORED
    meetings = await meetings_by_id(engine)
    assert {m.identity_key for m in meetings.values()} == {"northshire", "chair:paula reid"}


@pytest.mark.parametrize("second_pcc", ["Ian Greer", "Mohammed Gill"])
async def test_minutes_naming_neither_body_nor_chair_share_one_identity(
    engine: AsyncEngine, tmp_path: Path, second_pcc: str
) -> None:
    first = await ingest_text(
        engine, tmp_path / "a.txt", minutes("Ian Greer", "Kamal Yeoman", chair_named=False)
    )
    # With nothing to tell them apart, the second is taken for a new version of the first.
    second = await ingest_text(
        engine,
        tmp_path / "b.txt",
        minutes(second_pcc, "Yasmin Hartley", chair_named=False, spent=30),
    )
    assert first.outcome is StoreOutcome.STORED
    assert second.outcome is StoreOutcome.REPLACED
    assert second.meeting_id == first.meeting_id
    meetings = await meetings_by_id(engine)
    assert [(m.identity_key, m.chair_id) for m in meetings.values()] == [("", None)]


BOARD = """Office of the Eastshire Police, Fire and Crime Commissioner

{service} Accountability Board Notes 18th June 2019

Present:
Ada Reader (AR) – Police, Fire and Crime Commissioner
Ben Tolland (BT) – {chief}

1. Welcome and introductions

AR welcomed everyone to the {service} Accountability Board.

2. Performance

BT presented the quarterly performance report{figure}.
"""


def test_a_commissioners_fire_board_is_told_from_the_police_board() -> None:
    assert meeting_identity_key("Eastshire", None, title="Fire Accountability Board") == (
        "eastshire/fire"
    )
    assert (
        meeting_identity_key("Eastshire", None, title="Police Accountability Board") == "eastshire"
    )
    assert (
        meeting_identity_key("Eastshire", None, title="Police, Fire and Crime Panel") == "eastshire"
    )
    assert meeting_identity_key("Eastshire", None, title="Firearms Licensing Review") == "eastshire"
    # the office over both services named in a fire board's title
    title = "Police, Fire and Crime Commissioner's Fire and Rescue Accountability Board"
    assert meeting_identity_key("Eastshire", None, title=title) == "eastshire/fire"
    # a fire authority's own meetings: the body names the service already
    assert meeting_identity_key(
        "Eastshire Fire Authority", None, title="Fire Authority Minutes"
    ) == ("eastshire fire authority")


async def test_police_and_fire_boards_of_one_day_make_two_meetings(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    police = await ingest_text(
        engine,
        tmp_path / "police.txt",
        BOARD.format(service="Police", chief="Chief Constable", figure=""),
    )
    fire = await ingest_text(
        engine,
        tmp_path / "fire.txt",
        BOARD.format(service="Fire", chief="Chief Fire Officer", figure=" for the service"),
    )
    assert (police.outcome, fire.outcome) == (StoreOutcome.STORED, StoreOutcome.STORED)
    meetings = await meetings_by_id(engine)
    assert len(meetings) == 2
    assert sorted(m.title for m in meetings.values()) == [
        "Fire Accountability Board",
        "Police Accountability Board",
    ]
