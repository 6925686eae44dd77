import datetime as dt

import pytest

from ingest.parse.body import detect_body
from ingest.parse.doctype import detect_document_type
from ingest.parse.header import Header, parse_header
from ingest.parse.kinds import find_meeting_kind, meeting_kind
from ingest.parse.lines import split_lines
from records.enums import DocumentType, MeetingKind

SEED_HEADER = """



Monthly Assurance Meeting February 2021– Meeting Notes

- Date: Thursday 26 February, 10:00 am
- Chair: John Campion
- Minutes: Jackie Irvin Senior Policy Manager, OPCC
- Venue Virtual

\tName:\tCapacity:
Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)
\tJackie Irvin\tSenior Policy Manager (SPM)

1.\tHolding to account – Domestic Abuse\t
\tThe PCC opened the meeting.
"""


def header_of(text: str, file_name: str | None = None) -> Header:
    return parse_header(split_lines(text), file_name=file_name, text_head=text[:3000])


def test_seed_header() -> None:
    header = header_of(SEED_HEADER)
    assert header.title == "Monthly Assurance Meeting February 2021– Meeting Notes"
    assert header.kind is MeetingKind.MONTHLY_ASSURANCE
    assert header.date == dt.date(2021, 2, 26)  # year from the title
    assert header.start_time == dt.time(10, 0)
    assert header.venue == "Virtual"
    assert header.chair is not None and header.chair.name == "John Campion"
    assert header.minute_taker is not None and header.minute_taker.name == "Jackie Irvin"
    assert header.minute_taker.capacity == "Senior Policy Manager, OPCC"
    assert header.warnings == ["stated weekday Thursday does not match 2021-02-26 (a Friday)"]


def test_tab_labels_with_end_time() -> None:
    header = header_of(
        "Office of the Police and Crime Commissioner for Northshire\n\n"
        "Monthly Assurance Meeting – Minutes\n\n"
        "Date:\t1st August 2019\n"
        "Time:\t10.00am – 12.15pm\n"
        "Venue:\tCommittee Room 2, Northshire Police Headquarters, Carrow Lane, Dunmere\n"
        "Chair:\tRichard Halloran, Police and Crime Commissioner\n"
        "Minutes:\tTom Eckersley, Senior Policy Officer, OPCC\n\n"
        "1.\tWelcome and introductions\n"
    )
    assert header.title == "Monthly Assurance Meeting – Minutes"
    assert header.date == dt.date(2019, 8, 1)
    assert header.start_time == dt.time(10, 0)
    assert header.venue == "Committee Room 2, Northshire Police Headquarters, Carrow Lane, Dunmere"
    assert header.chair is not None and header.chair.name == "Richard Halloran"
    assert header.chair.abbreviation == "PCC"
    assert header.minute_taker is not None and header.minute_taker.name == "Tom Eckersley"
    assert header.warnings == []


def test_markdown_bold_labels_and_held_on_line() -> None:
    header = header_of(
        "# Northshire Police and Crime Commissioner – Monthly Assurance Meeting\n\n"
        "**Minutes of the meeting held on Monday 14 March 2022 at 10.00am**\n"
        "**Venue:** Conference Room, OPCC Offices, 12 Abbey Street, Dunmere\n"
        "**Chair:** Amira Kaur, Police and Crime Commissioner\n"
        "**Minutes:** Tom Eckersley, Senior Policy Officer\n\n"
        "## 1. Minutes and actions of the last meeting\n"
    )
    assert header.title == "Northshire Police and Crime Commissioner – Monthly Assurance Meeting"
    assert header.date == dt.date(2022, 3, 14)
    assert header.start_time == dt.time(10, 0)
    assert header.venue == "Conference Room, OPCC Offices, 12 Abbey Street, Dunmere"
    assert header.chair is not None and header.chair.name == "Amira Kaur"
    assert header.minute_taker is not None and header.minute_taker.name == "Tom Eckersley"


