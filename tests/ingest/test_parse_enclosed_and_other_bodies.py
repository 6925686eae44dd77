"""What belongs to another meeting stays out of this one's record: an agenda pack that
encloses an earlier meeting's minutes keeps that meeting's chair and apologies out of the
agenda's, and a sentence about another body's next meeting is not this meeting's next
meeting. Invented text in, fields out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document

_AGENDA_ON_ONE_LINE = (
    "EASTMOOR POLICE AND CRIME PANEL Venue: Guild Hall, Bridge Lane Date: Tuesday, 3rd March, "
    "2015 Time: 10.00 a.m. A G E N D A 1. Apologies for Absence. 2. Minutes of the Previous "
    "Meeting held on 13th January, 2015 (Pages 1 - 6) 3. Budget Proposal (Pages 7 - 20) "
    "4. Dates of Future Meetings. "
)
_ENCLOSED_MINUTES = (
    "PRESENT Councillor Q. Varnley (in the Chair), Councillor R. Ostrand, Mr. T. Pellow. "
    "Apologies for absence were received from Councillor W. Hathersage. 14. BUDGET The Panel "
    "noted the report. Resolved:- That the report be received."
)


@pytest.mark.parametrize(
    "enclosure",
    [
        pytest.param("Page 1 Agenda Item 2 EASTMOOR POLICE AND CRIME PANEL ", id="page-stamp"),
        pytest.param(
            "Agenda Item 2 MINUTES of a meeting of the EASTMOOR POLICE AND CRIME PANEL held on "
            "13 January 2015. ",
            id="mixed-case-minutes-heading",
        ),
        pytest.param(
            "EASTMOOR POLICE AND CRIME PANEL MINUTES OF THE MEETING HELD ON 13TH JANUARY 2015 ",
            id="capital-minutes-heading",
        ),
    ],
)
def test_an_agenda_on_one_line_takes_no_chair_or_apologies_from_minutes_it_encloses(
    enclosure: str,
) -> None:
    draft = parse_document(_AGENDA_ON_ONE_LINE + enclosure + _ENCLOSED_MINUTES + "\n")
    assert draft.document_type.value == "AGENDA"
    assert draft.chair is None
    assert draft.attendees == []


def test_an_agenda_on_lines_takes_no_chair_from_the_minutes_under_its_items() -> None:
    text = "\n".join(
        [
            "Northfell Police and Crime Panel",
            "Agenda",
            "Wednesday 8 July 2020 at 2.00 pm, Council Chamber",
            "1. Apologies for absence",
            "2. To approve the minutes of the meeting held on 4 March 2020",
            "3. Precept monitoring report (Pages 5 - 12)",
            "",
            "Minutes of the meeting of the Northfell Police and Crime Panel held on 4 March 2020",
            "Present: Cllr Hester Mawgan (Chair), Cllr Idris Penhallow, Cllr Ottilie Brame",
            "Apologies: Cllr Ruan Kessell",
            "1. The Panel noted the report.",
        ]
    )
    draft = parse_document(text + "\n")
    assert draft.document_type.value == "AGENDA"
    assert draft.chair is None
    assert draft.attendees == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On a question about how often the Scrutiny and Accountability Board met, the "
        "Commissioner said there had been a gap since March and that the next meeting to be "
        "held on 12th November would look at performance.",
        "The Commissioner explained that the Joint Audit Committee had been briefed and its "
        "next meeting was set for 3 December 2024.",
        "Members asked that the findings go to the next Force Executive Board on 20 November "
        "2024 for a decision.",
    ],
)
def test_the_next_meeting_of_another_body_is_not_this_meetings(sentence: str) -> None:
    text = "\n".join(
        [
            "Westvale Police and Crime Panel",
            "Minutes of the meeting held on 14 October 2024",
            "Present: Cllr Aled Trevithick (Chair), Cllr Mair Polglase",
            "5. Commissioner's update",
            sentence,
            "The Panel noted the update.",
        ]
    )
    draft = parse_document(text + "\n")
    assert draft.date == dt.date(2024, 10, 14)
    assert draft.next_meeting is None or draft.next_meeting.date is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The Panel's next meeting will be held on 12 November 2024.",
        "The Chair noted that the Joint Audit Committee had met and that the next meeting of "
        "the Panel will be on 12 November 2024.",
        "It was agreed that the next meeting of the Westvale Police and Crime Panel would be "
        "held on 12th November 2024.",
    ],
)
def test_the_next_meeting_of_this_body_is_kept(sentence: str) -> None:
    text = "\n".join(
        [
            "Westvale Police and Crime Panel",
            "Minutes of the meeting held on 14 October 2024",
            "Present: Cllr Aled Trevithick (Chair), Cllr Mair Polglase",
            "9. Date of future meetings",
            sentence,
        ]
    )
    draft = parse_document(text + "\n")
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2024, 11, 12)
