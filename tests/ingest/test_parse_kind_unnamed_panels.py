"""A portal's page of a panel that never prints its name ("Agendas, Meetings and Minutes -
Agenda and minutes"), acting as "the Panel" and naming the force it oversees ("a serving
officer with Eastmoor Police"), is a police and crime panel, and so is one that the
commissioner answers under the initials of the office ("PCC", "OPFCC", "PCVC"); a panel that
names no force is left unknown. Invented text in, kind out."""

from __future__ import annotations

import pytest

from ingest.parse import parse_document
from records.enums import MeetingKind

_PAGE = (
    "Agendas, Meetings and Minutes - Agenda and minutes\n\n"
    "Agenda and minutes\n\n"
    "Venue: Shire Hall, Eastmoor\n\n"
    "No. Item\n\n"
    "Apologies and Declarations of Interest\n\n"
    "Apologies were received from Councillors Ada Reader and Ben Tolland.\n\n"
    "{declaration}\n\n"
    "Work Programme\n\n"
    "The Panel agreed its work programme for the year. The Panel asked for a report on rural "
    "crime at its next meeting.\n"
)


@pytest.mark.parametrize(
    "declaration",
    [
        "Councillor Cara Quayle declared that her son was a serving officer with Eastmoor Police.",
        "Mr Dev Okafor declared that he was a Special Constable with North Vale Police.",
        # another body a member belongs to is not the panel's name
        "Major Ivo Dane was a member of the Office of the Police and Crime Commissioner's "
        "(OPCC's) Independent Audit and Ethics Panel and a Special Constable with Eastmoor "
        "Police.",
    ],
)
def test_a_panel_naming_the_force_it_oversees_is_a_police_and_crime_panel(
    declaration: str,
) -> None:
    text = _PAGE.format(declaration=declaration)
    assert parse_document(text).kind is MeetingKind.POLICE_AND_CRIME_PANEL


def test_a_panel_naming_no_force_is_left_unknown() -> None:
    text = _PAGE.format(declaration="There were no declarations of interest.")
    assert parse_document(text).kind is MeetingKind.OTHER


_ITEM_PAGE = (
    "Agenda item\n\n"
    "Minutes\n\n"
    "Minutes:\n\n"
    "The Minutes of the last meeting were confirmed as a correct record.\n\n"
    "Councillor Ada Reader asked about thefts from farms. {answer}\n"
)


@pytest.mark.parametrize(
    "answer",
    [
        "The PCVC informed the Panel that the force's advice had been updated.",
        "The OPFCC's Chief Executive told the Panel that a note would be circulated.",
        "The PCC replied that the Panel would receive a report in June.",
    ],
)
def test_a_panel_answered_by_the_commissioner_under_the_offices_initials(answer: str) -> None:
    text = _ITEM_PAGE.format(answer=answer)
    assert parse_document(text).kind is MeetingKind.POLICE_AND_CRIME_PANEL


_MEMBERS_PAGE = (
    "Agenda and minutes\n\n"
    "Venue: Shire Hall, Eastmoor\n\n"
    "Contact: Ada Reader, Democratic Services\n\n"
    "No. Item\n\n"
    "Apologies for Absence\n\n"
    "{opening}\n\n"
    "Apologies were received from Councillors Cara Quayle and Ben Tolland.\n\n"
    "Commissioner's Update\n\n"
    "The Commissioner outlined the force's new rural crime team and answered questions.\n"
)


@pytest.mark.parametrize(
    "opening",
    [
        "A briefing session for Panel Members was held before the meeting.",
        "Requests to speak should reach the Chair (c/o the Committee Manager) two days before. "
        "The Chair would share a note of the regional chairs' meeting with Panel members.",
    ],
)
def test_a_page_acting_as_panel_members_is_a_police_and_crime_panel(opening: str) -> None:
    text = _MEMBERS_PAGE.format(opening=opening)
    assert parse_document(text).kind is MeetingKind.POLICE_AND_CRIME_PANEL
