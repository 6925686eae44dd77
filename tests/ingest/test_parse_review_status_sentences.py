"""A report on an earlier action ends on a bare status sentence ("Deferred to the
November meeting.", "Closed."): the action reviewed takes that status."""

import datetime as dt

import pytest

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions
from records.enums import ActionStatus

MEETING = dt.date(2023, 5, 11)


def reviewed(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=MEETING)
    return actions


@pytest.mark.parametrize(
    ("ending", "status"),
    [
        ("Deferred to the June meeting.", ActionStatus.DEFERRED),
        ("Carried forward to the next meeting.", ActionStatus.DEFERRED),
        ("Closed.", ActionStatus.COMPLETED),
        ("Complete.", ActionStatus.COMPLETED),
    ],
)
def test_a_bare_status_sentence_closing_the_report_sets_its_status(
    ending: str, status: ActionStatus
) -> None:
    text = (
        "Matters arising from the meeting of 13 April 2023:\n"
        "- Action 2 (frobnication audit): KT said that the audit depended on the vendor's "
        f"figures, which would not arrive until May. {ending}\n"
    )
    (action,) = reviewed(text)
    assert action.reference == "2"
    assert action.status is status
    assert action.updates[-1].text == ending


def test_a_sentence_that_only_opens_with_a_status_word_is_no_status() -> None:
    text = (
        "Matters arising from the meeting of 13 April 2023:\n"
        "- Action 2 (frobnication audit): KT said that the audit depended on the vendor's "
        "figures. Completed returns from the districts were still awaited by the team.\n"
    )
    (action,) = reviewed(text)
    assert action.status is not ActionStatus.COMPLETED
