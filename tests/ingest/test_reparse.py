"""Stored documents parsed again (``assurance reparse``): nothing written where the parser
reads as before; otherwise the records made again as a fresh ingest of the same files makes
them, with the updates pushed to their actions kept, a document whose date an older reading
got wrong moved to its own meeting, the notes of what cleaning did kept, a document the
parser now refuses kept as it was, and a new version another writer stores meanwhile never
undone (SQLite and PostgreSQL).

An older parser's reading is what the database holds after the records are changed the way
that parser read them, with no reading stored (documents stored before readings were kept).
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexStore
from indexer.sync import apply_changes
from ingest import reparse, workers
from ingest.lifecycle.link import refresh_action
from ingest.reparse import ReparseOutcome, reparse_stored
from ingest.workers import IngestLimits
from records.db import create_engine, session_factory, write_session
from records.enums import ActionStatus, EventSource
from records.models import (
    Action,
    ActionEvent,
    ActionLifecycle,
    Attendance,
    Meeting,
    SourceDocument,
)
from records.writes import add_action_update
from tests.support.hostile_files import large_minutes_text
from tests.support.lifecycles import action_keys, linked_graph
from tests.support.paths import SAMPLES, SEED
from tests.support.records import (
    counts,
    index_snapshot,
    ingest_files,
    last_position,
    record_keys,
)

# Eastmoor's performance meetings: an action raised in September 2022, deferred twice and
# closed in December, the November action log before its minutes.
EASTMOOR = sorted(SAMPLES.glob("eastmoor-performance-2022-*.txt"))
SEPTEMBER = "eastmoor-performance-2022-09.txt"
OCTOBER = "eastmoor-performance-2022-10.txt"
NOVEMBER = "eastmoor-performance-2022-11.txt"


async def _forget_readings(engine: AsyncEngine, *file_names: str) -> None:
    """As if the documents (all, when none is named) were stored before readings were kept."""
    query = update(SourceDocument).values(reading=None)
    if file_names:
        query = query.where(SourceDocument.file_name.in_(file_names))
    async with write_session(engine) as session:
        await session.execute(query)


async def _records(engine: AsyncEngine) -> dict[str, Any]:
    """What the database holds, named by what it is rather than by ids."""
    async with session_factory(engine)() as session:
        meetings = (await session.execute(select(Meeting.date, Meeting.kind, Meeting.title))).all()
        attendance = (
            await session.execute(
                select(Meeting.date, Attendance.status, Attendance.capacity).join(
                    Meeting, Meeting.id == Attendance.meeting_id
                )
            )
        ).all()
        actions = (
            await session.execute(
                select(SourceDocument.file_name, Action.position, Action.text, Action.status).join(
                    SourceDocument, SourceDocument.id == Action.document_id
                )
            )
        ).all()
    graph = await linked_graph(engine)
    table_counts = {k: v for k, v in (await counts(engine)).items() if k != "change_log"}
    return {
        "meetings": sorted(meetings),
        "attendance": sorted(attendance, key=repr),
        "actions": sorted(actions, key=repr),
        "graph": graph,
        "counts": table_counts,
    }


async def _action(engine: AsyncEngine, file_name: str, text_part: str) -> int:
    async with session_factory(engine)() as session:
        [found] = await session.scalars(
            select(Action.id)
            .join(SourceDocument, SourceDocument.id == Action.document_id)
            .where(SourceDocument.file_name == file_name, Action.text.contains(text_part))
        )
    return found


async def test_documents_read_as_before_are_left_as_they_are(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    ids, position = await action_keys(engine), await last_position(engine)

    reports = await reparse_stored(engine)

    assert sorted(report.file_name for report in reports) == [path.name for path in EASTMOOR]
    assert {report.outcome for report in reports} == {ReparseOutcome.UNCHANGED}
    assert await last_position(engine) == position  # nothing written
    assert await action_keys(engine) == ids


async def test_an_older_reading_is_made_again_as_a_fresh_ingest_makes_it(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, *EASTMOOR)
    fresh = await _records(engine)
    # an older parser's reading: an action's text cut short, an attendee it did not find
    async with write_session(engine) as session:
        raised = await _action(engine, SEPTEMBER, "FS and OR to present")
        await session.execute(update(Action).where(Action.id == raised).values(text="FS and OR"))
        [dropped] = await session.scalars(select(Attendance.id).limit(1))
        await session.execute(delete(Attendance).where(Attendance.id == dropped))
    await _forget_readings(engine)
    assert await _records(engine) != fresh

    reports = await reparse_stored(engine)

    assert {report.outcome for report in reports} == {ReparseOutcome.REPARSED}
    assert all(report.new_meeting_id == report.meeting_id for report in reports)
    assert await _records(engine) == fresh
    again = await reparse_stored(engine)  # the readings are kept now
    assert {report.outcome for report in again} == {ReparseOutcome.UNCHANGED}


async def test_updates_pushed_to_an_action_are_kept(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    raised = await _action(engine, SEPTEMBER, "FS and OR to present")
    async with write_session(engine) as session:
        await add_action_update(
            session,
            raised,
            text="Plan shared with the OPCC in draft.",
            status=ActionStatus.IN_PROGRESS,
            due_date=None,
            author="Eastmoor RMS",
        )
        await refresh_action(session, raised)
    await _forget_readings(engine, SEPTEMBER)

    reports = {report.file_name: report.outcome for report in await reparse_stored(engine)}

    assert reports[SEPTEMBER] is ReparseOutcome.REPARSED
    assert {reports[path.name] for path in EASTMOOR if path.name != SEPTEMBER} == {
        ReparseOutcome.UNCHANGED
    }
    new_raised = await _action(engine, SEPTEMBER, "FS and OR to present")
    assert new_raised != raised
    async with session_factory(engine)() as session:
        chain = select(ActionLifecycle.chain_key).where(ActionLifecycle.action_id == new_raised)
        events = list(
            await session.scalars(
                select(ActionEvent)
                .where(ActionEvent.chain_key.in_(chain))
                .order_by(ActionEvent.sequence)
            )
        )
    pushed = [e for e in events if e.source is EventSource.API]
    assert [(e.text, e.status, e.author) for e in pushed] == [
        ("Plan shared with the OPCC in draft.", ActionStatus.IN_PROGRESS, "Eastmoor RMS")
    ]


@pytest.mark.parametrize(
    "file_name",
    [
        OCTOBER,
        # a meeting of two documents: its action log, left alone in the misdated meeting,
        # is stored again and follows the minutes to their meeting
        NOVEMBER,
    ],
)
async def test_a_document_whose_date_was_misread_moves_to_its_own_meeting(
    engine: AsyncEngine, file_name: str
) -> None:
    await ingest_files(engine, *EASTMOOR)
    fresh = await _records(engine)
    async with session_factory(engine)() as session:
        [misread] = await session.scalars(
            select(SourceDocument.meeting_id).where(SourceDocument.file_name == file_name)
        )
        [date] = await session.scalars(select(Meeting.date).where(Meeting.id == misread))
    async with write_session(engine) as session:  # an older reading took the day before
        await session.execute(
            update(Meeting).where(Meeting.id == misread).values(date=date.replace(day=date.day - 1))
        )
    await _forget_readings(engine, file_name)

    reports = {report.file_name: report for report in await reparse_stored(engine)}

    moved = reports[file_name]
    assert moved.outcome is ReparseOutcome.MOVED
    assert (moved.meeting_id, moved.new_meeting_id != misread) == (misread, True)
    async with session_factory(engine)() as session:
        assert await session.get(Meeting, misread) is None  # no document was left in it
        moved_to = await session.get(Meeting, moved.new_meeting_id)
        assert moved_to is not None and moved_to.date == date
    assert await _records(engine) == fresh
    # every document of the misdated meeting went to the meeting of the right date
    assert {r.new_meeting_id for r in reports.values() if r.meeting_id == misread} == {
        moved.new_meeting_id
    }


UNDATED = """Eastmoor Police and Crime Panel

