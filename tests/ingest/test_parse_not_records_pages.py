"""Pages that are not the record of a meeting though they name one: a committee's page of
standing rules, a writer's dated blog post mentioning minutes, a third party's machine-written
summary, a page that stopped publishing a body's minutes, a notice or news item welcoming the
public to a meeting to come, a newspaper's article between its advertising slots, a blog post
over its comment trailer, a commissioner's decision form, a body's page whose remit, lettered
rules and expense rates read like marks of minutes; and records that mention terms of
reference or say who took the chair, which are kept. Invented text in, verdict out."""

from __future__ import annotations

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from records.enums import DocumentType

STANDING_RULES = """Finance and Estates

This committee oversees the force's budget and its buildings. The quorum of the committee \
is three members.

The next meeting of the Finance Committee is on Tuesday 14 October 2025

The Finance Committee will report in writing to the Board after each meeting, with any \
matters arising from its review of the budget.

  • To scrutinise the revenue and capital budgets
  • To oversee the estates strategy

The Finance Committee will meet at least five times a year.
"""

STANDING_RULES_PANEL = """Ethics Panel

This panel considers dilemmas brought by officers and staff.

The panel will meet quarterly. The quorum for the panel is four members, one of them \
independent.
"""

BLOG_POST = """Late papers again at the Police Authority

Tuesday, March 3rd, 2009. 9:12pm

Morag Ellery

The authority's papers for next week were still missing from its website this morning, \
although the meeting is only five days away.

I have written to the clerk about this twice. The minutes of the January meeting appeared \
online only after I asked where they were.

Questions from the public must be in three days ahead, so late papers shut residents out.
"""

MACHINE_SUMMARY = """Get weekly updates

Annual Meeting, Westshire Police and Crime Panel - Friday, 6th June, 2025 10.00 am

June 6, 2025 View on council website Watch video of meeting
AI Generated

Summary

The panel elected its chair and heard apologies from two members.

Transcript
Good morning. We've had apologies from Councillor Dunn and Councillor Price, and the minutes
of the last meeting were agreed as a correct record.
"""

NO_LONGER_PUBLISHED = """How the Commissioner holds the force to account

The Commissioner meets the Chief Constable every month to review performance.

Topics raised this month:
- Roads policing
- Custody staffing
Meetings archive
We will no longer be publishing weekly notes of these meetings.
"""

NEWS_OF_A_MEETING_TO_COME = """Authority to meet in Ashford

WESTSHIRE Police Authority will hold its annual meeting on Tuesday, May 14.

The meeting starts at 10am at the Council Offices. Members of the public are welcome to come \
along and watch the Authority elect its chair for the year.

The Authority sets the police budget and checks how the force performs.
"""

NOTICE_OF_A_PUBLIC_MEETING = """Community safety meeting in Northbrook

The Northbrook Community Safety Partnership meets in public on 3rd March at the Town Hall.

The public are invited to attend and to raise questions about policing in their area, which \
the local inspector will answer.
"""


NEWSPAPER_ARTICLE = """Partnership sets out to hear residents on policing

THE first open meeting of Northbrook's new Policing and Community Safety Partnership took \
place in the Town Hall on Thursday, February 12.

Council chief executive Alma Grieve explained that the partnership will ask residents which \
policing issues matter most to them.

Hide Ad
Hide Ad

The partnership brings together councillors and independent members, and is funded jointly \
by the council and the Policing Board.
"""

BLOG_POST_WITH_COMMENTS = """Wednesday, 14 March 2007

Brookside Ward Safety Meeting

On Monday evening we held the third of our ward safety meetings. Beat officers, school staff \
and shopkeepers came along and agreed three priorities for the spring.

1. Canal path - lighting after dark.
2. High Street - cycling on the pavement.
In June I will report back on all of them.

No comments:
"""

COMMISSIONER_DECISION = """014/2013: Renewal of the custody healthcare contract – 9 May 2013
Executive Summary and recommendation:
The contract for healthcare in custody suites ends in September, and this asks the \
Commissioner to approve a one-year extension while a joint tender is prepared.
Police and Crime Commissioner decision:
Approved.
9 May 2013
Background
The present provider has met the standards set in the contract for each quarter this year.
"""

BOARD_PAGE = """Assurance Board

The Board's business will include:

  • Strategic consideration of matters arising from the Commissioner's scrutiny work;
  • Budget setting and medium term financial planning.

Remit of the Board

Questions from the public are welcome. Each question:
a) must concern the Board's work;
b) must not name an individual officer.

Attendance at meetings - £95.00 a half day, £190.00 a full day.
"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (NEWSPAPER_ARTICLE, "news page"),
        (BLOG_POST_WITH_COMMENTS, "news page"),
        (COMMISSIONER_DECISION, "decision log or notice"),
        (BOARD_PAGE, "information page"),
        (NEWS_OF_A_MEETING_TO_COME, "information page"),
        (NOTICE_OF_A_PUBLIC_MEETING, "information page"),
        (STANDING_RULES, "terms of reference"),
        (STANDING_RULES_PANEL, "terms of reference"),
        (BLOG_POST, "blog post"),
        (MACHINE_SUMMARY, "automated summary"),
        (NO_LONGER_PUBLISHED, "information page"),
    ],
)
def test_pages_about_a_body_or_its_meetings_are_refused(text: str, reason: str) -> None:
    with pytest.raises(NotMinutesError, match=reason):
        parse_document(text)


MINUTES_CONSIDERING_TERMS = """PCP 2/25 | Members considered draft Terms of Reference for the \
Panel and agreed them with one change. |
PCP 3/25 | Members noted the Panel's budget for the year. |
PCP 4/25 | The Panel agreed its work programme. |
"""

NOTES_WITH_CHAIR_TAKEN = """Chair and members of the Community Panel, police officers and staff.
With the Chair away, BT took the chair for this meeting.
Introductions were made.
Update: 04.02.2025 – MK to write to all members about the vacancy – Action ongoing
Nothing by exception.
"""

AGENDA_WELCOMING_THE_PUBLIC = """Eastmoor Police and Crime Panel

Members of the public are welcome to attend this meeting.

1. Apologies for absence
2. Declarations of interest
3. The Commissioner's budget for 2026/27
"""


MINUTES_WITH_MATTERS_ARISING = """Westshire Strategic Board, 3 March 2025

Attendance:
Matters arising from the minutes of the last meeting were covered by the action log.
Q1. Members asked how many officers had completed the new training.
A: The Deputy Chief Constable said that 84% had done so.
"""


@pytest.mark.parametrize(
    "text",
    [
        MINUTES_CONSIDERING_TERMS,
        NOTES_WITH_CHAIR_TAKEN,
        AGENDA_WELCOMING_THE_PUBLIC,
        MINUTES_WITH_MATTERS_ARISING,
    ],
)
def test_records_mentioning_terms_of_reference_or_the_chair_taken_are_kept(text: str) -> None:
    assert parse_document(text).document_type in {DocumentType.MINUTES, DocumentType.AGENDA}
