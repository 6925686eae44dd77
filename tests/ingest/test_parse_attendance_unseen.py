"""Attendance in layouts first met in documents the parser was not tuned on: a long run of
"Rank Name Force" entries after a label with no colon, carried past a page's number; a label
for part of the meeting; organisations and offices of government that read like names; an
apology in the singular; officers named in the prose with their office as they speak; the
holder of an office the meeting welcomed, named speaking in the next sentence.
"""

from __future__ import annotations

import pytest

from records.enums import AttendanceStatus
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people

_FORCES = (
    "CC Ada Marsh Avon and Somerset CC Ben Roper Bedfordshire DCC Cora Finch Cheshire "
    "AC Dan Quill City of London ACC Eve Yarrow Cleveland CC Fiona Rush Cumbria CC Gareth "
    "Stroud Derbyshire CC Helen Keel Devon and Cornwall CC Ida Bann Dorset DCC Jon Pryce "
    "Dyfed-Powys CC Kay Greave Essex CC Lee Holloway Gloucestershire"
)


# --- a page of people run onto its label's line --------------------------------------------


@pytest.mark.parametrize(
    ("label", "status"), [("Attendees", PRESENT), ("Present", PRESENT), ("Apologies", APOLOGIES)]
)
def test_a_long_run_of_ranks_names_and_forces_after_a_label_without_a_colon(
    label: str, status: AttendanceStatus
) -> None:
    text = f"Council Minutes\n\n{label} {_FORCES}\n\n1. Welcome\n\nThe Chair opened.\n"
    attendance = attendance_of(text)
    found = [(a.name, a.capacity, a.status) for a in attendance.attendees]
    assert len(found) == 12
    assert found[0] == ("Ada Marsh", "CC, Avon and Somerset", status)
    assert found[3] == ("Dan Quill", "AC, City of London", status)
    assert found[-1] == ("Lee Holloway", "CC, Gloucestershire", status)


def test_a_long_sentence_after_a_label_word_is_still_not_a_list() -> None:
    text = (
        "Minutes\n\nAttendance at the meeting was lower than usual because the Chief Constable "
        "Ada Marsh and the Commissioner Ben Roper had been called to a national event that was "
        "held in London on the same day, and the members agreed that the item on the budget "
        "would be deferred to the next meeting so that both could take part in it.\n\n"
        "1. Welcome\n"
    )
    assert people(text) == []


@pytest.mark.parametrize("number", ["1", "2", "14"])
def test_a_run_of_people_carried_past_the_page_number_that_opens_the_next_page(
    number: str,
) -> None:
    text = (
        f"Minutes\n\nAttendees {_FORCES}\n\n{number} DAC Mary Stroud Metropolitan Police Service "
        "CC Neil Llewelyn North Wales CC Olivia Brannigan Northumbria\n\n1. Welcome\n\nText.\n"
    )
    names = [(a.name, a.capacity) for a in attendance_of(text).attendees]
    assert names[-3:] == [
        ("Mary Stroud", "DAC, Metropolitan Police Service"),
        ("Neil Llewelyn", "CC, North Wales"),
        ("Olivia Brannigan", "CC, Northumbria"),
    ]


def test_an_agenda_item_after_a_run_of_people_still_ends_it() -> None:
    text = (
        f"Minutes\n\nAttendees {_FORCES}\n\n2 Minutes of the previous meeting\n\nThe minutes "
        "were agreed. CC Ada Marsh noted the date.\n"
    )
    assert len(attendance_of(text).attendees) == 12


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("In attendance for specific items DCC Roy Tapp, Chair, Uplift Group", "Roy Tapp"),
        ("In attendance for item 5 Mr Roy Tapp, Chief Executive", "Roy Tapp"),
        ("Also in attendance for items 4 and 5 Ms Ida Webb (Treasurer)", "Ida Webb"),
    ],
)
def test_those_in_attendance_for_part_of_the_meeting(line: str, expected: str) -> None:
    text = f"Minutes\n\nPresent: Cllr Ed Lowe (Chair), Cllr Sam Cole\n{line}\n\n1. Welcome\n"
    assert people(text) == [("Ed Lowe", PRESENT), ("Sam Cole", PRESENT), (expected, IN_ATTENDANCE)]