def test_two_labels_on_one_line_and_venue_after_time() -> None:
    header = header_of(
        "# Thematic Meeting: Domestic Abuse\n"
        "Minutes of the meeting held on Tuesday 19 November 2019 at 2.00pm, Meeting Room 4, "
        "OPCC Offices, 12 Abbey Street, Dunmere.\n"
        "Chair: Richard Halloran, Police and Crime Commissioner. Minute taker: Leah Whitcombe, "
        "Policy Officer, OPCC.\n\n"
        "Name\tCapacity\n"
    )
    assert header.kind is MeetingKind.THEMATIC
    assert header.date == dt.date(2019, 11, 19)
    assert header.start_time == dt.time(14, 0)
    assert header.venue == "Meeting Room 4, OPCC Offices, 12 Abbey Street, Dunmere"
    assert header.chair is not None and header.chair.name == "Richard Halloran"
    assert header.minute_taker is not None and header.minute_taker.name == "Leah Whitcombe"


def test_unlabelled_date_line_then_venue_line_and_capitals_title() -> None:
    header = header_of(
        "EASTMOOR POLICE AND CRIME COMMISSIONER\n"
        "PERFORMANCE MEETING\n"
        "Wednesday 16 October 2019, 2.00pm\n"
        "Boardroom, Eastmoor Constabulary Headquarters, Saltings Road, Harnford\n\n"
        "Present:\nDavid Penhallow (Police and Crime Commissioner) (Chair)\n\n"
        "1) Minutes of the previous meeting\n"
    )
    assert header.title == "Performance Meeting"
    assert header.kind is MeetingKind.PERFORMANCE
    assert header.date == dt.date(2019, 10, 16)
    assert header.start_time == dt.time(14, 0)
    assert header.venue == "Boardroom, Eastmoor Constabulary Headquarters, Saltings Road, Harnford"


def test_labels_separated_by_spaces_on_one_line() -> None:
    header = header_of(
        "Joint Audit Committee\n"
        "Date: Wednesday 3rd March 2021   Time: 1400hrs   Location: Police HQ, Hindlip\n"
        "Chaired by: Mr Peter Jones\n"
        "Notes taken by Sarah Smith, Governance Officer\n"
    )
    assert header.kind is MeetingKind.AUDIT_COMMITTEE
    assert header.date == dt.date(2021, 3, 3)
    assert header.start_time == dt.time(14, 0)
    assert header.venue == "Police HQ, Hindlip"
    assert header.chair is not None and header.chair.name == "Peter Jones"
    assert header.minute_taker is not None and header.minute_taker.name == "Sarah Smith"


def test_venue_before_the_date_and_numeric_date() -> None:
    panel = header_of(
        "EASTMOOR POLICE AND CRIME PANEL\n\n"
        "Minutes of the meeting of the Eastmoor Police and Crime Panel held at County Hall, "
        "Harnford on Thursday 2 February 2023 at 10.30am\n"
    )
    assert panel.kind is MeetingKind.POLICE_AND_CRIME_PANEL
    assert panel.date == dt.date(2023, 2, 2)
    assert panel.venue == "County Hall, Harnford"
    board = header_of("STRATEGIC POLICING AND CRIME BOARD\nNotes of meeting: 12/01/2022\n")
    assert board.kind is MeetingKind.STRATEGIC_BOARD
    assert board.date == dt.date(2022, 1, 12)


def test_remote_meeting_venue() -> None:
    header = header_of(
        "Thematic Meeting: Child Sexual Exploitation\n"
        "Held on Tuesday 17 November 2020 at 2.00pm by video conference.\n"
    )
    assert header.date == dt.date(2020, 11, 17)
    assert header.venue == "Video conference"
    teams = header_of(
        "Performance Board\nDate: 4 May 2021\nThe meeting was held via Microsoft Teams.\n"
    )
    assert teams.venue == "Microsoft Teams"


def test_year_comes_from_header_then_file_name() -> None:
    from_title = header_of(
        "# Eastmoor – Monthly Assurance Meeting – July 2020\n\n**Date:** 21 July\n"
    )
    assert from_title.date == dt.date(2020, 7, 21)
    from_file = header_of("Performance meeting\nDate: Thursday 12 March\n", "perf-2020-03.txt")
    assert from_file.date == dt.date(2020, 3, 12)
    assert from_file.warnings == []


