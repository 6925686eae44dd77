"""Real minutes, ingested as a folder and read back through GraphQL, against hand-made records.

tests/data/real-layouts/ keeps the layouts of published minutes, agendas, action logs and
pages that are not meeting records, from many forces and years, each beside the record a
careful reader finds in it (see its README). The whole folder goes through
``ingest_paths`` on worker processes, as ``assurance ingest FOLDER`` does; each stored
meeting is then fetched over HTTP and scored field by field with ``bench.fidelity``.

The floors below are what the parser achieves on these documents, so that a change that
loses fields fails here; ``python -m bench.fidelity tests/data/real-layouts`` prints the
figures and every miss.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.database import open_database
from api.settings import Settings
from bench.fidelity import (
    Found,
    FoundAction,
    FoundAttendee,
    Tally,
    expected_records,
    render,
    score_document,
    totals,
)
from ingest.pipeline import FileReport, ingest_paths
from schema.node import to_global_id
from tests.support.api import ClientFactory, graphql

REAL_LAYOUTS = Path(__file__).resolve().parents[1] / "data" / "real-layouts"

MEETING = """
query Meeting($id: ID!) {
  node(id: $id) {
    ... on Meeting {
      kind date startTime
      chair { name }
      attendees { status person { name } }
      items { number children { number children { number } } }
      actions { reference text ownerText owners { name } }
      nextMeeting { date }
      documents { fileName documentType }
    }
  }
}
"""

# field -> (least precision, least recall), in per cent, of what was stored.
FLOORS: dict[str, tuple[int, int]] = {
    "records stored": (100, 99),
    "non-records refused": (100, 95),
    "document type": (98, 98),
    "kind": (94, 93),
    "date": (99, 98),
    "start time": (99, 98),
    "chair": (96, 91),
    "attendees": (98, 93),
    "apologies": (97, 93),
    "attendee status": (97, 97),
    "items": (97, 95),
    "actions": (88, 88),
    "action owners": (94, 90),
}


def _item_numbers(items: list[dict[str, Any]]) -> list[str]:
    numbers: list[str] = []
    for item in items:
        if item["number"]:
            numbers.append(item["number"])
        numbers += _item_numbers(item.get("children") or [])
    return numbers


def _found(meeting: dict[str, Any], file_name: str) -> Found:
    document_type = next(
        d["documentType"] for d in meeting["documents"] if d["fileName"] == file_name
    )
    return Found(
        document_type=document_type,
        kind=meeting["kind"],
        date=meeting["date"],
        start_time=meeting["startTime"][:5] if meeting["startTime"] else None,
        chair=meeting["chair"]["name"] if meeting["chair"] else None,
        attendees=tuple(
            FoundAttendee(a["person"]["name"], a["status"]) for a in meeting["attendees"]
        ),
        items=tuple(_item_numbers(meeting["items"])),
        actions=tuple(
            FoundAction(
                a["reference"], a["text"], tuple(o["name"] for o in a["owners"]), a["ownerText"]
            )
            for a in meeting["actions"]
        ),
        next_meeting=meeting["nextMeeting"]["date"] if meeting["nextMeeting"] else None,
    )


def _percent(value: float | None) -> float:
    return 100.0 if value is None else 100 * value


@pytest.fixture
async def reports(settings: Settings) -> dict[str, FileReport]:
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [REAL_LAYOUTS], workers=2)
    finally:
        await engine.dispose()
    return {report.path.name: report for report in summary.reports}


async def test_real_minutes_are_stored_as_a_reader_finds_them(
    reports: dict[str, FileReport], client_for: ClientFactory
) -> None:
    expected = expected_records(REAL_LAYOUTS, None)
    assert set(reports) == set(expected), "every file is stored or refused with its reason"
    scores = []
    async with client_for() as client:
        for name, report in sorted(reports.items()):
            if report.failed:
                assert report.error and report.error_code, name
                scores.append(score_document(name, expected[name], report.error))
                continue
            assert report.meeting_id is not None, name
            response = await client.post(
                "/graphql",
                json=graphql(MEETING, id=to_global_id("Meeting", report.meeting_id)),
            )
            body = response.json()
            assert "errors" not in body, (name, body)
            found = _found(body["data"]["node"], name)
            # what the parser found is what was stored
            if found.document_type == "MINUTES":
                assert len(found.attendees) == report.attendees, name
                assert len(found.actions) == report.actions, name
            scores.append(score_document(name, expected[name], found))

    figures = totals(scores)
    below = {
        field: (round(_percent(tally.precision)), round(_percent(tally.recall)))
        for field, tally in figures.items()
        if field in FLOORS and _short(tally, FLOORS[field])
    }
    assert not below, f"below the floors: {below}\n{render(scores, misses=0)}"


def _short(tally: Tally, floor: tuple[int, int]) -> bool:
    least_precision, least_recall = floor
    return _percent(tally.precision) < least_precision or _percent(tally.recall) < least_recall
