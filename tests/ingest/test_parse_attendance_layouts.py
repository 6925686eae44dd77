"""Attendance in the layouts of published minutes: runs read across a page, marks, plural
titles, role-first lines, lists without a label, and attendance stated in sentences."""

from ingest.parse.attendance import include_officers
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def test_run_read_across_a_page_with_labels_inside_it() -> None:
    attendance = attendance_of(
        "Wessex Police and Crime Panel Minutes of the Meeting held on 4 March 2019 at 10am "
        "Panel Members Present: Mr Owen Tarrant (Chairman) Wessex County Council Mrs Ivy "
        "Platt North Wessex District Council Group Captain Len Moss Co-opted Independent "
        "Member Officers Present: Ms Dora Quince Scrutiny Manager, WCC Others Present "
        "Mr Saul Fenn Chief Constable, Wessex Police 1. Apologies 1.1 Apologies had been "
        "received from Mr Ned Vane.\n"
    )
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Owen Tarrant", "Wessex County Council", PRESENT),
        ("Ivy Platt", "North Wessex District Council", PRESENT),
        ("Len Moss", "Co-opted Independent Member", PRESENT),
        ("Dora Quince", "Scrutiny Manager, WCC", IN_ATTENDANCE),
        ("Saul Fenn", "Chief Constable, Wessex Police", IN_ATTENDANCE),
        ("Ned Vane", None, APOLOGIES),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Owen Tarrant"


def test_present_and_absent_marks() -> None:
    assert people(
        "MINUTES OF A MEETING OF THE PANEL HELD ON 4TH MAY 2015 Mendip Council "
        "P. Councillor Ada Lowe P. Councillor Ben Roper Taunton Council A. Councillor Cy Hart "
        "Independent Members P. Dee Wolfe Officers Present: Eve Marr – Lead Officer Fay "
        "Nunn – Chief Constable PCP 12/15 MEMBERSHIP The Chairman reported that Mr Gil "
        "Ober had stood down.\n"
    ) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", APOLOGIES),
        ("Dee Wolfe", PRESENT),
        ("Eve Marr", IN_ATTENDANCE),
        ("Fay Nunn", IN_ATTENDANCE),
    ]


def test_councillors_by_surname_in_a_paragraph() -> None:
    attendance = attendance_of(
        "PRESENT: – Councillor Oakley in the chair.\n\n"
        "Councillors Brandt (Vice-Chair), Cole (Substitute for Councillor Pym), Dey and Eke.\n\n"
        "Councillor Finch attended the meeting in accordance with Procedure Rule 1.37 (b).\n\n"
        "101 DECLARATIONS OF INTEREST - None.\n"
    )
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Oakley", PRESENT),
        ("Brandt", PRESENT),
        ("Cole", PRESENT),
        ("Dey", PRESENT),
        ("Eke", PRESENT),
        ("Finch", PRESENT),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Oakley"


