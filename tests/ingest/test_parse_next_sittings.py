"""The next meeting given only by the body's name inside a sentence or an action's running
update ("Update to be provided at next Executive Board 15th January 2016"), its sentence
wrapped over two lines, as the sitting business was put off to ("Deferred to executive
Board on 15 October 2013"), or as the body's further sittings ("further meetings of the Panel
on 15 and 22 March"). Invented text in, next meeting's date out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document

_MINUTES = (
    "WESTSHIRE POLICE\nMINUTES\nEXECUTIVE BOARD\nDate: 18th December 2015\n"
    "Present:\nMr A Reader – Chief Constable (Chair)\nMrs B Tolland – Director of Finance\n"
    "1.\nMATTERS ARISING\nESTATES REVIEW\n"
    "Head of Estates to review the front counters. Paper to be brought to the next "
    "Executive Board on 18 December 2015. Options considered at Change Board on 23/11/15.\n"
    "{update}\n"
    "2.\nFINANCE\nThe Director of Finance presented the budget.\n"
)


@pytest.mark.parametrize(
    "update",
    [
        "Work continuing. Update to be provided at next\nExecutive Board 15th January 2016.",
        "Update to be given to the next Executive Board on 15 January 2016.",
        "Work continuing; the next Chief Officer Group\nwill hear the options on 15/01/2016.",
        "Travel Scheme: Paper not available. Deferred to executive Board on 15 January 2016.",
        "The estates paper was held over to the Executive Board on 15th January 2016.",
    ],
)
def test_the_next_sitting_named_in_an_update(update: str) -> None:
    draft = parse_document(_MINUTES.format(update=update))
    assert draft.date == dt.date(2015, 12, 18)
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2016, 1, 15)


def test_a_sitting_named_for_this_meetings_own_date_is_no_next_meeting() -> None:
    draft = parse_document(_MINUTES.format(update="Work continuing."))
    assert draft.next_meeting is None or draft.next_meeting.date is None


def test_business_deferred_to_another_body_is_no_next_meeting() -> None:
    draft = parse_document(
        _MINUTES.format(update="The bid was deferred to the Audit Committee on 20 January 2016.")
    )
    assert draft.next_meeting is None or draft.next_meeting.date != dt.date(2016, 1, 20)


_ITEM_PAGE = (
    "Agenda item\n\nMinutes\n\nMinutes:\n\nThe minutes of the meeting held on 2 February 2024 "
    "were agreed as a correct record.\n{sentence}\n\nSupporting documents:\n"
)


@pytest.mark.parametrize(
    ("sentence", "next_date"),
    [
        (
            "The Chief of Staff noted that there were further meetings of the Panel on 15 and "
            "22 March 2024, with more information to come back to those meetings.",
            dt.date(2024, 3, 15),
        ),
        (
            "The Clerk reminded members of the forthcoming meeting of the Committee on "
            "Thursday 9 May 2024.",
            dt.date(2024, 5, 9),
        ),
    ],
)
def test_the_bodys_own_further_sittings_name_its_next(sentence: str, next_date: dt.date) -> None:
    draft = parse_document(_ITEM_PAGE.format(sentence=sentence))
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == next_date


def test_a_further_meeting_with_someone_is_no_sitting_of_the_body() -> None:
    draft = parse_document(
        _ITEM_PAGE.format(
            sentence="The Commissioner would hold a further meeting with the Chief Constable "
            "on 15 March 2024."
        )
    )
    assert draft.next_meeting is None or draft.next_meeting.date is None
