"""End-to-end ingest into a real database (SQLite and PostgreSQL): read, clean, parse, store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import DateTime, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.errors import IngestError, IngestErrorCode
from ingest.pipeline import prepare_glossary, store_batch, store_prepared
from ingest.prepare import PreparedDocument, prepare_raw
from ingest.read import read_document
from ingest.store import StoreOutcome
from records.db import create_engine, session_factory
from records.enums import (
    ActionStatus,
    AttendanceStatus,
    ChangeOp,
    DocumentType,
    MeetingKind,
    MetricKind,
    MetricUnit,
)
from records.models import (
    ActionEvent,
    AgendaItem,
    Base,
    ChangeLogEntry,
    Meeting,
    SourceDocument,
)
from tests.support.databases import throwaway_database
from tests.support.paths import SEED
from tests.support.records import ingest, load_meeting


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, for "nothing changed" comparisons."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            result = await conn.execute(select(table))
            rows[table.name] = sorted((tuple(map(repr, r)) for r in result), key=repr)
    return rows


async def test_seed_minutes_become_linked_records(engine: AsyncEngine) -> None:
    summary = await ingest(engine, SEED)
    assert not summary.failed, summary.failed
    assert summary.reports[0].outcome is StoreOutcome.STORED
    meeting = await load_meeting(engine)

    assert meeting.date == dt.date(2021, 2, 26)
    assert meeting.kind is MeetingKind.MONTHLY_ASSURANCE
    assert any("Thursday" in w and "Friday" in w for w in meeting.warnings), meeting.warnings
    assert meeting.start_time == dt.time(10, 0)
    assert meeting.chair is not None and meeting.chair.name == "John Campion"
    assert meeting.minute_taker is not None and meeting.minute_taker.name == "Jackie Irvin"
    assert meeting.venue == "Virtual"

    attendees = {a.person.name: (a.capacity, a.abbreviation, a.status) for a in meeting.attendances}
    assert attendees == {
        "John Campion": ("Police and Crime Commissioner", "PCC", AttendanceStatus.PRESENT),
        "Jackie Irvin": ("Senior Policy Manager", "SPM", AttendanceStatus.PRESENT),
        "Charity Pearce": ("Policy Assistant", "PO", AttendanceStatus.PRESENT),
        "Anthony Bangham": ("Chief Constable", "CC", AttendanceStatus.PRESENT),
        "Julian Moss": ("Deputy Chief Constable", "DCC", AttendanceStatus.PRESENT),
        "Catherine Allsopp": ("Staff Officer", "SO", AttendanceStatus.PRESENT),
    }

    items = {i.number: i for i in meeting.items}
    assert list(items) == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "2.2", "3", "4"]
    assert items["1"].title == "Holding to account – Domestic Abuse"
    assert items["1.1"].title == "Prevention and awareness"
    assert items["1.3"].title == "Outcomes"
    assert items["1.4"].title == "Repeat Victims and offenders"
    assert items["2"].title.startswith("Outstanding Matters / Matters arising")
    assert items["3"].title == "AOB"
    by_id = {i.id: i for i in meeting.items}
    assert by_id[items["1.2"].parent_id].number == "1"  # type: ignore[index]
    assert by_id[items["2.2"].parent_id].number == "2"  # type: ignore[index]
    assert items["1"].parent_id is None
    assert "DA" in {t.code for t in items["1"].themes}

    actions = {a.reference: a for a in meeting.actions if a.origin_date is None}
    assert set(actions) == {"1", "2", "3", "4"}
    assert [o.name for o in actions["1"].owners] == ["Anthony Bangham"]
    assert actions["1"].item is not None and actions["1"].item.number == "1.2"
    assert [o.name for o in actions["2"].owners] == ["Anthony Bangham"]
    assert [o.name for o in actions["3"].owners] == ["Anthony Bangham"]
    assert actions["3"].item is not None and actions["3"].item.number == "1.3"
    assert actions["4"].owners == []
    assert any("18 are filled" in u.text for u in actions["2"].updates)
    assert "18 are filled" not in actions["2"].text

    carried = [a for a in meeting.actions if a.origin_date is not None]
    assert len(carried) == 2
    for action in carried:
        assert action.status is ActionStatus.DEFERRED
        assert action.origin_date == dt.date(2020, 5, 1)
        assert "Performance" in (action.origin_title or "")
    assert {a.item.number for a in carried if a.item} == {"2.1", "2.2"}

    metrics = {(m.value, m.unit, m.kind) for m in meeting.metrics}
    for expected in [
        (43, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (75, MetricUnit.PERCENT, MetricKind.TARGET),
        (60, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (6, MetricUnit.PERCENT, MetricKind.OBSERVED),
        (425, MetricUnit.COUNT, MetricKind.OBSERVED),
        (20, MetricUnit.COUNT, MetricKind.OBSERVED),
        (18, MetricUnit.COUNT, MetricKind.OBSERVED),
        (88, MetricUnit.COUNT, MetricKind.OBSERVED),
    ]:
        assert expected in metrics, (expected, metrics)
    assert "DA" in {t.code for t in meeting.themes}

    assert meeting.next_date == dt.date(2021, 3, 23)
    assert meeting.next_start_time == dt.time(10, 30)
    assert meeting.next_kind is MeetingKind.THEMATIC
    assert "Serious and Organised Crime" in (meeting.next_title or "")

    [document] = meeting.documents
    assert document.document_type is DocumentType.MINUTES
    assert document.file_name == SEED.name and document.format == "txt"
    assert document.text.count("no supervisory input in 43% of cases") == 1
    assert "around 60 %" in document.text
    # Provenance: every span points at the text it was parsed from.
    for item in meeting.items:
        assert document.text[item.span_start : item.span_end].startswith(item.number or "")
    for action in meeting.actions:
        assert action.text[:20] in document.text[action.span_start : action.span_end]
    for metric in meeting.metrics:
        assert document.text[metric.span_start : metric.span_end] in metric.context or (
            metric.context in document.text[metric.span_start : metric.span_end]
        )


async def test_same_file_twice_changes_nothing(engine: AsyncEngine) -> None:
    await ingest(engine, SEED)
    before = await snapshot(engine)
    summary = await ingest(engine, SEED)
    assert summary.reports[0].outcome is StoreOutcome.UNCHANGED
    assert await snapshot(engine) == before


async def test_new_version_replaces_old_records(engine: AsyncEngine, tmp_path: Path) -> None:
    await ingest(engine, SEED)
    async with session_factory(engine)() as session:
        old_items = set(await session.scalars(select(AgendaItem.id)))
        last = await session.scalar(select(func.max(ChangeLogEntry.position)))
    revised = tmp_path / SEED.name
    revised.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "Action 4: Future briefing notes",
            "Action 5: DCC to report on MARAC referral volumes.\n\tAction 4: Future briefing notes",
        ),
        encoding="utf-8",
    )
    summary = await ingest(engine, revised)
    assert summary.reports[0].outcome is StoreOutcome.REPLACED, summary.reports[0]
    meeting = await load_meeting(engine)
    assert len(meeting.documents) == 1
    assert {a.reference for a in meeting.actions if a.origin_date is None} == {
        "1",
        "2",
        "3",
        "4",
        "5",
    }
    assert not old_items & {i.id for i in meeting.items}
    async with session_factory(engine)() as session:
        new_changes = (
            await session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.position > last))
        ).all()
        assert await session.scalar(select(func.count()).select_from(Meeting)) == 1
    deleted = {
        c.entity_id for c in new_changes if c.op is ChangeOp.DELETE and c.entity == "agenda_item"
    }
    assert deleted == old_items


async def test_failure_while_storing_leaves_database_as_it_was(engine: AsyncEngine) -> None:
    await ingest(engine, SEED)
    before = await snapshot(engine)
    glossary = await prepare_glossary(engine)
    prepared = prepare_raw(read_document(SEED), glossary)
    # A new version whose last action points at an item that does not exist: the store
    # fails after deleting the old records and writing some new ones.
    prepared.draft.actions[-1].item = len(prepared.draft.items) + 5
    broken = type(prepared)(**{**prepared.__dict__, "sha256": "0" * 64})
    with pytest.raises(IndexError):
        await store_prepared(engine, broken)
    assert await snapshot(engine) == before


BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "junk.txt": bytes(range(256)) * 40,
    "notes.xlsx": b"PK\x03\x04 not really a spreadsheet",
    "broken.pdf": b"%PDF-1.7\n garbage",
    "broken.docx": b"PK\x03\x04 garbage",
    "shopping.txt": b"Eggs\nMilk\nBread\nA short list of things to buy on the way home.\n",
}


async def test_bad_files_are_reported_by_name_and_store_nothing(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest(engine, SEED)
    before = await snapshot(engine)
    folder = tmp_path / "incoming"
    folder.mkdir()
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    summary = await ingest(engine, *(folder / name for name in BAD_FILES))
    assert [r.path.name for r in summary.failed] == list(BAD_FILES)
    for report in summary.failed:
        assert report.error and "\n" not in report.error
    assert await snapshot(engine) == before


async def test_folder_ingest_keeps_going_past_a_bad_file(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    (tmp_path / "a-bad.txt").write_bytes(b"")
    (tmp_path / SEED.name).write_bytes(SEED.read_bytes())
    summary = await ingest(engine, tmp_path)
    assert [(r.path.name, r.failed) for r in summary.reports] == [
        ("a-bad.txt", True),
        (SEED.name, False),
    ]
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(SourceDocument)) == 1


AGENDA = """Northshire Police and Crime Commissioner
Performance Meeting – Agenda
Date: Tuesday 14 March 2023, 2pm
Venue: Committee Room 2, Northshire Police HQ

