"""A review of outstanding references written as "Reference N – Title" headings, each with
the bullets said about it."""

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions

MARCH_2020 = dt.date(2020, 3, 9)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=MARCH_2020)
    return actions


def test_each_reference_heading_is_an_action_with_its_number() -> None:
    text = (
        "Outstanding References\n\n"
        "Minutes:\n\n"
        "Members received a report of the Clerk on outstanding references.\n\n"
        "Reference 2 – Cycle Theft Figures\n\n"
        "·         The Chair noted that the figures were now due in May.\n\n"
        "Reference 5 – Volunteer Recruitment\n\n"
        "·         The Chair noted that this reference could be closed.\n\n"
        "Reference 8 – Ward Panel Dates\n\n"
        "·         Members noted that this reference remained outstanding.\n\n"
        "RESOLVED, that the report be received.\n"
    )
    assert [(a.reference, a.text) for a in actions_in(text)] == [
        ("2", "Cycle Theft Figures"),
        ("5", "Volunteer Recruitment"),
        ("8", "Ward Panel Dates"),
    ]


def test_a_commitment_under_a_reference_is_that_reference() -> None:
    text = (
        "Public Outstanding References\n\n"
        "Reference 1 - Body Worn Video Review\n\n"
        "·         The Commissioner agreed to bring the review to the next meeting.\n\n"
        "Reference No. 3: Hate Crime Reporting\n\n"
        "·         The Chairman noted that the reference could be closed.\n"
    )
    actions = actions_in(text)
    assert [(a.reference, a.text) for a in actions] == [
        ("1", "Body Worn Video Review"),
        ("3", "Hate Crime Reporting"),
    ]
    assert actions[0].owner_text == "Commissioner"


def test_a_reference_heading_outside_a_review_is_no_action() -> None:
    text = (
        "5. Planning Matters\n\n"
        "Reference 14 – Land at Mill Lane\n\n"
        "The Committee considered the application and noted the objections.\n"
    )
    assert actions_in(text) == []