Minutes

Present: Councillor Ada Reader (Chair), Councillor Ben Writer

1. Apologies
Apologies were received from Councillor Cai Quill.

2. Precept
The Panel noted the Commissioner's proposed precept.
"""


async def test_an_undated_document_stays_in_its_meeting(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    page = tmp_path / "eastmoor-panel-item.txt"
    page.write_text(UNDATED, encoding="utf-8")
    await ingest_files(engine, page)
    fresh = await _records(engine)
    await _forget_readings(engine)

    [report] = await reparse_stored(engine)

    assert report.outcome is ReparseOutcome.REPARSED
    assert report.new_meeting_id == report.meeting_id
    assert await _records(engine) == fresh
    assert fresh["meetings"][0][0] is None  # stored without a date


async def test_the_index_follows_the_records_made_again(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    store = IndexStore(tmp_path / "index")
    await ingest_files(engine, *EASTMOOR)
    await apply_changes(engine, store)
    await _forget_readings(engine)

    await reparse_stored(engine)
    await apply_changes(engine, store)

    assert set(index_snapshot(store)) == await record_keys(engine)
    fresh = IndexStore(tmp_path / "rebuilt")
    await apply_changes(engine, fresh)
    assert index_snapshot(store) == index_snapshot(fresh)  # as an index built afresh


async def test_the_notes_of_cleaning_are_kept_and_the_parsers_warnings_made_anew(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, SEED)
    async with session_factory(engine)() as session:
        [warnings] = await session.scalars(select(SourceDocument.warnings))
    assert any(warning.startswith("removed ") for warning in warnings)  # layered copies
    stale = "the meeting day is not stated; the date is taken as 2021-02-01"
    async with write_session(engine) as session:
        await session.execute(
            update(SourceDocument).values(warnings=[*warnings, stale], reading=None)
        )

    [report] = await reparse_stored(engine)

    assert report.outcome is ReparseOutcome.REPARSED
    async with session_factory(engine)() as session:
        assert list(await session.scalars(select(SourceDocument.warnings))) == [warnings]


async def test_a_document_the_parser_now_refuses_is_kept_as_it_was(engine: AsyncEngine) -> None:
    await ingest_files(engine, SEED)
    news = (
        "Commissioner welcomes new figures\n\n"
        "6th March 2021\n\n"
        'The Commissioner said: "These figures show real progress."\n\n'
        "I have asked the force to keep it up, and my office will watch closely.\n"
    )
    async with write_session(engine) as session:
        await session.execute(update(SourceDocument).values(text=news, reading=None))
    held = await _records(engine)

    [report] = await reparse_stored(engine)

    assert report.outcome is ReparseOutcome.REFUSED
    assert report.reason is not None and "news page" in report.reason
    assert await _records(engine) == held


async def test_only_the_meetings_asked_for_are_parsed_again(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    await _forget_readings(engine)
    async with session_factory(engine)() as session:
        [september] = await session.scalars(
            select(SourceDocument.meeting_id).where(SourceDocument.file_name == SEPTEMBER)
        )

    reports = await reparse_stored(engine, meeting_ids=[september])

    # the September meeting's minutes and its action log
    asked = ["eastmoor-performance-2022-09-action-log.txt", SEPTEMBER]
    assert sorted((report.file_name, report.outcome) for report in reports) == [
        (name, ReparseOutcome.REPARSED) for name in asked
    ]
    async with session_factory(engine)() as session:
        unread = await session.scalars(
            select(SourceDocument.file_name).where(SourceDocument.reading.is_(None))
        )
        assert sorted(unread) == [path.name for path in EASTMOOR if path.name not in asked]


async def _ingest_elsewhere(database_url: str, path: Path, *, older: bool = False) -> None:
    """Another writer stores ``path`` on a connection of its own (``older``: a process of a
    version that kept no readings, as in a rolling upgrade)."""
    writer = create_engine(database_url)
    try:
        await ingest_files(writer, path)
        if older:
            await _forget_readings(writer)
    finally:
        await writer.dispose()


async def test_a_new_version_stored_while_its_meeting_is_parsed_is_not_undone(
    engine: AsyncEngine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer stores a corrected version of the minutes while the old one is being
    parsed again: the old reading never replaces it, and the meeting is read again."""
    await ingest_files(engine, SAMPLES / SEPTEMBER)
    await _forget_readings(engine)
    corrected = tmp_path / SEPTEMBER
    corrected.write_text(
        (SAMPLES / SEPTEMBER).read_text(encoding="utf-8").replace("at 2pm", "at 2.00pm"),
        encoding="utf-8",
    )
    parse = workers.prepare_stored  # as a worker parses
    uploads: list[Path] = []

    def parse_while_a_new_version_arrives(*args: Any, **kwargs: Any) -> Any:
        if not uploads:  # the other writer, on its own connection, while this one parses
            uploads.append(corrected)
            thread = threading.Thread(
                target=asyncio.run, args=(_ingest_elsewhere(database_url, corrected),)
            )
            thread.start()
            thread.join()
        return parse(*args, **kwargs)

    monkeypatch.setattr(workers, "prepare_stored", parse_while_a_new_version_arrives)

    [report] = await reparse_stored(engine)

    assert report.outcome is ReparseOutcome.UNCHANGED  # read again: the new version's reading
    async with session_factory(engine)() as session:
        [text] = await session.scalars(select(SourceDocument.text))
    assert "at 2.00pm" in text


