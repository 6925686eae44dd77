"""An owner named by rank alone ("The Superintendent undertook to ...") is the one person
the passage introduced with exactly that rank before their name; "the Borough Commander"
is the one introduced as a BCU Commander."""

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions

NOVEMBER_2023 = dt.date(2023, 11, 21)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=NOVEMBER_2023)
    return actions


def test_a_rank_alone_is_the_one_person_introduced_with_it() -> None:
    for rank in ("Superintendent", "Inspector", "Chief Inspector"):
        text = (
            "5. Policing Update\n\n"
            f"Chief Superintendent Ada Whitlow, Area Commander, and {rank} Tobias Mere, "
            "Neighbourhood Lead, presented the update.\n\n"
            f"Members asked about repeat burglaries. The {rank} undertook to provide "
            "figures by ward for the next meeting.\n"
        )
        (action,) = actions_in(text)
        assert action.owners == ["Tobias Mere"]


def test_a_rank_two_people_share_names_nobody() -> None:
    text = (
        "Inspector Lena Gault and Inspector Ravi Bhatt presented the update.\n\n"
        "The Inspector undertook to provide the figures for the next meeting.\n"
    )
    (action,) = actions_in(text)
    assert (action.owners, action.owner_text) == ([], "Inspector")


def test_the_borough_commander_is_the_bcu_commander_introduced() -> None:
    for introduced in ("North West BCU Commander", "Borough Commander for the West Area"):
        text = (
            "7. Policing Spotlight\n\n"
            f"The Chair welcomed Chief Superintendent Ivo Penhale, {introduced}, to the "
            "meeting.\n\n"
            "The Borough Commander agreed to share the abstraction figures with the "
            "Committee.\n"
        )
        (action,) = actions_in(text)
        assert action.owners == ["Ivo Penhale"]