1. Apologies
2. Domestic abuse: MARAC referrals
3. Contact management and 101 performance
4. Any other business
"""

MINUTES = """Northshire Police and Crime Commissioner
Performance Meeting – Minutes
Date: Tuesday 14 March 2023, 2pm
Venue: Committee Room 2, Northshire Police HQ
Chair: Paula Reid

Present:
Paula Reid (PCC)
Martin Okafor (CC)
Sarah Lyle (Head of Performance)

1. Apologies
None were received.
2. Domestic abuse: MARAC referrals
The PCC asked about MARAC referrals, which had risen to 312 cases in the quarter.
Action 1: CC to report on repeat referrals.
3. Contact management and 101 performance
The CC said 101 calls answered within 10 minutes had improved to 71%.
4. Any other business
There was none.
"""


async def test_agenda_and_minutes_attach_to_one_meeting(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(AGENDA, encoding="utf-8")
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    first = await ingest(engine, agenda)
    assert first.reports[0].outcome is StoreOutcome.STORED, first.reports[0]
    second = await ingest(engine, minutes)
    assert second.reports[0].outcome is StoreOutcome.ATTACHED, second.reports[0]
    meeting = await load_meeting(engine)
    assert {d.document_type for d in meeting.documents} == {
        DocumentType.AGENDA,
        DocumentType.MINUTES,
    }
    assert meeting.chair is not None and meeting.chair.name == "Paula Reid"
    assert "Minutes" in meeting.title
    assert [a.reference for a in meeting.actions] == ["1"]


# --- storing files in batches -----------------------------------------------------------


async def records_snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, ids included, without the times rows were written and
    the ids of action events: a chain's events are made anew each time it is linked
    again, so their ids count how often that happened (once a batch in a folder, once a
    file alone), not what is stored."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [
                c
                for c in table.columns
                if not isinstance(c.type, DateTime)
                and not (table.name == ActionEvent.__tablename__ and c.name == "id")
            ]
            result = await conn.execute(select(*columns))
            rows[table.name] = sorted((tuple(map(repr, r)) for r in result), key=repr)
    return rows


async def prepared_files(engine: AsyncEngine, folder: Path) -> dict[str, PreparedDocument]:
    """The seed, a new version of it, and an agenda and the minutes of another meeting."""
    folder.mkdir()
    revised = folder / "revised" / SEED.name
    revised.parent.mkdir()
    revised.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "Action 4: Future briefing notes",
            "Action 5: DCC to report on MARAC referral volumes.\n\tAction 4: Future briefing notes",
        ),
        encoding="utf-8",
    )
    (folder / "agenda.txt").write_text(AGENDA, encoding="utf-8")
    (folder / "minutes.txt").write_text(MINUTES, encoding="utf-8")
    glossary = await prepare_glossary(engine)
    paths = {"seed": SEED, "revised": revised}
    paths |= {name: folder / f"{name}.txt" for name in ("agenda", "minutes")}
    return {name: prepare_raw(read_document(path), glossary) for name, path in paths.items()}


def backend_of(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


async def test_a_batch_stores_each_file_as_it_would_be_stored_alone(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    files = await prepared_files(engine, tmp_path / "files")
    # The seed again replaces its new version; the minutes again are the file stored before.
    order = ["seed", "agenda", "revised", "minutes", "seed", "minutes"]
    together = await store_batch(engine, [files[name] for name in order])

    async with throwaway_database(
        backend_of(database_url), tmp_path / "alone", migrated=True
    ) as url:
        alone_engine = create_engine(url)
        try:
            await prepare_glossary(alone_engine)
            alone = [await store_prepared(alone_engine, files[name]) for name in order]
            expected = await records_snapshot(alone_engine)
        finally:
            await alone_engine.dispose()
    assert together == alone
    assert [r.outcome for r in alone if not isinstance(r, IngestError)] == [
        StoreOutcome.STORED,
        StoreOutcome.STORED,
        StoreOutcome.REPLACED,
        StoreOutcome.ATTACHED,
        StoreOutcome.REPLACED,
        StoreOutcome.UNCHANGED,
    ]
    assert await records_snapshot(engine) == expected


async def test_a_file_failing_in_a_batch_leaves_nothing_and_the_others_are_kept(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    files = await prepared_files(engine, tmp_path / "files")
    # A new meeting whose last action points at an item that does not exist: storing it
    # fails after its meeting, document, people and header were written.
    broken = files["seed"]
    broken.draft.actions[-1].item = len(broken.draft.items) + 5
    results = await store_batch(engine, [files["agenda"], broken, files["minutes"]])

    outcomes = [r if isinstance(r, IngestError) else r.outcome for r in results]
    assert outcomes[0] is StoreOutcome.STORED and outcomes[2] is StoreOutcome.ATTACHED
    failed = outcomes[1]
    assert isinstance(failed, IngestError) and failed.code is IngestErrorCode.FAILED
    assert SEED.name in str(failed) and "IndexError" in str(failed)

    async with throwaway_database(
        backend_of(database_url), tmp_path / "alone", migrated=True
    ) as url:
        alone_engine = create_engine(url)
        try:
            await prepare_glossary(alone_engine)
            for name in ("agenda", "minutes"):
                await store_prepared(alone_engine, files[name])
            expected = await records_snapshot(alone_engine)
        finally:
            await alone_engine.dispose()
    stored = await records_snapshot(engine)
    # PostgreSQL does not give back the ids the failed attempt drew; SQLite does.
    assert {t: len(rows) for t, rows in stored.items()} == {
        t: len(rows) for t, rows in expected.items()
    }
    if backend_of(database_url) == "sqlite":
        assert stored == expected
    async with session_factory(engine)() as session:
        names = set(await session.scalars(select(SourceDocument.file_name)))
    assert names == {"agenda.txt", "minutes.txt"}
