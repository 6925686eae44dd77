"""What kind of document a text is: minutes, an agenda, an action log, or no meeting record."""

from __future__ import annotations

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from records.enums import DocumentType

NEWS_PAGE = """Commissioner praises rural patrols

News
|
March 4, 2022

The Police and Crime Commissioner has welcomed the results of the winter rural patrols, which \
covered every market town in the county between November and February.

Officers visited more than 300 farms and spoke to residents at 40 village events.

Commissioner Ada Reader said: “These patrols show what neighbourhood policing can do when it \
is given the time.

“I want to thank every officer who took part.”
"""

COLUMN = """Last week my office took part in the county show for the first time since the \
pandemic, and I was glad to meet so many residents.

I have heard again and again that people want to see officers in their villages, and my plan \
puts more of them there.

The police and crime panel, which examines the decisions I make, met on Friday and asked \
about the budget for next year.
"""

INDEX_PAGE = """Skip to main content

The Oversight Board is where the Deputy Mayor holds the force to account.

Notes and papers of Oversight Board meetings are published on this page.

24 August 2023 - Performance and Risk - Minutes

  1. Minutes and Actions - 20 April 2023
  2. Q1 Performance Review

22 June 2023 - Finance and People - Minutes

  1. Minutes and Actions - 23 March 2023
  2. Custody Estate Update

20 April 2023 - Performance and Risk

  1. Minutes and Actions - 2 February 2023
"""

INFORMATION_PAGE = """Westshire Police and Crime Panel

The Westshire Police and Crime Panel examines what the Commissioner does and decides.

The panel's role

The panel:

  • looks at the Commissioner's work
  • reviews the precept

The panel Chairman is Ada Reader and the Vice-Chairman is Ben Writer.

The panel last met on 22 November 2017.
"""

DECISION_LOG = """PCC Decision Log

Date Decision Detail Linked Documents
14-Dec-16 Town Office The building was no longer needed and will be sold.
25-Nov-16 Regional Programme Agreed that the projects would leave the programme.
"""

POWERS_PAGE = """Skip to content

Westshire Police and Crime Panel

The Councils have set up the Westshire Police and Crime Panel. The Panel examines the work of \
the Commissioner.

The Panel's powers and responsibilities include:

  • Reviewing the draft Police and Crime Plan
  • Publicly examining the Commissioner's annual report

Membership of the Panel

  • Northby Council - Councillors Ada Reader (Chair) and Ben Tolland
  • Independent Members - Mrs Eve Marsh and Mr Fred Lowe
"""

BLOG_REPORT = """Westshire Police Authority (30th August 2012) Part 3 Item 8 – Savings Programme

This continues from Part 2 of my report on the Westshire Police Authority meeting of the \
30th August 2012. The papers could be found on the Authority's website.

A patrol car. (Photo credit: Archive)

The Chief Constable explained where they were up to. He asked if there were any questions?
"""

REPORT_PAPER = """WESTSHIRE POLICE AND CRIME PANEL

Report to: Police and Crime Panel
Date: 3 May 2021
Subject: Proposed Precept 2021/22
Report of: Chief Executive

1. Purpose of the Report

1.1 This report sets out the proposed precept.

2. Recommendations

2.1 The Panel is asked to review the proposed precept.
"""

DECISION_NOTICE = """Office of the Westshire Police and Crime Commissioner

Title and Reference – PCC/D/014
Subject: Changes to the meetings where the Commissioner holds the Chief Constable to account
Report of: Police and Crime Commissioner
Date: 07/06/2023
The arrangements have been revised. The Delivery Board will stop meeting.

1. One to One – between the PCC and Chief Constable
2. OPCC Performance Board.
"""

TERMS = """Joint Audit Panel

TERMS OF REFERENCE FOR THE JOINT AUDIT PANEL

1. PURPOSE

1.1 The Commissioner and the Chief Constable have agreed to share one independent panel.

1.2 The panel will consider and report on the adequacy of the arrangements for risk.
"""


