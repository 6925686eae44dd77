"""Agendas, minutes and action logs told apart where the text misleads: a pack run onto one
line that carries the last meeting's minutes, a portal's "Agenda and draft minutes" page
whose minutes record little, minutes that review the outstanding references as one item.
Invented text in, document type out."""

from __future__ import annotations

import pytest

from ingest.parse import parse_document
from records.enums import AttendanceStatus, DocumentType

_AGENDA = (
    "WESTSHIRE POLICE AND CRIME PANEL Venue: Town Hall, Market Street Date: Friday, 6th March, "
    "2015 Time: 2.00 p.m. {heading} 1. Apologies for Absence. 2. Minutes of the Previous "
    "Meeting held on 9th January, 2015 (herewith) (Pages 1 - 6) 3. Precept Proposal for "
    "2015/16 (report herewith) (Pages 7 - 20) 4. Dates of Future Meetings. "
)
_ENCLOSED = (
    "Present:- Councillor A. Reader (in the Chair), Councillor B. Tolland, Mr. C. Quayle. "
    "Apologies for absence were received from Councillor D. Anand. J12. MINUTES The minutes "
    "of the previous meeting were agreed as a correct record. J13. BUDGET Councillor Tolland "
    "asked whether the reserves were enough. The Panel noted the report. Resolved:- That "
    "the report be received. The Chief Executive reported that the plan was on track."
)


@pytest.mark.parametrize(
    ("heading", "enclosure"),
    [
        pytest.param("A G E N D A", "Page 1 Agenda Item 2 ", id="spaced-heading-page-stamp"),
        pytest.param(
            "AGENDA",
            "WESTSHIRE POLICE AND CRIME PANEL MINUTES OF THE MEETING HELD ON 9TH JANUARY 2015 ",
            id="capital-minutes-heading",
        ),
        pytest.param(
            "A G E N D A", "WESTSHIRE POLICE AND CRIME PANEL 9th January, 2015 ", id="present-label"
        ),
    ],
)
def test_a_pack_on_one_line_carrying_the_last_minutes_is_an_agenda(
    heading: str, enclosure: str
) -> None:
    text = _AGENDA.format(heading=heading) + enclosure + _ENCLOSED + "\n"
    draft = parse_document(text)
    assert draft.document_type is DocumentType.AGENDA
    # the enclosed minutes' members are another meeting's, not present at this one
    assert all(person.status is AttendanceStatus.APOLOGIES for person in draft.attendees)


@pytest.mark.parametrize(
    "minute",
    [
        "No declarations of disclosable pecuniary interests were made at the meeting.",
        "The Service Manager gave a short update on the actions from the last meeting.",
        "No declarations of other registrable interests had been made by members.",
    ],
)
def test_portal_minutes_that_record_little_under_their_agenda_text_are_minutes(
    minute: str,
) -> None:
    draft = parse_document(
        "Agenda and draft minutes\n\nWestshire Police and Crime Panel - Thursday, 23rd "
        "September, 2021 10.00 am\n\nVenue: Online\n\nNo. Item\n\n\nApologies\n\nTo receive "
        "any apologies for absence.\n\n\nDeclarations of Interest\n\nTo declare any "
        "interests. Members are asked to give the agenda item.\n\n\n" + minute + "\n\n\n"
        "Public Participation\n\nTo receive questions from members of the public.\n"
    )
    assert draft.document_type is DocumentType.MINUTES


@pytest.mark.parametrize(
    "heading", ["Outstanding References", "Rolling Action Log", "Action Tracker"]
)
def test_minutes_reviewing_their_action_list_as_one_item_are_minutes(heading: str) -> None:
    draft = parse_document(
        "Apologies for absence were received from Deputy Ada Reader and Ben Tolland.\n\n"
        "There were no declarations of interest.\n\n"
        "Minutes - Police Committee 15 December 2016\n\n"
        "RESOLVED – That the minutes of the meeting held on 15 December be approved.\n\n"
        f"{heading}\n\nReport of the Town Clerk.\n\n"
        "The Committee considered a report which listed the actions from earlier meetings.\n"
    )
    assert draft.document_type is DocumentType.MINUTES
