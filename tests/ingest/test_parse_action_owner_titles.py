"""A post no attendee holds owns an action by the full title the minutes give it: "the
Commissioner" after "The Commissioner of Police noted ..." is the Commissioner of Police."""

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions

OCTOBER_2019 = dt.date(2019, 10, 8)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=OCTOBER_2019)
    return actions


def test_a_short_post_takes_the_full_title_given_before() -> None:
    for full, short in (
        ("The Commissioner of Police", "The Commissioner"),
        ("The Director of Resources", "the Director"),
    ):
        text = (
            "4. Estates Review\n\n"
            f"{full} reported that two sites had been sold this year.\n\n"
            f"Action: {short} to bring the disposal timetable to the next meeting.\n"
        )
        (action,) = actions_in(text)
        assert action.owner_text == full.removeprefix("The ")


def test_the_chair_of_the_meeting_stays_the_chair() -> None:
    text = (
        "The Chair of the Panel opened the item on recruitment.\n\n"
        "Action: Chair to write to the Home Office about the delay.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "Chair"


def test_two_full_titles_leave_the_post_as_written() -> None:
    text = (
        "The Director of Finance and the Director of People presented the budget.\n\n"
        "Action: Director to circulate the savings plan.\n"
    )
    (action,) = actions_in(text)
    assert action.owner_text == "Director"
