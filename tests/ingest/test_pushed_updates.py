"""Updates pushed through the API survive a new version of the minutes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.carry import match_action
from ingest.store import StoreOutcome
from records.db import session_factory
from records.enums import ActionStatus
from records.models import Action, SourceDocument
from schema.mutations.update_action import ActionChange, update_action
from tests.support.paths import SEED
from tests.support.records import ingest, load_meeting

ACTION_1 = "Action 1: CC to share the outcome of the reality testing with the PCC's office."
ACTION_3 = (
    "Action 3: CC to share HMICFRS hot debrief with the PCC's Office, if not previously done."
)


async def _action_id(engine: AsyncEngine, reference: str) -> int:
    async with session_factory(engine)() as session:
        found = await session.scalar(
            select(Action.id).where(Action.reference == reference, Action.origin_date.is_(None))
        )
    assert found is not None
    return found


async def _push(engine: AsyncEngine, reference: str, change: ActionChange) -> None:
    outcome = await update_action(
        engine, None, await _action_id(engine, reference), change, author="force system"
    )
    assert not outcome.errors, outcome.errors


async def test_pushed_updates_follow_their_actions_into_a_new_version(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest(engine, SEED)
    due = dt.date(2021, 4, 30)
    await _push(engine, "1", ActionChange(status=ActionStatus.IN_PROGRESS, due_date=due))
    await _push(engine, "1", ActionChange(status=ActionStatus.COMPLETED, note="Shared on 12 March"))
    await _push(engine, "3", ActionChange(note="Debrief requested"))

    revised = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    assert ACTION_1 in text and ACTION_3 in text
    # The new version renumbers action 1, rewords it a little, and has no action 3.
    text = text.replace(
        ACTION_1, "Action 7: CC to share the outcome of the reality testing with the PCC's Office."
    ).replace(ACTION_3, "")
    revised.write_text(text, encoding="utf-8")
    summary = await ingest(engine, revised)
    assert summary.reports[0].outcome is StoreOutcome.REPLACED, summary.reports[0]

    meeting = await load_meeting(engine)
    actions = {a.reference: a for a in meeting.actions if a.origin_date is None}
    assert set(actions) == {"2", "4", "7"}
    moved = actions["7"]
    pushed = [u for u in sorted(moved.updates, key=lambda u: u.id) if u.document_id is None]
    assert [(u.author, u.status, u.due_date, u.text) for u in pushed] == [
        ("force system", ActionStatus.IN_PROGRESS, due, ""),
        ("force system", ActionStatus.COMPLETED, None, "Shared on 12 March"),
    ]
    assert moved.status is ActionStatus.COMPLETED and moved.due_date == due
    # Updates that came from the minutes are parsed again, not duplicated.
    assert [u.document_id is not None for u in actions["2"].updates] == [True]

    async with session_factory(engine)() as session:
        warnings = await session.scalar(select(SourceDocument.warnings))
    assert warnings is not None
    assert any(
        w.startswith("1 update pushed to action 3 (") and w.endswith("no matching action")
        for w in warnings
    ), warnings


def test_an_action_is_matched_by_text_then_reference_then_similar_text() -> None:
    one = Action(reference="1", text="CC to share the outcome of the reality testing.")
    two = Action(reference="2", text="DCC to report on MARAC referral volumes.")
    actions = [one, two]
    assert match_action("9", "CC to share the outcome of the reality testing.", actions) is one
    assert match_action("2", "Something else entirely", actions) is two
    assert match_action(None, "DCC to report on the MARAC referral volumes", actions) is two
    assert match_action(None, "Chief Constable to brief the panel", actions) is None
