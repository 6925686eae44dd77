"""Tests of the text-cleaning stage: the seed minutes, synthetic layered text, properties."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.clean import CleanedText, RemovalKind, clean_text

SEED = Path(__file__).parents[1] / "data" / "monthly-assurance-2021-02.txt"
NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


@pytest.fixture(scope="module")
def seed_raw() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> CleanedText:
    return clean_text(SEED.read_text(encoding="utf-8"))


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _line_with(text: str, fragment: str) -> str:
    matches = [line for line in _lines(text) if fragment in line]
    assert len(matches) == 1, f"{fragment!r} is on {len(matches)} lines"
    return matches[0]


# -- the seed minutes -----------------------------------------------------------------


def test_seed_keeps_the_layered_figure_once(seed: CleanedText) -> None:
    assert seed.text.count("no supervisory input in 43% of cases") == 1


def test_seed_layered_paragraph_ends_with_its_closing_sentence(seed: CleanedText) -> None:
    paragraph = _line_with(seed.text, "no supervisory input in 43% of cases")
    assert paragraph.startswith("The PCC asked if Learning and Development (L&D) had the capacity")
    assert paragraph.endswith(
        "the CC would envisage a 75% level to be achievable for these, currently its around "
        "60 %. A significant improvement is expected to be shown in the reality testing."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The PCC commented that at present the SAAB safe system doesn't prompt call handlers "
        "to ask callers questions as the old system had",
        "The DCC responded that this is no longer an issues, as SAAB does now provide the "
        "information and future releases will improve it further.",
        "The CC responded that the reality testing had been completed in the previous year "
        "and that as a result work had been done to address this.",
        "Feedback from the HMICFRS investigations visit had also shown this to have improved",
        "He also added that as an officer get more experienced and proficient they need less "
        "supervision.",
        "There needs to be the right supervision for the right cases",
        "The PCC queried the quality of the training and was told the training for student "
        "officers benefited from the structured university programme",
        "In addition the new Single Online Home (SOH) will allow people to report online",
    ],
)
def test_seed_keeps_every_layered_sentence_exactly_once(seed: CleanedText, sentence: str) -> None:
    assert seed.text.count(sentence) == 1


def test_seed_layered_sentences_stay_in_reading_order(seed: CleanedText) -> None:
    order = [
        "The PCC asked if Learning and Development",
        "In addition the new Single Online Home",
        "The PCC commented that at present the SAAB safe system",
        "The DCC responded that this is no longer an issues",
        "no supervisory input in 43% of cases",
        "The CC responded that the reality testing had been completed",
        "Feedback from the HMICFRS investigations visit",
        "He also added that as an officer",
        "There needs to be the right supervision",
        "A significant improvement is expected",
    ]
    positions = [seed.text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "garble",
    [
        "The PCC commented that the DA reality testing to any task add that",
        "The CC responded that as a result work had been done to address this.",
        "as a resu ",
        "as a resu\t",
        "currently\t",
        "focus for the\t",
    ],
)
def test_seed_drops_spliced_and_cut_copies(seed: CleanedText, garble: str) -> None:
    assert garble not in seed.text


@pytest.mark.parametrize(
    ("fragment", "copies"),
    [
        ("student officers benefited from the structured university programme", 1),
        ("ensure the training happens", 1),
        ("and SPOCS in DA and asked the CC how he sought reassurance", 1),
        ("briefing note prepared for the meeting", 1),
        ("prompt call handlers to ask callers questions", 1),
    ],
)
def test_seed_partial_copies_are_not_kept_as_separate_text(
    seed: CleanedText, fragment: str, copies: int
) -> None:
    assert seed.text.count(fragment) == copies
    assert not any(line.startswith(fragment) for line in _lines(seed.text))


def test_seed_item_headings_stay_on_their_own_lines(seed: CleanedText) -> None:
    lines = _lines(seed.text)
    for heading in [
        "1.\tHolding to account – Domestic Abuse",
        "1.1\tPrevention and awareness",
        "1.2\tActions following a report of domestic abuser (DA)",
        "1.3\tOutcomes",
        "1.4\tRepeat Victims and offenders",
        "2.\tOutstanding Matters / Matters arising\tACTION",
        "3.\tAOB",
        "4.\tConfirmation of next meeting type / date / time / venue:",
    ]:
        assert heading in lines
    for number in ["2.1", "2.2"]:
        assert sum(line.startswith(f"{number}\tACTION") for line in lines) == 1


def test_seed_attendance_rows_stay_tab_separated(seed: CleanedText) -> None:
    lines = _lines(seed.text)
    assert "Name:\tCapacity:" in lines
    assert "Attendance:\tJohn Campion\tPolice and Crime Commissioner (PCC)" in lines
    assert "Jackie Irvin\tSenior Policy Manager (SPM)" in lines
    assert "Anthony Bangham\tChief Constable (CC)" in lines
    assert "Catherine Allsopp\tStaff Officer (SO)" in lines


def test_seed_has_no_cyrillic_or_greek_left(seed: CleanedText) -> None:
    assert not NON_LATIN_LETTER.search(seed.text)


def test_seed_drops_the_overlay_line(seed: CleanedText) -> None:
    assert "omuting" not in seed.text
    assert "concercients" not in seed.text
    assert "a structure to allow scrutiny. His senses is" in seed.text


def test_seed_joins_broken_sentences(seed: CleanedText) -> None:
    assert "These improvements have been shown in the November assessment" in seed.text
    assert "expected to be shown in the reality testing." in seed.text
    assert "reality testing." not in _lines(seed.text)


def test_seed_drops_the_bare_page_number(seed: CleanedText) -> None:
    assert _lines(seed.text)[-1] == "23 March 2021 at 10:30am"


def test_seed_warnings_name_layers_and_overlay(seed: CleanedText) -> None:
    warnings = " | ".join(seed.warnings)
    assert re.search(r"removed \d+ layered duplicate passages", warnings)
    assert "garbled sentence" in warnings
    assert "overlaid OCR text" in warnings
    assert "omuting" in warnings


def test_seed_text_outside_the_layered_region_survives(seed_raw: str, seed: CleanedText) -> None:
    """Every line of the other items is in the output, with cells and spaces tidied."""
    raw_lines = seed_raw.split("\n")
    start = next(i for i, line in enumerate(raw_lines) if "The PCC asked if Learning" in line)
    end = next(i for i, line in enumerate(raw_lines) if line.strip() == "reality testing.")
    for number, line in enumerate(raw_lines):
        if start <= number <= end or not line.strip() or "omuting" in line:
            continue
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        expected = "\t".join(cell for cell in cells if cell and not NON_LATIN_LETTER.search(cell))
        if expected == "1":  # the bare page number at the end
            continue
        assert expected in seed.text, expected


def test_seed_cleaning_is_idempotent(seed: CleanedText) -> None:
    again = clean_text(seed.text)
    assert again.text == seed.text
    assert again.warnings == []


# -- synthetic layered text -----------------------------------------------------------

NEIGHBOURHOOD = (
    "The Commissioner asked how the force was tracking the new neighbourhood policing model "
    "across the three local policing areas. The Deputy Chief Constable said that each area "
    "now held a weekly tasking meeting chaired by a superintendent. Attendance by partner "
    "agencies had risen from 40% to 71% since the autumn. The Commissioner welcomed this but "
    "asked whether the rural teams had enough officers to cover the larger beats. The Deputy "
    "Chief Constable accepted that rural cover remained stretched at weekends. A review of "
    "shift patterns would report to the next board in the summer. The Commissioner asked for "
    "the review to include the views of parish councils. It was agreed that the review would "
    "be shared with the panel before publication."
)
CUSTODY = (
    "The Chief Executive introduced the custody inspection report published in January. "
    "Inspectors had found that detainees waited an average of 3 hours 20 minutes to be seen "
    "by a health care professional. The Chief Constable said a new contract with the health "
    "provider had started on 1 April and that waits had already fallen below two hours. "
    "Independent custody visitors had raised concerns about the cleanliness of two cells at "
    "the northern suite. Those cells had been taken out of use and would be refurbished by "
    "the end of the quarter. The Commissioner asked to see the action plan against all 14 "
    "recommendations of the inspection."
)
FINANCE = (
    "The Treasurer reported a forecast overspend of £1.2m on the overtime budget, mainly from "
    "two major investigations and the policing of the summer events programme. The Chief "
    "Finance Officer said that the overspend would be met from the operational reserve if it "
    "could not be recovered through special grant. The Commissioner asked whether a bid for "
    "special grant had been submitted to the Home Office. The Chief Constable confirmed that "
    "the bid had been sent on 12 May and that a decision was expected within eight weeks. "
    "The Commissioner asked for the outcome of the bid to be reported to the next meeting "
    "together with a revised forecast."
)
BEFORE = "3.\tLocal policing\nThe Commissioner thanked the Chief Constable for the update."
AFTER = "The Commissioner thanked the Chief Constable for the update.\n4.\tAOB\nNone."


def _cut(paragraph: str, start: int, end: int) -> str:
    """A copy of the paragraph between two character offsets (mid-word cuts included)."""
    return paragraph[start:end].strip()


def _document(paragraph: str, rows: list[list[tuple[int, int]]]) -> str:
    body = "\n".join("\t".join(_cut(paragraph, a, b) for a, b in row) for row in rows)
    return f"{BEFORE}\n{body}\n{AFTER}"


def _assert_paragraph_once(cleaned: CleanedText, paragraph: str) -> None:
    lines = _lines(cleaned.text)
    assert paragraph in lines, cleaned.text
    sentences = re.split(r"(?<=[.])\s+(?=[A-Z])", paragraph)
    for sentence in sentences:
        assert cleaned.text.count(sentence) == 1, sentence
    assert lines[0] == "3.\tLocal policing"
    assert lines[-3:] == [
        "The Commissioner thanked the Chief Constable for the update.",
        "4.\tAOB",
        "None.",
    ]
    assert len(lines) == 6
    assert any("layered duplicate" in warning for warning in cleaned.warnings)


def _offsets(paragraph: str, *fractions: float) -> list[int]:
    return [round(len(paragraph) * fraction) for fraction in fractions]


def test_copies_on_separate_lines_cut_mid_word() -> None:
    p = NEIGHBOURHOOD
    a, b, c, d, e, f = _offsets(p, 0.37, 0.21, 0.66, 0.52, 0.89, 0.73)
    rows = [[(0, a)], [(b, c)], [(d, e)], [(f, len(p))]]
    _assert_paragraph_once(clean_text(_document(p, rows)), p)


def test_copies_side_by_side_in_tab_cells() -> None:
    p = CUSTODY
    o = _offsets(p, 0.45, 0.12, 0.58, 0.33, 0.81, 0.05, 0.5, 0.62, 1.0, 0.3, 0.7)
    rows = [[(0, o[0])], [(o[1], o[2]), (o[3], o[4])], [(o[5], o[6]), (o[7], o[8])]]
    rows.append([(o[9], o[10])])
    _assert_paragraph_once(clean_text(_document(p, rows)), p)


def test_copy_holding_the_start_comes_after_a_copy_from_the_middle() -> None:
    p = FINANCE
    a, b, c, d = _offsets(p, 0.18, 0.7, 0.55, 0.95)
    rows = [[(a, b)], [(0, c)], [(a, d)], [(d - 60, len(p))]]
    body = "\n".join("\t".join(_cut(p, x, y) for x, y in row) for row in rows)
    cleaned = clean_text(f"3.\tLocal policing\nThe Commissioner opened the item.\n{body}")
    assert _lines(cleaned.text)[-1] == p


def test_eight_copies_with_short_steps() -> None:
    p = NEIGHBOURHOOD
    step = len(p) // 10
    rows = [[(0, step * 3 + 7)]]
    rows += [[(step * k + 3, min(len(p), step * (k + 3) + 11))] for k in range(1, 8)]
    _assert_paragraph_once(clean_text(_document(p, rows)), p)


def test_spliced_copy_is_dropped() -> None:
    """A copy ending in a sentence spliced from the start of one and the end of another."""
    p = CUSTODY
    splice = (
        "The Chief Constable said a new contract with the health provider had been taken out "
        "of use and would be refurbished by the end of the quarter."
    )
    a, b, c, d = _offsets(p, 0.45, 0.2, 0.8, 0.6)
    first = p[: p.index("Independent custody")].strip()
    body = f"{first} {splice}\n{_cut(p, b, c)}\t{_cut(p, a, d)}\n{_cut(p, d, len(p))}"
    cleaned = clean_text(f"{BEFORE}\n{body}\n{AFTER}")
    _assert_paragraph_once(cleaned, p)
    assert any("garbled" in warning for warning in cleaned.warnings)


def test_whole_duplicate_paragraph_is_removed() -> None:
    cleaned = clean_text(f"{BEFORE}\n{FINANCE}\n\n{FINANCE}\n{AFTER}")
    assert cleaned.text.count(FINANCE) == 1


def test_short_repeated_sentences_are_kept() -> None:
    text = (
        "1.\tOpening\nThe PCC thanked the CC.\nThe PCC thanked the CC.\n"
        "2.\tClosing\nThe PCC thanked the CC. The CC thanked the PCC.\nThe PCC thanked the CC."
    )
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.warnings == []


def test_complete_cells_of_an_action_table_are_kept() -> None:
    action = "CC to share the outcome of the reality testing with the PCC's office by 31 March."
    text = (
        f"1.\tDomestic abuse\nAction 1: {action}\n\nRef\tAction\tOwner\n1\t{action}\tCC\n"
        f"2\tCC to provide details of how many of the 20 posts are filled now.\tCC"
    )
    cleaned = clean_text(text)
    assert f"1\t{action}\tCC" in _lines(cleaned.text)
    assert cleaned.text.count(action) == 2


def test_paragraphs_sharing_a_stock_phrase_are_kept() -> None:
    phrase = "asked the Chief Constable to provide an update on the progress of the plan"
    first = f"The Commissioner {phrase} for rural crime. The update was given in March."
    second = f"The Deputy Commissioner {phrase} for fraud. No update had been received yet."
    text = f"1.\tUpdates\n{first}\n{second}"
    assert clean_text(text).text == text


def test_layers_do_not_cross_agenda_items() -> None:
    text = f"1.\tFinance\n{FINANCE}\n2.\tFinance again\n{FINANCE}"
    assert clean_text(text).text == text


def test_an_agenda_list_before_the_minutes_is_kept() -> None:
    text = f"1.\tFinance\n2.\tCustody\n\n1.\tFinance\n{FINANCE}\n2.\tCustody\n{CUSTODY}"
    assert clean_text(text).text == text


def test_a_repeated_page_loses_its_duplicate_paragraphs() -> None:
    page = f"1.\tFinance\n{FINANCE}\n1.1\tCustody\n{CUSTODY}"
    cleaned = clean_text(f"{page}\n{page}")
    assert cleaned.text.count(FINANCE) == 1
    assert cleaned.text.count(CUSTODY) == 1


def test_layered_copies_of_a_pdf_paragraph_in_visual_lines() -> None:
    """Lines wrapped at the page width, a page break, then rows of overlapping copies."""
    p = CUSTODY
    wrapped = textwrap.wrap(p, 88)
    header = "Northmoor Police and Crime Commissioner – Performance Meeting"
    before_break = "\n".join(wrapped[:3])
    start = p.index(wrapped[3])
    rows = [
        f"{wrapped[3]} {wrapped[4]}\t{_cut(p, start - 70, start + 150)}",
        f"{' '.join(wrapped[5:7])}\t{_cut(p, start + 40, start + 300)}",
    ]
    resume = p.index(wrapped[7])
    tail = "\n".join(wrapped[7:])
    layered = _cut(p, resume - 120, len(p) - 30)
    body = f"{before_break}\n\n1\n{header}\n" + "\n".join(rows) + f"\n{layered}\n{tail}"
    document = f"{header}\n{BEFORE}\n{body}\n\n2\n{header}\n{AFTER}"
    cleaned = clean_text(document)
    first, others = p.split(". ", 1)
    assert _lines(cleaned.text)[1:] == [
        "3.\tLocal policing",
        "The Commissioner thanked the Chief Constable for the update.",
        f"{first}.",  # a sentence ended with the line: the next line starts anew
        others,
        "",
        "The Commissioner thanked the Chief Constable for the update.",
        "4.\tAOB",
        "None.",
    ]


def test_copies_continuing_a_paragraph_broken_across_a_page() -> None:
    """A PDF page break inside a paragraph, the next page holding overlapping copies."""
    p = FINANCE
    a, b, c, d = _offsets(p, 0.3, 0.62, 0.85, 0.55)
    a = p.index(" ", a)  # the text itself breaks between words
    d = p.index(" ", d)
    body = (
        f"{p[:a]}\n\n7\n\f{p[a:d].strip()}\t{_cut(p, a - 80, b)}\n"
        f"{p[d:].strip()}\t{_cut(p, b - 90, c)}"
    )
    cleaned = clean_text(f"{BEFORE}\n{body}\n{AFTER}")
    _assert_paragraph_once(cleaned, p)


# -- characters, lines and pages ------------------------------------------------------


def test_characters_are_normalised() -> None:
    raw = "Cafe\u0301 of\ufb01ce\u00a0hours\r\nsecond\x07 line\rthird\u200b line\r\n"
    assert clean_text(raw).text == "Café office hours second line third line"


def test_cells_are_tidied_and_private_use_bullets_normalised() -> None:
    raw = "\t Name:  \t\t Capacity:\t\n\uf0b7 First point.\n\uf0a7Second point.\n- Third point."
    assert clean_text(raw).text == (
        "Name:\tCapacity:\n• First point.\n• Second point.\n- Third point."
    )


def test_hyphenated_line_ends_are_rejoined() -> None:
    cleaned = clean_text(
        "The inves-\ntigation found a multi-agency gap.\nThe Chief Superinten-\nDent."
    )
    assert cleaned.text == (
        "The investigation found a multi-agency gap.\nThe Chief Superinten-\nDent."
    )
    assert any("hyphenated" in warning for warning in cleaned.warnings)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("The force has\nimproved.", "The force has improved."),
        ("The force has\n\nimproved.", "The force has improved."),
        ("The force has\n\n\nimproved.", "The force has improved."),
        ("The force has\n\n\n\nimproved.", "The force has\n\n\n\nimproved."),
        ("The force has\n\n3\n\n\n\nimproved.", "The force has improved."),
        ("The force has\n\f\n\n\n\nimproved.", "The force has improved."),
        ("The force has\nImproved.", "The force has\nImproved."),
        ("The force has improved.\nthen it fell.", "The force has improved.\nthen it fell."),
        ("Name\tThe force has\nimproved.", "Name\tThe force has improved."),
        ("The force has\nimproved\tgreatly.", "The force has\nimproved\tgreatly."),
        ("1.2\tActions following a\nreport of abuse", "1.2\tActions following a report of abuse"),
        ("The options were:\na) to wait.", "The options were:\na) to wait."),
        ("The force has\n• improved.", "The force has\n• improved."),
    ],
)
def test_broken_lines(raw: str, expected: str) -> None:
    assert clean_text(raw).text == expected


def test_blank_runs_collapse_to_one_or_two() -> None:
    # a paragraph's break stays one blank line; a wider gap stays wider than that, as two
    assert clean_text("\n\nA line.\n\nB line.\n\n\n").text == "A line.\n\nB line."
    assert clean_text("\n\nA line.\n\n\n\nB line.\n\n\n").text == "A line.\n\n\nB line."
    once = clean_text("A line.\n\n\n\n\nB line.\n\n\nC line.").text
    assert once == "A line.\n\n\nB line.\n\n\nC line."
    assert clean_text(once).text == once


@pytest.mark.parametrize("number", ["7", "Page 3", "Page 3 of 12", "- 4 -", "– 12 –", "3 | Page"])
def test_bare_page_numbers_are_dropped(number: str) -> None:
    cleaned = clean_text(f"The meeting opened.\n{number}\nThe meeting closed.")
    assert cleaned.text == "The meeting opened.\nThe meeting closed."
    assert any("page number" in warning for warning in cleaned.warnings)


def test_numbered_headings_are_not_page_numbers() -> None:
    text = "1.\tWelcome\n2.\nApologies were received.\n3.1\tMinutes"
    assert clean_text(text).text == text


def test_running_headers_are_dropped_but_the_title_kept() -> None:
    header = "Police and Crime Commissioner - Monthly Assurance Meeting"
    pages = [f"{header}\nOFFICIAL\nItem {n} was discussed.\nOFFICIAL - SENSITIVE" for n in range(3)]
    cleaned = clean_text("\n".join(pages))
    assert _lines(cleaned.text) == [
        header,
        "Item 0 was discussed.",
        "Item 1 was discussed.",
        "Item 2 was discussed.",
    ]
    assert sum("running header" in warning for warning in cleaned.warnings) == 3


def test_short_lines_repeated_twice_are_kept() -> None:
    text = "OFFICIAL\nThe meeting opened.\nOFFICIAL\nThe meeting closed."
    assert clean_text(text).text == text


def test_headings_repeated_in_each_item_are_kept() -> None:
    text = "\n".join(f"{n}.\tUpdate\nDiscussion:\nThe update was noted." for n in range(1, 5))
    assert clean_text(text).text == text


def test_stray_tokens_of_other_scripts_are_removed() -> None:
    raw = "The DCC added that the issue is getting partners to buy in.\tсс\nThe ρ rate rose by 3%."
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "The DCC added that the issue is getting partners to buy in.\nThe rate rose by 3%."
    )
    assert any("other scripts" in warning for warning in cleaned.warnings)


def test_look_alike_letters_inside_latin_words_are_repaired() -> None:
    cleaned = clean_text("The Сhief Constable and the Dеputy Chief Constable attended.")
    assert cleaned.text == "The Chief Constable and the Deputy Chief Constable attended."
    assert any("look-alike" in warning for warning in cleaned.warnings)


def test_overlay_lines_are_dropped_with_a_warning() -> None:
    raw = "The structure allows\n\nρ omuting ρ lie concercients the case of DMA// is\nscrutiny."
    cleaned = clean_text(raw)
    assert cleaned.text == "The structure allows scrutiny."
    assert any("overlaid OCR text" in warning for warning in cleaned.warnings)


def test_text_in_another_script_is_left_alone() -> None:
    text = "Η συνεδρίαση άρχισε στις δέκα.\nΟ Επίτροπος ευχαρίστησε τα μέλη (PCC)."
    assert clean_text(text).text == text


def test_punctuation_and_symbols_are_kept() -> None:
    text = "Funding of £160,000 – about 12% – was agreed; the CC’s view — noted • twice."
    assert clean_text(text).text == text


def test_empty_text() -> None:
    assert clean_text("") == CleanedText(text="", warnings=[])
    assert clean_text(" \n\t\n\f\n") == CleanedText(text="", warnings=[])


# -- properties -----------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(number: int) -> str:
    """A distinct made-up word for every number, so no run of words repeats by chance."""
    letters = ""
    number += 26 * 27
    while number:
        number, digit = divmod(number, 26)
        letters += _LETTERS[digit]
    return letters + "o"


@st.composite
def clean_documents(draw: st.DrawFn) -> str:
    """Already clean minutes: headings, paragraphs, bullets and table rows, odd spacing."""
    counter = iter(range(10**6))

    def words(count: int) -> str:
        return " ".join(_word(next(counter)) for _ in range(count))

    def sentence() -> str:
        return words(draw(st.integers(1, 30))).capitalize() + draw(st.sampled_from(".?!"))

    lines: list[str] = []
    for number in range(1, draw(st.integers(1, 12)) + 1):
        kind = draw(st.sampled_from(["heading", "paragraph", "bullet", "row", "blank"]))
        if kind == "heading":
            line = f"{number}.\t{words(draw(st.integers(1, 6))).title()}"
        elif kind == "paragraph":
            line = " ".join(sentence() for _ in range(draw(st.integers(1, 5))))
        elif kind == "bullet":
            line = f"{draw(st.sampled_from(['•', '-']))} {sentence()}"
        elif kind == "row":
            cells = [words(draw(st.integers(1, 4))).title() for _ in range(draw(st.integers(2, 4)))]
            line = "\t".join(cells)
        else:
            line = ""
        padding = draw(st.sampled_from(["", " ", "\t", "  \t "]))
        lines.append(padding + line.replace("\t", draw(st.sampled_from(["\t", "\t\t", " \t"]))))
    return "\n".join(lines)


def _tidy(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        tidied = "\t".join(cell for cell in cells if cell)
        if tidied:
            lines.append(tidied)
    return lines


@given(clean_documents())
@settings(max_examples=150, deadline=None)
def test_clean_text_changes_only_whitespace(document: str) -> None:
    cleaned = clean_text(document)
    assert [line for line in cleaned.text.split("\n") if line] == _tidy(document)


_POOL = [NEIGHBOURHOOD, CUSTODY, FINANCE, "The PCC thanked the CC.", "1.\tOutcomes", "Page 2"]
_NOISE = ["сс", "ρ", "\uf0b7", "\u00a0", "ﬁ", "-", "\f", "OFFICIAL", "7", "\r\n", "  ", "\t"]


@st.composite
def messy_documents(draw: st.DrawFn) -> str:
    """Pieces of a few paragraphs, cut anywhere and glued with line breaks, tabs and noise."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 14))):
        source = draw(st.sampled_from(_POOL))
        start = draw(st.integers(0, len(source)))
        end = draw(st.integers(start, len(source)))
        pieces.append(source[start:end])
        pieces.append(draw(st.sampled_from(["\n", "\t", "\n\n", "\n\n\n\n", " ", "-\n", *_NOISE])))
    return "".join(pieces)


