"""The next meeting given only by the body's name inside a sentence or an action's running
update ("Update to be provided at next Executive Board 15th January 2016"), its sentence
wrapped over two lines, or as the sitting business was put off to ("Deferred to executive
Board on 15 October 2013"). Invented text in, next meeting's date out."""

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
