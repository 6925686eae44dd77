"""Sentences that read like actions but set no one a new task: the status of an action
already on the log, a report of business in hand, a decision listed among a committee's
conclusions, a standing promise to all comers. Beside each, the task that is one.
Invented text in, actions out."""

import datetime as dt

import pytest

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse import parse_document
from ingest.parse.actions import parse_actions

JUNE_2022 = dt.date(2022, 6, 10)


def actions_in(text: str) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], [], meeting_date=JUNE_2022)
    return actions


def texts(actions: list[ActionDraft]) -> list[str]:
    return [" ".join(action.text.split()) for action in actions]


@pytest.mark.parametrize(
    "status",
    [
        "Action No. 28 remained open and would be reported to the next meeting.",
        "Action 14, on the custody audit, was still in progress and would be brought back to "
        "the September meeting.",
    ],
)
def test_the_status_of_an_earlier_action_is_no_new_action(status: str) -> None:
    # a council page that lost the item's heading: only its agenda text stands above
    text = (
        "To confirm the actions following the Panel meeting held on 4th February 2022.\n\n\n"
        "The Democratic Services Officer reported that the figures asked for at the last "
        f"meeting had been circulated to Members by e-mail. {status}\n"
    )
    assert actions_in(text) == []


@pytest.mark.parametrize(
    "report",
    [
        "With reference to Minute No. 24 it was reported that the knife crime workshop for "
        "secondary heads had been held on 28th November. A summary of the feedback would be "
        "brought to the next meeting.",
        "It was reported that the survey of residents had closed with 1,126 responses and that "
        "the results would be presented to the next meeting of the Partnership.",
    ],
)
def test_a_report_of_business_in_hand_is_no_action(report: str) -> None:
    assert actions_in(f"Matters Arising\n\n{report}\n") == []


@pytest.mark.parametrize(
    "agreed",
    [
        "It was agreed that a summary of the feedback would be brought to the next meeting.",
        "Members asked for the figures by district. A breakdown would be circulated before the "
        "next meeting.",
    ],
)
def test_what_the_meeting_asked_for_is_still_an_action(agreed: str) -> None:
    assert len(actions_in(f"Matters Arising\n\n{agreed}\n")) == 1


@pytest.mark.parametrize(
    "promise",
    [
        "The PCC noted that he will be joining the rural crime board and wished it recorded that "
        "he and the Chief Constable treat rural crime as a priority and will respond to every "
        "matter raised with them.",
        "The Commissioner said that her office will reply to all correspondence within ten "
        "working days.",
    ],
)
def test_a_standing_promise_to_all_comers_is_no_action(promise: str) -> None:
    text = f"Community Engagement\n\n{promise}\n"
    assert actions_in(text) == []
    task = "The Commissioner said that she will send the Panel the rural crime figures."
    assert len(actions_in(f"{text}\n{task}\n")) == 1


@pytest.mark.parametrize(
    "standing",
    [
        "a) If there is any urgent business arising since the agenda was sent out, the Chair "
        "will announce it and give reasons why he/she has agreed to consider it at this meeting.",
        "3. To note any items which the Chair has agreed to add to the agenda on the grounds of "
        "urgency.",
        "Members were reminded that the Chair had agreed to add the late report on cycle thefts "
        "to the agenda on the grounds of urgency.",
    ],
)
def test_what_the_chair_agrees_to_take_at_this_meeting_is_no_action(standing: str) -> None:
    text = f"Urgent Business\n\n{standing}\n"
    assert actions_in(text) == []
    task = "The Commissioner agreed to circulate the estates review to Members."
    assert len(actions_in(f"{text}\n{task}\n")) == 1


CONCLUSIONS = (
    "Meeting of the Authority - 24 August 2023\n\n"
    "Conclusion and Actions Reached at {committee}\n\n"
    "Further assurance to set out the overtime controls now in place in each division.\n\n"
    "A named finance lead to attend each future Committee meeting when the revenue monitoring "
    "report is taken.\n\n"
    "{decision}\n\n"
    "Further work on the procurement strategy to be brought back to the next meeting.\n"
)


@pytest.mark.parametrize(
    ("committee", "decision"),
    [
        (
            "Resources Committee",
            "Recommended the Outline Business Case for the Custody Estate Review to the "
            "Authority for approval on the condition that the rejected options are explained.",
        ),
        (
            "Audit Committee",
            "Approved the revised internal audit plan for 2023/24, subject to the changes "
            "discussed.",
        ),
    ],
)
def test_a_decision_among_a_committees_conclusions_is_no_action(
    committee: str, decision: str
) -> None:
    draft = parse_document(CONCLUSIONS.format(committee=committee, decision=decision))
    found = texts(draft.actions)
    assert len(found) == 3
    assert not any(text.startswith(decision[:20]) for text in found)
    assert found[0].startswith("Further assurance to set out")


@pytest.mark.parametrize(
    ("entry", "owner"),
    [
        ("PCC meeting with T/ACC Rosa Keane next month regarding her portfolio", "Ada Reader"),
        ("DCC visit to the control room in June to see the new call handling", "Dan Carver"),
    ],
)
def test_an_entry_written_as_an_activity_of_a_post_is_that_posts(entry: str, owner: str) -> None:
    attendees = [
        AttendeeDraft("Ada Reader", "Police and Crime Commissioner", "PCC"),
        AttendeeDraft("Dan Carver", "Deputy Chief Constable", "DCC"),
    ]
    text = (
        "1. Minutes and Actions of the last meeting\n\n"
        "Action update: • Update on the vehicle crime profile to be given at this meeting "
        f"• {entry}\n"
    )
    actions, _ = parse_actions(text, [], attendees, meeting_date=JUNE_2022)
    assert [action.owners for action in actions] == [[], [owner]]


@pytest.mark.parametrize(
    "promise",
    [
        "The Chief of Staff would write to each Public Service Board chair to ask for a named "
        "lead officer before the next meeting.",
        "The Commissioner said she would send every member of the Panel a copy of the blorp "
        "survey results.",
        "The Chief Executive will write to all district councils about the zibbet funding.",
    ],
)
def test_a_promise_to_each_of_some_people_is_an_action(promise: str) -> None:
    [action] = actions_in(f"Partnership working\n\n{promise}\n")
    assert action.owner_text in {"Chief of Staff", "Commissioner", "Chief Executive"}


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "The Commissioner advised that the finished engagement strategy would be sent to "
            "members at the end of January.",
            "Commissioner",
        ),
        (
            "The Chief Finance Officer said that the revised blorp forecast would be circulated "
            "to all Panel members.",
            "Chief Finance Officer",
        ),
    ],
)
def test_what_someone_says_will_be_sent_to_members_is_an_action(sentence: str, owner: str) -> None:
    [action] = actions_in(f"Engagement\n\n{sentence}\n")
    assert action.owner_text == owner


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chair confirmed that a reply had been received from the Commissioner and would be "
        "circulated to members.",
        "The Clerk reported that the working party's notes would be sent to members.",
        "It was said that the quangle figures would be sent to members.",
    ],
)
def test_business_in_hand_sent_to_members_is_no_action(sentence: str) -> None:
    assert actions_in(f"Engagement\n\n{sentence}\n") == []
