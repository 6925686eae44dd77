"""Layouts of council and partnership minutes first met in documents the parser was not
tuned on: a flattened "Present:-" table whose bars were left on a line of their own, with
"Depute Lord Provost" and "Peter J LOWSON"; no numbered item opened by a division's
letter ("V DIVISION UPDATE") or a code with one digit ("KPI3"); a partnership's list
under its title with the rest of the list run onto one line; apologies "received on
behalf of the following partners and interested parties:"; a "Portfolio Holder" named
after a councillor; honours after surnames in a run of "Councillors ..."; a standing
"Thematic Partnership", which is no thematic meeting; a "Membership" heading and a venue
run on before the chair's name in a flattened agenda.
Invented text in, fields out."""

from __future__ import annotations

import pytest

from ingest.parse.header import marked_chair
from ingest.parse.item_heads import read_head
from ingest.parse.kinds import find_meeting_kind
from ingest.parse.lines import split_lines
from ingest.parse.name_runs import split_run
from ingest.parse.people import split_person
from records.enums import MeetingKind
from tests.support.attendance import APOLOGIES, PRESENT, people


def _names(run: str) -> list[str]:
    return [person.name for entry in split_run(run) if (person := split_person(entry))]


def test_a_flattened_table_s_bars_on_a_line_of_their_own_do_not_end_the_list() -> None:
    text = (
        "Safer Communities Committee - 27/09/2021\n"
        "At a MEETING of the SAFER COMMUNITIES COMMITTEE held remotely on 27th September, 2021.\n"
        "Present:-\n"
        "Lord Provost Alan GRANT\n"
        "|\n"
        "Depute Lord Provost Sheila MOIR |\n"
        "BAILIES\n"
        "Peter J LOWRIE |\n"
        "Irene CAIRNS |\n"
        "Councillor Irene CAIRNS, Convener, in the Chair.\n"
    )
    assert people(text) == [
        ("Alan Grant", PRESENT),
        ("Sheila Moir", PRESENT),
        ("Peter J Lowrie", PRESENT),
        ("Irene Cairns", PRESENT),
    ]


@pytest.mark.parametrize(
    "lines", ["APOLOGIES\nV DIVISION UPDATE\nANY OTHER BUSINESS", "KPI3 VICTIM SATISFACTION"]
)
def test_a_division_letter_or_a_code_with_one_digit_opens_no_numbered_item(lines: str) -> None:
    for line in lines.splitlines():
        assert read_head(line) is None


def test_a_list_under_the_title_with_the_rest_run_onto_one_line() -> None:
    text = (
        "Safer Communities Partnership\n\n"
        "Minutes of the meeting held on Monday 2 March 2009 2.00pm in Fire HQ, Easton\n"
        "Graham Tate - Eastshire Fire and Rescue Service (Chair)\n"
        "Neil Orme - Eastshire Constabulary Fiona Lake - Easton CDRP Janet Platt - Easton "
        "City Council Ruth Hodge - Weston District Council\n"
        "1. Welcome and Apologies\nThe Chair welcomed those present to the meeting.\n"
    )
    assert people(text) == [
        ("Graham Tate", PRESENT),
        ("Neil Orme", PRESENT),
        ("Fiona Lake", PRESENT),
        ("Janet Platt", PRESENT),
        ("Ruth Hodge", PRESENT),
    ]


def test_apologies_on_behalf_of_the_following_partners() -> None:
    text = (
        "Minutes:\n\nAll Members of the Panel were present.\n\n"
        "Apologies for absence were received on behalf of the following partners and "
        "interested parties:\n\n"
        "Councillor Jo Hale, Portfolio Holder for Community Safety; Chief Inspector Ann Bell "
        "(Eastshire Police); and Roy Tapp (Principal Research Officer – County Council).\n\n"
        "2.\n\nDeclarations of interest\n"
    )
    assert people(text) == [
        ("Jo Hale", APOLOGIES),
        ("Ann Bell", APOLOGIES),
        ("Roy Tapp", APOLOGIES),
    ]


def test_honours_after_surnames_in_a_run_of_councillors() -> None:
    run = "Councillors Pickering MBE, Hatton, Renfrew JP, Colby, Stanway and Ferris"
    assert _names(run) == ["Pickering", "Hatton", "Renfrew", "Colby", "Stanway", "Ferris"]


def test_an_organisation_after_a_councillor_in_a_run_is_still_no_name() -> None:
    assert _names("Cllrs Naz Akhtar, Bradford MDC; Jo Hale, Leeds CC") == ["Naz Akhtar", "Jo Hale"]


def test_a_standing_thematic_partnership_is_no_thematic_meeting() -> None:
    assert find_meeting_kind("Safer and Stronger Communities Thematic Partnership") is None
    assert find_meeting_kind("Thematic meeting on domestic abuse") is MeetingKind.THEMATIC


@pytest.mark.parametrize(
    ("line", "chair"),
    [
        (
            "Eastshire Police and Crime Panel Date: Thursday, 19 September 2019 Venue: Room 2, "
            "Shire Hall Membership Councillor Jo Hale (Chair) Councillor Ann Bell (Vice-Chair)",
            "Jo Hale",
        ),
        ("Core Membership Cllr Tapp (Chair) North District Council Cllr Webb", "Tapp"),
    ],
)
def test_a_heading_run_on_before_the_chair_s_title_is_no_part_of_the_name(
    line: str, chair: str
) -> None:
    person = marked_chair(split_lines(f"{line}\n"))
    assert person is not None
    assert person.name == chair


def test_a_membership_heading_is_no_person() -> None:
    assert _names("Core Membership Cllr Tapp (Chair) Cllr Webb") == ["Tapp", "Webb"]
