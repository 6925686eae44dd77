"""Attendance as front sheets print it: names broken across lines, offices set with dot
leaders, numbered sub-lists run on after an item's heading, a person to a line with the
office on the line below, and per-person status lines of a portal page kept by cleaning."""

from ingest.clean import clean_text
from ingest.parse.people import split_person
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def chair_of(text: str) -> str | None:
    chair = attendance_of(text).chair
    return chair.name if chair else None


# -- a name broken across lines -------------------------------------------------------------


def test_a_title_and_initial_ending_a_line_join_the_surname_below() -> None:
    text = (
        "Attendance:\n\n"
        "Staff: Ms A Quill (Head of Audit), Mr B\n"
        "Rendle (Treasurer), Dr C Voss (Adviser) and Mrs D\n"
        "Yarrow (Clerk).\n\n"
        "Guests: Mr E Fane (Wessex Federation).\n\n"
        "1. Apologies\n"
    )
    assert people(text) == [
        ("A Quill", IN_ATTENDANCE),
        ("B Rendle", IN_ATTENDANCE),
        ("C Voss", IN_ATTENDANCE),
        ("D Yarrow", IN_ATTENDANCE),
        ("E Fane", IN_ATTENDANCE),
    ]


def test_a_title_alone_or_a_given_name_ending_a_line_join_the_name_below() -> None:
    text = (
        "Present: Cllr Ivo Marsh; Cllr\n"
        "Petra Lund; Dr Omar Hale\n\n"
        "Apologies:\n"
        "ACC Tom Reed, Megan\n"
        "Carrow, Nina Sale and Ruth\n"
        "Dorling.\n"
    )
    assert people(text) == [
        ("Ivo Marsh", PRESENT),
        ("Petra Lund", PRESENT),
        ("Omar Hale", PRESENT),
        ("Tom Reed", APOLOGIES),
        ("Megan Carrow", APOLOGIES),
        ("Nina Sale", APOLOGIES),
        ("Ruth Dorling", APOLOGIES),
    ]


# -- offices set with dot leaders -----------------------------------------------------------