def test_label_run_into_the_first_name_and_names_glued_to_councils() -> None:
    attendance = attendance_of(
        "PRESENT:Councillor Haworth (Chair)- Leeds City Council\n\n"
        "Councillor Pickles- Bradford MDC\n\n"
        "Jane Thornton- Independent\n\n"
        "IN ATTENDANCE:Gary Ellis- AWYA\n\n"
        "1.Introductions and Apologies\n"
    )
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Haworth", "Leeds City Council", PRESENT),
        ("Pickles", "Bradford MDC", PRESENT),
        ("Jane Thornton", "Independent", PRESENT),
        ("Gary Ellis", "AWYA", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Haworth"


def test_names_under_welcome_and_introductions_with_roles_first() -> None:
    attendance = attendance_of(
        "ACCOUNTABILITY BOARD\nMinutes\n8th December 2020\n"
        "1. Welcome and introductions\n"
        "PFCC Stan Mould (SM)\n"
        "Nina Marsh (NM)\n"
        "CC Nick Adley (NA)\n"
        "Chief Finance Officer Val Ashby (VA)\n"
        "D/Chief Inspector Lorna Gold\n"
        "Apologies were accepted from ACC Jim Andrew; ACC Sam Blatch and DCI Liz Wilby\n"
        "2. Previous minutes and action log\n"
        "Chief Officer Paul Bell, ACC Jim Andrew and ACFO Shaun Hall joined the meeting.\n"
    )
    assert [(a.name, a.capacity, a.abbreviation, a.status) for a in attendance.attendees] == [
        ("Stan Mould", "Police, Fire and Crime Commissioner", "SM", PRESENT),
        ("Nina Marsh", None, "NM", PRESENT),
        ("Nick Adley", "Chief Constable", "NA", PRESENT),
        ("Val Ashby", "Chief Finance Officer", "VA", PRESENT),
        ("Lorna Gold", "D/Chief Inspector", "DCI", PRESENT),
        ("Jim Andrew", "Assistant Chief Constable", "ACC", APOLOGIES),
        ("Sam Blatch", "Assistant Chief Constable", "ACC", APOLOGIES),
        ("Liz Wilby", "Detective Chief Inspector", "DCI", APOLOGIES),
        ("Paul Bell", "Chief Officer", None, IN_ATTENDANCE),
        ("Shaun Hall", "Assistant Chief Fire Officer", "ACFO", IN_ATTENDANCE),
    ]


def test_bullets_with_initials_chair_and_role() -> None:
    attendance = attendance_of(
        "Present\n"
        "- Jane Dorey (JD) Chair – Police & Crime Commissioner\n"
        "- Raj Kohli (RK) – Chief Constable\n"
        "- Amy Price (AP) – Head of Finance, OPCC\n\n"
        "1. Minutes of the last meeting\n"
    )
    assert [(a.name, a.abbreviation, a.status) for a in attendance.attendees] == [
        ("Jane Dorey", "JD", PRESENT),
        ("Raj Kohli", "RK", PRESENT),
        ("Amy Price", "AP", PRESENT),
    ]
    assert attendance.chair is not None and attendance.chair.name == "Jane Dorey"


def test_unlabelled_list_straight_after_the_header() -> None:
    assert people(
        "Strategic Resources and Performance Meeting\nTuesday 18 January 2022, 13:30-15:30\n\n"
        "PCC Lena Hobb (LH)\n"
        "Chief Constable Tom Reeve (TR)\n"
        "Mark Dunne (MD) – Chief Executive, OPCC\n\n"
        "1. Minutes and actions\nThe minutes were agreed.\n"
    ) == [("Lena Hobb", PRESENT), ("Tom Reeve", PRESENT), ("Mark Dunne", PRESENT)]


def test_names_and_roles_parted_by_dashes_without_commas() -> None:
    assert [
        (a.name, a.capacity)
        for a in attendance_of(
            "Officer Attendance: Fern Rigby – AAP Co-ordinator Colin Mead – Project Officer "
            "Jo Harle – Support Officer\n"
        ).attendees
    ] == [
        ("Fern Rigby", "AAP Co-ordinator"),
        ("Colin Mead", "Project Officer"),
        ("Jo Harle", "Support Officer"),
    ]


def test_titled_run_with_ranks_and_footnote_marks() -> None:
    assert people(
        "PRESENT: Mrs Gail Moffat, Chairperson Mr Dec Rooke, Vice-Chairperson (1) Dr Sin Devlo "
        "Prof Hugh Mullan*\n"
        "PSNI IN ATTENDANCE (1) ACC Gary Mawson (1) Ms Tracey Kerrigan (2) Ch/Supt Phil Arm "
        "(2) D/Supt Colm Rafter\n"
    ) == [
        ("Gail Moffat", PRESENT),
        ("Dec Rooke", PRESENT),
        ("Sin Devlo", PRESENT),
        ("Hugh Mullan", PRESENT),
        ("Gary Mawson", IN_ATTENDANCE),
        ("Tracey Kerrigan", IN_ATTENDANCE),
        ("Phil Arm", IN_ATTENDANCE),
        ("Colm Rafter", IN_ATTENDANCE),
    ]


def test_group_headings_inside_a_list() -> None:
    attendance = attendance_of(
        "Attendees\n\nMrs H J Whitlow in the chair\n\nMembers\n\n"
        "Cllr P Garnet, Mr T N Aldred and Ms R Oduro\n\n"
        "Durham Constabulary\n\nMr K Rowe and Mr A Middle\n\n"
        "MPS officers\n\n  • Sir Laurie Whitby (Commissioner)\n\n"
        "Agenda Item\n\n  1. Minutes of the meeting held on 18 November 2013\n"
    )
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("H J Whitlow", None, PRESENT),
        ("P Garnet", None, PRESENT),
        ("T N Aldred", None, PRESENT),
        ("R Oduro", None, PRESENT),
        ("K Rowe", "Durham Constabulary", PRESENT),
        ("A Middle", "Durham Constabulary", PRESENT),
        ("Laurie Whitby", "Commissioner", IN_ATTENDANCE),
    ]
    assert attendance.chair is not None and attendance.chair.name == "H J Whitlow"


def test_apologies_in_sentences() -> None:
    assert people(
        "1.1 Apologies for absence were received from Councillors Pryor, Lisk, and Tully.\n"
        "Apologies were presented for Councillor T Brett (Chorley) and Mrs E Crump, "
        "independent co-opted member, and received from Councillor L Swift (Wyre).\n"
        "That the apologies of Steve Horrock, Chief Executive Trafford Council be noted.\n"
        "1.1Apologies from Cllrs Naz Akhtar, Bradford MDC; Cllr Pete Green, Calderdale MBC.\n"
        "Mr K Dewar, Independent Co-opted member, had sent apologies.\n"
        "Gordon Farr AM sent apologies.\n"
        "Apologies for absence were submitted on behalf of Dr Ann Pike.\n"
    ) == [
        ("Pryor", APOLOGIES),
        ("Lisk", APOLOGIES),
        ("Tully", APOLOGIES),
        ("T Brett", APOLOGIES),
        ("E Crump", APOLOGIES),
        ("L Swift", APOLOGIES),
        ("Steve Horrock", APOLOGIES),
        ("Naz Akhtar", APOLOGIES),
        ("Pete Green", APOLOGIES),
        ("K Dewar", APOLOGIES),
        ("Gordon Farr", APOLOGIES),
        ("Ann Pike", APOLOGIES),
    ]


