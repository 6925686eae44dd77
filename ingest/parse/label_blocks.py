"""A header table flattened column by column: its labels in a block, then their values.

A template's header table ("Date | Location | Duration" over "18th December 2015 | Chief
Constable's Office | 10:35 - 11:05") loses its rows when a page is copied: the labels come
one per line, then the values one per line in the same order ("Date" / "Location" /
"Duration" / "18th December 2015" / "Chief Constable's Office" / "10:35 -11:05"), or the
labels on one line and the values on the next ("Date: Time: Venue:" then "18 December 2015
10.00am Room 2"). The value of the n-th label is the n-th value: by its line, its cell, or,
for values run together on one line, by what it is (the date, then the time, then the
rest).

A block is taken only when its labels are a header's (title, meeting, date, time, duration,
venue, location, chair) and the value of its date label holds a date, so a list of people
under "Present:" / "Apologies:" is never read as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.parse.dates import find_date, find_time
from ingest.parse.lines import Line

SCAN_LINES = 60
"""Non-blank lines of the opening searched for a block."""
MIN_LABELS = 2
"""Labels in a row that make a block."""
VALUE_WORDS = 12
"""Words of one value."""

_LABEL_WORDS = (
    r"title|meeting(?:\s+(?:name|title|type|number|no\.?|reference|ref\.?))?|"
    r"date(?:\s+(?:and|&|/)\s+time)?|(?:start\s+)?time|duration|venue|location|place|"
    r"chair(?:ed\s+by|man|person)?|minute[- ]?taker|minutes\s+(?:taken\s+)?by"
)
_LABEL_LINE = re.compile(rf"^(?P<label>{_LABEL_WORDS})\s*:?$", re.IGNORECASE)
# Labels on one line: "Date: Time: Venue:", "Date | Time | Venue".
_LABEL_IN_ROW = re.compile(rf"(?P<label>{_LABEL_WORDS})\s*(?::|\||\t|$)\s*", re.IGNORECASE)
_DATE_LABEL = re.compile(r"^date", re.IGNORECASE)
_TIME_LABEL = re.compile(r"^(?:(?:start\s+)?time|duration)$", re.IGNORECASE)


@dataclass(frozen=True)
class BlockValue:
    """A value of a flattened header table: its label ("date", "location"), its text and
    the line it stands on."""

    label: str
    value: str
    line: Line


def _label(content: str) -> str | None:
    found = _LABEL_LINE.match(content.strip())
    return " ".join(found.group("label").lower().split()) if found else None


def _row_labels(content: str) -> list[str]:
    """The labels of a line that holds only labels ("Date: Time: Venue:"), else none."""
    labels: list[str] = []
    position = 0
    text = content.strip()
    while position < len(text):
        found = _LABEL_IN_ROW.match(text, position)
        if found is None or found.end() == position:
            return []
        labels.append(" ".join(found.group("label").lower().split()))
        position = found.end()
    return labels if len(labels) >= MIN_LABELS else []


def _is_value(line: Line) -> bool:
    return (
        not line.blank
        and _label(line.content) is None
        and not _row_labels(line.content)
        and line.words <= VALUE_WORDS
        and not line.content.rstrip().endswith(":")
    )


def _dated(values: Sequence[BlockValue]) -> bool:
    """Whether the block's date label, if it has one, has a date for its value."""
    dates = [value for value in values if _DATE_LABEL.match(value.label)]
    return all(find_date(value.value, default_year=2000) is not None for value in dates)


def _column_block(lines: Sequence[Line], start: int) -> tuple[list[BlockValue], int]:
    """Labels one per line from ``start``, then as many values one per line."""
    labels: list[str] = []
    position = start
    while position < len(lines) and (label := _label(lines[position].content)) is not None:
        labels.append(label)
        position += 1
    if len(labels) < MIN_LABELS:
        return [], start + 1
    values = [line for line in lines[position : position + len(labels)] if _is_value(line)]
    if len(values) < len(labels):
        return [], position
    block = [
        BlockValue(label, line.content, line)
        for label, line in zip(labels, values[: len(labels)], strict=True)
    ]
    return (block if _dated(block) else []), position + len(labels)


def _row_block(labels: Sequence[str], line: Line) -> list[BlockValue]:
    """The values of a line under a row of labels: one per cell, else by what they are."""
    if len(line.cells) == len(labels):
        return [
            BlockValue(label, cell, line) for label, cell in zip(labels, line.cells, strict=True)
        ]
    rest = line.content
    block: list[BlockValue] = []
    for label in labels:
        if _DATE_LABEL.match(label):
            found = find_date(rest, default_year=2000)
            span = found.span if found else None
        elif _TIME_LABEL.match(label):
            time = find_time(rest)
            span = time.span if time else None
        else:
            continue
        if span is None:
            return []
        block.append(BlockValue(label, rest[span[0] : span[1]], line))
        rest = rest[: span[0]] + " " + rest[span[1] :]
    others = [
        label for label in labels if not (_DATE_LABEL.match(label) or _TIME_LABEL.match(label))
    ]
    leftover = " ".join(rest.split()).strip(" ,;|-–—")
    if len(others) == 1 and leftover:
        block.append(BlockValue(others[0], leftover, line))
    return block


def label_blocks(lines: Sequence[Line]) -> list[BlockValue]:
    """The values of the opening's flattened header tables, with their labels."""
    opening = [line for line in lines if not line.blank][:SCAN_LINES]
    found: list[BlockValue] = []
    position = 0
    while position < len(opening):
        line = opening[position]
        labels = _row_labels(line.content)
        if labels and position + 1 < len(opening) and _is_value(opening[position + 1]):
            block = _row_block(labels, opening[position + 1])
            if block and _dated(block):
                found.extend(block)
                position += 2
                continue
        block, position = _column_block(opening, position)
        found.extend(block)
    return found
