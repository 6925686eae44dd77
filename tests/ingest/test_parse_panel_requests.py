"""A meeting asking its own officer, or asking that someone act, records an action."""

import datetime as dt

from ingest.draft import ActionDraft
from ingest.parse.actions import parse_actions
from ingest.parse.office_forms import full_office
from ingest.parse.owners import resolve_owners

JUNE_2019 = dt.date(2019, 6, 11)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=JUNE_2019)
    return actions


def owner_of(action: ActionDraft) -> list[str]:
    return action.owners or ([action.owner_text] if action.owner_text else [])


def test_a_meeting_asking_its_own_officer_to_act() -> None:
    for sentence, owner in (
        (
            "The Chair noted that the district substitutes were not yet confirmed and asked "
            "the Democratic Services Officer to write to the district council before the "
            "next meeting.",
            "Democratic Services Officer",
        ),
        (
            "b)    asked the Panel's Scrutiny Officer to notify the Home Office of the new "
            "membership.",
            "Scrutiny Officer",
        ),
        (
            "Members requested the Committee Secretary to circulate the revised terms of "
            "reference.",
            "Committee Secretary",
        ),
    ):
        text = f"3. Membership\n\n{sentence}\n\n4. Any other business\n\nThere was none.\n"
        (action,) = actions_in(text)
        assert owner_of(action) == [owner], sentence


def test_asking_an_officer_a_question_is_no_action() -> None:
    text = (
        "3. Budget\n\nThe Panel asked the Chief Finance Officer to explain the fall in "
        "reserves, and he did so.\n\n4. Close\n\nThe meeting closed at 4pm.\n"
    )
    assert actions_in(text) == []


def test_a_request_that_someone_act() -> None:
    for sentence, owner in (
        (
            "The Panel requested that the Commissioner's Office share the survey timetable "
            "with Members.",
            "Commissioner's Office",
        ),
        (
            "Members felt the reply had been slow and asked that the Clerk write to the "
            "Commissioner seeking an explanation.",
            "Clerk to the Police and Crime Panel",
        ),
        (
            "The Committee asked that the Head of Estates provide the running costs of each "
            "station.",
            "Head of Estates",
        ),
    ):
        text = (
            "2. Complaints\n\nThe Panel received a report by the Clerk to the Police and "
            f"Crime Panel.\n\n{sentence}\n\n3. Close\n\nThe meeting closed at 4pm.\n"
        )
        (action,) = actions_in(text)
        assert owner_of(action) == [owner], sentence


def test_asking_that_the_meeting_itself_or_a_report_act_is_no_request_of_anyone() -> None:
    text = (
        "2. Plan\n\nThe Panel asked that it receive the plan in draft. Members asked that "
        "future reports include trend charts, which the officer said was in hand.\n"
    )
    assert actions_in(text) == []


def test_the_full_title_of_an_office_named_in_short() -> None:
    text = "Report by the Clerk to the Panel. ... Clerk to the Police and Crime Panel."
    assert full_office(text, "Clerk") == "Clerk to the Police and Crime Panel"
    assert full_office(text, "Scrutiny Officer") == "Scrutiny Officer"


def test_an_office_titled_by_its_body_is_one_owner() -> None:
    for title in (
        "Clerk to the Police and Crime Panel",
        "Secretary to the Fire and Rescue Authority",
    ):
        # no attendee holds it: kept whole as written, not split at "and" into two bodies
        assert resolve_owners(title, []).owners == []
    assert resolve_owners("Clerk and Treasurer", []).owners == []


def test_a_recommendation_to_another_body_is_no_action() -> None:
    for sentence in (
        "B The Committee recommends to Cabinet that street lighting in the precinct be reviewed.",
        "The Panel recommended to the Executive that the grant scheme be reviewed.",
        "The Sub-Committee recommends to the Full Council that the charging policy be "
        "reviewed before April.",
    ):
        text = f"5. Lighting\n\nMembers discussed the survey.\n\n{sentence}\n\n6. Close\n"
        assert actions_in(text) == [], sentence


def test_a_resolution_that_something_be_reviewed_is_still_an_action() -> None:
    text = (
        "5. Lighting\n\nMembers discussed the survey.\n\n"
        "That the lighting survey results be reviewed and reported to the next meeting.\n"
    )
    assert len(actions_in(text)) == 1


def test_asking_that_something_be_supplied_names_no_one_to_do_it() -> None:
    for sentence in (
        "The Panel noted the protocol and asked that the section on appeals be brought back "
        "in the spring with the revised wording.",
        "During discussion, Members raised concerns about the opening hours of the front "
        "counter at Kelby and asked that local figures be supplied to Ward Members.",
        "• concern was expressed at the number of cycle thefts at the station and it was "
        "requested that a briefing on marking schemes be provided to Members;",
    ):
        text = f"5. Estates\n\nMembers discussed the survey.\n\n{sentence}\n\n6. Close\n"
        assert actions_in(text) == [], sentence


def test_what_the_meeting_agreed_be_supplied_or_asked_someone_to_do_is_still_an_action() -> None:
    for sentence, owner in (
        ("It was agreed that the survey results be circulated to all Members.", None),
        ("The Panel asked that the Clerk write to the Commissioner about the delay.", "Clerk"),
    ):
        text = f"5. Estates\n\nMembers discussed the survey.\n\n{sentence}\n\n6. Close\n"
        (action,) = actions_in(text)
        assert (owner_of(action) or [None]) == [owner], sentence