def test_substitutes_are_present_and_the_substituted_absent_only_with_apologies() -> None:
    # Lists ("Apologies were received from" opens one) come before sentences: the order of
    # the people here is not the point.
    assert sorted(
        people(
            "Apologies for absence had been sent by Rhys Hale AM, for whom Sandy Price AM attended "
            "as a substitute; and by Ida Tait AM.\n"
            "Apologies were received from Cllr Nigel Pope (Cllr Jean Tamm subbing)\n"
            "Apologies for absence were received from Councillors Okon and Trent (substituted by "
            "Councillor Hallam). It was noted that Councillor Sadiq would arrive late.\n"
            "Apologies had been received from Mrs Lucy Grant and Mr Colin Alby, substituted by "
            "Mr Dan Rix and Miss Chloe Burr respectively.\n"
            "Councillor Okoye attended as a substitute for Councillor Hari Sandhu and Councillor "
            "Wardley attended as a substitute for Councillor Bates.\n"
            "*Councillors D Ains and M Hart replaced Councillors S Nutt and K Bamber "
            "respectively.\n"
            "Apologies for absence were received as follows:\n\n"
            "Desmond Achter              - Paula Ng substituted\n"
        )
    ) == sorted(
        [
            ("Rhys Hale", APOLOGIES),
            ("Ida Tait", APOLOGIES),
            ("Sandy Price", PRESENT),
            ("Nigel Pope", APOLOGIES),
            ("Jean Tamm", PRESENT),
            ("Okon", APOLOGIES),
            ("Trent", APOLOGIES),
            ("Hallam", PRESENT),
            ("Lucy Grant", APOLOGIES),
            ("Colin Alby", APOLOGIES),
            ("Dan Rix", PRESENT),
            ("Chloe Burr", PRESENT),
            ("Okoye", PRESENT),
            ("Wardley", PRESENT),
            ("D Ains", PRESENT),
            ("M Hart", PRESENT),
            ("Desmond Achter", APOLOGIES),
            ("Paula Ng", PRESENT),
        ]
    )


def test_people_joining_and_welcomed_guests() -> None:
    assert people(
        "1.2 Amara Nwoko AM joined the meeting online, as Standing Order 2.4 allows.\n"
        "The Chairman welcomed Mr Nigel Carr, Wessex Police and Crime Commissioner (PCC), to "
        "the meeting.\n"
        "Members were told that Imogen Clay would attend as an observer.\n"
        "5.2 The Chair welcomed these guests:\n"
        "·  Rosa Garner, Deputy Mayor for Policing and Crime; and\n"
        "·  Sir Tony Blake QPM, Deputy Commissioner, MPS.\n\n"
        "5.3 The transcript of the session forms Appendix 1.\n"
    ) == [
        ("Rosa Garner", IN_ATTENDANCE),
        ("Tony Blake", IN_ATTENDANCE),
        ("Amara Nwoko", PRESENT),
        ("Nigel Carr", IN_ATTENDANCE),
        ("Imogen Clay", IN_ATTENDANCE),
    ]


def test_people_only_mentioned_are_not_attendees() -> None:
    assert people(
        "Present:\nCllr Rosa Dunn (Chair)\nCllr Al Peck\n\n"
        "Copies of all documents considered are in the Minute Book\n\n"
        "1. Declarations of Interest\n"
        "Councillor Tam Haq declared a personal interest as a trustee.\n"
        "Mrs Whitby told the committee that a note would follow.\n"
        "Two members of the public were present.\n"
        "Members are reminded that Panel Members may nominate substitute members.\n"
        "The Panel thanked Mr Probst for his service to West Norfolk.\n"
        "Councillor Bennet attended the Local Government Association conference.\n"
    ) == [("Rosa Dunn", PRESENT), ("Al Peck", PRESENT)]


def test_a_chair_who_sent_apologies_does_not_chair() -> None:
    attendance = attendance_of(
        "1.\nApologies\nMinutes:\nApologies for absence were received from Robert Kemp "
        "(Chairman) and Alan Britt (Assistant Commissioner).\n"
    )
    assert [(a.name, a.status) for a in attendance.attendees] == [
        ("Robert Kemp", APOLOGIES),
        ("Alan Britt", APOLOGIES),
    ]
    assert attendance.chair is None


def test_long_runs_stay_linear_in_shape() -> None:
    run = " ".join(f"Mr Name{chr(65 + i % 26)}x Surname{chr(65 + i % 26)}y" for i in range(400))
    attendance = attendance_of(f"Present: {run}\n")
    assert len(attendance.attendees) == 26  # the same 26 names, repeated