def test_offices_with_dot_leaders_start_the_list_of_members() -> None:
    text = (
        "1 WESSEX POLICE AUTHORITY MINUTES of a meeting\n\n"
        "MINUTES of a meeting of the Wessex Police Authority held on 3 May 2011.\n\n"
        "Chairman…………… Mr P Garrow\n"
        "Vice-Chairman…….. Mrs Q Hendra\n"
        "Mr R Ivey, Mrs S Jago, Mr T\n"
        "Kemp and Ms U Lobb\n\n"
        "Officers in Attendance\n"
        "Ms V Moyle (Chief Executive)\n\n"
        "P/101 Apologies for Absence\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("P Garrow", PRESENT),
        ("Q Hendra", PRESENT),
        ("R Ivey", PRESENT),
        ("S Jago", PRESENT),
        ("T Kemp", PRESENT),
        ("U Lobb", PRESENT),
        ("V Moyle", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "P Garrow"


def test_a_dot_leader_parts_an_office_from_a_name_either_way_round() -> None:
    office_first = split_person("Clerk to the Panel ...... Dr Ann Beale")
    assert office_first is not None
    assert (office_first.name, office_first.capacity) == ("Ann Beale", "Clerk to the Panel")
    name_first = split_person("Cllr Rob Tate . . . . . . . . Treasurer".replace(" .", "."))
    assert name_first is not None
    assert (name_first.name, name_first.capacity) == ("Rob Tate", "Treasurer")
    chair = split_person("Chair………Jo Penrose")
    assert chair is not None and chair.name == "Jo Penrose" and chair.is_chair


# -- numbered sub-lists run on after the item's heading ---------------------------------------


def test_numbered_sub_lists_run_on_after_the_attendance_heading() -> None:
    text = (
        "Minutes of the Meeting held on 4 March 2011\n\n"
        "1. ATTENDANCE 1.1 Present Sir Edgar Quint President (Chair) Oliver Brandt Vice "
        "President Helen Morrow Head of Futures Business Area Simon Keel Staff representative "
        "1.2 Special Advisers Grace Tolley Media Adviser 1.3 In Attendance for Specific Items "
        "Martin Oakes Owen Fairley Staff Officer to the President\n\n"
        "1.4 Apologies Apologies were received from Chief Constable Ruth Penn.\n\n"
        "2. MINUTES OF THE PREVIOUS MEETING 2.1 The minutes were agreed.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Edgar Quint", PRESENT),
        ("Oliver Brandt", PRESENT),
        ("Helen Morrow", PRESENT),
        ("Simon Keel", PRESENT),
        ("Grace Tolley", IN_ATTENDANCE),
        ("Martin Oakes", IN_ATTENDANCE),
        ("Owen Fairley", IN_ATTENDANCE),
        ("Ruth Penn", APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Edgar Quint"


def test_numbered_sub_lists_with_titles_after_an_attendees_heading() -> None:
    text = (
        "3) Attendees 3.1 Members Cllr Dora Finch Cllr Alan Pryde "
        "3.2 Officers Mr Hugh Lamb Clerk Ms Rita Vane Monitoring Officer\n\n"
        "4) Declarations of interest\n"
    )
    assert people(text) == [
        ("Dora Finch", PRESENT),
        ("Alan Pryde", PRESENT),
        ("Hugh Lamb", IN_ATTENDANCE),
        ("Rita Vane", IN_ATTENDANCE),
    ]


# -- a person to a line, the office on the line below -----------------------------------------


def test_rank_and_name_lines_each_over_its_force() -> None:
    text = (
        "Chiefs' Council Minutes\n"
        "Date Created:\n"
        "2 June 2021\n"
        "9 June 2021, Virtual Meeting\n"
        "AC Ruth Kemble\n"
        "Council Chair\n"
        "CC Owen Pardew\n"
        "Northmoor\n"
        "DCC Lisa Crane\n"
        "CC Adam Weir\n"
        "Eastshire Constabulary\n"
        "Apologies\n"
        "CC Paul Vinter\n"
        "Westvale\n"
        "1. Chair's Introduction\n"
        "1.1 The Chair welcomed members.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ruth Kemble", "AC", PRESENT),
        ("Owen Pardew", "CC, Northmoor", PRESENT),
        ("Lisa Crane", "Deputy Chief Constable", PRESENT),
        ("Adam Weir", "CC, Eastshire Constabulary", PRESENT),
        ("Paul Vinter", "CC, Westvale", APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Ruth Kemble"


def test_names_with_offices_below_under_a_label_keep_their_apologies() -> None:
    text = (
        "Present:\n"
        "Supt Dan Oxley\n"
        "Wessex Police\n"
        "Cllr Mary Tolland\n"
        "Rye District\n"
        "Cllr Ben Ashe\n"
        "Apologies: Cllr Lena Grove, Dr Ian\n"
        "Rusk and Ann Fowey.\n"
        "MINUTES\n"
        "Item\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Dan Oxley", "Superintendent, Wessex Police", PRESENT),
        ("Mary Tolland", "Rye District", PRESENT),
        ("Ben Ashe", None, PRESENT),
        ("Lena Grove", None, APOLOGIES),
        ("Ian Rusk", None, APOLOGIES),
        ("Ann Fowey", None, APOLOGIES),
    ]


def test_a_chair_named_with_the_body_before_the_word() -> None:
    for entry in ("Jo Penrose – WPB Chair", "Jo Penrose, Panel Chair"):
        person = split_person(entry)
        assert person is not None and person.is_chair, entry
    vice = split_person("Jo Penrose – VICE CHAIR")
    assert vice is not None and not vice.is_chair


def test_territorial_decoration_is_a_postnominal() -> None:
    person = split_person("Mr Alf Dunmore TD JP")
    assert person is not None and person.name == "Alf Dunmore"


# -- a portal's person blocks keep their status lines through cleaning ------------------------


def _portal_page(statuses: list[tuple[str, str, str]], heading: str = "Meeting Attendees") -> str:
    blocks = [
        f"{role}\nCouncillor {name}\n\n{council}\n\n{status}\n"
        for (name, council, status), role in zip(
            statuses, ["Chairman", *["Committee Member"] * (len(statuses) - 1)], strict=True
        )
    ]
    return f"Wessex Police and Crime Panel\nDate:\n4 May 2022\n{heading}\n" + "\n".join(blocks)


def test_status_lines_repeated_in_each_person_block_survive_cleaning() -> None:
    rows = [
        ("Ada Moss", "Rye Council", "Present, as expected"),
        ("Ben Holt", "Lea Council", "Present, as expected"),
        ("Cara Lund", "Oak Council", "Apologies"),
        ("Dev Shah", "Elm Council", "Present, as expected"),
        ("Eve Kerr", "Ash Council", "Apologies"),
        ("Finn Rowe", "Yew Council", "Absent"),
        ("Gail Orme", "Fir Council", "Apologies"),
    ]
    text = clean_text(_portal_page(rows)).text
    assert text.count("Present, as expected") == 3
    assert text.count("Committee Member") == 6
    found = people(text)
    assert found == [
        ("Ada Moss", PRESENT),
        ("Ben Holt", PRESENT),
        ("Cara Lund", APOLOGIES),
        ("Dev Shah", PRESENT),
        ("Eve Kerr", APOLOGIES),
        ("Finn Rowe", APOLOGIES),
        ("Gail Orme", APOLOGIES),
    ]


def test_status_lines_under_an_attendance_heading_survive_but_page_furniture_goes() -> None:
    rows = [(f"Name{letter} Surname", "Council", "Attended") for letter in "abcdef"]
    rows = [(n.replace("Name", "Jo").title(), c, s) for n, c, s in rows]
    page = _portal_page(rows, heading="Attendance")
    banner = "Wessex Council – Committee Information"
    text = "\n".join(f"{banner}\nItem {n} was noted.\nThe Panel agreed it." for n in range(4))
    cleaned = clean_text(f"{page}\n{text}").text
    assert cleaned.count("Attended") == 6
    assert cleaned.count(banner) == 0


# -- "Name, Office" pairs run on with no separator between them -------------------------------


def test_names_each_before_a_comma_part_a_run_of_offices() -> None:
    text = (
        "1. Attendees: Gareth Hollis AM, Cabinet Secretary for Justice (Chair) Megan Pryce, "
        "Special Adviser Owen Lewis, Commissioner for Northmoor and Chair of the Forum. "
        "Ruth Dale, Chief Constable, Westvale Police Catrin Hughes, Director General, "
        "Health & Housing, Simon Tate, Head of Policy, Rye Government\n\n"
        "2. Apologies Helen Moss, Director of Prisons, Martin Greer, Deputy Director, "
        "Fire Service\n\n"
        "3. Chair's opening address The Chair welcomed members.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Gareth Hollis", PRESENT),
        ("Megan Pryce", PRESENT),
        ("Owen Lewis", PRESENT),
        ("Ruth Dale", PRESENT),
        ("Catrin Hughes", PRESENT),
        ("Simon Tate", PRESENT),
        ("Helen Moss", APOLOGIES),
        ("Martin Greer", APOLOGIES),
    ]
    assert attendance.attendees[4].capacity == "Director General, Health & Housing"
    assert attendance.chair is not None and attendance.chair.name == "Gareth Hollis"


def test_a_plain_comma_list_of_names_is_not_read_as_name_office_pairs() -> None:
    text = (
        "Present: Cllr Anne Ord, Wendy Pike, Insp Rachel Dunn, Lynne Faber (for Sue Lark)\n"
        "Apologies: Ida Webb, Deputy Roy Tapp and Julian Sowden.\n"
    )
    assert people(text) == [
        ("Anne Ord", PRESENT),
        ("Wendy Pike", PRESENT),
        ("Rachel Dunn", PRESENT),
        ("Lynne Faber", PRESENT),
        ("Ida Webb", APOLOGIES),
        ("Roy Tapp", APOLOGIES),
        ("Julian Sowden", APOLOGIES),
    ]


# -- who chaired ----------------------------------------------------------------------------


def test_a_chair_taken_for_the_opening_items_gives_way_to_the_one_taken_after() -> None:
    text = (
        "Chair\n\nAs the election of the Chair was Item Two, Mr Idris Lowe Solicitor took the "
        "Chair for Items One and Two.\n\n"
        "2. Appointment of Chair\n\nThat Councillor Mair Teague be appointed as Chair.\n\n"
        "Councillor Mair Teague took the Chair and thanked the Panel.\n"
    )
    assert chair_of(text) == "Mair Teague"
    only_interim = (
        "Cllr Ivor Dane took the chair during the election of the Chairman.\n\n"
        "5. Minutes\n\nThe minutes were agreed.\n"
    )
    assert chair_of(only_interim) == "Ivor Dane"


def test_a_role_after_the_name_of_who_took_the_chair_is_not_their_surname() -> None:
    assert chair_of("Mr Gethin Ross Solicitor took the Chair.\n") == "Gethin Ross"
    assert chair_of("Mrs Ann Lee Treasurer was in the Chair.\n") == "Ann Lee"


# -- words that only look like names are not a list -------------------------------------------


def test_titles_of_papers_under_a_date_are_not_an_unlabelled_list() -> None:
    text = (
        "Resources Board\n"
        "Further meetings are planned for:\n"
        "17 March 2021 at 10am\n"
        "The papers appear below.\n"
        "Emerging Risks County Lines (Drug Supply)\n"
        "Emerging Risks Fraud Against Older People\n"
        "Budget Monitoring and Savings Update\n"
    )
    assert people(text) == []
    listed = text.replace(
        "Emerging Risks County Lines (Drug Supply)\nEmerging Risks Fraud Against Older People",
        "Ruth Ames (Chief Executive)\nT Pelham (Treasurer)\n\nThe agenda is below.",
    )
    assert people(listed) == [("Ruth Ames", PRESENT), ("T Pelham", PRESENT)]


# -- labels in a column, surnames of two words, groups inside a sentence's list ----------------


def test_a_label_set_in_a_column_beside_its_first_name() -> None:
    text = (
        "Present:      Mrs G Tudwal (Chair)\n"
        "              Cllr A Pugh Jones\n"
        "              Mrs E Wyn Davies\n\n"
        "In attendance: Ms R Lewis–Morgan (Press Officer)\n\n"
        "Observers     Mrs D Hywel\n"
        "              Prof I Harlech\n\n"
        "CE01 Appointment of Chair\n"
    )
    assert people(text) == [
        ("G Tudwal", PRESENT),
        ("A Pugh Jones", PRESENT),
        ("E Wyn Davies", PRESENT),
        ("R Lewis–Morgan", IN_ATTENDANCE),
        ("D Hywel", IN_ATTENDANCE),
        ("I Harlech", IN_ATTENDANCE),
    ]


def test_a_label_without_a_colon_before_councillors_named_by_surname() -> None:
    text = (
        "Minutes of the Meeting of the Westshire Fire Authority held on Monday, 5 March 2012\n\n"
        "Members Councillors Arden, Mrs Bexley, Dr Crane, Dunmore (Vice-Chair) and Elton "
        "(Chair)\n\n"
        "Officers Chief Fire Officer, Treasurer and Monitoring Officer\n\n"
        "1 Apologies for Absence\n\n"
        "Apologies for absence had been received from Councillor Fenwick.\n"
    )
    assert people(text) == [
        ("Arden", PRESENT),
        ("Bexley", PRESENT),
        ("Crane", PRESENT),
        ("Dunmore", PRESENT),
        ("Elton", PRESENT),
        ("Fenwick", APOLOGIES),
    ]
    assert chair_of(text) == "Elton"


def test_a_place_after_initials_and_a_surname_is_not_part_of_the_name() -> None:
    person = split_person("Cllr J Penn Rye")
    assert person is not None and (person.name, person.capacity) == ("J Penn", "Rye")


def test_a_group_named_inside_a_list_of_apologies_is_nobody() -> None:
    text = (
        "Apologies for absence were received from Councillors A Brook, Mrs C Tarrant and "
        "Co-opted Members Mr C Mold and Mrs E Orme.\n\n"
        "The Chief Executive had named Councillors W J Ashdown and Mrs J Rowe as replacement "
        "members of the Committee in place of Councillors Mrs C Tarrant and A Brook, "
        "respectively, for this meeting only.\n\n"
        "The Chairman welcomed to the meeting Gail Kirk (Police and Crime Commissioner) and "
        "Neil Forde (Chief Constable).\n"
    )
    assert people(text) == [
        ("A Brook", APOLOGIES),
        ("C Tarrant", APOLOGIES),
        ("C Mold", APOLOGIES),
        ("E Orme", APOLOGIES),
        ("W J Ashdown", PRESENT),
        ("J Rowe", PRESENT),
        ("Gail Kirk", IN_ATTENDANCE),
        ("Neil Forde", IN_ATTENDANCE),
    ]


# -- status from a group label inside a run, and "in attendance" in a sentence -----------------


def test_an_officials_label_inside_a_run_read_across_a_page() -> None:
    text = (
        "A meeting of the Executive was held on 3 May 2009. PRESENT: Councillor Ann Bligh, "
        "Councillor Ray Coe Independent Members Mr Alf Rudd and Mrs Pat Stone OFFICIALS : Mr Jo "
        "Tate and Mrs Una Vine (CE) 98 APOLOGIES FOR ABSENCE\n"
    )
    assert people(text) == [
        ("Ann Bligh", PRESENT),
        ("Ray Coe", PRESENT),
        ("Alf Rudd", PRESENT),
        ("Pat Stone", PRESENT),
        ("Jo Tate", IN_ATTENDANCE),
        ("Una Vine", IN_ATTENDANCE),
    ]
    officers = text.replace("OFFICIALS :", "Officers:")
    assert [status for _, status in people(officers)][-2:] == [IN_ATTENDANCE, IN_ATTENDANCE]


def test_councillors_in_attendance_attend_unless_standing_in_for_a_member() -> None:
    text = (
        "5. Public Speaking\n\n"
        "Councillors Ash, Bly and Crane were in attendance.\n\n"
        "It was noted that Cllr Dan Ewart was in attendance as the deputy for Rye Council. "
        "Cllr Fay Gunn was in attendance from Item 7, as a substitute for Cllr Hal Ince.\n"
    )
    assert people(text)[:5] == [
        ("Ash", IN_ATTENDANCE),
        ("Bly", IN_ATTENDANCE),
        ("Crane", IN_ATTENDANCE),
        ("Dan Ewart", PRESENT),
        ("Fay Gunn", PRESENT),
    ]


def test_the_one_therefore_or_duly_appointed_chair() -> None:
    text = (
        "1. Election of Chair\n\nNominations were invited. Nadia Forde was proposed by Ivan "
        "Rusk. No other names were put forward and Nadia Forde was therefore appointed Chair "
        "of the Panel for the year.\n"
    )
    assert chair_of(text) == "Nadia Forde"
    duly = "RESOLVED – That Cllr Owen Tarr be duly elected as Chairman for the year.\n"
    assert chair_of(duly) == "Owen Tarr"


def test_an_office_of_two_words_after_an_untitled_name() -> None:
    for entry, name, office in (
        ("Keith Tolley Media Adviser", "Keith Tolley", "Media Adviser"),
        ("Grace Penrose Press Officer", "Grace Penrose", "Press Officer"),
        ("Mary Ann Hale Chief Executive", "Mary Ann Hale", "Chief Executive"),
        ("Jo Pugh Jones Treasurer", "Jo Pugh Jones", "Treasurer"),
    ):
        person = split_person(entry)
        assert person is not None and (person.name, person.capacity) == (name, office), entry


def test_a_long_list_of_guests_welcomed_to_the_meeting() -> None:
    text = (
        "The Chair welcomed Mr Rhys Vaughan-Lloyd Police and Crime Commissioner, Mr Owen "
        "Jestyn Deputy Chief Constable, Sian Parry Assistant Police and Crime Commissioner and "
        "Sergeant Huw Bevington to the Meeting.\n"
    )
    assert people(text) == [
        ("Rhys Vaughan-Lloyd", IN_ATTENDANCE),
        ("Owen Jestyn", IN_ATTENDANCE),
        ("Sian Parry", IN_ATTENDANCE),
        ("Huw Bevington", IN_ATTENDANCE),
    ]
    first = "The Chairman welcomed Councillor Ada Brook to her first meeting of the Panel.\n"
    assert people(first) == [("Ada Brook", PRESENT)]


# -- a form's values between its "Attendees:" label and the names ------------------------------


def test_a_forms_values_before_the_names_under_its_attendees_label() -> None:
    text = (
        "NOTES/ACTIONS SHEET\n"
        "Name of meeting:\nWESSEX SAFETY PARTNERSHIP\n"
        "Date:\nTime (from/to):\nLocation held:\nAttendees:\n"
        "4th March 2015\n10:00am-12:00pm\nRyeford Town Hall\n"
        "(CHAIR) Petra Lund\nPolice & Crime Commissioner\n"
        "Dr Omar Hale\nOPCC\n"
        "Ruth Dorling\nOPCC\n"
        "Supt. Ivo Marsh\nWessex Police\n"
        "Apologies:\nCllr Nina Sale and Megan Carrow.\n"
        "MINUTES/ACTIONS\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Petra Lund", "Police & Crime Commissioner", PRESENT),
        ("Omar Hale", "Office of the Police and Crime Commissioner", PRESENT),
        ("Ruth Dorling", "Office of the Police and Crime Commissioner", PRESENT),
        ("Ivo Marsh", "Superintendent, Wessex Police", PRESENT),
        ("Nina Sale", None, APOLOGIES),
        ("Megan Carrow", None, APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Petra Lund"


def test_a_date_and_a_time_under_a_present_label_are_passed_over() -> None:
    text = "Present:\n12 May 2016\n14:00 - 15:30\nMr Adam Weir\nMrs Lisa Crane\n\n1. Welcome\n"
    assert people(text) == [("Adam Weir", PRESENT), ("Lisa Crane", PRESENT)]