@given(st.one_of(messy_documents(), st.text(max_size=300), clean_documents()))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_cleaning_is_idempotent(document: str) -> None:
    once = clean_text(document).text
    assert clean_text(once).text == once


@given(messy_documents())
@settings(max_examples=150, deadline=None)
def test_cleaned_lines_have_no_stray_whitespace(document: str) -> None:
    for line in clean_text(document).text.split("\n"):
        assert line == line.strip()
        assert "\t\t" not in line and "  " not in line
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u00a0\ue000-\uf8ff]", line)


# -- house styles of other forces ---------------------------------------------------------


def test_a_banner_in_capitals_repeating_the_title_line_is_kept() -> None:
    text = (
        "Minutes of the meeting of the North Yorkshire Police, Fire and Crime Panel held on "
        "3 February 2022\n\n"
        "MINUTES OF THE MEETING OF THE NORTH YORKSHIRE POLICE, FIRE AND CRIME PANEL HELD ON "
        "3 FEBRUARY 2022 AT 10.30 AM AT COUNTY HALL, NORTHALLERTON\n\n"
        "Present: Councillor Peter Sowerby (Chair)."
    )
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.warnings == []


def test_a_stock_update_repeated_under_two_long_action_headings_is_kept() -> None:
    update = "Update: Deferred. The lead officer had been on leave and the update was deferred."
    text = (
        "1. Outstanding Matters / Matters arising\n\n"
        "1.1 Action 2: PCC to report back on the SOC strategy, by 5 September 2024\n\n"
        f"{update}\n\n"
        "1.2 Action 3: CC to set out the plan for the exploitation of vulnerable adults\n\n"
        f"{update}\n\n"
        "2. Body Worn Video"
    )
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.text.count(update) == 2


