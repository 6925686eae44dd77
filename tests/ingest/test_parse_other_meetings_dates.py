"""A date the text gives for something said at another body's meeting ("the statement made
at the Police and Crime Panel Meeting on Friday, 5 February 2021") is not the record's own
date, nor does that body's name make the record that body's meeting. Invented text in, date
and kind out."""

import pytest

from ingest.parse import parse_document
from records.enums import MeetingKind

AGENDA_ITEM_PAGE = (
    "Agenda item\n\n"
    "Scrutiny of the Political Leadership of Policing in Westmarch\n\n"
    "Following the inspection report into Westmarch Police, an extraordinary scrutiny "
    "committee meeting to let members put questions to the Mayor as Police and Crime "
    "Commissioner about how the failings arose and what is planned next.\n\n"
    "{sentence}\n\n"
    "Minutes:\n\n"
    "The Chair reported that this item had been placed on the agenda at the request of three "
    "members of the committee.\n\n"
    "The Chair explained that he had called the meeting so that the committee could "
    "scrutinise the leadership of policing in the light of the inspection.\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "A copy of the Mayor's statement made at the Police and Crime Panel Meeting on "
        "Friday, 5 February 2021 is available to view here https://example.org/statement",
        "The answers given at the Police, Fire and Crime Panel Budget Meeting on 12 January "
        "2022 are published on the council's website.",
    ],
)
def test_a_date_said_of_another_bodys_meeting_is_not_the_records(sentence: str) -> None:
    draft = parse_document(AGENDA_ITEM_PAGE.format(sentence=sentence))
    assert draft.date is None
    assert draft.kind is MeetingKind.SCRUTINY_COMMITTEE
