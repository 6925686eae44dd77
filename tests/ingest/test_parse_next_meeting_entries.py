"""A running log of updates: a line that mentions the next meeting and stops ("Vote to be
held at the next meeting – Action ongoing") does not run on into the next dated entry
("February 2025 - review in 12 months."), which dates no meeting; a sentence that breaks
on "on" before its date still does. Invented text in, next meeting out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document

_NOTES = (
    "Stop and Search Scrutiny Panel\n"
    "Date: 5 March 2025\n"
    "Present: Ada Reader (Chair), Ben Tolland, Cara Quayle\n"
    "1. Actions\n"
    "Update: 05.03.2025 – CQ to ask members about the vice-chair role. {mention}\n"
    "{entry}\n"
    "Nothing by exception.\n"
)


@pytest.mark.parametrize(
    ("mention", "entry"),
    [
        (
            "Vote to be held at the next meeting – Action ongoing",
            "April 2025 - review in 12 months.",
        ),
        ("To come back to the next meeting - ongoing", "30/04/2025 training refreshed."),
    ],
)
def test_a_next_dated_entry_is_no_next_meeting(mention: str, entry: str) -> None:
    draft = parse_document(_NOTES.format(mention=mention, entry=entry))
    assert draft.next_meeting is None or draft.next_meeting.date is None


def test_a_sentence_broken_before_its_date_still_gives_the_next_meeting() -> None:
    draft = parse_document(
        _NOTES.format(mention="The next meeting will be held on", entry="2 April 2025 at 6pm.")
    )
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2025, 4, 2)