def test_a_heading_is_not_joined_to_the_paragraph_a_layer_copies() -> None:
    paragraph = (
        "The Chief Constable said that problem-solving plans were now open in every "
        "neighbourhood and that each plan had a named officer responsible for it. The PCC "
        "asked how the force judged whether a plan had worked. The DCC said that every closed "
        "plan was reviewed by an inspector against the outcome agreed with residents."
    )
    copy = paragraph[40:230].strip()
    cleaned = clean_text(f"4.\tNeighbourhood policing\n4.1 Problem solving\n{paragraph}\n{copy}")
    assert _lines(cleaned.text) == ["4.\tNeighbourhood policing", "4.1 Problem solving", paragraph]
    assert any("layered duplicate" in warning for warning in cleaned.warnings)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "The next meeting will be held on Thursday 8 June 2023 at\n14:00.",
            "The next meeting will be held on Thursday 8 June 2023 at 14:00.",
        ),
        (
            "The DCC said the force referred more cases to the\nIndependent Domestic Violence "
            "Advisor service.",
            "The DCC said the force referred more cases to the Independent Domestic Violence "
            "Advisor service.",
        ),
        (
            "The recovery plan was presented. The CC said that 25\nOrganised Crime Groups "
            "were being mapped.",
            "The recovery plan was presented. The CC said that 25 Organised Crime Groups "
            "were being mapped.",
        ),
        (
            "The minutes of the meeting held on 4 December\n2023 were agreed.",
            "The minutes of the meeting held on 4 December 2023 were agreed.",
        ),
        ("Item 5\tPerformance report, quarter 3\nThe Chief Executive presented it.", None),
        ("5. Performance report for the third quarter of the\nYear", None),
        ("The meeting closed at 12.40\nSigned by the Chair", None),
        ("The force referred more cases to the\n1.2 Outcomes", None),
    ],
)
def test_lines_broken_before_a_capital_or_a_figure(raw: str, expected: str | None) -> None:
    assert clean_text(raw).text == (raw if expected is None else expected)


