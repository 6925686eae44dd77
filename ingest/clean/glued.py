"""Breaks a text extraction lost: words run together, headings run into the text before.

Text taken from some Word files and PDFs (and document-sharing sites' copies of them)
loses the breaks between a table's cells and between lines, so the last word of one cell
runs into the first of the next: "Colin WrigleyDenis Oldroyd (Chair)Mrs Ann Bell", "...
Conference Room1a. Attendance Attendance: Dr Jo Hale ... Tegan Marsh2. Introductions".
This step puts back what can be told safely:

* a space where a word in lower case runs into a capitalised word or a rank ("HaighMargaret",
  "LumbChief", "GriffT/ACC", "AuthorityACO") or a closing bracket into a capital
  ("(Chair)Mrs"). Names that carry a capital inside ("McKenna", "MacDonald", "DeVito",
  "LeBlanc"), forms led by one or two letters ("iPad", "MoUs") and acronyms with a plural
  ("PCCs") are no joins: the part before the capital must be a word of three letters or
  more that is no name prefix. A join counts only where the text shows it lost its breaks
  (two joins in the line, or ``DOCUMENT_MIN_JOINS`` in the document); not in a word among
  words in lower case (prose: "the SafeLives report"); and not in a word the document
  prints the same way twice (a brand: "WordPress"), unless a sentence opens after the
  capital ("ChairThe Chair welcomed ...");
* a line break before an item number run into the word before it ("Marsh2. Introductions",
  "introductions.3) Minutes") when the number before or after it heads an item in the same
  line; before an attendance label run into the name before it ("Iwan ParfittApologies:");
  and, in a line with such joins, before a label after a space ("Room1a. Attendance
  Attendance: Dr Jo Hale ...").

Only spaces and line breaks are added: no letter is removed or changed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.clean.lines import Line

# Joins in one document that show it lost its breaks, so a line with one join is split.
DOCUMENT_MIN_JOINS = 3
# The part of a word before a capital that is a name's own prefix, not a word of its own.
_NAME_PREFIXES = frozenset(
    ("mac", "fitz", "van", "von", "del", "della", "des", "dos", "das", "den", "der", "ter")
)
# A word in lower case run into a capitalised word or a rank with a slash ("T/ACC",
# "D/Supt"); a capitalised word also into an acronym ("AuthorityACO"). The word may follow
# another it is run into ("HorshamSafetyPartnership").
_WORD_JOIN = re.compile(
    r"(?:(?<![^\W\d_])(?P<lower>[a-z]{3,})|(?<![A-Z])(?P<capitalised>[A-Z][a-z]{2,}))"
    r"(?=[A-Z][a-z]+|[A-Z]{1,2}(?:/[A-Z][A-Za-z]*)+|(?(capitalised)[A-Z]{2,6}(?![\w/])|(?!)))"
)
# Words that open a sentence, never the second half of a name for a thing: a lead's name
# run into the minute beside it ("ChairThe Chair welcomed ...") is a join however often.
_SENTENCE_OPENERS = frozenset(
    ("The", "This", "That", "These", "Those", "There", "They", "It", "He", "She", "We")
)
_BRACKET_JOIN = re.compile(r"(?<=[A-Za-z]\))(?=[A-Z][a-z]|[A-Z]{2})")
_TOKEN = re.compile(r"\S+")
# What any join holds: a capital after a letter in lower case or a closing bracket.
_CAPITAL_INSIDE = re.compile(r"[a-z)][A-Z]")
_WORD = re.compile(r"[A-Za-z]+")
# A number run into the word or sentence before it, heading an item: "Marsh2. Intro ...",
# "welcomed all.3) Minutes" (not a reference in capitals: "(AP1) It was agreed").
_GLUED_NUMBER = re.compile(
    r"(?<=[a-z])(?:[.:;!?)](?=\d))?(?P<number>\d{1,2})(?P<letter>[a-z])?[.)]\s+(?=[A-Z])"
)
_DIGIT_AFTER_LETTER = re.compile(r"[a-z][.:;!?)]?\d")
_HEADING_NUMBER = re.compile(r"(?<![\d./])(?P<number>\d{1,2})(?P<letter>[a-z])?[.)]\s+(?=[A-Z])")
# An attendance label run on after a name or heading: "... Iwan ParfittApologies:Dr ...",
# "... (Chair)Also in attendance: ...", with the words that qualify it. Only where the
# line shows it lost its breaks may a space stand before the label.
_LABEL_QUALIFIERS = r"also|in|others?|main|members?|officers?|officials|panel|board|committee"
_RUN_ON_LABEL = re.compile(
    r"(?:(?<=[a-z]{2})|(?<=[a-z]\)))(?P<space> ?)(?=[A-Z])"
    rf"(?i:(?:(?:{_LABEL_QUALIFIERS})\s+){{0,3}}"
    r"(?:apologies(?:\s+for\s+absence)?|present|attendance|absent)\s*:)"
)
_QUALIFIER_BEFORE = re.compile(rf"\b(?i:{_LABEL_QUALIFIERS}) ?$")


@dataclass
class Unglued:
    """What the step put back: spaces between words and line breaks."""

    words: int = 0
    line_breaks: int = 0


def restore_breaks(lines: list[Line]) -> tuple[list[Line], Unglued]:
    """The lines with the spaces and line breaks the extraction lost put back."""
    text = "\n".join("\t".join(line) for line in lines)
    capitals = _CAPITAL_INSIDE.search(text) is not None
    if not capitals and _DIGIT_AFTER_LETTER.search(text) is None:
        return lines, Unglued()
    counts = Counter(_TOKEN.findall(text)) if capitals else Counter[str]()
    joins = [
        [_joins(cell, counts) if capitals and _CAPITAL_INSIDE.search(cell) else [] for cell in line]
        for line in lines
    ]
    total = sum(len(found) for line in joins for found in line)
    report = Unglued()
    out: list[Line] = []
    for line, found in zip(lines, joins, strict=True):
        in_line = sum(map(len, found))
        if not (in_line >= 2 or (in_line and total >= DOCUMENT_MIN_JOINS)):
            found = [[] for _ in line]
        breaks = _line_breaks(line[0], bool(found[0])) if len(line) == 1 else []
        report.words += sum(len(set(at) - set(breaks)) for at in found)
        report.line_breaks += len(breaks)
        if breaks:
            out.extend((piece,) for piece in _separate(line[0], found[0], breaks).split("\n"))
        else:
            out.append(tuple(_separate(cell, at, []) for cell, at in zip(line, found, strict=True)))
    return out, report


def _joins(cell: str, counts: Counter[str]) -> list[int]:
    """Where a space goes between two words run together in ``cell``."""
    found: list[int] = []
    for match in _WORD_JOIN.finditer(cell):
        left = match.group("lower") or match.group("capitalised")
        token_start = cell.rfind(" ", 0, match.start()) + 1
        token_end = cell.find(" ", match.end())
        token_end = len(cell) if token_end < 0 else token_end
        if left.casefold() in _NAME_PREFIXES:
            continue
        right = _WORD.match(cell, match.end())
        repeated = counts[cell[token_start:token_end]] > 1
        if repeated and (right is None or right.group() not in _SENTENCE_OPENERS):
            continue  # a name for a thing ("SafeLives", "WordPress")
        if _in_prose(cell[:token_start], cell[token_end:]):
            continue
        found.append(match.end())
    found.extend(match.start() for match in _BRACKET_JOIN.finditer(cell))
    return sorted(found)


def _in_prose(before: str, after: str) -> bool:
    """Whether a word stands among words in lower case ("the SafeLives report"), where a
    capital inside it is its own, not a join ("... for EssexJoanna Garside (JG)" is one)."""
    previous, following = before.split()[-1:], after.split()[:1]
    return (
        bool(previous)
        and previous[0][:1].islower()
        and not (following and following[0][:1].isupper())
    )


def _line_breaks(cell: str, joined: bool) -> list[int]:
    """Where a line break goes: before an item number run into the text before it, and
    before an attendance label run into the name before it (or run on after a space, in a
    line with words run together or a heading run in)."""
    found: list[int] = []
    glued = list(_GLUED_NUMBER.finditer(cell)) if _DIGIT_AFTER_LETTER.search(cell) else []
    if glued:
        numbers = [*_HEADING_NUMBER.finditer(cell), *glued]
        headings = {(int(match.group("number")), match.group("letter") or "") for match in numbers}
        found = [
            match.start("number")
            for match in glued
            if any(neighbour in headings for neighbour in _neighbours(match))
        ]
    flattened = joined or bool(found)
    if ":" not in cell or not (flattened or _CAPITAL_INSIDE.search(cell)):
        return found
    found.extend(
        match.start()
        for match in _RUN_ON_LABEL.finditer(cell)
        if (flattened or not match.group("space"))
        and not _QUALIFIER_BEFORE.search(cell, 0, match.start())
    )
    return sorted(set(found))


def _neighbours(match: re.Match[str]) -> set[tuple[int, str]]:
    """The numbers next to a heading's: "2" and "4" beside "3", "3b" beside "3a"."""
    number, letter = int(match.group("number")), match.group("letter") or ""
    found = {(number - 1, ""), (number + 1, "")}
    if letter:
        found |= {(number, chr(ord(letter) + 1)), (number, chr(ord(letter) - 1))}
    return found


def _separate(cell: str, spaces: list[int], breaks: list[int]) -> str:
    """``cell`` with a space at each of ``spaces`` and a line break at each of ``breaks``
    (which take the place of a space beside them)."""
    if not spaces and not breaks:
        return cell
    separators = {position: " " for position in spaces} | {position: "\n" for position in breaks}
    pieces: list[str] = []
    previous = 0
    for position in sorted(separators):
        separator = separators[position]
        piece = cell[previous:position]
        if separator == "\n":
            piece = piece.rstrip(" ")
            while cell[position : position + 1] == " ":
                position += 1
        pieces.extend((piece, separator))
        previous = position
    pieces.append(cell[previous:])
    return "".join(pieces)
