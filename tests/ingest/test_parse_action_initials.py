"""Flags run into an owner's initials and a verb, with no "to": "Action KB send ..."."""

import datetime as dt

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions

APRIL_2021 = dt.date(2021, 4, 13)

BOARD = [
    AttendeeDraft("Wilfred Anstey", None, None),
    AttendeeDraft("Katya Brennand", None, None),
    AttendeeDraft("Lionel Pascoe", None, None),
]


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], BOARD, meeting_date=APRIL_2021)
    return actions


def test_initials_then_a_verb_under_the_bullets_of_an_item() -> None:
    text = (
        "3. Estates Update\n\n"
        "  • KB set out the timetable for the new custody suite.\n\n"
        "Action KB share the revised timetable with the board.\n\n"
        "Action LP/WA review the lease terms before the June meeting.\n"
    )
    assert [(a.text, a.owners) for a in actions_in(text)] == [
        ("share the revised timetable with the board.", ["Katya Brennand"]),
        ("review the lease terms before the June meeting.", ["Lionel Pascoe", "Wilfred Anstey"]),
    ]


def test_a_flag_run_into_the_unfinished_sentence_above_it() -> None:
    # the extraction joined the flag's line to a bullet that broke off after "and"
    text = (
        "4. Budget\n\n"
        "  • WA asked whether the fees were compared; LP confirmed they were and "
        "Action LP circulate the comparison to members.\n"
    )
    (action,) = actions_in(text)
    assert action.text == "circulate the comparison to members."
    assert action.owners == ["Lionel Pascoe"]


def test_initials_that_name_nobody_present_make_no_action() -> None:
    text = (
        "Action DG review the figures with the team.\n\n"
        "The panel noted the Action HR plan and Action Fraud referrals.\n"
    )
    assert actions_in(text) == []


def test_a_flag_after_an_en_dash_bullet() -> None:
    text = (
        "2. Minutes and Actions from Last Meeting\n\n"
        "– WA asked for a clearer picture of the renewals still outstanding.\n\n"
        "– ACTION KB /LP to confirm how many renewals will be outstanding in October.\n"
        "– ACTION WA to circulate the fees comparison\n"
        "– LP asked about the fees for shotgun certificates\n"
    )
    assert [(a.text, a.owners) for a in actions_in(text)] == [
        (
            "KB /LP to confirm how many renewals will be outstanding in October.",
            ["Katya Brennand", "Lionel Pascoe"],
        ),
        ("WA to circulate the fees comparison", ["Wilfred Anstey"]),  # the next bullet apart
    ]
