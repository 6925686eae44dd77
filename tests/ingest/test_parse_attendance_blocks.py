"""Attendance blocks known by their shape rather than their label: a block of people after
an agenda's list of items, notes of the items a person attended printed without brackets,
an office printed before a list's first name, and lettered item numbers."""

from records.enums import AttendanceStatus
from tests.support.attendance import APOLOGIES, PRESENT, attendance_of


def names(text: str) -> list[tuple[str, AttendanceStatus]]:
    return [(a.name, a.status) for a in attendance_of(text).attendees]


def test_block_of_people_after_the_agenda_list() -> None:
    text = (
        "Community panel notes\n\nMonday 3rd May 2021\n\n"
        "1. Welcome\n2. Minutes of last meeting\n3. Data review\n4. Any other business\n\n"
        "• Chair – Petra Lindqvist (PL), Riverside Tenants Forum\n"
        "• Inspector Gareth Oduya (GO)\n"
        "• Maeve Hollins (MH)\n"
        "• Sgt Colm Draper (CD)\n\n"
        "1. Welcome\n\nThe chair opened the meeting and thanked everyone for coming.\n"
    )
    attendance = attendance_of(text)
    assert [a.name for a in attendance.attendees] == [
        "Petra Lindqvist",
        "Gareth Oduya",
        "Maeve Hollins",
        "Colm Draper",
    ]
    assert attendance.chair is not None and attendance.chair.name == "Petra Lindqvist"


def test_block_after_items_without_bullets_or_brackets() -> None:
    text = (
        "NOTES OF THE SCRUTINY GROUP\n\n1) Introductions\n2) Review of forms\n3) Close\n\n"
        "Dr Amara Quist, Lay Adviser\nPC Tobin Reese\nMrs Hilde Sorensen\n\n"
        "1) Introductions\nMembers introduced themselves.\n"
    )
    assert names(text) == [
        ("Amara Quist", PRESENT),
        ("Tobin Reese", PRESENT),
        ("Hilde Sorensen", PRESENT),
    ]


def test_people_named_later_in_the_minutes_are_no_block() -> None:
    opening = "MINUTES\n\n1. Welcome\nThe chair opened the meeting.\n\n" + (
        "2. Discussion\nThe group discussed the figures at length.\n\n" * 15
    )
    text = opening + "Dr Amara Quist, Lay Adviser\nPC Tobin Reese\nMrs Hilde Sorensen\n"
    assert names(text) == []


def test_unbracketed_item_notes_in_a_run_on_line() -> None:
    text = (
        "PRESENT:\n\n"
        "Chief Constable A Pemberton - Chair Deputy Chief Constable B Ilsley "
        "Assistant Chief Constable C Moreau joined at item 4 Chief Inspector D Fenwick "
        "Items 2 and 3 only Mrs E Castell\n\n"
        "ITEM 1: WELCOME\n"
    )
    assert [a.name for a in attendance_of(text).attendees] == [
        "A Pemberton",
        "B Ilsley",
        "C Moreau",
        "D Fenwick",
        "E Castell",
    ]
    moreau = attendance_of(text).attendees[2]
    assert moreau.capacity is not None and "joined at item 4" in moreau.capacity


def test_lettered_item_number_before_a_label() -> None:
    text = (
        "Present: Cllr Jo Varga, Cllr Ben Aldous\n\n"
        "2b) Apologies: Superintendent K Roddick, Ms L Winfield\n\n"
        "3. Minutes\n"
    )
    assert names(text)[2:] == [("K Roddick", APOLOGIES), ("L Winfield", APOLOGIES)]


def test_office_before_the_first_name_of_a_run() -> None:
    for text in (
        "Attendees:\nChairman - Cllr Rhona Tait, Eastfield Council\nMr Idris Penn\n",
        "Present: Chair: Rhona Tait (RT); Idris Penn (IP)\n",
    ):
        attendance = attendance_of(text)
        assert [a.name for a in attendance.attendees] == ["Rhona Tait", "Idris Penn"], text
        assert attendance.chair is not None and attendance.chair.name == "Rhona Tait"
