"""The chair named in prose: "the meeting was chaired by ...", a chair elected "unanimously",
and an apology from the usual chair whose deputy chaired the meeting."""

from __future__ import annotations

import pytest

from ingest.clean import clean_text
from ingest.parse.document import parse_document
from tests.support.attendance import APOLOGIES, attendance_of


def _chair(text: str) -> str | None:
    chair = attendance_of(text).chair
    return chair.name if chair else None


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        (
            "Apologies were received from Mrs Rosa Whitby OBE, in her absence the meeting was "
            "chaired by the Panel's Deputy Chair, Councillor Ken Oller.",
            "Ken Oller",
        ),
        ("The meeting was chaired by Cllr Ada Lowe (Vice-Chair).", "Ada Lowe"),
        (
            "In the absence of the Chair the meeting was chaired by Mr Ben Roper, the "
            "Independent Member.",
            "Ben Roper",
        ),
    ],
)
def test_the_meeting_was_chaired_by(sentence: str, chair: str) -> None:
    assert _chair(f"1. Apologies\n{sentence}\n2. Minutes\n") == chair


def test_the_absent_chair_is_an_apology_and_the_deputy_no_apology() -> None:
    text = (
        "Apologies were received from Mrs Rosa Whitby OBE, in her absence the meeting was "
        "chaired by the Panel's Deputy Chair, Councillor Ken Oller.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [("Rosa Whitby", APOLOGIES)]


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        (
            "There were no other nominations and Mr Dom Ashby-Clark was elected unanimously "
            "as Chair to the Police and Crime Panel for 2023/24.",
            "Dom Ashby-Clark",
        ),
        ("Councillor Tia Mwale was appointed unanimously as Chairman for the year.", "Tia Mwale"),
        ("Mr Ravi Okafor was chosen as Chairman of the Panel for 2018/19.", "Ravi Okafor"),
        (
            "RESOLVED: That Councillor W J Penberthy be appointed as the Panel Chair.",
            "W J Penberthy",
        ),
    ],
)
def test_a_chair_elected_unanimously(sentence: str, chair: str) -> None:
    assert _chair(f"1. Appointment of Chair\n{sentence}\n2. Apologies\n") == chair


def test_a_vice_chair_elected_unanimously_is_not_the_chair() -> None:
    text = (
        "1. Appointment of Vice Chair\n"
        "Councillor Gail Pinn was elected unanimously as Vice-Chair for 2023/24.\n"
    )
    assert _chair(text) is None
    deputy = "1. Appointment of Deputy Chair\nCllr Ed Ruane was chosen as the Panel Deputy Chair.\n"
    assert _chair(deputy) is None


def test_a_chair_named_only_in_prose_is_the_meetings_chair_and_attended() -> None:
    raw = (
        "Agenda and minutes\n\n"
        "Rye Police and Crime Panel - Friday, 20th November, 2020 10.00 am\n\n"
        "Apologies were received from Mrs Rosa Whitby OBE, in her absence the meeting was "
        "chaired by the Panel's Deputy Chair, Councillor Ken Oller.\n\n"
        "Councillor Ava Fogg declared an interest.\n"
    )
    draft = parse_document(clean_text(raw).text)
    assert draft.chair == "Ken Oller"
    assert [a.name for a in draft.attendees] == ["Rosa Whitby", "Ken Oller"]


CHAIRED = [
    ("Minutes: Ines Larkworthy assumed the Chair.", "Ines Larkworthy"),
    (
        "Apologies were received from Cllr Ada Lowe. It was agreed that Councillor Ben "
        "Roper would Chair the meeting following on from the last one.",
        "Ben Roper",
    ),
    (
        "Tamsin Okoro, Community Safety Partnership chair opened the March meeting and "
        "introductions were made.",
        "Tamsin Okoro",
    ),
]


@pytest.mark.parametrize(("sentence", "chair"), CHAIRED)
def test_one_who_assumed_or_would_take_the_chair_or_opened_the_meeting_chaired_it(
    sentence: str, chair: str
) -> None:
    assert _chair(f"1. Welcome\n{sentence}\n2. Minutes\n") == chair


@pytest.mark.parametrize(("sentence", "chair"), CHAIRED)
def test_a_chair_who_chaired_attended_while_one_only_elected_may_not_have(
    sentence: str, chair: str
) -> None:
    header = "Rye Community Safety Partnership\nMinutes of the meeting held on 4 March 2022\n\n"
    chaired = parse_document(f"{header}1. Welcome\n{sentence}\n2. Minutes\nAgreed.\n")
    assert chaired.chair == chair and chair in [a.name for a in chaired.attendees]
    elected = parse_document(
        f"{header}1. Election of Chair\nMr Cy Hart was elected Chair for the year.\n"
        "2. Minutes\nAgreed.\n"
    )
    assert elected.chair == "Cy Hart" and elected.attendees == []


def test_opening_a_named_room_is_not_opening_the_meeting() -> None:
    assert _chair("1. Welcome\nThe caretaker opened the Meeting Room early.\n2. Minutes\n") is None


@pytest.mark.parametrize(
    ("sentence", "chair"),
    [
        (
            "The Panel agreed the appointment of Councillor Gray Tallow as Police and Crime "
            "Panel Chairman for the Council year 2020/2021.",
            "Gray Tallow",
        ),
        ("The Board confirmed the election of Mrs Ida Webb as Chair.", "Ida Webb"),
    ],
)
def test_the_appointment_of_a_chair(sentence: str, chair: str) -> None:
    assert _chair(f"1. Election of Chairman\n{sentence}\n2. Apologies\n") == chair


def test_the_appointment_of_a_vice_chair_names_no_chair() -> None:
    text = "1. Vice-Chairman\nThe Panel agreed the appointment of Cllr Ned Lowe as Vice-Chairman.\n"
    assert _chair(text) is None
