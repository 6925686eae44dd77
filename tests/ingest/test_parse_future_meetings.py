"""The next meeting from an item that confirms the dates or venues of future meetings: a
heading, a sentence leading into the list, then one line per meeting. The first date after
the meeting's own is the next; its own line gives the time and the venue. Invented text
in, next meeting out."""

import datetime as dt

import pytest

from ingest.parse import parse_document

SCHEDULE = (
    "Agenda and minutes\n\n"
    "South Area Committee - Wednesday 19th September 2018 7.00 pm\n\n"
    "Declarations of Interest\n\n\n"
    "Councillor Hale declared an interest in the allotments item and left the room.\n\n\n"
    "{heading}\n\n\n\n"
    "that the meetings and venues be confirmed as follows:\n\n\n"
    "·      {first}\n\n"
    "·      Wednesday 23 January 2019, 7pm – Holywells ward\n\n"
    "·      Wednesday 20 March 2019, 7pm – Priory ward\n\n\n\n"
    "Policing Update\n\n\nThe Inspector gave an update on neighbourhood policing.\n"
)


@pytest.mark.parametrize(
    ("heading", "first", "time", "venue"),
    [
        (
            "To Confirm the Venues of Future Meetings",
            "Wednesday 28 November 2018, 7pm – Northgate Academy",
            dt.time(19, 0),
            "Northgate Academy",
        ),
        (
            "Dates and Venues of Forthcoming Meetings",
            "Wednesday 28 November 2018 at 6.30pm – Riverside Community Centre",
            dt.time(18, 30),
            "Riverside Community Centre",
        ),
    ],
)
def test_the_first_of_the_future_meetings_confirmed_is_the_next(
    heading: str, first: str, time: dt.time, venue: str
) -> None:
    draft = parse_document(SCHEDULE.format(heading=heading, first=first))
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2018, 11, 28)
    assert draft.next_meeting.start_time == time
    assert draft.next_meeting.venue == venue
