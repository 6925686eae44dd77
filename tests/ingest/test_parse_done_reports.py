"""A later meeting's report that an earlier action is done ("Action 3 - complete",
"Update 18.01.22 - Complete", "the Chief Constable confirmed the review had been done")
is a statement about that action, for its lifecycle, and no new action of the meeting
reporting it; a report that it is still open keeps it on the record, and the meeting's
own actions stay. Invented text in, actions and statements out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.draft import ActionDraft
from ingest.parse.action_status_lines import find_status_statements
from ingest.parse.actions import parse_actions
from records.enums import ActionEventKind, ActionStatus

APRIL_2024 = dt.date(2024, 4, 16)


def minutes(review: str, heading: str = "2. Matters arising") -> str:
    return (
        "1. Apologies\nApologies were received from Cllr Tovey.\n\n"
        f"{heading}\n{review}\n\n"
        "3. Custody\nThe DCC presented the quangle audit.\n"
        "Action 1: DCC to circulate the quangle audit to members by 10 May.\n"
    )


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=APRIL_2024)
    return actions


@pytest.mark.parametrize(
    ("review", "numbers"),
    [
        ("Action 3 - complete", ["3"]),
        ("Action 4/24 – discharged.\nAction 5/24 – closed.", ["4/24", "5/24"]),
        ("Actions 6 and 7 were discharged.", ["6", "7"]),
        ("Action 8 had been completed.", ["8"]),
    ],
)
def test_an_earlier_action_reported_done_is_no_new_action(review: str, numbers: list[str]) -> None:
    text = minutes(review)
    [own] = actions_in(text)
    assert (own.reference, own.owner_text) == ("1", "DCC")
    said = find_status_statements(text, APRIL_2024)
    assert [s.reference for s in said] == numbers
    assert {s.status for s in said} == {ActionStatus.COMPLETED}


@pytest.mark.parametrize(
    "review",
    [
        "Action 3 – the Chief Constable confirmed the review had been done.",
        "Action 3: the CFO reported that the figures had now been circulated.",
        "Action 3 - The DCC confirmed that this review had been completed in March.",
    ],
)
def test_someone_reporting_the_task_done_closes_it(review: str) -> None:
    text = minutes(review, "2. Review of the action log")
    assert [a.reference for a in actions_in(text)] == ["1"]
    [said] = find_status_statements(text, APRIL_2024)
    assert (said.reference, said.kind) == ("3", ActionEventKind.COMPLETED)


@pytest.mark.parametrize(
    ("entry", "note"),
    [
        ("Action 2: CC to confirm the zibbet rota. Update 18.01.24 - Complete", "Update 18.01.24"),
        ("Action 2 – CC to confirm the zibbet rota – Update (March) – Closed", "Update (March)"),
        ("Action 2: CC to confirm the zibbet rota\nUpdate 02-02-24 – Complete", "Complete"),
    ],
)
def test_an_entry_repeating_the_task_keeps_it_with_its_update(entry: str, note: str) -> None:
    text = minutes(entry)
    earlier, own = actions_in(text)
    assert (earlier.reference, earlier.text) == ("2", "CC to confirm the zibbet rota")
    assert earlier.status is ActionStatus.COMPLETED
    assert any(u.text.startswith(note) for u in earlier.updates)
    assert own.reference == "1"
    [said] = find_status_statements(text, APRIL_2024)
    assert (said.reference, said.status) == ("2", ActionStatus.COMPLETED)


@pytest.mark.parametrize(
    "review",
    [
        "Action 12/23 is complete. Action 14/23 (regional blorp survey) remains open; the DCC "
        "will report to the June meeting.",
        "Action 12/23 was closed. Action 14/23 (regional blorp survey) was carried forward to "
        "the June meeting.",
    ],
)
def test_a_report_that_it_is_still_open_keeps_it(review: str) -> None:
    text = minutes(review, "2. Actions from previous meetings")
    actions = actions_in(text)
    assert [a.reference for a in actions] == ["14/23", "1"]
    assert actions[0].status in {ActionStatus.OPEN, ActionStatus.DEFERRED}


@pytest.mark.parametrize(
    "line",
    [
        "Action 3: Complete the review of the quangle rota by June.",
        "Action 3: CC to confirm that the review had been completed before the audit.",
    ],
)
def test_an_order_to_finish_something_is_still_an_action(line: str) -> None:
    for heading in ("2. Custody rota", "2. Matters arising"):
        text = minutes(line, heading)
        assert [a.reference for a in actions_in(text)] == ["3", "1"]
