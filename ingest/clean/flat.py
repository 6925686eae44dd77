"""Flattened copies: a page given once run together on one line, then again line by line.

Document-sharing sites and some extractions hold a page twice: its whole text on one
long line (a summary), then the same text with its own line breaks (a transcript, one
heading, name or table row a line). Of the two, the copy that holds less goes: the
run-together text the lines repeat when they go on to its end (words before where they
start stay), else the lines, whose every word the long line holds.

The lines of a copy are found in order in the long line by their letters and digits
alone (the run-together text glues and splits words: "2.00 PMCouncil"). Only the
``FLAT_REACH`` lines after a long line are compared with it, and long lines of at most
``MAX_FLAT_CHARS`` characters, so the work stays linear in the text's size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.clean.lines import Line, Places, is_content
from ingest.clean.places import RemovalKind, Removed

# A line of at least this many words, standing alone, may be a page run together.
FLAT_MIN_WORDS = 40
MAX_FLAT_CHARS = 20_000
# Lines after a long line compared with it.
FLAT_REACH = 80
# A line starts a copy when this many of its letters and digits are found in the long
# line; the next lines of the copy must follow within FLAT_SLACK letters and digits.
START_MIN_CHARS = 12
FLAT_SLACK = 40
# A copy holds at least this many lines and letters and digits, most of the span of the
# long line it covers.
COPY_MIN_LINES = 3
COPY_MIN_CHARS = 100
COPY_MIN_SHARE = 0.6


_ALNUM = re.compile(r"[^\W_]+")


def _letters(text: str) -> str:
    """The case-folded letters and digits of ``text``, nothing between them."""
    return "".join(_ALNUM.findall(text)).casefold()


def _offset_of_letter(text: str, index: int) -> int:
    """Where the ``index``-th letter or digit of ``text`` (as ``_letters`` counts) stands."""
    count = 0
    for run in _ALNUM.finditer(text):
        folded = len(run.group().casefold())
        if count + folded > index:
            return run.start() + min(index - count, len(run.group()) - 1)
        count += folded
    return len(text)


@dataclass
class _Flat:
    """A long line that later lines may copy, where it is in the output, and the copy
    found so far: its lines' output positions, and where it starts and stops in the
    long line's letters."""

    out: int
    text: str
    letters: str
    seen: int = 0
    lines: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    cursor: int = 0
    matched: int = 0

    def follows(self, letters: str) -> int | None:
        """Where a line's letters stand in the long line, after the copy so far."""
        if not self.lines:
            if len(letters) < START_MIN_CHARS:
                return None
            found = self.letters.find(letters)
            return found if found >= 0 else None
        found = self.letters.find(letters, self.cursor, self.cursor + FLAT_SLACK + len(letters))
        return found if found >= 0 else None

    def ends_in(self, letters: str) -> bool:
        """Whether the long line stops inside this line (the line goes on past its end)."""
        rest = self.letters[self.cursor :]
        return bool(self.lines) and 0 < len(rest) <= len(letters) and letters.startswith(rest)

    def is_copy(self) -> bool:
        span = self.cursor - self.starts[0]
        return (
            len(self.lines) >= COPY_MIN_LINES
            and self.matched >= COPY_MIN_CHARS
            and self.matched >= COPY_MIN_SHARE * span
        )


class _Pass:
    def __init__(self, lines: list[Line], places: list[Places]) -> None:
        self.lines = lines
        self.places = places
        self.out_lines: list[Line] = []
        self.out_places: list[Places] = []
        self.removed: list[Removed] = []
        self.flat: _Flat | None = None

    def run(self) -> None:
        for line, places in zip(self.lines, self.places, strict=True):
            self._add(line, places)
        self._close()

    def _add(self, line: Line, places: Places) -> None:
        if not is_content(line):
            self._append(line, places)
            return
        if self.flat is not None and self._extends_copy(line, places):
            return
        self._append(line, places)
        if (
            len(line) == 1
            and len(line[0]) <= MAX_FLAT_CHARS
            and line[0].count(" ") + 1 >= FLAT_MIN_WORDS
        ):
            self._watch(len(self.out_lines) - 1, line[0])

    def _watch(self, out: int, text: str) -> None:
        self.flat = _Flat(out, text, _letters(text))

    def _extends_copy(self, line: Line, places: Places) -> bool:
        """Take ``line`` as the next line of a copy of the long line, if it is one."""
        letters = _letters("".join(line))
        for _ in range(2):
            flat = self.flat
            if flat is None or not letters:
                return False
            found = flat.follows(letters)
            if found is not None:
                flat.starts.append(found)
                flat.lines.append(len(self.out_lines))
                flat.cursor = found + len(letters)
                flat.matched += len(letters)
                self._append(line, places)
                return True
            if flat.ends_in(letters):
                flat.starts.append(flat.cursor)
                flat.matched += len(flat.letters) - flat.cursor
                flat.cursor = len(flat.letters)
                flat.lines.append(len(self.out_lines))
                self._append(line, places)
                self._close()
                return True
            if not flat.lines:
                flat.seen += 1
                if flat.seen > FLAT_REACH:
                    self.flat = None
                return False
            # The copy found so far ends here; the line may start another.
            self._close()
        return False

    def _append(self, line: Line, places: Places) -> None:
        self.out_lines.append(line)
        self.out_places.append(places)

    def _close(self) -> None:
        """End the copy found so far: remove the copy that holds less, or (if the lines
        are no copy) keep looking for one.

        When the lines reach the end of the long line, it holds nothing they do not, and
        what it repeats goes (words before where they start stay); otherwise the long
        line holds all they do and more, and the lines go.
        """
        flat = self.flat
        if flat is None or not flat.lines:
            return
        if not flat.is_copy():
            flat.lines, flat.starts, flat.matched, flat.cursor = [], [], 0, 0
            return
        self.flat = None
        if flat.cursor < len(flat.letters):
            for index in flat.lines:
                for cell, place in zip(self.out_lines[index], self.out_places[index], strict=True):
                    self.removed.append(
                        Removed(RemovalKind.LAYERED_COPY, cell, place.spot(0, len(cell)))
                    )
                self.out_lines[index] = ()
                self.out_places[index] = ()
            return
        place = self.out_places[flat.out][0]
        before = flat.text[: _offset_of_letter(flat.text, flat.starts[0])].rstrip()
        if not any(char.isalnum() for char in before):
            before = ""  # an opening bracket or quote of the copied text
        copied = flat.text[len(before) :].strip()
        offset = flat.text.index(copied, len(before))
        self.removed.append(
            Removed(RemovalKind.LAYERED_COPY, copied, place.spot(offset, offset + len(copied)))
        )
        self.out_lines[flat.out] = (before,) if before else ()
        self.out_places[flat.out] = (place,) if before else ()


def remove_flat_copies(
    lines: list[Line], places: list[Places]
) -> tuple[list[Line], list[Places], list[Removed]]:
    """Remove from long lines the text that later lines copy with their own line breaks.

    Returns the lines, their cells' places, and the passages removed.
    """
    if not any(len(line) == 1 and line[0].count(" ") + 1 >= FLAT_MIN_WORDS for line in lines):
        return lines, places, []
    step = _Pass(lines, places)
    step.run()
    return step.out_lines, step.out_places, step.removed
