import pytest

from ingest.draft import AttendeeDraft
from ingest.parse.attendance import Attendance, include_officers, parse_attendance, split_entries
from ingest.parse.lines import split_lines
from ingest.parse.people import Person, parse_capacity, same_person, split_person, strip_titles
from ingest.parse.roles import abbreviation_for, expand_abbreviation
from records.enums import AttendanceStatus
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of

SEED_TABLE = (
    "- Venue Virtual\n\n"
    "\tName:\tCapacity:\n"
    "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)\n"
    "\tJackie Irvin\tSenior Policy Manager (SPM)\n"
    "\tCharity Pearce\tPolicy Assistant (PO)\n"
    "\tAnthony Bangham\tChief Constable (CC)\n"
    "\tJulian Moss\tDeputy Chief Constable\n"
    "\tCatherine Allsopp\tStaff Officer (SO)\n\n"
    "1.\tHolding to account – Domestic Abuse\t\n"
    "1.1\tPrevention and awareness\t\n"
)


def rows(attendance: Attendance) -> list[tuple[str, str | None, str | None, AttendanceStatus]]:
    return [(a.name, a.capacity, a.abbreviation, a.status) for a in attendance.attendees]


def test_seed_attendance_table() -> None:
    attendance = attendance_of(SEED_TABLE)
    assert rows(attendance) == [
        ("John Campion", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Jackie Irvin", "Senior Policy Manager", "SPM", PRESENT),
        ("Charity Pearce", "Policy Assistant", "PO", PRESENT),
        ("Anthony Bangham", "Chief Constable", "CC", PRESENT),
        ("Julian Moss", "Deputy Chief Constable", "DCC", PRESENT),  # derived
        ("Catherine Allsopp", "Staff Officer", "SO", PRESENT),
    ]
    first = attendance.attendees[0].span
    assert first is not None
    assert SEED_TABLE[first.start : first.end] == (
        "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)"
    )
    assert attendance.end == SEED_TABLE.index("\n\n1.")


def test_name_role_table_with_label_and_apologies_line() -> None:
    text = (
        "Attendance:\tName\tCapacity\n"
        "\tRichard Halloran\tPolice and Crime Commissioner (PCC)\n"
        "\tDeborah Quayle\tChief Executive, OPCC (CEx)\n"
        "\tJoanne Ashworth\tChief Constable (JA)\n"
        "\tPriya Raman\tAssistant Chief Constable, Local Policing (ACC LP)\n\n"
        "Apologies:\tColin Marsh, Director of People\n\n"
        "1.\tMatters arising\n"
    )
    assert rows(attendance_of(text)) == [
        ("Richard Halloran", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Deborah Quayle", "Chief Executive, OPCC", "CEx", PRESENT),
        ("Joanne Ashworth", "Chief Constable", "JA", PRESENT),
        ("Priya Raman", "Assistant Chief Constable, Local Policing", "ACC LP", PRESENT),
        ("Colin Marsh", "Director of People", "DoP", APOLOGIES),
    ]


def test_markdown_pipe_table() -> None:
    text = (
        "## Attendance\n\n| Name | Capacity |\n|------|----------|\n"
        "| Amira Kaur | Police and Crime Commissioner (PCC) |\n"
        "| Neil Mottram | Deputy Chief Constable (DCC) |\n\n"
        "**Apologies:** Priya Raman, Assistant Chief Constable, Local Policing\n"
    )
    assert rows(attendance_of(text)) == [
        ("Amira Kaur", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Neil Mottram", "Deputy Chief Constable", "DCC", PRESENT),
        ("Priya Raman", "Assistant Chief Constable, Local Policing", "ACC", APOLOGIES),
    ]


def test_three_column_table_keeps_role_and_organisation() -> None:
    text = (
        "Name\tRole\tOrganisation\n"
        "Jane Doe\tChief Finance Officer\tOPCC\n"
        "Mr Ahmed Khan\tHead of Estates\tWest Mercia Police\n"
    )
    assert rows(attendance_of(text)) == [
        ("Jane Doe", "Chief Finance Officer, OPCC", "CFO", PRESENT),
        ("Ahmed Khan", "Head of Estates, West Mercia Police", None, PRESENT),
    ]


def test_labelled_lists_with_markers() -> None:
    text = (
        "Present:\n"
        "David Penhallow (Police and Crime Commissioner) (Chair)\n"
        "Sarah Linton (Deputy Police and Crime Commissioner)\n"
        "Martin Oyelaran (Assistant Chief Constable, Operations)\n\n"
        "In attendance:\n"
        "Lee Danvers (Superintendent, Contact and Control Room)\n"
        "Clare Hobbs (Governance Officer, OPCC) – minutes\n\n"
        "Apologies:\n"
        "Paul Kettering (Director of Finance, Eastmoor Constabulary)\n\n"
        "1) Minutes of the previous meeting\n"
    )
    attendance = attendance_of(text)
    assert rows(attendance) == [
        ("David Penhallow", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Sarah Linton", "Deputy Police and Crime Commissioner", "DPCC", PRESENT),
        ("Martin Oyelaran", "Assistant Chief Constable, Operations", "ACC", PRESENT),
        ("Lee Danvers", "Superintendent, Contact and Control Room", "Supt", IN_ATTENDANCE),
        ("Clare Hobbs", "Governance Officer, OPCC", None, IN_ATTENDANCE),
        ("Paul Kettering", "Director of Finance, Eastmoor Constabulary", "DoF", APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "David Penhallow"
    assert attendance.minute_taker is not None and attendance.minute_taker.name == "Clare Hobbs"


def test_markdown_bullet_lists_after_bold_labels() -> None:
    text = (
        "**Present:**\n\n"
        "- David Penhallow (Police and Crime Commissioner) – Chair\n"
        "- Fiona Strachan (Chief Constable)\n\n"
        "**In attendance:**\n\n"
        "- Kamal Hussain (Temporary Superintendent, Professional Standards)\n\n"
        "**Apologies:** Sarah Linton (Deputy PCC)\n\n"
        "## Policing the pandemic\n"
    )
    assert rows(attendance_of(text)) == [
        ("David Penhallow", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Fiona Strachan", "Chief Constable", "CC", PRESENT),
        (
            "Kamal Hussain",
            "Temporary Superintendent, Professional Standards",
            "T/Supt",
            IN_ATTENDANCE,
        ),
        ("Sarah Linton", "Deputy PCC", "DPCC", APOLOGIES),
    ]


def test_inline_lists_comma_semicolon_and_dash() -> None:
    text = (
        "Present: John Smith (PCC), Jane Doe – Chief Constable, Bob Jones, Deputy Chief "
        "Constable, Mary O'Neill\n"
        "Apologies: Cllr Peter White; Dr A. N. Brown, Independent Member; Mr Ahmed Khan\n"
    )
    assert rows(attendance_of(text)) == [
        ("John Smith", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Jane Doe", "Chief Constable", "CC", PRESENT),
        ("Bob Jones", "Deputy Chief Constable", "DCC", PRESENT),
        ("Mary O'Neill", None, None, PRESENT),
        ("Peter White", None, None, APOLOGIES),
        ("A. N. Brown", "Independent Member", None, APOLOGIES),
        ("Ahmed Khan", None, None, APOLOGIES),
    ]


def test_wrapped_inline_list() -> None:
    text = (
        "Present: David Penhallow (Police and Crime Commissioner), Sarah Linton (Deputy Police"
        " and\n"
        "Crime Commissioner), Fiona Strachan (Chief\n"
        "Constable), Clare Hobbs\n"
        "(Governance Officer, OPCC, minutes)\n"
        "Apologies: Graham Oakes (Treasurer,\n"
        "OPCC)\n\n"
        "1. Welcome\n"
    )
    attendance = attendance_of(text)
    assert rows(attendance) == [
        ("David Penhallow", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Sarah Linton", "Deputy Police and Crime Commissioner", "DPCC", PRESENT),
        ("Fiona Strachan", "Chief Constable", "CC", PRESENT),
        ("Clare Hobbs", "Governance Officer, OPCC", None, PRESENT),
        ("Graham Oakes", "Treasurer, OPCC", None, APOLOGIES),
    ]
    assert attendance.minute_taker is not None and attendance.minute_taker.name == "Clare Hobbs"
    span = attendance.attendees[2].span
    assert span is not None and text[span.start : span.end] == "Fiona Strachan"


def test_name_then_role_lines_and_role_first_names() -> None:
    text = (
        "Members:\n"
        "Amira Kaur, Police and Crime Commissioner (Chair)\n"
        "Chief Constable Anthony Bangham\n"
        "DCC Julian Moss\n"
        "Officers:\n"
        "Deborah Quayle, Chief Executive, OPCC\n\n"
        "Item 1\tWelcome and apologies\tChair\t10:00\n"
    )
    attendance = attendance_of(text)
    assert rows(attendance) == [
        ("Amira Kaur", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Anthony Bangham", "Chief Constable", "CC", PRESENT),
        ("Julian Moss", "Deputy Chief Constable", "DCC", PRESENT),
        ("Deborah Quayle", "Chief Executive, OPCC", "CEO", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Amira Kaur"


def test_apologies_in_sentences() -> None:
    text = (
        "1.\tWelcome and introductions\n"
        "\tThe PCC welcomed everyone. Apologies had been received from Marcus Belling, Chief "
        "Finance Officer to the PCC. The minutes were agreed.\n"
        "\tJane Doe had sent her apologies.\n"
        "\tThe Chief Constable sent apologies.\n"
    )
    attendance = attendance_of(text)
    assert rows(attendance) == [
        ("Marcus Belling", "Chief Finance Officer to the PCC", "CFO", APOLOGIES),
        ("Jane Doe", None, None, APOLOGIES),
    ]
    assert attendance.end == 0  # sentences are not an attendance section


def test_labels_that_are_not_lists() -> None:
    text = (
        "Presentation: the new performance framework\n"
        "Present at the meeting were representatives of the force.\n"
        "Attendance at community meetings had risen by 12%.\n"
    )
    assert attendance_of(text).attendees == []


def test_include_officers_adds_chair_and_minute_taker_once() -> None:
    attendance = Attendance(
        attendees=[AttendeeDraft("John Campion", "Police and Crime Commissioner")]
    )
    include_officers(
        attendance,
        Person("John Campion"),
        Person("Jackie Irvin", "Senior Policy Manager, OPCC", "SPM"),
        None,
    )
    assert [(a.name, a.abbreviation, a.status) for a in attendance.attendees] == [
        ("John Campion", None, PRESENT),
        ("Jackie Irvin", "SPM", PRESENT),
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Jackie Irvin Senior Policy Manager, OPCC",
            Person("Jackie Irvin", "Senior Policy Manager, OPCC", "SPM"),
        ),
        ("Mr John Smith", Person("John Smith")),
        ("Supt Jane Doe", Person("Jane Doe", "Superintendent", "Supt")),
        (
            "Ch Supt Raj Patel (Head of Contact)",
            Person("Raj Patel", "Chief Superintendent (Head of Contact)", "Ch Supt"),
        ),
        ("PCC John Campion", Person("John Campion", "Police and Crime Commissioner", "PCC")),
        (
            "John Smith (PCC) - Chair",
            Person("John Smith", "Police and Crime Commissioner", "PCC", True),
        ),
        (
            "Amira Kaur, PCC (Chair)",
            Person("Amira Kaur", "Police and Crime Commissioner", "PCC", True),
        ),
        ("Dan Whelan (Det Supt SOC)", Person("Dan Whelan", None, "Det Supt SOC")),
        ("Any other business", None),
        ("Police and Crime Commissioner", None),
        ("The force", None),
    ],
)
def test_split_person(text: str, person: Person | None) -> None:
    assert split_person(text) == person


@pytest.mark.parametrize(
    ("capacity", "expected"),
    [
        ("Police and Crime Commissioner (PCC)", ("Police and Crime Commissioner", "PCC")),
        ("Chief Executive, OPCC (CEx)", ("Chief Executive, OPCC", "CEx")),
        ("Deputy Chief Constable", ("Deputy Chief Constable", "DCC")),
        ("Chief Superintendent", ("Chief Superintendent", "Ch Supt")),
        ("Chief Finance Officer to the PCC", ("Chief Finance Officer to the PCC", "CFO")),
        (
            "Director of Commissioning and Partnerships",
            ("Director of Commissioning and Partnerships", "DoCP"),
        ),
        ("Acting Chief Inspector", ("Acting Chief Inspector", "A/CI")),
        ("Treasurer, OPCC (Treasurer)", ("Treasurer, OPCC", "Treasurer")),
        ("PCC", ("Police and Crime Commissioner", "PCC")),
        ("Head of Estates", ("Head of Estates", None)),
        ("", (None, None)),
    ],
)
def test_parse_capacity(capacity: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_capacity(capacity) == expected


def test_roles_and_names_helpers() -> None:
    assert abbreviation_for("Office of the PCC") == "OPCC"
    assert abbreviation_for("Police & Crime Commissioner for West Mercia") == "PCC"
    assert abbreviation_for("Temporary Detective Superintendent") == "T/Det Supt"
    assert abbreviation_for("Independent Member") is None
    assert expand_abbreviation("DPCC") == "Deputy Police and Crime Commissioner"
    assert expand_abbreviation("T/Supt") == "Temporary Superintendent"
    assert strip_titles("Cllr Dr Mary Jones") == "Mary Jones"
    assert same_person("J. Smith", "John Smith")
    assert same_person("Mr John Smith", "john smith")
    assert not same_person("John Smith", "Jane Doe")


def test_split_entries_merges_roles_into_names() -> None:
    assert split_entries(
        "Richard Halloran, Police and Crime Commissioner, Joanne Ashworth, Chief Constable and "
        "Neil Mottram. The meeting was quorate."
    ) == [
        "Richard Halloran, Police and Crime Commissioner",
        "Joanne Ashworth, Chief Constable",
        "Neil Mottram",
    ]
    assert split_entries("John Smith and Jane Doe") == ["John Smith", "Jane Doe"]


def test_role_first_tables_under_status_headings() -> None:
    attendance = attendance_of(
        "Attendees\nRole\tName\n"
        "Police and Crime Commissioner\tGraham Redfern (Chair)\n"
        "Chief Executive, OPCC\tAlison Thorne\n"
        "Head of Performance and Governance, OPCC\tKirsty Lamb (minutes)\n\n"
        "Apologies\nRole\tName\nChief Finance Officer, OPCC\tNeil Ormerod\n\n"
        "1.\tMatters arising\n"
    )
    assert rows(attendance) == [
        ("Graham Redfern", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Alison Thorne", "Chief Executive, OPCC", "CEO", PRESENT),
        ("Kirsty Lamb", "Head of Performance and Governance, OPCC", None, PRESENT),
        ("Neil Ormerod", "Chief Finance Officer, OPCC", "CFO", APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Graham Redfern"
    assert attendance.minute_taker is not None and attendance.minute_taker.name == "Kirsty Lamb"


def test_role_then_dash_then_name() -> None:
    attendance = attendance_of(
        "Attendees:\nPCC – Donna Jeffers (Chair)\nChief Constable – Amrit Basra\n"
        "Chief Executive, OPCC – Colin Padgett\n"
        "Policy and Performance Officer, OPCC – Hannah Reeve (notes)\n\n1. Public contact\n"
    )
    assert rows(attendance) == [
        ("Donna Jeffers", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Amrit Basra", "Chief Constable", "CC", PRESENT),
        ("Colin Padgett", "Chief Executive, OPCC", "CEO", PRESENT),
        ("Hannah Reeve", "Policy and Performance Officer, OPCC", None, PRESENT),
    ]
    assert attendance.minute_taker is not None and attendance.minute_taker.name == "Hannah Reeve"


def test_bilingual_labels_and_capacities() -> None:
    attendance = attendance_of(
        "Yn bresennol / Present:\n"
        "Emyr Pugh-Llywelyn, Comisiynydd Heddlu a Throseddu / Police and Crime Commissioner "
        "(Chair)\n"
        "Rhian Gwyther, Prif Weithredwr / Chief Executive, OPCC\n"
        "Mark Eccleston, Prif Gwnstabl / Chief Constable\n"
        "Owain Tudur, Swyddog Llywodraethu / Governance Officer (minutes)\n\n"
        "1. Ymddiheuriadau / Apologies\n"
    )
    assert rows(attendance) == [
        ("Emyr Pugh-Llywelyn", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Rhian Gwyther", "Chief Executive, OPCC", "CEO", PRESENT),
        ("Mark Eccleston", "Chief Constable", "CC", PRESENT),
        ("Owain Tudur", "Governance Officer", None, PRESENT),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Emyr Pugh-Llywelyn"


def test_chair_inside_the_capacity_brackets_and_vice_chair() -> None:
    attendance = attendance_of(
        "Present: Mr J Ashcroft (PCC – Chair), Councillor Aisha Malik (Vice-Chair), "
        "Miss R Yates (Minutes)\n"
    )
    assert rows(attendance) == [
        ("J Ashcroft", "Police and Crime Commissioner", "PCC", PRESENT),
        ("Aisha Malik", "Vice-Chair", None, PRESENT),
        ("R Yates", None, None, PRESENT),
    ]
    assert attendance.chair is not None and attendance.chair.name == "J Ashcroft"


def test_apologies_by_surname_join_the_listed_person() -> None:
    attendance = attendance_of(
        "APOLOGIES\nAssistant Chief Constable K Doyle\n\n"
        "1.\tAPOLOGIES\n1.1\tApologies were received from ACC Doyle.\n"
    )
    assert rows(attendance) == [("K Doyle", "Assistant Chief Constable", "ACC", APOLOGIES)]
    assert same_person("Doyle", "Kate Doyle")


def test_a_list_ends_at_the_first_agenda_item() -> None:
    attendance = attendance_of(
        "Present:\n• Bethan Tillotson, Police and Crime Commissioner (PCC) – Chair\n"
        "• James Mercer, Governance Officer, OPCC (GO) – minutes\n"
        "1. Holding to account – Rape and Serious Sexual Offences\n"
        "The PCC referred to support for victims.\n"
    )
    assert [a.name for a in attendance.attendees] == ["Bethan Tillotson", "James Mercer"]


def test_apologies_for_non_attendance_came_from_and_a_substitution() -> None:
    text = (
        "Apologies for non-attendance came from Councillors Lowe, Roper and Hart. "
        "Councillor Lowe was substituted by Councillor Wolfe.\n\n"
        "Apologies for non-attendance also came from substitutes Councillors Marr and Nunn.\n"
    )
    found = parse_attendance(text, split_lines(text)).attendees
    assert [(a.name, a.status) for a in found] == [
        ("Lowe", AttendanceStatus.APOLOGIES),
        ("Roper", AttendanceStatus.APOLOGIES),
        ("Hart", AttendanceStatus.APOLOGIES),
        ("Wolfe", AttendanceStatus.PRESENT),
        ("Marr", AttendanceStatus.APOLOGIES),
        ("Nunn", AttendanceStatus.APOLOGIES),
    ]


def _found(text: str) -> list[tuple[str, AttendanceStatus]]:
    return [(a.name, a.status) for a in parse_attendance(text, split_lines(text)).attendees]


def test_a_numbered_paragraph_that_labels_a_bulleted_list() -> None:
    assert _found(
        "21. Apologies and Substitutes\n\nMinutes:\n\n"
        "1.    Apologies were received from:\n\n"
        "·         Cllr Ann Bell\n\n·         Cllr Roy Tapp\n\n"
        "2.    Councillor Webb substituted for Councillor Tapp.\n"
    ) == [
        ("Ann Bell", AttendanceStatus.APOLOGIES),
        ("Roy Tapp", AttendanceStatus.APOLOGIES),
        ("Webb", AttendanceStatus.PRESENT),
    ]


def test_apologies_from_the_following_members() -> None:
    assert _found(
        "(1) The Head of Democratic Services reported apologies from the following Members: "
        "Councillor Ann Bell (Rye Council) Councillor Roy Tapp (Hove Council)\n"
    ) == [("Ann Bell", AttendanceStatus.APOLOGIES), ("Roy Tapp", AttendanceStatus.APOLOGIES)]


def test_initials_with_stops_in_an_apology_and_a_substitute_attending() -> None:
    assert _found(
        "An apology for absence was received on behalf of Councillor R. J. Bell. "
        "Councillor C. Tapp confirmed he was attending as a substitute for Councillor R. J. Bell.\n"
    ) == [("R. J. Bell", AttendanceStatus.APOLOGIES), ("C. Tapp", AttendanceStatus.PRESENT)]


def test_apologies_under_a_minutes_label() -> None:
    assert _found(
        "26.\n\nApologies\n\nMinutes:\n\n"
        "Councillors M Bell and K Tapp (Rye Council), J Webb (Hove Council) and Ann Lowe "
        "(Independent Member).\n\n27.\n\nMinutes\n"
    ) == [
        ("M Bell", AttendanceStatus.APOLOGIES),
        ("K Tapp", AttendanceStatus.APOLOGIES),
        ("J Webb", AttendanceStatus.APOLOGIES),
        ("Ann Lowe", AttendanceStatus.APOLOGIES),
    ]


def test_a_group_label_names_only_its_own_line_and_and_inside_brackets() -> None:
    found = parse_attendance(
        text := (
            "PRESENT: Councillor D Bell (Chair)\n\n"
            "Independent Co-opted Members: Mr A Tapp and Professor A Webb\n\n"
            "M Lowe, S Parkin and F Hale (Office of the Police and Crime Commissioner)\n"
        ),
        split_lines(text),
    ).attendees
    assert [(a.name, a.capacity) for a in found] == [
        ("D Bell", None),
        ("A Tapp", "Independent Co-opted Members"),
        ("A Webb", "Independent Co-opted Members"),
        # (the office in brackets after the run of names is each one's, as the records of
        # such lists give it)
        ("M Lowe", "Office of the Police and Crime Commissioner"),
        ("S Parkin", "Office of the Police and Crime Commissioner"),
        ("F Hale", "Office of the Police and Crime Commissioner"),
    ]


def test_a_bulleted_apology_followed_by_a_sentence_about_the_deputy() -> None:
    assert _found(
        "Apologies for Absence\n\nApologies were received from:\n\n"
        "  • Councillor Ann Bell, Rye District Council. Councillor Roy Tapp was in attendance "
        "as her deputy, but did not have a vote.\n"
        "  • Councillor Ida Webb, Additional Co-opted Member\n"
    ) == [
        ("Ann Bell", AttendanceStatus.APOLOGIES),
        ("Ida Webb", AttendanceStatus.APOLOGIES),
        ("Roy Tapp", AttendanceStatus.PRESENT),
    ]


def test_named_substitutes_and_the_members_they_stood_in_for() -> None:
    assert _found(
        "Named Substitutes\n\nThe named substitutes were:\n\n"
        "Cllr Ann Bell for Cllr Roy Tapp (Rye County Council)\n\n"
        "Cllr Ida Webb for Cllr Sam Lowe (Hove County Council)\n\n"
        "Apologies and Declarations of Interest\n\n"
        "Apologies were received from Councillors Tapp and Lowe.\n"
    ) == [
        ("Ann Bell", AttendanceStatus.PRESENT),
        ("Ida Webb", AttendanceStatus.PRESENT),
        ("Tapp", AttendanceStatus.APOLOGIES),
        ("Lowe", AttendanceStatus.APOLOGIES),
    ]


def test_a_prose_sentence_after_a_labelled_list_is_read_as_a_sentence() -> None:
    assert _found(
        "Apologies were received from Councillors Ann Bell and Roy Tapp.  In addition, Mrs Ida "
        "Webb and Colonel Sam Lowe  Co-opted Lay Members had also given apologies.\n"
    ) == [
        ("Ann Bell", AttendanceStatus.APOLOGIES),
        ("Roy Tapp", AttendanceStatus.APOLOGIES),
        ("Ida Webb", AttendanceStatus.APOLOGIES),
        ("Sam Lowe", AttendanceStatus.APOLOGIES),
    ]


def test_a_substitute_attending_with_an_apology() -> None:
    assert _found(
        "Apologies for absence were received from Councillor Ann Bell (Rye Borough Council) "
        "with Councillor Roy Tapp attending as substitute.\n"
    ) == [("Ann Bell", AttendanceStatus.APOLOGIES), ("Roy Tapp", AttendanceStatus.PRESENT)]


def test_a_table_column_that_gives_each_row_attendance() -> None:
    found = parse_attendance(
        text := (
            "Name\tOrganisation\tAttendance\n"
            "Ann Bell\tRye Council\tPresent\n"
            "Roy Tapp\tHove Council\tApologies\n"
            "Ida Webb\tLewes Council\tPresent\n\n"
            "1. Welcome\n"
        ),
        split_lines(text),
    ).attendees
    assert [(a.name, a.capacity, a.status) for a in found] == [
        ("Ann Bell", "Rye Council", AttendanceStatus.PRESENT),
        ("Roy Tapp", "Hove Council", AttendanceStatus.APOLOGIES),
        ("Ida Webb", "Lewes Council", AttendanceStatus.PRESENT),
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Absent with apologies:",
        "Members not in attendance:",
        "The following apologies were received:",
        "Apologies received:",
    ],
)
def test_more_labels_for_apologies(label: str) -> None:
    assert _found(f"{label} Cllr Ann Bell, Cllr Roy Tapp\n") == [
        ("Ann Bell", AttendanceStatus.APOLOGIES),
        ("Roy Tapp", AttendanceStatus.APOLOGIES),
    ]


def test_an_apologies_mark_after_a_name_in_a_list_of_those_present() -> None:
    assert _found(
        "PRESENT: Councillor Ann Bell (Chair), Councillor Roy Tapp (apologies), "
        "Councillor Ida Webb\n"
    ) == [
        ("Ann Bell", AttendanceStatus.PRESENT),
        ("Roy Tapp", AttendanceStatus.APOLOGIES),
        ("Ida Webb", AttendanceStatus.PRESENT),
    ]


def test_labels_with_a_note_on_how_people_attended() -> None:
    assert _found(
        "Present (in person): Councillor Ann Bell (Chair), Councillor Roy Tapp\n"
        "Present (remotely): Mr Ida Webb\n"
        "In attendance (virtually): Jo Hale (Scrutiny Officer)\n"
    ) == [
        ("Ann Bell", AttendanceStatus.PRESENT),
        ("Roy Tapp", AttendanceStatus.PRESENT),
        ("Ida Webb", AttendanceStatus.PRESENT),
        ("Jo Hale", AttendanceStatus.IN_ATTENDANCE),
    ]


def test_apologies_for_another_meeting_are_not_this_meetings() -> None:
    assert _found(
        "Apologies had been sent by Cllr Ann Bell for the September meeting but had not been "
        "recorded.\n\nApologies were received from Cllr Roy Tapp for the Panel meeting.\n"
    ) == [("Roy Tapp", AttendanceStatus.APOLOGIES)]


def test_a_given_name_run_into_the_surname_is_parted() -> None:
    person = split_person("Councillor OliviaBramley-Hurst MA (Riverton City Council)")
    assert person is not None
    assert (person.name, person.capacity) == ("Olivia Bramley-Hurst", "Riverton City Council")
    # a capital inside a surname is not a given name run into it
    assert split_person("Mr Tam MacGillivray").name == "Tam MacGillivray"  # type: ignore[union-attr]


def test_a_document_pack_banner_is_not_a_person() -> None:
    assert split_person("Public Document Pack") is None


def test_a_resolution_names_the_chair_without_its_opening_words() -> None:
    text = (
        "1. Election of Chair\n\n"
        "RESOLVED – That Mr Owen Tarrant be appointed Chairman of the Panel for the year.\n\n"
        "2. Apologies\n"
    )
    chair = attendance_of(text).chair
    assert chair is not None and chair.name == "Owen Tarrant"
    text = "That Riverton Councillor Hana Lisle be elected as Chair of the Panel.\n"
    chair = attendance_of(text).chair
    assert chair is not None and chair.name == "Hana Lisle"


@pytest.mark.parametrize(
    ("entry", "name", "capacity"),
    [
        ("Governor Liam Ostler", "Liam Ostler", "Governor"),
        ("Nadia Penrose (NPe) Hartley & Vale", "Nadia Penrose", "Hartley & Vale"),
    ],
)
def test_a_governor_and_a_firm_after_a_name(entry: str, name: str, capacity: str) -> None:
    person = split_person(entry)
    assert person is not None
    assert (person.name, person.capacity) == (name, capacity)


@pytest.mark.parametrize(
    "line", ["View Profile", "Test Valley", "St Helens CSP", "Non-Pecuniary Interests"]
)
def test_places_links_and_titles_are_not_people(line: str) -> None:
    assert split_person(line) is None


def test_a_table_heading_with_and_is_not_a_person() -> None:
    assert split_person("Agenda Item and Discussion Points") is None
    assert split_person("Discussion Points") is None


@pytest.mark.parametrize(
    "entry",
    [
        "Orla Penhale (OP) Co-Chair – Police & Crime Commissioner",
        "Orla Penhale (OP) Chair Police and Crime Commissioner",
    ],
)
def test_a_chair_word_between_the_initials_and_the_role(entry: str) -> None:
    person = split_person(entry)
    assert person is not None and person.is_chair
    assert (person.name, person.capacity) == ("Orla Penhale", person.capacity)
    assert person.capacity is not None and person.capacity.endswith("Crime Commissioner")
