"""People found by the shape of their names in attendance lists: names of three words and
middle initials, surnames alone after a rank, people glued to the name before them by a
flattened table, names broken over a line, initials that end a name, and the many members
of one long list who share a surname."""

from __future__ import annotations

from ingest.parse.people import split_person
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people


def names(text: str) -> list[str]:
    return [name for name, _ in people(text)]


def test_welsh_names_of_three_words_in_a_list_of_councillors() -> None:
    expected = [
        "Dai Rhys Jones",
        "Anne Parry Jones",
        "Alun Wyn Daniel",
        "Gethin Wyn Vaughan",
        "J Emlyn Baines",
        "Ifor Tapp",
    ]
    for text in (
        "Present: Councillors: Dai Rhys Jones, Anne Parry Jones, Alun Wyn Daniel, Gethin Wyn "
        "Vaughan, J Emlyn Baines and Ifor Tapp.\n",
        "PRESENT:\nCouncillor Dai Rhys Jones; Councillor Anne Parry Jones; Councillor Alun Wyn "
        "Daniel; Councillor Gethin Wyn Vaughan; Councillor J Emlyn Baines; Councillor Ifor Tapp\n",
        "Present:\nCllr Dai Rhys Jones\nCllr Anne Parry Jones\nCllr Alun Wyn Daniel\n"
        "Cllr Gethin Wyn Vaughan\nCllr J Emlyn Baines\nCllr Ifor Tapp\n",
    ):
        assert names(text) == expected


def test_a_place_after_a_titled_name_is_not_a_third_word_of_it() -> None:
    for entry, name, capacity in (
        ("Cllr Jo Hale Wigan", "Jo Hale", "Wigan"),
        ("Councillor Farida Akhtar Rochdale", "Farida Akhtar", "Rochdale"),
        ("Mr Graham Pegg Norfolk County Council", "Graham Pegg", "Norfolk County Council"),
        ("Cllr Ann Bell Treasurer", "Ann Bell", "Treasurer"),
    ):
        person = split_person(entry)
        assert person is not None and (person.name, person.capacity) == (name, capacity)


def test_middle_initials_and_initials_run_into_the_surname() -> None:
    text = (
        "Present: Councillors: Aneurin M Jones, Dafydd G Roberts, P.K.Lassen, "
        "J.R.Tapp and Robert J Wynne.\n"
    )
    assert names(text) == [
        "Aneurin M Jones",
        "Dafydd G Roberts",
        "P.K. Lassen",
        "J.R. Tapp",
        "Robert J Wynne",
    ]
    # an organisation before initials still ends the entry before them
    assert names("Present: P Gadsby, Rye Police Authority N Corrie, Tor Council\n") == [
        "P Gadsby",
        "N Corrie",
    ]


def test_members_of_one_list_who_share_a_surname_are_all_kept() -> None:
    text = (
        "Present:\n"
        "Councillors R T Jones, Rhodri Jones, Eirlys Jones, E Jones-Hughes and Ann Bell.\n"
    )
    assert names(text) == [
        "R T Jones",
        "Rhodri Jones",
        "Eirlys Jones",
        "E Jones-Hughes",
        "Ann Bell",
    ]
    # so are those of two lists; one named again in a sentence is the one listed
    text = (
        "Present:\nCllr Rhodri Jones, Cllr Ann Bell\n\nAlso present:\nCllr R T Jones\n\n"
        "1. Minutes\nCllr Jones asked about the budget.\n"
    )
    assert names(text) == ["Rhodri Jones", "Ann Bell", "R T Jones"]
    text = "Present: Cllr Ann Bell, Cllr Rhodri Jones\n\nApologies were received from Cllr Bell.\n"
    assert names(text) == ["Ann Bell", "Rhodri Jones"]


