"""Where a sentence of minutes ends and what opens a line: the one place the parser says so.

``sentence_end`` and ``sentences`` are the sentences of minutes: a full stop that no
abbreviation explains, followed by a capital, a bracket, a bullet or a figure ("Supt.
Hale" runs on; "... closed. The Chair" ends). ``ABBREVIATIONS``
and ``is_abbreviation`` say which words a full stop does not end a sentence after.

Some readers need other ends, each for a reason given where it is defined:
``figure_sentences`` (the figures' reader, which also breaks before "£" and after curly
quotes), ``first_sentence`` and ``sentence_count`` (every full stop, for titles),
``NAME_LIST_END``, ``ATTENDANCE_LIST_END`` and ``ATTENDANCE_SENTENCE_END`` (names, whose
initials are upper case, so a stop after lower-case letters ends them). ``LINE_LEAD`` and
``FIGURE_LINE_LEAD`` are what opens a numbered or bulleted line before its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.parse.scan import word_ending_at

__all__ = [
    "ABBREVIATIONS",
    "ATTENDANCE_LIST_END",
    "ATTENDANCE_SENTENCE_END",
    "FIGURE_LINE_LEAD",
    "LINE_LEAD",
    "NAME_LIST_END",
    "figure_sentences",
    "first_sentence",
    "is_abbreviation",
    "sentence_count",
    "sentence_end",
    "sentences",
]

ABBREVIATIONS = frozenset({"supt", "no", "mr", "mrs", "ms", "dr", "st", "eg", "ie", "etc", "ch",
    "det", "insp", "sgt", "approx", "vs", "cllr", "prof", "nos", "para", "ref"})  # fmt: skip
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS))
_FULL_STOP = re.compile(r"[.!?](?=[\"')\]]*(?:\s|$))")
_CLOSERS = "\"')]"
_NOT_SPACE = re.compile(r"\S")


def is_abbreviation(word: str) -> bool:
    """Whether a full stop after ``word`` leaves the sentence going on ("Supt.", "para.")."""
    # Lower case is never shorter: a longer word is no abbreviation.
    return (word.lower() if len(word) <= _LONGEST_ABBREVIATION else word) in ABBREVIATIONS


def sentence_end(text: str, start: int, limit: int) -> int:
    """Offset just after the sentence that runs from ``start`` (``limit`` if it does not end)."""
    for match in _FULL_STOP.finditer(text, start, limit):
        end = match.end()
        if is_abbreviation(word_ending_at(text, start, end - 1)):
            continue
        following = _NOT_SPACE.search(text, end, limit)
        first = following.group() if following else ""
        if not first or first.isupper() or first in "(\"'•-0123456789":
            while end < limit and text[end] in _CLOSERS:
                end += 1
            return end
    return limit


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as (start, end) offsets, outer spaces left out."""
    position = start
    while position < end:
        while position < end and text[position].isspace():
            position += 1
        if position >= end:
            return
        stop = sentence_end(text, position, end)
        last = stop
        while last > position and text[last - 1].isspace():
            last -= 1
        yield position, last
        position = stop


# --- figures ---------------------------------------------------------------------------------

# Figures' sentences also end after curly quotes and before "£", an opening quote or "[":
# "... was agreed.” £2.1m was saved" is two. ``sentence_end`` was tuned on action text and
# does neither; the two are kept apart so that neither reader's output moves.
_FIGURE_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£•])")
_WORD_RUN = re.compile(r"\w+")


