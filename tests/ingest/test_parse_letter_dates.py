"""A covering letter's own date is not its meeting's: the day written above "Dear ..." is
when the letter went out, and the meeting is the one whose minutes it encloses ("I enclose
the minutes of the meeting held on 21/22 January"). A meeting over two days written with a
slash is the meeting of its first day. Invented text in, date out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document
from ingest.parse.dates import iter_dates

COVERING_LETTER = """Eastmoor Officers' Association

12 Harbour Row, Eastmoor EM1 4QT

Circular 7 of 2019

Ref: KL/PD

{letter_date}

Dear Colleague {subject} I enclose {enclosed} held at Harbour Row on {meeting}. Yours faithfully

Kirsty Laidlaw Secretary

MINUTES 1. Attendance Mr A Brodie, Mr C Dunmore 2. Minutes of Previous Meeting The minutes \
of the previous meeting were approved.
"""


@pytest.mark.parametrize(
    ("letter_date", "subject", "enclosed", "meeting", "expected"),
    [
        (
            "14 March 2019",
            "Welfare Committee Minutes 26/27 February 2019 -",
            "the minutes of the Welfare Committee meetings",
            "26/27 February 2019",
            dt.date(2019, 2, 26),
        ),
        (
            "3rd October 2019",
            "Conduct Committee -",
            "a copy of the draft minutes of the Conduct Committee meeting",
            "Tuesday 17 September 2019",
            dt.date(2019, 9, 17),
        ),
        (
            "20/11/2019",
            "Minutes -",
            "herewith the minutes of the Standing Committee",
            "5 November 2019",
            dt.date(2019, 11, 5),
        ),
    ],
)
def test_a_covering_letter_dates_the_meeting_whose_minutes_it_encloses(
    letter_date: str, subject: str, enclosed: str, meeting: str, expected: dt.date
) -> None:
    text = COVERING_LETTER.format(
        letter_date=letter_date, subject=subject, enclosed=enclosed, meeting=meeting
    )
    assert parse_document(text).date == expected


def test_a_letter_date_alone_is_no_meeting_date() -> None:
    text = COVERING_LETTER.format(
        letter_date="14 March 2019",
        subject="Minutes -",
        enclosed="the papers for the committee, which met",
        meeting="a Tuesday",
    )
    assert parse_document(text).date != dt.date(2019, 3, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minutes 21/22 January 2014", dt.date(2014, 1, 21)),
        ("held on 3 / 4 June 2021 at Headquarters", dt.date(2021, 6, 3)),
    ],
)
def test_a_meeting_over_two_days_with_a_slash_is_dated_by_its_first(
    text: str, expected: dt.date
) -> None:
    assert [found.date for found in iter_dates(text)] == [expected]
