"""Cleaning and parsing long texts: what is found in texts far larger than real minutes
(one enormous line, thousands of items, names, actions and layered copies) is what the
same rules find in short ones, and the bounds on the costly steps hold where documented."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from ingest.clean import clean_text
from ingest.clean.layers import MAX_LAYER_CHARS
from ingest.draft import MeetingDraft
from ingest.parse import parse_document
from ingest.parse.actions import MERGE_CANDIDATES
from records.enums import AttendanceStatus

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEADER = "Performance Meeting\nDate: Thursday 4 March 2021\nChair: Richard Halloran\n\n"
FIRST_NAMES = ("Anne", "Brian", "Claire", "David", "Emma", "Fiona", "Gareth", "Helen")
SURNAMES = ("Ashworth", "Braddock", "Carver", "Dalton", "Eckersley", "Fairburn", "Gilmore")


def parse(raw: str) -> tuple[str, MeetingDraft]:
    cleaned = clean_text(raw).text
    return cleaned, parse_document(cleaned)


def test_one_enormous_line_gives_every_action_and_figure() -> None:
    sentences = []
    for k in range(1500):
        sentences.append(f"The DCC said that {k % 90 + 5}% of cases in area {k} had been closed.")
        sentences.append(
            f"Action {k % 999 + 1}: DCC to report the closure rate of area {k} by 30 June 2021."
        )
    raw = "Performance Meeting held on Thursday 4 March 2021. " + " ".join(sentences)

    cleaned, draft = parse(raw)

    assert "\n" not in cleaned
    assert draft.date == dt.date(2021, 3, 4)
    assert len(draft.actions) == 1500
    assert [a.reference for a in draft.actions[:3]] == ["1", "2", "3"]
    assert draft.actions[1000].reference == "2"
    assert {a.due_date for a in draft.actions} == {dt.date(2021, 6, 30)}
    assert draft.actions[7].text.startswith("DCC to report the closure rate of area 7 by")
    percentages = [m for m in draft.metrics if m.context.startswith("The DCC said that")]
    assert len(percentages) == 1500
    assert [m.value for m in percentages[:3]] == [5.0, 6.0, 7.0]
    assert {m.label for m in percentages} == {"cases"}


def test_twenty_thousand_numbered_items_keep_their_numbers_and_parents() -> None:
    parts = [HEADER]
    for k in range(1, 1000):
        parts.append(f"{k}.\tTopic {k}\nThe Commissioner opened item {k}.\n")
        parts.extend(f"{k}.{j}\tPoint {j}\nNoted.\n" for j in range(1, 21))

    _, draft = parse("".join(parts))

    assert len(draft.items) == 999 * 21
    top = [index for index, item in enumerate(draft.items) if item.parent is None]
    assert [draft.items[index].number for index in top] == [str(k) for k in range(1, 1000)]
    last = draft.items[-1]
    assert (last.number, last.title, last.text) == ("999.20", "Point 20", "Noted.")
    assert draft.items[last.parent or 0].number == "999"
    assert all(
        item.number.startswith(f"{draft.items[item.parent].number}.")
        for item in draft.items
        if item.number and item.parent is not None
    )


REPORTS = (
    "The Commissioner asked how the force was tracking the new neighbourhood policing model "
    "across the three local policing areas. The Deputy Chief Constable said that each area "
    "now held a weekly tasking meeting chaired by a superintendent. Attendance by partner "
    "agencies had risen from 40% to 71% since the autumn. The Commissioner welcomed this but "
    "asked whether the rural teams had enough officers to cover the larger beats.",
    "The Chief Executive introduced the custody inspection report published in January. "
    "Inspectors had found that detainees waited an average of 3 hours to be seen by a health "
    "care professional. The Chief Constable said a new contract with the health provider had "
    "started on 1 April and that waits had already fallen below two hours. Independent "
    "custody visitors had raised concerns about the cleanliness of two cells.",
    "The Treasurer reported a forecast overspend of £1.2m on the overtime budget, mainly from "
    "two major investigations. The Chief Finance Officer said that the overspend would be met "
    "from the operational reserve if it could not be recovered through special grant. The "
    "Commissioner asked whether a bid for special grant had been submitted to the Home Office.",
)


def _paragraph(item: int) -> str:
    return f"Item {item} opened with the report of area {item}. {REPORTS[item % 3]}"


def test_layered_copies_of_a_thousand_paragraphs_are_each_kept_once() -> None:
    parts = [HEADER]
    for item in range(1, 1001):
        paragraph = _paragraph(item)
        third = len(paragraph) // 3
        copies = [paragraph[: 2 * third], paragraph[third - 17 : 2 * third + 40], paragraph[third:]]
        parts.append(f"{item}.\tItem {item}\n" + "\n".join(c.strip() for c in copies) + "\n")

    cleaned = clean_text("".join(parts))

    lines = cleaned.text.split("\n")
    assert lines[4::2] == [f"{item}.\tItem {item}" for item in range(1, 1001)]
    assert lines[5::2] == [_paragraph(item) for item in range(1, 1001)]
    assert cleaned.warnings[0].startswith("removed 2000 layered duplicate passages")


def test_a_paragraph_longer_than_the_layer_bound_keeps_its_copies() -> None:
    """Layers are merged only into blocks of at most ``MAX_LAYER_CHARS`` characters."""
    sentences = [f"The review of area {k} was on course and would report." for k in range(600)]
    paragraph = " ".join(sentences)
    assert len(paragraph) > MAX_LAYER_CHARS
    copy = " ".join(sentences[250:400])
    raw = f"{HEADER}1.\tReviews\n{paragraph}\n{copy}\n2.\tShort\n{_paragraph(2)}\n"
    short_copy = _paragraph(2)[30:]

    cleaned = clean_text(f"{raw}{short_copy}\n")

    assert cleaned.text.count("The review of area 300 was") == 2
    assert cleaned.text.count("opened with the report of area 2.") == 1
    assert cleaned.text.count("a forecast overspend of £1.2m") == 1


def test_thousands_of_attendees_each_listed_once() -> None:
    names = [
        f"{first} {surname}{suffix}"
        for suffix in ("", "son", "ley", "ton", "well")
        for surname in SURNAMES
        for first in FIRST_NAMES
    ]
    rows = "".join(f"{name}\tPolicy Officer\n" for name in names * 10)
    apologies = "Apologies were received from A Ashworth and Helen Carverwell.\n"
    raw = f"{HEADER}Name\tCapacity\n{rows}\n1.\tWelcome\n{apologies}"

    _, draft = parse(raw)

    assert [a.name for a in draft.attendees][: len(names)] == names
    present = [a for a in draft.attendees if a.status is AttendanceStatus.PRESENT]
    assert len(present) == len(names) + 1  # and the chair, named in the header
    assert draft.attendees[-1].name == "Richard Halloran"
    # "A Ashworth" is Anne Ashworth (listed first): initials match the first name only.
    assert [a.name for a in draft.attendees if a.status is AttendanceStatus.APOLOGIES] == []


@pytest.mark.parametrize("repeated", [40, MERGE_CANDIDATES + 40])
def test_an_action_log_repeating_prose_actions_merges_with_them(repeated: int) -> None:
    """Each row is compared with the ``MERGE_CANDIDATES`` prose actions nearest to it."""
    rng = random.Random(4)
    samples = " ".join(path.read_text("utf-8") for path in sorted(SAMPLES.glob("*.txt")))
    vocabulary = sorted({word.lower() for word in re.findall(r"[A-Za-z]{4,}", samples)})
    owners = ("DCC", "CFO", "ACC")
    texts = [" ".join(rng.sample(vocabulary, 7)) for _ in range(300)]
    prose = [f"Action {k}: {owners[k % 3]} to {text}." for k, text in enumerate(texts, start=1)]
    rows = [
        f"{k}\t{text}\t{owners[k % 3]}\t30/06/2021\tOpen" for k, text in enumerate(texts, start=1)
    ][-repeated:]
    log = "\n".join(["No.\tAction\tOwner\tDue date\tStatus", *rows])
    raw = f"{HEADER}1.\tActions\n" + "\n".join(prose) + f"\n\n2.\tAction log\n{log}\n"

    cleaned, draft = parse(raw)

    table = cleaned.index("2.\tAction log")
    prose_actions = {a.reference: a for a in draft.actions if a.span.start < table}
    assert len(prose_actions) == 300
    near = [str(k) for k in range(300 - min(repeated, MERGE_CANDIDATES) + 1, 301)]
    assert all(prose_actions[k].due_date == dt.date(2021, 6, 30) for k in near)
    if repeated <= MERGE_CANDIDATES:
        assert len(draft.actions) == 300
    else:
        # Rows whose prose action is not among the nearest MERGE_CANDIDATES stay on their own.
        assert len(draft.actions) > 300
