from collections.abc import Iterable

from ingest.parse.text import (
    ATTENDANCE_LIST_END,
    ATTENDANCE_SENTENCE_END,
    FIGURE_LINE_LEAD,
    LINE_LEAD,
    NAME_LIST_END,
    figure_sentences,
    first_sentence,
    is_abbreviation,
    sentence_count,
    sentences,
)


def _parts(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_sentences_run_on_past_abbreviations_and_initials() -> None:
    text = "Supt. Hale reported (see para. 4). The item closed. 3 were noted."
    assert _parts(text, sentences(text, 0, len(text))) == [
        "Supt. Hale reported (see para. 4).",
        "The item closed.",
        "3 were noted.",
    ]


def test_a_sentence_goes_on_before_a_lower_case_word() -> None:
    text = "It was agreed. the report was noted."
    assert _parts(text, sentences(text, 0, len(text))) == [text]


def test_abbreviations() -> None:
    assert is_abbreviation("Cllr") and is_abbreviation("REF")
    assert not is_abbreviation("k") and not is_abbreviation("closed")


def test_figures_break_before_money_and_after_curly_quotes() -> None:
    body = "It was “agreed.” £2.1m was saved. Ref. 12 stood at 40%."
    assert _parts(body, figure_sentences(body)) == [
        "It was “agreed.",
        "£2.1m was saved.",
        "Ref. 12 stood at 40%.",
    ]


def test_figures_share_the_abbreviations() -> None:
    body = "As set out in para. 4 the rate was 75%."
    assert _parts(body, figure_sentences(body)) == [body]


def test_titles_end_at_every_full_stop() -> None:
    assert first_sentence("Report of Supt. Hale. Noted.") == "Report of Supt."
    assert first_sentence('The "Plan." Noted.') == 'The "Plan."'
    assert first_sentence("  No full stop ") == "No full stop"
    assert sentence_count("One. Two? Three") == 2
    assert sentence_count("No stop") == 1
    assert sentence_count("  ") == 0


def test_name_lists_run_on_past_a_title_but_attendance_lines_do_not() -> None:
    text = "Present: Cllr. Jo Hale, Ann Bell. Apologies were received."
    assert NAME_LIST_END.split(text)[0] == "Present: Cllr. Jo Hale, Ann Bell"
    assert ATTENDANCE_LIST_END.split(text)[0] == "Present: Cllr"


def test_attendance_sentences_end_before_anything() -> None:
    text = "Cllr Hale sent apologies. (Cllr Bell joined at 10.)"
    assert ATTENDANCE_SENTENCE_END.split(text) == [
        "Cllr Hale sent apologies",
        "(Cllr Bell joined at 10.)",
    ]


def test_line_leads() -> None:
    for line, lead in [
        ("## 2.1 - **Action 3:", "## 2.1 - **"),
        ("(b) Action", "(b) "),
        ("iv. Action", "iv. "),
        ("12 Action", "12 "),
    ]:
        match = LINE_LEAD.match(line)
        assert match is not None and match.group() == lead
    # A bare number opening a line may be the figure itself.
    for line, lead in [("45 officers", ""), ("3. 45 officers", "3. "), ("Item 4: 12%", "Item 4: ")]:
        match = FIGURE_LINE_LEAD.match(line)
        assert match is not None and match.group() == lead
