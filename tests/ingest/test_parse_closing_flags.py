"""A flag closing the sentence it marks: "... for decision. ACTION: Board Secretary"."""

import datetime as dt

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions

JULY_2023 = dt.date(2023, 7, 4)
BOARD = [AttendeeDraft("Wenna Castell", "Deputy Chief Constable", "DCC")]


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], BOARD, meeting_date=JULY_2023)
    return actions


def test_the_sentence_before_a_closing_flag_is_the_action() -> None:
    for line, words, owner in (
        (
            "• Members asked that future chair's reports list the matters referred for "
            "decision. ACTION: Board Secretary",
            "Members asked that future chair's reports list the matters referred for decision.",
            "Board Secretary",
        ),
        (
            "(b) The figures for each division would be shared with Members before the "
            "next meeting. Action: Head of Performance",
            "The figures for each division would be shared with Members before the next meeting.",
            "Head of Performance",
        ),
        (
            "The Board asked for a breakdown of overtime by department. ACTION: DCC",
            "The Board asked for a breakdown of overtime by department.",
            "DCC",
        ),
    ):
        text = f"4. Reports\n\nPoints raised:\n\n{line}\n\nThe Board NOTED the reports.\n"
        (action,) = actions_in(text)
        assert action.text == words
        assert action.owner_text == owner


def test_a_flag_followed_by_its_task_is_read_as_before() -> None:
    text = (
        "4. Reports\n\nMembers discussed the overtime figures. ACTION: DCC to circulate "
        "the breakdown by department.\n"
    )
    (action,) = actions_in(text)
    assert action.text == "DCC to circulate the breakdown by department."
