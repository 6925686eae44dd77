"""Meeting-level fields over families of layouts: the kind a body's name gives (a Scottish
council's police and fire board, a legislature's justice committee, a board of directors, the
police authorities' national association), a body named once in a page without its title, a
title broken inside the name, a meeting over two days, a time range without its dash, a
document-sharing site's copy, an agenda's summons, a page of the agenda run onto one line, news
and information pages and an index of files, an additional meeting, a chair resolved "to be the
Chair". Invented text in, fields out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from ingest.parse.dates import iter_dates
from ingest.parse.kinds import find_meeting_kind
from ingest.parse.meeting_date import time_before
from records.enums import DocumentType, MeetingKind


@pytest.mark.parametrize(
    "name",
    [
        "Police, Fire and Rescue and Safer Communities Board",
        "Shadow Police and Fire & Rescue Board",
        "Police, Fire and Rescue Sub Committee",
    ],
)
def test_a_councils_police_and_fire_board_scrutinises(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.SCRUTINY_COMMITTEE


def test_a_councils_police_and_fire_committee_is_left_to_its_other_words() -> None:
    assert find_meeting_kind("Police, Fire and Rescue Committee") is None
    assert find_meeting_kind("Fire and Rescue Authority") is None


@pytest.mark.parametrize(
    "name", ["Committee for Justice", "Justice Sub-Committee on Policing", "Home Affairs Committee"]
)
def test_a_legislatures_justice_committee_scrutinises(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.SCRUTINY_COMMITTEE


@pytest.mark.parametrize(
    "name", ["College Board of Directors", "Board of Trustees", "Westdale Board of Governors"]
)
def test_a_board_of_directors_is_the_governing_board(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.STRATEGIC_BOARD


def test_the_police_authorities_association_governs_and_their_officers_network_does_not() -> None:
    assert find_meeting_kind("Association of Police Authorities Council") is (
        MeetingKind.STRATEGIC_BOARD
    )
    assert find_meeting_kind("Association of Police Authority Chief Executives") is None
    assert find_meeting_kind("Society of Police Authority Treasurers") is None
    assert find_meeting_kind("Eastshire Police Authority") is MeetingKind.STRATEGIC_BOARD


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Wednesday 2 – Thursday 3 October 2019, Harbury", dt.date(2019, 10, 2)),
        ("Wednesday 15 and Thursday 16 July 2020", dt.date(2020, 7, 15)),
        ("Mon 4 to Tue 5 March 2024", dt.date(2024, 3, 4)),
    ],
)
def test_a_meeting_over_days_with_their_weekdays_is_dated_by_its_first(
    text: str, date: dt.date
) -> None:
    found = next(iter_dates(text))
    assert found.date == date
    assert found.weekday == date.weekday()


@pytest.mark.parametrize(
    ("before", "start"),
    [
        ("10:30 16:30 on ", dt.time(10, 30)),
        ("Board of Directors 09:15  12:45, ", dt.time(9, 15)),
        ("2.00 pm – 4.00 pm ", dt.time(14, 0)),
    ],
)
def test_two_times_side_by_side_before_the_date_start_with_the_first(
    before: str, start: dt.time
) -> None:
    found = time_before(before)
    assert found is not None and found.time == start


SHARED_COPY = """Official. Ann Bell (AB) (Part)

Size: px
Start display at page:

Download "Official. Ann Bell (AB) (Part)"

Transcription

