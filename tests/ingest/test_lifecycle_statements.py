"""What later minutes say of earlier actions ("Actions 1 and 3 were discharged", "All other
actions were closed", a table of numbers and statuses) as events of those actions'
lifecycles: on the action each names, with its evidence and a confidence, never as a
new action, kept until the meeting it names arrives, the same in any ingest order and
gone with the minutes that said it (SQLite and PostgreSQL). Then the choices made from
the records alone: which action a statement names and which events it adds."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.clean import clean_text
from ingest.lifecycle.facts import ActionFacts, MeetingFacts, StatementFacts
from ingest.lifecycle.history import lifecycle
from ingest.lifecycle.statements import said_of_meeting
from ingest.parse import parse_document
from ingest.parse.action_status_lines import Reach, find_status_statements
from ingest.read import read_document
from records.db import create_engine, session_factory
from records.enums import ActionEventKind, ActionStatus, DocumentType, MeetingKind
from records.models import (
    Action,
    ActionEvent,
    ActionLifecycle,
    ActionStatement,
    SourceDocument,
)
from schema.mutations.delete_meeting import delete_meeting
from tests.support.databases import BACKENDS, throwaway_database
from tests.support.lifecycles import action_keys
from tests.support.paths import DATA
from tests.support.records import ingest_files

LIFECYCLE = DATA / "lifecycle"
JANUARY = LIFECYCLE / "marrowfield-performance-2023-01.txt"
FEBRUARY = LIFECYCLE / "marrowfield-performance-2023-02.txt"
THEMATIC = LIFECYCLE / "marrowfield-thematic-2023-02.txt"
MARCH = LIFECYCLE / "marrowfield-performance-2023-03.txt"
MARCH_14 = dt.date(2023, 3, 14)


async def _action(engine: AsyncEngine, path: Path, reference: str) -> int:
    """The action a meeting raised with this number (its first with it)."""
    async with session_factory(engine)() as session:
        found = await session.scalar(
            select(Action.id)
            .join(SourceDocument, SourceDocument.id == Action.document_id)
            .where(SourceDocument.file_name == path.name, Action.reference == reference)
            .order_by(Action.position)
            .limit(1)
        )
    assert found is not None, (path.name, reference)
    return found


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


async def _cycle(engine: AsyncEngine, action_id: int) -> ActionLifecycle:
    async with session_factory(engine)() as session:
        return await session.get_one(ActionLifecycle, action_id)


async def _said(engine: AsyncEngine, action_id: int) -> list[tuple[ActionEventKind, str, float]]:
    """The events later minutes' statements gave the action's lifecycle: kind, the words
    of the evidence, confidence."""
    async with session_factory(engine)() as session:
        texts = {d.id: d.text for d in await session.scalars(select(SourceDocument))}
    return [
        (e.kind, texts[e.document_id][e.span_start : e.span_end], e.confidence)
        for e in await _history(engine, action_id)
        if e.confidence is not None
        and e.document_id is not None
        and e.span_start is not None
        and e.span_end is not None
    ]


async def statement_graph(engine: AsyncEngine) -> dict[str, Any]:
    """Statements, lifecycles and events, named by file and position instead of ids."""
    key = await action_keys(engine)
    async with session_factory(engine)() as session:
        files = {d.id: d.file_name for d in await session.scalars(select(SourceDocument))}
        statements = await session.scalars(select(ActionStatement))
        lifecycles = await session.scalars(select(ActionLifecycle))
        events = await session.scalars(select(ActionEvent))
        return {
            "statements": sorted(
                (files[s.document_id], s.position, s.reach, s.reference, s.kind, s.origin_date)
                for s in statements
            ),
            "lifecycles": sorted(
                (key[x.action_id], key[x.chain_key], x.status, x.closed_on, x.last_seen_on)
                for x in lifecycles
            ),
            "events": sorted(
                (
                    key[x.chain_key],
                    x.sequence,
                    key[x.action_id],
                    x.kind,
                    x.status,
                    x.date,
                    x.span_start,
                    x.confidence,
                )
                for x in events
            ),
        }


def _drafted_actions(*paths: Path) -> int:
    """How many actions the parser reads in these files."""
    return sum(
        len(parse_document(clean_text(read_document(p).text).text, file_name=p.name).actions)
        for p in paths
    )


async def test_later_minutes_close_earlier_actions_without_new_ones(engine: AsyncEngine) -> None:
    await ingest_files(engine, JANUARY, THEMATIC, MARCH)
    discharged = "Actions 1 and 3 were discharged."
    for reference in ("1", "3"):
        raised = await _action(engine, JANUARY, reference)
        [(kind, words, sure)] = await _said(engine, raised)
        assert (kind, words) == (ActionEventKind.CLOSED, discharged)
        cycle = await _cycle(engine, raised)
        assert (cycle.status, cycle.closed_on, cycle.last_seen_on) == (
            ActionStatus.COMPLETED,
            MARCH_14,
            MARCH_14,
        )
    still_open = await _action(engine, JANUARY, "2")
    [(kind, words, worded)] = await _said(engine, still_open)
    assert kind is ActionEventKind.UPDATED and words.startswith("Action 2 (frob review) remains")
    assert (await _cycle(engine, still_open)).status is ActionStatus.OPEN
    other = await _action(engine, JANUARY, "4")
    [(kind, words, others)] = await _said(engine, other)
    assert (kind, words) == (ActionEventKind.CLOSED, "All other actions were closed.")
    assert (await _cycle(engine, other)).closed_on == MARCH_14
    # By number with its words, by number alone, as one of "all other actions".
    assert 0 < others < sure < worded <= 1

    # The thematic meeting's actions, by the table under the heading that names it.
    figures = await _action(engine, THEMATIC, "1")
    [(kind, words, named)] = await _said(engine, figures)
    assert kind is ActionEventKind.COMPLETED and words.endswith("27 February 2023\tComplete")
    assert named > sure  # named by its day, not taken as the previous meeting
    costing = await _action(engine, THEMATIC, "2")
    assert (await _cycle(engine, costing)).status is ActionStatus.IN_PROGRESS

    async with session_factory(engine)() as session:
        actions = await session.scalar(select(func.count()).select_from(Action))
        kept = await session.scalar(select(func.count()).select_from(ActionStatement))
    assert actions == _drafted_actions(JANUARY, THEMATIC, MARCH)
    march_text = clean_text(read_document(MARCH).text).text
    assert kept == len(find_status_statements(march_text, MARCH_14))


async def test_a_statement_waits_for_the_meeting_it_names(engine: AsyncEngine) -> None:
    await ingest_files(engine, MARCH)
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(ActionStatement)) == 6
        said = select(ActionEvent).where(ActionEvent.confidence.is_not(None))
        assert list(await session.scalars(said)) == []
        actions = await session.scalar(select(func.count()).select_from(Action))
    assert actions == _drafted_actions(MARCH)

    await ingest_files(engine, JANUARY)
    raised = await _action(engine, JANUARY, "1")
    assert [kind for kind, _, _ in await _said(engine, raised)] == [ActionEventKind.CLOSED]
    assert (await _cycle(engine, raised)).status is ActionStatus.COMPLETED


async def test_the_previous_meeting_is_the_one_stored_before(engine: AsyncEngine) -> None:
    await ingest_files(engine, JANUARY, MARCH)
    january = await _action(engine, JANUARY, "1")
    assert (await _cycle(engine, january)).status is ActionStatus.COMPLETED

    await ingest_files(engine, FEBRUARY)  # now the board before March's
    assert await _said(engine, january) == []
    assert (await _cycle(engine, january)).status is ActionStatus.OPEN
    february = await _action(engine, FEBRUARY, "1")
    assert [kind for kind, _, _ in await _said(engine, february)] == [ActionEventKind.CLOSED]
    frob = await _action(engine, FEBRUARY, "2")  # "(frob review)": "review the frob contract"
    assert [kind for kind, _, _ in await _said(engine, frob)] == [ActionEventKind.UPDATED]


@pytest.mark.parametrize("backend", BACKENDS)
async def test_three_ingest_orders_give_the_same_events(backend: str, tmp_path: Path) -> None:
    files = [JANUARY, FEBRUARY, THEMATIC, MARCH]
    orders = [files, list(reversed(files))]
    shuffled = list(files)
    random.Random(11).shuffle(shuffled)
    orders.append(shuffled)
    graphs = []
    for number, order in enumerate(orders):
        async with throwaway_database(backend, tmp_path / str(number), migrated=True) as url:
            engine = create_engine(url)
            try:
                for path in order:  # one file at a time: each arrives to what is stored
                    await ingest_files(engine, path)
                graphs.append(await statement_graph(engine))
            finally:
                await engine.dispose()
    stated = [e for e in graphs[0]["events"] if e[-1] is not None]
    assert len(stated) >= 5
    assert graphs[1] == graphs[0]
    assert graphs[2] == graphs[0]


async def test_deleting_minutes_takes_their_statements_away(engine: AsyncEngine) -> None:
    await ingest_files(engine, JANUARY)
    never_said = await statement_graph(engine)
    await ingest_files(engine, MARCH)
    async with session_factory(engine)() as session:
        march = await session.scalar(
            select(SourceDocument.meeting_id).where(SourceDocument.file_name == MARCH.name)
        )
        january = await session.scalar(
            select(SourceDocument.meeting_id).where(SourceDocument.file_name == JANUARY.name)
        )
    assert march is not None and january is not None

    # The meeting they name goes: the statements stay, waiting for it to come again.
    assert (await delete_meeting(engine, None, january)).errors == []
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(ActionStatement)) == 6
    await ingest_files(engine, JANUARY)
    raised = await _action(engine, JANUARY, "1")
    assert (await _cycle(engine, raised)).status is ActionStatus.COMPLETED

    # The minutes that said it go: the lifecycles are those of never having had them.
    assert (await delete_meeting(engine, None, march)).errors == []
    assert await statement_graph(engine) == never_said
    assert (await _cycle(engine, await _action(engine, JANUARY, "1"))).status is ActionStatus.OPEN


# --- which action a statement names, and the events it adds (no database) -------------------

BOARD = MeetingFacts(1, "marrowfield", MeetingKind.PERFORMANCE, dt.date(2023, 1, 10), "Board", None)
LATER = MeetingFacts(2, "marrowfield", MeetingKind.PERFORMANCE, MARCH_14, "Board", None)


def _raised(action_id: int, reference: str | None, text: str, position: int) -> ActionFacts:
    return ActionFacts(
        id=action_id,
        meeting=BOARD,
        document_id=1,
        document_type=DocumentType.MINUTES,
        position=position,
        reference=reference,
        text=text,
        excerpt=text,
        owner_ids=frozenset(),
        status=ActionStatus.OPEN,
        due_date=None,
        origin_title=None,
        origin_date=None,
        span_start=position * 100,
        span_end=position * 100 + len(text),
    )


def _statement(
    statement_id: int,
    reach: Reach,
    reference: str | None = None,
    label: str | None = None,
    *,
    kind: ActionEventKind = ActionEventKind.CLOSED,
    status: ActionStatus = ActionStatus.COMPLETED,
    count: int | None = None,
    named: bool = True,
) -> StatementFacts:
    return StatementFacts(
        id=statement_id,
        meeting=LATER,
        document_id=2,
        document_type=DocumentType.MINUTES,
        position=statement_id,
        reach=reach,
        reference=reference,
        label=label,
        kind=kind,
        status=status,
        origin_title=None,
        origin_date=BOARD.date if named else None,
        count=count,
        span_start=statement_id * 50,
        span_end=statement_id * 50 + 20,
        text=f"statement {statement_id}",
        confidence=0.95,
    )


ACTIONS = [
    _raised(11, "1", "CC to share the grubble dip sample findings.", 0),
    _raised(12, "2", "CFO to bring the frob review terms of reference.", 1),
    _raised(13, "3", "CC to cost two zibbet posts.", 2),
]


def test_a_number_names_the_action_and_its_words_say_how_surely() -> None:
    drafts = said_of_meeting(
        BOARD,
        ACTIONS,
        [
            _statement(1, Reach.ONE, "2", "frob review"),
            _statement(2, Reach.ONE, "3"),
            _statement(3, Reach.ONE, "1", "quangle budget"),  # worded otherwise
            _statement(4, Reach.ONE, "7"),  # no such action: nothing
        ],
    )
    assert [(d.statement.id, d.action_id) for d in drafts] == [(1, 12), (2, 13), (3, 11)]
    words, number, other_words = (d.confidence for d in drafts)
    assert other_words < number < words <= 0.95


def test_words_alone_name_an_action_only_when_clearly_its() -> None:
    drafts = said_of_meeting(
        BOARD,
        ACTIONS,
        [
            _statement(1, Reach.ONE, None, "the zibbet posts costed"),
            _statement(2, Reach.ONE, None, "a blorp survey"),
        ],
    )
    assert [(d.statement.id, d.action_id) for d in drafts] == [(1, 13)]


def test_every_action_or_every_other_and_a_count_that_disagrees() -> None:
    others = said_of_meeting(
        BOARD, ACTIONS, [_statement(1, Reach.ONE, "2"), _statement(2, Reach.OTHERS)]
    )
    assert [(d.statement.id, d.action_id) for d in others] == [(1, 12), (2, 11), (2, 13)]
    three = said_of_meeting(BOARD, ACTIONS, [_statement(1, Reach.ALL, count=3)])
    four = said_of_meeting(BOARD, ACTIONS, [_statement(1, Reach.ALL, count=4)])
    previous = said_of_meeting(BOARD, ACTIONS, [_statement(1, Reach.ALL, named=False)])
    assert [d.action_id for d in three] == [11, 12, 13] == [d.action_id for d in four]
    assert four[0].confidence < previous[0].confidence < three[0].confidence


def test_an_event_for_each_new_thing_said() -> None:
    raised = ACTIONS[1]
    closed = said_of_meeting(BOARD, ACTIONS, [_statement(1, Reach.ONE, "2")])
    reopened = said_of_meeting(
        BOARD,
        ACTIONS,
        [
            _statement(1, Reach.ONE, "2"),
            _statement(2, Reach.ONE, "2", kind=ActionEventKind.UPDATED, status=ActionStatus.OPEN),
        ],
    )
    draft, events = lifecycle([raised], {}, {12: closed})
    assert [(e.kind, e.date) for e in events] == [
        (ActionEventKind.RAISED, BOARD.date),
        (ActionEventKind.CLOSED, MARCH_14),
    ]
    assert (draft.status, draft.closed_on, draft.last_seen_on) == (
        ActionStatus.COMPLETED,
        MARCH_14,
        MARCH_14,
    )
    assert events[1].confidence == closed[0].confidence and events[1].meeting_id == LATER.id
    # Open again after it was closed: the statement reopens it.
    draft, events = lifecycle([raised], {}, {12: reopened})
    assert [e.kind for e in events] == [
        ActionEventKind.RAISED,
        ActionEventKind.CLOSED,
        ActionEventKind.REOPENED,
    ]
    assert (draft.status, draft.closed_on) == (ActionStatus.OPEN, None)
    # What the later meeting's own record of the action says already is not said twice.
    carried = ActionFacts(
        **{
            **raised.__dict__,
            "id": 22,
            "meeting": LATER,
            "document_id": 2,
            "status": ActionStatus.COMPLETED,
            "origin_date": BOARD.date,
        }
    )
    _, events = lifecycle([raised, carried], {}, {12: closed})
    assert [(e.kind, e.confidence) for e in events] == [
        (ActionEventKind.RAISED, None),
        (ActionEventKind.COMPLETED, None),
    ]
