"""Attendance in runs that extraction flattened: a whole page read as one paragraph, labels
without colons, a two-column label cut around the names beside it, Irish surnames."""

import pytest

from ingest.parse.attendance import include_officers
from ingest.parse.header import marked_chair
from ingest.parse.lines import split_lines
from ingest.parse.people import Person, split_person
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def test_members_present_without_a_colon_in_a_page_read_as_one_paragraph() -> None:
    text = (
        "Minutes of the Wessex Police and Crime Panel held on Friday, 6 March 2020, commencing "
        "at 11.00 am and concluding at 1.30pm. Members Present Councillor Ada Lowe (Rye "
        "Council) (Chairman), Councillor Ben Roper (Tor Council) (Vice Chairman), Cy Hart "
        "(Independent Member) and Councillor Dee Wolfe (Mere Council). Officer Present: Eve "
        "Marr (Scrutiny Officer). Others Present: Fay Nunn (Chief Constable) and Gil Ober "
        "(Chief Finance Officer of PCC). If you have a query please contact Eve Marr, Scrutiny "
        "Officer. 12/20 APOLOGIES FOR ABSENCE An apology for absence was received from "
        "Councillor Hal Pike (Rye Council).\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dee Wolfe", PRESENT),
        ("Eve Marr", IN_ATTENDANCE),
        ("Fay Nunn", IN_ATTENDANCE),
        ("Gil Ober", IN_ATTENDANCE),
        ("Hal Pike", APOLOGIES),
    ]
    assert attendance.attendees[6].capacity == "Chief Finance Officer of PCC"
    assert attendance.chair is not None and attendance.chair.name == "Ada Lowe"


def test_present_in_a_sentence_is_not_a_label() -> None:
    text = "The Chairman noted that members present Councillor Ada Lowe had asked a question.\n"
    assert people(text) == []


def test_a_two_column_label_cut_around_the_names_beside_it() -> None:
    text = (
        "PRESENT:\n\n"
        "MEMBERS: Mr Ada Lowe (Chairman) Mrs Ben Roper\n\n"
        "WESSEX POLICE SERVICE (2) Mr Cy Hart (Chief Constable) OF WESSEX IN (2) Ms Dee Wolfe "
        "(ACC Crime) ATTENDANCE: (2) Mr Eve Marr (Director of Finance)\n\n"
        "Page 1 OFFICIALS IN Mr Fay Nunn (Chief Executive) ATTENDANCE: Dr Gil Ober (Deputy "
        "Chief Executive)\n\n"
        "1. APOLOGIES\n"
    )
    assert people(text) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", IN_ATTENDANCE),
        ("Dee Wolfe", IN_ATTENDANCE),
        ("Eve Marr", IN_ATTENDANCE),
        ("Fay Nunn", IN_ATTENDANCE),
        ("Gil Ober", IN_ATTENDANCE),
    ]


def test_a_column_heading_before_the_only_titled_name_of_a_line() -> None:
    text = (
        "MEMBERS: Mr Ada Lowe Mrs Ben Roper\n\n"
        "WESSEX BOARD (4) Ms Cy Hart HUMAN RIGHTS ADVISER\n\n"
        "1. APOLOGIES\n"
    )
    assert [name for name, _ in people(text)] == ["Ada Lowe", "Ben Roper", "Cy Hart"]


def test_irish_surnames_with_particles_and_accents() -> None:
    assert people("MEMBERS: Mr Ciarán Ó Dálaigh Ms Áine Ní Mhurchú Mr Seán Mac Giolla\n") == [
        ("Ciarán Ó Dálaigh", PRESENT),
        ("Áine Ní Mhurchú", PRESENT),
        ("Seán Mac Giolla", PRESENT),
    ]
    person = split_person("Mr Ciarán Ó Dálaigh Rye Council")
    assert person is not None
    assert (person.name, person.capacity) == ("Ciarán Ó Dálaigh", "Rye Council")


def test_apologies_from_a_right_honourable_and_a_name_lost_after_a_title() -> None:
    text = (
        "1. APOLOGIES\n\n"
        "Apologies were received on behalf of the Rt Hon , Ms Ada Lowe and Mr Ben Roper. NOTED.\n"
    )
    assert people(text) == [("Ada Lowe", APOLOGIES), ("Ben Roper", APOLOGIES)]


def test_a_forces_region_after_a_rank_is_not_a_person() -> None:
    text = "In attendance: C/Superintendent Ada Lowe, Rural Region Mr Ben Roper (Director)\n"
    assert people(text) == [("Ada Lowe", IN_ATTENDANCE), ("Ben Roper", IN_ATTENDANCE)]


def test_one_the_chair_introduced_and_the_officers_supporting_them_attend() -> None:
    text = (
        "Minutes: 7.1 The Chair introduced Ada Lowe, the Police and Crime Commissioner, to "
        "present her update. She was supported by Ben Roper, Deputy Police and Crime "
        "Commissioner, Cy Hart, Chief Executive of the OPCC, and Dee Wolfe, OPCC Performance "
        "Manager.\n"
        "7.2 The motion was supported by the Panel.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", "Police and Crime Commissioner", IN_ATTENDANCE),
        ("Ben Roper", "Deputy Police and Crime Commissioner", IN_ATTENDANCE),
        ("Cy Hart", "Chief Executive of the OPCC", IN_ATTENDANCE),
        ("Dee Wolfe", "OPCC Performance Manager", IN_ATTENDANCE),
    ]


