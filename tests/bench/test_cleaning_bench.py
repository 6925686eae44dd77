"""The cleaning benchmark's measure of lost content: a sentence is lost when the cleaned
text holds it nowhere, whatever markup, tags or another script's line carried it in."""

from __future__ import annotations

import pytest

from bench.cleaning_bench import lost_sentences, main
from ingest.clean import clean_text

MARKUP = (
    "<p>Attendees</p><p>Jo Hale &ndash; Commissioner (Chair); Sam Roe &amp; Ann Lee</p>"
    "<p><strong>Apologies</strong> were received from Ravi Patel.</p>"
    "<table><tr><td>Knife crime</td><td>down 12%</td></tr></table>"
)

OTHER_SCRIPT = """Enquiries to: Westshire OPCC, 01632 960418

如果您需要这份文件的中文版本,请致电01632 960418

The meeting closed at 3pm.
"""


def test_markup_is_read_as_its_text_and_its_tags_are_no_lost_content() -> None:
    count, lost = lost_sentences(MARKUP, clean_text(MARKUP))
    assert count >= 4
    assert lost == []


def test_a_sentence_left_out_of_the_output_is_lost_and_named() -> None:
    cleaned = clean_text(MARKUP.replace("<p><strong>Apologies</strong> were", "<p>Nobody was"))
    _, lost = lost_sentences(MARKUP, cleaned)
    assert [sentence.text for sentence in lost] == ["Apologies were received from Ravi Patel."]
    assert lost[0].cause == "not recorded"
    assert MARKUP.startswith("Apologies</strong> were", lost[0].start)  # its place in the input


def test_a_line_in_another_language_kept_whole_is_not_lost() -> None:
    cleaned = clean_text(OTHER_SCRIPT)
    assert "中文版本" in cleaned.text
    assert lost_sentences(OTHER_SCRIPT, cleaned)[1] == []


def test_runs_over_a_small_corpus_and_prints_its_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--meetings", "20", "--files", "tests/data/real-layouts"]) == 0
    output = capsys.readouterr().out
    assert "distinct content lost" in output and "== files" in output
