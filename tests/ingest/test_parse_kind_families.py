"""The kind of a meeting from its body's name wherever the record gives it: a chief officers'
meeting by its initials or with a word between ("COT Board", "Chief Officers Strategic
Meeting"), a name run into a flattened header's labels, a contact line or running footer,
a council scrutiny committee's standing business, the chief officers' group named in the
text, a summons to "a Level 1 meeting". Invented text in, kind out."""

from __future__ import annotations

import pytest

from ingest.parse import parse_document
from ingest.parse.kinds import find_meeting_kind
from ingest.parse.lines import split_lines
from ingest.parse.meeting_name import find_meeting_name
from records.enums import MeetingKind


@pytest.mark.parametrize(
    "name",
    [
        "COT Board",
        "COG",
        "COMB - Strategic",
        "Chief Officers Strategic Meeting",
        "Chief Officers' Management Group",
        "Chief Officer Leadership Team",
    ],
)
def test_chief_officers_meetings_are_the_forces_strategic_board(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.STRATEGIC_BOARD


def test_a_word_in_capitals_like_initials_names_no_chief_officers_meeting() -> None:
    assert find_meeting_kind("Cost Committee") is None
    assert find_meeting_kind("Cogent Review Group") is None


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        (
            "POLICE AND CRIME PANEL Venue: Town Hall, Westgate Date: Friday, 30th January, 2015",
            "POLICE AND CRIME PANEL",
        ),
        (
            "Westshire Joint Audit Committee Date: 3 May 2019 Time: 10.00am Venue: HQ",
            "Westshire Joint Audit Committee",
        ),
        ("RESOURCES COMMITTEE Location: Room 2 Date: 4 June 2010", "RESOURCES COMMITTEE"),
    ],
)
def test_a_flattened_header_names_its_body_before_its_first_label(opening: str, name: str) -> None:
    lines = split_lines(opening + " Present: Councillor A Reader\n")
    named = find_meeting_name(lines, end=1)
    assert named is not None and named.name == name


def test_a_sentence_before_a_label_names_no_body() -> None:
    lines = split_lines("The Panel met again in the spring. Date: 3 May 2019\n")
    assert find_meeting_name(lines, end=1) is None


_PORTAL_PAGE = """Agenda and draft minutes

Venue: Council Chamber. View directions

{contact}

Items
No. Item

12.

DECLARATIONS OF INTEREST

Minutes:

There were no declarations of interest.

13.

{business}

Minutes:

The Committee noted the update. Members asked about the timetable.

14.

QUESTIONS TO THE COMMISSIONER

Minutes:

The Commissioner was welcomed to the meeting and answered questions from members.

{footer}
"""


@pytest.mark.parametrize(
    "business",
    [
        "UPDATE FROM CABINET",
        "Consideration of Call-ins",
        "Proposals for Scrutiny Reviews",
        "Executive Member Portfolio Update",
        "Cabinet Forward Plan",
    ],
)
def test_a_council_committee_with_scrutiny_business_is_a_scrutiny_committee(
    business: str,
) -> None:
    text = _PORTAL_PAGE.format(contact="Contact: Ada Reader 742617", business=business, footer="")
    assert parse_document(text).kind is MeetingKind.SCRUTINY_COMMITTEE


def test_a_council_committee_without_scrutiny_business_stays_other() -> None:
    text = _PORTAL_PAGE.format(
        contact="Contact: Ada Reader 742617", business="ALLOTMENTS UPDATE", footer=""
    )
    assert parse_document(text).kind is MeetingKind.OTHER


@pytest.mark.parametrize(
    ("contact", "footer"),
    [
        ("Contact: Ada Reader, Police and Crime Panel Support Officer", ""),
        ("Enquiries to: Clerk to the Westshire Police and Crime Panel", ""),
        (
            "Contact: Ada Reader 742617",
            "Westshire Police and Crime Panel – Page 1 of 2\n\nThe Commissioner left the "
            "meeting.\n\nWestshire Police and Crime Panel – Page 2 of 2",
        ),
    ],
)
def test_a_panel_named_only_in_its_furniture_is_a_police_and_crime_panel(
    contact: str, footer: str
) -> None:
    text = _PORTAL_PAGE.format(contact=contact, business="PRECEPT PROPOSAL", footer=footer)
    assert parse_document(text).kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_post_in_a_contact_line_names_no_body() -> None:
    text = _PORTAL_PAGE.format(
        contact="Contact: Ada Reader, Senior Scrutiny Officer", business="PRECEPT", footer=""
    )
    assert parse_document(text).kind is not MeetingKind.SCRUTINY_COMMITTEE


def test_a_record_naming_the_chief_officer_group_twice_is_its_meeting() -> None:
    draft = parse_document(
        "20 October 2016\n\nConference room 2, HQ\n\n"
        "1. / Minutes and action updates\nThe minutes of the last meeting were agreed as a "
        "true record.\n2. / Terms of Reference for COG\nThe yearly review of the terms of "
        "reference for Chief Officer Group was carried out and they were agreed.\n"
        "3. / Finance\nMs Stansby reported that the half-year budget showed a pressure.\n"
    )
    assert draft.kind is MeetingKind.STRATEGIC_BOARD


@pytest.mark.parametrize(
    "summons",
    [
        "You are requested to attend a Level 1 meeting on Friday 29 November 2019 at 10.00am",
        "You are invited to attend the Level One Meeting on Friday 29 November 2019 at 10am",
        "You are asked to attend a special Level 1 Meeting to be held on 29 November 2019",
    ],
)
def test_a_summons_to_a_named_kind_of_meeting_gives_its_kind(summons: str) -> None:
    draft = parse_document(
        "Ada Clerk Tel No: 01865 541762 E-mail: clerk@example.org Date: 25 November 2019 "
        f"Dear Chief Constable {summons} in the Conference Hall. Yours sincerely Ben Tolland "
        "Chief Executive To: PCC, Chief Constable Agenda Item Page No. 1. Apologies 2. "
        "Minutes of the meeting held on 25 July 2019 3 - 12 3. Revenue Monitoring Report "
        "13 - 30 4. Capital Monitoring Report 31 - 40\n"
    )
    assert draft.kind is MeetingKind.ACCOUNTABILITY_BOARD
