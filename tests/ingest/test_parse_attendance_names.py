"""Names as published minutes print them (hyphenated surnames with an apostrophe, surnames
opening with "St", a councillor replacing another), councils set beside members that are no
people, and officers listed under a line of councillors."""

from __future__ import annotations

from ingest.parse.people import split_person
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT, people


def test_hyphenated_surnames_with_an_apostrophe_or_a_capital_inside() -> None:
    text = (
        "Also in attendance\n"
        "·  Mrs E Whitlow-O'Brien, Chief Executive - Office of the PCC.\n"
        "·  Mr T Barnard-McLeod, Director of Public Health\n"
        "·  Ms D Fenwick-D’Arcy, Treasurer\n"
    )
    assert people(text) == [
        ("E Whitlow-O'Brien", IN_ATTENDANCE),
        ("T Barnard-McLeod", IN_ATTENDANCE),
        ("D Fenwick-D’Arcy", IN_ATTENDANCE),
    ]


def test_surnames_that_open_with_saint() -> None:
    text = (
        "Apologies for absence were submitted by Councillor Philippa St John-Hughes (Rye "
        "Council – Co-Opted Member) and Councillor Ned St Clair (Tor District Council).\n"
    )
    assert people(text) == [("Philippa St John-Hughes", APOLOGIES), ("Ned St Clair", APOLOGIES)]
    person = split_person("Mr Jo Hale St Helens Council")
    assert person is not None and (person.name, person.capacity) == ("Jo Hale", "St Helens Council")


def test_a_councillor_who_replaced_another_at_the_meeting() -> None:
    for sentence, name in (
        (
            "County Councillor D Hesketh-Brown replaced County Councillor P Ashby at the meeting.",
            "D Hesketh-Brown",
        ),
        ("Mrs Ann Bell replaced Mr Roy Tapp for this meeting.", "Ann Bell"),
    ):
        assert people(sentence + "\n") == [(name, PRESENT)]


def test_a_council_beside_its_nominee_is_no_person() -> None:
    for entry in (
        "Tor Vale District Council",
        "Erewash Brough Council",
        "Amber Dale Borough Council",
    ):
        assert split_person(entry) is None
    person = split_person("Ravi Chandra  Epping Forest District Council")
    assert person is not None and (person.name, person.capacity) == (
        "Ravi Chandra",
        "Epping Forest District Council",
    )


def test_a_table_of_nominees_under_a_sentence_about_nominations_is_no_attendance() -> None:
    text = (
        "Appointment of Co-opted Members\n\n"
        "Nominations were sought from the relevant councils as follows:\n\n"
        "Co-opted member\n\n"
        "Tor Vale Borough Council\n\n"
        "Councillor Jan Cress\n\n"
        "Rye City Council\n\n"
        "Councillor Sunil Gall (LAB)\n\n"
        "Councillor Pip Rowe (CON)\n\n"
        "Mere Dales District Council\n\n"
        "Councillor Hugo Fitch\n\n"
        "RESOLVED that the Panel co-opt the Councillors named above.\n"
    )
    assert people(text) == []


def test_officers_on_the_line_under_the_councillors() -> None:
    for officers in (
        "Alison Garr, Neil Eddy (Stockton Borough Council).",
        "Ruth Ames (Scrutiny Officer), Tom Vale (Legal Adviser)",
    ):
        text = (
            "Attendance Details\n\n"
            "Cllr Maud Apple (Chair), Cllr Kim Dunn, Mayor Derek Oaks and Cllr Sean Kell.\n"
            f"{officers}\n"
            "In Attendance:\n"
            "Bernard Cole (Commissioner)\n"
            "Item Description Decision\n"
        )
        found = people(text)
        assert [status for _, status in found] == [
            PRESENT,
            PRESENT,
            PRESENT,
            PRESENT,
            IN_ATTENDANCE,
            IN_ATTENDANCE,
            IN_ATTENDANCE,
        ]


def test_an_officer_named_by_rank_who_speaks_to_the_meeting_attends() -> None:
    text = (
        "39.1 Inspector Donne-Shale explained that the team had concentrated on vehicle "
        "nuisance. Inspector Donne-Shale said that there had been no marked rise.\n"
        "40.1 The Chair thanked the officer. Chief Superintendent Owen Mabry presented the "
        "quarterly figures.\n"
    )
    assert people(text) == [("Donne-Shale", IN_ATTENDANCE), ("Owen Mabry", IN_ATTENDANCE)]


def test_an_officer_only_mentioned_does_not_attend() -> None:
    text = (
        "The Panel noted that Inspector Ada Lowe had explained the figures at the last meeting.\n"
        "It was agreed that Superintendent Roy Tapp would report back in March.\n"
    )
    assert people(text) == []


def test_a_substitute_named_after_the_member_they_stand_in_for() -> None:
    for sentence, name in (
        (
            "In response to a question from Councillor Ned Askew's substitute, Councillor Ian "
            "Penrose, regarding the precept, the Commissioner explained the figures.",
            "Ian Penrose",
        ),
        ("Mrs Ann Bell’s substitute, Mr Tom Rudd (Rye Council) asked about staffing.", "Tom Rudd"),
    ):
        assert people(sentence + "\n") == [(name, PRESENT)]
