"""Line-level repairs: cells, page numbers, running headers, broken lines, blank runs.

A line is a tuple of cells (the tab-separated parts of a table row, or one cell for a
paragraph); a blank line is ``()`` and a page break is ``PAGE_BREAK``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.clean.chars import BULLET, PAGE_BREAK_MARK, normalise_bullet
from ingest.clean.sentences import TERMINAL_PUNCTUATION, ends_mid_sentence, join_continuation

Line = tuple[str, ...]
PAGE_BREAK: Line = (PAGE_BREAK_MARK,)

# Blank lines a broken sentence may span and still be rejoined (more with a page break).
MAX_JOIN_BLANKS = 2
# A running header or footer: a short line seen at least this often.
HEADER_MIN_REPEATS = 3
HEADER_MAX_CHARS = 80

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?"
    r"|[-–—]\s*\d{1,3}\s*[-–—]"
    r"|\d{1,3}\s*\|\s*page"
    r"|page\s*\|\s*\d{1,3}",
    re.IGNORECASE,
)
_ITEM_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")
_NUMBERED_TITLE = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?\s+\S")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
_LOWER_LIST_MARKER = re.compile(r"(?:[a-z]|[ivx]{1,4})[).]\s|o\s+[A-Z]")
_LETTER = re.compile(r"[^\W\d_]")


def split_lines(text: str) -> list[Line]:
    """Lines of cells: whitespace inside a cell collapsed, empty cells dropped."""
    lines: list[Line] = []
    for raw in text.split("\n"):
        if raw.strip(" \t") == PAGE_BREAK_MARK:
            lines.append(PAGE_BREAK)
            continue
        cells = (" ".join(normalise_bullet(part).split()) for part in raw.split("\t"))
        lines.append(tuple(cell for cell in cells if cell))
    return lines


def render(lines: list[Line]) -> str:
    """The text of the lines: cells joined by one tab, lines by one line feed."""
    return "\n".join("\t".join(line) for line in lines if line != PAGE_BREAK)


def is_content(line: Line) -> bool:
    return bool(line) and line != PAGE_BREAK


def is_item_heading(line: Line) -> bool:
    """A numbered agenda heading ("1.2<tab>Title" or "2. Title") or a Markdown heading."""
    if not is_content(line):
        return False
    first = line[0]
    if len(line) >= 2 and _ITEM_NUMBER.fullmatch(first):
        return True
    if _MARKDOWN_HEADING.match(first):
        return True
    return (
        len(line) == 1
        and bool(_NUMBERED_TITLE.match(first))
        and len(first.split()) <= 12
        and ends_mid_sentence(first)
    )


@dataclass
class PageArtifacts:
    page_numbers: int = 0
    headers: Counter[str] = field(default_factory=Counter)


def _is_page_number(line: Line) -> bool:
    return len(line) == 1 and bool(_PAGE_NUMBER.fullmatch(line[0]))


def _could_be_running_header(line: Line) -> bool:
    if len(line) != 1:
        return False
    text = line[0]
    return (
        len(text) < HEADER_MAX_CHARS
        and len(_LETTER.findall(text)) >= 4
        and text[-1] not in TERMINAL_PUNCTUATION + ","
        and not text.startswith((BULLET, "-", "*"))
        and not is_item_heading(line)
    )


def _near_page_break(lines: list[Line], index: int, reach: int = 3) -> bool:
    """True when a page break (or either end of the text) is within ``reach`` content lines."""
    for step in (-1, 1):
        seen = 0
        position = index + step
        while 0 <= position < len(lines):
            if lines[position] == PAGE_BREAK:
                return True
            if lines[position]:
                seen += 1
                if seen > reach:
                    break
            position += step
        else:
            return True
    return False


def drop_page_artifacts(lines: list[Line]) -> tuple[list[Line], PageArtifacts]:
    """Replace bare page numbers and running headers/footers by page breaks.

    A running header is a short line repeated verbatim at least ``HEADER_MIN_REPEATS``
    times; its first occurrence stays when it is the first line of the document (the
    title). When the text marks its page breaks, only lines next to them count.
    """
    found = PageArtifacts()
    counts = Counter(line for line in lines if _could_be_running_header(line))
    repeated = {line for line, count in counts.items() if count >= HEADER_MIN_REPEATS}
    if PAGE_BREAK in lines and repeated:
        near = Counter(
            line
            for index, line in enumerate(lines)
            if line in repeated and _near_page_break(lines, index)
        )
        repeated = {line for line in repeated if near[line] >= 2}
    first_content = next((index for index, line in enumerate(lines) if is_content(line)), -1)
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if _is_page_number(line):
            found.page_numbers += 1
            kept.append(PAGE_BREAK)
        elif line in repeated and index != first_content:
            found.headers[line[0]] += 1
            kept.append(PAGE_BREAK)
        else:
            kept.append(line)
    return kept, found


@dataclass
class Joins:
    broken_lines: int = 0
    hyphenated_words: int = 0


def starts_as_continuation(text: str) -> bool:
    """True when a line starts like the rest of a sentence (lower case, not a list marker)."""
    return text[:1].islower() and not _LOWER_LIST_MARKER.match(text)


def _continues(previous: Line, line: Line) -> bool:
    """True when ``line`` carries on the sentence that ``previous`` left unfinished."""
    return len(line) == 1 and starts_as_continuation(line[0]) and ends_mid_sentence(previous[-1])


def _join(previous: Line, continuation: str, joins: Joins) -> Line:
    merged, dehyphenated = join_continuation(previous[-1], continuation)
    if dehyphenated:
        joins.hyphenated_words += 1
    else:
        joins.broken_lines += 1
    return (*previous[:-1], merged)


def join_broken_lines(lines: list[Line]) -> tuple[list[Line], Joins]:
    """Rejoin sentences broken across lines, blank lines or page breaks; collapse blank runs.

    A line is joined to the one before when it is a single cell starting with a lower-case
    letter and the one before ends without sentence-final punctuation; at most
    ``MAX_JOIN_BLANKS`` blank lines may lie between, or any number around a page break.
    A word hyphenated at the line end is rejoined without its hyphen. Page breaks go.
    Blank runs become one blank line, except before a line left unjoined because of a
    longer gap: that gap stays longer than ``MAX_JOIN_BLANKS``.
    """
    joins = Joins()
    out: list[Line] = []
    blanks = 0
    page_break = False
    for line in lines:
        if line == PAGE_BREAK:
            page_break = True
            continue
        if not line:
            blanks += 1
            continue
        continues = bool(out) and _continues(out[-1], line)
        if continues and (blanks <= MAX_JOIN_BLANKS or page_break):
            out[-1] = _join(out[-1], line[0], joins)
        else:
            if continues and not page_break:
                # Keep the long gap visible, so cleaning again does not join across it.
                out.extend([()] * (MAX_JOIN_BLANKS + 1))
            elif out and blanks:
                out.append(())
            out.append(line)
        blanks = 0
        page_break = False
    return out, joins