def test_month_only_date_is_used_with_a_warning() -> None:
    header = header_of("Accountability Board – September 2022\n\nThe board met.\n")
    assert header.date == dt.date(2022, 9, 1)
    assert header.warnings == ["the meeting day is not stated; the date is taken as 2022-09-01"]


def test_no_date() -> None:
    header = header_of("Sample minutes\n\nSome notes about files.\n")
    assert header.date is None


def test_date_of_next_meeting_is_not_the_meeting_date() -> None:
    header = header_of(
        "Performance Meeting\nDate of next meeting: 5 May 2021\nDate: 1 April 2021\n"
    )
    assert header.date == dt.date(2021, 4, 1)


def test_protective_marking_and_running_header_are_not_the_title() -> None:
    header = header_of(
        "OFFICIAL\nNorthshire OPCC | Performance Meeting | 12 March 2020 | OFFICIAL\n"
        "Office of the Police and Crime Commissioner for Northshire\n"
        "Performance Meeting – Minutes\n\tDate: Thursday 12 March 2020, 10:00 am\n"
    )
    assert header.title == "Performance Meeting – Minutes"
    assert header.date == dt.date(2020, 3, 12)
    assert header.warnings == []


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Monthly Assurance Meeting February 2021", MeetingKind.MONTHLY_ASSURANCE),
        ("Thematic on Serious and Organised Crime", MeetingKind.THEMATIC),
        ("Domestic Abuse Thematic – Minutes", MeetingKind.THEMATIC),
        ("Performance Meeting – Minutes", MeetingKind.PERFORMANCE),
        ("Holding to Account Board", MeetingKind.ACCOUNTABILITY_BOARD),
        ("Performance and Accountability Board", MeetingKind.ACCOUNTABILITY_BOARD),
        ("Police and Crime Panel", MeetingKind.POLICE_AND_CRIME_PANEL),
        ("Police, Fire and Crime Panel", MeetingKind.POLICE_AND_CRIME_PANEL),
        ("Strategic Policing Board", MeetingKind.STRATEGIC_BOARD),
        ("Joint Audit Committee", MeetingKind.AUDIT_COMMITTEE),
        ("JAC minutes", MeetingKind.AUDIT_COMMITTEE),
        ("Audit and Standards Committee", MeetingKind.AUDIT_COMMITTEE),
        ("Ethics Committee", None),
        ("Chief Officer Group Meeting", MeetingKind.STRATEGIC_BOARD),
        ("Chief Officers' Team – Minutes", MeetingKind.STRATEGIC_BOARD),
        ("Command Team meeting", MeetingKind.STRATEGIC_BOARD),
        ("Force Executive Team", MeetingKind.STRATEGIC_BOARD),
        ("Force Management Board", MeetingKind.STRATEGIC_BOARD),
        ("Chief Officer Team Performance Meeting", MeetingKind.PERFORMANCE),
        ("Team Meeting", None),
    ],
)
def test_meeting_kind_from_title(title: str, kind: MeetingKind | None) -> None:
    assert find_meeting_kind(title) is kind


def test_meeting_kind_falls_back_to_other() -> None:
    assert meeting_kind("Notes", "Budget session") is MeetingKind.OTHER
    assert meeting_kind("Notes", "Thematic meeting") is MeetingKind.THEMATIC


@pytest.mark.parametrize(
    ("header_lines", "text", "body"),
    [
        (["Office of the Police and Crime Commissioner for Northshire"], "", "Northshire"),
        (["EASTMOOR POLICE AND CRIME COMMISSIONER", "PERFORMANCE MEETING"], "", "Eastmoor"),
        (["Northshire Police and Crime Commissioner – Monthly Assurance"], "", "Northshire"),
        (["# Eastmoor Constabulary and OPCC – Monthly Assurance Meeting"], "", "Eastmoor"),
        (["POLICE AND CRIME COMMISSIONER FOR AVON AND SOMERSET"], "", "Avon and Somerset"),
        (["Minutes of the Thames Valley Police Accountability Meeting"], "", "Thames Valley"),
        (["Devon & Cornwall Police"], "", "Devon and Cornwall"),
        (
            ["Public Document Pack Devon and Cornwall Police and Crime Panel"],
            "",
            "Devon and Cornwall",
        ),
        (["Leicester, Leicestershire and Rutland Police and Crime Panel"], "", "Leicestershire"),
        (["GREATER MANCHESTER JOINT AUDIT PANEL"], "GREATER MANCHESTER", "Greater Manchester"),
        (["Meeting: Strategy and Planning Committee"], "The BTPA met.", "British Transport Police"),
        # a person in an attendance row is not a place
        (["Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)"], "", None),
        (
            ["Monthly Assurance Meeting February 2021– Meeting Notes"],
            "West Mercia takes DA seriously. Officers from Kent visited West Mercia.",
            "West Mercia",
        ),
        (["Monthly Assurance Meeting"], "Nothing about any force here.", None),
    ],
)
def test_detect_body(header_lines: list[str], text: str, body: str | None) -> None:
    assert detect_body(text, header_lines) == body


