from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.draft import ItemDraft
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines


def items_of(text: str, body_start: int = 0) -> list[ItemDraft]:
    return parse_items(text, split_lines(text), body_start=body_start)


def outline(items: list[ItemDraft]) -> list[tuple[str | None, str, int | None]]:
    return [(item.number, item.title, item.parent) for item in items]


SEED_LIKE = (
    "\tName:\tCapacity:\n"
    "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)\n\n"
    "1.\tHolding to account – Domestic Abuse\t\n"
    "\tThe PCC opened the meeting by commenting that domestic abuse (DA) had featured.\t\n"
    "\t• There was a better understanding now of vulnerability.\t\n"
    "1.1\tPrevention and awareness\t\n"
    "\tThe DCC responded that it was a concern from the 1 March onwards.\t\n"
    "1 March was the date agreed for the new approach.\n"
    "There will be 5 dedicated CPD officers and DA is top of the list.\n"
    "1.2\tOutcomes\t\n"
    "\tAction 1: CC to share the outcome of the reality testing.\t\n"
    "2.\tOutstanding Matters / Matters arising\tACTION\n"
    "\tTwo actions arising from the May 2020 Performance Meeting were deferred.\t\n"
    "2.1\tACTION: Total Recorded Crime: Bring back in 6 months to understand the impact.\t\n\n"
    "\tThe CC said that overall it was a positive picture.\t\n"
    "3.\tAOB\t\n"
    "\tShareholder briefings are ongoing.\t\n"
    "4.\tConfirmation of next meeting type / date / time / venue:\t\n"
    "\tThematic on Serious and Organised Crime\t\n"
    "\t23 March 2021 at 10:30am\t\n"
    "1\t\t\n"
)


def test_seed_like_numbered_items() -> None:
    items = items_of(SEED_LIKE)
    assert outline(items) == [
        ("1", "Holding to account – Domestic Abuse", None),
        ("1.1", "Prevention and awareness", 0),
        ("1.2", "Outcomes", 0),
        ("2", "Outstanding Matters / Matters arising", None),
        (
            "2.1",
            "ACTION: Total Recorded Crime: Bring back in 6 months to understand the impact.",
            3,
        ),
        ("3", "AOB", None),
        ("4", "Confirmation of next meeting type / date / time / venue:", None),
    ]
    assert items[1].text == (
        "The DCC responded that it was a concern from the 1 March onwards.\n"
        "1 March was the date agreed for the new approach.\n"
        "There will be 5 dedicated CPD officers and DA is top of the list."
    )
    assert items[0].text.endswith("• There was a better understanding now of vulnerability.")
    # the page number "1" at the end is not an item and not part of the last item's title
    assert items[-1].text == "Thematic on Serious and Organised Crime\n23 March 2021 at 10:30am\n1"


def test_item_spans_are_exact() -> None:
    items = items_of(SEED_LIKE)
    for item in items:
        source = SEED_LIKE[item.span.start : item.span.end]
        assert source.startswith(item.number or "")
        assert source.endswith(item.text.rsplit("\n", 1)[-1])
    assert SEED_LIKE[items[5].span.start : items[5].span.end] == (
        "3.\tAOB\t\n\tShareholder briefings are ongoing."
    )


def test_item_word_forms_and_title_on_next_line() -> None:
    text = (
        "Item 1\nIntroductions\nThe PCC opened the meeting.\n\n"
        "Agenda item 2: Finance update\nThe CFO reported an underspend.\n"
        "10.30 The meeting adjourned for a short break.\n"
        "ITEM 3 – Any other business\nNone.\nPage 2 of 2\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "Introductions", None),
        ("2", "Finance update", None),
        ("3", "Any other business", None),
    ]
    assert items[0].text == "The PCC opened the meeting."
    assert "10.30 The meeting adjourned" in items[1].text