def test_a_rank_and_a_surname_alone() -> None:
    for text in (
        "Attendance:\nCC Halford – item 2 DCC Pennick - Chair ACO Judith Ormond "
        "T/ACC Rhona Sowter\n",
        "Attendance: CC Halford (item 2), DCC Pennick (Chair), ACO Judith Ormond, "
        "T/ACC Rhona Sowter\n",
    ):
        attendees = names(text)
        assert attendees == ["Halford", "Pennick", "Judith Ormond", "Rhona Sowter"]
    # an office's initials inside a post are no rank
    text = "Present: Ms Ida Webb, Programme Manager for PCC Transition, Mr Roy Tapp\n"
    assert names(text) == ["Ida Webb", "Roy Tapp"]


def test_compound_ranks_before_a_name() -> None:
    text = (
        "In Attendance: T/D/Supt C Fairbank (item 3) Port Policing "
        "D/C/Insp Emrys Caddow (item 4) Head of Intelligence\n"
    )
    assert people(text) == [("C Fairbank", IN_ATTENDANCE), ("Emrys Caddow", IN_ATTENDANCE)]


def test_an_item_heading_in_capitals_run_on_into_the_people() -> None:
    for text in (
        "Meeting: COT Board\nITEM 1: ATTENDANCE CC Halford DCC Pennick - Chair "
        "ACO Judith Ormond\nITEM 2: Finance\nThe board noted the budget.\n",
        "1. PRESENT Supt Jo Hale, DCC Pennick - Chair, ACO Judith Ormond\n"
        "2. Finance\nThe board noted the budget.\n",
    ):
        assert names(text)[-2:] == ["Pennick", "Judith Ormond"]


def test_a_person_without_a_title_glued_to_the_name_before() -> None:
    text = (
        "Attendance: Professor Gwen Pellow (Chair) Mrs Eira Vane (Vice Chair) Dr Morfydd Teale "
        "Karan Bhatt Dr Ceri Ashby PS Owain Griff\n"
        "Apologies: C/Supt Sian Morton Professor Alun Brent D/C/Insp Emrys Caddow Meinir "
        "Hollis C/Supt Iwan Parr Tegan Marsh\n"
    )
    assert people(text) == [
        ("Gwen Pellow", PRESENT),
        ("Eira Vane", PRESENT),
        ("Morfydd Teale", PRESENT),
        ("Karan Bhatt", PRESENT),
        ("Ceri Ashby", PRESENT),
        ("Owain Griff", PRESENT),
        ("Sian Morton", APOLOGIES),
        ("Alun Brent", APOLOGIES),
        ("Emrys Caddow", APOLOGIES),
        ("Meinir Hollis", APOLOGIES),
        ("Iwan Parr", APOLOGIES),
        ("Tegan Marsh", APOLOGIES),
    ]


def test_a_place_after_every_name_of_a_run_is_no_person() -> None:
    text = "Present: Cllr Jo Hale Tor Vale, Cllr Ann Bell Rye Bank, Cllr Roy Tapp Eden Park\n"
    assert names(text) == ["Jo Hale", "Ann Bell", "Roy Tapp"]


def test_an_attendance_label_inside_a_flattened_line() -> None:
    text = (
        "ETHICS COMMITTEE MINUTES Wednesday 24 June 2020 1a. Attendance Attendance: Professor "
        "Alun Rhys (Chair) Mr Gethin Parry (Vice Chair) Dr Sioned Madoc, Associate Professor "
        "Criminology Professor Idris Kent Guest: Dr Ellis Marr, Rye University Presenting "
        "Ethical Dilemmas: Detective Superintendent Iwan Brace Apologies: C/Supt Eirlys Pome\n"
    )
    assert people(text) == [
        ("Alun Rhys", PRESENT),
        ("Gethin Parry", PRESENT),
        ("Sioned Madoc", PRESENT),
        ("Idris Kent", PRESENT),
        ("Ellis Marr", IN_ATTENDANCE),
        ("Iwan Brace", IN_ATTENDANCE),
        ("Eirlys Pome", APOLOGIES),
    ]