def test_apologies_received_and_noted_with_a_surname_in_lower_case() -> None:
    text = (
        "Apologies were received and noted from Councillor Ada lowe (Rye) and Councillor Ben "
        "Roper (Tor).\n"
    )
    assert people(text) == [("Ada lowe", APOLOGIES), ("Ben Roper", APOLOGIES)]


def test_one_who_advised_the_panel_they_would_be_unable_to_attend() -> None:
    text = (
        "Mr Ada Lowe; Police and Crime Commissioner for Wessex had advised the Panel, in "
        "advance of the meeting, that due to a prior engagement he would be unable to attend.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", "Police and Crime Commissioner for Wessex", APOLOGIES)
    ]


def test_the_chair_is_who_chaired_the_meeting_not_an_elected_chair_who_was_absent() -> None:
    text = (
        "Apologies were received from Mr Ada Lowe and Cllr Ben Roper.\n\n"
        "That Mr Ada Lowe be elected as Chair of the Panel for the year.\n\n"
        "In the absence of Mr Lowe and Cllr Roper, Cllr Cy Marsh Hart chaired the remainder of "
        "the meeting.\n"
    )
    attendance = attendance_of(text)
    assert attendance.chair is not None and attendance.chair.name == "Cy Marsh Hart"
    absent_elected = (
        "Apologies were received from Mr Ada Lowe.\n\nThat Mr Ada Lowe be elected Chair.\n"
    )
    assert attendance_of(absent_elected).chair is None


def test_a_chair_appointed_for_the_meeting_after_motions_for_the_year() -> None:
    text = (
        "That Councillor Ada Lowe be elected Chairman of the Panel for the Municipal Year.\n\n"
        "The votes being equal, the motion was not carried.\n\n"
        "That Mrs Roper be appointed Chairman for the meeting.\n"
    )
    attendance = attendance_of(text)
    assert attendance.chair is not None and attendance.chair.name == "Roper"


def test_unlabelled_list_with_dashes_glued_to_names_and_a_minute_taker_label() -> None:
    text = (
        "Strategic Board\n\nWednesday 4th May 2016\n\n"
        "Ada Lowe– Police and Crime Commissioner (Chair);\n\n"
        "Ben Roper– Chief Constable;\n\n"
        "Cy Hart - Deputy Chief Constable;\n\n"
        "Minute Taker\n\n"
        "Dee Wolfe – Staff Officer\n\n"
        "1. Apologies\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", "Police and Crime Commissioner", PRESENT),
        ("Ben Roper", "Chief Constable", PRESENT),
        ("Cy Hart", "Deputy Chief Constable", PRESENT),
        ("Dee Wolfe", "Staff Officer", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Ada Lowe"


def test_initials_and_surname_after_an_organisation_start_a_person() -> None:
    text = (
        "Also Present: P Lowe, Rye Police Authority N Roper, Tor Borough Council D A Hart, "
        "Tor Borough Council\n\n"
        "Apologies: Mayor Ada Wolfe, Mayor of Rye K Marsh, Rye Police Authority\n"
    )
    assert people(text) == [
        ("P Lowe", IN_ATTENDANCE),
        ("N Roper", IN_ATTENDANCE),
        ("D A Hart", IN_ATTENDANCE),
        ("Ada Wolfe", APOLOGIES),
        ("K Marsh", APOLOGIES),
    ]


def test_a_member_presenting_a_groups_notes_is_not_a_guest() -> None:
    text = (
        "Councillor Ada Lowe, Chair of the Working Group, presented the notes of its meeting.\n"
        "The Panel noted the notes.\n"
        "Mr Ben Roper, Chief Finance Officer, presented the budget report.\n"
    )
    assert people(text) == [("Ben Roper", IN_ATTENDANCE)]


def test_an_agendas_attendees_are_those_expected() -> None:
    text = (
        "JOINT AUDIT COMMITTEE\n\n10 December 2020\n\nAGENDA\n\n"
        "Attendees:\n\n"
        "COMMITTEE: Ada Lowe - Chair Ben Roper Cy Hart\n\n"
        "Dee Wolfe – Director of Finance\n\n"
        "126 Apologies\n"
    )
    attendance = attendance_of(text)
    assert attendance.attendees == [] and attendance.invitees
    include_officers(attendance, Person("Ada Lowe", is_chair=True))
    assert attendance.attendees == []
    minutes = text.replace("AGENDA", "MINUTES")
    assert "Dee Wolfe" in [name for name, _ in people(minutes)]


def test_a_committee_chair_named_on_an_agendas_item_line() -> None:
    lines = split_lines(
        "1.Standing Items Ada Lowe, Committee Chair, SPA\n1.1 Welcome and Apologies\n"
    )
    chair = marked_chair(lines)
    assert chair is not None and chair.name == "Ada Lowe"
    apologies = split_lines("Apologies for absence were received from Ben Roper (Chairman).\n")
    assert marked_chair(apologies) is None


def test_a_table_kept_with_its_bars_and_a_role_wrapped_onto_its_own_line() -> None:
    text = (
        "Name | Role |\n"
        "---|---|\n"
        "A/CC Ada Lowe (Chair) | Chief Constable |\n"
        "A/DCO Ben Roper (MT) |\n"
        "Acting Deputy Chief Officer/ Director of Support Services |\n"
        "PSE Cy Hart | Force Crime and Incident Registrar |\n"
        "PSE Dee Wolfe (Minutes) | Executive Assistant |\n"
        "Apologies\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dee Wolfe", PRESENT),
    ]
    assert "Director of Support Services" in (attendance.attendees[1].capacity or "")


