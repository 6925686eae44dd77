import datetime as dt

import pytest

from ingest.parse.dates import (
    find_date,
    find_time,
    find_year,
    iter_dates,
    month_number,
    parse_date_phrase,
    parse_time_phrase,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 February 2021", dt.date(2021, 2, 26)),
        ("1st August 2019", dt.date(2019, 8, 1)),
        ("Tuesday 19 November 2019 at 2.00pm", dt.date(2019, 11, 19)),
        ("Thursday the 22nd of April, 2021", dt.date(2021, 4, 22)),
        ("held on 3rd Sept 2020", dt.date(2020, 9, 3)),
        ("26/02/2021", dt.date(2021, 2, 26)),
        ("26/2/21", dt.date(2021, 2, 26)),
        ("26.02.21", dt.date(2021, 2, 26)),
        ("26-02-2021", dt.date(2021, 2, 26)),
        ("2021-02-26", dt.date(2021, 2, 26)),
        ("February 26, 2021", dt.date(2021, 2, 26)),
        ("Friday, February 26th 2021", dt.date(2021, 2, 26)),
        ("March 2021", dt.date(2021, 3, 1)),
        ("the May 2020 Performance Meeting", dt.date(2020, 5, 1)),
        ("14-15 June 2022 (two days)", dt.date(2022, 6, 14)),
        ("Date: 05/04/2023, 10:00", dt.date(2023, 4, 5)),
        ("Tuesday 8thSeptember2015 – 7.00pm", dt.date(2015, 9, 8)),  # spaces lost
        ("8 Sept2015", dt.date(2015, 9, 8)),
    ],
)
def test_parse_date_phrase_forms(text: str, expected: dt.date) -> None:
    assert parse_date_phrase(text) == expected


def test_default_year_fills_a_missing_year() -> None:
    assert parse_date_phrase("Thursday 26 February", default_year=2021) == dt.date(2021, 2, 26)
    assert parse_date_phrase("21 July", default_year=2020) == dt.date(2020, 7, 21)


def test_a_date_without_year_and_no_default_is_not_a_date() -> None:
    assert parse_date_phrase("Thursday 26 February") is None
    assert parse_date_phrase("Thursday 26 February, then 3 March 2021") == dt.date(2021, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "There will be 5 dedicated CPD officers",
        "in May 5 officers were posted",  # month-first with no year, weekday or ordinal
        "we may 2020 review it",  # lower-case 'may' is a verb
        "answered 86% of 999 calls within 10 seconds",
        "1.2.21 paragraph numbering",
        "page 1 of 3",
        "£1.2m in 2020/21",
        "31 February 2021 was a typo",
        "4 Marches 2021",
        "",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    found = find_date(text, default_year=2021)
    assert found is None or not found.has_day


def test_find_date_reports_stated_weekday_span_and_year() -> None:
    text = "- Date: Thursday 26 February, 10:00 am"
    found = find_date(text, default_year=2021)
    assert found is not None
    assert found.date == dt.date(2021, 2, 26)
    assert found.weekday == 3  # Thursday as stated, although 26/02/2021 was a Friday
    assert found.date.weekday() == 4
    assert text[found.span[0] : found.span[1]] == "Thursday 26 February"
    assert found.has_year is False
    assert found.has_day is True


def test_find_date_month_only_has_no_day() -> None:
    found = find_date("Monthly Assurance Meeting February 2021– Meeting Notes")
    assert found is not None
    assert found.date == dt.date(2021, 2, 1)
    assert found.has_day is False
    assert found.has_year is True


def test_iter_dates_in_order_without_overlaps() -> None:
    text = "Agreed on 4th July 2019; due 30/08/2019; review in March 2020."
    assert [m.date for m in iter_dates(text)] == [
        dt.date(2019, 7, 4),
        dt.date(2019, 8, 30),
        dt.date(2020, 3, 1),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00 am", dt.time(10, 0)),
        ("10.00am", dt.time(10, 0)),
        ("10:30am", dt.time(10, 30)),
        ("2pm", dt.time(14, 0)),
        ("2 p.m.", dt.time(14, 0)),
        ("12pm", dt.time(12, 0)),
        ("14:00", dt.time(14, 0)),
        ("1400hrs", dt.time(14, 0)),
        ("09.30 hrs", dt.time(9, 30)),
        ("10am - 12pm", dt.time(10, 0)),
        ("10.00am – 12.15pm", dt.time(10, 0)),
        ("23 March 2021 at 10:30am", dt.time(10, 30)),
        ("Tuesday 14 June 2022 at 10.30", dt.time(10, 30)),
        ("12 noon", dt.time(12, 0)),
        ("0930 to 1230", dt.time(9, 30)),
        ("1400-1600, Room 2", dt.time(14, 0)),
        # a 24-hour time with a needless "pm"
        ("at 13.30pm on Monday", dt.time(13, 30)),
        ("15:45 p.m. – 17:00", dt.time(15, 45)),
        # a range with "am" or "pm" after its end only
        ("Tuesday 27 March 2012 - 7.00 -9.30 pm", dt.time(19, 0)),
        ("6.30 to 8.30pm", dt.time(18, 30)),
        ("12.30 - 2pm", dt.time(12, 30)),
        ("12.00 - 12.30pm", dt.time(12, 0)),
        ("12 - 12.45pm", dt.time(12, 0)),
        ("10.00 – 12.30pm", dt.time(10, 0)),
        ("11 - 1pm", dt.time(11, 0)),
        ("9.30 - 11.30am", dt.time(9, 30)),
    ],
)
def test_parse_time_phrase_forms(text: str, expected: dt.time) -> None:
    assert parse_time_phrase(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "26.02.21",
        "10 amendments were made",
        "£10.50 each",
        "rate of 4.2 per 1,000",
        "",
        "the plan for 2021-2024",
        "from 1998 to 2003",
    ],
)
def test_numbers_that_are_not_times(text: str) -> None:
    assert parse_time_phrase(text) is None


