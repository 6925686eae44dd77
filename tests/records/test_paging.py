"""The one page-size rule and cursor codec that connections and search pages share."""

from __future__ import annotations

import pytest

from records.paging import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    CursorError,
    OtherOrderCursorError,
    PageSizeError,
    day_field,
    decode_cursor,
    encode_cursor,
    number_field,
    page_size,
    text_field,
    whole_field,
)

# Cursors handed out before the codec was shared (a connection's, two search pages').
CONNECTION_CURSOR = "WyJEQVRFX0RFU0MiLCIyMDIxLTAyLTAzIiw0Ml0"
RELEVANCE_CURSOR = "WyJSRUxFVkFOQ0UiLDEyLjk3LCJpdGVtOjE3IiwzXQ"
DATE_CURSOR = "WyJEQVRFX0FTQyIsMjAyMTAyMDMsIm1lZXRpbmc6NSIsMjVd"


def test_page_size_defaults_and_limits() -> None:
    assert page_size(None) == DEFAULT_PAGE_SIZE == 20
    assert page_size(0) == 0 and page_size(MAX_PAGE_SIZE) == MAX_PAGE_SIZE == 100
    for bad in (-1, MAX_PAGE_SIZE + 1, 500):
        with pytest.raises(PageSizeError, match=r"argument `first` must be between 0 and 100"):
            page_size(bad)


def test_cursors_handed_out_earlier_still_decode_to_the_same_place() -> None:
    assert encode_cursor("DATE_DESC", "2021-02-03", 42) == CONNECTION_CURSOR
    assert decode_cursor(CONNECTION_CURSOR, "DATE_DESC", day_field, whole_field) == [
        "2021-02-03",
        42,
    ]
    assert encode_cursor("RELEVANCE", 12.97, "item:17", 3) == RELEVANCE_CURSOR
    assert decode_cursor(RELEVANCE_CURSOR, "RELEVANCE", number_field, text_field, whole_field) == [
        12.97,
        "item:17",
        3,
    ]
    assert encode_cursor("DATE_ASC", 20210203, "meeting:5", 25) == DATE_CURSOR
    assert decode_cursor(DATE_CURSOR, "DATE_ASC", number_field, text_field, whole_field) == [
        20210203.0,
        "meeting:5",
        25,
    ]


def test_a_cursor_of_another_order_names_it() -> None:
    with pytest.raises(OtherOrderCursorError, match=r"another sort order \(DATE_DESC\)") as e:
        decode_cursor(CONNECTION_CURSOR, "DATE_ASC", day_field, whole_field)
    assert e.value.order == "DATE_DESC"


@pytest.mark.parametrize(
    "cursor",
    [
        "!!!",
        "e30",  # {}
        "WyJ4Il0",  # ["x"]
        RELEVANCE_CURSOR,  # another list's shape
        encode_cursor("DATE_DESC", "2021-02-30", 42),  # no such day
        encode_cursor("DATE_DESC", "2021-02-03", "42"),  # id as text
        encode_cursor("DATE_DESC", 20210203, 42),  # day as a number
        "WyJEQVRFX0RFU0MiLCIyMDIxLTAyLTAzIix0cnVlXQ",  # ["DATE_DESC","2021-02-03",true]
    ],
)
def test_damaged_cursors_are_refused_before_their_order_is_looked_at(cursor: str) -> None:
    with pytest.raises(CursorError) as refused:
        decode_cursor(cursor, "DATE_ASC", day_field, whole_field)
    assert type(refused.value) is CursorError and str(refused.value) == "invalid cursor"


def test_an_integer_past_the_largest_float_is_no_score() -> None:
    huge = encode_cursor("RELEVANCE", 10**400, "item:1", 1)
    with pytest.raises(CursorError):
        decode_cursor(huge, "RELEVANCE", number_field, text_field, whole_field)