def _doctype(text: str, item_count: int = 0) -> DocumentType:
    lines = split_lines(text)
    header = parse_header(lines)
    return detect_document_type(
        header.title, lines, header_lines=lines[: header.end], item_count=item_count
    )


def test_document_type_from_title() -> None:
    assert _doctype("ACCOUNTABILITY BOARD\n\nAGENDA\n\nTuesday 24 January 2023\n") is (
        DocumentType.AGENDA
    )
    assert _doctype("Agenda pack – Police and Crime Panel\n5 May 2021\n") is DocumentType.AGENDA
    assert _doctype("ACTION LOG – PERFORMANCE MEETING\n22 September 2022\n") is (
        DocumentType.ACTION_LOG
    )
    assert _doctype("Strategic Board Action Tracker\n1 May 2021\n") is DocumentType.ACTION_LOG
    assert _doctype("Performance Meeting – Minutes\nDate: 1 May 2021\n") is DocumentType.MINUTES


def test_a_title_starting_with_agenda_names_an_agenda_with_a_sentence_run_onto_it() -> None:
    spliced = (
        "agenda strategic governance board · strategic governance board 19 june 2017 progress "
        "had been made on rural crime which is a priority...\n\nUpload: others\n"
    )
    assert _doctype(spliced) is DocumentType.AGENDA
    assert (
        _doctype("Agenda item 5 Report of the Committee, which was noted by members present.\n")
        is not DocumentType.AGENDA
    )


def test_the_date_of_meeting_label_wins_over_a_cover_sheets_date() -> None:
    header = header_of(
        "Office of the Commissioner Web: www.example.gov.uk DATE 15 June 2017 AGENDA STRATEGIC "
        "GOVERNANCE BOARD DATE OF MEETING 19 June 2017 TIME OF MEETING 2pm LOCATION Room 3\n"
    )
    assert header.date == dt.date(2017, 6, 19)


def test_document_type_from_structure() -> None:
    table = (
        "Performance Meeting 22 September 2022\n\nNo.\tAction\tOwner\tDue date\tStatus\n"
        "1\tRecovery plan\tFS\t20/10/2022\tOpen\n2\tExit interviews\tAR\t31/10/2022\tOpen\n"
        "3\tPSPO report\tMO\t15/12/2022\tOpen\n"
    )
    assert _doctype(table) is DocumentType.ACTION_LOG
    listing = "Board meeting 1 May 2021\n\n1. Welcome\n2. Finance\n3. Workforce\n4. AOB\n"
    assert _doctype(listing, item_count=4) is DocumentType.AGENDA
    prose = (
        "Board meeting 1 May 2021\n\n1. Welcome\nThe Chair welcomed everyone to the meeting and "
        "thanked the officers for the papers.\n2. Finance\nThe CFO presented the outturn, which "
        "showed an underspend of two per cent for the year.\n3. Workforce\nThe CC reported.\n"
    )
    assert _doctype(prose, item_count=3) is DocumentType.MINUTES


def test_time_and_venue_on_the_line_under_the_date() -> None:
    header = header_of(
        "Surrey Police and Crime Commissioner\nPerformance Meeting – Minutes\n\n"
        "Tuesday 12th January 2021\n10:30 – 12:30, Microsoft Teams\n\nAttendees\n"
    )
    assert header.date == dt.date(2021, 1, 12)
    assert header.start_time == dt.time(10, 30)
    assert header.venue == "Microsoft Teams"