def test_the_chair_the_meeting_elected_is_not_listed_as_an_attendee() -> None:
    attendance = attendance_of(
        "Election of Chair\n\nRESOLVED,that Mr R Gately be elected Chair of the Panel for the "
        "year ahead.\n\nElection of Vice-Chair\n\nRESOLVED,that Mrs E Sowby be elected "
        "Vice-Chair of the Panel.\n\nApologies for absence were received from Ms P Lorne.\n"
    )
    assert attendance.chair is not None and attendance.chair.name == "R Gately"
    include_officers(attendance, attendance.chair)
    assert [(a.name, a.status) for a in attendance.attendees] == [("P Lorne", APOLOGIES)]


def test_a_membership_list_is_not_an_attendance() -> None:
    assert (
        people(
            "Committee Membership 2023-2024\n\n"
            "Members are asked to note who will sit on the Committee:-\n\n"
            "Councillor Stephen Lord          Bolton Council (Con)\n\n"
            "Councillor Amina Rashid          Oldham Council (Lab)\n"
        )
        == []
    )


def test_in_attendance_label_cut_in_two_by_a_column() -> None:
    found = people(
        "PRESENT: Mr Mal Devine Chair Dr Ruth Monty Vice-Chair*\n\n"
        "POLICE SERVICE OF (2) Mr Graham Ferry, Chief Constable* NORTHERN IRELAND IN (2) "
        "Ms Helen Corr, Chief Operating Officer* ATTENDANCE: (2) Superintendent Neil Jamieson, "
        "Command Secretariat*\n"
    )
    # Everyone is found; the people after the label's second half are in attendance.
    assert [name for name, _ in found] == [
        "Mal Devine",
        "Ruth Monty",
        "Graham Ferry",
        "Helen Corr",
        "Neil Jamieson",
    ]
    assert found[-1] == ("Neil Jamieson", IN_ATTENDANCE)


def test_a_membership_list_stays_one_however_long() -> None:
    # Every line of the list is under the note that it is a membership, not just the first.
    assert (
        people(
            "Members are asked to note who will sit on the Committee:-\n\n"
            "Councillor Ann Bell          Rye Council (Con)\n\n"
            "Councillor Roy Tapp          Hove Council (Lab)\n\n"
            "Councillor Ida Webb          Lewes Council (Lab)\n\n"
            "Councillor Sam Lowe          Wadhurst Council (LD)\n\n"
            "Paula Crane                  Independent Member\n"
        )
        == []
    )


def test_attendance_details_heading_and_a_table_header_after_the_list() -> None:
    assert people(
        "Wessex Police and Crime Panel\n"
        "Attendance Details\n\n"
        "Cllr Ada Lowe O.B.E (Chair), Cllr Ben Roper (Vice-Chair) and Mr Cy Hart.\n"
        "In Attendance:\n"
        "Dee Wolfe (Commissioner), Eve Marr (Commissioner's Office).\n"
        "Apologies for absence:\n"
        "Cllr Fay Nunn and Gil Ober.\n"
        "Item Description Decision\n"
        "RESOLVED that the report be noted.\n"
    ) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dee Wolfe", IN_ATTENDANCE),
        ("Eve Marr", IN_ATTENDANCE),
        ("Fay Nunn", APOLOGIES),
        ("Gil Ober", APOLOGIES),
    ]


def test_the_member_a_substitute_stood_in_for_is_not_present() -> None:
    found = people(
        "Present:\n"
        "Cllr Ada Lowe (Chair), Cllr Ben Roper (substitute for Mayor Cy Hart, Cllr Dee Wolfe.\n"
        "Apologies: Mayor Cy Hart.\n"
    )
    assert found == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Dee Wolfe", PRESENT),
        ("Cy Hart", APOLOGIES),
    ]


def test_members_after_the_header_start_with_the_plural_title() -> None:
    found = attendance_of(
        "Minutes of the meeting held at County Hall on Monday, 14 July 2025.\n\n"
        "Councillors Ada Lowe in the Chair (Rye Council); Ben Roper ((Vice Chair) City\n\n"
        "of Hove Council), Cy Hart (Rye Council), and Dee Wolfe (Rye Council).\n\n"
        "Community Co-opted Members: Eve Marr, Fay Nunn and Gil Ober.\n\n"
        "Officers present: Hal Ince (Scrutiny Officer).\n"
    )
    assert [(a.name, a.status) for a in found.attendees] == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dee Wolfe", PRESENT),
        ("Eve Marr", PRESENT),
        ("Fay Nunn", PRESENT),
        ("Gil Ober", PRESENT),
        ("Hal Ince", IN_ATTENDANCE),
    ]
    assert found.attendees[2].capacity == "Rye Council"
    assert found.attendees[4].capacity == "Community Co-opted Members"


