"""What a figure's label measures, as words that can be compared across meetings.

Minutes word one measure many ways: "Domestic abuse cases with supervisory input",
"DA cases with supervisory input", "the proportion of DA cases with supervisory input".
``measure_of`` reduces a label to its words: acronyms of the curated glossary written
out ("DA" is "domestic abuse"), years and joining words dropped, words that only say a
figure is a share or a count ("proportion", "number") dropped, the rest stemmed
("answered" and "answer" are one word) and sorted. Two labels with the same words
measure the same thing; ``closeness`` says how near two different sets of words are.

Only the glossary shipped with the project is used (never the acronyms documents
define), so a label's words never depend on which files were ingested before it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from whoosh.lang import porter

from ingest.parse.themes import load_base_glossary

# The Porter stemmer, as the search index stems words.
stem: Callable[[str], str] = porter.stem


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that join or qualify without saying what is measured.
_STOP: Final = _words(
    "a an the of for to in on at by with and or from as into within than per is are was were "
    "be been being had has have its their this that these those which who it all"
)
# Words that say a figure is a share, a count or a level, whatever it measures.
_FILLER: Final = _words(
    "proportion proportions percentage percentages percent share number numbers "
    "level levels figure figures total totals overall amount count counts"
)
# Negations, one word: "no supervisory input" and "without supervisory input" are one
# measure, and never the measure of "cases with supervisory input".
_NEGATION: Final = {"no": "no", "not": "no", "without": "no", "non": "no"}
# Stems that name no measure on their own: a label of these alone ("increase", "cases",
# "the force's target") is no series.
_GENERIC: Final = frozenset(
    stem(word)
    for word in _words(
        "case increase decrease rise fall reduction change force people person target measure "
        "cost set range running summer winter year month week quarter period trajectory "
        "standard expectation improvement performance population time average current new "
        "additional other further more less remaining gap area data work record item action "
        "post national local rest part place"
    )
)
# "2022", "2023/24", "2022-23": when, not what.
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"[A-Za-z&]+|\d+(?:\.\d+)?")
_POSSESSIVE = re.compile(r"['’]s\b|['’]")


@dataclass(frozen=True)
class Measure:
    """A label's words (stems, sorted) and those of them that say what is measured."""

    words: frozenset[str]
    content: frozenset[str]

    @property
    def key(self) -> str:
        """The words as one string: equal keys, equal measures."""
        return " ".join(sorted(self.words))

    @property
    def negated(self) -> bool:
        return "no" in self.words


@functools.cache
def _acronyms() -> dict[str, str]:
    """Acronym -> its long form, from the curated glossary (capitals only)."""
    return {
        entry.code.upper(): entry.name
        for entry in load_base_glossary()
        if re.fullmatch(r"[A-Z&]{2,8}", entry.code)
    }


def _written_out(token: str) -> str:
    """An acronym written as it is in the glossary ("DA", "DVPNs"), else the token."""
    acronyms = _acronyms()
    if token.isupper() and token in acronyms:
        return acronyms[token]
    if token.endswith("s") and token[:-1].isupper() and token[:-1] in acronyms:
        return acronyms[token[:-1]]
    return token


@functools.lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The words of ``text`` as labels are compared (acronyms written out, years,
    joining and filler words dropped, negations as "no", the rest stemmed)."""
    text = _YEARS.sub(" ", _THOUSANDS.sub("", text))
    text = _POSSESSIVE.sub(" ", text)
    expanded = " ".join(_written_out(token) for token in _WORD.findall(text))
    words: set[str] = set()
    for token in _WORD.findall(expanded.replace("-", " ")):
        word = token.lower()
        if word in _NEGATION:
            words.add(_NEGATION[word])
        elif word in _STOP or word in _FILLER or word == "&":
            continue
        elif word[0].isdigit():
            words.add(word.removesuffix(".0"))
        else:
            words.add(stem(word))
    return frozenset(words)


@functools.lru_cache(maxsize=65536)
def measure_of(label: str) -> Measure | None:
    """The words of what ``label`` measures; None when they name no measure (only
    generic words, or none at all)."""
    words = words_of(label)
    content = frozenset(w for w in words if not w[0].isdigit() and w not in _GENERIC | {"no"})
    if not content:
        return None
    return Measure(words, content)


def closeness(a: Measure, b: Measure) -> float | None:
    """How near two different measures' words are (the share of their words in common),
    when one's words all stand in the other's and the shorter still names a measure;
    None when they are not near enough to be one measure worded two ways.

    "999 calls" and "999 calls answered" are near (2 of 3 words); "999 calls" and "101
    calls", "calls" and "999 calls answered", or "supervisory input" and "no supervisory
    input" are not.
    """
    if a.words == b.words:
        return 1.0
    shorter, longer = (a, b) if len(a.words) <= len(b.words) else (b, a)
    if not shorter.words < longer.words:
        return None
    if len(shorter.words) < 2 or not shorter.content:
        return None
    extra = longer.words - shorter.words
    if "no" in extra or any(w[0].isdigit() for w in extra):
        return None
    share = len(shorter.words) / len(longer.words)
    return share if share >= 0.5 else None