def test_labels_whose_words_before_the_colon_say_what_for() -> None:
    text = (
        "Present: Jo Hale (Chair), Ann Bell\n"
        "In attendance for item 4: Roy Tapp (Treasurer)\n"
        "Others invited to the meeting: Ida Webb, Chief Constable\n"
    )
    assert people(text) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", IN_ATTENDANCE),
        ("Ida Webb", IN_ATTENDANCE),
    ]
    text = "Present: Jo Hale (Chair), Ann Bell. Others invited: Roy Tapp, Treasurer\n"
    assert people(text)[-1] == ("Roy Tapp", IN_ATTENDANCE)


def test_initials_in_brackets_end_the_name_before_a_post() -> None:
    for entry, name, capacity in (
        ("Kian Mottley (KMo) Associate Partner, Ernst & Young", "Kian Mottley", None),
        ("Jo Hale (JH) Managing Consultant, Rye LLP", "Jo Hale", "Managing Consultant, Rye LLP"),
        ("Ann Bell-Rye (ABR) Programme Office Manager", "Ann Bell-Rye", None),
    ):
        person = split_person(entry)
        assert person is not None and person.name == name
        assert capacity is None or person.capacity == capacity
    # initials that do not agree with the name are an office's
    person = split_person("Jo Hale (PCC) Rye Council")
    assert person is not None and (person.name, person.abbreviation) == ("Jo Hale", "PCC")


def test_a_name_broken_over_a_line_after_a_bracket() -> None:
    text = (
        "Officers from NYCC: Trevor Lunt (Head of Financial Planning) Wendy\n"
        "Scaith (Panel Secretariat).\n"
    )
    assert people(text) == [("Trevor Lunt", IN_ATTENDANCE), ("Wendy Scaith", IN_ATTENDANCE)]


def test_a_surname_that_is_also_a_given_name_before_a_post() -> None:
    text = (
        "Present: Fiona Beadle Head of Information Business Area Ronald Maxby Head of Finance "
        "Business Area Beverley Spencer Head of Citizen Focus Business Area Hector McPhee Head "
        "of Olympics Business Area\n"
    )
    assert names(text) == ["Fiona Beadle", "Ronald Maxby", "Beverley Spencer", "Hector McPhee"]


def test_an_office_in_the_plural_before_a_name() -> None:
    text = (
        "Present: Tomos Griff – Assistant Police and Crime Commissioners Marcus Vane-Hart – "
        "Head of Human Resources Imran Sadiq – Chief Finance Officer\n"
    )
    assert names(text) == ["Tomos Griff", "Marcus Vane-Hart", "Imran Sadiq"]


def test_a_group_word_before_the_name_on_a_flattened_line() -> None:
    for entry, name in (
        ("Suffolk Darren Fulton (Chief Inspector East)", "Darren Fulton"),
        ("Norfolk Helen Brack, Inspector", "Helen Brack"),
    ):
        person = split_person(entry)
        assert person is not None and person.name == name
    # a given name in the middle of a longer name is no group's word before it
    for entry in ("Gruffydd Rhys Thomas", "Nkem Grace Okafor", "Eirlys Morgan Jones"):
        person = split_person(entry)
        assert person is not None and person.name == entry


def test_a_group_heading_of_whom_the_members_represent() -> None:
    text = (
        "Present:\n"
        "Representing Rye Council\n"
        "Mr D Marlow Mr R Ince\n"
        "Representing Comhairle nan Eilean Siar\n"
        "Mr K MacIver Mr A Nicol\n"
    )
    assert names(text) == ["D Marlow", "R Ince", "K MacIver", "A Nicol"]


def test_a_portal_block_of_a_deputy_not_called_or_a_member_who_sent_a_representative() -> None:
    text = (
        "Meeting Attendees\n"
        "Deputy\nCouncillor Mara Threll\n\nRye Borough Council\n\nNot required\n\n"
        "Committee Member\nCouncillor Sunil Raval\n\nTor City Council\n\nPresent, as expected\n\n"
        "Co-opted Member\nCouncillor Enzo Marchi\n\nCo-opted Member\n\n"
        "Apologies, sent representative\n\n"
        "Deputy\nCouncillor Hugh Penn\n\nRye Borough Council\n\nNot required\n\n"
        "Co-opted Member\nMalcolm Ashby MBE\n\nIndependent Co-opted Member\n\n"
        "Present, as expected\n"
    )
    assert people(text) == [
        ("Sunil Raval", PRESENT),
        ("Enzo Marchi", APOLOGIES),
        ("Malcolm Ashby", PRESENT),
    ]


