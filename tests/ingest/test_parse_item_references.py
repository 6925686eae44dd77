"""Numbers that are no items: paragraphs numbered in brackets, a register's references,
the items of an action schedule that lead its progress notes; and a single minute of a
council web page, however far its numbering has run."""

import datetime as dt

from ingest.draft import ItemDraft
from ingest.parse.actions import parse_actions
from ingest.parse.items import parse_items
from ingest.parse.lines import split_lines


def items_of(text: str) -> list[ItemDraft]:
    return parse_items(text, split_lines(text))


def numbers(text: str) -> list[str | None]:
    return [item.number for item in items_of(text) if item.number]


def test_a_single_minute_of_a_web_page_with_its_minutes_label() -> None:
    for title in ("Chairman's Announcement.", "CHAIRMAN'S ANNOUNCEMENT", "Chair's statement"):
        text = (
            "Agenda and minutes\n\nWessex Police and Crime Panel - Friday, 17 July 2015\n\n"
            "Items\nNo. Item\n\n"
            f"145.\n\n{title}\n\nMinutes:\n\n"
            "Before the Panel began its business, the Chairman read out a statement.\n"
        )
        assert numbers(text) == ["145"], title


def test_paragraphs_numbered_in_brackets_under_each_minute() -> None:
    for gap in ("        ", "\t", "  "):
        text = (
            "18.\n\nMinutes of the Meeting held on 5 February\n\nMinutes:\n\n"
            f"(1){gap}Answering a question from the Chairman, the Commissioner said that she "
            "had not yet been able to look into the figures.\n\n"
            "19.\n\nDeparture of the Chief Executive\n\nMinutes:\n\n"
            f"(1){gap}The Commissioner said that the Chief Executive had left.\n\n"
            f"(2){gap}She was now looking for a Chief of Staff and would report in June.\n\n"
            "20.\n\nYouth Commissioner - progress report\n\nMinutes:\n\n"
            f"(1){gap}The Chairman \n"
        )
        assert numbers(text) == ["18", "19", "20"], repr(gap)


def test_bracketed_sub_items_where_the_document_numbers_no_paragraphs_so() -> None:
    text = (
        "1. Apologies and declarations\n\n"
        "(1) Apologies\n\nApologies were received from Cllr Hale.\n\n"
        "(2) Declarations of interest\n\nThere were none.\n\n"
        "2. Minutes\n\nThe minutes were agreed.\n"
    )
    assert numbers(text) == ["1", "1(1)", "1(2)", "2"]


OUTSTANDING = (
    "Apologies were received from Cllr Hale.\n\n"
    "Outstanding References\n\n"
    "Report of the Town Clerk.\n\n"
    "The Committee considered a report of the Town Clerk which listed Outstanding "
    "References from earlier meetings of the Committee.\n\n"
    "2.         Pensions Board\n\n"
    "Alderman Quigley reported that the first meeting had been held.\n\n"
    "6{sep}Community Speedwatch\n\n"
    "Alderman Hollis asked about the rota. The Commissioner agreed to report back.\n\n"
    "9{sep}Medium Term Financial Plan\n\n"
    "The Commissioner reported that his sessions were now in the induction programme.\n"
)


def test_a_registers_numbers_under_outstanding_references_are_no_items() -> None:
    for sep in (".         ", " – ", " - "):
        text = OUTSTANDING.format(sep=sep)
        assert numbers(text) == [], repr(sep)
        actions, _ = parse_actions(text, items_of(text), [], meeting_date=dt.date(2017, 1, 24))
        assert [(a.reference, a.text) for a in actions] == [
            ("2", "Pensions Board"),
            ("6", "Community Speedwatch"),
            ("9", "Medium Term Financial Plan"),
        ], repr(sep)
        assert actions[1].owner_text == "Commissioner"


def test_outstanding_references_as_an_items_own_title_leave_the_items_alone() -> None:
    text = (
        "4.\n\nOutstanding References pdf icon PDF 117 KB\n\n"
        "Joint report of the Town Clerk and Commissioner.\n\n"
        "5.\n\nChair's Public Update pdf icon PDF 129 KB\n\nReport of the Chair.\n\n"
        "6.\n\nCommissioner's Update\n\nReport of the Commissioner.\n"
    )
    assert numbers(text) == ["4", "5", "6"]


def test_the_items_of_an_action_schedule_under_its_own_heading_are_no_items() -> None:
    for heading, notes in (
        (
            "ACTION SCHEDULE AND WORK PROGRAMME",
            "Item 1 Ongoing\n"
            "Item 2 ACC Marsh confirmed the posts would be funded.  Action discharged.\n"
            "Item 3 Ongoing\n",
        ),
        (
            "Action Log",
            "Item 4 - ongoing.\nItem 6 – complete.\nItem 7: Deferred to June.\n",
        ),
        ("Outstanding actions", "Item 12 closed\n\nItem 15 – report due in March\n"),
    ):
        text = (
            "SENIOR LEADERSHIP TEAM\n\n"
            "MINUTES OF THE LAST MEETING\nThese were approved.\n\n\n"
            f"{heading}\n{notes}\n\n"
            "FORCE PERFORMANCE\nBurglary was down by 4% on last year.\n"
        )
        assert numbers(text) == [], heading


def test_a_bare_item_number_under_a_title_about_actions_is_an_item() -> None:
    text = (
        "Minutes of the last meeting\n\nItem 5\n\n"
        "Action Tracker\n\nItem 6\n\n"
        "Current Issues\n\nItem 7\n\n"
        "Date of next meeting\n\nItem 8\n"
    )
    assert numbers(text) == ["5", "6", "7", "8"]


def test_a_list_of_the_logs_updates_that_a_sentence_leads_is_no_items() -> None:
    for lead, entries in (
        (
            "The Action Log was noted and the following updates provided:",
            "  1. The Board agreed that actions 19, 27 and 30 can be closed as completed.\n"
            "  2. (ref.7) WN confirmed that the survey report is expected on 20 June.\n"
            "  3. (ref.17) JK confirmed that the value of the estate will be shown.\n",
        ),
        (
            "Members reviewed the action log and noted the following:",
            "1) Action 4 was complete.\n2) Action 9 was carried forward to July.\n",
        ),
        (
            "The action tracker was received, with the following changes:",
            "1. Actions 2 and 5 were closed.\n2. Action 8 was deferred.\n"
            "3. Action 11 was still open.\n",
        ),
    ):
        text = (
            "Subject to minor amendments the minutes of the last meeting were approved.\n\n"
            f"{lead}\n\n{entries}\n"
            "Estates: the Board noted the disposal programme.\n"
        )
        assert numbers(text) == [], lead
