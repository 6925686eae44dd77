"""Attendance the prose states by what people did: came in, went out, spoke to the meeting with
their office, were welcomed or introduced; apologies given in Scottish and clerk's wording; and
the chair named by a list's "(in the Chair from item 3)", an election, or the opening welcome.
"""

from __future__ import annotations

import pytest

from ingest.parse.document import parse_document
from records.enums import AttendanceStatus, DocumentType
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def _chair(text: str) -> str | None:
    chair = attendance_of(text).chair
    return chair.name if chair else None


# --- coming in, going out ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr Orrin Slade and Mr Tobias Venn left the room at 10:55am to fetch the witnesses.\n",
        "At 11am Mr Orrin Slade and Mr Tobias Venn returned to the room.\n",
        "4.2 Mr Orrin Slade and Mr Tobias Venn withdrew from the meeting at 3.15pm.\n",
    ],
)
def test_those_who_leave_or_come_back_attend(text: str) -> None:
    assert people(text) == [("Orrin Slade", IN_ATTENDANCE), ("Tobias Venn", IN_ATTENDANCE)]


def test_those_who_come_in_with_the_commissioner_attend() -> None:
    text = (
        "Ms Petra Quill, Police and Crime Commissioner entered the chamber at 11am along with "
        "Mr. Ivo Dane, Mr. Bram Kell and Mr. Sol Fenn.\n"
    )
    assert people(text) == [
        ("Petra Quill", IN_ATTENDANCE),
        ("Ivo Dane", IN_ATTENDANCE),
        ("Bram Kell", IN_ATTENDANCE),
        ("Sol Fenn", IN_ATTENDANCE),
    ]


def test_members_who_left_early_or_arrived_late_are_present() -> None:
    text = (
        "Councillor Wren Hollis arrived during item 4, and Councillors Ada Marsh and Cato Pell "
        "left early at 12.40pm.\n"
    )
    assert people(text) == [
        ("Wren Hollis", PRESENT),
        ("Ada Marsh", PRESENT),
        ("Cato Pell", PRESENT),
    ]


def test_one_announced_to_come_late_is_not_taken_as_present() -> None:
    assert people("It was noted that Councillor Wren Hollis would arrive late.\n") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nell Ashby left the room for this item.\n",
        "Mrs Nell Ashby withdrew from the meeting during consideration of the item.\n",
    ],
)
def test_one_who_withdraws_for_an_item_is_a_member(text: str) -> None:
    assert people(text) == [("Nell Ashby", PRESENT)]


@pytest.mark.parametrize(
    "text",
    [
        "Members of the public left the room.\n",
        "Councillor Ada Marsh had left the meeting early at the previous meeting.\n",
        "The Commissioner left the meeting at 12.30pm.\n",
    ],
)
def test_no_one_named_or_another_meeting_gives_no_attendee(text: str) -> None:
    assert people(text) == []


# --- officers named with their office, speaking -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "capacity"),
    [
        (
            "The Commissioner, Mrs Petra Quill, introduced her draft plan.\n",
            "Petra Quill",
            "Commissioner",
        ),
        (
            "3. The Deputy Chief Constable, Ivo Dane, said that most of the rise was recording.\n",
            "Ivo Dane",
            "Deputy Chief Constable",
        ),
        (
            "Bram Kell, Chief Finance Officer to the Commissioner, explained the precept.\n",
            "Bram Kell",
            "Chief Finance Officer to the Commissioner",
        ),
        (
            "Sol Fenn, Wessex Police and Crime Commissioner introduced this item.\n",
            "Sol Fenn",
            "Wessex Police and Crime Commissioner",
        ),
    ],
)
def test_an_officer_named_with_the_office_speaking_attends(
    text: str, name: str, capacity: str
) -> None:
    attendees = attendance_of(text).attendees
    assert [(a.name, a.status) for a in attendees] == [(name, IN_ATTENDANCE)]
    assert attendees[0].capacity == capacity


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Ada Marsh, Chair of the Working Group, presented the notes of its meeting.\n",
        "Alderman Cato Pell, Chairman of the Pensions Board, reported on its first meeting.\n",
        "Councillor Ada Marsh asked about response times.\n",
        "The Commissioner's report was noted.\n",
    ],
)
def test_a_member_named_in_passing_is_no_attendee(text: str) -> None:
    assert people(text) == []