YEAR_REPORT = """Westshire Commissioner and Chief Constable

Joint Audit Committee

Report for the Year Ending 31st March 2019

  1. Introduction.

1.1The Committee gives independent assurance on governance and risk management.

1.2This report summarises the work the Committee carried out in the year.

  1. Committee Membership.

Ada ReaderChairman83%

Ben TollandMember100%
"""


# An onlooker retelling a meeting: it carries the marks of minutes (apologies, declarations,
# "The Chair welcomed") but has a narrator and a page's credit or heading.
OBSERVED_MEETING = """Westshire Police Authority (4th May 2011) Apologies, Minutes, Budget Part 2

Headquarters car park (Photo credit: Ada Reader)

The Chair, Cllr Tolland, welcomed Members and the public and asked for apologies.

Apologies were given for Cllr Quayle and one other Member whose name I did not catch.

1. Declarations of Interest

No declarations of interest were made and the minutes of the last meeting were agreed.
"""

OBSERVED_MEETING_POSTED = """Posted by Ben Marsh

Eastshire Police and Crime Panel, 12 March

I arrived just before the start and sat at the back with two other residents.

The Chairman welcomed the Commissioner. Apologies for absence were received from Cllr Hale.

RESOLVED that the precept be agreed. I could not hear the vote from where I was sitting.
"""

# A report asking a meeting to approve minutes: it speaks of "the minutes of the meeting" and
# of "a correct record", and its title says "Minutes".
MINUTES_REPORT = (
    "Minutes of the Authority and its committees\n\n"
    "Report: 4\nDate: 9 February 2011\nBy: Clerk to the Authority\n\n"
    "Summary\n\n"
    "This report asks the Authority to approve the minutes of the meeting held on 15 "
    "December 2010 as a correct record.\n\n"
    "A. Recommendations\n\nThat Members agree the minutes for signature.\n"
)
# A council portal's page of one decision, taken by a cabinet member alone.
ISSUE_DECISION = (
    "Issue - decisions\n\n"
    "Update on the Safer Streets Plan 2014-15\n\n"
    "24/10/2014 - Update on the Safer Streets Plan 2014-15\n\n"
    "(Report of Director of Central Services)\n\n"
    "The report set out progress against the plan over the first half of the year.\n\n"
    "The Cabinet Member for Communities decided to note and endorse the progress shown.\n"
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (MINUTES_REPORT, "report to a meeting"),
        (ISSUE_DECISION, "decision log"),
        (OBSERVED_MEETING, "blog post or news report of a meeting"),
        (OBSERVED_MEETING_POSTED, "blog post or news report of a meeting"),
        (NEWS_PAGE, "news page"),
        (COLUMN, "news page or statement"),
        (INDEX_PAGE, "index page"),
        (INFORMATION_PAGE, "information page"),
        (POWERS_PAGE, "information page"),
        (BLOG_REPORT, "news page"),
        (REPORT_PAPER, "report to a meeting"),
        (DECISION_LOG, "decision log"),
        (DECISION_NOTICE, "decision log or notice"),
        (TERMS, "terms of reference"),
        (YEAR_REPORT, "annual report"),
    ],
)
def test_pages_that_are_not_meeting_records_are_refused(text: str, reason: str) -> None:
    with pytest.raises(NotMinutesError, match=reason):
        parse_document(text)


