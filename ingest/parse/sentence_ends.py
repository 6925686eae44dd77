"""Where a sentence of minutes ends: a full stop that no abbreviation or initial explains,
followed by a capital, a bracket, a bullet or a figure ("Supt. Hale" and "K. Ridsdale"
run on; "... closed. The Chair" ends)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.parse.scan import word_ending_at

__all__ = ["sentence_end", "sentences"]

_ABBREVIATIONS = {"supt", "no", "mr", "mrs", "ms", "dr", "st", "eg", "ie", "etc", "ch", "det",
                  "insp", "sgt", "approx", "vs", "cllr", "prof", "nos", "para", "ref"}  # fmt: skip
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))
_FULL_STOP = re.compile(r"[.!?](?=[\"')\]]*(?:\s|$))")
_NOT_SPACE = re.compile(r"\S")


def sentence_end(text: str, start: int, limit: int) -> int:
    """Offset just after the sentence that runs from ``start`` (``limit`` if it does not end)."""
    for match in _FULL_STOP.finditer(text, start, limit):
        end = match.end()
        word = word_ending_at(text, start, end - 1)
        # Lower case is never shorter: a longer word is no abbreviation.
        token = word.lower() if len(word) <= _LONGEST_ABBREVIATION else word
        if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token.isupper()):
            continue
        following = _NOT_SPACE.search(text, end, limit)
        first = following.group() if following else ""
        if not first or first.isupper() or first in "(\"'•-0123456789":
            while end < limit and text[end] in "\"')]":
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