def test_parenthesis_numbers_and_tab_agenda_rows() -> None:
    agenda = (
        "Item 1\tWelcome and apologies\tChair\t10:00\n"
        "Item 2\tMinutes of the meeting held on 18 October 2022\tChair\t10:05\n"
        "Item 3\tRevenue budget 2023/24 (paper A)\tCFO / DoF\t10:15\n"
    )
    assert outline(items_of(agenda)) == [
        ("1", "Welcome and apologies", None),
        ("2", "Minutes of the meeting held on 18 October 2022", None),
        ("3", "Revenue budget 2023/24 (paper A)", None),
    ]
    brackets = "1) Minutes of the previous meeting\nApproved.\n2) Performance report\nNoted.\n"
    assert outline(items_of(brackets)) == [
        ("1", "Minutes of the previous meeting", None),
        ("2", "Performance report", None),
    ]


def test_numbered_list_inside_an_item_is_not_items() -> None:
    text = (
        "1. Welcome\nThe Chair welcomed members.\n"
        "2. Police and Crime Plan update\nThe Commissioner set out three priorities:\n"
        "1. Reduce burglary\n2. Support victims\n3. Tackle county lines\n"
        "3. Finance\nThe CFO reported.\n4. Any other business\nNone.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("1", "Welcome", None),
        ("2", "Police and Crime Plan update", None),
        ("3", "Finance", None),
        ("4", "Any other business", None),
    ]
    assert "3. Tackle county lines" in items[1].text


def test_action_table_rows_are_not_items() -> None:
    text = (
        "5.\tAction log\n"
        "No.\tAction\tOwner\tDue date\tStatus\n"
        "1\tSummary of review of misconduct cases\tDCC\t14/06/2022\tOpen\n"
        "2\tMonthly Force Control Room report\tDCC\tMonthly\tIn progress\n\n"
        "6.\tAOB\n\tThe PCC thanked the DCC.\n"
    )
    items = items_of(text)
    assert outline(items) == [("5", "Action log", None), ("6", "AOB", None)]
    assert items[0].text.startswith("No.\tAction\tOwner")


def test_prose_paragraph_numbers_stay_in_their_item() -> None:
    text = (
        "2.\tContact management – 999 and 101 call handling\n"
        "2.1\tThe PCC noted that the Force Control Room had answered 86% of 999 calls within 10 "
        "seconds. He asked the CC what had driven the fall.\n"
        "\tThe CC said that June had seen the highest demand.\n"
        "2.2\tThe PCC asked about the positive outcome rate, which had fallen to 11.8%.\n"
        "2.3\tAction 1 from the same meeting (return home interviews) was completed: an "
        "information sharing agreement was signed.\n"
        "3.\tWorkforce\n"
        "3.1\tRecruitment\n\tThe force had 1,742 officers in post.\n"
        "3.2\tTraining\n\tThe CC agreed.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("2", "Contact management – 999 and 101 call handling", None),
        ("3", "Workforce", None),
        ("3.1", "Recruitment", 1),
        ("3.2", "Training", 1),
    ]
    assert items[0].text.startswith("2.1\tThe PCC noted")
    assert "2.3\tAction 1 from the same meeting" in items[0].text


def test_wrapped_paragraph_is_not_a_heading() -> None:
    text = (
        "3. Domestic abuse\n"
        "3.1 The PCC asked how many high-risk cases were being heard at the Multi-Agency Risk\n"
        "Assessment Conference. The DCC said that 1,284 cases had been heard.\n"
        "3.2 Action 2 from the Thematic Meeting: Child Sexual Exploitation of 17 November 2020\n"
        "(report on demand for the ChISVA service) was deferred to this meeting.\n"
        "4. Finance\nNone.\n"
    )
    assert outline(items_of(text)) == [("3", "Domestic abuse", None), ("4", "Finance", None)]


def test_deeper_numbering_and_parents() -> None:
    text = (
        "1. Governance\n1.1 Audit\n1.1.1 Internal audit plan\nAgreed.\n1.1.2 External audit\n"
        "Noted.\n1.2 Risk\nNoted.\n2. Close\nThe meeting closed.\n"
    )
    assert outline(items_of(text)) == [
        ("1", "Governance", None),
        ("1.1", "Audit", 0),
        ("1.1.1", "Internal audit plan", 1),
        ("1.1.2", "External audit", 1),
        ("1.2", "Risk", 0),
        ("2", "Close", None),
    ]