def test_a_footer_beside_the_page_numbers_of_a_two_page_document_is_dropped() -> None:
    footer = "Yarrowdale OPCC | Performance Meeting | 27 November 2025 | OFFICIAL"
    text = (
        "1. Welcome\nThe DCC said that the rate was 66.0 anti-social\n\n"
        f"{footer}\n1\n\nbehaviour incidents per 1,000 population.\n2. Close\nNone.\n\n{footer}\n2"
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "1. Welcome\n"
        "The DCC said that the rate was 66.0 anti-social behaviour incidents per 1,000 "
        "population.\n2. Close\nNone."
    )
    assert any("running header or footer" in warning for warning in cleaned.warnings)


def test_a_long_footer_repeated_on_every_page_is_dropped() -> None:
    footer = (
        "Yarrowdale OPCC | Thematic Meeting: Child Sexual Exploitation | 25 August 2014 | OFFICIAL"
    )
    pages = [f"Item {n} was discussed at length by members.\n\n{footer}\n{n}\n" for n in (1, 2, 3)]
    cleaned = clean_text("".join(pages))
    assert footer not in cleaned.text


# -- similar wording is not layering ------------------------------------------------------

PERFORMANCE = (
    "The Deputy Chief Constable presented the quarterly report on hate crime to the board. "
    "Hate crime reports have grown by 39.8% in the year, with most of the increase in online "
    "reports made through the third party reporting centres in the north of the county. "
    "The PCC asked how the force was supporting victims through the new triage process. "
    "Victims Code compliance was 18% in the quarter, against a target of 90% set in March. "
    "The DCC said the force would publish the figures on its website every month."
)
# Each pair: a sentence of PERFORMANCE and the same words saying something else.
CHANGES = {
    "figures": [("grown by 39.8%", "grown by 51.2%"), ("was 18%", "was 81%")],
    "names": [("The PCC asked", "The DCC asked"), ("The DCC said", "The PCC said")],
    "dates": [("set in March", "set in June")],
    "negation": [("the force was supporting", "the force was not supporting")],
}


