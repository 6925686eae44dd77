"""Action owners written as an office ("the Deputy Commissioner undertook to ...", "The
Chief Constable's representative, Superintendent ..., undertook to ...") are the person
the minutes name in that office. Invented text in, owners out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.draft import ActionDraft, AttendeeDraft
from ingest.parse.actions import parse_actions
from records.enums import AttendanceStatus

MAY_2023 = dt.date(2023, 5, 11)


def actions_in(text: str, attendees: list[AttendeeDraft] | None = None) -> list[ActionDraft]:
    actions, _ = parse_actions(text, [], attendees or [], meeting_date=MAY_2023)
    return actions


@pytest.mark.parametrize(
    ("post", "written"),
    [
        ("Deputy Police and Crime Commissioner", "the Deputy Commissioner"),
        ("Deputy Police and Crime Commissioner for Marrowshire", "the Deputy Commissioner"),
        ("Deputy Police and Crime Commissioner for Marrowshire", "the Deputy PCC"),
        ("Deputy Police, Fire and Crime Commissioner", "the Deputy Commissioner"),
    ],
)
def test_a_deputy_commissioner_in_short_is_the_attendee_in_that_post(
    post: str, written: str
) -> None:
    attendees = [
        AttendeeDraft("Petra Lund", "Police and Crime Commissioner"),
        AttendeeDraft("Owain Price", post, status=AttendanceStatus.IN_ATTENDANCE),
    ]
    text = (
        "5. Police and Crime Plan\nMembers asked about the blorp figures, and "
        f"{written} undertook to provide a written briefing before the July meeting.\n"
    )
    [action] = actions_in(text, attendees)
    assert action.owners == ["Owain Price"]


@pytest.mark.parametrize(
    ("introduced", "owner"),
    [
        (
            "In the absence of the Commissioner, the Deputy Police and Crime Commissioner, "
            "Ms Nia Gower, presented the update.",
            "Nia Gower",
        ),
        (
            "The Commissioner, Mr Idris Vane, introduced the draft plan and was supported by "
            "his Chief Executive, Ms Lotte Kerr.",
            "Lotte Kerr",
        ),
    ],
)
def test_an_office_is_the_person_the_passage_introduces_in_it(introduced: str, owner: str) -> None:
    post = "Deputy Commissioner" if "Deputy" in introduced else "Chief Executive"
    text = (
        f"4. Commissioner's update\n{introduced} Members asked about the quangle rota. "
        f"The {post} undertook to circulate a note on the rota to all members.\n"
    )
    [action] = actions_in(text)
    assert action.owners == [owner]


@pytest.mark.parametrize(
    ("opening", "owner"),
    [
        ("The Chief Constable's representative, Superintendent Carys Pell,", "Carys Pell"),
        ("The Commissioner's deputy, Mr Aled Rowe,", "Aled Rowe"),
        ("The Force's lead officer, Chief Inspector Ruth Dane,", "Ruth Dane"),
    ],
)
def test_one_standing_in_for_a_post_is_named_beside_it(opening: str, owner: str) -> None:
    text = (
        "6. Road safety\nMembers raised speeding on the B4420. "
        f"{opening} responded that enforcement would be reviewed with the partnership and "
        "undertook to report back to the Committee on the outcome.\n"
    )
    [action] = actions_in(text)
    assert action.owners == [owner]


def test_a_possessive_post_without_a_name_beside_it_stays_the_post() -> None:
    text = (
        "6. Road safety\nThe Chief Constable's representative responded that enforcement "
        "would be reviewed and undertook to report back to the Committee on the outcome.\n"
    )
    [action] = actions_in(text)
    assert action.owners == []


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        (
            "The commissioner is hopeful that he will be able to provide a report on the "
            "collision investigation by the next panel meeting.",
            "commissioner",
        ),
        (
            "The Chief Constable is confident that she will be able to share the blorp figures "
            "with members before the next meeting.",
            "Chief Constable",
        ),
    ],
)
def test_he_or_she_is_the_officer_the_sentence_opens_with(sentence: str, owner: str) -> None:
    text = f"5. Disorder\nCllr R Tovey asked about the timetable. {sentence}\n"
    [action] = actions_in(text)
    assert action.owner_text == owner


def test_he_without_anyone_opening_the_sentence_is_the_one_before() -> None:
    text = (
        "5. Disorder\nThe Chief Constable outlined the review. He will provide a report on the "
        "collision investigation by the next panel meeting.\n"
    )
    [action] = actions_in(text)
    assert action.owner_text == "Chief Constable"