def test_numbers_in_prose_are_not_items() -> None:
    text = (
        "The board met.\n\n"
        "43 Walk and Talk sessions had been held.\n"
        "19 of these were involved in drugs supply.\n"
        "12 noon was agreed as the start time.\n"
    )
    assert items_of(text) == []


def test_numbered_top_level_paragraphs_get_a_short_title() -> None:
    text = (
        "1. The PCC welcomed everyone to the meeting. Apologies were received from the DCC.\n"
        "2. The minutes of the last meeting were agreed as a true record.\n"
        "3. The CFO presented the budget monitoring report for the second quarter of the year "
        "and said that the force expected to spend within its budget for the year as a whole.\n"
    )
    items = items_of(text)
    assert [item.number for item in items] == ["1", "2", "3"]
    assert items[0].title == "The PCC welcomed everyone to the meeting."
    assert len(items[2].title) <= 121


def test_unnumbered_markdown_headings() -> None:
    text = (
        "# Monthly Assurance Meeting – July 2020\n\n**Date:** 21 July\n\n"
        "## Policing the pandemic\n\nThe Chief Constable said that demand had returned to around "
        "95% of normal levels.\n\n"
        "## Domestic abuse during lockdown\n\nThe PCC said he was concerned.\n\n"
        "- The force had continued to complete DASH risk assessments.\n\n"
        "## Any other business\n\nNone.\n"
    )
    items = items_of(text, body_start=3)
    assert outline(items) == [
        (None, "Policing the pandemic", None),
        (None, "Domestic abuse during lockdown", None),
        (None, "Any other business", None),
    ]
    assert items[1].text == (
        "The PCC said he was concerned.\n"
        "- The force had continued to complete DASH risk assessments."
    )


def test_unnumbered_plain_headings() -> None:
    text = (
        "Thematic Meeting: Violence Against Women and Girls\n"
        "Tuesday 14 June 2022, 2.00pm, OPCC Offices\n"
        "Apologies:\nStuart Fenwick (Assistant Chief Constable)\n"
        "Matters arising\n"
        "Action 3 from the Monthly Assurance Meeting of 14 March 2022 had been deferred to this "
        "meeting. The action was closed.\n"
        "The VAWG delivery plan after one year\n"
        "The CC said that the force had completed 31 of the 44 actions in the plan.\n"
        "• 1,420 stalking crimes recorded in 2021/22, an increase of 27%;\n"
        "Next meeting\n"
        "Date of next meeting: Tuesday 12th July 2022, 10.00am (Monthly Assurance Meeting)\n"
        "Action log\n"
        "No.\tAction\tOwner\tDue date\tStatus\n"
        "1\tHow the force will measure feelings of safety\tCC\t30/09/2022\tOpen\n"
    )
    items = items_of(text, body_start=4)
    assert outline(items) == [
        (None, "Matters arising", None),
        (None, "The VAWG delivery plan after one year", None),
        (None, "Next meeting", None),
    ]
    assert items[2].text.startswith("Date of next meeting")
    assert items[2].text.endswith("Open")


def test_no_items() -> None:
    assert items_of("") == []
    assert items_of("Some notes.\nMore notes about the force and its budget for the year.\n") == []


def test_minute_references() -> None:
    text = (
        "PCP 23/21 Minutes of the previous meeting\nThe minutes were agreed.\n"
        "PCP 24/21 Precept proposal\nThe Commissioner presented the proposal.\n"
        "25/21: Work programme\nNoted.\n"
        "26/02/2021 was the date of the workshop.\n"
    )
    assert outline(items_of(text)) == [
        ("PCP 23/21", "Minutes of the previous meeting", None),
        ("PCP 24/21", "Precept proposal", None),
        ("25/21", "Work programme", None),
    ]