def _changed(text: str, kind: str) -> str:
    for old, new in CHANGES[kind]:
        assert old in text
        text = text.replace(old, new)
    return text


def _sentences_of(text: str) -> list[str]:
    return re.split(r"(?<=[.])\s+(?=[A-Z])", text)


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_paragraph_repeated_with_other_facts_is_kept_whole(kind: str) -> None:
    """Minutes repeat their phrasing: a paragraph of the same words with other figures,
    names, dates or a negation is a new paragraph, not a copy, even next to the first."""
    variant = _changed(PERFORMANCE, kind)
    text = f"3.\tHate crime\n{PERFORMANCE}\n{variant}\n4.\tAOB\nNone."
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_cut_copy_with_other_facts_is_not_merged(kind: str) -> None:
    """Cut like a layered copy, but saying something else: kept as it is."""
    cut = _changed(PERFORMANCE, kind)[20:-20].strip()
    text = f"3.\tHate crime\n{PERFORMANCE}\n{cut}\n4.\tAOB\nNone."
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.removed == ()


@pytest.mark.parametrize("kind", sorted(CHANGES))
def test_a_layered_copy_goes_and_a_paragraph_with_other_facts_stays(kind: str) -> None:
    variant = _changed(PERFORMANCE, kind)
    copy = PERFORMANCE[60:-30].strip()
    cleaned = clean_text(f"3.\tHate crime\n{PERFORMANCE}\n{copy}\n{variant}\n4.\tAOB\nNone.")
    assert _lines(cleaned.text) == ["3.\tHate crime", PERFORMANCE, variant, "4.\tAOB", "None."]
    assert " ".join(removal.text for removal in cleaned.removed) == copy


