"""Where removed text stood: cells of the cleaned lines traced back to the input.

The cleaning steps work on lines of cells whose spaces have been collapsed. A piece of a
cell is named by a ``Spot``: the line's number in the text the pass read, the cell's
number in that line (before any cell was dropped) and the piece's character offsets in
the cell's text. ``locate`` turns spots into character offsets of that text, reading it
once from the start: line breaks and tabs are counted, and inside a cell its words
(runs of non-space characters), which collapsing spaces does not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

# The line breaks the character step turns into "\n", and the page-break mark, which it
# puts on a line of its own.
_BREAK = re.compile(r"\r\n|[\r\n\x0b\x85\u2028\u2029\f]")
_TOKEN = re.compile(r"\S+")
# How far from where a later pass placed it a removed passage is looked for in the input.
SEARCH_REACH = 50_000


class RemovalKind(StrEnum):
    """Why a passage was removed."""

    LAYERED_COPY = "layered copy"
    CUT_COPY = "cut-off copy"
    SPLICE = "spliced sentence"
    OVERLAY = "overlaid OCR text"
    STRAY_TOKEN = "letters of another script"
    PAGE_NUMBER = "page number"
    RUNNING_HEADER = "running header or footer"


@dataclass(frozen=True)
class Removal:
    """A passage the cleaning removed: why, its text, and where it stood in the input
    (``start`` and ``end`` are character offsets into the text given to ``clean_text``).

    A layered or cut-off copy's words are all kept elsewhere in the cleaned text; a
    spliced sentence is made of the starts and ends of kept sentences.
    """

    kind: RemovalKind
    text: str
    start: int
    end: int


class Spot(NamedTuple):
    """A piece of a cell: line and cell number in the pass's text, offsets in the cell."""

    line: int
    cell: int
    start: int
    end: int

    def within(self, start: int, end: int) -> Spot:
        """The part of this spot from ``start`` to ``end`` (offsets in the piece)."""
        return Spot(self.line, self.cell, self.start + start, self.start + end)


class Place(NamedTuple):
    """Where a cell's text starts: its line's number in the pass's text, its number among
    the line's tab-separated parts, and the offset in that part's collapsed text (0 but
    for a piece split off a cell)."""

    line: int
    cell: int
    offset: int = 0

    def spot(self, start: int, end: int) -> Spot:
        """The piece of this cell's text from ``start`` to ``end``."""
        return Spot(self.line, self.cell, self.offset + start, self.offset + end)


@dataclass(frozen=True)
class Removed:
    """A removal found by a pass, before it is located."""

    kind: RemovalKind
    text: str
    spot: Spot


def _lines_of(text: str) -> Iterable[tuple[int, int]]:
    """Start and end of each line as the cleaning splits them (a page break is a line)."""
    start = 0
    for match in _BREAK.finditer(text):
        if match.group() == "\f":
            yield start, match.start()
            yield match.start(), match.end()
        else:
            yield start, match.start()
        start = match.end()
    yield start, len(text)


def _cell_start(text: str, line: tuple[int, int], cell: int) -> int:
    """Where the ``cell``-th tab-separated part of a line starts."""
    position = line[0]
    for _ in range(cell):
        tab = text.find("\t", position, line[1])
        if tab < 0:
            return line[1]
        position = tab + 1
    return position


def _walk(text: str, start: int, offset: int, cell_text: str) -> int:
    """Where ``offset`` of a cell's collapsed text falls in ``text`` (cell read from ``start``)."""
    words = cell_text.count(" ", 0, offset)
    inside = offset - (cell_text.rfind(" ", 0, offset) + 1)
    position = start
    for index, token in enumerate(_TOKEN.finditer(text, start)):
        position = token.start()
        if index == words:
            return min(position + inside, token.end())
        position = token.end()
    return position


def locate(
    text: str, removed: Sequence[Removed], cells: dict[tuple[int, int], str]
) -> list[tuple[int, int]]:
    """Start and end in ``text`` of each removal, in the order given.

    ``cells`` holds the collapsed text of every cell a spot names, to count its words.
    """
    wanted = sorted(range(len(removed)), key=lambda i: (removed[i].spot.line, removed[i].spot.cell))
    found: list[tuple[int, int]] = [(0, 0)] * len(removed)
    lines = iter(_lines_of(text))
    number, bounds = -1, (0, 0)
    for index in wanted:
        spot = removed[index].spot
        while number < spot.line:
            next_bounds = next(lines, None)
            if next_bounds is None:
                break
            number, bounds = number + 1, next_bounds
        cell_text = cells.get((spot.line, spot.cell), "")
        start = _cell_start(text, bounds, spot.cell)
        begin = _walk(text, start, spot.start, cell_text)
        end = _walk(text, start, max(spot.end - 1, spot.start), cell_text)
        found[index] = (begin, min(len(text), end + 1) if spot.end > spot.start else begin)
    return found


def search(text: str, passage: str, near: int) -> tuple[int, int]:
    """Where ``passage`` (its words, whatever the spaces) occurs in ``text`` nearest ``near``.

    For text removed by a later pass, whose input is an earlier pass's output; only
    ``SEARCH_REACH`` characters either side are read. ``(near, near)`` when not found.
    """
    words = passage.split()
    if not words:
        return near, near
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    low = max(0, near - SEARCH_REACH)
    best: tuple[int, int] | None = None
    for match in pattern.finditer(text, low, min(len(text), near + SEARCH_REACH)):
        if best is None or abs(match.start() - near) < abs(best[0] - near):
            best = (match.start(), match.end())
    return best or (near, near)