# --- organisations and offices that read like names -----------------------------------------


@pytest.mark.parametrize(
    "organisation",
    [
        "Criminal Justice Inspection Northern Ireland",
        "Rye Voluntary Action",
        "Wessex Inspectorate of Constabulary",
    ],
)
def test_an_organisation_after_each_witness_is_not_a_person(organisation: str) -> None:
    text = (
        f"Minutes\n\nWitnesses:\n\nMr Abel Doran, {organisation}\nMs Bea Quigg, {organisation}"
        "\n\n1. Welcome\n\nText.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity) for a in attendance.attendees] == [
        ("Abel Doran", organisation),
        ("Bea Quigg", organisation),
    ]


@pytest.mark.parametrize("group", ["Rye Voluntary Action", "NHS Rye", "Army"])
def test_a_group_named_before_its_person_in_a_list_of_organisations(group: str) -> None:
    text = (
        "Minutes\n\nPresent:-\n\nRye Council: Councillors Hale (Chair), Bell and Tapp;\n\n"
        f"{group}: Ms J Ferrier.\n\nApologies:- Mr D Blyth (Rye Justice Authority).\n\n"
        "1 Welcome\n\nText.\n"
    )
    assert people(text) == [
        ("Hale", PRESENT),
        ("Bell", PRESENT),
        ("Tapp", PRESENT),
        ("J Ferrier", PRESENT),
        ("D Blyth", APOLOGIES),
    ]


@pytest.mark.parametrize("office", ["First Minister", "Deputy Minister", "Minister for Justice"])
def test_an_office_of_government_is_not_a_name(office: str) -> None:
    from ingest.parse.people import looks_like_name, split_person

    assert not looks_like_name(office)
    person = split_person(f"Cai Rowe, {office}")
    assert person is not None
    assert (person.name, person.capacity) == ("Cai Rowe", office)


@pytest.mark.parametrize(
    "label", ["Apology for Absence:-", "Apology for absence:", "APOLOGY FOR ABSENCE:"]
)
def test_an_apology_in_the_singular_labels_the_absent(label: str) -> None:
    text = f"Minutes\n\nPresent: Cllr Ed Lowe, Cllr Sam Cole\n\n{label} Mr D Blyth (Rye CJA).\n"
    assert people(text) == [("Ed Lowe", PRESENT), ("Sam Cole", PRESENT), ("D Blyth", APOLOGIES)]


def test_initials_glued_to_a_surname_stay_with_the_person() -> None:
    text = (
        "Minutes\n\nBoard Members Present: Priya Banner(PB) (Meeting Chair) Cara Eddy (CE) "
        "Ian Wynd(IW)\n\n1 Welcome\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.abbreviation) for a in attendance.attendees] == [
        ("Priya Banner", "PB"),
        ("Cara Eddy", "CE"),
        ("Ian Wynd", "IW"),
    ]