def test_the_previous_meeting_named_in_an_agenda_is_not_the_meeting_date() -> None:
    header = header_of(
        "STRATEGIC POLICING AND CRIME BOARD\n\nTuesday 16 March 2021, 10:00 - 12:00\n"
        "Held virtually via Microsoft Teams\n\nMinute No.\tItem\nPCB 21/11\tApologies\n"
        "PCB 21/13\tMinutes of the previous meeting held on 16 February 2021\n"
    )
    assert header.kind is MeetingKind.STRATEGIC_BOARD
    assert header.date == dt.date(2021, 3, 16)
    assert header.start_time == dt.time(10, 0)
    assert header.end == 5  # the header stops at the table of minutes


def test_a_held_on_clause_leaves_the_title() -> None:
    header = header_of(
        "DERBYSHIRE POLICE AND CRIME COMMISSIONER\n\n"
        "Minutes of the Police and Crime Commissioner's Accountability Meeting held on "
        "Wednesday, 3rd March 2021 at 10.00 am via Microsoft Teams\n\nPRESENT\n"
    )
    assert header.title == "Minutes of the Police and Crime Commissioner's Accountability Meeting"
    assert header.kind is MeetingKind.ACCOUNTABILITY_BOARD
    assert header.date == dt.date(2021, 3, 3)
    assert header.start_time == dt.time(10, 0)
    assert header.venue == "Microsoft Teams"


def test_a_banner_under_the_title_line_gives_the_time_and_venue() -> None:
    header = header_of(
        "Minutes of the meeting of the North Yorkshire Police, Fire and Crime Panel held on "
        "3 February 2022\n\nNORTH YORKSHIRE POLICE, FIRE AND CRIME PANEL\n"
        "MINUTES OF THE MEETING OF THE NORTH YORKSHIRE POLICE, FIRE AND CRIME PANEL HELD ON "
        "3 FEBRUARY 2022 AT 10.30 AM AT COUNTY HALL, NORTHALLERTON\n\nPresent:-\n"
    )
    assert header.kind is MeetingKind.POLICE_AND_CRIME_PANEL
    assert header.date == dt.date(2022, 2, 3)
    assert header.start_time == dt.time(10, 30)
    assert header.venue == "COUNTY HALL, NORTHALLERTON"


def test_bilingual_labels_and_welsh_dates() -> None:
    header = header_of(
        "Bwrdd Atebolrwydd Plismona / Policing Accountability Board\n\n"
        "Dyddiad / Date: 6 Mehefin 2022 / 6 June 2022\nAmser / Time: 14:00 – 16:00\n"
        "Lleoliad / Venue: Pencadlys yr Heddlu / Police Headquarters, Carmarthen\n"
        "Cadeirydd / Chair: Emyr Pugh-Llywelyn\n\n1. Ymddiheuriadau / Apologies\n"
    )
    assert header.date == dt.date(2022, 6, 6)
    assert header.start_time == dt.time(14, 0)
    assert header.venue == "Pencadlys yr Heddlu / Police Headquarters, Carmarthen"
    assert header.chair is not None and header.chair.name == "Emyr Pugh-Llywelyn"