@pytest.mark.parametrize(
    ("text", "document_type"),
    [
        pytest.param(
            "Agenda item\n\nPrecept Proposal\n\nMinutes:\n\nMembers received the report of "
            "the Commissioner. The Chair welcomed the early consultation.\n\nResolved: That "
            "the precept be supported.\n\nSupporting documents:\n",
            DocumentType.MINUTES,
            id="single-item-page",
        ),
        pytest.param(
            "Agenda item\n\nPublic Outstanding References\n\nMinutes:\n\nMembers received a "
            "report on the outstanding references.\n\n11/2018/P – Switchboard\n\n·  Members "
            "were told that this reference was complete.\n\n12/2018/P – Requests\n\n·  The "
            "reference would stay open.\n",
            DocumentType.ACTION_LOG,
            id="single-item-page-reviewing-an-action-list",
        ),
        pytest.param(
            "Dear Sir/Madam,\n\nA meeting of the Eastshire Police and Crime Panel will be held "
            "at County Hall on Monday, 3rd June 2013 at 2.00pm to consider the following.\n\n"
            "A G E N D A\n\n1. Apologies for Absence.\n\n2. To receive the minutes of the "
            "meeting held on 8th April 2013.\n\n3. Budget Update.\n\n"
            "MINUTES OF THE MEETING HELD AT COUNTY HALL ON MONDAY 8TH APRIL 2013\n\n"
            "Present: Councillor A Reader (Chair)\n\n1. APOLOGIES\nApologies were received "
            "from Councillor Tolland.\n\n2. BUDGET\nThe Panel noted the report. Members asked "
            "whether the reserves were enough. RESOLVED that the report be noted.\n",
            DocumentType.AGENDA,
            id="letter-spaced-agenda-carrying-the-last-meetings-minutes",
        ),
        pytest.param(
            "AGENDA\n\nWestmoor Joint Audit Committee, 9 May 2016\n\n1. Apologies\n\n"
            "2. Minutes of the last meeting\n\n3. Internal Audit Plan\n\n"
            "Minutes of a meeting of the Westmoor Joint Audit Committee held on 1 March 2016\n\n"
            "The Committee noted the plan. Members asked about the fraud review. The Chair "
            "thanked officers. RESOLVED that the plan be approved.\n",
            DocumentType.AGENDA,
            id="agenda-pack-with-earlier-minutes-under-a-sentence-case-heading",
        ),
        pytest.param(
            "Skip to content\n\nPublished: 4 May 2022\n\nChairs' Reports - 20 April 2022\n\n"
            "Report Summary\n\nThis report gives members of the Authority the reports of "
            "its committee chairs.\n\nMeeting of the Northshire Authority - 20 April 2022\n\n"
            "Date : 20 April 2022\n\nLocation : online\n\nDecisions and actions agreed (2)\n\n"
            "Members AGREED the need for officers to review the estates plan.\n\n"
            "Members AGREED the need for a report on vetting to a future meeting.\n",
            DocumentType.ACTION_LOG,
            id="page-of-a-committees-conclusions-and-actions",
        ),
        pytest.param(
            "Public meeting with the Police and Crime Commissioner\n\nThe Commissioner opened "
            "the meeting and thanked residents for coming.\n\nQ: Why have I not seen an officer "
            "in my village this year?\n\nA: I have asked the Chief Constable to publish the "
            "patrol plans, and my office will report on them in the spring.\n",
            DocumentType.MINUTES,
            id="questions-and-answers-in-the-first-person",
        ),
        pytest.param(
            "The minutes of the meeting held on 12 September 2024 were agreed as a correct "
            "record and signed by the Chair.\nCouncillor A Reader referred to the briefing note "
            "sent on behalf of the Commissioner. He said it had not mentioned the phone numbers "
            "of the neighbourhood teams, which residents had asked for at the last meeting.\n",
            DocumentType.MINUTES,
            id="truncated-opening-without-a-heading",
        ),
        pytest.param(
            "Agenda and minutes\n\nWestshire Police and Crime Panel - Friday, 9th February, 2018 "
            "10.00 am\n\nVenue: Council Chamber\n\nNo. Item\n\nApologies for absence were "
            "received from Councillor B Writer.\n\nNo interests were declared.\n",
            DocumentType.MINUTES,
            id="portal-minutes",
        ),
        pytest.param(
            "Public Document Pack Westshire Police and Crime Panel Friday 19 December 2014 10.30 "
            "am Council House Members are asked to attend the meeting above. AGENDA 1. "
            "APOLOGIES To receive apologies. 2. MINUTES (Pages 1 - 10) To confirm the minutes "
            "of the meeting of 10 October 2014. 3. PUBLIC QUESTIONS (Pages 11 - 14)\n",
            DocumentType.AGENDA,
            id="flattened-agenda-pack",
        ),
        pytest.param(
            "Westshire Audit Committee - Wednesday, 27th September, 2023 10.30 am\n\n"
            "Venue: Room 1\n\nNo. Item\n\nApologies For Absence\n\nAdditional documents:\n\n"
            "Election of Chair\n\nTo receive nominations for Chair of the Committee.\n\n"
            "Committee Membership\n\nMembers are asked to note the membership for the year.\n",
            DocumentType.AGENDA,
            id="portal-page-before-the-minutes",
        ),
        pytest.param(
            "Meeting Details\n\nMeeting Summary\nWestshire Police, Fire and Crime Panel\n"
            "8 Jun 2017 - 14:30 to 17:00\nOccurred\n\nDocuments\n\nAgenda\n\n"
            "1 Apologies for Absence\nNone had been received.\n"
            "2 Minutes\nThe Panel confirmed the minutes of the 23 February meeting as accurate.\n"
            "3 Declarations of Interest\nCouncillor Reader declared an interest as a member of "
            "the Fire Authority.\nThe Panel noted that the report had been circulated.\n",
            DocumentType.MINUTES,
            id="agenda-page-carrying-the-minutes",
        ),
        pytest.param(
            "Report Summary\nApproved Minute of the Conduct Committee held on 7 June 2023.\n"
            "Meeting\nConduct Committee - 29 August 2023\nDate : 29 August 2023\n"
            "Rolling Action Log and Matters Arising\n"
            "20230308 - CCC- 002 - Members asked for the complaints to be broken down further.\n"
            "20230308 - CCC- 005 – Members agreed to close this action.\n",
            DocumentType.ACTION_LOG,
            id="action-log-section-published-alone",
        ),
        pytest.param(
            "PCC and Chief Constable Meetings\n\nThe PCC meets the Chief Constable every week. "
            "The updates are listed below.\n\n*** COMMISSIONER'S UPDATE ***\n\n(21 August "
            "2023)\n\nEvery week the Commissioner holds a one to one with the Chief Constable. "
            "These are some of the subjects covered:\n\n  • Staffing of the Rural Crime Team.\n"
            "  • Answering times of 101 calls in August.\n",
            DocumentType.MINUTES,
            id="summary-of-a-meeting-under-a-page-listing-updates",
        ),
        pytest.param(
            "Westshire Police and Crime Panel - Tuesday, 16th December, 2025 10.00 am\n"
            "Summary\nThe Westshire Police and Crime Panel are scheduled to meet to discuss the "
            "appointment of independent members. The panel will also look at the work "
            "programme.\nHolding the Chief Constable to Account\nThe panel is scheduled to "
            "discuss how the Commissioner holds the force to account.\n",
            DocumentType.AGENDA,
            id="preview-of-a-meeting-to-come",
        ),
        pytest.param(
            "Westshire Police and Crime Panel\nAgenda\n1. Apologies for absence\n2. "
            "Declarations of interest\n3. Proposed Precept\nReport to: Police and Crime "
            "Panel\nPurpose of the Report\nThe Panel is asked to review the precept.\n",
            DocumentType.AGENDA,
            id="agenda-pack-with-its-report",
        ),
        pytest.param(
            "Subject: Summary List of Actions\n\nReport to: Westshire Scrutiny Committee\n\n"
            "Report of: Head of Secretariat Date: 3 March 2022\n\n1. Summary\n\n1.1 This "
            "report sets out for noting actions arising from previous meetings of the "
            "Committee.\n\nMeeting of 2 February 2022\n\nMinute item 5. The Deputy Mayor "
            "agreed to send the figures. Completed.\n",
            DocumentType.ACTION_LOG,
            id="report-paper-that-is-the-action-list",
        ),
        pytest.param(
            "Agenda and decisions\n\nWestshire Resources Committee - Friday, 9th December, "
            "2022 10.00 am\n\nVenue: Town Hall\n\nItems\nNo. Item\n\n1.\n\nApologies\n\n"
            "Decision:\n\nApologies were received from Councillor Ada Reader.\n\n2.\n\n"
            "Minutes\n\nDecision:\n\nThat the minutes be approved as a correct record.\n",
            DocumentType.MINUTES,
            id="agenda-and-decisions",
        ),
        pytest.param(
            "Eastshire Police and Crime Panel\nTotal Page:9\nEASTSHIRE COUNTY COUNCIL EASTSHIRE "
            "POLICE AND CRIME PANEL MINUTES of a meeting of the Eastshire Police and Crime Panel "
            "held at County Hall on Thursday, 8 March 2012. PRESENT: Mr A Reader (Chairman). "
            "1. Apologies (1) The clerk gave apologies. 2. Plan (1) To note the plan. 3. Budget "
            "(1) To consider the budget. 4. Precept (1) To review the precept.\n",
            DocumentType.MINUTES,
            id="minutes-heading-run-on-from-capitals",
        ),
        pytest.param(
            "Friday 6 March 2015 10.30am, Shire Hall, Westshire County Council\n\n"
            "Police and Crime Panel\n\nPolice and Crime Panel agenda\n\n"
            "Police and Crime Panel minutes\n\n1. Apologies for Absence\n\n2. Minutes\n\n"
            "To agree the Minutes of 9 January 2015.\n\n3. Precept\n\nTo consider the "
            "proposed precept.\n\n4. Plan\n\nTo review the Police and Crime Plan.\n",
            DocumentType.AGENDA,
            id="meeting-page-linking-its-agenda-and-minutes",
        ),
        pytest.param(
            "Venue: Virtual Meeting\nContact: Democratic Services\nNo. | Item |\n---|---|\n"
            "APOLOGIES AND WELCOME BY CHAIR |\n|\nMINUTES OF THE MEETING OF 6 FEBRUARY 2020 "
            "PDF 311 KB |\n|\nPUBLIC QUESTIONS TO THE COMMISSIONER PDF 187 KB |\n|\n"
            "ANY OTHER BUSINESS |\n",
            DocumentType.AGENDA,
            id="portal-list-of-items-with-no-minutes",
        ),
        pytest.param(
            "MINUTES/ACTIONS SHEET\nName of meeting:\nWESTSHIRE COMMUNITY SAFETY PARTNERSHIP\n"
            "Date:\n4th March 2015\nAttendees:\nAda Reader\nBen Tolland\nMINUTES/ACTIONS\n"
            "Item\n1. Apologies\nThe minutes of the last meeting were accepted as a true "
            "record.\nAction 3: The paper was presented.\n",
            DocumentType.MINUTES,
            id="minutes-and-actions-sheet",
        ),
        pytest.param(
            "Issue - decisions\nPolice Scotland - verbal update\n"
            "09/04/2024 - Police Scotland Performance Report - POL/24/117\n"
            "The Committee resolved:-\n(i) to note the report;\n(ii) to ask Chief "
            "Superintendent Ada Lowe to bring a report on retail crime to the meeting on 28 "
            "November 2024.\n",
            DocumentType.ACTION_LOG,
            id="a-portals-page-of-a-committees-decisions-on-one-issue",
        ),
    ],
)
def test_records_are_kept_with_their_type(text: str, document_type: DocumentType) -> None:
    assert parse_document(text).document_type is document_type