def test_members_newly_appointed_to_the_body_are_no_attendance() -> None:
    text = (
        "1. Chairman\nCllr Ann Bell was appointed Chairman.\n\n"
        "The Chairman referred to the recent appointment to the Panel of:\n\n"
        "Cllr Nadia Booth – Rye City Council\n\n"
        "Cllr Derek Ingle – Tor District Council\n\n"
        "Cllr Ida Webb – Lee Borough Council\n\n"
        "2. Minutes\n"
    )
    assert "Nadia Booth" not in names(text)


def test_a_name_run_into_its_office_with_no_separator() -> None:
    for entry, name in (
        ("CC Margaret EllwynNPCC Chair", "Margaret Ellwyn"),
        ("Jo Hale Senior Consultant, Rye LLP", "Jo Hale"),
        ("Kian Mottley Associate Partner", "Kian Mottley"),
        ("Ann Bell Managing Partner", "Ann Bell"),
    ):
        person = split_person(entry)
        assert person is not None and person.name == name


def test_a_surname_that_is_also_a_word_of_an_office() -> None:
    text = (
        "Present:\n"
        "Councillor Hussain - Kirk MBC\n"
        "Councillor Senior - City of Wakefield MDC\n"
        "Mrs Page - Independent\n"
    )
    assert names(text) == ["Hussain", "Senior", "Page"]
    for entry in ("Mr Chairman", "Councillor Members"):
        assert split_person(entry) is None


def test_a_given_name_at_the_end_of_a_post_its_surname_on_the_next_line() -> None:
    text = "Present:\nJo Hale – Treasurer Ann\nBell – Clerk Roy Tapp – Chair\n"
    assert names(text) == ["Jo Hale", "Ann Bell", "Roy Tapp"]


def test_an_office_below_a_name_that_reads_like_a_name() -> None:
    text = (
        "Attendees:\n"
        "Cllr Alys Doyle\nLiverpool\n"
        "Dr Gary Tomkin\nKnowsley CSP\n"
        "Sandra Ellis\nLiverpool Citysafe\n"
        "Ian McGowan\nWirral CSP\n"
        "Derek Wilde\nSefton CSP\n"
    )
    assert names(text) == [
        "Alys Doyle",
        "Gary Tomkin",
        "Sandra Ellis",
        "Ian McGowan",
        "Derek Wilde",
    ]


def test_a_person_without_a_title_in_a_run_of_titled_names() -> None:
    text = (
        "Attendees: Chair Leona Bapty (LB), Gareth Moult VC, Penelope Hamblin Police Crime "
        "Commissioner, Ch Insp Rafiq Chowdry, Members Desmond Quay, Abi Curtis\n"
    )
    assert names(text) == [
        "Leona Bapty",
        "Gareth Moult",
        "Penelope Hamblin",
        "Rafiq Chowdry",
        "Desmond Quay",
        "Abi Curtis",
    ]


def test_groups_of_councillors_parted_by_semicolons() -> None:
    text = (
        "Present: County Councillors Ann Bell, Ben Cole and Cara Dunn; District Councillors "
        "Dev Earl and Eve Ford; Independent Members Finn Green and Gail Hill\n"
    )
    assert names(text) == [
        "Ann Bell",
        "Ben Cole",
        "Cara Dunn",
        "Dev Earl",
        "Eve Ford",
        "Finn Green",
        "Gail Hill",
    ]
    assert split_person("Councillor District") is None


def test_a_surname_broken_at_its_hyphen_over_a_line() -> None:
    text = (
        "Present: Councillor Ann Bell (Rye Council), Councillor Ben Cole-\n"
        "Harding (Tor Council), Councillor Cara Dunn (Lee Council)\n"
    )
    assert names(text) == ["Ann Bell", "Ben Cole-Harding", "Cara Dunn"]
    # a dash glued to the name before a ward on the next line is no part of the surname
    assert names("Present:\nCouncillor Brear-\nKirk MBC\nCouncillor Rashid- Leeds\n") == [
        "Brear",
        "Rashid",
    ]


