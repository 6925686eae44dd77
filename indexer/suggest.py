""" "Did you mean": a likely spelling for query words the index barely knows.

Candidates come from the index's own words (the ``exact`` field: words as written,
lower-cased), within one edit for short words and two for longer ones, sharing the
first letter. A word is corrected when the index does not know it (then any known
candidate will do) or it is rare (fewer than ``RARE`` documents) and a candidate is
clearly more common; the suggestion is the query string with the
corrected words put back in the case they were typed in ("MARAK" -> "MARAC").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein
from whoosh.reading import IndexReader

from indexer.query import EXACT_FIELD, QueryWord

RARE: Final = 3  # a word in fewer documents than this may be a misspelling
MIN_LENGTH: Final = 3  # shorter words are left alone
MAX_CANDIDATES: Final = 200


def suggest(reader: IndexReader, query: str, words: Sequence[QueryWord]) -> str | None:
    """The query with likely misspellings corrected, or None when nothing needs it."""
    replacements: list[tuple[QueryWord, str]] = []
    for word in words:
        better = correct_word(reader, word.text)
        if better is not None:
            replacements.append((word, better))
    if not replacements:
        return None
    out = query
    for word, better in sorted(replacements, key=lambda r: -r[0].start):
        out = out[: word.start] + better + out[word.end :]
    return out if out != query else None


def correct_word(reader: IndexReader, typed: str) -> str | None:
    """A more common spelling of ``typed`` from the index, in the case it was typed in."""
    word = typed.strip(".,;:!?'\"()").lower()
    if len(word) < MIN_LENGTH or not word.isalpha():
        return None
    frequency = _doc_frequency(reader, word)
    if frequency >= RARE:
        return None
    maxdist = 1 if len(word) <= 4 else 2
    best: tuple[int, int, str] | None = None
    for i, candidate in enumerate(reader.terms_within(EXACT_FIELD, word, maxdist, prefix=1)):
        if i >= MAX_CANDIDATES:
            break
        candidate = str(candidate)
        if candidate == word or not candidate.isalpha():
            continue
        count = _doc_frequency(reader, candidate)
        if count < (max(RARE, 5 * frequency) if frequency else 1):
            continue
        distance = DamerauLevenshtein.distance(word, candidate)
        rank = (distance, -count, candidate)
        if best is None or rank < best:
            best = rank
    if best is None:
        return None
    return _same_case(typed.strip(".,;:!?'\"()"), best[2])


def _doc_frequency(reader: IndexReader, word: str) -> int:
    try:
        return reader.doc_frequency(EXACT_FIELD, word)
    except (KeyError, ValueError):
        return 0


def _same_case(typed: str, word: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