# --- officers named in the prose with their office ------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "capacity"),
    [
        (
            "The Deputy Police and Crime Commissioner, Ms Tam Eccles, then presented the update.",
            "Tam Eccles",
            "Deputy Police and Crime Commissioner",
        ),
        (
            "The Chief Constable's representative, Superintendent Cai Eifion, responded that "
            "enforcement would be reviewed.",
            "Cai Eifion",
            "Superintendent",
        ),
        (
            "P Osgood, Chief Finance Officer, Rye Constabulary also provided a presentation to "
            "support the report.",
            "P Osgood",
            "Chief Finance Officer, Rye Constabulary",
        ),
    ],
)
def test_an_officer_named_with_the_office_while_speaking_attends(
    sentence: str, name: str, capacity: str
) -> None:
    attendance = attendance_of(f"Minutes\n\n3. Update\n\n{sentence}\n")
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        (name, capacity, IN_ATTENDANCE)
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Commissioner, Mr Rufus Hazel, introduced the draft Plan and was supported by "
            "his Chief Executive, Ms Fen Doughty.",
            "Fen Doughty",
        ),
        (
            "Diane Kilby, Chief Executive of the OPCC, agreed to circulate the updated figures.",
            "Diane Kilby",
        ),
        (
            "Ima Scorer, Partner, Hart Lowe LLP (Independent Legal Adviser) presented the report.",
            "Ima Scorer",
        ),
    ],
)
def test_officers_supporting_or_answering_with_their_posts_attend(sentence: str, name: str) -> None:
    assert (name, IN_ATTENDANCE) in people(f"Minutes\n\n3. Plan\n\n{sentence}\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Vice Chairman, Councillor Jo Hale, presented the item.",
        "Councillor Jo Hale, Chair of the Working Group, agreed to circulate the figures.",
        "The report, the Commissioner's plan, was noted.",
    ],
)
def test_members_and_documents_beside_offices_are_not_officers_attending(sentence: str) -> None:
    assert people(f"Minutes\n\n3. Plan\n\n{sentence}\n") == []


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        (
            "The Chairman welcomed the Police and Crime Commissioner (PCC) for Rye to the "
            "meeting.  Mr Langley provided a comprehensive update on the following areas.",
            "Langley",
        ),
        (
            "The Chair welcomed the Chief Constable to the meeting. Ms Ada Wren presented the "
            "performance report.",
            "Ada Wren",
        ),
        (
            "The Panel welcomed the Chief Executive of the OPCC to the meeting. Dr Rhys Hale "
            "then outlined the budget.",
            "Rhys Hale",
        ),
    ],
)
def test_the_holder_of_an_office_welcomed_who_speaks_next_attends(
    paragraph: str, name: str
) -> None:
    assert people(f"Minutes\n\n4. Update\n\n{paragraph}\n") == [(name, IN_ATTENDANCE)]


def test_an_office_welcomed_then_someone_invited_is_not_taken_as_its_holder() -> None:
    paragraph = (
        "The Chairman welcomed the Police and Crime Commissioner to the meeting. Mr Oakes had "
        "been invited to present his plan."
    )
    assert people(f"Minutes\n\n4. Plan\n\n{paragraph}\n") == []


# --- the holder of an office named once, the office speaking afterwards ---------------------


@pytest.mark.parametrize(
    ("text", "name", "capacity"),
    [
        (
            "Rye Panel\n\nVerbal Update by Hattie Orme, Overview and Scrutiny Officer.\n\n"
            "The Overview and Scrutiny Officer gave a verbal update on the Panel's work.\n",
            "Hattie Orme",
            "Overview and Scrutiny Officer",
        ),
        (
            "Minutes\n\n4. Budget\n\nContributors:\n\nRosa Pendle, Scrutiny Manager\n\nMinutes:\n"
            "\nThe Scrutiny Manager reported that the grant had been confirmed.\n",
            "Rosa Pendle",
            "Scrutiny Manager",
        ),
        (
            "Minutes\n\n5. Commissioner\n\nThe Chair congratulated Mr Rhydd on his recent "
            "re-election as the Police and Crime Commissioner for the Rye Police area.\n\n"
            "The Commissioner advised that he would publish a draft plan.\n",
            "Rhydd",
            "Police and Crime Commissioner",
        ),
    ],
)
def test_the_one_named_in_an_office_that_speaks_attends(
    text: str, name: str, capacity: str
) -> None:
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        (name, capacity, IN_ATTENDANCE)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the office named never speaks
        "Minutes\n\n4. Budget\n\nReport of Rosa Pendle, Scrutiny Manager.\n\nThe report was "
        "noted.\n",
        # two people hold offices the speaking one could be
        "Minutes\n\nReport of Rosa Pendle, Police and Crime Commissioner, and of Ann Bell, "
        "Deputy Police and Crime Commissioner.\n\nThe Commissioner advised that the plan was "
        "ready.\n",
        # a member beside an office is a member, named in passing
        "Minutes\n\nReport of Councillor Rosa Pendle, Lead Member.\n\nThe Lead Member reported "
        "on the plan.\n",
    ],
)
def test_an_office_that_names_no_one_person_who_spoke_gives_no_one(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    "speaks",
    [
        "Mr. Rhod Beynon advised the panel that a majority vote was required.",
        "Mr Beynon reported that he had received one nomination.",
        "3.1 Beynon confirmed the rules of procedure.",
    ],
)
def test_the_one_named_with_an_office_who_speaks_by_name_attends(speaks: str) -> None:
    text = (
        "Minutes\n\n2. Election of Chair\n\nTo consider report of Rhod Beynon, Senior Solicitor, "
        f"Rye Borough Council.\n\n{speaks}\n"
    )
    assert people(text) == [("Rhod Beynon", IN_ATTENDANCE)]