# --- welcomes and introductions -----------------------------------------------------------


def test_those_welcomed_to_the_meeting_attend() -> None:
    text = (
        "Orrin Slade and Tobias Venn were also welcomed to the meeting as the proposed "
        "co-opted members.\n"
    )
    assert people(text) == [("Orrin Slade", IN_ATTENDANCE), ("Tobias Venn", IN_ATTENDANCE)]


def test_a_new_member_welcomed_is_present() -> None:
    assert people("New member Petra Quill was welcomed to the group.\n") == [
        ("Petra Quill", PRESENT)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chair welcomed Ivo Dane from Wessex Fire Service.\n",
        "The Chairman welcomed Mr Ivo Dane of the Wessex Fire Service.\n",
    ],
)
def test_a_guest_welcomed_from_another_body_attends(text: str) -> None:
    assert people(text) == [("Ivo Dane", IN_ATTENDANCE)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chair welcomed everyone to the meeting, including new Member Councillor "
            "Petra Quill.\n",
            [("Petra Quill", PRESENT)],
        ),
        (
            "The Chairman welcomed all present to the Meeting, in particular Cllr Ivo Dane "
            "(Wessex District Council) replacing Sol Fenn and Bram Kell, the new Independent "
            "Co-opted Member.\n",
            [("Ivo Dane", PRESENT), ("Bram Kell", PRESENT)],
        ),
        (
            "The Convener welcomed everybody to this meeting and especially Mr Orrin Slade "
            "and Ms Tamsin Rook.\n",
            [("Orrin Slade", IN_ATTENDANCE), ("Tamsin Rook", IN_ATTENDANCE)],
        ),
    ],
)
def test_those_singled_out_in_a_welcome_to_all_attend(
    text: str, expected: list[tuple[str, object]]
) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A welcome was extended to Orrin Slade and Tamsin Rook, who attended as the "
            "Panel's proposed independent co-opted members.\n",
            [("Orrin Slade", IN_ATTENDANCE), ("Tamsin Rook", IN_ATTENDANCE)],
        ),
        (
            "Particular welcome was given to the new members of the Board – Ivo Dane, Dr Bram "
            "Kell and Sol Fenn.\n",
            [("Ivo Dane", PRESENT), ("Bram Kell", PRESENT), ("Sol Fenn", PRESENT)],
        ),
        (
            "A warm welcome was also given to Councillor Petra Quill to her first meeting.\n",
            [("Petra Quill", PRESENT)],
        ),
    ],
)
def test_those_a_welcome_was_given_to_attend(text: str, expected: list[tuple[str, object]]) -> None:
    assert people(text) == expected


def test_a_welcome_back_to_the_body_names_no_attendee() -> None:
    text = (
        "The welcome was also extended to Councillor Petra Quill, who had returned to the "
        "Panel as a representative of Wessex County Council.\n"
    )
    assert people(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chair welcomed Councillor Petra Quill to her first Panel Meeting and advised "
            "that she could ask questions.\n",
            [("Petra Quill", PRESENT)],
        ),
        (
            "The Chair officially welcomed Mrs Tamsin Rook to the Panel and invited the "
            "Commissioner's team to introduce themselves.\n",
            [("Tamsin Rook", PRESENT)],
        ),
        (
            "The Chairman welcomed new Member Orrin Slade to his first meeting of the Committee.\n",
            [("Orrin Slade", PRESENT)],
        ),
        (
            "The Chair welcomed the Chief Constable, Ivo Dane and Superintendent Bram Kell "
            "from Wessex Police to the meeting.\n",
            [("Ivo Dane", IN_ATTENDANCE), ("Bram Kell", IN_ATTENDANCE)],
        ),
    ],
)
def test_a_welcome_to_a_first_body_meeting_to_the_body_or_after_a_post_names_attendees(
    text: str, expected: list[tuple[str, object]]
) -> None:
    # the meeting named with its body's word, the body itself, a "new Member" or a post
    # before the name: each a welcome to someone in the room
    assert people(text) == expected


def test_a_welcome_to_the_body_s_report_names_no_attendee() -> None:
    text = "The Chair welcomed the Commissioner's report to the Panel's meeting.\n"
    assert people(text) == []


