"""The meeting's own date and start time among the other dates of a record's opening."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse.header import Header, parse_header
from ingest.parse.lines import split_lines


def header_of(text: str) -> Header:
    return parse_header(split_lines(text), text_head=text[:3000])


@pytest.mark.parametrize(
    ("text", "date", "start"),
    [
        pytest.param(
            "Eastmoor OPCC Strategic Board\n\nTuesday 18 January 2022, 13:30-15:30\n"
            "Boardroom, Force Headquarters\n\n"
            "1. Minutes and Actions Updates from the meeting held on the 22nd December 2021\n"
            "Action updates for the meeting held on 22.12.21 were noted.\n",
            dt.date(2022, 1, 18),
            dt.time(13, 30),
            id="header-date-before-earlier-meeting-in-an-item",
        ),
        pytest.param(
            "Northshire Police and Crime Panel\n\nDate:\nThursday, 10th November, 2016\n"
            "Time:\n10.30 am\n\n1. MINUTES OF THE MEETING HELD ON 8 SEPTEMBER 2016\n"
            "The minutes were agreed.\n",
            dt.date(2016, 11, 10),
            dt.time(10, 30),
            id="bare-date-label-with-the-value-on-the-next-line",
        ),
        pytest.param(
            "Eastmoor Governance Board Minutes 9th February 2021\n\nPresent: A Reader (Chair)\n",
            dt.date(2021, 2, 9),
            None,
            id="date-in-the-title-line",
        ),
        pytest.param(
            "OFFICE OF THE POLICE AND CRIME COMMISSIONER\n\n14th January 2019\n\n"
            "Dear Colleague\n\nYou are requested to attend a Level 1 meeting on Tuesday 22 "
            "January 2019 at 10.00 am in the Conference Room, Police Headquarters.\n\n"
            "AGENDA\n1. Apologies\n",
            dt.date(2019, 1, 22),
            dt.time(10, 0),
            id="letter-date-above-a-summons",
        ),
        pytest.param(
            "Published: 3 March 2020\n\n"
            "Westshire Police and Crime Panel - Thursday, 12 March 2020 2.00 pm\n\n"
            "Venue: Council Chamber\n",
            dt.date(2020, 3, 12),
            dt.time(14, 0),
            id="publication-date",
        ),
        pytest.param(
            "Agenda and minutes\n\n"
            "Moved from 4th June 2019, Cabinet - Tuesday, 11th June, 2019 10.30 am\n\n"
            "Venue: Committee Room 1\n",
            dt.date(2019, 6, 11),
            dt.time(10, 30),
            id="moved-from-an-earlier-date",
        ),
        pytest.param(
            "Northshire Police and Crime Panel\nNo. | Item |\n|\n"
            "Webcast. The webcast of this meeting can be watched at: Northshire Police & Crime "
            "Panel - 20 October 2025 |\n|\n"
            "Minutes of the meeting held on 1 September 2025. Minutes: The minutes of the "
            "meeting held on 1 September 2025 were agreed as a correct record. |\n",
            dt.date(2025, 10, 20),
            None,
            id="webcast-of-this-meeting",
        ),
        pytest.param(
            "Report Summary\nApproved Minute of the Finance Committee held on 7 June 2023. "
            "The Minute was approved at the meeting on 29 August 2023.\nMeeting\n"
            "Finance Committee - 29 August 2023\nDate : 29 August 2023\nLocation : online\n",
            dt.date(2023, 6, 7),
            None,
            id="approved-minute-page-names-the-approving-meeting",
        ),
        pytest.param(
            "WESTSHIRE POLICE AND CRIME PANEL\nMONDAY 20 JUNE 2016 AT 1400 HOURS\n"
            "COUNTY HALL\n\n1. APOLOGIES\n",
            dt.date(2016, 6, 20),
            dt.time(14, 0),
            id="capitals-and-hours",
        ),
        pytest.param(
            "Eastmoor Community Safety Board\nWednesday 3 May 2017 @ 2.00 pm\n",
            dt.date(2017, 5, 3),
            dt.time(14, 0),
            id="at-sign-before-the-time",
        ),
        pytest.param(
            "JOINT AUDIT PANEL 10:15 a.m. – 12:15 p.m., Tuesday 23 July 2019 Meeting Room 3\n",
            dt.date(2019, 7, 23),
            dt.time(10, 15),
            id="time-range-before-the-date",
        ),
        pytest.param(
            "Northshire Police and Crime Panel Friday, 19 July 2013 at 11.00 am Town Hall NB – "
            "Please note: Panel members are invited to a private pre-meeting at 10.00 am\n",
            dt.date(2013, 7, 19),
            dt.time(11, 0),
            id="pre-meeting-time-is-not-the-start",
        ),
        pytest.param(
            "MEETING OF POLICE AND CRIME PANEL\n\nThursday 25 October 2012 Council Offices,\n\n"
            "Present: Cllr A Reader, Borough Council\n\n1 WELCOME\nAll were welcomed.\n\n"
            "2 MINUTES OF THE PREVIOUS MEETING OF 19 JULY 2012\nAgreed.\n\n"
            "R:\\PCP\\PCP MINUTES - 25 OCTOBER 2012.DOC - 1\n",
            dt.date(2012, 10, 25),
            None,
            id="the-minutes-file-named-in-a-footer",
        ),
        pytest.param(
            "Minutes of a special meeting of the Conduct Sub-committee on 16 October 2003 held "
            "at 10 High Street.\nPresent\nMembers\n- A Reader\n31. Election of chair\n",
            dt.date(2003, 10, 16),
            None,
            id="special-meeting-in-the-title",
        ),
        pytest.param(
            "Performance Board\nMeeting chaired by Ada Reader – Thursday 5 May 2022\n",
            dt.date(2022, 5, 5),
            None,
            id="chaired-by-is-not-a-deadline",
        ),
        pytest.param(
            "Minutes of the meeting dated 12/05/2022\nPresent: A Reader\n",
            dt.date(2022, 5, 12),
            None,
            id="the-meeting-dated",
        ),
        pytest.param(
            "Police and Crime Panel Date Monday 20 September 2021 Time 1900 hrs Venue "
            "Council Chamber\n",
            dt.date(2021, 9, 20),
            dt.time(19, 0),
            id="labels-without-colons-on-one-line",
        ),
        pytest.param(
            "MINUTES OF THE MEETING OF THE EASTSHIRE JOINT AUDIT PANEL HELD ON TUESDAY 12 TH "
            "DECEMBER 2017 AT FORCE HEADQUARTERS COMMENCING AT 10AM\n\nMEMBERSHIP\n",
            dt.date(2017, 12, 12),
            dt.time(10, 0),
            id="ordinal-parted-from-its-day",
        ),
        pytest.param(
            "Item 2 Eastshire Police and Crime Panel Draft Minutes 5 February 2016, Town Hall "
            "PRESENT: Councillor A Reader (Chair) - City Council Councillor B Tolland - "
            + "District Council Councillor C Writer - Borough Council "
            * 8
            + "1. Apologies for Absence 1.1 None. 2. Minutes of the Meeting held on 4 th "
            "December 2015 2.1 Members agreed the minutes as an accurate record.\n",
            dt.date(2016, 2, 5),
            None,
            id="page-flattened-onto-one-line",
        ),
        pytest.param(
            "Agenda Document for Public Accountability Board\nPublic Document Pack 24 April "
            "2019 To: Members of the Public Accountability Board Dear Colleague You are invited "
            "to attend the next meeting of the Public Accountability Board which will be held "
            "on Tuesday 30th April 2019 at 10.00 am at the Office of the Commissioner. The "
            "agenda is attached.\n",
            dt.date(2019, 4, 30),
            dt.time(10, 0),
            id="letter-of-summons-to-the-next-meeting",
        ),
        pytest.param(
            "Document Pack\n\nFRIDAY, 17 JULY 2020\n\nTO: ALL MEMBERS OF THE WESTSHIRE POLICE "
            "AND CRIME PANEL\n\nI HEREBY SUMMON YOU TO ATTEND A VIRTUAL MEETING OF THE "
            "WESTSHIRE POLICE AND CRIME PANEL WHICH WILL BE HELD AT 10.00 AM, ON FRIDAY, 24TH "
            "JULY, 2020 FOR THE TRANSACTION OF THE BUSINESS OUTLINED ON THE ATTACHED AGENDA\n",
            dt.date(2020, 7, 24),
            dt.time(10, 0),
            id="summons-in-capitals-with-the-time-before-the-date",
        ),
        pytest.param(
            "WESTMOOR AUDIT PANEL\n\n2.00pm – 3 March 2021 Online by Microsoft Teams\n\n"
            "AGENDA\n\n12 Minutes of the meeting held on 4 January 2021\n",
            dt.date(2021, 3, 3),
            dt.time(14, 0),
            id="time-before-the-date-on-the-line-under-the-title",
        ),
        pytest.param(
            "Eastmoor Joint Audit Committee Meeting\n\nTuesday 9th May 2017\n\n"
            "14:00, Room 4, Headquarters\n\nPRESENT: Ada Reader (Chair)\n\n"
            "1. Apologies\n\nNone\n\n2. Minutes of the meeting held on 9th May 2017\n\n"
            "The minutes were approved.\n",
            dt.date(2017, 5, 9),
            dt.time(14, 0),
            id="date-under-the-title-also-written-as-the-last-meeting",
        ),
        pytest.param(
            "Public Document Pack\n\n2 March 2018\n\nTo: Members of the Eastmoor Board\n\n"
            "Dear Colleague\n\nEastmoor Board\n\nThe next Eastmoor Board will take place at "
            "Force Headquarters on Thursday 8th March, 2018 at 2.00 pm.\n\nYours sincerely\n",
            dt.date(2018, 3, 8),
            dt.time(14, 0),
            id="letter-calling-the-next-board",
        ),
        pytest.param(
            "Tel: 01234 567890 Date: 2nd May 2019 Dear Sir/Madam, A meeting of the Northshire "
            "Police and Crime Panel will be held in the Council Chamber, County Hall on "
            "Friday, 10th May, 2019 at 10.00 am to consider the following agenda.\n",
            dt.date(2019, 5, 10),
            dt.time(10, 0),
            id="letter-dated-above-a-meeting-that-will-be-held",
        ),
        pytest.param(
            "Agenda item     3\n   WESTSHIRE POLICE AUTHORITY\n\n   MINUTES\n"
            "   OF THE MEETING OF THE\n   WESTSHIRE POLICE AUTHORITY\n"
            "   HELD ON TUESDAY 14 MARCH 2006\n   IN THE COUNCIL CHAMBER\n   SHIRE HALL\n"
            "   COMMENCING AT 2.00 PM\n\nMEMBERS PRESENT\n\nCllr A Reader\n",
            dt.date(2006, 3, 14),
            dt.time(14, 0),
            id="paper-stamp-above-a-centred-title-and-commencing-time",
        ),
        pytest.param(
            "Westmoor Board Minutes – 3 October 2023\nMINUTES WESTMOOR BOARD\n03.10.23\n"
            "10:00 – 12:00 in the Boardroom, HQ\nAttending: | Ada Reader (AR) – Chair |\n",
            dt.date(2023, 10, 3),
            dt.time(10, 0),
            id="time-under-a-second-writing-of-the-date",
        ),
        pytest.param(
            "Meeting\n\nNorthmoor Police and Crime Panel\n\nMeeting Times\nStart:\n"
            "Friday, 3rd March 2023\n1:30 PM\nEnd:\nFriday, 3rd March 2023\n4:00 PM\n"
            "Date:\n03 Mar 2023\nLocation:\nCouncil Chamber\n",
            dt.date(2023, 3, 3),
            dt.time(13, 30),
            id="portal-start-and-end-above-the-date-label",
        ),
        pytest.param(
            "Meeting\n\nNorthmoor Police and Crime Panel\n\nMeeting Times\nStart:\n1:30 PM\n"
            "End:\n4:00 PM\nDate:\n03 Mar 2023\nLocation:\nCouncil Chamber\n",
            dt.date(2023, 3, 3),
            dt.time(13, 30),
            id="portal-start-label-with-the-time-alone",
        ),
        pytest.param(
            "MINUTES\nEASTMOOR RESOURCES BOARD\n12 June 2019, 1000 to 1200, Conference Room, "
            "HQ\nPresent: Ada Reader (AR) Commissioner\n",
            dt.date(2019, 6, 12),
            dt.time(10, 0),
            id="four-digit-time-range",
        ),
        pytest.param(
            "WESTSHIRE POLICE AUTHORITY\n\nMINUTES of the 41st meeting of the Westshire Police "
            "Authority, held at Police Headquarters,\nMill Lane, Westbury on 14 March 2011.\n\n"
            "Members: Mr A Reader (Chairman), Mrs B Tolland\n\n"
            "1. Minutes of the meeting held on 9 February 2011\n",
            dt.date(2011, 3, 14),
            None,
            id="held-on-sentence-wrapped-before-its-date",
        ),
        pytest.param(
            "Notes of a meeting of the Eastmoor Resources Committee which took place in the "
            "Council Chamber, County Hall\nat 10.15 on Wednesday 2nd June 2010 with the "
            "following present\n\nCllr Jo Hale (Chair)\n",
            dt.date(2010, 6, 2),
            dt.time(10, 15),
            id="took-place-sentence-wrapped-before-its-time-and-date",
        ),
        pytest.param(
            "Security Classification\nAuthor: Ada Reader\nDate Created:\n3 September 2019\n"
            "Version 4\nChief Officers' Forum Minutes\n10-11 August 2019, Westbury\n"
            "Cmsr Ben Tolland\n",
            dt.date(2019, 8, 10),
            None,
            id="two-day-meeting-under-its-minutes-heading-not-the-created-date",
        ),
        pytest.param(
            "Published:\n21 May 2018\nNorthmoor Joint Board meeting notes\n"
            "2 May 2018 Online\nPresent: Ada Reader\n",
            dt.date(2018, 5, 2),
            None,
            id="date-under-its-notes-heading-not-the-published-date",
        ),
        pytest.param(
            "Executive Board Minutes – 06 May 2015\n\nMinutes of the meeting held at Room 4, "
            "Headquarters at 14.00pm on Wednesday 6 May 2015\n\nPRESENT: Ada Reader\n",
            dt.date(2015, 5, 6),
            dt.time(14, 0),
            id="time-before-the-date-on-the-line-under-the-title",
        ),
        pytest.param(
            "Document Sample\n1 EASTSHIRE POLICE AUTHORITY MINUTES of a meeting of the Page 1\n\n"
            "MINUTES of a meeting of the Eastshire Police Authority held at Headquarters,\n"
            "Middle Road, Eastbury on Friday 12th March 2010, commencing at 10:30hrs.\n\n"
            "Chairman...... Mr A Reader\n\nP/101 Apologies for Absence\n",
            dt.date(2010, 3, 12),
            dt.time(10, 30),
            id="numbered-running-title-above-the-date-is-not-the-first-item",
        ),
        pytest.param(
            "Agenda item\n\nDate: Thursday, 12th January, 2017 2.00 pm\n\nMinutes of the "
            "meeting held on 10 November 2016\n\nMinutes:\n\nThe minutes were agreed.\n",
            dt.date(2017, 1, 12),
            dt.time(14, 0),
            id="single-item-page-with-its-meetings-date-labelled",
        ),
        pytest.param(
            "Decision details\n\nRural Crime\n\nDecision Maker: Community Safety Scrutiny "
            "Committee\n\nDecision status: Recommendations approved\n\nDecisions:\n\n"
            "The Committee was told that the Council had debated a motion on 14 July 2021.\n\n"
            "Resolved: That the report be noted.\n\nPublication date: 02/12/2021\n\n"
            "Date of decision: 29/11/2021\n\nDecided at meeting: 29/11/2021 - Community "
            "Safety Scrutiny Committee\n",
            dt.date(2021, 11, 29),
            None,
            id="decision-page-dated-by-the-meeting-that-decided",
        ),
        pytest.param(
            "Decision details\n\nPolice and Crime Plan\n\nDecision Maker: Eastshire Police "
            "and Crime Panel\n\nDecisions:\n\nThe Panel considered the draft plan.\n\n"
            + "The Commissioner answered questions on the plan's priorities.\n\n" * 12
            + "Decided at meeting: 03/02/2020 - Eastshire Police and Crime Panel\n",
            dt.date(2020, 2, 3),
            None,
            id="decision-page-dated-at-its-foot-far-below",
        ),
        pytest.param(
            "Strategic Board Minutes – Extra Meeting 10 October 2013\n\nEASTSHIRE STRATEGIC "
            "BOARD\n\nMinutes of the extra meeting held following the Police and Crime Panel "
            "Meeting at 2pm on Thursday 10 October 2013.\n\nPRESENT:-\n\nIn the Chair: "
            "Commissioner Ada Reader\n\n1. MINUTES OF THE MEETING HELD ON 01 OCTOBER 2013:\n",
            dt.date(2013, 10, 10),
            dt.time(14, 0),
            id="held-following-another-meeting-the-same-day",
        ),
        pytest.param(
            "Westmarch Audit Committee\n\nNotes of the meeting held immediately following the "
            "Annual Meeting on Monday 4 June 2018 at 11.30am\n\nPresent: Ben Tolland\n",
            dt.date(2018, 6, 4),
            dt.time(11, 30),
            id="held-immediately-following-the-annual-meeting",
        ),
        pytest.param(
            "19.03.2013 Views\n\nKINGSBRIDGE FIRE & RESCUE BOARD ...\n\nSHOW MORE\n\n"
            "KINGSBRIDGE FIRE & RESCUE BOARD<br />\n\nMINUTES OF A MEETING<br />\n\n"
            "22 JANUARY 2013<br />\n\n1.30 PM<br />\n\n"
            "PRESENT: Dr O Penrose, Chairman presiding<br />\n",
            dt.date(2013, 1, 22),
            dt.time(13, 30),
            id="a-document-viewers-upload-date-above-the-minutes",
        ),
    ],
)
def test_the_meeting_date_and_start_time(text: str, date: dt.date, start: dt.time | None) -> None:
    header = header_of(text)
    assert header.date == date
    assert header.start_time == start


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Agenda and minutes\n\nVenue: Council Chamber\n\nNo. Item\n\n"
            "Minutes of the Meeting held on 8 March 2023\n"
            "The minutes of the meeting held on 8 March 2023 were approved as a true record.\n"
            "Public Questions\nQuestions had to reach the clerk by 12 noon on Thursday 30 "
            "January 2025.\n",
            id="only-earlier-minutes-and-a-deadline",
        ),
        pytest.param(
            "The minutes of the meeting held on 12 September 2024 were agreed as a correct "
            "record and signed by the Chair.\nCouncillor A Reader asked about the briefing.\n",
            id="single-item-page",
        ),
        pytest.param(
            "Agenda item\n\nReview of the Complaints Procedure\n\nMinutes:\n\nThe Panel "
            "considered a report of the Monitoring Officer, who noted that the Panel would "
            "recall the workshop session held 6 May 2022.\n\nResolved: That the procedure be "
            "approved.\n",
            id="single-item-page-naming-an-earlier-event",
        ),
        pytest.param(
            "Agenda item\n\nMinutes of the meeting held on 14 March 2019\n\nMinutes:\n\n"
            "The Minutes of the meeting held on 14 March 2019 were confirmed as a correct "
            "record, subject to one correction.\n\nMr Reader asked about the rural survey.\n",
            id="single-item-page-titled-by-the-earlier-minutes",
        ),
        pytest.param(
            "Agenda item\n\nMinutes:\n\nThe Committee considered the undernoted report:\n\n"
            "1 Background\n\n1.1 Members will be aware that the Community Safety Partnership "
            "ceased operating on 31st March 2012. Its successor meets at 6.30 pm.\n",
            id="single-item-page-quoting-a-report",
        ),
        pytest.param(
            "AGENDA ITEM\n\nPolicing Update - 2 October 2023\n\nMinutes:\n\nThe Inspector "
            "reported on the summer's events.\n",
            id="single-item-page-with-a-dated-item-title",
        ),
        pytest.param(
            "Published: 3 July 2023\n\nCommittee Chairs' Reports - 28 June 2023\n\n"
            "The publication discussed was referenced in the meeting below\n\n"
            "Meeting of the Northshire Authority - 28 June 2023\n\nDate : 28 June 2023\n\n"
            "Location : online\n\nConclusions and actions reached (1)\n\n"
            "Members AGREED the need for a report on custody.\n",
            id="a-paper-page-gives-only-the-meeting-that-received-it",
        ),
        pytest.param(
            "Chair's Update - 5 March 2024\n\nThis paper was considered at the meeting below.\n"
            "Eastmoor Board - 5 March 2024\nDate: 5 March 2024\n\n"
            "The Chair reported on the work of the Estates Committee.\n",
            id="a-paper-considered-at-the-meeting-below",
        ),
        pytest.param(
            "Action log\nLast updated 14/03/2022\nNo.\tAction\tOwner\n1\tReport back\tCC\n",
            id="last-updated",
        ),
        pytest.param(
            "Action updates\nRHL is to clarify the arrangements. Update 18.01.22 – Complete\n"
            "JA to circulate the plan. Update 04/02/2022 – in progress\n",
            id="action-updates",
        ),
        pytest.param(
            "No. Item\n\nBriefing Session\nPanel members will meet for a private briefing "
            "from 10.15 – 10.30 am.\n\nMinutes of meeting Wednesday, 10 February 2021 of "
            "Westshire Police and Crime Panel\nA member said the minutes were too short.\n"
            "The Commissioner reported on the period between 23 November 2020 and 11 January "
            "2021.\n",
            id="briefing-time-earlier-minutes-and-a-period",
        ),
    ],
)
def test_no_date_when_none_is_the_meetings_own(text: str) -> None:
    header = header_of(text)
    assert header.date is None
    assert header.start_time is None


def test_list_of_dated_decisions_gives_no_single_date() -> None:
    header = header_of(
        "Issue - decisions\nPolice Scotland - verbal update\n"
        "09/04/2024 - Performance Report - POL/24/117\nThe Committee resolved:-\n"
        "(i) to note the report;\n"
        "31/01/2024 - Performance Report POL/24/031\nThe Committee resolved:-\n"
        "(i) to note the report;\n"
    )
    assert header.date is None


def test_a_month_and_year_in_the_title_is_taken_with_a_warning() -> None:
    header = header_of("Eastmoor Accountability Board – March 2023\n\nThe board met.\n")
    assert header.date == dt.date(2023, 3, 1)
    assert header.warnings == ["the meeting day is not stated; the date is taken as 2023-03-01"]
