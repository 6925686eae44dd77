"""Layouts first met in documents the parser was not tuned on: a document-sharing page's
list of other documents under the one it shows (their dates are other meetings'; a page
that kept nothing of its own is no record); "Action Notes and Decision Record" as the
title of a meeting's notes; offices named alone inside a list of officials; a welcome to
the members "as well as" the people singled out; a member "attending her first meeting as
substitute", one who "would be substituting for" another, and ", with Councillor B
substituting" after apologies; an officer introduced "from the OPCC who talked the Panel
through" a paper; apologies said to be "As above" under an item heading; a post after a
name and its initials that reads like a name; "Action- XX to ..." run on in a paragraph;
a Welsh page of "Agenda a Chofnodion" (agenda and minutes). Invented text in, fields out."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from ingest.parse.name_runs import split_run
from records.enums import DocumentType
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, attendance_of, people

# --- a document-sharing page ------------------------------------------------------------


def _sharing_page(title: str) -> str:
    return (
        f"{title}\n\n\n\nSimilar documents\n"
        "MINUTES OF THE FINANCE COMMITTEE MEETING HELD ON THURSDAY 12 JUNE 2014 AT 2.00PM IN "
        "RIVERSIDE HOUSE, EASTON\n\n"
        "Annual Report of the Commissioner 2013/14\n\n"
        "Audit Committee. Minutes of the 40th meeting held on:- Date: Thursday 9 June 2016\n\n"
        "Guidance for applicants. What happens after my application is received?\n"
    )


def test_dates_under_a_list_of_similar_documents_are_other_meetings() -> None:
    title = "MINUTES OF THE PERFORMANCE COMMITTEE MEETING HELD ON 17 APRIL 2014 AT 9.30AM"
    draft = parse_document(_sharing_page(title))
    assert draft.date == dt.date(2014, 4, 17)
    assert draft.start_time == dt.time(9, 30)


def test_a_sharing_page_that_kept_only_an_undated_heading_is_no_record() -> None:
    title = "POLICE AND CRIME COMMISSIONER FOR EASTSHIRE JOINT AUDIT COMMITTEE"
    with pytest.raises(NotMinutesError, match="document-sharing site's list of documents"):
        parse_document(_sharing_page(title))


def test_similar_documents_run_onto_the_heading_by_an_extraction() -> None:
    text = _sharing_page("EASTSHIRE JOINT AUDIT COMMITTEE").replace("\n\n\n\nSimilar", " Similar")
    with pytest.raises(NotMinutesError, match="document-sharing site's list of documents"):
        parse_document(text)


def test_similar_documents_in_a_sentence_of_minutes_are_words() -> None:
    text = (
        "Minutes of the Eastshire Police and Crime Panel held on 3 March 2020\n\n"
        "Present: Cllr Jo Hale (Chair), Cllr Ann Bell\n\n"
        "1. Complaints\n\nThe Panel asked for similar documents from the other forces and for "
        "the Commissioner's reply by 1 May 2020.\n"
    )
    draft = parse_document(text)
    assert draft.date == dt.date(2020, 3, 3)


# --- a meeting's notes with its decisions -----------------------------------------------


def test_action_notes_and_decision_record_title_a_meeting_s_notes() -> None:
    text = (
        "Police Accountability Board Public Notes 10th January 2017\n\n\n"
        "Action Notes and Decision Record\n\n10th January 2017\n\n\n"
        "1. Welcome and Introductions\n\n\n"
        "Jo Hale (JH), Police and Crime Commissioner (Chair)\n\n"
        "Ann Bell (AB), Chief Executive, OPCC\n\n"
        "Roy Tapp (RT), Chief Constable\n\n\n"
        "2. Estates Strategy\n\n– Introduced by RT.\n\n– JH asked about the sale of the old "
        "station and was told it would complete in March.\n"
    )
    draft = parse_document(text)
    assert draft.document_type is DocumentType.MINUTES
    assert draft.date == dt.date(2017, 1, 10)
    assert [a.name for a in draft.attendees] == ["Jo Hale", "Ann Bell", "Roy Tapp"]


def test_a_decision_record_is_still_refused() -> None:
    text = (
        "Decision Record\n\nTitle: Purchase of a new custody suite\n\n"
        "Executive summary: The Commissioner approved the purchase of land at Easton for a "
        "new custody suite at a cost of £2.1m.\n\nSigned: Commissioner\n\nDate: 4 May 2021\n"
    )
    with pytest.raises(NotMinutesError, match="decision log"):
        parse_document(text)


# --- attendance ---------------------------------------------------------------------------


def test_offices_named_alone_among_officials_do_not_end_the_list() -> None:
    text = (
        "Minutes of the Eastshire Joint Police Board held on 22 November 2006\n\n"
        "Members present:\n\nMr A Kerr, Mrs H Lamb\n\n"
        "Officials in attendance:\n\n\n"
        "Chief Constable\n\nDeputy Chief Constable\n\n"
        "Chief Superintendent R Wilson\n\n"
        "Mr D Hossack, Force Director of Finance\n\n"
        "Mrs L Gordon, Clerk's Office\n\n\n"
        "1.  Apologies for Absence\n\nThere were none.\n"
    )
    assert people(text) == [
        ("A Kerr", PRESENT),
        ("H Lamb", PRESENT),
        ("R Wilson", IN_ATTENDANCE),
        ("D Hossack", IN_ATTENDANCE),
        ("L Gordon", IN_ATTENDANCE),
    ]


def test_an_office_line_after_a_list_does_not_carry_it_on() -> None:
    text = (
        "Minutes\n\nPresent:\n\nMr A Kerr, Mrs H Lamb\n\n"
        "Chief Constable\n\nThe Chief Constable gave an update on recruitment to the Panel.\n"
    )
    assert people(text) == [("A Kerr", PRESENT), ("H Lamb", PRESENT)]


def test_a_welcome_to_the_members_as_well_as_the_commissioner_and_staff() -> None:
    text = (
        "Minutes\n\n177.\n\nWelcome and Introductions\n\nMinutes:\n\n"
        "The Chairman welcomed the Members of the Panel to the meeting as well as the Police "
        "and Crime Commissioner, Jo Hale; and Ann Bell and Roy Tapp from the PCC's office.\n"
    )
    assert people(text) == [
        ("Jo Hale", IN_ATTENDANCE),
        ("Ann Bell", IN_ATTENDANCE),
        ("Roy Tapp", IN_ATTENDANCE),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Councillor Ann Bell was attending her first meeting as substitute for Councillor "
        "Roy Tapp.",
        "The Panel noted that Councillor Mrs Ann Bell would be substituting for Councillor "
        "Mrs Roy Tapp.",
    ],
)
def test_a_substitute_is_present_and_the_member_replaced_is_not(sentence: str) -> None:
    text = f"Minutes\n\n178.\n\nNamed Substitutes\n\nMinutes:\n\n{sentence}\n"
    assert people(text) == [("Ann Bell", PRESENT)]


def test_a_member_substituting_after_the_apologies_is_present() -> None:
    text = (
        "Minutes\n\n63.\n\nApologies for absence\n\nMinutes:\n\n"
        "Apologies for absence were received from Cllr Jo Hale and Councillor Ann Bell, with "
        "Councillor Roy Tapp substituting.\n"
    )
    assert people(text) == [("Jo Hale", APOLOGIES), ("Ann Bell", APOLOGIES), ("Roy Tapp", PRESENT)]


def test_an_officer_introduced_from_an_office_who_then_speaks_attended() -> None:
    text = (
        "Minutes\n\nQuarterly Performance Report\n\nThe Commissioner introduced Ed Lowe from "
        "the OPCC who talked the Panel through several of the tables.\n"
    )
    assert people(text) == [("Ed Lowe", IN_ATTENDANCE)]


def test_an_introduced_report_names_nobody() -> None:
    text = (
        "Minutes\n\nQuarterly Performance Report\n\nThe Commissioner introduced Operation "
        "Sceptre from the Home Office, which had reduced knife crime in the county.\n"
    )
    assert people(text) == []


def test_apologies_as_above_part_two_unlabelled_blocks() -> None:
    text = (
        "Eastshire Governance Board\n\nNotes of Meeting\n\nWednesday 20th April 2022\n\n\n"
        "  • Jo Hale (JH) Co-Chair – Police & Crime Commissioner\n"
        "  • Ann Bell (AB) – Treasurer\n"
        "  • Roy Tapp (RT) – Director of Commercial Services\n\n\n"
        "  • Ida Webb (IW) – ACC Local Policing\n"
        "  • Sam Lee (SL) – Deputy Police & Crime Commissioner\n\n\n"
        "Ref 01/20/04/2022\n\nAttendance and Apologies.\n\nAs above.\n\n"
        "Ref 02/20/04/2022\n\nMinutes of the last meeting were agreed.\n"
    )
    assert people(text) == [
        ("Jo Hale", PRESENT),
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Ida Webb", APOLOGIES),
        ("Sam Lee", APOLOGIES),
    ]


@pytest.mark.parametrize(
    ("run", "entries"),
    [
        (
            "Ed Lowe (EL), Change Delivery Programme Director",
            ["Ed Lowe (EL), Change Delivery Programme Director"],
        ),
        # a given name after the initials starts a person
        (
            "Ed Lowe (EL), Susan Marsh Programme Director",
            ["Ed Lowe (EL)", "Susan Marsh Programme Director"],
        ),
    ],
)
def test_a_post_after_a_name_and_its_initials_is_the_name_s(run: str, entries: list[str]) -> None:
    assert split_run(run) == entries


# --- actions ----------------------------------------------------------------------------


def test_an_action_flag_with_a_dash_run_on_in_a_paragraph() -> None:
    text = (
        "Minutes of the Eastshire Community Safety Partnership held on 4 March 2020\n\n"
        "Present: Dana Fox (DF), Ann Bell (AB)\n\n"
        "2.\n\nElection of Chair and Vice Chair\n\nMinutes:\n\n"
        "ViceChair- Cllr Ann Bell proposed that a second member of the board should be asked "
        "to stand as Vice Chair Action- DF to collect names of willing members and to write "
        "to the County Council.\n"
    )
    actions = parse_document(text).actions
    assert [(a.text, a.owners) for a in actions] == [
        (
            "DF to collect names of willing members and to write to the County Council.",
            ["Dana Fox"],
        )
    ]


def test_action_before_a_dash_and_a_name_that_owns_nothing_is_no_flag() -> None:
    text = (
        "Minutes of the Eastshire Community Safety Partnership held on 4 March 2020\n\n"
        "Present: Dana Fox (DF), Ann Bell (AB)\n\n"
        "2. Fraud\n\nThe board heard about the national reporting line Action - Fraud "
        "reports rose by a tenth in the year.\n"
    )
    assert parse_document(text).actions == []


def test_a_welsh_page_of_agenda_and_minutes_is_minutes() -> None:
    text = (
        "Agenda a Chofnodion\n\n"
        "Panel Heddlu a Throseddu Dyfed Powys - Dydd Gwener, 14eg Chwefror, 2020 10.30 yb\n\n"
        "Eitemau\nRhif eitem\n\n1.\n\nYMDDIHEURIADAU AM ABSENOLDEB\n\nCofnodion:\n\n"
        "Derbyniwyd ymddiheuriadau gan y Cynghorydd Siôn Hale.\n\n2.\n\nDATGANIADAU O FUDDIANT"
        "\n\nCofnodion:\n\nNi ddatganwyd unrhyw fuddiannau.\n"
    )
    draft = parse_document(text)
    assert draft.document_type is DocumentType.MINUTES
    assert draft.date == dt.date(2020, 2, 14)


@pytest.mark.parametrize(
    "opening",
    [
        "Eastshire Police and Crime Panel\n\nRelated documents\n\nDate: Thursday 12 March 2020",
        "Minutes of the Eastshire Police and Crime Panel\n\nYou may also be interested in the "
        "accompanying presentation, published separately.\n\nThursday 12 March 2020",
    ],
)
def test_a_portal_s_related_documents_or_a_sentence_is_no_sharing_page(opening: str) -> None:
    text = f"{opening}\n\nPresent: Cllr Jo Hale (Chair), Cllr Ann Bell\n\n1. Apologies\n\nNone.\n"
    assert parse_document(text).date == dt.date(2020, 3, 12)


def test_offices_over_their_holders_keep_their_posts() -> None:
    text = (
        "Minutes\n\nIn attendance:\nPolice and Crime Commissioner\nJo Hale\nChief Executive\n"
        "Ann Bell\n\n1. Welcome\n"
    )
    found = [(a.name, a.capacity) for a in attendance_of(text).attendees]
    assert found == [("Jo Hale", "Police and Crime Commissioner"), ("Ann Bell", "Chief Executive")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Panel heard about Positive Action - The Force will recruit more officers.",
        "Members noted the Local Action - The Council would prefer to lead on this.",
    ],
)
def test_a_phrase_ending_in_action_before_a_dash_is_no_flag(sentence: str) -> None:
    text = (
        "Minutes of the Eastshire Community Safety Partnership held on 4 March 2020\n\n"
        f"Present: Dana Fox (DF), Ann Bell (AB)\n\n2. Recruitment\n\n{sentence}\n"
    )
    assert [a.text for a in parse_document(text).actions if "Action" in a.text] == []


def test_a_substitute_for_a_later_meeting_is_not_present() -> None:
    text = (
        "Minutes\n\n1.\n\nApologies\n\nMinutes:\n\nApologies were received from Councillor "
        "Roy Tapp. It was noted that Councillor Kay Lund will be substituting for Councillor "
        "Tapp at the June meeting.\n"
    )
    assert people(text) == [("Roy Tapp", APOLOGIES)]


def test_a_welcome_to_the_members_of_the_public_singles_out_nobody() -> None:
    text = (
        "Minutes\n\n1.\n\nWelcome\n\nMinutes:\n\nThe Chair welcomed the Members of the Public "
        "to the meeting, as well as Jo Hale and Ann Bell of the Eastshire Gazette.\n"
    )
    assert people(text) == []
