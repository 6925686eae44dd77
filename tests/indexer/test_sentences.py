"""Sentence ends and the body after a title, as passages are cut."""

from __future__ import annotations

from indexer.sentences import body_start, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_lines_and_full_stops_end_sentences() -> None:
    text = "Title line\nThe PCC asked. The CC said (yes). 2 were late!\n\n  Last one?"
    assert sentences(text) == [
        "Title line",
        "The PCC asked.",
        "The CC said (yes).",
        "2 were late!",
        "Last one?",
    ]


def test_abbreviations_initials_and_numbers_do_not_end_sentences() -> None:
    text = "Supt. Hale and J. Smith met Mr. Jones on 1.4 matters, e.g. budgets. Next."
    assert sentences(text) == [
        "Supt. Hale and J. Smith met Mr. Jones on 1.4 matters, e.g. budgets.",
        "Next.",
    ]


def test_a_lower_case_word_after_a_stop_goes_on_with_the_sentence() -> None:
    assert sentences("It was approx. five cases. ok then") == ["It was approx. five cases. ok then"]


def test_the_body_starts_after_the_title_and_its_separator() -> None:
    assert body_start("Action 2: CC to report", "Action 2") == len("Action 2: ")
    assert body_start("Finance\nThe budget", "Finance") == len("Finance\n")
    assert body_start("Financial matters", "Finance") == 0
    assert body_start("Other text", "Finance") == 0
    assert body_start("Finance", "") == 0