def test_one_the_meeting_is_introduced_to_attends() -> None:
    text = (
        "The Panel were introduced to Bram Kell, Head of Legal Services, who would be "
        "attending future meetings.\n"
    )
    assert people(text) == [("Bram Kell", IN_ATTENDANCE)]


# --- apologies in other words -------------------------------------------------------------


def test_apologies_intimated_on_behalf_of_members() -> None:
    text = (
        "1. Apologies for Absence\nApologies for absence were intimated on behalf of Mrs A Orr, "
        "Mr B Lusk and Mr C Dunn of the Highland Council.\n"
    )
    assert people(text) == [("A Orr", APOLOGIES), ("B Lusk", APOLOGIES), ("C Dunn", APOLOGIES)]


def test_apologies_from_these_members() -> None:
    text = (
        "(1) The Clerk gave apologies from these Members: Councillor Nia Bramble (Rye Council) "
        "Councillor Ossie Fenwright (Tor Council)\n"
    )
    assert people(text) == [("Nia Bramble", APOLOGIES), ("Ossie Fenwright", APOLOGIES)]


def test_a_correction_to_an_earlier_meetings_attendance_is_not_this_meetings() -> None:
    text = (
        "RESOLVED that, subject to amending the attendance to show Cllr Cato Pell was present "
        "at the 11th November 2014 meeting, the minutes be signed.\n"
    )
    assert people(text) == []


# --- the chair ----------------------------------------------------------------------------


def test_the_chair_from_an_item_on_is_the_meetings_chair() -> None:
    text = (
        "Present\n  • Leonard Ash (in the Chair from item 3 – not for item 15)\n"
        "  • Ruth Bone (Deputy Chair) (in the Chair for item 14)\n  • Timon Gale\n"
    )
    assert _chair(text) == "Leonard Ash"


def test_a_chair_for_some_items_only_chairs_when_no_one_else_does() -> None:
    text = "Present\n  • Ruth Bone (in the chair for items 1 to 3)\n  • Timon Gale\n"
    assert _chair(text) == "Ruth Bone"


@pytest.mark.parametrize(
    "sentence",
    [
        "11.1    Following a vote Cllr Nell Ashby was elected as Chair",
        "On a show of hands Councillor Nell Ashby was elected Chairman for the year.",
    ],
)
def test_a_chair_elected_after_a_lead_in(sentence: str) -> None:
    assert _chair(f"Election of Chair\n{sentence}\n2. Apologies\n") == "Nell Ashby"


@pytest.mark.parametrize(
    "sentence",
    [
        "Desmond Okoye welcomed all and apologies were given.",
        "Cllr Desmond Okoye opened the meeting and welcomed those present.",
    ],
)
def test_the_one_who_opens_the_meeting_chairs_it(sentence: str) -> None:
    assert _chair(f"1. Welcome\n{sentence}\n2. Minutes\n") == "Desmond Okoye"


@pytest.mark.parametrize(
    "sentence",
    [
        "DO welcomed all and apologies were given.",
        "The PCC opened the meeting and welcomed those present.",
    ],
)
def test_an_opener_not_named_in_full_is_no_chair(sentence: str) -> None:
    assert _chair(f"1. Welcome\n{sentence}\n2. Minutes\n") is None


def test_an_opener_is_the_last_resort_after_an_election() -> None:
    text = (
        "1. Welcome\nDesmond Okoye welcomed all.\n2. Election of Chair\n"
        "RESOLVED that Councillor Nell Ashby be elected Chair of the Panel.\n"
    )
    assert _chair(text) == "Nell Ashby"


def test_an_agendas_chair_is_not_one_its_enclosed_minutes_elected() -> None:
    draft = parse_document(
        "WESSEX POLICE AND CRIME PANEL\n\nAGENDA\n\nTuesday 9 April 2024 at 2.00pm\n\n"
        "1. Apologies for absence\n\n2. To approve the minutes of the meeting held on 5 March "
        "2024\n\n3. To receive the budget report\n\n4. To note the risk register\n\n"
        "MINUTES of the meeting held on 5 March 2024\n\n1. APPOINTMENT OF CHAIR\n\n"
        "RESOLVED that Councillor Nell Ashby be appointed Chair.\n"
    )
    assert draft.document_type is DocumentType.AGENDA
    assert draft.chair is None


