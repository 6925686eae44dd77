"""Agenda item numbers in the layouts of published minutes and agendas: web pages of
council democracy portals, agenda packs run onto one line, minute references, numbers
printed apart from their titles. Invented text in, item numbers and titles out."""

from ingest.clean import clean_text
from ingest.draft import ItemDraft
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines


def items_of(text: str, body_start: int = 0) -> list[ItemDraft]:
    return parse_items(text, split_lines(text), body_start=body_start)


def numbers(text: str) -> list[str | None]:
    return [item.number for item in items_of(text)]


def outline(items: list[ItemDraft]) -> list[tuple[str | None, str, int | None]]:
    return [(item.number, item.title, item.parent) for item in items]


WEB_PAGE = (
    "Agenda and minutes\n\n"
    "Northmoor Police and Crime Panel - Monday, 3 March 2025 10.00 am\n\n"
    "Items\nNo. Item\n\n"
    "412.\n\nApologies for Absence.\n\nMinutes:\n\nApologies were received from Cllr Hale.\n\n"
    "413.\n\n"
    "To take the minutes of the meeting of 2 December 2024 as a correct record and authorise "
    "the chair to sign them. pdf icon PDF 88 KB\n\n"
    "Minutes:\n\nResolved - That the minutes be taken as a correct record.\n\n"
    "414.\n\nSTATEMENT BY THE COMMISSIONER ON THE FORCE'S RESPONSE TO THE INSPECTION OF ITS "
    "CONTACT CENTRE pdf icon PDF 1 MB\n\n"
    "Additional documents:\n\nMinutes:\n\nThe Commissioner made a statement.\n\n"
    "415.\n\nPrecept Proposal 2025/26 pdf icon PDF 310 KB\n\nMinutes:\n\nThe Panel agreed it.\n"
)


def test_numbers_alone_on_their_line_with_the_title_under_them() -> None:
    items = items_of(WEB_PAGE)
    assert outline(items) == [
        ("412", "Apologies for Absence.", None),
        (
            "413",
            "To take the minutes of the meeting of 2 December 2024 as a correct record and "
            "authorise the chair to sign them.",
            None,
        ),
        (
            "414",
            "STATEMENT BY THE COMMISSIONER ON THE FORCE'S RESPONSE TO THE INSPECTION OF ITS "
            "CONTACT CENTRE",
            None,
        ),
        ("415", "Precept Proposal 2025/26", None),
    ]
    assert items[0].text == "Minutes:\nApologies were received from Cllr Hale."
    assert WEB_PAGE[items[3].span.start : items[3].span.end].startswith("415.\n\nPrecept")


def test_minute_references_alone_on_their_line_survive_cleaning() -> None:
    raw = (
        "Items\nNo. Item\n\n"
        "41/23\n\nAPOLOGIES FOR ABSENCE\n\n    • Share this item\n\n    Minutes:\n\n"
        "    Apologies were received from Ruth Callow.\n\n"
        "42/23\n\nMINUTES OF THE PREVIOUS MEETING pdf icon PDF 211 KB\n\n    Minutes:\n\n"
        "    The minutes were agreed.\n\n"
        "43/23\n\nDECLARATIONS OF INTEREST\n\n    Minutes:\n\n    None were declared.\n"
    )
    text = clean_text(raw).text
    assert [(i.number, i.title) for i in parse_items(text, split_lines(text))] == [
        ("41/23", "APOLOGIES FOR ABSENCE"),
        ("42/23", "MINUTES OF THE PREVIOUS MEETING"),
        ("43/23", "DECLARATIONS OF INTEREST"),
    ]


def test_forms_of_minute_reference() -> None:
    assert numbers(
        "GMCA 71/19 Minutes\nAgreed.\nGMCA 72/19 Budget\nNoted.\nGMCA 73/19 Transport\nNoted.\n"
    ) == ["GMCA 71/19", "GMCA 72/19", "GMCA 73/19"]
    assert numbers(
        "PCP 34.12/13 MEMBERSHIP\nThe Panel appointed a member.\n"
        "35.12/13 APOLOGIES FOR ABSENCE\nApologies were received.\n"
        "36.12/13 MINUTES\nAgreed.\n"
    ) == ["PCP 34.12/13", "35.12/13", "36.12/13"]
    assert numbers(
        "Minute 45/21 Declarations of interest\nNone.\nMinute 46/21 Precept\nAgreed.\n"
    ) == ["45/21", "46/21"]
    assert numbers(
        "Ref 01/18/01/2022 Introductions\nThe Chair opened the meeting.\n"
        "Ref 02/18/01/2022 Finance report\nThe CFO presented.\n"
    ) == ["Ref 01/18/01/2022", "Ref 02/18/01/2022"]


def test_a_committee_code_or_year_before_the_running_number() -> None:
    text = (
        "18.OS.23\n\nDeclarations of Any Interests\n\nMinutes:\n\nNone.\n\n"
        "18.OS.24\n\nPublic Questions\n\nMinutes:\n\nNone had been received.\n"
    )
    assert numbers(text) == ["18.OS.23", "18.OS.24"]
    assert numbers(
        "SEAC/19/07 Community safety plan\nThe plan was noted.\n"
        "SEAC/19/08 Any other business\nNone.\n"
    ) == ["SEAC/19/07", "SEAC/19/08"]


def test_a_code_joined_to_the_running_minute_number() -> None:
    assert numbers(
        "Minutes of the Authority\n\n"
        "PA/118 Apologies for Absence\nApologies were received from Cllr Orme.\n\n"
        "PA/119 Minutes\nThe minutes were confirmed.\n\n"
        "PA/120 Estates Review\n(a) Northfield Station\n(b) Custody Suite\n"
    ) == ["PA/118", "PA/119", "PA/120", "a", "b"]
    assert numbers(
        "Present: Cllr Wren (Chair)\n\n"
        "EX07 Declarations of Interest\n\nNone were declared.\n\n"
        "EX08: Budget Monitoring\n\nThe Treasurer reported an underspend.\n\n"
        "EX09 - Any Other Business\n\nThere was none. Matters arising: EX/41 was closed.\n"
    ) == ["EX07", "EX08", "EX09"]
    # the reference alone on its line, the title under it
    assert numbers(
        "HR/31\nWorkforce Plan\nThe plan was noted.\n\nHR/32\nSickness Absence\nNoted.\n"
    ) == ["HR/31", "HR/32"]