@pytest.mark.parametrize(
    ("text", "chair"),
    [
        (
            "JOINT AUDIT COMMITTEE\n25 February 2014\nAttendees\nMrs H J Whitlock in the chair\n",
            "H J Whitlock",
        ),
        (
            "Places Panel\nWednesday 11th November 2015\n"
            "PRESENT: – Councillor Marsden in the chair.\n",
            "Marsden",
        ),
        (
            "Eastmoor Panel Friday 19 December 2014 10.30 am Members: Councillor Trelawney, "
            "Chair. Councillor Mabey, Vice-Chair.\n",
            "Trelawney",
        ),
        (
            "Scrutiny Committee\nFriday, 9th May 2025 at 10:30am\nSpeaking:\n"
            "Cllr Stuart Hebden (Chair)\n",
            "Stuart Hebden",
        ),
        (
            "Board Meeting\n23 April 2014\n1. Chair's Opening Remarks - Iain Dunlop, Chair, SPA\n",
            "Iain Dunlop",
        ),
        (
            "The current membership of the Joint Audit Committee:\nMara Quill OBE – Chair\n"
            "Tom Reeve\n",
            "Mara Quill",
        ),
        (
            "Members present\nMrs Mara Quill – Independent Member - Chair Councillor Tom Reeve – "
            "Borough Council – Vice-Chair\n",
            "Mara Quill",
        ),
        (
            "Minutes:\n\nCouncillor R Tolland (Panel Vice-Chair) was in the Chair.\n",
            "R Tolland",
        ),
        (
            "Eastshire Governance Board\nNotes of Meeting\nDate: 25th January 2024\n"
            "Ada Reader (AR) Chair Police and Crime Commissioner\nBen Tolland (BT) Treasurer\n",
            "Ada Reader",
        ),
        (
            "Apologies for absence were received from Councillor A Reader. As Councillor A Reader "
            "(Chair) was absent, Councillor B Tolland (Vice-Chair) chaired the meeting.\n",
            "B Tolland",
        ),
    ],
)
def test_a_chair_marked_beside_a_name(text: str, chair: str) -> None:
    header = header_of(text)
    assert header.marked_chair is not None and header.marked_chair.name == chair


def test_a_vice_chair_is_not_the_chair() -> None:
    header = header_of("Policing Board\nPRESENT: Dr Ruth Montgomery (Vice Chair), Mr Tom Hanna\n")
    assert header.marked_chair is None


def test_an_item_headed_for_the_chair_does_not_mark_a_chair() -> None:
    header = header_of("Panel Meeting\n3 May 2022\n4. Annual Report – Chair's Update\n")
    assert header.marked_chair is None


MENU = "".join(
    f"  • {entry}\n"
    for entry in (
        "Get Involved", "Complaints", "Contact", "Careers", "Search", "About", "About the Role",
        "Values", "News", "Newsletters 2019", "Fire and Rescue Service", "Your Local Teams",
    )
)  # fmt: skip


def test_a_web_pages_menu_above_the_title_is_skipped() -> None:
    header = header_of(
        "Office of the Westshire Police, Fire and Crime Commissioner\n\nText size A A A\n\n"
        f"Menu\n{MENU}\nFire Accountability Board Minutes 18 June 2019\n\nPresent\n\n"
        "Ada Reader (PFCC)\n\nBen Tolland\n"
    )
    assert header.date == dt.date(2019, 6, 18)
    assert header.title == "Fire Accountability Board"
    assert header.kind is MeetingKind.ACCOUNTABILITY_BOARD


def test_a_bulleted_attendance_list_under_the_title_is_not_a_menu() -> None:
    names = "".join(f"  • Councillor {name}\n" for name in "ABCDEFGHIJ")
    header = header_of(f"Eastshire Police and Crime Panel\n\n3 May 2022\n\nPresent\n{names}")
    assert header.date == dt.date(2022, 5, 3)
    assert header.title == "Eastshire Police and Crime Panel"


def test_a_bulleted_list_well_below_the_opening_is_not_a_menu() -> None:
    prose = "".join(f"Paragraph {n} of the page said nothing of a meeting.\n" for n in range(25))
    header = header_of(f"{prose}{MENU}\nFire Accountability Board Minutes 18 June 2019\n")
    assert header.kind is MeetingKind.OTHER


def test_a_summons_in_capitals_names_the_body_and_time_but_no_venue() -> None:
    header = parse_header(
        split_lines(
            "Document Pack\n\nFRIDAY, 17 JULY 2020\n\nTO: ALL MEMBERS OF THE WESTSHIRE POLICE "
            "AND CRIME PANEL\n\nI HEREBY SUMMON YOU TO ATTEND A VIRTUAL MEETING OF THE "
            "WESTSHIRE POLICE AND CRIME PANEL WHICH WILL BE HELD AT 10.00 AM, ON FRIDAY, 24TH "
            "JULY, 2020 FOR THE TRANSACTION OF THE BUSINESS OUTLINED ON THE ATTACHED AGENDA\n"
        )
    )
    assert header.title == "Westshire Police and Crime Panel"
    assert header.kind is MeetingKind.POLICE_AND_CRIME_PANEL
    assert (header.date, header.start_time) == (dt.date(2020, 7, 24), dt.time(10, 0))
    assert header.venue == "Virtual"  # not "10.00 AM"