def test_a_run_of_bare_names_opened_by_a_name_with_honours() -> None:
    text = (
        "MEMBERS PRESENT\n"
        "Harun Qadri OBE Colin Wrigg Denis Oldham (Chair) Sandra Haig Margaret Firth "
        "(Vice-Chair) Keith Amble\n"
    )
    attendance = attendance_of(text)
    assert [a.name for a in attendance.attendees] == [
        "Harun Qadri",
        "Colin Wrigg",
        "Denis Oldham",
        "Sandra Haig",
        "Margaret Firth",
        "Keith Amble",
    ]
    assert attendance.chair is not None and attendance.chair.name == "Denis Oldham"


def test_names_joined_to_their_wards_by_a_bare_hyphen_in_a_run() -> None:
    for text in (
        "Present: Cllr Ann Bell-Rye North, Cllr Ben Cole-Tor Vale, Cllr Cara Dunn-Lee\n",
        "Present: Cllr Ann Bell-Rye North Cllr Ben Cole-Tor Vale Cllr Cara Dunn-Lee\n",
        "Present: Ann Bell (Convener)-Rye North; Ben Cole-Tor Vale; Cara Dunn-Lee Town\n",
    ):
        assert names(text) == ["Ann Bell", "Ben Cole", "Cara Dunn"]
    # double-barrelled surnames alone show nothing
    assert names("Present: Ann Bell-Rye, Ben Cole-Tor and Cara Dunn\n") == [
        "Ann Bell-Rye",
        "Ben Cole-Tor",
        "Cara Dunn",
    ]


def test_names_first_and_their_posts_after_in_one_run() -> None:
    for text in (
        "Present: Kwabena Mensah Ifeoma Obi Tariq Shah Chief Executive Treasurer Clerk\n",
        "Present: Kwabena Mensah Ifeoma Obi Tariq Shah\n",
    ):
        assert names(text) == ["Kwabena Mensah", "Ifeoma Obi", "Tariq Shah"]
    # a place before each name is its organisation
    assert names("Present: Bolton Andrew Pilling Bury Helen Rothwell\n") == [
        "Andrew Pilling",
        "Helen Rothwell",
    ]


def test_a_name_of_one_word_with_its_initials_in_a_run_of_initialled_names() -> None:
    text = (
        "Attendees: Chair Desmond Okoro (DO) Vice Chair Marcia Whitby (MW) Piers Dunn-Ellis "
        "(PDE) Mirela (M) Conrad Stebb (Inspection Lead) (CS) Horace McKay (HM\n"
        "Also in attendance: A/Sgt Jas Dhillon (JD) S/Int Mark Coombe (MC) Tariq (TM)\n"
    )
    assert people(text) == [
        ("Desmond Okoro", PRESENT),
        ("Marcia Whitby", PRESENT),
        ("Piers Dunn-Ellis", PRESENT),
        ("Mirela", PRESENT),
        ("Conrad Stebb", PRESENT),
        ("Horace McKay", PRESENT),
        ("Jas Dhillon", IN_ATTENDANCE),
        ("Mark Coombe", IN_ATTENDANCE),
        ("Tariq", IN_ATTENDANCE),
    ]
    # each person keeps the initials printed after their own name
    abbreviations = [a.abbreviation for a in attendance_of(text).attendees]
    assert abbreviations[:3] == ["DO", "MW", "PDE"]
    for entry in ("Chair (C)", "Police (P)", "Rye (X)"):
        assert split_person(entry) is None


