"""A start time the header does not give, read from the record's own sentence on its times
wherever it stands ("The meeting commenced at 6.30pm and concluded at 8.05pm" as its last
line); another event's start gives none. Invented text in, start time out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document

_RECORD = (
    "The Overview Committee - Tuesday, 9th March, 2021\n\n"
    "Apologies\n\nApologies were received from Councillor Reader.\n\n"
    "Declarations of Interests\n\nThere were none.\n\n"
    "{closing}\n"
)


@pytest.mark.parametrize(
    ("closing", "expected"),
    [
        ("The meeting commenced at 6.30pm and concluded at 8.05pm", dt.time(18, 30)),
        ("The meeting began at 10.15 am and closed at 12.40 pm.", dt.time(10, 15)),
        ("This meeting started at 14:00.", dt.time(14, 0)),
    ],
)
def test_the_records_own_sentence_gives_its_start(closing: str, expected: dt.time) -> None:
    assert parse_document(_RECORD.format(closing=closing)).start_time == expected


def test_another_events_start_gives_none() -> None:
    closing = "The members' training session started at 5pm, before the meeting."
    assert parse_document(_RECORD.format(closing=closing)).start_time is None