def test_names_with_their_initials_in_brackets_and_cell_bars() -> None:
    assert people(
        "Board Minutes – 16 July 2024\n"
        "Attending: | Ada Lowe (AL) – Deputy Mayor, OPFCC\n"
        "Ben Roper (BR) – Deputy Chief Constable, NYP Cy Hart (CH) – Chief Fire Officer, "
        "NYFRS Dee Wolfe (DW) – Director of Delivery, OPFCC |\n"
        "Presenting: | Eve Marr ACC NYP (item 1) |\n"
        "Apologies: | Fay Nunn (FN) – Chief Constable, NYP Gil Ober (GO) – Treasurer |\n"
        "1. | Welcome |\n"
    ) == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
        ("Dee Wolfe", PRESENT),
        ("Eve Marr", IN_ATTENDANCE),
        ("Fay Nunn", APOLOGIES),
        ("Gil Ober", APOLOGIES),
    ]


def test_titles_written_with_a_stop_in_a_run() -> None:
    assert people(
        "PRESENT\n\n"
        "Cllr. Ada Lowe Partnership Chair - Rye Council Cllr. Ben Roper Partnership Chair – "
        "Hove Council\n\n"
        "Apologies Cllr. Cy Hart Partnership Chair - Lewes Council\n"
    ) == [("Ada Lowe", PRESENT), ("Ben Roper", PRESENT), ("Cy Hart", APOLOGIES)]


def test_a_bracket_left_open_ends_with_its_line() -> None:
    # The next line, another group of people, is not read as part of the open bracket.
    assert [
        name
        for name, _ in people(
            "Attendance Details\n\n"
            "Cllr Ada Lowe (Chair), Cllr Ben Roper (substitute for Cllr Cy Hart, Cllr Dee Wolfe.\n"
            "Eve Marr, Fay Nunn (Rye Council).\n"
            "Apologies for absence:\n"
            "Cllr Cy Hart.\n"
        )
    ] == ["Ada Lowe", "Ben Roper", "Dee Wolfe", "Eve Marr", "Fay Nunn", "Cy Hart"]


def test_a_replacement_sentence_is_not_a_list() -> None:
    found = people(
        "Items\n\n"
        "*Councillors Ann Bell and Roy Tapp replaced Councillors Ida Webb and Sam Lowe "
        "respectively.\n"
    )
    assert [name for name, _ in found] == ["Ann Bell", "Roy Tapp"]


def test_a_run_without_separators_parted_by_given_names_name_first() -> None:
    found = attendance_of(
        "PRESENT\n\n"
        "Superintendent Alison Kerr Wessex Police Nadia Rahman Public Health Colin Bates "
        "The , Wessex, & Rehabilitation Company Officers Joanne Tebbutt Rye Borough Council "
        "Gareth Sime Wessex County Council\n\n"
        "Also in attendance Lord Trevor Ashby Police and Crime Commissioner Fiona Neale Office "
        "of the Police and Crime Commissioner Carl Dunmore Victim First\n"
    ).attendees
    assert [(a.name, a.capacity, a.status) for a in found] == [
        ("Alison Kerr", "Superintendent, Wessex Police", PRESENT),
        ("Nadia Rahman", "Public Health", PRESENT),
        ("Colin Bates", "The, Wessex, Rehabilitation Company", PRESENT),
        ("Joanne Tebbutt", "Rye Borough Council", IN_ATTENDANCE),
        ("Gareth Sime", "Wessex County Council", IN_ATTENDANCE),
        ("Trevor Ashby", "Police and Crime Commissioner", IN_ATTENDANCE),
        ("Fiona Neale", "Office of the Police and Crime Commissioner", IN_ATTENDANCE),
        ("Carl Dunmore", "Victim First", IN_ATTENDANCE),
    ]


def test_a_run_without_separators_parted_by_given_names_organisation_first() -> None:
    # A two-column table (district, then name) read across the page.
    assert people(
        "OFFICERS IN ATTENDANCE:\n\n"
        "Bolton Andrew Pilling Bury Helen Rothwell Oldham Simon Barlow GMP Ian Whittle\n\n"
        "GMCA 71/19 APOLOGIES\n"
    ) == [
        ("Andrew Pilling", IN_ATTENDANCE),
        ("Helen Rothwell", IN_ATTENDANCE),
        ("Simon Barlow", IN_ATTENDANCE),
        ("Ian Whittle", IN_ATTENDANCE),
    ]


def test_a_sentence_between_names_is_not_parted() -> None:
    assert people("Guests: | Rachel Anson – attending for James Fenby |\n") == [
        ("Rachel Anson", IN_ATTENDANCE)
    ]


def test_a_double_barrelled_surname_spaced_out_by_extraction() -> None:
    found = people(
        "Attending: Martin Pybus (MP) Assistant Director, OPFCC Louise Bramley – Wood (LB-W)– "
        "Head of Finance, NYP Laura Stott (LS) – Assistant Chief Officer\n"
    )
    assert [name for name, _ in found] == ["Martin Pybus", "Louise Bramley-Wood", "Laura Stott"]


