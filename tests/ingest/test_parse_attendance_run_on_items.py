"""Attendance as one item of a page run onto a single line: each post written before its
holder with no separators, the next item's number ending the list."""

from tests.support.attendance import PRESENT, attendance_of

_AFTER = (
    " 2. Opening of Meeting The Chairman opened the meeting and welcomed those present to the "
    "first sitting of the year, noting that the papers had been sent out a week before. 3. "
    "Minutes of Previous Meeting The minutes of the previous meeting had been circulated and "
    "were approved, the Secretary adding that a running list of matters would be kept.\n"
)


def test_posts_before_names_in_an_attendance_item_run_onto_one_line() -> None:
    text = (
        "Staff Association MINUTES 12 March 2019 1. Attendance Northern District Ewan Bain "
        "Northern District Morven Tulloch Southern District Gregor Lindsay Chairman Hamish "
        "Leckie Deputy General Secretary Isla Munro Business Administrator Kirsty Fyfe" + _AFTER
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Ewan Bain", PRESENT),
        ("Morven Tulloch", PRESENT),
        ("Gregor Lindsay", PRESENT),
        ("Hamish Leckie", PRESENT),
        ("Isla Munro", PRESENT),
        ("Kirsty Fyfe", PRESENT),
    ]
    assert attendance.attendees[0].capacity == "Northern District"
    assert attendance.attendees[4].capacity == "Deputy General Secretary"
    assert attendance.chair is not None and attendance.chair.name == "Hamish Leckie"


def test_present_item_run_onto_one_line_without_a_stop_after_its_number() -> None:
    text = (
        "Joint Board Minutes of the meeting of 4 June 2020 1 Present Chairman Aled Pryce "
        "Treasurer Gwenllian Rowe Secretary Iolo Vaughan Member Eluned Parry"
        + _AFTER.replace(" 2. ", " 2 ").replace(" 3. ", " 3 ")
    )
    attendance = attendance_of(text)
    assert [a.name for a in attendance.attendees] == [
        "Aled Pryce",
        "Gwenllian Rowe",
        "Iolo Vaughan",
        "Eluned Parry",
    ]
    assert attendance.chair is not None and attendance.chair.name == "Aled Pryce"