def test_a_spliced_sentence_with_a_figure_of_its_own_is_kept() -> None:
    """In layered text a sentence made of the start of one sentence and the end of
    another is a garble, unless it holds a figure neither has."""
    first = (
        "Hate crime reports have grown by 39.8% in the year, with most of the increase in "
        "online reports made through the third party reporting centres."
    )
    second = (
        "Hate crime reports have increased by 51.2% since 2019, with most of the increase "
        "in online reports made through the third party reporting centres."
    )
    third = (
        "Hate crime reports have risen by 55.1%, with most of the increase in online reports "
        "made through the third party reporting centres."
    )
    opening = "The DCC presented the report on hate crime."
    paragraph = f"{opening} {first} {second} {third} The PCC thanked the DCC."
    copy = f"presented the report on hate crime. {first} {second} {third} The PCC thank"
    cleaned = clean_text(f"3.\tHate crime\n{paragraph}\n{copy}\n4.\tAOB\nNone.")
    for sentence in (opening, first, second, third):
        assert cleaned.text.count(sentence) == 1, sentence
    assert not any(removal.kind == RemovalKind.SPLICE for removal in cleaned.removed)


@pytest.mark.parametrize(
    "second",
    [
        # the frame of the first sentence around words of its own
        "There was a better understanding now of the quality of supervision, which had seen "
        "more of a focus since the last meeting.",
        # the first sentence less its "not"
        "There was a better understanding now of the delivery plan, which had seen more of a "
        "focus since the last meeting.",
    ],
)
def test_a_sentence_framed_as_another_in_a_layered_paragraph_is_no_splice(second: str) -> None:
    """A sentence made of one sentence's start and end around words or a fact of its own is
    a sentence of its own, even in a paragraph that holds a layered copy."""
    first = (
        "There was a better understanding now of the delivery plan, which had not seen more "
        "of a focus since the last meeting."
    )
    closing = "The Chief Constable said that 9 stalking protection orders had been obtained."
    paragraph = f"{first} {second} {closing}"
    copy = f"{first} {second} The Chief Constable said that 9 stalking"
    cleaned = clean_text(f"6.\tStalking\n{paragraph}\n{copy}\n7.\tAOB\nNone.")
    for sentence in (first, second, closing):
        assert cleaned.text.count(sentence) == 1, sentence
    assert not any(removal.kind == RemovalKind.SPLICE for removal in cleaned.removed)