class _LastWords:
    r"""The last word before each of increasing positions of ``text``, as
    ``re.search(r"(\w+)\W*$", text[:position])`` finds it, reading ``text`` once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._runs = _WORD_RUN.finditer(text)
        self._next = next(self._runs, None)
        self._last: re.Match[str] | None = None

    def before(self, position: int) -> str:
        while self._next is not None and self._next.start() < position:
            self._last, self._next = self._next, next(self._runs, None)
        if self._last is None:
            return ""
        return self._text[self._last.start() : min(self._last.end(), position)]


def figure_sentences(body: str) -> Iterator[tuple[int, int]]:
    """The sentences of one table cell or line as the figures' reader parts them: (start,
    end) offsets in ``body``, the space between sentences left out, outer space kept."""
    start = 0
    words = _LastWords(body)
    for match in _FIGURE_SENTENCE_BREAK.finditer(body):
        if is_abbreviation(words.before(match.start())):
            continue
        yield start, match.start()
        start = match.end()
    yield start, len(body)


# --- titles ----------------------------------------------------------------------------------


def first_sentence(text: str) -> str:
    """``text`` up to its first full stop (with the quotes or brackets closing it).

    Every full stop counts, an abbreviation's too: an item's title is cut where the item
    parser has always cut it, so titles do not move."""
    match = _FULL_STOP.search(text)
    if match is None:
        return text.strip()
    end = match.end()
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return text[:end].strip()


def sentence_count(text: str) -> int:
    """How many full stops end sentences in ``text`` (at least 1 if it has words), every
    stop counted as ``first_sentence`` counts them."""
    stripped = text.strip()
    return sum(1 for _ in _FULL_STOP.finditer(stripped)) or (1 if stripped else 0)


# --- lists of names --------------------------------------------------------------------------

# In a list of names an initial ("K. Ridsdale") is upper case, so a stop after lower-case
# letters ends the list; a title's stop ("Cllr. Jo Hale") does not.
_AFTER_NO_TITLE = "".join(
    rf"(?<!\b{title})" for title in ("Cllr", "Mrs", "Prof", "Revd", "Supt", "Insp", "Cmdr", "Det")
)
NAME_LIST_END = re.compile(rf"(?<=[a-z]{{3}}){_AFTER_NO_TITLE}\.\s+(?=[A-Z])")
"""Where an inline list of names stops: "A Smith, B Jones. The Chair welcomed ..."."""

ATTENDANCE_LIST_END = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")
"""Where the names of an attendance line give way to a sentence: a bulleted entry ("•
Councillor Ken Carter, Rye Council. Councillor Alan Webb was in attendance ..."), or the
names before a prose sentence ("... from Cllr Jo Hale. In addition, Mrs Ann Bell ...").
Unlike ``NAME_LIST_END`` a title's stop ends it too ("Cllr. Jo"); kept as it was, since
which lines are read as lists of people rests on it."""

ATTENDANCE_SENTENCE_END = re.compile(
    r"(?<=[a-z0-9)]{2})(?<!\bMrs)(?<!\bCllr)(?<!\bProf)(?<!\bSupt)(?<!\bRevd)[.!?]\s+(?=\S)"
)
"""Where a sentence stating attendance ends ("... sent apologies. Cllr Hale joined ..."):
after two lower-case letters, digits or a bracket, and before whatever starts the next,
since each sentence is read on its own rather than as the rest of a list."""


# --- line leads ------------------------------------------------------------------------------

_HEADING_MARK = r"\s*(?:#{1,6}\s*)?"
BULLET = r"[-–*+•●▪◦·‣⁃]"
"""A bullet opening a line: a hyphen or an en dash as well as the bullet characters."""
_BULLET_AND_EMPHASIS = rf"(?:{BULLET}\s*)?(?:\*\*|__)?\s*"

LINE_LEAD = re.compile(
    _HEADING_MARK + r"(?:(?:Item\s+)?\d{1,2}(?:\.\d{1,2})*[.)]?\s+|[a-z][.)]\s+"
    r"|\([a-z0-9]{1,3}\)\s+|[ivx]{1,4}[.)]\s+)?" + _BULLET_AND_EMPHASIS
)
"""What may stand before a marker at the start of a line: a heading mark, an item number
("2.1", "Item 3", "(b)", "iv."), a bullet, emphasis."""

FIGURE_LINE_LEAD = re.compile(
    _HEADING_MARK
    + r"(?:Item\s+\d{1,2}[.:]?\s+|\d{1,2}(?:\.\d{1,2})+[.)]?\s+|\d{1,2}[.)]\s+|\d{1,2}\t+)?"
    # (a dash before a digit is the figure's sign: "–12%")
    + rf"(?:{BULLET}(?!\d)\s*)?(?:\*\*|__)?\s*"
)
"""``LINE_LEAD`` for the figures' reader: a number is a lead only with its stop, its
"Item" or a tab, since a bare number opening a line may be the figure ("45 officers were
..."); lettered and roman leads stay in the sentence a figure quotes."""
