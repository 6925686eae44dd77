"""Which numbered lines are a record's items on council web pages: minute numbers that run
on through the year with the paragraphs under them numbered afresh across the meeting, a
page whose number column was lost (its numbered lists are not items), and the numbered
clauses of a resolution. Invented text in, item numbers out."""

from ingest.clean import clean_text
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines


def numbers(text: str) -> list[str | None]:
    return [item.number for item in parse_items(text, split_lines(text))]


RUNNING_MINUTES = (
    "Agenda and draft minutes\n\n"
    "Westmarch Police and Crime Panel - Friday, 14th July, 2023 10.30 am\n\n"
    "Items\nNo. Item\n\n"
    "{first}.\n\nElection of Chairman and Vice Chairman\n\nAdditional documents:\n\nMinutes:\n\n"
    "Election of Chairman\n\n"
    "1.    The Panel proposed and seconded Ada Pellow as Chairman of the Panel for the year. "
    "The appointment was agreed by the Panel.\n\n"
    "2.    Resolved – that Ada Pellow is elected Chairman of the Panel for the ensuing year.\n\n"
    "3.    The Panel proposed and seconded Col Brandt as Vice-Chairman for the year. The "
    "appointment was agreed by the Panel.\n\n"
    "4.    Resolved – that Col Brandt is elected Vice-Chairman for the ensuing year.\n\n"
    "{second}.\n\nWelcome from the Chairman\n\nMinutes:\n\n"
    "5.    The Chairman welcomed members and officers to the meeting.\n\n"
    "{third}.\n\nDeclarations of Interest\n\nMinutes:\n\n"
    "6.     In line with the code of conduct members of the Panel declared these interests\n\n"
    "Panel Member\n\nPersonal Interest\n\nAda Pellow\n\nMember of the Safer Towns Board\n"
)


def test_minute_numbers_of_the_year_with_paragraphs_numbered_across_the_meeting() -> None:
    page = (
        RUNNING_MINUTES.format(first=74, second=75, third=76)
        .replace(
            "5.    The Chairman welcomed members and officers to the meeting.\n\n",
            "5.    The Chairman welcomed members and officers to the meeting.\n\n"
            "6.    The Chairman introduced the new Panel Support Officer to members.\n\n",
        )
        .replace("6.     In line", "7.     In line")
    )
    assert numbers(page) == ["74", "75", "76"]


def test_the_same_layout_later_in_another_year_series() -> None:
    page = (
        RUNNING_MINUTES.format(first=212, second=213, third=214)
        .replace(
            "5.    The Chairman welcomed members and officers to the meeting.\n\n",
            "5.    The Chairman welcomed members and officers to the meeting.\n\n"
            "6.    The Chairman thanked the outgoing Vice-Chairman for her years of work.\n\n",
        )
        .replace("6.     In line", "7.     In line")
    )
    assert numbers(page) == ["212", "213", "214"]


def test_paragraphs_numbered_under_one_item_stay_its_text_beside_an_embedded_list() -> None:
    # headings numbered 1 and 2 side by side inside a paragraph are a list, not the items
    text = (
        "1. The Commissioner introduced the estates report and the options in it.\n\n"
        "2. Members asked about the two sites named in the report:\n\n"
        "1. Northgate Station\n\n2. Riverside Depot\n\n"
        "3. The Commissioner said that a decision would follow in the spring.\n\n"
        "4. The Panel noted the report and thanked the officers for it.\n"
    )
    assert numbers(text)[:4] == ["1", "2", "3", "4"]


LOST_COLUMN = (
    "Agenda and minutes\n\n"
    "Eastmere Police, Fire and Crime Panel - Tuesday 7th March 2023 2:00pm\n\n"
    "Venue: Council Chamber, County Buildings\n\n"
    "No. Item\n\n\n"
    "Declarations of interest\n\nAdditional documents:\n\n\n"
    "None were declared at the meeting.\n\n\n"
    "Questions to the Commissioner from the Public pdf icon PDF 118 KB\n\n"
    "Members of the public may put questions to the Commissioner at each meeting.\n\n\n"
    "{listing}\n\n"
    "Additional documents:\n\n\n"
    "The Panel considered the questions put by members of the public and the answers.\n\n\n"
    "Budget Monitoring Report pdf icon PDF 402 KB\n\nAdditional documents:\n\n\n"
    "The Panel noted the report.\n"
)


