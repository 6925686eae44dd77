"""Attendance by family of layout rather than by document: a "PRESENT" heading over
sub-lists, entries that each end at a semicolon with the post before the name, labels
inside one long flattened line or glued to the first name, runs of "Name (INITIALS)" with
no label, and an initials key that names nobody new. Each family is shown in several
variants (separators, labels, name forms)."""

from __future__ import annotations

from ingest.clean import clean_text
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of


def _read(raw: str) -> list[tuple[str, str | None, object]]:
    attendance = attendance_of(clean_text(raw).text)
    return [(a.name, a.capacity, a.status) for a in attendance.attendees]


def _names(raw: str) -> list[tuple[str, object]]:
    return [(name, status) for name, _, status in _read(raw)]


# A "PRESENT" heading over sub-lists: the groups under it were present.


def test_present_heading_over_chair_officers_and_minute_taker() -> None:
    raw = (
        "Minutes of the meeting held on 3 May 2016\n\n"
        "PRESENT:-\n"
        "In the Chair: Commissioner Ada Lowe (AL)\n\n"
        "Officers: Chief Constable Ben Roper (BR); Chief Executive Cy Hart (CH)\n\n"
        "Minute taker: Support Officer Dot Vane (DV)\n\n"
        "12. APOLOGIES\n"
    )
    assert _names(raw) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dot Vane", PRESENT),
    ]


def test_present_heading_keeps_an_in_attendance_sub_list_apart() -> None:
    raw = (
        "Present\n"
        "Chair: Councillor Jo Hale\n"
        "Members: Ann Bell (AB); Roy Tapp (RT)\n"
        "Also in attendance: Sam Lee (SL) - Auditor\n"
        "Apologies: Ida Webb\n\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Sam Lee", IN_ATTENDANCE),
        ("Ida Webb", APOLOGIES),
    ]


def test_sub_lists_under_another_heading_keep_their_own_status() -> None:
    raw = (
        "Attendance Details\n\n"
        "Members:\n"
        "Ann Bell - Rye Ward\n"
        "Roy Tapp - Tor Ward\n"
        "Officials:\n"
        "Sam Lee - Chief Executive\n"
        "Ida Webb - Committee Clerk\n\n"
        "1. Minutes\n"
    )
    assert _names(raw) == [
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Sam Lee", IN_ATTENDANCE),
        ("Ida Webb", IN_ATTENDANCE),
    ]


# Entries ended by semicolons, each a post then a name.


def test_post_before_each_name_between_semicolons() -> None:
    raw = (
        "Present: Chief Constable Ben Roper (BR); Commissioner's Chief Executive Officer "
        "Cy Hart (CH); Acting Head of Legal Services Eve Marr (EM); Head of Estates Tom Rudd\n"
        "1. Minutes\n"
    )
    assert _read(raw) == [
        ("Ben Roper", "Chief Constable", PRESENT),
        ("Cy Hart", "Commissioner's Chief Executive Officer", PRESENT),
        ("Eve Marr", "Acting Head of Legal Services", PRESENT),
        ("Tom Rudd", "Head of Estates", PRESENT),
    ]


def test_post_before_each_name_with_an_entry_that_names_nobody() -> None:
    raw = (
        "In attendance: Director of Finance Ida Webb (IW); Head of Communications (HC); "
        "Treasurer Sam Lee (SL)\n"
        "1. Minutes\n"
    )
    assert _read(raw) == [
        ("Ida Webb", "Director of Finance", IN_ATTENDANCE),
        ("Sam Lee", "Treasurer", IN_ATTENDANCE),
    ]