def test_a_copy_starting_with_a_capital_does_not_match_inside_a_negated_sentence() -> None:
    paragraph = (
        "The Commissioner asked about the new response times in the rural areas of the county. "
        "Not all calls were answered within ten seconds in the winter months of the year. "
        "The Chief Constable said staffing in the control room would rise from April onwards."
    )
    copy = (
        "All calls were answered within ten seconds in the winter months of the year. "
        "The Chief Constable said staffing in the control room would rise from Ap"
    )
    cleaned = clean_text(f"1.\tContact\n{paragraph}\n{copy}")
    assert "Not all calls were answered" in cleaned.text
    assert cleaned.text.count("All calls were answered") == 1


# -- what was removed, and where ----------------------------------------------------------


def test_each_removed_copy_is_recorded_with_its_text_and_place() -> None:
    p = CUSTODY
    a, b, c, d = _offsets(p, 0.45, 0.2, 0.8, 0.6)
    raw = f"{BEFORE}\n{p[:a]}\n{_cut(p, b, c)}\n{_cut(p, d, len(p))}\n{AFTER}"
    cleaned = clean_text(raw)
    _assert_paragraph_once(cleaned, p)
    assert cleaned.removed
    copies = raw.index(_cut(p, b, c))
    for removal in cleaned.removed:
        assert raw[removal.start : removal.end] == removal.text
        assert removal.kind in (RemovalKind.LAYERED_COPY, RemovalKind.CUT_COPY)
        assert removal.text in p
    # The removed sentences are those of the later copies, not of the passage kept.
    later = [r for r in cleaned.removed if r.kind == RemovalKind.LAYERED_COPY]
    assert later and all(removal.start >= copies for removal in later)
    starts = [removal.start for removal in cleaned.removed]
    assert starts == sorted(starts)


def test_removed_text_is_quoted_whole_in_the_warnings() -> None:
    copy = FINANCE[40:400].strip()
    cleaned = clean_text(f"{BEFORE}\n{FINANCE}\n{copy}\n{AFTER}")
    assert cleaned.text.count(FINANCE) == 1
    quoted = [w for w in cleaned.warnings if w.startswith("removed a layered copy")]
    assert quoted == [
        f'removed a layered copy (characters {r.start}-{r.end} of the extracted text): "{r.text}"'
        for r in cleaned.removed
    ]
    assert " ".join(r.text for r in cleaned.removed) == copy