# --- businesses beside their staff; surnames in capitals ------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "business"),
    [
        ("Ravi Mistry (RM)Lloyds Pharmacy", "Ravi Mistry", "Lloyds Pharmacy"),
        ("Javier Alcantara (JA)Caffe Bianco", "Javier Alcantara", "Caffe Bianco"),
        ("Tom Hale (TH) Station Hotel", "Tom Hale", "Station Hotel"),
    ],
)
def test_a_business_after_a_person_and_initials_is_their_organisation(
    line: str, name: str, business: str
) -> None:
    text = f"Notes\n\n1. PRESENT:\n\nGary Whit (GW) Chairperson\n\n{line}\n\n2. ITEMS\n"
    attendance = attendance_of(text)
    assert [(a.name, a.capacity) for a in attendance.attendees][-1] == (name, business)
    assert len(attendance.attendees) == 2


def test_surnames_printed_in_capitals_after_a_given_name() -> None:
    text = (
        "Notes\n\n1. APOLOGIES:\n\nMartin MARSDEN London underground duty station manager\n\n"
        "John HARGREAVES TFL Revenue\n\nDaniel COATES Station Adopter Ealing\n\n2. ITEMS\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Martin Marsden", "London underground duty station manager", APOLOGIES),
        ("John Hargreaves", "TFL Revenue", APOLOGIES),
        ("Daniel Coates", "Station Adopter Ealing", APOLOGIES),
    ]


@pytest.mark.parametrize("line", ["Ann ACC Local Policing", "Jo OPCC", "Sam AND Ida Bell"])
def test_capitals_after_a_given_name_that_are_no_surname_are_left(line: str) -> None:
    from ingest.parse.name_runs import normalise_run

    assert normalise_run(line) == line


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Police and Crime Commissioner, Lorna Haswell attended to describe current "
            "policing in the area.",
            [("Lorna Haswell", IN_ATTENDANCE)],
        ),
        (
            "The Chief Constable, Ann Bell, attended the meeting for item 4.",
            [("Ann Bell", IN_ATTENDANCE)],
        ),
        ("The Chief Constable, Ann Bell attended a national conference last week.", []),
    ],
)
def test_an_officer_the_office_names_who_attended_to_speak(
    sentence: str, expected: list[tuple[str, AttendanceStatus]]
) -> None:
    assert people(f"Minutes\n\n3. Update\n\n{sentence}\n") == expected


@pytest.mark.parametrize("members", ["Board Directors", "Members", "Panel Members"])
def test_those_under_others_after_the_members_attend(members: str) -> None:
    text = (
        f"Minutes\n\nAttendees\n{members}\nAda Marsh (AM) (Chair)\nBen Roper (BR)\nOthers\n"
        "Cora Finch (CF)\nDan Quill (DQ)\n\n1 Welcome\n"
    )
    assert people(text) == [
        ("Ada Marsh", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cora Finch", IN_ATTENDANCE),
        ("Dan Quill", IN_ATTENDANCE),
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Those in attendance for this item were:",
        "Those in attendance were:",
        "Those also in attendance were:",
    ],
)
def test_a_sentence_ending_in_a_colon_heads_those_in_attendance(label: str) -> None:
    text = (
        f"Minutes:\n\n{label}\n\n·  Rosa Hebb (Deputy Mayor for Policing)\n\n"
        "·  Chief Superintendent Neil Fother (District Commander)\n\nThe Deputy Mayor spoke.\n"
    )
    assert people(text) == [("Rosa Hebb", IN_ATTENDANCE), ("Neil Fother", IN_ATTENDANCE)]
