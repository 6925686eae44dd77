"""The kind of a council committee or area partnership whose name carries no kind word:
a borough's "Policy and Accountability Committee" or "Policy Overview Committee", the
statutory "Crime and Disorder Committee", a select committee and a committee over
community or public safety scrutinise; a Welsh "Public Services Board" and an English
"Health and Wellbeing Board" are their area's strategic boards, and a community safety
partnership is neither.
Invented names in, kind out."""

from __future__ import annotations

import pytest

from ingest.parse import parse_document
from ingest.parse.kinds import find_meeting_kind
from records.enums import MeetingKind


@pytest.mark.parametrize(
    "name",
    [
        "Housing and Safer Neighbourhoods Policy and Accountability Committee",
        "Children's Services Policy & Accountability Committee",
        "Residents' Services, Safety and Communities Policy Overview Committee",
        "Crime and Disorder Committee",
        "Crime & Disorder Sub-Committee",
        "Crime & Disorder Sub- Committee - Thursday, 22nd June, 2017",  # parted at a line end
        "Crime and Disorder Select Committee",
        "Safer Stronger Communities Select Committee",
        "Public Safety Sub-Committee",
        "Community Safety, Public Engagement and Equalities Committee",
    ],
)
def test_a_council_committee_named_by_its_task_scrutinises(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.SCRUTINY_COMMITTEE


def test_an_accountability_board_is_still_one() -> None:
    assert find_meeting_kind("Policing Accountability Board") is MeetingKind.ACCOUNTABILITY_BOARD
    assert find_meeting_kind("Crime and Disorder Reduction Partnership") is None


def test_a_community_safety_partnership_is_of_no_kind_its_name_gives() -> None:
    assert find_meeting_kind("Eastbury Community Safety Partnership") is None
    assert find_meeting_kind("Community Safety Partnership Board") is None


@pytest.mark.parametrize(
    "name",
    [
        "Public Services Board",
        "Vale of Tarn Public Service Board",
        "Health and Wellbeing Board",
        "Westshire Health & Well-being Board",
    ],
)
def test_a_public_services_board_is_a_strategic_board(name: str) -> None:
    assert find_meeting_kind(name) is MeetingKind.STRATEGIC_BOARD


def test_a_record_of_a_crime_and_disorder_committee_is_of_a_scrutiny_committee() -> None:
    text = (
        "Crime and Disorder Committee\n\n"
        "Minutes of the meeting held on 4 March 2025 at 7.30 pm\n\n"
        "Present: Councillors Alma Penrose (Chair), Tobias Venn\n\n"
        "1. Apologies\n\nThere were none.\n\n"
        "2. Community Safety Partnership update\n\nThe Committee noted the update.\n"
    )
    assert parse_document(text).kind is MeetingKind.SCRUTINY_COMMITTEE