def test_membership_with_an_absence_key_and_a_capital_label_in_a_run() -> None:
    assert people(
        "MINUTES OF THE MEETING OF THE AUDIT PANEL HELD ON 12 DECEMBER 2017 MEMBERSHIP "
        "(A – denotes absent) Mr Owen Tarrant (Chair) Mr Ivy Platt Dr Len Moss A Mr Cy Hart "
        "OFFICERS PRESENT Diana Quince Democratic Services, Rye Council Louise Fenn Deputy Chief "
        "Constable, Rye Police Howard Pennell Police & Crime Commissioner Derek Hale Mazars "
        "1) APOLOGIES FOR ABSENCE Apologies for absence were received from Dr Len Moss.\n"
    ) == [
        ("Owen Tarrant", PRESENT),
        ("Ivy Platt", PRESENT),
        ("Len Moss", APOLOGIES),
        ("Cy Hart", PRESENT),
        ("Diana Quince", IN_ATTENDANCE),
        ("Louise Fenn", IN_ATTENDANCE),
        ("Howard Pennell", IN_ATTENDANCE),
        ("Derek Hale", IN_ATTENDANCE),
    ]


def test_a_membership_list_under_an_absence_key_is_an_attendance() -> None:
    assert people(
        "MEMBERSHIP\n\n(A – denotes absent)\n\n"
        "Mr Owen Tarrant (Chair)\n\nMr Ivy Platt\n\nDr Len Moss A\n\nMr Cy Hart\n\n"
        "1) APOLOGIES FOR ABSENCE\n"
    ) == [
        ("Owen Tarrant", PRESENT),
        ("Ivy Platt", PRESENT),
        ("Len Moss", APOLOGIES),
        ("Cy Hart", PRESENT),
    ]


def test_an_office_that_ends_in_mayor_before_the_next_name() -> None:
    assert [
        name
        for name, _ in people(
            "PRESENT:\n\nBolton Councillor Peter Hulme Salford City Mayor Karen Ollerenshaw "
            "Stockport Councillor Alan Fairbrother\n"
        )
    ] == ["Peter Hulme", "Karen Ollerenshaw", "Alan Fairbrother"]


def test_names_with_initials_then_a_role_and_a_venue_line() -> None:
    found = attendance_of(
        "Date and Time:\nTuesday 21 July 2015, 09:40\n\n"
        "The Ainsty Meeting Room, West Offices, Station Rise, York\n\n"
        "Ann Bell (AB) Personal Assistant to the CEO (Minutes)\n"
        "Roy Tapp (RT) Principal Accountant (Invitee)\n\n"
        "715 Previous Minutes\n"
        "09:55 – T/ACC Ida Webb (IW) entered the meeting.\n"
    ).attendees
    assert [(a.name, a.status) for a in found] == [
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Ida Webb", IN_ATTENDANCE),
    ]


def test_a_page_banner_repeated_is_not_a_list() -> None:
    assert (
        people(
            "Jo Hale - Rye Deputy Mayor for Policing, Fire and Crime\n\n"
            "Jo Hale - Rye Deputy Mayor for Policing, Fire and Crime\n\n"
            "Executive Board Minutes 20 May 2014\n"
        )
        == []
    )


def test_names_joined_to_their_wards_by_bare_hyphens() -> None:
    found = attendance_of(
        "Attendance Details\n\n"
        "Members:\n"
        "Ann Bell (Convener)-Rye North\n"
        "Roy Tapp-Abbey\n"
        "Ida McCaig-Lochar\n"
        "Sam Lowe-Mid Galloway\n"
        "Officials:\n"
        "Jo Hale - Chief Executive\n"
    ).attendees
    assert [(a.name, a.capacity, a.status) for a in found] == [
        ("Ann Bell", "Rye North", PRESENT),
        ("Roy Tapp", "Abbey", PRESENT),
        ("Ida McCaig", "Lochar", PRESENT),
        ("Sam Lowe", "Mid Galloway", PRESENT),
        ("Jo Hale", "Chief Executive", IN_ATTENDANCE),
    ]


def test_a_double_barrelled_surname_in_a_list_without_wards_stays_whole() -> None:
    assert people("Present:\nAnn Bell-Tapp\nIda McCaig-Lochar (Chair)\n") == [
        ("Ann Bell-Tapp", PRESENT),
        ("Ida McCaig-Lochar", PRESENT),
    ]


def test_a_numbered_apologies_heading_with_its_people_after_the_colon() -> None:
    text = (
        "PRESENT:-\n\n"
        "Members: Orla Penhale (OP); Gus Tremayne (GT)\n\n"
        "1.  Apologies for absence: Ada Prynne (AP); Chief Constable Ivo Cardew (IC)\n\n"
        "2.  Declaration of Interest\n"
    )
    assert people(text) == [
        ("Orla Penhale", PRESENT),
        ("Gus Tremayne", PRESENT),
        ("Ada Prynne", APOLOGIES),
        ("Ivo Cardew", APOLOGIES),
    ]


def test_organisations_after_the_members_group_are_in_attendance() -> None:
    text = (
        "PRESENT:-\n\n"
        "Members: Orla Penhale (OP); Gus Tremayne (GT)\n\n"
        "Office of the Police and Crime Commissioner (OPCC): Chief Executive Tam Rowse (TR)\n\n"
        "Brightwater Audit: Nell Sowden (NS); Ros Quiller (RQ)\n\n"
        "1.  Apologies for absence\n"
    )
    assert people(text) == [
        ("Orla Penhale", PRESENT),
        ("Gus Tremayne", PRESENT),
        ("Tam Rowse", IN_ATTENDANCE),
        ("Nell Sowden", IN_ATTENDANCE),
        ("Ros Quiller", IN_ATTENDANCE),
    ]