FRAGMENTS = [
    "1.", "1.1", "2.", "2)", "Item 3", "\t", "\n", "\n\n", " ", "Present:", "John Smith",
    "(PCC)", "No.\tAction\tOwner\tStatus", "26 February 2021", "Welcome", "The PCC asked.",
    "## ", "Any other business", "ACTION:", "43%", "|", "•", "1 April", "10.30",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_items_are_well_formed_for_any_text(fragments: list[str]) -> None:
    text = "".join(fragments)
    items = parse_items(text, split_lines(text))
    for position, item in enumerate(items):
        assert 0 <= item.span.start < item.span.end <= len(text)
        assert item.title
        assert item.parent is None or item.parent < position
        if position:
            assert items[position - 1].span.start < item.span.start


def test_long_labelled_sub_items_are_items() -> None:
    text = (
        "1. Outstanding Matters / Matters arising\n\n"
        "1.1 Action 1: BC to set out the plan for the use of Domestic Violence Protection "
        "Notices (DVPNs) to the next meeting, by 17 December 2022\n\nUpdate: Ongoing.\n\n"
        "1.2 Action 2: GR to share the findings on the time taken to reach a charging decision "
        "with the PCC's office, by 21 October 2021\n\nUpdate: Completed.\n\n"
        "2.\tOutstanding Matters / Matters arising\n"
        "2.1\tAction 2: ES to report back on the SOC strategy to the PCC\n\tUpdate: Ongoing.\n\n"
        "2.2\tAction 3: DCC to report back on the quality of Domestic Abuse, Stalking and "
        "Harassment and Honour Based Violence (DASH) risk assessments to the PCC\n"
        "\tUpdate: Complete.\n\n"
        "3.\tHolding to account – Child Sexual Exploitation\n\tNone.\n"
    )
    items = items_of(text)
    assert [(item.number, item.parent) for item in items] == [
        ("1", None),
        ("1.1", 0),
        ("1.2", 0),
        ("2", None),
        ("2.1", 3),
        ("2.2", 3),
        ("3", None),
    ]
    assert items[2].title.startswith("Action 2: GR to share the findings")
    assert items[5].title.startswith("Action 3: DCC to report back on the quality of Domestic")
    assert items[5].title.endswith("…")
    assert len(items[5].title) <= 121


def test_a_numbered_paragraph_wrapped_before_a_capital_is_not_a_heading() -> None:
    text = (
        "1. Domestic Abuse\n"
        "1.1 The ACC LP said that 80 per cent of cases had no supervisory input.\n"
        "1.2 The CC responded that officers continued to monitor referrals to Multi-Agency Risk\n"
        "Assessment Conferences (MARACs) and that the figures would be reported in the spring.\n"
        "3.2 The Commissioner questioned the capacity of the Independent Domestic Violence\n"
        "Advisor service given the rise in referrals to Multi-Agency Risk Assessment Conferences\n"
        "2. Finance\nNone.\n"
    )
    assert outline(items_of(text)) == [("1", "Domestic Abuse", None), ("2", "Finance", None)]


def test_a_short_answer_is_not_a_sub_item() -> None:
    text = (
        "3.\tRoad safety\n3.1\tThe ACC said there had been 19 fatal collisions.\n"
        "4.\tAOB\n4.1\tNone.\n"
    )
    assert outline(items_of(text)) == [("3", "Road safety", None), ("4", "AOB", None)]


def test_minute_numbers_with_the_year_first() -> None:
    text = (
        "Minute No.\tItem\n"
        "PCB 21/11\tApologies\n\tApologies were received from Cllr Rahman.\n"
        "PCB 21/12\tDeclarations of Interest\n\tNone were declared.\n"
        "PCB 21/13\tMinutes of the previous meeting held on 16 February 2021\n\tAgreed.\n"
    )
    assert outline(items_of(text)) == [
        ("PCB 21/11", "Apologies", None),
        ("PCB 21/12", "Declarations of Interest", None),
        ("PCB 21/13", "Minutes of the previous meeting held on 16 February 2021", None),
    ]


def test_council_minute_numbers_in_the_hundreds() -> None:
    text = (
        "139. Declarations of Interest\nThere were no declarations of interest.\n\n"
        "140. Minutes of the meeting held on 25 November 2021\nResolved – That the minutes be "
        "confirmed.\n\n141. Proposed Police Precept 2022/23\nThe Commissioner presented it.\n"
    )
    assert [item.number for item in items_of(text)] == ["139", "140", "141"]


def test_a_labelled_sentence_among_paragraphs_is_a_paragraph() -> None:
    text = (
        "4. Finance and efficiency\n"
        "4.1 The Chief Finance Officer reported an outturn of £158.2m for the year.\n"
        "4.2 ACTION 2: Chief Finance Officer to report the reserves strategy to the July board.\n"
        "5. Any other business\nNone.\n"
    )
    items = items_of(text)
    assert outline(items) == [
        ("4", "Finance and efficiency", None),
        ("5", "Any other business", None),
    ]
    assert "4.2 ACTION 2: Chief Finance Officer" in items[0].text


def test_an_action_log_after_the_last_item_is_not_part_of_it() -> None:
    text = (
        "3. Safer streets\nThe bid had been successful.\n\n4. Any other business\nNone.\n\n"
        "Action Log\nRef\tDate raised\tAction\tOwner\tDeadline\tUpdate\tRAG\n"
        "1\t12/01/2021\tShare the analysis\tACC\t26/02/2021\tNew\tRed\n"
    )
    items = items_of(text)
    assert outline(items) == [("3", "Safer streets", None), ("4", "Any other business", None)]
    assert items[-1].text == "None."


def test_paragraphs_numbered_afresh_under_each_heading_are_not_items() -> None:
    text = (
        "Minutes of the previous meeting\n\n"
        "Additional documents:\n\n"
        "1. The Policy Officer said that a date on page 4 should read 12 May.\n\n"
        "2. The Chairman thanked the Commissioner for his response to the report.\n\n"
        "Rural Crime Strategy\n\n"
        "Additional documents:\n\n"
        "1. The Commissioner introduced his report on the rural crime strategy.\n\n"
        "2. A Member asked how success would be measured over the year.\n\n"
        "3. The Commissioner said that a survey of farmers would be repeated.\n"
    )
    assert [item.number for item in items_of(text)] == [None, None]
    assert [item.title for item in items_of(text)] == [
        "Minutes of the previous meeting",
        "Rural Crime Strategy",
    ]


def test_a_resolution_and_a_sentence_before_a_list_are_paragraphs() -> None:
    text = (
        "2.\n\nDeclarations of Interests\n\nMinutes:\n\n"
        "2.1  Resolved: That the list of Members' appointments be noted.\n\n"
        "3.\n\nQuestion and Answer Session\n\nMinutes:\n\n"
        "3.1  The following guests attended the meeting and answered questions:\n\n"
        "·  Ann Bell, Deputy Mayor for Policing and Crime\n\n"
        "3.2  During the session the Deputy Mayor undertook to write to the Committee:\n\n"
        "(a)  Setting out how many front counters would stay open; and\n\n"
        "4.\n\nWork Programme\n"
    )
    assert [item.number for item in items_of(text)] == ["2", "3", "4"]


def test_a_short_heading_ending_in_a_colon_is_still_a_sub_item() -> None:
    text = (
        "3. Finance\n\nThe Treasurer reported.\n\n"
        "3.1 Capital Programme:\n\nSlippage was reported.\n\n"
        "3.2 Reserves:\n\nReserves stood at 4 per cent.\n\n"
        "4. Any Other Business\n\nNone.\n"
    )
    assert [item.number for item in items_of(text)] == ["3", "3.1", "3.2", "4"]


def test_a_sentence_leading_into_a_list_among_paragraphs_is_a_paragraph() -> None:
    text = (
        "4. Budget and Precept\n"
        "4.1 The Commissioner introduced his precept proposal for the coming year.\n"
        "4.2 Members then questioned the Commissioner on the proposal and its figures.\n"
        "4.3 The points raised included:\n"
        "4.3.1 Whether the level of general reserves could be justified to residents.\n"
        "4.3.2 How the budget allowed for the police staff pay award.\n"
        "5. Any Other Business\n"
        "There was none.\n"
    )
    assert [item.number for item in items_of(text)] == ["4", "5"]