1 Official Meeting Minutes: Westdale College Board of Directors 10:30 16:30 on 19 th March \
2019: Harbour House, Westdale. Board Members in Attendance: Ann Bell (AB) Roy Tapp (RT) \
Apologies: Jo Hale 1 Welcome 1.1 The Chair opened the meeting. 2. Minutes 2.1 The minutes were \
approved. 3. Finance 3.1 The Board noted the forecast.
"""


def test_a_document_sharing_copy_is_read_under_its_viewers_controls() -> None:
    draft = parse_document(SHARED_COPY)
    assert draft.date == dt.date(2019, 3, 19)
    assert draft.start_time == dt.time(10, 30)
    assert draft.kind is MeetingKind.STRATEGIC_BOARD


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Agenda and minutes\n\nVenue: Council Offices, Westdale\n\nNo. Item\n\n"
            "Welcome and Introductions\n\nThe Chairman welcomed everyone. The Board thanked "
            "Mrs Jo Hale for her contribution to the Police, Fire and Rescue and Safer "
            "Communities Board.\n\nMinutes\n\nThe Board approved the minute of the meeting held "
            "on 4 May 2021.\n",
            MeetingKind.SCRUTINY_COMMITTEE,
        ),
        (
            "Venue: County Hall. Contact: Mr R Tapp\nNo. | Item |\nMinutes: The Board considered "
            "the Westdale Safer Communities Strategy Board Action Log. |\nThe Board noted the "
            "update on rural crime. |\n",
            MeetingKind.STRATEGIC_BOARD,
        ),
    ],
)
def test_a_page_without_its_title_takes_the_one_body_named_under_the_word_it_acts_as(
    text: str, kind: MeetingKind
) -> None:
    assert parse_document(text).kind is kind


def test_a_page_that_acts_as_two_bodies_takes_neither() -> None:
    text = (
        "Agenda item\n\nOutstanding References\n\nThe Committee considered a report of the "
        "Clerk.\n\nThe Board received an update on the revised Police Authority Board handbook."
        "\n\nThe Board noted the report.\n"
    )
    assert parse_document(text).kind is MeetingKind.OTHER


@pytest.mark.parametrize(
    "title",
    [
        "MINUTES of MEETING of the SHADOW POLICE AND FIRE &\n\nRESCUE BOARD held in the Council "
        "Chambers, Westdale Tuesday 4 December 2012 at 10.00 am.",
        "Minutes of the meeting of the Westdale Police, Fire and\nRescue Board held on Tuesday "
        "4 December 2012 at 10.00 am.",
    ],
)
def test_a_title_broken_inside_the_name_is_read_whole(title: str) -> None:
    draft = parse_document(title + "\n\nPresent: Councillor Ann Bell (Chair)\n\n1 Welcome\n")
    assert draft.title.lower().endswith("rescue board")
    assert draft.kind is MeetingKind.SCRUTINY_COMMITTEE


@pytest.mark.parametrize(
    "opening",
    [
        "1 Jo Hale Tel No: Date: 7 December 2017 Dear Member JOINT AUDIT COMMITTEE You are "
        "requested to attend a meeting of the Joint Audit Committee on Wednesday 13 December "
        "2017 in the Conference Hall, Headquarters at 10.00am. Yours sincerely Roy Tapp",
        "Dear Councillor\nMembers are hereby summoned to attend a meeting of the Eastshire "
        "Police Authority on Friday 3 March 2006 at 10.30am.",
    ],
)
def test_a_summons_makes_the_pack_an_agenda_whatever_minutes_it_carries(opening: str) -> None:
    minutes = (
        "\n\n3 3 AGENDA ITEM 1 MINUTES OF A MEETING OF THE COMMITTEE HELD ON 12 SEPTEMBER 2017 "
        "Members Present: Dr Ann Bell (Chairman) The Committee noted the report. It was agreed "
        "that the plan be approved. The Chairman thanked members. Members asked whether the "
        "audit had been completed.\n"
    )
    assert parse_document(opening + minutes).document_type is DocumentType.AGENDA


def test_an_agenda_run_onto_one_line_is_named_by_its_heading_over_item_one() -> None:
    membership = " ".join(f"Member {n} – Officer, Westdale" for n in range(1, 30))
    text = (
        "STRATEGIC RESOURCES & PERFORMANCE MEETING Friday 10 May 2019 at 2.00 pm Council "
        f"Offices, Westdale ____ Membership {membership} A G E N D A 1 Apologies for absence "
        "2 Minutes of the previous meeting 3 Rural Crime Update MINUTES OF THE MEETING HELD ON "
        "7 MARCH 2019 The Commissioner welcomed everyone. It was noted that the plan was "
        "agreed. Members asked whether the update was complete. RESOLVED 2019/011.\n"
    )
    assert parse_document(text).document_type is DocumentType.AGENDA


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "This article is from the source 'bbc' and was first published or seen on .\n"
            "Version 2 | Version 3 |\n---|---|\nPolice rise agreed | Police rise agreed |\n"
            "Westdale Police Authority has agreed a rise of 6.6%. | Westdale Police Authority "
            "has agreed a rise of 6.6%. |\n",
            "news article",
        ),
        (
            "From the Eastshire Police Authority\nwebsite:\nThe members of the Authority oversee "
            "the force and set its budget.\nAuthority meetings are open to members of the public. "
            "Anyone wishing to attend should contact Jo Hale, Business Manager.\nThe next meeting "
            "is on Thursday 13 December 2012\n",
            "information page",
        ),
        (
            "Members of the partnership monitor the reports of the District Commander.\n\n"
            "Meetings in Public – Reports\n- First_Meeting_in_Public_19.06.03\n"
            "- Second_Meeting_in_Public_28.08.03\n- Ninth_Meeting_in_Public_27_January_05\n"
            "- Meeting in Public_23_November_2006\n",
            "index page",
        ),
    ],
)
def test_pages_about_meetings_are_not_their_records(text: str, reason: str) -> None:
    with pytest.raises(NotMinutesError, match=reason):
        parse_document(text)


@pytest.mark.parametrize(
    "resolution",
    [
        "That an additional meeting of the Eastshire Police and Crime Panel be scheduled to take "
        "place on 12 January 2018, at 10am.",
        "It was agreed that a special meeting of the Panel should be held on 12 January 2018 at "
        "10am.",
    ],
)
def test_an_additional_meeting_scheduled_is_the_next(resolution: str) -> None:
    text = (
        "Eastshire Police and Crime Panel\n\nMinutes of the meeting held on 24 November 2017\n\n"
        "Present: Councillor Ann Bell (Chair), Councillor Roy Tapp\n\n1. Precept\n\n"
        f"The Panel considered the precept. RESOLVED\n\n{resolution}\n"
    )
    draft = parse_document(text)
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2018, 1, 12)
    assert draft.next_meeting.start_time == dt.time(10, 0)


@pytest.mark.parametrize(
    "resolution",
    [
        "Resolved that:\n\nCllr Ann Bell to be the Chair of the Panel for the following year.",
        "RESOLVED – that Councillor Ann Bell be elected Chair of the Panel for the year.",
    ],
)
def test_the_panel_resolves_who_is_to_be_its_chair(resolution: str) -> None:
    text = (
        "Agenda and minutes\n\nItems\nNo. Item\n\n1.\n\nApologies for Absence\n\nMinutes:\n\n"
        "Apologies were received from Councillor Roy Tapp.\n\n2.\n\nAppointment of Chair\n\n"
        f"Minutes:\n\nThe Panel considered nominations for the Chair.\n\n{resolution}\n"
    )
    assert parse_document(text).chair == "Ann Bell"


@pytest.mark.parametrize(
    ("attendees", "chair"),
    [
        (
            "Attendees AC Ada Reader NPCC Chair CC Roy Tapp Westshire DCC Jo Hale Eastshire "
            "CC Ben Roper Northshire",
            "Ada Reader",
        ),
        ("Attendees Cllr Jo Hale PCP Chair Cllr Roy Tapp Cllr Ann Bell", "Jo Hale"),
    ],
)
def test_a_run_on_list_marks_its_chair_by_the_post_after_the_name(
    attendees: str, chair: str
) -> None:
    text = (
        "Chief Officers' Council Minutes\n\nWednesday 2 – Thursday 3 October 2019, Harbury\n\n"
        f"{attendees}\n\n1. Welcome\n\nThe Council noted the update.\n"
    )
    assert parse_document(text).chair == chair


@pytest.mark.parametrize(
    ("timing", "start"), [("5pm", dt.time(17, 0)), ("10.30 am", dt.time(10, 30))]
)
def test_the_first_items_timing_is_the_start(timing: str, start: dt.time) -> None:
    text = (
        "Meeting documents\n\nVenue: Kennet Room, Civic Centre, Westdale\n\nContact: Jo Hale\n\n"
        f"Items\nNote No. Item\n\n{timing}\n\n1.\n\nElection of Chairman\n\nMinutes:\n\n"
        "RESOLVED that Mr R Tapp be elected Chairman of the Westdale Police and Crime Panel.\n\n"
        "2.\n\nDeclarations of Interest\n\nMinutes:\n\nNone.\n"
    )
    assert parse_document(text).start_time == start


def test_a_time_in_an_items_text_is_no_timing() -> None:
    text = (
        "Meeting documents\n\nVenue: Kennet Room, Civic Centre, Westdale\n\nItems\nNo. Item\n\n"
        "1.\n\nElection of Chairman\n\nMinutes:\n\nThe break at 5pm was agreed.\n"
    )
    assert parse_document(text).start_time is None


ASSOCIATION_MINUTES = """ASSOCIATION OF WESTSHIRE CLERKS