def test_a_needless_pm_is_part_of_a_24_hour_time() -> None:
    text = "held at 13.30pm on Monday"
    found = find_time(text)
    assert found is not None
    assert text[found.span[1] :] == " on Monday"


def test_find_time_span() -> None:
    text = "Thursday 5th September 2019, 10.00am, Committee Room 2"
    found = find_time(text)
    assert found is not None
    assert text[found.span[0] : found.span[1]] == "10.00am"


def test_find_year_and_month_number() -> None:
    assert find_year("Monthly Assurance Meeting February 2021– Meeting Notes") == 2021
    assert find_year("at 1400 hrs on 5/5") is None
    assert month_number("Sept") == 9
    assert month_number("february") == 2
    assert month_number("Octember") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dyddiad / Date: 6 Mehefin 2022 / 6 June 2022", dt.date(2022, 6, 6)),
        ("Dydd Llun 14 Tachwedd 2022", dt.date(2022, 11, 14)),
        ("3 Mawrth 2021", dt.date(2021, 3, 3)),
    ],
)
def test_welsh_month_names(text: str, expected: dt.date) -> None:
    assert parse_date_phrase(text) == expected


def test_welsh_month_names_in_lower_case_are_words() -> None:
    assert find_date("Mai Thomas said the 12 mai figures were wrong") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label or a body's name run into the day by an extraction, the year given
        ("Date17th February 2015 at 12:30", dt.date(2015, 2, 17)),
        # Welsh ordinals after the day
        ("Dydd Gwener, 14eg Chwefror, 2020 10.30 yb", dt.date(2020, 2, 14)),
        ("18fed Hydref 2019", dt.date(2019, 10, 18)),
        ("1af Mawrth 2021", dt.date(2021, 3, 1)),
    ],
)
def test_days_run_into_a_word_and_welsh_ordinals(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found is not None
    assert found.date == expected


@pytest.mark.parametrize(
    "text", ["covid19 March", "section12 June", "Covid19 June 2020 recovery", "Tier3 October 2020"]
)
def test_a_day_run_into_a_word_without_an_ordinal_and_a_year_is_no_date(text: str) -> None:
    assert all(found.has_day is False for found in iter_dates(text, default_year=2020))