def test_an_agenda_item_of_apologies_and_substitutions_over_its_minute() -> None:
    for notes in (
        "The Secretary to the Panel to report the receipt (if any).\n1\n",
        "To receive apologies for absence.\n",
        "",
    ):
        text = (
            "1 Apologies for Absence and Notices of Substitution\n"
            f"{notes}"
            "Denis Rowe  Rye Borough Council\n\n"
            "Howard Pell with Marcus Tilby as his substitute\n\n"
            "Gwen Salis  Tor Borough Council\n"
            "Lorna Vick  Independent Member\n\n"
            "2 Minutes\nThe minutes were approved.\n"
        )
        assert people(text) == [
            ("Denis Rowe", APOLOGIES),
            ("Howard Pell", APOLOGIES),
            ("Marcus Tilby", PRESENT),
            ("Gwen Salis", APOLOGIES),
            ("Lorna Vick", APOLOGIES),
        ]


def test_a_substitute_on_a_line_of_their_own() -> None:
    text = (
        "Apologies:\nCllr Howard Pell with\nCllr Marcus Tilby as his substitute\nCllr Gwen Salis\n"
    )
    assert people(text) == [
        ("Howard Pell", APOLOGIES),
        ("Marcus Tilby", PRESENT),
        ("Gwen Salis", APOLOGIES),
    ]


def test_and_run_into_the_surname_before_the_next_title() -> None:
    text = "Present:\nMr K Rowntreeand Mr A Middle\n"
    assert names(text) == ["K Rowntree", "A Middle"]
    # a surname's own ending stays whole
    text = "Present: Mr D Sutherland Mr R Innes Mr T Holland Mr W Skene\n"
    assert names(text) == ["D Sutherland", "R Innes", "T Holland", "W Skene"]


def test_a_list_that_opens_with_a_name_whose_given_name_is_not_listed() -> None:
    for label in ("Present:", "Members present:", "Attendees:"):
        text = f"{label}\nKwabena Mensah\nIfeoma Obi\nTariq Shah\n"
        assert names(text) == ["Kwabena Mensah", "Ifeoma Obi", "Tariq Shah"]
    # a form's values under its column of labels are passed over
    text = (
        "Date:\nTime:\nVenue:\nAttendees:\n12 May 2014\n10:00am\nRye Town Hall\n"
        "(CHAIR) Jo Hale\nRye Council\nDr Ann Bell\nTor Trust\n"
    )
    assert names(text) == ["Jo Hale", "Ann Bell"]


def test_a_surname_run_into_the_first_word_of_an_office() -> None:
    text = (
        "Present: Jo HaleChief Constable, Ann BellTreasurer, Roy TappClerk to the Panel, "
        "Ian MacDonald, Ed FitzRoy\n"
    )
    assert names(text) == ["Jo Hale", "Ann Bell", "Roy Tapp", "Ian MacDonald", "Ed FitzRoy"]


def test_surnames_alone_with_their_ranks_in_brackets() -> None:
    for text in (
        "Present: Halford (CC), Pennick (DCC, Chair), Ormond (ACO)\n",
        "Present: Halford (CC); Pennick (DCC, Chair) and Ormond (ACO)\n",
    ):
        attendance = attendance_of(text)
        assert [a.name for a in attendance.attendees] == ["Halford", "Pennick", "Ormond"]
        assert attendance.chair is not None and attendance.chair.name == "Pennick"
    # names of two words keep their brackets
    assert names("Present: Jo Hale (PCC), Ann Bell (CC), Roy Tapp (DCC)\n") == [
        "Jo Hale",
        "Ann Bell",
        "Roy Tapp",
    ]


def test_double_given_names_after_a_title() -> None:
    text = "Present: Cllr Sarah Jane Lloyd-Price, Cllr Mary Ann Rhys, Cllr Jo Hale\n"
    assert names(text) == ["Sarah Jane Lloyd-Price", "Mary Ann Rhys", "Jo Hale"]


# A roll that prints each surname first, in capitals, then a comma and the title with the
# initials or given name ("ASHWORTH, Professor L"), one to a line or run together.


