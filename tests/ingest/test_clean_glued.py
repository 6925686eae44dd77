"""Breaks a text extraction lost, put back in cleaning: words run together where a table's
cells were flattened, item headings and attendance labels run into the text before them."""

import pytest

from ingest.clean import clean_text
from ingest.parse import parse_document
from tests.support.attendance import APOLOGIES, PRESENT, people


def _lines(raw: str) -> list[str]:
    return [line for line in clean_text(raw).text.split("\n") if line]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Councillor Ivo Brant Nella QuintDorian Vayle (Chair) Opal RennFenwick Toll\n",
            "Councillor Ivo Brant Nella Quint Dorian Vayle (Chair) Opal Renn Fenwick Toll",
        ),
        (
            "Mr Aled Voss (Chair)Mrs Ines Carrow (Vice Chair)Dr Perrin Lusk\n",
            "Mr Aled Voss (Chair) Mrs Ines Carrow (Vice Chair) Dr Perrin Lusk",
        ),
        (  # ranks with a slash, and an acronym after a capitalised word
            "Sefton Moor Constabulary DirectorT/Supt Ruan Kell Inspector Ola BrisCouncilDCI Nye\n",
            "Sefton Moor Constabulary Director T/Supt Ruan Kell Inspector Ola Bris Council DCI Nye",
        ),
        (  # several words run together in one token
            "Member, HollowbySafetyPartnershipBoard Tarn Lee GrovesMarket Forum\n",
            "Member, Hollowby Safety Partnership Board Tarn Lee Groves Market Forum",
        ),
    ],
)
def test_words_run_together_in_a_flattened_row_are_separated(raw: str, expected: str) -> None:
    assert _lines(raw) == [expected]


@pytest.mark.parametrize(
    "raw",
    [
        # names that carry a capital of their own
        "Present: Ana McKennaJo MacDonald Rob DeVito Cal O'Neill Ida LeBlanc Ty FitzGerald\n",
        "Sam McDonald's Ben DiMarco Eva VanDyke Lou MacLeod Zoe McIntyre DeSouza Holt\n",
        # brands and acronyms with a plural
        "The PCCs agreed that the iPads and the MoUs were to go to the OPCCs and the CSPs.\n",
        "Officers showed the SafeHaven app on YouTube and said the WhatsApp group was closed.\n",
    ],
)
def test_names_brands_and_acronyms_with_capitals_inside_are_kept(raw: str) -> None:
    assert _lines(raw) == [raw.strip()]


def test_a_name_split_only_where_the_text_lost_its_breaks() -> None:
    # one capital inside a word, in a text that shows no other join: a name for a thing
    raw = "ClearPath Online was demonstrated.\n\nThe Panel noted the report.\n"
    assert _lines(raw) == ["ClearPath Online was demonstrated.", "The Panel noted the report."]


def test_a_word_the_document_prints_twice_the_same_way_is_kept() -> None:
    raw = (
        "Ada Lowe Ben RoperCyd Hart Dee WolfeEve Marr\n"
        "Kit Oban said StreetKind Leeds had started.\n"
        "Members thanked StreetKind Leeds for its work.\n"
    )
    lines = _lines(raw)
    assert lines[0] == "Ada Lowe Ben Roper Cyd Hart Dee Wolfe Eve Marr"
    assert lines[1:] == [line for line in raw.split("\n")[1:] if line]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "MINUTES Tuesday 3 March 2020 in the Lantern Suite1a. Attendance Attendance: Dr Ivo "
            "Brant Opal Renn Fenwick TollApologies:Mrs Nella Quint2. Welcome ChairThe Chair "
            "welcomed members.3. Minutes of the last meeting They were agreed.\n",
            [
                "MINUTES Tuesday 3 March 2020 in the Lantern Suite",
                "1a. Attendance",
                "Attendance: Dr Ivo Brant Opal Renn Fenwick Toll",
                "Apologies:Mrs Nella Quint",
                "2. Welcome Chair The Chair welcomed members.",
                "3. Minutes of the last meeting They were agreed.",
            ],
        ),
        (  # brackets after the numbers, a label qualified by the words before it
            "Notes of the Harbour Forum, 9 June 2021 Present: Cllr Ana Pell (Chair)Also in "
            "attendance: Ms Ros Vane Lou Tarn4) Apologies None were received.5) Notes of 2 May "
            "Agreed.\n",
            [
                "Notes of the Harbour Forum, 9 June 2021 Present: Cllr Ana Pell (Chair)",
                "Also in attendance: Ms Ros Vane Lou Tarn",
                "4) Apologies None were received.",
                "5) Notes of 2 May Agreed.",
            ],
        ),
    ],
)
def test_headings_and_labels_run_into_the_text_before_open_lines(
    raw: str, expected: list[str]
) -> None:
    assert _lines(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        # a number after a word that heads no run of items
        "The Covid19. Recovery plan was noted. Page 4. Section 2 was agreed.\n",
        # a reference in capitals before a bracket, beside an item number
        "A date was sought. (AP2) It was agreed. (AP3) 3. CHAIR'S BUSINESS The Chair spoke.\n",
        # a label after a space in a line that lost nothing
        "Minutes of the Vale Panel held on 4 May 2019 Main Panel Members Present: Mr Jo Hale\n",
        "PRESENT: Mr Ed Lamb NORTHERN AREA IN Mr Al Bray ATTENDANCE: Ms Di Fry\n",
    ],
)
def test_lines_that_lost_nothing_are_kept(raw: str) -> None:
    assert _lines(raw) == [raw.strip()]


def test_cleaning_again_changes_nothing() -> None:
    raw = (
        "Lantern Suite1a. Attendance Attendance: Dr Ivo Brant Opal RennFenwick Toll (Chair)Mrs "
        "Nella QuintApologies:Dorian Vayle2. Welcome The Chair welcomed all.\n"
    )
    once = clean_text(raw)
    assert "separated" in " ".join(once.warnings)
    assert clean_text(once.text).text == once.text


def test_a_flattened_front_sheet_parses_into_people_and_items() -> None:
    raw = (
        "RIVERSHIRE ETHICS PANEL\n\n"
        "MINUTES Wednesday 4th March 2020 at 10:00hrs in the Orchard Room1a. Attendance "
        "Attendance: Professor Ivo Brant (Chair)Mrs Nella Quint (Vice Chair)Dr Opal RennMr Fenwick "
        "TollApologies:Dr Dorian VayleMs Cora Mistry2. Introductions ChairThe Chair welcomed "
        "everyone.3. Minutes of 2/12/2019 ChairThe minutes were agreed as accurate.\n"
    )
    text = clean_text(raw).text
    assert people(text) == [
        ("Ivo Brant", PRESENT),
        ("Nella Quint", PRESENT),
        ("Opal Renn", PRESENT),
        ("Fenwick Toll", PRESENT),
        ("Dorian Vayle", APOLOGIES),
        ("Cora Mistry", APOLOGIES),
    ]
    assert "2. Introductions Chair The Chair welcomed everyone." in text.split("\n")
    draft = parse_document(text)
    assert [item.number for item in draft.items] == ["1a", "2", "3"]