async def test_a_meeting_changed_under_every_attempt_is_kept_and_named(
    engine: AsyncEngine, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await ingest_files(engine, SAMPLES / SEPTEMBER)
    await _forget_readings(engine)
    text = (SAMPLES / SEPTEMBER).read_text(encoding="utf-8")
    parse = workers.prepare_stored  # as a worker parses
    versions: list[str] = []

    def parse_while_new_versions_keep_arriving(*args: Any, **kwargs: Any) -> Any:
        version = tmp_path / f"{len(versions)}" / SEPTEMBER
        version.parent.mkdir()
        versions.append(f"at 2.0{len(versions)}pm")
        version.write_text(text.replace("at 2pm", versions[-1]), encoding="utf-8")
        arrival = _ingest_elsewhere(database_url, version, older=True)
        thread = threading.Thread(target=asyncio.run, args=(arrival,))
        thread.start()
        thread.join()
        return parse(*args, **kwargs)

    monkeypatch.setattr(workers, "prepare_stored", parse_while_new_versions_keep_arriving)

    [report] = await reparse_stored(engine)

    assert (report.file_name, report.outcome) == (SEPTEMBER, ReparseOutcome.SKIPPED)
    assert len(versions) == reparse.ATTEMPTS
    async with session_factory(engine)() as session:
        [stored] = await session.scalars(select(SourceDocument.text))
    assert versions[-1] in stored  # the last writer's version stands


async def test_a_document_not_parsed_within_the_limits_is_kept_as_it_was(
    engine: AsyncEngine,
) -> None:
    """Documents are parsed again on worker processes under the limits of an ingest: one
    a newer parser would take minutes over is stopped and kept, and the next is read."""
    await ingest_files(engine, SEED, SAMPLES / SEPTEMBER)
    slow = large_minutes_text(16).decode("utf-8")
    async with write_session(engine) as session:
        await session.execute(
            update(SourceDocument).where(SourceDocument.file_name == SEED.name).values(text=slow)
        )
    await _forget_readings(engine, SEED.name)
    held = await _records(engine)

    reports = await reparse_stored(engine, workers=1, limits=IngestLimits(seconds=3))

    outcomes = {report.file_name: (report.outcome, report.reason) for report in reports}
    assert outcomes == {
        SEED.name: (
            ReparseOutcome.REFUSED,
            "reading and parsing it took longer than the 3 s limit",
        ),
        SEPTEMBER: (ReparseOutcome.UNCHANGED, None),
    }
    assert await _records(engine) == held