def test_a_list_of_papers_on_a_page_that_lost_its_number_column() -> None:
    listing = (
        "Responses to questions asked:\n\n"
        "1 Written response to Mr Hale Question 1\n\n"
        "2 Response to Mr Hale question 2\n\n"
        "     3 Ms Orme questions and the Commissioner's response\n\n"
        "          4 Ms Orme - Supplementary Info"
    )
    assert all(number is None for number in numbers(LOST_COLUMN.format(listing=listing)))


def test_a_resolution_numbered_on_a_page_that_lost_its_number_column() -> None:
    listing = (
        "RESOLVED that the Panel:\n\n"
        "1)   Receives the written answers to the questions; and\n\n"
        "2)    Thanks the members of the public for putting them."
    )
    assert all(number is None for number in numbers(LOST_COLUMN.format(listing=listing)))


def test_a_page_that_kept_its_number_column_keeps_its_numbers() -> None:
    page = (
        "Agenda and minutes\n\nNo. Item\n\n"
        "1.\n\nApologies for Absence\n\nMinutes:\n\nApologies were received from Cllr Hale.\n\n"
        "2.\n\nMinutes of the last meeting\n\nMinutes:\n\nThe minutes were approved.\n"
    )
    assert numbers(page) == ["1", "2"]


def test_clauses_of_a_resolution_are_not_items() -> None:
    for clauses in (
        "1)   Agrees to co-opt the Councillors named above as members of the Panel; and\n\n"
        "2)    Notes that the appointments are subject to approval by the Secretary of State.",
        "1. Approves the revised complaints procedure set out in the appendix;\n\n"
        "2. Requests that the Commissioner report on its use in a year.",
    ):
        text = (
            "Appointment of Co-opted Members\n\n"
            "The Panel were asked to co-opt Council Members following the June meeting.\n\n"
            f"RESOLVED that the Panel:\n\n{clauses}\n\n"
            "Declarations of Interest\n\nThere were no declarations of interest.\n"
        )
        assert all(number is None for number in numbers(text)), clauses


def test_a_page_footer_run_in_between_two_pages_starts_the_next_pages_text() -> None:
    for footer, sub_item, marker in (
        ("Page 1 of 14", "a) Revised Scheme of Delegation", "a"),
        ("Page 3 of 9", "(i) Estates Strategy", "i"),
    ):
        text = (
            "<p>1. Apologies for absence</p><p>Apologies were received from the DCC.</p>"
            "<p>2. Immediate and urgent items</p><p>The Commissioner raised the late arrival "
            "of papers and asked that reports be sent a week before each meeting.</p>"
            "<p>ACTION: All report authors to send papers a week ahead from now on. "
            f"{footer} {sub_item}</p>"
        )
        found = numbers(clean_text(text).text)
        assert found == ["1", "2", marker], footer


def test_a_lone_one_cut_from_a_title_starts_no_new_list() -> None:
    for title, lead in (
        ("Revenue and Capital Monitoring Report - Quarter", "Jo Barnfield 83 - 98"),
        ("Estates Programme - Phase", "Ann Lowe 12 - 20"),
        ("Recruitment Update - Tranche", "Supt R Patel"),
    ):
        text = (
            "Office of the Police and Crime Commissioner\n"
            "18 Market Street Dunford DN1 2AB\n"
            "AGENDA Item Page\n"
            "1 Welcome and Apologies Dr K Amos\n"
            "2 Declarations of Interest Dr K Amos\n"
            "3 Minutes of the Meeting held on 10 July 2019 Dr K Amos 5 - 14\n"
            "4 Action Log Sam Keel 15 - 18\n"
            f"5 {title}\n"
            f"1 {lead}\n"
            "6 Independent Ethics Panel Update Prof T Irwin 99 - 106\n"
            "7 Any Other Business Dr K Amos\n"
            "8 Date and Time of Next Meeting Dr K Amos\n"
        )
        assert numbers(text) == ["1", "2", "3", "4", "5", "6", "7", "8"], title
