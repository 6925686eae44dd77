"""Sentence and word helpers shared by the cleaning steps."""

from __future__ import annotations

import re
from collections import Counter

TERMINAL_PUNCTUATION = ".?!:;"
CLOSERS = "\"'”’)]»"

# A sentence ends at . ? or ! (maybe followed by closing quotes or brackets) when the next
# word starts like a sentence: a capital, a digit, an opening quote or bracket.
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences; joining them with single spaces gives it back."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        end = match.start()
        closing = match.group(0).rstrip()
        piece = text[start : end + len(closing)].strip()
        if piece:
            parts.append(piece)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def strip_break_hyphen(text: str) -> str:
    """Drop a hyphen left where a word was cut at a line end ("prosecu-")."""
    if len(text) >= 2 and text[-1] == "-" and text[-2].isalpha():
        return text[:-1]
    return text


def sentence_key(text: str) -> str:
    """Case-folded text with single spaces: the form compared when looking for copies."""
    return strip_break_hyphen(" ".join(text.casefold().split()))


def join_continuation(text: str, continuation: str) -> tuple[str, bool]:
    """``text`` carried on by ``continuation``; True when a line-end hyphen was removed."""
    if continuation[:1].islower() and strip_break_hyphen(text) != text:
        return text[:-1] + continuation, True
    return f"{text} {continuation}", False


def words(text: str) -> list[str]:
    """Case-folded words without punctuation (numbers count as words)."""
    return _WORD.findall(text.casefold())


def ends_mid_sentence(text: str) -> bool:
    """True when the text does not end with sentence-final punctuation.

    Read from the end: only as much of a long text as its closing spaces and brackets.
    """
    chars = 64
    while True:
        end = text[-chars:]
        stripped = end.rstrip().rstrip(CLOSERS)
        if stripped or len(end) == len(text):
            return not stripped or stripped[-1] not in TERMINAL_PUNCTUATION
        chars *= 4


def starts_mid_sentence(text: str) -> bool:
    """True when the text starts with a lower-case letter or with closing punctuation."""
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ".,;:?!)]}")


def is_cut(text: str) -> bool:
    """True when the text looks cut out of a longer passage at either end."""
    return starts_mid_sentence(text) or ends_mid_sentence(text)


# What makes two sentences of the same words say different things.
_NEGATIONS = frozenset(
    ("not", "no", "never", "nor", "none", "nothing", "neither", "cannot", "without")
)
_CALENDAR = frozenset(
    (
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    )
)  # fmt: skip
_EDGE_PUNCTUATION = "\"'“”‘’()[]{},;:.!?…-–—*•"


def _fact(word: str, position: int) -> str | None:
    """The fact a word states, as compared (None for an ordinary word)."""
    lower = word.casefold()
    if any(char.isdigit() for char in word):
        return lower
    if lower in _NEGATIONS or lower.endswith(("n't", "n’t")):
        return "not"
    if lower in _CALENDAR:
        return lower
    if word[0].isupper() and (position > 0 or any(char.isupper() for char in word[1:])):
        return word
    return None


def facts(text: str) -> Counter[str]:
    """The figures, names, dates and negations of a sentence, each as written.

    Two sentences whose facts differ never copy each other, however many words they
    share: "risen by 55.1%" is not "risen by 39.8%", "the PCC" is not "the DCC", "was
    not" is not "was". Names are the capitalised words after the first; a first word is
    a name only when it is in capitals or holds one after its first letter ("DCC").
    """
    found: Counter[str] = Counter()
    for position, token in enumerate(text.split()):
        word = token.strip(_EDGE_PUNCTUATION)
        fact = _fact(word, position) if word else None
        if fact is not None:
            found[fact] += 1
    return found


def skeleton(text: str) -> str:
    """The sentence's words with each fact replaced by "#" and negations left out:
    sentences that differ only in their figures, names, dates or negations have the same
    skeleton."""
    parts: list[str] = []
    for position, token in enumerate(text.split()):
        word = token.strip(_EDGE_PUNCTUATION)
        fact = _fact(word, position) if word else None
        if fact != "not":
            parts.append(token.casefold() if fact is None else "#")
    return " ".join(parts)