def test_a_sentence_ending_in_a_colon_introduces_guests_below_it() -> None:
    text = (
        "4.1  The Committee received the report.\n\n"
        "4.2  The following guests attended the meeting and answered questions:\n\n \n\n"
        "·  Nia Corran, Deputy Mayor for Policing and Crime; and\n\n"
        "·  Sir Hal Dunstan QPM, Commissioner of Police of the Metropolis.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Nia Corran", "Deputy Mayor for Policing and Crime", IN_ATTENDANCE),
        ("Hal Dunstan", "Commissioner of Police of the Metropolis", IN_ATTENDANCE),
    ]


def test_groups_on_their_own_lines_without_a_label() -> None:
    text = (
        "PERFORMANCE BOARD\n\n"
        "Meeting date: Friday 6 March 2015 at 14.00\n\n"
        "Police:Ivo Cardew, Gus Tremayne, Ada Prynne\n\n"
        "OPCC:Orla Penhale, Nell Sowden\n\n"
        "1. Introductions\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ivo Cardew", "Police", PRESENT),
        ("Gus Tremayne", "Police", PRESENT),
        ("Ada Prynne", "Police", PRESENT),
        ("Orla Penhale", "Office of the Police and Crime Commissioner", PRESENT),
        ("Nell Sowden", "Office of the Police and Crime Commissioner", PRESENT),
    ]


def test_an_agenda_membership_by_office_is_not_attendance() -> None:
    text = (
        "Chairman: Councillor T Rowse\n\n"
        "Aldermen: W D Prynne and H Cardew\n\n"
        "Councillors: P Penhale, R C Sowden, M Quiller\n\n"
        "1 APOLOGIES\n"
    )
    assert people(text) == []


def test_names_run_into_the_words_before_them_are_parted() -> None:
    text = (
        "Present:Orla Penhale (OP) Commissioner for WessexJoanna Tremayne (JT) Chief "
        "Constable, Wessex PoliceKaren Prynne (KP) Director of ChangeDelia Sowden (DS) "
        "Chief Finance Officer\n\n"
        "1. Welcome\n"
    )
    assert [name for name, _ in people(text)] == [
        "Orla Penhale",
        "Joanna Tremayne",
        "Karen Prynne",
        "Delia Sowden",
    ]


def test_sentences_of_substitutes_and_of_those_unable_to_attend() -> None:
    text = (
        "Resolved – That it be noted Councillor Penhale was substituting for Councillor "
        "Tremayne.\n\n"
        "Councillor Ada Prynne and Councillor Ivo Cardew were unable to attend because of "
        "road works and sent their apologies.\n\n"
        "Councillor Nell Sowden was unable to attend the next meeting.\n"
    )
    assert people(text) == [
        ("Penhale", PRESENT),
        ("Ada Prynne", APOLOGIES),
        ("Ivo Cardew", APOLOGIES),
    ]


def test_who_took_the_chair_chairs_the_meeting_over_who_was_elected() -> None:
    text = (
        "374. Election of Chairman\n\n"
        "A vote was taken and Cllr Ada Prynne was elected Chairman of the Panel.\n\n"
        "376. Apologies\n\n"
        "As Cllr Prynne had sent apologies, Cllr Ivo Cardew took the Chair.\n"
    )
    chair = attendance_of(text).chair
    assert chair is not None and chair.name == "Ivo Cardew"
    text = (
        "Minutes:\n\nCouncillor R Sowden (Panel Vice-Chair) was in the Chair.\n\n"
        "Nell Quiller took the Chair\n"
    )
    chair = attendance_of(text).chair
    assert chair is not None and chair.name == "R Sowden"


def test_changes_to_the_membership_are_not_a_list_of_those_present() -> None:
    text = (
        "Apologies for Absence and Changes to Membership\n\n"
        "Cllr Ada Prynne removed as substitute\n\n"
        "Cllrs Ivo Cardew, Nell Sowden and Tam Rowse added as substitutes\n\n"
        "Apologies were received from Cllr Orla Penhale.\n"
    )
    assert people(text) == [("Orla Penhale", APOLOGIES)]


def test_an_agendas_invitees_after_its_membership_are_not_attendance() -> None:
    text = (
        "9 Forward Work Programme.\n\n"
        "MEMBERSHIP: Councillor Ada Prynne, Riverton Council Councillor Ivo Cardew, Riverton "
        "Council\n\n"
        "Co-opted Members - Mrs N. Sowden and Mr T. Rowse\n\n"
        "By Invitation\n\n"
        "Mr O. Penhale - Police and Crime Commissioner for Wessex\n"
        "Chief Constable - Mr R. Quiller\n"
    )
    assert people(text) == []
    listed = "Present: Cllr Ada Prynne\n\nBy Invitation\n\nMr O. Penhale - Chief Constable\n"
    assert people(listed) == [("Ada Prynne", PRESENT), ("O. Penhale", IN_ATTENDANCE)]


