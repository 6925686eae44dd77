"""Attendance lists that extraction flattened onto one line: "Name – Post" pairs whose posts
run into the next name (ranks and all), run together with no space at all, with a minute
taker's label inside the run; apologies that name each person after a post."""

from __future__ import annotations

from ingest.clean import clean_text
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of


def _read(raw: str) -> list[tuple[str, str | None, object]]:
    attendance = attendance_of(clean_text(raw).text)
    return [(a.name, a.capacity, a.status) for a in attendance.attendees]


def test_dashed_pairs_whose_posts_run_into_the_next_name() -> None:
    raw = (
        "Attendees Jo Hale – Police and Crime Commissioner (Chair) Roy Tapp – Chief Constable "
        "Ida Webb – Deputy Chief Constable Ned Lowe – Chief Finance Officer\n"
        "1. Minutes of the last meeting\n"
    )
    assert _read(raw) == [
        ("Jo Hale", "Police and Crime Commissioner", PRESENT),
        ("Roy Tapp", "Chief Constable", PRESENT),
        ("Ida Webb", "Deputy Chief Constable", PRESENT),
        ("Ned Lowe", "Chief Finance Officer", PRESENT),
    ]
    assert attendance_of(clean_text(raw).text).chair is not None


def test_dashed_pairs_run_together_with_no_spaces() -> None:
    raw = (
        "Strategic Board\n"
        "AttendeesAnn Bell– Police and Crime Commissioner (Chair)Tom Rudd – Assistant Chief "
        "ConstableEve Marr– Head of Estates and FacilitiesSam Orr – Chief ExecutiveMinute "
        "TakerKay Dunn – Staff Officer\n"
        "1. Apologies\n"
    )
    assert _read(raw) == [
        ("Ann Bell", "Police and Crime Commissioner", PRESENT),
        ("Tom Rudd", "Assistant Chief Constable", PRESENT),
        ("Eve Marr", "Head of Estates and Facilities", PRESENT),
        ("Sam Orr", "Chief Executive", PRESENT),
        ("Kay Dunn", "Staff Officer", IN_ATTENDANCE),
    ]
    chair = attendance_of(clean_text(raw).text).chair
    assert chair is not None and chair.name == "Ann Bell"


def test_titled_runs_with_dashes_are_still_parted_at_their_titles() -> None:
    raw = (
        "Present:\n"
        "Councillor Ada Lowe - Rye Borough Council Councillors Ben Roper and Cy Hart - Tor "
        "District Council Mr Dan Olds - Independent Member\n"
        "1. Apologies\n"
    )
    assert [name for name, _, _ in _read(raw)] == ["Ada Lowe", "Ben Roper", "Cy Hart", "Dan Olds"]


def test_apologies_naming_each_person_after_a_post() -> None:
    for sentence, expected in (
        (
            "Apologies for absence were received from Deputy Chief Constable Bryn Aldous and "
            "Director of Corporate Communications Tess Hurley.",
            [("Bryn Aldous", APOLOGIES), ("Tess Hurley", APOLOGIES)],
        ),
        (
            "Apologies were received from Chief Superintendent Owen Pryce and Head of "
            "Finance Lucy Vane.",
            [("Owen Pryce", APOLOGIES), ("Lucy Vane", APOLOGIES)],
        ),
    ):
        attendance = attendance_of(f"1. Apologies\n{sentence}\n")
        assert [(a.name, a.status) for a in attendance.attendees] == expected


def test_names_with_their_posts_in_brackets_whose_given_names_are_not_listed() -> None:
    for raw, names in (
        (
            "Attendees:\n"
            "Martin Fell (Police and Crime Commissioner) PCC Helen Okoro (Chief Executive – "
            "OPCC) - HO Leanne Price (PA - OPCC) – Minutes Tomasz Kowalik (Comms Manager – "
            "OPCC) – TK Bethan Lloyd-Ellis (Comms Officer – OPCC) - BLE\n"
            "PART ONE\n",
            ["Martin Fell", "Helen Okoro", "Leanne Price", "Tomasz Kowalik", "Bethan Lloyd-Ellis"],
        ),
        (
            "Present:\n"
            "Sarah Dunn (Chair) Nkechi Obi (Treasurer) David Lowe (Head of Estates) Olamide "
            "Ade (Analyst)\n"
            "1. Apologies\n",
            ["Sarah Dunn", "Nkechi Obi", "David Lowe", "Olamide Ade"],
        ),
    ):
        assert [name for name, _, _ in _read(raw)] == names