def test_an_agenda_heading_over_a_summons_address() -> None:
    for text in (
        "Page 1\n\nAGENDA TO: THE MEMBERS OF THE FENMOOR AUDIT COMMITTEE A meeting of the "
        "Committee will take place on Tuesday 4 March 2025 at 10am in Room 2.\n\n"
        "1. APOLOGIES FOR ABSENCE\n\n2. MINUTES To receive the minutes (copy enclosed)\n",
        "AGENDA\tFor: all members of the Scrutiny Panel. The Panel will meet on 9 May 2024.\n\n"
        "1 Declarations of interest\n\n2 Budget report To be presented by the Treasurer\n",
    ):
        assert _doctype(text, item_count=2) is DocumentType.AGENDA, text


def test_a_portal_page_tabbed_agenda_that_records_each_item() -> None:
    text = (
        "Meeting Details\nWestmarch Police and Crime Panel\n3 Jun 2019 - 10:00 to 12:00\n"
        "Documents\nAgenda\n\n"
        "1 Apologies for Absence\nThe Clerk to report any apologies.\n"
        "There were none.\n"
        "2 Declarations of Interest\nMembers are invited to declare any interest.\n"
        "Declarations were made by Councillor Ashby and Councillor Pell.\n"
        "3 Performance Report\nTo receive a report from the Commissioner.\n"
        "The Deputy Chief Constable was in attendance for this item.\n"
    )
    assert _doctype(text, item_count=3) is DocumentType.MINUTES


FLIP_BOOK_PAGE = """{uploaded} Views

{banner}

{banner}

SHOW MORE
SHOW LESS

Create successful ePaper yourself

Turn your PDF publications into a flip-book with our unique Google optimized e-Paper software.

{title}

M I N U T E S

of the Meeting held in Committee Room 2, Shire Hall, Eastbury

on {held} at 10.00

PRESENT:

READER, Councillor A – in the Chair
"""


@pytest.mark.parametrize(
    ("uploaded", "banner", "title", "held", "date", "kind"),
    [
        (
            "11.06.2015",
            "EASTSHIRE POLICE AUTHORITY",
            "EASTSHIRE AND WESTMARCH POLICE AUTHORITIES JOINT COMMITTEE",
            "Wednesday, 2 May 2012",
            dt.date(2012, 5, 2),
            MeetingKind.OTHER,
        ),
        (
            "03.02.2016",
            "NORTHMOOR COUNTY COUNCIL",
            "NORTHMOOR POLICE AND CRIME PANEL",
            "Thursday, 14 January 2016",
            dt.date(2016, 1, 14),
            MeetingKind.POLICE_AND_CRIME_PANEL,
        ),
    ],
)
def test_a_flip_book_viewers_page_is_read_under_its_controls(
    uploaded: str, banner: str, title: str, held: str, date: dt.date, kind: MeetingKind
) -> None:
    text = FLIP_BOOK_PAGE.format(uploaded=uploaded, banner=banner, title=title, held=held)
    header = parse_header(split_lines(text), text_head=text[:3000])
    assert header.title.casefold() == title.casefold()
    assert (header.date, header.start_time, header.kind) == (date, dt.time(10, 0), kind)


def test_a_sharing_sites_print_date_before_the_title_is_not_part_of_the_name() -> None:
    text = (
        "Eastshire Police Authority Minutes 25-05-12\n\n  • Upload\n    others\n\n  • View\n"
        "    18\n\n  • Download\n    0\n\nEmbed Size (px)\n\nCitation preview\n\n"
        "  • 7/31/2019 Eastshire Police Authority Minutes 25-05-12\n\n    1/9\n\nMINUTES\n\n"
        "25 MAY 2012\n\nMEMBERS PRESENT\n\nCouncillor A Reader (Chair)\n"
    )
    header = parse_header(split_lines(text), text_head=text[:3000])
    assert header.date == dt.date(2012, 5, 25)
    assert "7/31/2019" not in header.title