def test_one_named_with_a_role_who_presents_a_report_attends() -> None:
    text = (
        "5. Annual Report\n\n"
        "Mr Ivo Cardew, Police and Crime Commissioner, introduced the annual update together "
        "with Ms Nell Sowden, Deputy Police and Crime Commissioner, and Mr Tam Rowse, Chief "
        "Finance Officer.\n\n"
        "The Chair presented the work programme.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Ivo Cardew", "Police and Crime Commissioner", IN_ATTENDANCE),
        ("Nell Sowden", "Deputy Police and Crime Commissioner", IN_ATTENDANCE),
        ("Tam Rowse", "Chief Finance Officer", IN_ATTENDANCE),
    ]


def test_members_under_the_councils_they_represent_with_no_present_label() -> None:
    text = (
        "Minutes of Meeting of the Wessex and Isles Fire Board held in Council Headquarters, "
        "Kingsbridge, on Friday, 14 November 2008 at 1.30 p.m.\n\n\n"
        "Representing Wessex Council:\n\n"
        "Mr A Penrose, Mrs F Dunmore, Dr P Ashdown (Substitute)\n\n"
        "Representing Comhairle nan Eilean Siar:\n\n"
        "Mr D J Tolley, Mr R Carew\n\n"
        "Also in attendance as an Observer\n\n"
        "Mr N Quarrie (Wessex Council)\n\n"
        "Officials in attendance:\n\n"
        "Mr S Gannet, Chief Fire Officer\n"
        "Ms L Fordyce, Clerk\n\n"
        "Mr A Penrose in the Chair\n\n"
        "1. Apologies for Absence\n\n"
        "Apologies for absence were intimated on behalf of Mr J Stannard.\n"
    )
    assert people(text) == [
        ("A Penrose", PRESENT),
        ("F Dunmore", PRESENT),
        ("P Ashdown", PRESENT),
        ("D J Tolley", PRESENT),
        ("R Carew", PRESENT),
        ("N Quarrie", IN_ATTENDANCE),
        ("S Gannet", IN_ATTENDANCE),
        ("L Fordyce", IN_ATTENDANCE),
        ("J Stannard", APOLOGIES),
    ]


def test_civic_and_church_honorifics_are_not_part_of_a_name() -> None:
    text = (
        "Present:\n"
        "Ald Mrs L Carrow\nBailie Ewan Strachan\nProvost Ann Lithgow\nPastor Tomi Adeyemi\n"
        "Bishop Owen Dakers\nArchdeacon Ruth Pellow\n"
    )
    assert [name for name, _ in people(text)] == [
        "L Carrow",
        "Ewan Strachan",
        "Ann Lithgow",
        "Tomi Adeyemi",
        "Owen Dakers",
        "Ruth Pellow",
    ]


def test_observers_named_with_their_organisations_and_other_attendees() -> None:
    text = (
        "PRESENT:\n\nOrla Penrose, Chair (OP)\n\nBram Kell (BK)\n\n"
        "OBSERVERS:\n\nColm Rennie, Scottish Government\n\nTess Muir, Fire Brigades Union\n\n"
        "Other Attendees Present\n\nName / Organisation\nIvo Dane / Victim Support\n\n"
        "1. Welcome\n\nThe Chair welcomed everyone.\n"
    )
    attendance = attendance_of(text)
    assert [(a.name, a.capacity, a.status) for a in attendance.attendees] == [
        ("Orla Penrose", None, PRESENT),
        ("Bram Kell", None, PRESENT),
        ("Colm Rennie", "Scottish Government", IN_ATTENDANCE),
        ("Tess Muir", "Fire Brigades Union", IN_ATTENDANCE),
        ("Ivo Dane", "Victim Support", IN_ATTENDANCE),
    ]


def test_a_representing_heading_under_a_label_keeps_its_status() -> None:
    officers = (
        "Present:\nCllr Ivo Dane\n\nIn attendance:\nRepresenting Police Scotland:\n"
        "Chief Superintendent Ada Lowe\nInspector Ben Roper\n\n"
        "Apologies:\nRepresenting the Moray Council:\nCllr Sam Cole\n\n"
        "1. Welcome\nThe Convener welcomed all.\n"
    )
    assert people(officers) == [
        ("Ivo Dane", PRESENT),
        ("Ada Lowe", IN_ATTENDANCE),
        ("Ben Roper", IN_ATTENDANCE),
        ("Sam Cole", APOLOGIES),
    ]


def test_a_label_as_a_role_and_a_label_before_a_person() -> None:
    text = (
        "Present:\nCouncillor Jo Hale\nPresent as substitute Councillor Ann Bell\n\n"
        "Also in attendance as an Observer\n\nMr N Quarrie\n\n1. Welcome\n"
    )
    assert people(text) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("N Quarrie", IN_ATTENDANCE),
    ]