def test_places_are_offsets_into_the_text_as_given() -> None:
    """Line breaks of every kind, form feeds, odd spaces and tabs do not shift them."""
    copy = NEIGHBOURHOOD[150:520]
    copy = copy[: copy.rindex(" ")].strip()
    raw = (
        "3.\tLocal\u00a0policing\r\n\f\r\n\tThe Commissioner opened the item.\t\r\n"
        f"{NEIGHBOURHOOD}\u2028\u00a0{copy.replace(' ', '  ', 3)}\r\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.text.count(NEIGHBOURHOOD) == 1
    copied = raw.rindex("now held")
    for removal in cleaned.removed:
        assert " ".join(raw[removal.start : removal.end].split()) == removal.text
        assert removal.start >= copied - 100


def test_page_furniture_and_overlays_are_recorded() -> None:
    header = "Police and Crime Commissioner - Monthly Assurance Meeting"
    pages = [f"{header}\nItem {n} was discussed by the members present.\n{n + 1}" for n in range(3)]
    raw = "\n".join(pages) + "\nρ omuting ρ lie concercients the case of DMA// is\nThe end."
    cleaned = clean_text(raw)
    kinds = [removal.kind for removal in cleaned.removed]
    assert kinds.count(RemovalKind.RUNNING_HEADER) == 2
    assert kinds.count(RemovalKind.PAGE_NUMBER) == 3
    assert kinds.count(RemovalKind.OVERLAY) == 1
    for removal in cleaned.removed:
        assert raw[removal.start : removal.end] == removal.text


def test_clean_text_removes_nothing_from_clean_minutes() -> None:
    text = f"{BEFORE}\n{NEIGHBOURHOOD}\n{CUSTODY}\n{FINANCE}\n{AFTER}"
    assert clean_text(text).removed == ()


# -- a page given twice: run together, then line by line ------------------------------------

AGENDA_LINES = [
    "POLICE AND CRIME PANEL",
    "Monday 20 September 2021, 10.00 am",
    "Venue: Council Chamber, County Hall, Eastmoor",
    "1. Apologies for Absence",
    "2. Substitute Members",
    "3. Minutes of the meeting held on 26 July 2021 (Pages 3 - 12)",
    "4. Declarations of interest, if any",
    "5. Police and Crime Plan Consultation - Report of the Commissioner (Pages 13 - 44)",
    "6. Communications Update - Report of the Commissioner (Pages 45 - 48)",
    "7. Quarterly Performance Report - Report of the Commissioner (Pages 49 - 52)",
]


def test_a_page_run_together_then_given_line_by_line_is_kept_once() -> None:
    flat = " ".join(AGENDA_LINES[:7]) + " 5. Police and"
    raw = f"{flat}\n\nTranscript of the agenda\n\n" + "\n\n".join(AGENDA_LINES) + "\n"
    cleaned = clean_text(raw)
    lines = [line for line in _lines(cleaned.text) if line]
    assert lines == ["Transcript of the agenda", *AGENDA_LINES]
    (removal,) = cleaned.removed
    assert removal.text == flat
    assert (removal.start, removal.end) == (0, len(flat))


def test_lines_repeating_part_of_a_longer_run_together_page_go() -> None:
    """The second copy stops early (the text ends): the long line holds all it has."""
    flat = " ".join(AGENDA_LINES)
    raw = f"{flat}\n\n" + "\n\n".join(AGENDA_LINES[:5]) + "\n\n3. Minutes of the meet"
    cleaned = clean_text(raw)
    assert [line for line in _lines(cleaned.text) if line] == [flat]
    assert [removal.text for removal in cleaned.removed] == [
        *AGENDA_LINES[:5],
        "3. Minutes of the meet",
    ]


def test_lines_found_inside_a_paragraph_in_another_order_are_kept() -> None:
    paragraph = " ".join(AGENDA_LINES)
    lines = [AGENDA_LINES[5], AGENDA_LINES[3], AGENDA_LINES[8], AGENDA_LINES[4]]
    text = paragraph + "\n" + "\n".join(lines)
    assert clean_text(text).text == text


# -- page numbers and running headers that are text ------------------------------------------


def test_minute_numbers_on_lines_of_their_own_are_kept() -> None:
    text = (
        "Public Items\n4\n\nThe Committee approved the Minute of its meeting of 28 November 2019."
        "\n\n5\n\nNo written questions had been received.\n\n6\n\nThe report was noted."
    )
    cleaned = clean_text(text)
    assert [line for line in _lines(cleaned.text) if line.isdigit()] == ["4", "5", "6"]
    assert cleaned.removed == ()


def test_minute_references_over_the_year_are_kept() -> None:
    text = "No. Item\n\n15/24\n\nELECTION OF CHAIRMAN\n\nThe Panel elected its Chairman.\n\n16/24"
    text += "\n\nAPOLOGIES FOR ABSENCE\n\nNone were received."
    assert clean_text(text).text == text


def test_page_numbers_counting_up_beside_a_footer_are_dropped() -> None:
    footer = "Eastmoor OPCC | Performance Meeting | 12 March 2020 | OFFICIAL"
    text = f"The force has\n{footer}\n1\nimproved.\n{footer}\n2\nThe meeting closed.\n{footer}\n3"
    cleaned = clean_text(text)
    assert cleaned.text == "The force has improved.\nThe meeting closed."


@pytest.mark.parametrize(
    ("repeated", "after"),
    [
        ("The Committee resolved:-", "to note the report."),  # a label leading into text
        (
            "There was a better understanding now of the quality of the work, which had seen "
            "more of a",  # a line of wrapped prose
            "focus in the year.",
        ),
    ],
)
def test_short_lines_repeated_as_text_are_not_running_headers(repeated: str, after: str) -> None:
    text = "\n".join(f"{n}. Item {n}\n-\n{repeated}\n{after}" for n in range(1, 5))
    cleaned = clean_text(text)
    assert cleaned.text.count(repeated) == 4
    assert cleaned.removed == ()


def test_speakers_listed_twice_at_each_item_are_not_running_headers() -> None:
    """A webcast index names each speaker twice, after a lone "-", at every item."""
    speakers = ("Cllr Jane Doe (Chair)", "Mayor John Roe, Mayor of the County")
    text = "\n".join(
        f"Agenda item :\n{n} Item {n}\n" + "".join(f"-\n{name}\n-\n{name}\n" for name in speakers)
        for n in range(1, 5)
    )
    cleaned = clean_text(text)
    assert all(cleaned.text.count(name) == 8 for name in speakers)
    assert cleaned.removed == ()