def test_blocks_each_closed_by_the_persons_status() -> None:
    text = (
        "Meeting Attendees\nChairman\nCouncillor Ada Lowe\n\nRye Borough Council\n\n"
        "Present, as expected\n\n"
        "Vice-Chairman\nBen Roper\n\nIndependent Co-opted Member\n\nPresent, as expected\n\n"
        "Councillor Cy Hart photo\nCommittee Member\nCouncillor Cy Hart\n\nTor District "
        "Council\n\nApologies\n\nView Profile\n"
        "Committee Member\nCouncillor Dee Wolfe\n\nMere Council\n\nAbsent\n\n"
        "Committee Member\nCouncillor Eve Marr\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", "Rye Borough Council", PRESENT),
        ("Ben Roper", "Independent Co-opted Member", PRESENT),
        ("Cy Hart", "Tor District Council", APOLOGIES),
        ("Dee Wolfe", "Mere Council", APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Ada Lowe"


def test_a_run_of_initials_and_surnames_without_separators() -> None:
    text = (
        "PRESENT\n\nCouncillor Ada Lowe (Chair)\n\nMEMBERS\n\n"
        "K Roper J A Hart (part) D Wolfe\n\n"
        "OFFICERS IN ATTENDANCE\n\n"
        "N Marr Democratic Services Officer M Pike Neighbourhood Services Area Manager\n\n"
        "26. APOLOGIES FOR ABSENCE\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ada Lowe", None, PRESENT),
        ("K Roper", None, PRESENT),
        ("J A Hart", "part", PRESENT),
        ("D Wolfe", None, PRESENT),
        ("N Marr", "Democratic Services Officer", IN_ATTENDANCE),
        ("M Pike", "Neighbourhood Services Area Manager", IN_ATTENDANCE),
    ]


def test_the_chair_named_beside_the_office() -> None:
    text = (
        "5 Chairman's Announcements\n\n"
        "The Chairman, Cllr Ada Lowe, thanked members who were leaving the Panel.\n"
    )
    attendance = attendance_of(text)
    assert attendance.chair is not None and attendance.chair.name == "Ada Lowe"
    elected = text + "\nThat Cllr Ben Roper be elected Chairman of the Panel.\n"
    chair = attendance_of(elected).chair
    assert chair is not None and chair.name == "Ben Roper"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PRESENT:-     Councillor Marsh in the Chair\n\n"
            "Independent Members:- Mr T Ravi Kumar, Ms B Lodge, Mrs P Quill and Mr D Orme.\n",
            ["Marsh", "T Ravi Kumar", "B Lodge", "P Quill", "D Orme"],
        ),
        (
            "Present: Dr A. Lloyd Prosser; Cllr N Vane; Mr K Selby\n",
            ["A. Lloyd Prosser", "N Vane", "K Selby"],
        ),
    ],
)
def test_a_surname_of_two_words_in_a_list_that_gives_no_offices(
    text: str, expected: list[str]
) -> None:
    assert [name for name, _ in people(text)] == expected


def test_a_lone_word_after_a_name_stays_an_office_where_the_list_gives_offices() -> None:
    text = "Present: Cllr J Marsh Treasurer, Cllr A Dunn Rother, Cllr B Holt\n"
    assert [name for name, _ in people(text)][:2] == ["J Marsh", "A Dunn"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was proposed by Mr. Pell and seconded by Mr. Garrow that Mr. T. J. Hollis be elected "
        "Chairman of the Panel.",
        "It was moved by Cllr. Pell, seconded by Cllr Garrow, that Mr T J Hollis be elected "
        "Chair of the Committee.",
    ],
)
def test_the_chair_elected_on_a_motion_named_with_its_mover_and_seconder(sentence: str) -> None:
    chair = attendance_of(f"Election of Chairman.\n\n{sentence}\n").chair
    assert chair is not None and chair.name.replace(".", "") == "T J Hollis"


@pytest.mark.parametrize("line", ["Mr. Hollis in the Chair", "Cllr. Tamsin Hollis in the chair"])
def test_a_titled_name_with_a_full_stop_in_the_chair(line: str) -> None:
    chair = marked_chair(split_lines(f"Minutes of the meeting\n\n{line}\n\nApologies\n"))
    assert chair is not None and chair.name in ("Hollis", "Tamsin Hollis")