def test_codes_and_numbers_that_are_not_minute_references() -> None:
    text = (
        "1. Venue\nCouncil Offices, Mill Lane, CF82 7PG.\n"
        "CF82 7PG\n"
        "2. Roads Policing\nThe A1 corridor was discussed.\n"
        "A1 road closures were reported.\n"
        "3. Any other business\nNone.\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_action_references_are_not_minute_references() -> None:
    text = (
        "4. Outstanding References\nThe Committee reviewed its list.\n"
        "5/2019/P – Chair to meet the Head of Professional Standards\nUpdate: met in May.\n"
        "6/2019/P – Press article on vetting\nUpdate: closed.\n"
        "5. Any other business\nNone.\n"
    )
    assert numbers(text) == ["4", "5"]


def test_titles_above_bare_agenda_item_numbers() -> None:
    text = (
        "Meeting: Strategy Committee\n\n"
        "Welcome and Introductions\nAgenda Item 1\n\n"
        "Agenda Item 2\n\n"
        "Estates Rationalisation\nAgenda Item 3\n\n"
        "Annex A – Floor Plans\nAgenda Item 3.1\n\n"
        "Annex B – Cost Model\nAgenda Item 3.1.1\n\n"
        "Any Other Business\nAgenda Item 4\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "Welcome and Introductions", None),
        ("2", "Agenda Item 2", None),
        ("3", "Estates Rationalisation", None),
        ("3.1", "Annex A – Floor Plans", 2),
        ("3.1.1", "Annex B – Cost Model", 3),
        ("4", "Any Other Business", None),
    ]
    assert text[items[2].span.start :].startswith("Estates Rationalisation\nAgenda Item 3")
    assert items[1].text == ""


def test_an_item_word_without_its_title_is_still_an_item() -> None:
    text = "Item 1\n\nWelcome and Introductions\n\nItem 2\n\n\nItem 3\n\nDeclarations of Interest\n"
    assert outline(items_of(text)) == [
        ("1", "Welcome and Introductions", None),
        ("2", "Item 2", None),
        ("3", "Declarations of Interest", None),
    ]


RUN_ON = (
    "Public Document Pack Eastdale Police and Crime Panel Friday 6 June 2025 10.30 am Members "
    "are asked to attend the meeting above to deal with the business set out below. This "
    "meeting will be streamed live and the recording may be watched afterwards. AGENDA "
    "1. APOLOGIES To receive apologies from Members. 2. DECLARATIONS OF INTEREST Members "
    "will be asked to declare any interest. 3. MINUTES (Pages 1 - 10) To confirm the minutes "
    "of the meeting of 4 April 2025. 4. Commissioner's Update Report (Pages 11 - 24) To "
    "receive the report. a) Estates Strategy b) Fleet Replacement 5. Complaints 25 - 28\n"
)


def test_a_page_run_onto_one_line() -> None:
    items = items_of(RUN_ON)
    assert outline(items) == [
        ("1", "APOLOGIES", None),
        ("2", "DECLARATIONS OF INTEREST", None),
        ("3", "MINUTES", None),
        ("4", "Commissioner's Update Report To receive the report.", None),
        ("a", "Estates Strategy", 3),
        ("b", "Fleet Replacement", 3),
        ("5", "Complaints", None),
    ]
    assert items[2].text == ""
    assert RUN_ON[items[1].span.start : items[1].span.end] == (
        "2. DECLARATIONS OF INTEREST Members will be asked to declare any interest."
    )
    assert items[3].text == ""


def test_run_on_pieces_keep_what_joined_them_in_the_item_text() -> None:
    text = (
        "Minutes of the Eastdale Police and Crime Panel held on 6 June 2025 in the Council "
        "Chamber, Town Hall, Eastdale Main Panel Members Present: Cllr Hale (Chairman) Eastdale "
        "County Council, Cllr Brook Eastdale County Council and Cllr Osei Northby District "
        "Council. 1. Apologies for Absence 1.1 Apologies had been "
        "received from Cllr Dunn. 2. Members to Declare any Interests 2.1 No interests were "
        "declared by any Member of the Panel at the meeting. 3. Minutes 3.1 The minutes of "
        "the meeting held on 4 April 2025 were confirmed as a correct record.\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == ["1", "2", "3"]
    assert items[0].text == "1.1 Apologies had been received from Cllr Dunn."
    assert items[2].text.startswith("3.1 The minutes of the meeting held on 4 April 2025")


def test_bare_numbers_before_headings_in_capitals_run_on() -> None:
    text = (
        "Eastdale Police and Crime Panel Friday, 19 July 2024 at 11.00 am Town Hall AGENDA "
        "PART 1: ITEMS LIKELY TO BE TAKEN IN PUBLIC 1 APOLOGIES FOR ABSENCE 2 MEMBERSHIP "
        "3 ELECTION OF CHAIR 4 DECLARATIONS OF INTEREST 5 MINUTES To confirm the minutes of "
        "the meeting of 17 April 2024 (copy enclosed). 6 PUBLIC PARTICIPATION To take any "
        "questions sent in writing. Also attending: 1 PSNI Officer and 3 Board Officials.\n"
    )
    assert outline(items_of(text)) == [
        ("1", "APOLOGIES FOR ABSENCE", None),
        ("2", "MEMBERSHIP", None),
        ("3", "ELECTION OF CHAIR", None),
        ("4", "DECLARATIONS OF INTEREST", None),
        ("5", "MINUTES", None),
        ("6", "PUBLIC PARTICIPATION", None),
    ]


def test_an_item_heading_after_a_stray_page_number() -> None:
    text = (
        "3. APOLOGIES FOR ABSENCE\n\n"
        "Apologies were received from Cllr Hale (Head of Legal). 1 4. MINUTES - 2ND MAY 2024\n\n"
        "The minutes were agreed.\n\n5. POLICE AND CRIME PLAN\n\nThe plan was noted.\n"
    )
    assert outline(items_of(text)) == [
        ("3", "APOLOGIES FOR ABSENCE", None),
        ("4", "MINUTES - 2ND MAY 2024", None),
        ("5", "POLICE AND CRIME PLAN", None),
    ]


def test_time_slots_and_the_agenda_word_before_numbers() -> None:
    text = (
        "PART A\n"
        "AGENDA 1. APOLOGIES\n"
        "10:20 – 10:25 2. Urgent Business Chair\n"
        "10:25 – 10:40 3. Previous minutes and action log [p] [1 - 7] Chair\n"
        "10:40 – 10:50 4. Work Programme 2024/25 [p] [9 - 12] Chair\n"
    )
    assert outline(items_of(text)) == [
        ("1", "APOLOGIES", None),
        ("2", "Urgent Business Chair", None),
        ("3", "Previous minutes and action log Chair", None),
        ("4", "Work Programme 2024/25 Chair", None),
    ]


def test_timetable_times_are_not_items() -> None:
    text = (
        "10.30 am\n\n\nDeclarations of Interest pdf icon PDF 58 KB\n\n"
        "Members should declare any interest.\n\n10.35 am\n\n\nMinutes\n\nThe minutes.\n"
    )
    assert all(item.number is None for item in items_of(text))


def test_headings_all_numbered_one_where_the_numbering_was_lost() -> None:
    text = (
        "Agenda Item\n\n"
        "  1. Minutes of the meeting held on 18 November 2023\n\nThe minutes were agreed.\n\n"
        "  1. Update from the Police and Crime Commissioner\n\nThe PCC briefed members.\n\n"
        "  1. Quarterly Treasury Management Report\n\nThe Committee received a report.\n"
    )
    assert outline(items_of(text)) == [
        ("1", "Minutes of the meeting held on 18 November 2023", None),
        ("1", "Update from the Police and Crime Commissioner", None),
        ("1", "Quarterly Treasury Management Report", None),
    ]


def test_points_numbered_one_inside_minutes_are_not_items() -> None:
    text = (
        "15/24\n\nELECTION OF CHAIRMAN\n\nMinutes:\n\nKey points raised during the discussion:\n\n"
        "1. The Scrutiny Officer reported that a single nomination had been received before "
        "the meeting and Cllr Ashdown was elected without a vote.\n\n"
        "1. Opening the meeting, the Chairman thanked Members and said that the Commissioner "
        "had sent apologies.\n\n"
        "1. The Chairman reminded Members that a pre-election period was in force.\n\n"
        "16/24\n\nELECTION OF VICE-CHAIRMAN\n\nMinutes:\n\nMs Kenwood was elected.\n"
    )
    assert numbers(text) == ["15/24", "16/24"]


def test_lettered_and_roman_sub_items() -> None:
    text = (
        "4. MTFP 2025/29 and budget 2025/26\nPaper for review and endorsement\n\n"
        "5. Business cases for approval\n"
        "i) Custody suite refurbishment (see attached minute sheet, for noting only)\n"
        "ii) Body worn video replacement business case\n"
        "iii) Mobile data devices outline business case\n\n"
        "6. Declaration of Members' Interests:\n\n"
        "(i) Conflict of Interest on any item before the meeting (ii) Pecuniary or "
        "non-pecuniary interests\n\n"
        "7. Any other business\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("4", "MTFP 2025/29 and budget 2025/26", None),
        ("5", "Business cases for approval", None),
        ("i", "Custody suite refurbishment (see attached minute sheet, for noting only)", 1),
        ("ii", "Body worn video replacement business case", 1),
        ("iii", "Mobile data devices outline business case", 1),
        ("6", "Declaration of Members' Interests:", None),
        ("i", "Conflict of Interest on any item before the meeting", 5),
        ("ii", "Pecuniary or non-pecuniary interests", 5),
        ("7", "Any other business", None),
    ]


def test_lettered_clauses_of_a_resolution_are_not_sub_items() -> None:
    text = (
        "1. Apologies\nNone.\n\n"
        "2. Declarations of Interest\n\n"
        "(a) That the memberships listed in the table be noted as disclosable interests; and\n\n"
        "(b) That gifts and hospitality received be recorded.\n\n"
        "Each Member must declare\n(i) any disclosable pecuniary interest, and / or\n"
        "(ii) any other interest under the Code of Conduct\n\n"
        "3. Minutes\nThe Board was asked to decide.\n(a) To agree the minutes of 4 September\n"
        "(b) To note the matters arising\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_lettered_purposes_right_under_their_items_heading_are_sub_items() -> None:
    # an agenda's sub-items worded as purposes ("To agree ...") under the heading itself
    text = (
        "12.\n\nMinutes\n\n"
        "(a)  To agree the minutes of the Board meeting on 3rd May 2022\n\n"
        "(b)  Matters arising\n\nMinutes:\n\nThe minutes were agreed as a true record.\n\n"
        "13.\n\nBudget Monitoring\n\nMinutes:\n\nThe Board noted the report.\n"
    )
    assert numbers(text) == ["12", "a", "b", "13"]
    text = (
        "1. Welcome\nThe Chair opened the meeting.\n"
        "2. Previous Meetings\n"
        "a) To confirm the notes of the meeting held in June\n"
        "b) To review the action log\n"
        "The notes were confirmed and the log was reviewed.\n"
        "3. Close\nThe meeting closed.\n"
    )
    assert numbers(text) == ["1", "2", "a", "b", "3"]


def test_page_footers_and_footnote_markers_are_not_items() -> None:
    text = (
        "PRESENT: Mr Paul Devlin (Chair)\n\n(1) Mr Robert Wilson\n\n(2) Mr Gordon Adair\n\n"
        "(3)\n\n(4)\n\nMs Grainne Tierney\n\n1 OFFICIAL 452317\n\n"
        "Apologies were received from Mr Adair.\n\n2 OFFICIAL 452317\n\n"
        "The minutes were approved.\n"
    )
    assert numbers(text) == []


def test_a_single_item_numbered_beyond_one() -> None:
    assert numbers(
        "31. Declarations of Interest\n\n31.1 Under the code of conduct, Panel members "
        "declared the personal interests set out in the table below.\n"
    ) == ["31"]
    assert numbers(
        "Meeting: 24/07/2024 - Overview and Scrutiny Committee (Item 27)\n\n"
        "27 RESOLUTIONS OF THE OVERVIEW AND SCRUTINY COMMITTEE pdf icon PDF 79 KB\n\n"
        "To review progress on the Committee's resolutions.\n"
    ) == ["27"]
    assert numbers("12 Members of the public attended.\n\nThe Chair welcomed them.\n") == []


def test_items_of_a_web_page_that_lost_its_number_column() -> None:
    text = (
        "Agenda and minutes\n\nNo. Item\n\n\n\n"
        "Apologies were received from Alderman Thackeray.\n\n"
        " ...  view the full minutes text for item 1.\n\n\n"
        "Minutes pdf icon PDF 159 KB\n\nTo agree the minutes of the last meeting.\n\n"
        " ...  view the full agenda text for item 2.\n\n"
        "The Board agreed the minutes.\n\n ...  view the full minutes text for item 2.\n\n\n"
        "Outstanding References pdf icon PDF 92 KB\n\nReport of the Town Clerk.\n\n"
        " ...  view the full agenda text for item 3.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "Apologies were received from Alderman Thackeray.", None),
        ("2", "Minutes", None),
        ("3", "Outstanding References", None),
    ]
    assert items[1].text.endswith("view the full minutes text for item 2.")


def test_a_resolution_paragraph_is_not_a_sub_item() -> None:
    text = (
        "1.\n\nApologies for Absence\n\nMinutes:\n\n"
        "1.1  Cllr Farley sent apologies for absence and Cllr Mehta attended as his substitute.\n\n"
        "2.\n\nDeclarations of Interest\n\nMinutes:\n\n2.1  Resolved:\n\n"
        "(a)  That the memberships be noted.\n"
    )
    assert numbers(text) == ["1", "2"]


def test_numbers_glued_to_their_titles() -> None:
    text = (
        "1.Introductions and Apologies\n\n1.1Apologies from Cllr Akhtar and Cllr Holroyd.\n\n"
        "2.To agree, as an accurate record, the minutes of the meeting held on 20 September.\n\n"
        "3.Members’ Declaration of Interest\n\n3.1None of the Members declared an interest.\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_a_heading_in_capitals_running_into_its_paragraph() -> None:
    text = (
        "1. APOLOGIES, ETC Apologies for the meeting were received from Dr Cassidy.\n"
        "2. DRAFT MINUTES The draft minutes of the meeting held on 17 November were approved.\n"
        "3. PCC Update on the estates strategy was given by the Chief Executive.\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "APOLOGIES, ETC"),
        ("2", "DRAFT MINUTES"),
        ("3", "PCC Update on the estates strategy was given by the Chief Executive."),
    ]


def test_lists_that_each_start_at_one_are_not_lost_numbering() -> None:
    text = (
        "24 August 2024 - Performance and Risk - Minutes\n\n"
        "  1. Minutes and Actions - 20 April 2024\n  2. Q1 Performance Review\n\n"
        "22 June 2024 - Finance, Change and People - Minutes\n\n"
        "  1. Minutes and Actions - 23 March 2024\n  2. Custody Estate Update\n"
        "  3. Recruitment and Retention Update\n\n"
        "20 April 2024 - Performance and Risk\n\n"
        "  1. Minutes and Actions - 2 February 2024\n  2. Victim Satisfaction\n  3. AOB\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_a_marking_between_number_and_title_is_not_the_title() -> None:
    text = (
        "Item 9\n\nExclusion of Press and Public\n\n"
        "Item 10\n\n*Private and Confidential*\n\nForce Management Statement\n\n"
        "Item 11\n\n*Private and Confidential*\n\nStrategic Risk Register\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("9", "Exclusion of Press and Public"),
        ("10", "Force Management Statement"),
        ("11", "Strategic Risk Register"),
    ]


def test_a_timetable_run_onto_one_line() -> None:
    text = (
        "[p] Paper attached EASTDALE JOINT AUDIT PANEL 10:15 a.m. – 12:15 p.m., Tuesday 23 July "
        "2024 Meeting Room 3, Churchgate House PART A 10:15 – 10:20 1. Welcome and Apologies "
        "Chair 10:20 – 10:25 2. Urgent Business (if any) Chair 10:25 – 10:30 3. Declarations of "
        "Interest All 10:30 – 10:40 4. Previous minutes and action log [p] [1 - 7] Chair "
        "10:40 – 10:50 5. Panel Work Programme 2024/25 [p] [9 - 12] Chair Future meeting dates\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "Welcome and Apologies Chair"),
        ("2", "Urgent Business (if any) Chair"),
        ("3", "Declarations of Interest All"),
        ("4", "Previous minutes and action log Chair"),
        ("5", "Panel Work Programme 2024/25 Chair Future meeting dates"),
    ]


def test_sub_items_lettered_after_their_number() -> None:
    text = (
        "9. Standing Agenda Items\n"
        "9a Update on actions arising from the last meeting\n"
        "9b. Questions to the Commissioner\n"
        "10. Reports of the Host Authority\nThe reports were noted.\n"
        "The meeting closed at 10am The Chair thanked members.\n"
    )
    assert outline(items_of(text)) == [
        ("9", "Standing Agenda Items", None),
        ("9a", "Update on actions arising from the last meeting", 0),
        ("9b", "Questions to the Commissioner", 0),
        ("10", "Reports of the Host Authority", None),
    ]


def test_numbered_clauses_of_a_resolution_are_not_items() -> None:
    text = (
        "Issue - meetings\n\n"
        "7 Transfer of the Commissioner's Functions pdf icon PDF 118 KB\n\n"
        "Meeting: 12/03/2025 - Cabinet (Item 7)\n\n"
        "Decision:\n\n"
        "1. That the draft scheme for the transfer of functions be approved.\n\n"
        "2. That the Leader be authorised to make small changes to the scheme.\n\n"
        "3. That it be noted that consultation on the scheme will begin in April.\n\n"
        "Minutes:\n\nCouncillor Ward introduced the scheme.\n"
    )
    assert outline(items_of(text)) == [("7", "Transfer of the Commissioner's Functions", None)]


def test_sub_items_lettered_with_a_full_stop() -> None:
    text = (
        "1. Welcome and Apologies\nApologies from JN.\n"
        "2. Minutes\nThe minutes were approved.\n"
        "3. Northmoor Police\n"
        "a. Current and significant issues\nNo issues were raised.\n"
        "b. For Information and Discussion\nThe DCC set out the new format.\n"
        "4. Any Other Business\nNone.\n"
    )
    assert numbers(text) == ["1", "2", "3", "a", "b", "4"]


def test_a_table_whose_cells_are_kept_apart_by_bars() -> None:
    text = (
        "Attending: | Ruth Hale (RH) – Deputy Mayor |\n"
        "1. |\nWelcome, Introductions & Apologies |\nRH opened the meeting.\n|\n"
        "2. | Minutes |\nThe minutes were approved. | |\n"
        "3. | Northmoor Police |\nThe DCC gave an update.\n"
    )
    assert outline(items_of(text)) == [
        ("1", "Welcome, Introductions & Apologies", None),
        ("2", "Minutes", None),
        ("3", "Northmoor Police", None),
    ]


def test_items_numbered_only_by_their_lettered_entries() -> None:
    text = (
        "AGENDA\n"
        "1. APOLOGIES FOR ABSENCE\n"
        "2 DECLARATIONS OF INTEREST\n"
        "MINUTES AND MATTERS ARISING\n"
        "3A MINUTES – BUDGET MEETING\n"
        "3B MINUTES – AUDIT COMMITTEE JANUARY 2025\n"
        "4 REVIEW OF ACTIONS\n"
        "DECISION REPORTS\n"
        "ESTATES AND FLEET – 5A DECISION SALE OF FORMER SECTION OFFICE\n"
        "5B PROCUREMENT DECISION\n"
        "REPORTS TO NOTE\n"
        "COMMISSIONER'S COMMUNITY 6A SAFETY FUND AWARDS TO NOTE\n"
    )
    assert numbers(text) == ["1", "2", "3A", "3B", "4", "5A", "5B", "6A"]


def test_lettered_sub_items_whose_titles_run_into_their_paragraphs() -> None:
    text = (
        "No. Discussion Outcome / Decision\n"
        "801 Previous Minutes\nThe minutes of the last meeting were agreed.\n"
        "802 Decisions Required\n"
        "802a Fleet Strategy – Annual Update: The CFO took the Board through the strategy and "
        "members discussed the replacement of older vans over the coming two years.\n"
        "802b Treasury Management Report – Quarterly Update: The Board noted the report and "
        "asked how the deposits were spread across banks.\n"
    )
    assert outline(items_of(text)) == [
        ("801", "Previous Minutes", None),
        ("802", "Decisions Required", None),
        ("802a", "Fleet Strategy – Annual Update", 1),
        ("802b", "Treasury Management Report – Quarterly Update", 1),
    ]


def test_numbered_paragraphs_opening_with_a_label_stay_paragraphs() -> None:
    text = (
        "5. Precept Proposal\n"
        "5.1 The Commissioner introduced the proposal for the coming year and the figures.\n"
        "5.2 Reserves: Members asked whether the level of general reserves could be justified.\n"
        "5.3 The Panel agreed to endorse the precept as proposed by the Commissioner.\n"
        "6. Work Programme\nThe programme was noted.\n"
    )
    assert numbers(text) == ["5", "6"]


def test_lettered_sub_items_run_on_in_their_items_line() -> None:
    text = (
        "AGENDA\n\n"
        "1 Minutes of last meeting held on 2 June 2025 3 - 10\n\n"
        "2 Apologies for Absence\n\n"
        "3 Declarations of Interests by Members and Officers:- (see note below) "
        "(a) Disclosable Pecuniary Interests (b) Other Private Interests (pecuniary or not)\n\n"
        "4 Work Programme 11 - 20\n"
    )
    assert outline(items_of(text)) == [
        ("1", "Minutes of last meeting held on 2 June 2025", None),
        ("2", "Apologies for Absence", None),
        ("3", "Declarations of Interests by Members and Officers:- (see note below)", None),
        ("a", "Disclosable Pecuniary Interests", 2),
        ("b", "Other Private Interests (pecuniary or not)", 2),
        ("4", "Work Programme", None),
    ]


def test_item_headings_numbered_as_first_paragraphs_on_a_run_on_page() -> None:
    text = (
        "1. APOLOGIES, ETC Apologies for the meeting were received from Mr Hale. The Chair "
        "invited Members to declare any conflicts of interest. None were declared. "
        "2.1 DRAFT MINUTES OF THE MEETING HELD ON 4 MARCH 2025 It was: AGREED: That the "
        "draft minutes be approved. 3. MATTERS ARISING FROM THE MINUTES OF THE MEETING HELD "
        "ON 4 MARCH 2025 3.1 Briefing on the Cyber Crime Unit (Item 3.2 of minutes refers) "
        "Members had been sent the further material they asked for. NOTED. "
        "3.2 Chair's Correspondence (Item 4.1 of minutes refers) The Committee noted a letter "
        "from the Chief Constable about the estate strategy and its timetable.\n"
    )
    assert outline(items_of(text)) == [
        ("1", "APOLOGIES, ETC", None),
        ("2.1", "DRAFT MINUTES OF THE MEETING HELD ON 4 MARCH 2025", None),
        ("3", "MATTERS ARISING FROM THE MINUTES OF THE MEETING HELD ON 4 MARCH 2025", None),
        ("3.1", "Briefing on the Cyber Crime Unit", 2),
        ("3.2", "Chair's Correspondence", 2),
    ]


def test_a_first_paragraph_of_prose_does_not_stand_for_its_item() -> None:
    text = (
        "1. Apologies\n1.1 Apologies were received from Cllr Hale.\n"
        "2.1 The Panel agreed the minutes of the last meeting as a true record of it.\n"
        "3. Work Programme\n3.1 Members noted the programme for the coming year.\n"
    )
    assert numbers(text) == ["1", "3"]


def test_short_answers_numbered_as_paragraphs_are_not_sub_items() -> None:
    text = (
        "1. Apologies for Absence\n1.1 Apologies were noted.\n"
        "2. Members to Declare any Interests\n2.1 No interests were declared.\n"
        "3. Declarations of Interest\n3.1 None were made.\n"
        "4. Exclusion of the Public\n4.1 Exclusion of the Public.\n4.2 Estates Update.\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "4.1", "4.2"]


def test_a_page_for_one_item_under_its_minute_reference() -> None:
    text = (
        "Agenda item\n\n"
        "SEAC/24/07 Policing Update\n\n"
        "Minutes:\n\n"
        "The Chair welcomed Inspector Dunn to the meeting of the Area Committee.\n\n"
        "A resident asked what was being done about nuisance on Quay Lane.\n"
    )
    assert outline(items_of(text)) == [("SEAC/24/07", "Policing Update", None)]


def test_headings_of_a_page_without_numbers_lose_their_attachment_links() -> None:
    text = (
        "Agenda and minutes\n\n"
        "No. Item\n\n"
        "Minutes of the previous meeting pdf icon PDF 98 KB\n\n"
        "The minutes of the meeting held on 3 March were agreed as a correct record.\n\n"
        "Declarations of Interest\n\n"
        "There were no declarations of interest at this meeting of the Panel.\n"
    )
    assert [item.title for item in items_of(text, body_start=1)] == [
        "Minutes of the previous meeting",
        "Declarations of Interest",
    ]


def test_minutes_numbered_minute_no() -> None:
    text = (
        "MINUTES\n\n"
        "MINUTE NO. 23 APOLOGIES\nApologies were received from Cllr Hale.\n\n"
        "MINUTE NO. 24 MINUTES OF THE LAST MEETING\nThe minutes were agreed.\n\n"
        "MINUTE NO. 25 POLICE AND CRIME PLAN\nThe Commissioner presented the plan.\n"
    )
    assert numbers(text) == ["23", "24", "25"]


def test_a_minute_cited_under_matters_arising_is_a_title() -> None:
    text = (
        "4.\n\nMATTERS ARISING FROM THE MINUTES\n\n"
        "4.1\n\nMinute 6 - Annual Report of the Commissioner\n\nMinutes:\n\n"
        "A Member asked for an update on the rural crime officers.\n\n"
        "5.\n\nPRECEPT PROPOSAL\n\nMinutes:\n\nThe Panel agreed the precept.\n"
    )
    assert outline(items_of(text)) == [
        ("4", "MATTERS ARISING FROM THE MINUTES", None),
        ("4.1", "Minute 6 - Annual Report of the Commissioner", 0),
        ("5", "PRECEPT PROPOSAL", None),
    ]


def test_sub_items_lettered_in_brackets_after_their_number() -> None:
    text = (
        "5 Reports to the Panel\n"
        "5 (a) Finance Report\nThe report was noted.\n"
        "5 (b) Estates Report\nThe report was noted.\n"
        "6 Any Other Business\nNone.\n"
    )
    assert outline(items_of(text)) == [
        ("5", "Reports to the Panel", None),
        ("5 (a)", "Finance Report", 0),
        ("5 (b)", "Estates Report", 0),
        ("6", "Any Other Business", None),
    ]


def test_sub_items_lettered_in_capitals() -> None:
    text = (
        "5. Reports\nA) Finance Report\nNoted.\nB) Estates Report\nNoted.\n"
        "6. Any Other Business\nNone.\n"
    )
    assert numbers(text) == ["5", "A", "B", "6"]


def test_a_list_with_labels_inside_an_item_does_not_replace_the_items() -> None:
    text = (
        "1. Apologies\nNone.\n"
        "2. Minutes\nAgreed.\n"
        "3. Performance Report\nThe points raised were:\n"
        "1. Recruitment: The DCC said that 120 officers had joined since April this year.\n"
        "2. Vetting: The ACC said that the backlog of vetting checks had been cleared.\n"
        "3. Estates: The Board asked when the new custody suite would open to detainees.\n"
        "4. Fleet: The CFO said that twenty electric cars were on order for the force.\n"
        "4. Any Other Business\nNone.\n"
        "5. Date of Next Meeting\n3 June 2025.\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "Apologies"),
        ("2", "Minutes"),
        ("3", "Performance Report"),
        ("4", "Any Other Business"),
        ("5", "Date of Next Meeting"),
    ]


def test_unnumbered_headings_with_attachment_links_and_labels_under_them() -> None:
    text = (
        "Agenda and minutes\n\n"
        "Declarations of Interest\n\n"
        "There were no declarations of interest made at the meeting.\n\n"
        "Minutes of the Confirmation Hearing - 18 January 2025 pdf icon PDF 211 KB\n\n"
        "Additional documents:\n\n"
        "Resolved –\n\n"
        "That the minutes of the hearing be agreed as a correct record and signed.\n"
    )
    assert [item.title for item in items_of(text, body_start=1)] == [
        "Declarations of Interest",
        "Minutes of the Confirmation Hearing - 18 January 2025",
    ]


def test_a_short_agenda_run_onto_one_line() -> None:
    text = (
        "AGENDA 1. Apologies for Absence 2. Declarations of Interest 3. Minutes of the "
        "meeting held on 3 March 2025 4. Precept Proposal 2025/26 5. Date of Next Meeting\n"
    )
    assert outline(items_of(text)) == [
        ("1", "Apologies for Absence", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes of the meeting held on 3 March 2025", None),
        ("4", "Precept Proposal 2025/26", None),
        ("5", "Date of Next Meeting", None),
    ]


def test_numbers_with_stops_inside_a_sentence_are_not_cut() -> None:
    text = (
        "1. Finance\nThe CFO said that the reserve stood at 3. The figure for March was 7. "
        "Members asked about it.\n2. Any Other Business\nNone.\n"
    )
    assert numbers(text) == ["1", "2"]


def test_bare_item_words_with_the_title_on_the_line_under_them() -> None:
    text = (
        "Item 1 –\nWelcome and Apologies\nThe Chair welcomed all.\n"
        "Item 2 –\nMinutes\nAgreed.\n"
        "Item 3 –\nFinance\nNoted.\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "Welcome and Apologies"),
        ("2", "Minutes"),
        ("3", "Finance"),
    ]


def test_sub_items_named_by_the_word_item_whose_parent_is_not_printed() -> None:
    text = (
        "Item 5.1 Chief Constable's Report\nThe report was noted.\n"
        "Item 5.2 Finance Report\nThe report was noted.\n"
        "Item 6 Any Other Business\nNone.\n"
    )
    assert numbers(text) == ["5.1", "5.2", "6"]


def test_a_run_on_agenda_with_a_declarations_item_and_an_unnumbered_line() -> None:
    # "Declarations" is no month (so "2 Declarations" opens an entry), and "- 4 Fenmoor"
    # after a line of the agenda's own is an entry where "1 - 10" is a page range
    text = (
        "A meeting of the Fenmoor Police and Crime Panel will be held on Friday, 7 March "
        "2025 at 10.00 am to consider the matters contained in the following agenda. "
        "A G E N D A Pages 1 To appoint a Chair for the Ensuing Year. 2 Declarations of "
        "Interest. 3 Apologies for Absence. To approve and sign the following minutes: - "
        "4 Fenmoor Police and Crime Panel held on 6 December 2024. 1 - 10 5 Annual Report "
        "of the Commissioner. 11 - 30 6 Forward Work Programme. 31 - 32 MEMBERSHIP: "
        "Councillor Ann Bell, Councillor Roy Tapp, Councillor Ivy Hart, Councillor Dan Rye\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5", "6"]


def test_titles_in_capitals_that_end_with_a_stop() -> None:
    # the agenda's titles outweigh a numbered membership list above them
    text = (
        "MEMBERSHIP\n\n"
        "NORTHMOOR COUNCIL 1. COUNCILLOR ANN BELL (Labour)\n"
        "2. COUNCILLOR ROY TAPP (Independent)\n"
        "3. COUNCILLOR IVY HART (Plaid Cymru)\n\n"
        "A G E N D A\n\n"
        "1. APPOINTMENT OF CHAIR AND VICE-CHAIR FOR THE PANEL 2025/26.\n\n"
        "2. APOLOGIES FOR ABSENCE AND PERSONAL MATTERS.\n\n"
        "3. DECLARATIONS OF INTEREST.\n\n"
        "4. TO SIGN AS A CORRECT RECORD THE MINUTES OF THE MEETING HELD ON 3 MARCH.\n\n"
        "5. DRAFT ANNUAL REPORT OF THE POLICE AND CRIME COMMISSIONER.\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5"]


def test_a_lettered_list_introduced_by_a_sentence_is_not_sub_items() -> None:
    text = (
        "1.\n\nApologies\n\nMinutes:\n\nNone were received.\n\n"
        "2.\n\nDecisions published by the Commissioner\n\n"
        "The following decisions have been published since the last meeting of the Panel:\n\n"
        "a.   Decision 011 - Replacement of the Fleet Workshop\n\n"
        "b.   Decision 012 - Custody Suite Refurbishment\n\n"
        "Minutes:\n\nResolved: That the decisions be noted.\n\n"
        "3.\n\nWork Programme\n\nMinutes:\n\nThe Panel agreed its programme.\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_lettered_sub_items_under_an_item_heading_stay_sub_items() -> None:
    text = (
        "4.  Risk Register\n\n"
        "a.  Commissioner's Risk Register\n\n"
        "The Treasurer took members through the register and its two new entries.\n\n"
        "b.  Force Risk Register\n\n"
        "The Deputy Chief Constable presented the force register.\n\n"
        "5.  Internal Audit Progress Report\n\nThe auditor presented the report.\n"
    )
    assert numbers(text) == ["4", "a", "b", "5"]


def test_paragraph_numbers_left_where_the_items_lost_theirs() -> None:
    # a council web page that dropped its number column: the minutes' paragraph numbers
    # are the only references left; their first part numbers the heading above them
    text = (
        "No. Item\n\n\n"
        "Minutes of the previous meeting pdf icon PDF 512 KB\n\n"
        "To confirm and sign the minutes of the meeting held on 2nd February 2025.\n\n"
        "Additional documents:\n\n"
        "2.1 The minutes of the previous meeting were approved as a correct record.\n\n\n"
        "Declarations of Interest\n\n"
        "Members are invited to declare any pecuniary or personal interests.\n\n"
        "3.1 Ann Bell declared that she was a trustee of a youth charity in Rye.\n\n"
        "3.2 The Chair informed the panel that Roy Tapp was no longer a member.\n"
    )
    items = items_of(text)
    assert [(item.number, item.parent) for item in items] == [("2", None), ("3", None)]
    assert items[1].title == "Declarations of Interest"
    assert "3.2 The Chair informed" in items[1].text


def test_paragraph_numbers_under_headings_with_a_sub_heading_between_them() -> None:
    # unnumbered headings first, then items known by their tab-spaced paragraph numbers;
    # a heading between two paragraphs of one item is part of its text
    text = (
        "Public Questions\n\nNo questions had been received this time.\n\n"
        "Chair's Announcements\n\n"
        "6.1\tThe Chair thanked the outgoing Commissioner for her work.\n\n"
        "6.2\tMembers heard that a regional network of panels was proposed.\n\n"
        "Commissioner's Report\n\n"
        "Including the latest figures on complaints and on recruiting officers.\n\n"
        "7.1\tThe Commissioner introduced the report on complaints and crime figures.\n\n"
        "Recruitment\n\n"
        "7.2\tIn March it was announced that the Deputy would leave in June.\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == [None, "6", "7"]
    assert [item.title for item in items][1:] == ["Chair's Announcements", "Commissioner's Report"]
    assert "Recruitment" in items[2].text
    # the same with trailing stops and no headings left over the first item
    text = (
        "12.1.  The Chair welcomed the Commissioner to the meeting of the committee.\n\n"
        "12.2.  The Commissioner said that the new station would open in the spring.\n\n"
        "Community Safety\n\n"
        "13.1.  Members asked how many officers patrolled the town centre at night.\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == ["12", "13"]
    assert items[0].text.startswith("12.1.  The Chair welcomed")
    assert items[1].title == "Community Safety"


def test_numbered_paragraphs_that_skip_are_not_references() -> None:
    text = (
        "Declarations of Interest\n\n"
        "Members are invited to declare any pecuniary or personal interests.\n\n"
        "3.1 Ann Bell declared that she was a trustee of a youth charity in Rye.\n\n"
        "5.4 The Chair informed the panel that Roy Tapp was no longer a member.\n"
    )
    assert [item.number for item in items_of(text)] == [None]


def test_running_minute_numbers_beside_the_agenda_numbers() -> None:
    # the body's running minute numbers open the paragraphs under each agenda number:
    # they are the items' text, not items
    text = (
        "No. Item\n\n"
        "1.\n\nDeclarations of Interest\n\nMinutes:\n\n"
        "37.    Members of the Panel declared the personal interests in the table below.\n\n"
        "2.\n\nMinutes of the last meeting\n\nMinutes:\n\n"
        "38.    The Panel noted a correction to the minutes of the last meeting.\n\n"
        "39.  Resolved - That subject to the correction the minutes be approved.\n\n"
        "3.\n\nRoad Safety\n\nMinutes:\n\n"
        "40.    The Panel received a report from the Commissioner on road safety.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "Declarations of Interest", None),
        ("2", "Minutes of the last meeting", None),
        ("3", "Road Safety", None),
    ]
    assert "39.  Resolved" in items[1].text
    text = (
        "1 Apologies for Absence\n"
        "112 Apologies were received from Cllr Frame and Cllr Oduya.\n"
        "2 Public Questions\n"
        "113 No questions had been received from members of the public.\n"
        "114 The Chair reminded the Board of the deadline for questions.\n"
    )
    assert numbers(text) == ["1", "2"]


def test_a_numbered_list_inside_one_item_is_no_minute_numbers() -> None:
    text = (
        "1.  Apologies\n\nNone were received.\n\n"
        "2.  Work Programme\n\nThe Panel agreed to look at:\n\n"
        "7. the precept in January;\n\n8. the annual report in June.\n\n"
        "3.  Any Other Business\n\nThere was none.\n"
    )
    assert numbers(text) == ["1", "2", "3"]


def test_a_page_listing_two_meetings_gives_the_first_meetings_items() -> None:
    text = (
        "Accountability Board Meetings\n\n18th June 2025\n\n"
        "1. Welcome and introductions\nMr Pendle\n\n"
        "2. Apologies\nMr Pendle\n\n"
        "3. Declaration of Interests\n"
        "4. Current and Significant Issues\nCC Rawley\n\n"
        "5. Exclusion of Press and Public\nMr Pendle\n\n"
        "13th March 2025\n\n"
        "1. Welcome and introductions\nMr Pendle\n\n"
        "2. Apologies\nMr Pendle\n\n"
        "3. Declaration of Interests\nMr Pendle\n\n"
        "4. Minutes of meeting held on 22 November 2024\nMr Pendle\n\n"
        "5. Matters arising\nMr Pendle\n\n"
        "6. Exclusion of Press and Public\nMr Pendle\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == ["1", "2", "3", "4", "5"]
    assert items[4].title == "Exclusion of Press and Public"
    assert items[4].span.start < text.index("13th March")


def test_an_agenda_list_then_the_minutes_under_the_same_titles() -> None:
    text = (
        "AGENDA\n\n1. Apologies\n2. Minutes of the last meeting\n3. Finance Report\n\n"
        "MINUTES\n\n"
        "1. Apologies\nApologies were received from Ann Bell.\n\n"
        "2. Minutes of the last meeting\nThe minutes were agreed.\n\n"
        "3. Finance Report\nThe Treasurer presented the report.\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == ["1", "2", "3"]
    assert items[2].text == "The Treasurer presented the report."


def test_minute_numbers_run_on_past_paragraphs_numbered_under_each() -> None:
    text = (
        "19.\n\nElection of Chair\n\nMinutes:\n\n"
        "1.  The Clerk invited nominations for Chair of the Panel.\n\n"
        "2.  Cllr Hale proposed, and Cllr Rye seconded, that Mr Bell be elected.\n\n"
        "20.\n\nElection of Vice-Chair\n\nMinutes:\n\n"
        "1.  Cllr Tapp proposed, and Cllr Hale seconded, that Mr Hart be elected\n\n"
        "2.  Cllr Rye proposed, and Cllr Tapp seconded, that Mr Dunn be elected\n\n"
        "21.\n\nApologies and Substitutes\n\nMinutes:\n\n"
        "1.  Apologies were received from Cllr Lowe.\n\n"
        "22.\n\nDeclarations of Interest\n\nMinutes:\n\nNone were made.\n"
    )
    assert numbers(text) == ["19", "20", "21", "22"]


def test_a_text_cut_off_after_an_items_number_keeps_the_number() -> None:
    text = (
        "1. Apologies\n\nNone were received.\n\n"
        "2. Minutes of the last meeting\n\nThe minutes were agreed.\n\n"
        "3. Exempt Minutes 39 - 42 To confirm the minutes of the meeting held on 28 May.\n\n"
        "4.\n"
    )
    assert numbers(text) == ["1", "2", "3", "4"]


def test_a_page_number_at_the_end_is_no_item() -> None:
    text = "1. Apologies\n\nNone were received.\n\n2. Minutes\n\nAgreed.\n\n7\n"
    assert numbers(text) == ["1", "2"]


def test_sub_items_numbered_in_brackets_after_their_items_number() -> None:
    text = (
        "Items\nNo. Item\n\n"
        "1.\n\nGeneral\n\nAdditional documents:\n\n"
        "1(1)\n\nApologies\n\nMinutes:\n\nApologies were received from Cllr Penrose.\n\n"
        "1(2)\n\nDeclarations of Interest\n\nMinutes:\n\nNone were declared.\n\n"
        "2.\n\nPrecept Proposal 2026/27\n\nMinutes:\n\nThe Panel endorsed the precept.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "General", None),
        ("1(1)", "Apologies", 0),
        ("1(2)", "Declarations of Interest", 0),
        ("2", "Precept Proposal 2026/27", None),
    ]


def test_bracket_numbered_sub_items_under_their_item_take_its_number() -> None:
    text = (
        "1. General\n\n"
        "(1) Apologies To note apologies from Panel Members\n\n"
        "(2) Minutes of the previous meeting 5 - 12\n\n"
        "2. Proposed Precept 2026/27 To review the proposed precept.\n\n"
        "(1) Precept Survey Results Report 13 - 30\n\n"
        "3. Work Programme 31 - 34\n"
    )
    assert numbers(text) == ["1", "1(1)", "1(2)", "2", "2(1)", "3"]


def test_a_long_lettered_run_with_presenters_in_brackets() -> None:
    letters = "abcdefghijk"
    reports = "\n\n".join(
        f"{letter}) Quarterly Report on Service Area {n} against the Plan Priorities Q2 "
        "2025/26 - (Deputy Chief Constable)"
        for n, letter in enumerate(letters, 1)
    )
    text = (
        "1. Apologies for absence\n\n2. To confirm the Minutes of the last meeting.\n\n"
        f"{reports}\n\n"
        "4. Exempt business under the Freedom of Information Act 2000.\n\n"
        "a) Contract Award – Vehicle Servicing - (Assistant Chief Officer)\n\n"
        "5. Any Other Business\n"
    )
    assert numbers(text) == ["1", "2", *letters, "4", "a", "5"]


def test_one_lettered_sub_item_over_its_text() -> None:
    text = (
        "1. | Welcome and Apologies |\nThe Chair welcomed members.\n"
        "2. | Minutes |\nThe minutes were approved.\n"
        "3. | Force Update |\n"
        "a. Current and emerging issues\n"
        "The Deputy Chief Constable gave an update on summer demand.\n"
    )
    assert numbers(text) == ["1", "2", "3", "a"]


def test_bracket_letters_are_listed_as_printed_where_others_print_the_number() -> None:
    text = (
        "AGENDA\n\n"
        "3 Declarations of Interests by Members and Officers:- (see note below) "
        "(a) Disclosable Pecuniary Interests (b) Other Private Interests\n\n"
        "4 Work Programme 11 - 20\n\n"
        "5 Regional Collaboration Update\n\n"
        "5(a) Regional Collaboration presentation 21 - 30\n\n"
        "5(b) Proposal for a Regional Workshop 31 - 34\n\n"
        "6 Complaints Update 35 - 40\n"
    )
    assert numbers(text) == ["3", "a", "b", "4", "5", "5(a)", "5(b)", "6"]
    text = (
        "1. Apologies\n\n"
        "2. Minutes\n\n(a) Minutes of the meeting of 4 May\n\n(b) Action Log\n\n"
        "3 (a) Annual Report\n\n3 (b) Precept Timetable\n\n"
        "4. Any Other Business\n"
    )
    assert numbers(text) == ["1", "2", "a", "b", "3 (a)", "3 (b)", "4"]


def test_paragraph_numbers_run_on_after_a_minutes_label() -> None:
    text = (
        "No. | Item |\n"
        "Apologies for absence To note any apologies. Minutes: 3.1 The Chair welcomed the "
        "new members of the Panel.\n"
        "3.2 He also confirmed that an independent member had stepped down.\n"
        "Minutes of the previous meeting To confirm the minutes. Minutes: The minutes were "
        "approved.\n"
        "Commissioner's Update To receive an update. Additional documents:\n"
        "Minutes: 5.1 The Chair introduced the Commissioner, who presented his report.\n"
        "5.2 A Member asked how the Panel would see progress on road safety.\n"
    )
    items = [item for item in items_of(text) if item.number]
    assert [item.number for item in items] == ["3", "5"]
    assert items[0].text.startswith("3.1 The Chair welcomed")


def test_a_first_item_on_the_line_taken_for_the_title() -> None:
    text = (
        "1.Standing Items Morag Dunlin, Committee Chair\n"
        "1.1 Welcome and Apologies\n1.2 Declarations of Interest\n"
        "2. Senior Officer Matter\nReport for Discussion presented by the Chief Executive\n"
    )
    items = parse_items(text, split_lines(text), skip=[0])
    assert [item.number for item in items] == ["1", "1.1", "1.2", "2"]


def test_a_single_item_numbered_as_a_lettered_sub_item() -> None:
    text = (
        "Apologies\nThe record was approved.\n"
        "2a. Action 6/25 Roads Policing Day of Action update\n"
        "The Assistant Chief Constable gave a verbal update on the day of action.\n"
    )
    assert numbers(text) == ["2a"]


def test_minute_references_repeated_over_their_discussion() -> None:
    # a decisions table, then the discussion under the same references: one item each
    text = (
        "Item Description Decision\n"
        "PCP\n14/25\nDECLARATIONS OF INTEREST\nNo interests were declared.\n"
        "PCP\n15/25\nMINUTES\nRESOLVED that the minutes be agreed.\n"
        "PCP\n16/25\nCOMMISSIONER'S UPDATE\nRESOLVED that the report be noted.\n"
        "PCP\n17/25\nFORWARD PLAN\nRESOLVED that the Forward Plan be noted.\n"
        "Preamble\n"
        "PCP\n15/25\nThe Panel considered the minutes of the meeting held on 3 June.\n"
        "PCP\n16/25\nThe Panel considered a report on the work of the Commissioner.\n"
    )
    assert numbers(text) == ["PCP 14/25", "PCP 15/25", "PCP 16/25", "PCP 17/25"]
    text = (
        "Ref Subject Outcome\n"
        "JAC 3/24 Internal Audit Plan Approved\n"
        "JAC 4/24 Risk Register Noted\n"
        "Discussion\n"
        "JAC 3/24\nThe auditor explained how the plan had been drawn up.\n"
        "JAC 4/24\nMembers asked about the new risk on fleet costs.\n"
    )
    assert numbers(text) == ["JAC 3/24", "JAC 4/24"]


def test_two_minutes_printed_with_one_number_are_both_items() -> None:
    text = (
        "3. Declaration of interests\n(Agenda item 2)\nNo interests were declared.\n"
        "4. Exclusion of press and public\n(Agenda item 3)\n"
        "Resolved - That the press and public be excluded for the remaining item.\n"
        "4. Summary of exempt items\n(a) Update on staff conduct cases\n"
        "The Members heard an oral update on two cases.\n"
        "5. Close of the meeting\nThe meeting closed at 11.40am.\n"
    )
    assert numbers(text) == ["3", "4", "4", "a", "5"]
    text = (
        "1.  Apologies\n\nNone.\n\n"
        "2.  Estates Strategy\n\nThe Director presented the strategy.\n\n"
        "2.  Fleet Replacement\n\nThe Board approved the fleet plan.\n\n"
        "3.  Date of Next Meeting\n\n12 March.\n"
    )
    assert numbers(text) == ["1", "2", "2", "3"]
    # the same title printed twice is one item
    text = text.replace("Fleet Replacement", "Estates Strategy")
    assert numbers(text) == ["1", "2", "3"]


def test_item_numbers_left_mid_line_by_a_flattened_agenda_table() -> None:
    text = (
        "Standing Items Purpose Page Time 211 Apologies Chair\n\n"
        "212 Minutes of the last meeting Chair 5 Mins The Chair will propose the minutes. "
        "213 Actions Log Chair 15 Mins\n\n"
        "Standing Items 214 Organisational Update Chief Executive Information 10 Mins\n\n"
        "215 Internal Audit Update Audit Manager 10 Mins a. Internal Audit Overview (incl. "
        "summary of follow-up) b. Internal Audit Plan 2026-27 Audit Manager\n\n"
        "216 Risk Register Chief Superintendent 10 Mins\n\n"
        "217 Legal Report Director of Finance 10 Mins Resources 218 Ethics Superintendent\n"
    )
    assert numbers(text) == ["211", "212", "213", "214", "215", "a", "b", "216", "217", "218"]


def test_numbers_in_a_sentence_do_not_fill_a_gap_in_the_items() -> None:
    text = (
        "1. Apologies\nNone.\n\n"
        "2. Performance Report\nMembers noted 3 Recommendations from the inspection.\n\n"
        "4. Any Other Business\nNone.\n"
    )
    assert numbers(text) == ["1", "2", "4"]


def test_sub_items_with_their_items_number_on_a_page_run_onto_one_line() -> None:
    text = (
        "NORTHMOOR POLICE AND CRIME PANEL Monday, 2 March 2026 at 14:00 County Hall AGENDA "
        "1 Minutes of last meeting held on 2 February 2026 5 - 18 2 Apologies for Absence "
        "3 Declarations of Interests 4 Work Programme 19 - 22 5 Review of Membership 23 - 26 "
        "6 Police and Crime Commissioner's Update 27 - 56 7 Finance Performance Report 57 - 70 "
        "8 Regional Collaboration Update 8(a) Regional Collaboration presentation 71 - 90 "
        "8(b) Proposal for a Regional Workshop Event 91 - 94 9 Complaints Update 95 - 100 "
        "Notes Members of the public are welcome to attend to observe meetings of the Panel.\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5", "6", "7", "8", "8(a)", "8(b)", "9"]


def test_an_item_word_joined_to_the_title_above_it() -> None:
    text = (
        "Item 1\n\nWelcome and Introductions\n\n"
        "Item 2\n\nDeclarations of Interest item 3\n\nNotes of the previous meeting\n\n"
        "Item 4\n\nMatters arising\n\nItem 5\n\nAction Tracker\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5"]


def test_a_numbered_list_inside_one_minute_is_not_the_items() -> None:
    # running minute numbers around a list numbered from 1 under one of them: the
    # minute numbers run on across the list (215, then 216)
    text = (
        "Minutes of the Board\n\n"
        "214. APOLOGIES\n\nNone were received.\n\n"
        "215. MATTERS ARISING\n\nThe Board heard these updates:\n\n"
        "  1. Fleet Review: OB confirmed the electric van trial had begun.\n"
        "  2. Estates: the sale of the old depot had completed.\n"
        "  3. Recruitment Campaign: PK reported a strong response.\n"
        "  4. Action Tracker\n"
        "  5. Nothing was outstanding.\n\n"
        "216. RISK REGISTER\n\nThe register was noted.\n\n"
        "217. ANY OTHER BUSINESS\n\nNone.\n"
    )
    assert numbers(text) == ["214", "215", "216", "217"]
    text = (
        "31 Welcome and Apologies\n\nThe Chair opened the meeting.\n\n"
        "32 Partnership Updates\n\nMembers were told about:\n"
        "1) Youth Diversion: funding agreed for a year.\n"
        "2) Rural Watch: Membership up by a tenth.\n"
        "3) Business Crime: Survey results to follow.\n"
        "4) Victims Hub\n"
        "5) Road Safety\n\n"
        "33 Date of Next Meeting\n\nTo be confirmed.\n"
    )
    assert numbers(text) == ["31", "32", "33"]


def test_a_line_taken_for_the_title_inside_the_run_of_items() -> None:
    # a minute whose heading reads like a document's title ("MINUTES OF ... HELD ON ...")
    # stands between the minutes numbered one below and one above it
    text = (
        "51 APOLOGIES\n\nNone.\n\n"
        "52 MINUTES OF THE RESOURCES BOARD HELD ON 4 MARCH 2009\n\nAgreed.\n\n"
        "53 TREASURY REPORT\n\nNoted.\n"
    )
    lines = split_lines(text)
    found = parse_items(text, lines, skip=[4])
    assert [item.number for item in found] == ["51", "52", "53"]
    text = (
        "7. Welcome\nThe Chair opened the meeting.\n"
        "8. Minutes of the Panel held on 2nd June 2015\nConfirmed.\n"
        "9. Complaints\nThe Panel noted two complaints.\n"
    )
    assert [i.number for i in parse_items(text, split_lines(text), skip=[2])] == ["7", "8", "9"]
    # a numbered title above the run is still the title
    text = "2 MINUTES OF THE BOARD\n\n1. Apologies\nNone.\n2. Budget\nNoted.\n3. AOB\nNone.\n"
    assert [i.number for i in parse_items(text, split_lines(text), skip=[0])] == ["1", "2", "3"]


def test_a_line_in_brackets_under_a_heading_does_not_carry_it_on() -> None:
    # "(Agenda item 5)" under a minute's heading: an aside, not the rest of a sentence, so
    # the numbered line above it is a heading
    text = (
        "3. Estates\nThe Committee took two reports.\n"
        "3.1 Fleet strategy\n(Agenda item 5)\nMembers noted the plan to replace older vans.\n"
        "3.2 Custody review\n(Agenda item 6)\nThe review was deferred to the next meeting.\n"
        "4. Any other business\nNone.\n"
    )
    assert numbers(text) == ["3", "3.1", "3.2", "4"]
    text = (
        "7 Finance\n\nTwo reports were taken.\n\n"
        "7.1 Capital Programme Monitoring\n(Report of the Treasurer)\nThe slippage was noted.\n\n"
        "7.2 Reserves Strategy\n(Report of the Chief Finance Officer)\nThe strategy was agreed.\n"
    )
    assert numbers(text) == ["7", "7.1", "7.2"]


def test_an_agenda_list_whose_titles_end_in_full_stops() -> None:
    # the agenda's entries, one line each with no text between them, are its items even
    # though each ends in a stop; the minutes of an earlier meeting attached after it
    # are not
    text = (
        "A G E N D A\n\n"
        "1. Apologies for Absence.\n\n"
        "2. Declarations of Interest.\n\n"
        "3. To confirm the minutes of the meeting held on 4th May 2015 (copy attached).\n\n"
        "4. Annual Report of the Commissioner from Dr. P. Quayle, Commissioner.\n\n"
        "5. Complaints Procedure and Protocol for Handling Complaints (report attached).\n\n"
        "MINUTES OF THE MEETING HELD ON 4TH MAY 2015\n\n"
        "1. ELECTION OF CHAIR\n\nCouncillor Ivo Pardew was elected.\n\n"
        "2. APOLOGIES\n\nApologies were received from Councillor Uma Brandt.\n\n"
        "3. DECLARATIONS OF INTEREST\n\nNone were declared.\n\n"
        "4. WORK PROGRAMME\n\nThe Panel agreed its programme for the year.\n"
    )
    assert [i.title for i in items_of(text)][:2] == [
        "Apologies for Absence.",
        "Declarations of Interest.",
    ]
    assert numbers(text) == ["1", "2", "3", "4", "5"]
    text = (
        "Agenda\n"
        "1) Welcome by the Chair and apologies for absence from Members.\n"
        "2) Presentation on the Draft Police and Crime Plan for 2026 to 2030.\n"
    )
    assert numbers(text) == ["1", "2"]
    # clauses of a decision numbered so are not an agenda
    text = (
        "1. Cllr Ada Fenn be appointed as Chair of the Committee for 2025/26.\n"
        "2. Cllr Ben Hollis be appointed as Vice Chair of the Committee for 2025/26.\n"
    )
    assert numbers(text) == []


def test_number_and_title_cells_joined_by_a_slash_or_bar() -> None:
    text = (
        "Present:\nMs A Ferrow\n\n"
        "1. / Minutes of the last meeting\nThe minutes were agreed.\n"
        "2. / Force update\nThe Chief Constable reported on the summer.\n"
        "3. / Budget monitoring\nThe Head of Finance set out the position.\n"
    )
    assert [(i.number, i.title) for i in items_of(text)] == [
        ("1", "Minutes of the last meeting"),
        ("2", "Force update"),
        ("3", "Budget monitoring"),
    ]
    text = (
        "1 | Welcome and introductions\nThe Chair opened the meeting.\n"
        "2a | Declarations of interest\nNone.\n"
        "3 | Any other business\nNone was raised.\n"
    )
    assert numbers(text) == ["1", "2a", "3"]


def test_minute_number_alone_after_its_agenda_heading_was_lost() -> None:
    # each agenda item, then its minute's number alone on a line; the last minute's
    # agenda heading did not survive, leaving its number standing alone
    text = (
        "Agenda\n"
        "1 Apologies for Absence\nThe Clerk to report any apologies.\n"
        "2 Minutes\nTo approve the minutes of the last meeting.\n"
        "1\nThe minutes were approved as a correct record.\n"
        "3 Declarations of Interest\nMembers are asked to declare any interest.\n"
        "2\nNo interests were declared.\n"
        "4 Public Questions\nThe Chair to answer questions from the public.\n"
        "3\nNo questions had been received.\n"
        "To consider report NPP/07/25.\n"
        "4\nThe Panel considered the Commissioner's report on the precept.\n"
    )
    items = items_of(text)
    assert [i.number for i in items] == ["1", "2", "3", "4", "4"]
    assert items[-1].title.startswith("The Panel considered")
    # with every agenda heading in place the minute numbers stay in their items
    whole = text.replace("To consider report", "5 Precept Proposal\nTo consider report")
    assert numbers(whole) == ["1", "2", "3", "4", "5"]
    # minutes numbered in the year's series, the lost heading's minute among them
    text = (
        "1 Welcome\nThe Chair to open the meeting.\n"
        "2 Minutes of the Last Meeting\nTo approve them.\n"
        "31\nThe minutes were agreed.\n"
        "3 Force Performance\nTo receive the quarterly report.\n"
        "32\nThe Deputy Chief Constable presented the figures.\n"
        "4 Complaints Update\nTo note the report.\n"
        "33\nThe report was noted.\n"
        "  1. Pdf Estates Strategy (52Kb)\n"
        "34\nMembers discussed the estates strategy at length.\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "34"]
    # the last item's minutes numbered on, with no trace of a lost entry between them
    text = text.replace("  1. Pdf Estates Strategy (52Kb)\n", "")
    assert numbers(text) == ["1", "2", "3", "4"]


def test_lettered_sub_items_run_on_in_a_flattened_agenda_table() -> None:
    text = (
        "1 APOLOGIES CHAIR\n\n"
        "2 MINUTES OF THE LAST MEETING CHAIR\n\n"
        "3 EXTERNAL AUDIT\n\n"
        "3A Audit Findings Report EXTERNAL AUDITOR\n\n"
        "3B Value for Money Opinion EXTERNAL AUDITOR 3C Annual Audit Letter EXTERNAL AUDITOR\n\n"
        "3D Sector Briefing EXTERNAL AUDITOR\n\n"
        "4 GOVERNANCE\n\n"
        "4A Terms of Reference TREASURER 4B Forward Plan TREASURER 4C Annual Report CHAIR\n\n"
        "5 ANY OTHER BUSINESS CHAIR\n"
    )
    assert numbers(text) == ["1", "2", "3", "3A", "3B", "3C", "3D", "4", "4A", "4B", "4C", "5"]
    # a letter run on in lower case, and one before a word in lower case, are not cut
    text = (
        "1 Welcome\n\n2 Finance\n\n"
        "2a Budget Report Treasurer 2b Capital Programme Treasurer\n\n"
        "2c Reserves, see 2d below for detail\n\n"
        "3 Close\n"
    )
    assert numbers(text) == ["1", "2", "2a", "2b", "2c", "3"]


def test_missing_number_before_an_acronym_or_a_financial_year() -> None:
    # agenda rows run together: the numbers missing from the run stand mid-line before
    # a title that opens with an acronym or a financial year
    text = (
        "AGENDA\n1 Apologies for Absence\n2 Declarations of Interest\n"
        "3 Minutes of the Previous Meeting. 4 OPCC Budget Monitoring Report\n"
        "5 Estates Strategy Update\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5"]
    text = (
        "AGENDA\n1 Apologies\n2 Minutes of the Last Meeting\n"
        "3 Performance Report 4 2025/26 Fees and Charges for Special Services\n"
        "5 Work Programme\n"
    )
    assert numbers(text) == ["1", "2", "3", "4", "5"]
    # a figure inside a title is not a missing number
    text = (
        "AGENDA\n1 Apologies\n2 Minutes of the Last Meeting\n"
        "3 Review of the 4 PCSO posts funded last year\n"
        "5 Work Programme\n"
    )
    assert "4" not in numbers(text)


def test_numbers_of_an_items_paragraphs_stacked_under_its_number() -> None:
    """A table's number column extracted ahead of its text: the item's number, the numbers
    of its paragraphs, then the title (or, where the title's cell came first, the title
    above the numbers)."""
    text = (
        "PRESENT:\n\nOrla Penrose, Chair (OP)\nBram Kell (BK)\n\n"
        "1\n\n1.1\n\n1.2\n\nCHAIR'S WELCOME\n\n"
        "OP opened the meeting and welcomed those present.\n\n"
        "Board members were reminded of the protocol for questions.\n\n"
        "2\n\n2.1\n\nAPOLOGIES FOR ABSENCE\n\nNone.\n\n"
        "Minutes of the last meeting\n3\n3.1\n"
        "The minutes were agreed as an accurate record of the meeting.\n"
        "3.2\nThere were no matters arising.\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "CHAIR'S WELCOME"),
        ("2", "APOLOGIES FOR ABSENCE"),
        ("3", "Minutes of the last meeting"),
    ]


def test_a_stacked_item_number_under_a_tables_repeated_head_is_no_page_number() -> None:
    page = (
        "Item\nMinute\n{n}\n{n}.1\nReport number {n}\n"
        "The Board received report number {n} from the lead officer and noted it.\n"
    )
    text = "Kingsbridge Board\n" + "".join(page.format(n=n) for n in range(1, 4))
    cleaned = clean_text(text).text
    assert [(item.number, item.title) for item in items_of(cleaned)] == [
        ("1", "Report number 1"),
        ("2", "Report number 2"),
        ("3", "Report number 3"),
    ]


def test_the_end_of_the_item_before_is_no_title_of_a_stacked_number() -> None:
    text = (
        "1\n1.1\nApologies\nNone.\n"
        "2\n2.1\nThe Chair reported on the visit to the control room.\n"
        "3\n3.1\nFinance\nThe budget was noted.\n"
    )
    assert [(item.number, item.title) for item in items_of(text)] == [
        ("1", "Apologies"),
        ("2", "The Chair reported on the visit to the control room."),
        ("3", "Finance"),
    ]
