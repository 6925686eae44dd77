"""The meeting's own name as the draft's title, and the kind it maps to."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.parse import parse_document
from ingest.parse.header import parse_header
from ingest.parse.kinds import find_meeting_kind
from ingest.parse.lines import split_lines
from records.enums import MeetingKind


def title_and_kind(text: str) -> tuple[str, MeetingKind]:
    header = parse_header(split_lines(text), text_head=text[:3000])
    return header.title, header.kind


@pytest.mark.parametrize(
    ("text", "title", "kind"),
    [
        pytest.param(
            "Agenda and minutes\n\nEastmoor Police and Crime Panel - Thursday, 8 December 2016 "
            "10.30 am\n\nVenue: Committee Room C\n",
            "Eastmoor Police and Crime Panel",
            MeetingKind.POLICE_AND_CRIME_PANEL,
            id="portal-title-line",
        ),
        pytest.param(
            "Agenda and draft minutes\n\nAGM, followed by DPCC Confirmation Hearing, Westshire "
            "Police and Crime Panel - Thursday, 20 June 2024 10.30 am\n",
            "Westshire Police and Crime Panel",
            MeetingKind.POLICE_AND_CRIME_PANEL,
            id="annual-meeting-prefixes",
        ),
        pytest.param(
            "Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm\n",
            "Cabinet",
            MeetingKind.OTHER,
            id="moved-from-prefix",
        ),
        pytest.param(
            "NORTHSHIRE POLICING BOARD\nMINUTES OF THE PERFORMANCE COMMITTEE MEETING HELD ON "
            "THURSDAY 15 DECEMBER 2016 AT 9.30AM, WATERSIDE HOUSE\n",
            "Performance Committee",
            MeetingKind.PERFORMANCE,
            id="committee-of-a-board",
        ),
        pytest.param(
            "NORTHSHIRE POLICING BOARD MINUTES OF MEETING OF RESOURCES COMMITTEE HELD ON "
            "WEDNESDAY 25 NOVEMBER 2020 AT 9.30AM\n",
            "Resources Committee",
            MeetingKind.OTHER,
            id="the-parent-body-does-not-give-the-kind",
        ),
        pytest.param(
            "Meeting: Strategy and Planning Committee\n  • Date: 21 November 2019\n"
            "  • Time: 9:30 - 13:00\n",
            "Strategy and Planning Committee",
            MeetingKind.STRATEGIC_BOARD,
            id="meeting-label",
        ),
        pytest.param(
            "Meeting\tStrategic Executive Board\nDate\tWednesday 4 May 2022\nTime\t1400 hrs\n",
            "Strategic Executive Board",
            MeetingKind.STRATEGIC_BOARD,
            id="meeting-cell-of-a-table",
        ),
        pytest.param(
            "Police and Crime Committee - Thursday 22 November 2012 10.00 am\n",
            "Police and Crime Committee",
            MeetingKind.SCRUTINY_COMMITTEE,
            id="assembly-police-and-crime-committee",
        ),
        pytest.param(
            "Agenda for Overview and Scrutiny Committee on Thursday, 29th November 2018, 6.30 pm\n",
            "Overview and Scrutiny Committee",
            MeetingKind.SCRUTINY_COMMITTEE,
            id="agenda-for-a-committee",
        ),
        pytest.param(
            "Westdale Rural Area Partnership Minutes of the Board Meeting Thursday 28 January "
            "2021 (Virtual Meeting)\n",
            "Westdale Rural Area Partnership Board",
            MeetingKind.OTHER,
            id="bare-board-takes-the-organisation-before-it",
        ),
        pytest.param(
            "Minutes of a meeting of the Safer Northshire Strategy Board held at County Hall on "
            "Friday, 15 March 2019.\n",
            "Safer Northshire Strategy Board",
            MeetingKind.STRATEGIC_BOARD,
            id="minutes-of-a-meeting-of-the-body",
        ),
        pytest.param(
            "8th November 2019\n\nChairman: Councillor A Reader\n\nThe Monthly Meeting of the "
            "Corporate Services Committee will take place in the Council Chamber on Wednesday "
            "13th November 2019 at 6.00pm.\n",
            "Corporate Services Committee",
            MeetingKind.OTHER,
            id="summons-sentence",
        ),
        pytest.param(
            "Public Document Pack 24 April 2019 Dear Colleague You are invited to attend the "
            "next meeting of the Public Accountability Board which will be held on Tuesday "
            "30th April 2019 at 10.00 am.\n",
            "Public Accountability Board",
            MeetingKind.ACCOUNTABILITY_BOARD,
            id="public-is-part-of-a-name",
        ),
        pytest.param(
            "Eastshire Police Authority (30th August 2012)\n\nPresent: A Reader, B Tolland\n",
            "Eastshire Police Authority",
            MeetingKind.STRATEGIC_BOARD,
            id="date-in-brackets-after-the-name",
        ),
        pytest.param(
            "WESTSHIRE JOINT AUDIT PANEL (POLICE AND CRIME)\n10:15 a.m., Tuesday 23 July 2019\n",
            "Westshire Joint Audit Panel (Police and Crime)",
            MeetingKind.AUDIT_COMMITTEE,
            id="capitals-title-cased",
        ),
        pytest.param(
            "ASSOCIATION OF CHIEF POLICE OFFICERS\n\nTel: 01234 567890\n\nCABINET MINUTES\n\n"
            "Minutes of the Meeting held at Central Hall on Tuesday 9 March 2010 at 10am\n",
            "Cabinet",
            MeetingKind.STRATEGIC_BOARD,
            id="cabinet-under-a-chief-officers-association-banner",
        ),
        pytest.param(
            "Version 3\nAuthor: Ada Reader\nPolicy Committee:\nCentral Office\n"
            "Police Chiefs' Council Minutes\n4-5 May 2021, Online\n",
            "Meeting",
            MeetingKind.STRATEGIC_BOARD,
            id="chiefs-council-under-a-cover-sheets-labels",
        ),
        pytest.param(
            "Document Sample\n                Westmoor Police Authority\n\n"
            "  Minutes of a Meeting of the Estates & Capital Programme\n\n"
            "  Held at Headquarters, Westbury\n  On Tuesday 6th July 2010 at 2pm\n\n"
            "Present: Mrs A Reader (Chair)\n",
            "Estates & Capital Programme",
            MeetingKind.OTHER,
            id="meeting-of-a-body-named-without-a-body-word",
        ),
        pytest.param(
            "Eastshire Police Authority\nMinutes of a meeting of the Standards and Ethics held "
            "on 3 May 2011\nPresent: Cllr B Tolland\n",
            "Standards and Ethics",
            MeetingKind.OTHER,
            id="meeting-of-a-body-named-without-a-body-word-on-its-held-line",
        ),
        pytest.param(
            "Eastshire Police Authority\n\nMinutes of the Vetting Appeals Sub-committee of the "
            "Eastshire Police Authority held on 3 May 2011\n\nPresent: Cllr B Tolland\n",
            "Vetting Appeals Sub-committee of the Eastshire Police Authority",
            MeetingKind.OTHER,
            id="sub-committee-of-the-authority",
        ),
        pytest.param(
            "Have your say on policing\n\nResources Board Minutes 11 May 2015\n\n"
            "Minutes of the meeting held in Conference Room 3, Headquarters at 10:00am on "
            "Monday 11 May 2015.\n\nPRESENT: Ada Reader\n",
            "Resources Board",
            MeetingKind.OTHER,
            id="held-in-a-conference-room-is-a-place-not-the-name",
        ),
        pytest.param(
            "Executive Board Minutes 3 June 2014\n"
            "Record of the Board's meeting in Meeting Room Two, Headquarters, on Tuesday 3 "
            "June 2014.\nPRESENT:-\nIn the Chair: Ada Reader (AR).\n",
            "Executive Board",
            MeetingKind.STRATEGIC_BOARD,
            id="the-boards-meeting-names-no-body-of-its-own",
        ),
        pytest.param(
            "Minutes of the Eastern Joint Police Board's meeting in the Council Chamber, "
            "Town House, on Friday, 7 March 2008 at 10.30 a.m.\n\nPresent: Mr A Reader\n",
            "Eastern Joint Police Board",
            MeetingKind.STRATEGIC_BOARD,
            id="a-named-bodys-meeting-names-the-body",
        ),
    ],
)
def test_title_is_the_bodys_own_name(text: str, title: str, kind: MeetingKind) -> None:
    assert title_and_kind(text) == (title, kind)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Overview and Scrutiny Management Board", MeetingKind.SCRUTINY_COMMITTEE),
        ("Places Scrutiny Panel", MeetingKind.SCRUTINY_COMMITTEE),
        ("Thematic Scrutiny Meeting: Violence Against Women and Girls", MeetingKind.THEMATIC),
        ("Audit, Risk and Assurance Committee", MeetingKind.AUDIT_COMMITTEE),
        ("Joint Audit Panel (Police and Crime)", MeetingKind.AUDIT_COMMITTEE),
        ("Strategic Planning and Performance Committee", MeetingKind.PERFORMANCE),
        ("Strategic Resources and Performance Board", MeetingKind.PERFORMANCE),
        ("Performance and Accountability Board", MeetingKind.ACCOUNTABILITY_BOARD),
        ("Level 1 meeting", MeetingKind.ACCOUNTABILITY_BOARD),
        ("Public Accountability Conference", MeetingKind.ACCOUNTABILITY_BOARD),
        ("Police Authority Board", MeetingKind.STRATEGIC_BOARD),
        ("Strategic Priorities Assurance Board", MeetingKind.STRATEGIC_BOARD),
        ("Force Assurance Board", MeetingKind.MONTHLY_ASSURANCE),
        ("Monthly Assurance Meeting", MeetingKind.MONTHLY_ASSURANCE),
        ("Full Authority", MeetingKind.STRATEGIC_BOARD),
        ("Executive Board", MeetingKind.STRATEGIC_BOARD),
        ("Police & Crime Panel", MeetingKind.POLICE_AND_CRIME_PANEL),
        ("Police, Fire and Crime Panel", MeetingKind.POLICE_AND_CRIME_PANEL),
        ("Authority Meeting", MeetingKind.STRATEGIC_BOARD),
        ("Public Board Meeting - Eastfield", MeetingKind.STRATEGIC_BOARD),
        ("Chief Officers' Management Board - Strategic", MeetingKind.STRATEGIC_BOARD),
        ("Chief Constables' Council", MeetingKind.STRATEGIC_BOARD),
        ("Police Chiefs Council", MeetingKind.STRATEGIC_BOARD),
        ("Complaints Review Sub-committee of the Eastshire Police Authority", None),
        ("Estates Panel of the Westmoor Police Authority", None),
        (
            "Joint Audit Committee of the Commissioner and Chief Constable",
            MeetingKind.AUDIT_COMMITTEE,
        ),
        ("Board of the Northshire Police Authority", MeetingKind.STRATEGIC_BOARD),
        ("Board members present", None),
        ("Combined Authority", None),
        ("Resources Committee", None),
        ("Police, Fire and Rescue Committee", None),
    ],
)
def test_kind_by_name(name: str, kind: MeetingKind | None) -> None:
    assert find_meeting_kind(name) is kind


def test_a_page_without_a_title_takes_the_body_its_text_acts_under() -> None:
    draft = parse_document(
        "Venue: Room 4\nContact: Secretariat\nNo. | Item |\n---|---|\n"
        "Apologies for Absence Minutes: Apologies were received from Councillor Reader. |\n|\n"
        "Review of Actions Minutes: The Commissioner told the Panel that the plan had been "
        "revised. The Panel noted the update. |\n"
    )
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL
    assert draft.title == "Meeting of the Panel"
    assert draft.date is None


def test_a_body_named_twice_in_the_text_names_a_page_without_a_title() -> None:
    draft = parse_document(
        "Agenda and minutes\nVenue: Committee Rooms\nNo. Item\n\n1.\nApologies\nMinutes:\n"
        "Apologies were received from A Reader.\n2.\nMinutes\nMinutes:\nThe Board considered "
        "the note of the last meeting of the Westshire Police Authority Board.\n3.\nUpdate\n"
        "Minutes:\nThe Board noted that the Westshire Police Authority Board would meet again "
        "in June.\n"
    )
    assert draft.title == "Westshire Police Authority Board"
    assert draft.kind is MeetingKind.STRATEGIC_BOARD


def test_the_title_of_a_single_item_page_is_not_the_meetings_name() -> None:
    draft = parse_document(
        "Agenda item\n\nPolice and Crime Panel\n\nReport of the Director of Partnerships\n\n"
        "Minutes:\n\nThe Scrutiny Officer took Members through the report on the most recent "
        "meeting of the panel. The Committee noted the report.\n\nResolved:\n\nThat the report "
        "be received.\n"
    )
    assert draft.title != "Police and Crime Panel"


@pytest.mark.parametrize(
    "title_line",
    [
        "Office of the Police and Crime Commissioner for Oakmere – Accountability Board June "
        "2023 – Meeting Notes",
        "# Office of the Police and Crime Commissioner for Oakmere Accountability Board "
        "Meeting Notes",
    ],
    ids=["parts-between-dashes", "markdown-heading"],
)
def test_a_long_title_line_names_the_body(title_line: str) -> None:
    title, kind = title_and_kind(f"{title_line}\n\nPresent: A Reader, B Tolland\n")
    assert kind is MeetingKind.ACCOUNTABILITY_BOARD
    assert title.endswith("Accountability Board")


def test_a_long_title_in_parts_keeps_only_the_bodys_part() -> None:
    title, _ = title_and_kind(
        "Office of the Police and Crime Commissioner for Oakmere – Accountability Board June "
        "2023 – Meeting Notes\n\nPresent: A Reader\n"
    )
    assert title == "Accountability Board"


def test_a_long_sentence_without_dashes_does_not_name_the_body() -> None:
    sentence = (
        "Members of the group agreed that the accountability board should meet again in the "
        "spring term"
    )
    assert len(sentence.split()) == 16
    title, kind = title_and_kind(f"{sentence}\n\nPresent: A Reader\n")
    assert kind is not MeetingKind.ACCOUNTABILITY_BOARD
    assert "Accountability" not in title


def test_a_page_without_a_title_takes_its_body_named_in_full_in_the_items() -> None:
    draft = parse_document(
        "Agenda and draft minutes\n\nVenue: Council Chamber, County Hall\n\nItems\nNo. Item\n\n"
        "30/23\n\nMinutes\n\nTo confirm the minutes of the Eastshire Police and Crime Panel "
        "meeting on 15 June 2023\n\nMinutes:\n\nThe minutes were confirmed as a correct record."
        "\n\n31/23\n\nCo-opted Members\n\nMinutes:\n\nRESOLVED to co-opt Councillor A Reader "
        "as a member of the Eastshire Police and Crime Panel.\n"
    )
    assert draft.title == "Eastshire Police and Crime Panel"
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_body_mentioned_twice_in_passing_does_not_name_a_page_that_acts_under_none() -> None:
    draft = parse_document(
        "PCC opened the meeting and asked CC for an update. The minutes are sent to the Police "
        "and Crime Panel each month.\nCC reported a fall in burglary. The Police and Crime "
        "Panel will see the figures in June.\n"
    )
    assert draft.kind is not MeetingKind.POLICE_AND_CRIME_PANEL


def test_the_minutes_of_a_sitting_named_in_a_sentence_are_not_the_title() -> None:
    draft = parse_document(
        "The Chairman welcomed all present, including the Police and Crime Commissioner for "
        "Westshire.\n\n\nApologies were received from Councillor A Reader.\n\n\n"
        "To agree the Minutes of the Panel Meeting held on 16th June 2023.\n\n\n"
        "The Open Minutes of the Extraordinary Panel Meeting held on 25th August 2023 were "
        "agreed. The Panel noted the Exempt Minutes of the Extraordinary Panel Meeting.\n"
    )
    assert "agree" not in draft.title
    assert "Extraordinary" not in draft.title
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_page_without_a_title_takes_the_kind_of_its_own_next_sitting() -> None:
    draft = parse_document(
        "17th August 2021\n1. Welcome and introductions\nAda Reader (AR)\nBen Tolland (BT)\n"
        "2. Budget outturn\nACTION – BT to add a paper on volunteers to a future "
        "accountability board agenda\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD


def test_another_bodys_next_sitting_does_not_give_the_kind() -> None:
    draft = parse_document(
        "17th August 2021\n1. Welcome\nThe Board noted the report. The Board heard that the "
        "next Joint Audit Committee meeting would review the accounts.\n2. Close\nThe Board "
        "agreed to close.\n"
    )
    assert draft.kind is not MeetingKind.AUDIT_COMMITTEE


def test_a_commissioner_questioning_the_chief_constable_is_holding_to_account() -> None:
    draft = parse_document(
        "PCC opened the meeting. He asked CC whether there were any operational updates. CC "
        "reported that more crimes were solved in May than in any month since September.\n"
        "The PCC asked whether the summer demand could be met. CC said a plan was in place.\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD


def test_the_title_lines_minutes_of_the_body_come_before_a_label_further_down() -> None:
    title, kind = title_and_kind(
        "MINUTES OF THE MEETING OF THE EASTSHIRE POLICE AND CRIME PANEL HELD ON 22 JANUARY "
        "2018 AT 1400 HOURS\n\nSimilar documents\n\nMeeting: Executive Board Venue: Room 2 "
        "Date: 14 th December 2016\n"
    )
    assert (title, kind) == ("Eastshire Police and Crime Panel", MeetingKind.POLICE_AND_CRIME_PANEL)


def test_a_meeting_label_stops_at_the_next_label() -> None:
    title, _ = title_and_kind("Meeting: Executive Board Venue: Room 2 Time: 10:00\n")
    assert title == "Executive Board"


def test_a_page_the_commissioner_chairs_with_the_chief_constable_is_holding_to_account() -> None:
    draft = parse_document(
        "Quarter 2 - 2023/24\n\nMeeting Details\n\nChair: PCC Ada Reader\n\nDate: Monday 11th "
        "December 2023\n\nAda Reader - Police and Crime Commissioner (PCC)\n\nDan Holt - "
        "Temporary Chief Constable (T/CC)\n\nItems for Discussion\n\n1. Review of Action "
        "Tracker\n\n2. Quarterly Update\n\n3. Chief Constable's Assessment of Performance\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD


@pytest.mark.parametrize(
    "assurance",
    [
        "The Commissioner was assured about the strength of the savings plan.",
        "He asked for clarification and assurance on the custody figures.",
        "The PFCC sought further assurance that the backlog would clear by March.",
    ],
)
def test_a_page_where_the_commissioner_takes_assurance_from_the_chief_is_holding_to_account(
    assurance: str,
) -> None:
    draft = parse_document(
        "9th March 2022\n1. Welcome and introductions\nPFCC Ada Reader (AR)\nCC Dan Holt (DH)"
        "\nBen Tolland (BT)\n2. Budget update\nThe Commissioner thanked the Chief Constable "
        f"for the report. {assurance}\nAction – BT to circulate the figures.\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD


def test_assurance_without_the_chief_constable_is_not_holding_to_account() -> None:
    draft = parse_document(
        "9th March 2022\n1. Welcome\nAda Reader (AR)\nBen Tolland (BT)\n2. Estates\nThe "
        "Commissioner was assured that the sale of the old station was on time.\n"
    )
    assert draft.kind is not MeetingKind.ACCOUNTABILITY_BOARD


@pytest.mark.parametrize(
    "mark",
    [
        "The Panel received the Chief Constable's presentation on the control room.",
        "The Panel agreed to co-opt two Independent Members from the county.",
    ],
)
def test_a_panel_before_the_chief_constable_or_with_independent_members_is_the_police_panel(
    mark: str,
) -> None:
    draft = parse_document(
        "Agenda and draft minutes\n\nVenue: Council Chamber\n\nItems\nNo. Item\n\n1.\n\n"
        "Apologies\n\nMinutes:\n\nNone.\n\n2.\n\nBusiness\n\nMinutes:\n\n"
        f"{mark} The Panel noted the update.\n"
    )
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_sites_heading_over_its_committees_is_not_the_bodys_name() -> None:
    draft = parse_document(
        "Councillors and committees\n\nAgenda and minutes\n\nVenue: Shire Hall\n\nItems\n"
        "No. Item\n\n12/22\n\nAPOLOGIES\n\nMinutes:\n\nThe Commissioner told the Panel "
        "about the plan. The Panel noted the update.\n"
    )
    assert draft.title != "Councillors and committees"
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_summons_after_a_letters_date_names_the_body() -> None:
    draft = parse_document(
        "public document pack\n\nCivic Offices, High Street For enquiries please contact Ada "
        "Reader Date: 2nd May 2019 Dear Sir/Madam, A meeting of the Northshire Police and Crime "
        "Panel will be held in the Council Chamber on Friday, 10th May, 2019 at 10.00 am to "
        "consider the following agenda. 1 Apologies for Absence. 2 Declarations of Interest.\n"
    )
    assert draft.title == "Northshire Police and Crime Panel"
    assert draft.kind is MeetingKind.POLICE_AND_CRIME_PANEL
    assert draft.date == dt.date(2019, 5, 10)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Strategic Board Minutes – Extra Meeting 10 October 2013\n\nMinutes of the extra "
            "meeting held following the Police and Crime Panel Meeting at 2pm on Thursday 10 "
            "October 2013.\n\nPRESENT:-\n",
            MeetingKind.STRATEGIC_BOARD,
        ),
        (
            "Eastshire Audit Committee\n\nNotes of the meeting held immediately after the "
            "Police and Crime Panel on Monday 4 June 2018 at 11.30am\n\nPresent: Ben Tolland\n",
            MeetingKind.AUDIT_COMMITTEE,
        ),
    ],
)
def test_a_meeting_held_following_another_body_is_not_named_by_it(
    text: str, kind: MeetingKind
) -> None:
    draft = parse_document(text)
    assert draft.kind is kind
    assert "Police and Crime Panel" not in draft.title
