"""Header details where a template's layout was lost: a header table flattened into a block
of labels then a block of values, a time range written with dots, the start told in a
sentence, a date without a year beside a financial year, a title that runs "Minutes" into
its date. Invented text in, date, time and venue out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse.dates import find_calendar_year, find_time, latest_financial_year
from ingest.parse.header import Header, parse_header
from ingest.parse.label_blocks import label_blocks
from ingest.parse.lines import split_lines

_RULE = "_" * 60


def header_of(text: str) -> Header:
    return parse_header(split_lines(text), text_head=text[:3000])


@pytest.mark.parametrize(
    ("labels", "values"),
    [
        pytest.param(
            "Date\nLocation\nDuration",
            "18th December 2015\nChief Constable’s Office\n10:35 -11:05",
            id="one-label-a-line",
        ),
        pytest.param(
            "Date:\nVenue:\nTime:",
            "18 December 2015\nChief Constable’s Office\n10.35am",
            id="labels-with-colons",
        ),
        pytest.param(
            "Date | Venue | Start time",
            "18/12/2015 | Chief Constable’s Office | 10:35",
            id="row-of-labels-over-a-row-of-cells",
        ),
    ],
)
def test_a_header_table_flattened_into_labels_then_values(labels: str, values: str) -> None:
    header = header_of(
        f"WESTSHIRE POLICE\nMINUTES\n{_RULE}\nTitle\nMeeting Number\nEXECUTIVE BOARD\n"
        f"18/2015\n{_RULE}\n{labels}\n{values}\n{_RULE}\nPresent:\n"
        "Mr A Reader – Chief Constable (Chair)\nMrs B Tolland – Director of Finance\n"
        "1.\nOPENING\n2.\nMINUTES OF THE MEETING HELD ON 18 NOVEMBER 2015\nAgreed.\n"
    )
    assert header.date == dt.date(2015, 12, 18)
    assert header.start_time == dt.time(10, 35)
    assert header.venue == "Chief Constable’s Office"


def test_labels_in_a_row_over_values_run_together_are_read_by_what_they_are() -> None:
    header = header_of(
        "Westshire Strategic Board\nDate: Time: Venue:\n"
        "Tuesday 4 March 2014 2.00pm Boardroom, Headquarters\n"
        "Present: Ada Reader (Chair), Ben Tolland\n1. Apologies\n"
    )
    assert header.date == dt.date(2014, 3, 4)
    assert header.start_time == dt.time(14, 0)
    assert header.venue == "Boardroom, Headquarters"


def test_a_list_of_people_under_attendance_labels_is_no_header_table() -> None:
    lines = split_lines(
        "Minutes\nPresent:\nApologies:\nAda Reader\nBen Tolland\n1. Welcome\nThe Chair opened "
        "the meeting.\n"
    )
    assert label_blocks(lines) == []


def test_a_block_whose_date_label_has_no_date_is_no_header_table() -> None:
    lines = split_lines("Title\nDate\nVenue\nEstates Review\nHeadquarters\nRoom 4\n")
    assert label_blocks(lines) == []


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Tuesday 26th January 2016, 09.30 – 11.30", dt.time(9, 30)),
        ("14.00-16.00 in the Boardroom", dt.time(14, 0)),
        ("10.15 to 12.00", dt.time(10, 15)),
    ],
)
def test_a_range_of_dotted_times_gives_its_start(text: str, time: dt.time) -> None:
    found = find_time(text)
    assert found is not None and found.time == time


@pytest.mark.parametrize(
    "text", ["paragraphs 3.10 - 3.15", "sections 11.30 - 09.30", "items 2.30 - 4.30"]
)
def test_dotted_numbers_that_are_no_meeting_times(text: str) -> None:
    assert find_time(text) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting commenced at 10.05am.",
        "The meeting started at 10:05.",
        "The meeting began at 10.05 am, after a short delay.",
    ],
)
def test_the_start_told_in_a_sentence_under_the_attendance(sentence: str) -> None:
    header = header_of(
        "MINUTES\n\nRESOURCES\n\n25 MAY 2012\n\nMEMBERS PRESENT\n\nAda Reader (Chair) "
        f"Ben Tolland\n\n{sentence}\n\n54. APOLOGIES\n\nNone.\n"
    )
    assert header.date == dt.date(2012, 5, 25)
    assert header.start_time == dt.time(10, 5)


def test_the_meeting_recommenced_after_a_break_is_no_start() -> None:
    header = header_of(
        "Westshire Panel\n\n25 May 2012\n\nThe meeting adjourned at 11.00am and recommenced "
        "at 11.15am.\n\n1. Apologies\n"
    )
    assert header.start_time is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Budget out-turn 2023/24 and the medium-term plan", None),
        ("the outturn for 2023/2024, reported in 2024", 2024),
        ("the 2019-20 accounts, audited in March 2021", 2021),
    ],
)
def test_a_financial_year_is_no_calendar_year(text: str, year: int | None) -> None:
    assert find_calendar_year(text) == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("the outturn for 2023/24 and the 2024/25 budget setting process", 2024),
        ("the 2022-23 budget; the plan for 2022/23 to 2025/26", 2022),
        ("the accounts for 2019/2020", 2019),
    ],
)
def test_the_latest_financial_year_named_gives_the_year(text: str, year: int) -> None:
    assert latest_financial_year(text) == year


@pytest.mark.parametrize(
    "title",
    [
        "Police Accountability Board Minutes 13 August",
        "Accountability Board minutes 13th August",
        "Police Accountability Board Meeting Notes 13 August",
    ],
)
def test_a_title_running_into_a_date_without_a_year(title: str) -> None:
    header = header_of(
        f"\n{title}\n\n\nJo Hale (JH)\n\nAda Reader (AR)\n\n"
        "  • JH welcomed everyone to the meeting.\n\n"
        "Budget out-turn 2023/24 and MTFP update\n\n"
        "The Commissioner requests a report on the outturn for 2023/24 and the 2024/25 "
        "budget setting process.\n"
    )
    assert header.date == dt.date(2024, 8, 13)
