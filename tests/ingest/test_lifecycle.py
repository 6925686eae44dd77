"""Action lifecycles: links of each kind, the same graph in any ingest order, and links
and pushed updates that survive a new version of the minutes (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.corpus import write_meetings
from bench.lifecycle_bench import body_meetings
from ingest.lifecycle.facts import ActionFacts, MeetingFacts, UpdateFacts
from ingest.lifecycle.history import lifecycle
from ingest.lifecycle.link import refresh_action
from ingest.pipeline import BATCH_FILES
from records.db import create_engine, session_factory, write_session
from records.enums import (
    ActionEventKind,
    ActionStatus,
    DocumentType,
    DueBasis,
    EventSource,
    LinkKind,
    MeetingKind,
)
from records.models import (
    Action,
    ActionEvent,
    ActionLifecycle,
    ActionLink,
    SourceDocument,
)
from records.writes import add_action_update
from schema.mutations.delete_meeting import delete_meeting
from tests.support.databases import BACKENDS, throwaway_database
from tests.support.lifecycles import ActionKey, action_keys, linked_graph
from tests.support.paths import DATA, SAMPLES
from tests.support.records import ingest_files

LIFECYCLE = DATA / "lifecycle"
# Eastmoor's performance meetings: Action 1 of 22 September 2022 deferred in October and
# November and closed in December; the November action log before its minutes.
EASTMOOR = [
    *sorted(SAMPLES.glob("eastmoor-performance-2022-*.txt")),
    SAMPLES / "eastmoor-accountability-board-2021-12.docx",
]
WESTVALE = sorted(LIFECYCLE.glob("westvale-*.txt"))


async def _links_by_kind(engine: AsyncEngine) -> dict[LinkKind, list[tuple[ActionKey, ActionKey]]]:
    key = await action_keys(engine)
    found: dict[LinkKind, list[tuple[ActionKey, ActionKey]]] = {}
    async with session_factory(engine)() as session:
        for link in await session.scalars(select(ActionLink)):
            assert 0 < link.confidence <= 1 and link.reason
            pair = (key[link.earlier_action_id], key[link.later_action_id])
            found.setdefault(link.kind, []).append(pair)
    return found


async def _action(engine: AsyncEngine, file_name: str, text_part: str) -> int:
    async with session_factory(engine)() as session:
        found = list(
            await session.scalars(
                select(Action.id)
                .join(SourceDocument, SourceDocument.id == Action.document_id)
                .where(SourceDocument.file_name == file_name, Action.text.contains(text_part))
            )
        )
    assert len(found) == 1, (file_name, text_part, found)
    return found[0]


async def _history(engine: AsyncEngine, action_id: int) -> list[ActionEvent]:
    async with session_factory(engine)() as session:
        chain = select(ActionLifecycle.chain_key).where(ActionLifecycle.action_id == action_id)
        return list(
            await session.scalars(
                select(ActionEvent)
                .where(ActionEvent.chain_key.in_(chain))
                .order_by(ActionEvent.sequence)
            )
        )


async def test_carried_actions_link_to_the_meeting_they_name(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    kinds = await _links_by_kind(engine)
    origin = kinds[LinkKind.ORIGIN]
    raised = ("eastmoor-performance-2022-09.txt", 2)  # "FS and OR to present a recovery plan"
    continued = {later[0] for earlier, later in origin if earlier == raised}
    assert continued == {
        "eastmoor-performance-2022-10.txt",
        "eastmoor-performance-2022-11.txt",
        "eastmoor-performance-2022-11-action-log.txt",
        "eastmoor-performance-2022-12.txt",
    }
    # "Action 1" of 20 October 2022 is its first action raised without a number.
    october = await _action(engine, "eastmoor-performance-2022-10.txt", "AR to report")
    november = await _action(engine, "eastmoor-performance-2022-11.txt", "recruited and trained")
    assert ((await action_keys(engine))[october], (await action_keys(engine))[november]) in origin


async def test_an_action_log_row_links_to_the_minutes_action_it_records(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, *EASTMOOR)
    same = (await _links_by_kind(engine))[LinkKind.SAME_MEETING]
    by_file = {(earlier[0], later[0]) for earlier, later in same}
    assert ("eastmoor-performance-2022-09.txt", "eastmoor-performance-2022-09-action-log.txt") in (
        by_file
    )
    survey = await _action(engine, "eastmoor-performance-2022-11.txt", "satisfaction survey")
    row = await _action(engine, "eastmoor-performance-2022-11-action-log.txt", "satisfaction")
    keys = await action_keys(engine)
    assert (keys[survey], keys[row]) in same


async def test_register_references_and_repeated_wording_link_meetings(
    engine: AsyncEngine,
) -> None:
    await ingest_files(engine, *WESTVALE)
    kinds = await _links_by_kind(engine)
    assert kinds[LinkKind.REFERENCE] == [
        (
            ("westvale-resources-2021-09-action-log.txt", 0),
            ("westvale-resources-2021-11-action-log.txt", 0),
        )
    ]
    assert kinds[LinkKind.WORDING] == [
        (("westvale-assurance-2021-05.txt", 0), ("westvale-assurance-2021-06.txt", 0))
    ]
    # Different actions with plain numbers or other words are not linked.
    assert len(kinds) == 2


async def test_a_lifecycle_raised_deferred_twice_and_closed(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    raised = await _action(engine, "eastmoor-performance-2022-09.txt", "FS and OR to present")
    events = await _history(engine, raised)
    assert [(e.kind, e.date) for e in events] == [
        (ActionEventKind.RAISED, dt.date(2022, 9, 22)),
        (ActionEventKind.DEFERRED, dt.date(2022, 10, 20)),
        (ActionEventKind.DEFERRED, dt.date(2022, 11, 17)),
        (ActionEventKind.CLOSED, dt.date(2022, 12, 15)),
    ]
    assert all(e.source is EventSource.MINUTES and e.document_id for e in events)
    async with session_factory(engine)() as session:
        cycle = await session.get_one(ActionLifecycle, raised)
    assert (cycle.status, cycle.times_deferred) == (ActionStatus.COMPLETED, 2)
    assert (cycle.raised_on, cycle.closed_on) == (dt.date(2022, 9, 22), dt.date(2022, 12, 15))


async def test_a_due_date_worked_out_from_the_wording(engine: AsyncEngine) -> None:
    await ingest_files(engine, *EASTMOOR)
    survey = await _action(engine, "eastmoor-performance-2022-11.txt", "satisfaction survey")
    async with session_factory(engine)() as session:
        cycle = await session.get_one(ActionLifecycle, survey)
    assert cycle.due_date == dt.date(2023, 5, 17)  # "back ... in 6 months" from 17 November
    assert cycle.due_basis is not None and cycle.due_basis.value == "PERIOD"


@pytest.mark.parametrize("backend", BACKENDS)
async def test_three_ingest_orders_give_the_same_linked_graph(backend: str, tmp_path: Path) -> None:
    files = [*EASTMOOR, *WESTVALE]
    orders = [sorted(files), sorted(files, reverse=True)]
    shuffled = list(files)
    random.Random(7).shuffle(shuffled)
    orders.append(shuffled)
    graphs = []
    for number, order in enumerate(orders):
        async with throwaway_database(backend, tmp_path / str(number), migrated=True) as url:
            engine = create_engine(url)
            try:
                for path in order:  # one file at a time: each arrives to what is stored
                    await ingest_files(engine, path)
                graphs.append(await linked_graph(engine))
            finally:
                await engine.dispose()
    assert graphs[0]["links"] and graphs[0]["events"]
    assert graphs[1] == graphs[0]
    assert graphs[2] == graphs[0]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_a_folder_linked_a_batch_at_a_time_gives_the_graph_of_one_file_at_a_time(
    backend: str, tmp_path: Path
) -> None:
    # Two years of one body's meetings of every kind (actions carried, closed, reported
    # on by later minutes) with the samples and an action log before its minutes, in a
    # shuffled order: stored one by one, then as a folder (batches of files linked in one
    # pass each).
    files = write_meetings(tmp_path / "body", body_meetings(2, seed=4)[:45])
    files += [*EASTMOOR, *WESTVALE]
    random.Random(3).shuffle(files)
    graphs = []
    for mode in ("one-by-one", "folder"):
        async with throwaway_database(backend, tmp_path / mode, migrated=True) as url:
            engine = create_engine(url)
            try:
                if mode == "folder":
                    summary = await ingest_files(engine, *files)
                    assert len(summary.reports) > BATCH_FILES  # more than one batch
                else:
                    for path in files:
                        await ingest_files(engine, path)
                graphs.append(await linked_graph(engine))
            finally:
                await engine.dispose()
    assert len(graphs[0]["links"]) >= 20 and len(graphs[0]["events"]) >= 100
    assert graphs[1] == graphs[0]


async def test_a_new_version_keeps_links_and_pushed_updates(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, *EASTMOOR)
    raised = await _action(engine, "eastmoor-performance-2022-09.txt", "FS and OR to present")
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
    before = await linked_graph(engine)

    corrected = tmp_path / "eastmoor-performance-2022-09.txt"
    text = (SAMPLES / "eastmoor-performance-2022-09.txt").read_text(encoding="utf-8")
    corrected.write_text(text.replace("at 2pm", "at 2.00pm"), encoding="utf-8")
    await ingest_files(engine, corrected)

    after = await linked_graph(engine)
    assert after["links"] == before["links"]
    assert after["lifecycles"] == before["lifecycles"]
    new_raised = await _action(engine, "eastmoor-performance-2022-09.txt", "FS and OR to present")
    assert new_raised != raised
    events = await _history(engine, new_raised)
    pushed = [e for e in events if e.source is EventSource.API]
    assert [(e.text, e.status, e.author) for e in pushed] == [
        ("Plan shared with the OPCC in draft.", ActionStatus.IN_PROGRESS, "Eastmoor RMS")
    ]
    assert [e.kind for e in events if e.source is EventSource.MINUTES] == [
        ActionEventKind.RAISED,
        ActionEventKind.DEFERRED,
        ActionEventKind.DEFERRED,
        ActionEventKind.CLOSED,
    ]


def _facts(action_id: int, meeting: MeetingFacts, due: dt.date | None) -> ActionFacts:
    return ActionFacts(
        id=action_id,
        meeting=meeting,
        document_id=action_id,
        document_type=DocumentType.MINUTES,
        position=0,
        reference="1",
        text="HoP to report on police staff turnover.",
        excerpt="Action 1: HoP to report on police staff turnover.",
        owner_ids=frozenset(),
        status=ActionStatus.OPEN,
        due_date=due,
        origin_title=None,
        origin_date=None,
        span_start=0,
        span_end=10,
    )


def test_the_due_date_stated_last_counts_whoever_stated_it() -> None:
    def meeting(meeting_id: int, day: dt.date) -> MeetingFacts:
        return MeetingFacts(meeting_id, "westvale", MeetingKind.PERFORMANCE, day, "Board", None)

    january = _facts(1, meeting(1, dt.date(2023, 1, 10)), None)
    march = _facts(2, meeting(2, dt.date(2023, 3, 10)), dt.date(2023, 6, 30))
    pushed = UpdateFacts(
        id=1,
        action_id=1,
        text="Due date agreed with the OPCC.",
        status=None,
        due_date=dt.date(2023, 2, 1),
        author="Westvale RMS",
        document_id=None,
        span_start=None,
        span_end=None,
        created_at=dt.datetime(2023, 1, 20, 9, 30, tzinfo=dt.UTC),
    )
    # The update in January, then the March meeting's new date: March's stands.
    draft, _ = lifecycle([january, march], {1: [pushed]})
    assert (draft.due_date, draft.due_basis) == (dt.date(2023, 6, 30), DueBasis.STATED)
    # An update after the March meeting moves it again.
    later = replace(pushed, created_at=dt.datetime(2023, 4, 2, 9, 30, tzinfo=dt.UTC))
    draft, _ = lifecycle([january, march], {1: [later]})
    assert draft.due_date == dt.date(2023, 2, 1)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "gone",  # the files of one meeting
    [
        ("eastmoor-performance-2022-10.txt",),
        ("eastmoor-performance-2022-09.txt", "eastmoor-performance-2022-09-action-log.txt"),
        ("westvale-assurance-2021-05.txt",),
    ],
)
async def test_deleting_a_meeting_links_as_if_it_had_never_come(
    backend: str, gone: tuple[str, ...], tmp_path: Path
) -> None:
    files = [*EASTMOOR, *WESTVALE]
    assert set(gone) <= {f.name for f in files}
    graphs = []
    for number, stored in enumerate([files, [f for f in files if f.name not in gone]]):
        async with throwaway_database(backend, tmp_path / str(number), migrated=True) as url:
            engine = create_engine(url)
            try:
                await ingest_files(engine, *stored)
                if len(stored) == len(files):
                    async with session_factory(engine)() as session:
                        meeting_ids = set(
                            await session.scalars(
                                select(SourceDocument.meeting_id).where(
                                    SourceDocument.file_name.in_(gone)
                                )
                            )
                        )
                    [meeting_id] = meeting_ids
                    outcome = await delete_meeting(engine, None, meeting_id)
                    assert outcome.errors == [] and outcome.removed > 0
                graphs.append(await linked_graph(engine))
            finally:
                await engine.dispose()
    assert graphs[1]["links"]
    assert graphs[0] == graphs[1]