def test_surnames_first_in_capitals_one_to_a_line() -> None:
    text = (
        "MINUTES of the Meeting held on 4 June 2011\n"
        "PRESENT:\n"
        "QUILLAN, Professor D\n"
        "BRACKLEY, Councillor Hester\n"
        "O'RIORDAN, Mrs J A\n"
        "VANE-TEMPEST, Canon R – in the Chair\n"
        "IN ATTENDANCE: FELL, Mr G Chief Constable, Wessex\n"
        "MORLAND, Ms P\n"
        "Chief Executive, Wessex\n\n"
        "18. MINUTES\n"
    )
    assert people(text) == [
        ("D Quillan", PRESENT),
        ("Hester Brackley", PRESENT),
        ("J A O'Riordan", PRESENT),
        ("R Vane-Tempest", PRESENT),
        ("G Fell", IN_ATTENDANCE),
        ("P Morland", IN_ATTENDANCE),
    ]
    chair = attendance_of(text).chair
    assert chair is not None and chair.name == "R Vane-Tempest"


def test_surnames_first_in_a_run_and_as_single_entries() -> None:
    text = "Present: TARRANT, Mr K; PRYOR, Cllr B and ELLERBY, Dr Suzanne.\n\n1. Minutes\n"
    assert names(text) == ["K Tarrant", "B Pryor", "Suzanne Ellerby"]
    person = split_person("HOLLINS, Councillor T – Vice-Chair")
    assert person is not None and person.name == "T Hollins"


def test_honours_in_capitals_before_a_comma_are_no_surname() -> None:
    text = (
        "Present: Councillor Ada Lowe OBE, Councillor Ben Roper and Mr Cy Hart JP, Mr Dan "
        "Vane.\n\n1. Minutes\n"
    )
    assert names(text) == ["Ada Lowe", "Ben Roper", "Cy Hart", "Dan Vane"]


# A post of several words joined by "and" after a name with no separator: the post's first
# word is not a third word of the name.


def test_a_post_joined_by_and_after_an_unseparated_name() -> None:
    for entry, name, capacity in (
        (
            "Megan Hollis Inclusivity and Public Confidence Officer, Policing, Fire and Crime",
            "Megan Hollis",
            "Inclusivity and Public Confidence Officer, Policing, Fire and Crime",
        ),
        ("David Brennan Diversity and Inclusion Manager", "David Brennan", None),
        ("Susan Carr Equality & Engagement Lead", "Susan Carr", None),
    ):
        person = split_person(entry)
        assert person is not None and person.name == name
        if capacity is not None:
            assert person.capacity == capacity


def test_a_bullet_list_with_one_post_left_without_its_dash() -> None:
    text = (
        "Attendees:\n\n"
        "  • Dr Ada Lowe (AL) – Board Chair\n"
        "  • Ben Roper – Head of Organisational Learning\n"
        "  • Megan Hollis Inclusivity and Public Confidence Officer, Policing, Fire and Crime\n"
        "  • SGT Cy Hart Sergeant Operational Oversight\n\n"
        "1. Introductions\n"
    )
    assert names(text) == ["Ada Lowe", "Ben Roper", "Megan Hollis", "Cy Hart"]


def test_furniture_words_and_weekdays_beside_names_are_no_names() -> None:
    from ingest.parse.people import looks_like_name

    for words in (
        "Key Updates",
        "Items Of",
        "Equal Opportunities",
        "Investigations",
        "Wednesday May",
        "Friday June",
        "Monday",
    ):
        assert not looks_like_name(words, single_token=True), words
    for name in ("Jo Hale", "May Bell", "Ravi Keyes"):
        assert looks_like_name(name), name


def test_a_post_of_equal_opportunities_or_investigations_is_no_person() -> None:
    for text, expected in (
        (
            "Present:\nMr J Hale, Mrs A Bell\n\nIn Attendance:\n"
            "Ms R Tapp, Equal Opportunities Officer, Chief Executive's Office\n",
            ["J Hale", "A Bell", "R Tapp"],
        ),
        (
            "Present:\nSam Lee (Chair)\nOla Reid Director, Major Investigations (Item 4)\n",
            ["Sam Lee", "Ola Reid"],
        ),
    ):
        assert names(text) == expected, text