Minutes of the meeting held on Tuesday 16 June 2009 at the Guildhall, Westdale
1.{heading}
The Association's Officer invited nominations. Members duly proposed and seconded Ann Bell.
{decision}
- The Chair thanked members for their support.
2. Police Reform
Members discussed the draft response.
"""


@pytest.mark.parametrize(
    "decision",
    [
        "AGREED: Ann Bell was duly elected for a period ending with the Annual General Meeting.",
        "AGREED:Ann Bell was duly elected for a period ending with the Annual General Meeting.",
    ],
)
def test_the_one_elected_under_the_item_electing_the_chair_is_the_chair(decision: str) -> None:
    text = ASSOCIATION_MINUTES.format(heading="Appointment of Chair", decision=decision)
    assert parse_document(text).chair == "Ann Bell"


def test_the_one_elected_under_another_item_is_not_the_chair() -> None:
    text = ASSOCIATION_MINUTES.format(
        heading="Election of Honorary Treasurer",
        decision="AGREED: Ann Bell was duly elected for a period ending with the AGM.",
    )
    assert parse_document(text).chair is None


@pytest.mark.parametrize(
    "reference",
    [
        "Enquiries to: Mrs I Reader Telephone: 0300 1240113 Our reference: IR Date: 11/11/2019",
        "Tel No: 01865 541957 Date: 11 November 2019",
        "Your ref: JH/2019 Date: 11.11.2019",
    ],
)
def test_a_letters_own_date_in_its_reference_block_is_not_the_meetings(reference: str) -> None:
    text = (
        "Page | 1 AGENDA TO: THE MEMBERS OF THE JOINT AUDIT COMMITTEE A Meeting of the Joint "
        "Audit Committee will take place on Wednesday 20 th November 2019 in Conference Room "
        f"Two, Headquarters, at 10:30am. Jo Hale Chief Executive COMMITTEE MEMBERSHIP Mrs Ann "
        f"Bell (Chair) Mr Roy Tapp AGENDA {reference} Westshire Police Headquarters\n\n"
        "1. APOLOGIES FOR ABSENCE\n\n2. MINUTES OF THE MEETING HELD ON 18 SEPTEMBER 2019\n"
    )
    draft = parse_document(text)
    assert draft.date == dt.date(2019, 11, 20)
    assert draft.start_time == dt.time(10, 30)


@pytest.mark.parametrize("joined", ["Date: / 15th June 2011", "Date:/ 15th June 2011"])
def test_a_date_under_its_label_in_a_table_joined_by_a_slash(joined: str) -> None:
    text = (
        "NOT PROTECTIVELY MARKED\n\nWESTSHIRE POLICE\n\nAuthor: / Jo Hale, WP\n"
        f"{joined}\nLocation: / Board Room, Central Station\n  1. PRESENT:\n\n"
        "Jo Hale (JH) Chairperson/Sergeant\n\nRoy Tapp (RT) Station Manager\n"
    )
    assert parse_document(text).date == dt.date(2011, 6, 15)


@pytest.mark.parametrize("lead_in", ["The new dates were:", "The revised meeting dates are:"])
def test_dates_listed_under_a_lead_in_to_new_dates_are_other_meetings(lead_in: str) -> None:
    text = (
        "Venue: Civic Centre, Westdale\nNote: Special meeting\nNo. | Item |\n"
        "Apologies for Absence Minutes: Apologies were received from Cllr Roy Tapp.\n"
        "Chairman's Announcements Minutes: The Chairman announced that the dates of the March "
        f"and September meetings had been changed.\n{lead_in}\n"
        "Thursday 13 March 2014, 2.00 pm, venue TBC\n"
        "Thursday 11 September 2014, 2.00 pm venue TBC\n"
        "It was agreed that media relations would be added to the agenda of the next formal "
        "Panel meeting on 26 November 2013. |\n"
    )
    draft = parse_document(text)
    assert draft.date is None
    assert draft.next_meeting is not None
    assert draft.next_meeting.date == dt.date(2013, 11, 26)


@pytest.mark.parametrize(
    ("council", "committee"),
    [
        (
            "WESTDALE BOROUGH COUNCIL",
            "Joint Community Safety Partnership Overview & Scrutiny Committee",
        ),
        ("EASTSHIRE DISTRICT COUNCIL", "Crime and Disorder Scrutiny Committee"),
    ],
)
def test_a_portals_first_cell_holding_the_whole_minutes_gives_their_heading(
    council: str, committee: str
) -> None:
    text = (
        "The Minutes for this meeting will be published within 9 working days.\n"
        "Venue: Westdale Council Offices\nNo. | Item | ||||||\n---|---|---|---|\n"
        f"Minutes: {council}\n{committee}\n17 January 2017 AT 6.30 pm\n"
        "Also in attendance: Councillor Ann Bell; Inspector Roy Tapp.\n"
        "1 Welcome and introductions\nThe Chairman welcomed everyone to the meeting.\n"
    )
    draft = parse_document(text)
    assert draft.date == dt.date(2017, 1, 17)
    assert draft.start_time == dt.time(18, 30)
    assert draft.kind is MeetingKind.SCRUTINY_COMMITTEE
