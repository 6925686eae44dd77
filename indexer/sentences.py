"""Where a stored text's sentences begin and end, and where its body starts after the title.

Passages are cut at sentence ends so that they read as the minutes do. A line is
always a sentence end (the index keeps a record's parts one to a line); inside a
line a sentence ends at ``.``, ``!`` or ``?`` (and any closing quotes or brackets)
followed by white space and a capital, a digit or an opening quote or bracket,
unless the word before the stop is a short abbreviation ("Mr.", "Supt.") or an
initial ("J. Hale"). ``ingest`` reads sentences for its own purposes; the index may
not import it, and this reader only has to find good places to cut.
"""

from __future__ import annotations

import re
from typing import Final

Span = tuple[int, int]

ABBREVIATIONS: Final = frozenset(
    {"supt", "no", "mr", "mrs", "ms", "dr", "st", "eg", "ie", "etc", "ch", "det", "insp"}
    | {"sgt", "approx", "vs", "cllr", "prof", "nos", "para", "ref", "cf", "ca", "inc"}
)
_LINE: Final = re.compile(r"[^\n]+")
_STOP: Final = re.compile(r"[.!?][\"')\]’”]*(?=\s+[\"'(\[“‘]?[A-Z0-9£•])")
_WORD_BEFORE: Final = re.compile(r"(\w+)\.?$")
# What may stand between a title and the rest of its text ("Action 2: ..." after "Action 2").
_SEPARATOR: Final = re.compile(r"[\s:;,.\-–—]*")


def sentence_spans(text: str) -> list[Span]:
    """Every sentence of ``text`` as (start, end), without the white space around it."""
    found: list[Span] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for stop in _STOP.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, start, stop.start()):
                continue
            found.append(_trimmed(text, start, stop.end()))
            start = stop.end()
        found.append(_trimmed(text, start, line.end()))
    return [(s, e) for s, e in found if s < e]


def body_start(text: str, title: str) -> int:
    """Where ``text`` goes on after ``title`` when it opens with it (and any separator
    after it: a colon, a dash, white space); 0 otherwise."""
    title = title.strip()
    stripped = len(text) - len(text.lstrip())
    if not title or not text.startswith(title, stripped):
        return 0
    end = stripped + len(title)
    if end < len(text) and text[end].isalnum() and title[-1].isalnum():
        return 0  # the title is only the start of a longer first word
    separator = _SEPARATOR.match(text, end)
    return separator.end() if separator else end


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` follows an abbreviation or an initial."""
    if text[stop] != ".":
        return False
    word = _WORD_BEFORE.search(text, start, stop + 1)
    if word is None:
        return False
    before = word.group(1)
    return (len(before) == 1 and before.isupper()) or before.lower() in ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