def test_a_member_replaced_on_the_body_is_no_substitute_at_the_meeting() -> None:
    text = (
        "Membership\n(1) Mr Ivo Dane (Rye Council representative) had left the Panel and had "
        "been replaced by Mr Sol Fenn.\n(2) Mrs Ada Marsh has been replaced by Mr Cato Pell.\n"
        "Apologies were received from Cllr Nell Ashby, who had been substituted by Cllr Wren "
        "Hollis.\n"
    )
    assert sorted(people(text)) == [("Nell Ashby", APOLOGIES), ("Wren Hollis", PRESENT)]


# --- more turns of phrase -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Chairman welcomed Mr Ivo Dane, Wessex Police and Crime Commissioner\n"
        "(PCC), to the meeting and asked him to give his presentation.\n",
        "The Chairman welcomed Mr Ivo Dane, Police and Crime Commissioner for Wessex,\n"
        "to the meeting.\n",
    ],
)
def test_a_sentence_wrapped_over_lines_is_read_whole(text: str) -> None:
    assert people(text) == [("Ivo Dane", IN_ATTENDANCE)]


@pytest.mark.parametrize(
    "text",
    [
        "The Chairman welcomed the Panel.\nIvo Dane, Treasurer, to the meeting\n",
        "The Chairman welcomed the members of the Panel\nIvo Dane, Treasurer, to the meeting\n",
    ],
)
def test_lines_that_end_their_sentences_or_are_no_prose_are_not_joined(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sol Fenn, Assistant Police and Crime Commissioner, thanked the panel for inviting him.\n",
        "The Commissioner introduced Sol Fenn, Partnerships and Engagement Officer, Wessex OPCC.\n",
        "Instead, members were able to put questions to Sol Fenn, Chief Executive of the OPCC.\n",
    ],
)
def test_an_officer_thanking_introduced_or_questioned_attends(text: str) -> None:
    assert people(text) == [("Sol Fenn", IN_ATTENDANCE)]


def test_an_officer_named_with_the_office_unable_to_attend_sent_apologies() -> None:
    text = (
        "4.1 The Chair informed the Panel that due to illness, Bram Kell, Senior Policy Officer "
        "and lead for Collaboration, was unable to attend the meeting.\n"
    )
    assert people(text) == [("Bram Kell", APOLOGIES)]


@pytest.mark.parametrize(
    "text",
    [
        "Apologies were received from Councillor Ada Marsh (Rye Council), Ms Nell Ashby (Chief "
        "Executive, OPCC) and Supt Cato Pell (Wessex Police).\n",
        "Apologies for absence were received from Cllr Ada Marsh (Rye); Ms Nell Ashby (Chief of "
        "Staff, OPCC) & Chief Constable Cato Pell.\n",
        "The Chair noted apologies from Cllr Ada Marsh (Rye Council), Ms Nell Ashby (Independent "
        "Member, Audit), and ACC Cato Pell (Wessex Police).\n",
    ],
)
def test_apologies_of_members_and_officers_with_bracketed_posts(text: str) -> None:
    assert people(text) == [
        ("Ada Marsh", APOLOGIES),
        ("Nell Ashby", APOLOGIES),
        ("Cato Pell", APOLOGIES),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Also in attendance were Petra Quill (PCC) and Ivo Dane (Chief Executive, OPCC).\n",
            [("Petra Quill", IN_ATTENDANCE), ("Ivo Dane", IN_ATTENDANCE)],
        ),
        (
            "The minutes were agreed. In attendance for this item was Ivo Dane, Head of Estates.\n",
            [("Ivo Dane", IN_ATTENDANCE)],
        ),
        (
            "Attending were Cllr Ada Marsh (Rye Council); Mr Sol Fenn (Independent Member).\n",
            [("Ada Marsh", PRESENT), ("Sol Fenn", PRESENT)],
        ),
    ],
)
def test_presence_stated_before_the_names(
    text: str, expected: list[tuple[str, AttendanceStatus]]
) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Members present were asked to declare any interests.\n", "Also present was a reporter.\n"],
)
def test_presence_stated_of_no_one_named(text: str) -> None:
    assert people(text) == []
