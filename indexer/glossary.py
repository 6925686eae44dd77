"""Glossary acronyms in text: by their code ("MARAC") or by their long form.

The acronyms are the database's glossary (``records.glossary``: the ``acronyms`` table,
which holds the curated base and every "Long Form (ABBR)" a document defined). A code counts when it
is written as a word in the same case ("MARAC", "MARAC's", "MARACs", "DA-related";
not "Da" or "data"). A long form counts whatever its case, hyphens or spacing
("multi-agency risk assessment conference" = "Multi Agency Risk Assessment
Conference"). A code that is also a theme also counts by the theme's name
("Domestic Abuse" -> DA).

``phrase_words`` and ``AcronymMatcher`` are shared with the query side, so that a
query and a document are matched by the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from records.glossary import AcronymForms, load_glossary, stored_acronyms

# Words for long-form matching: split at spaces, hyphens, slashes and punctuation.
_WORD = re.compile(r"\w+(?:['&]\w+)*")


@dataclass(frozen=True)
class WordSpan:
    """A word of a text and where it is: ``text[start:end] == word`` (before lower-casing)."""

    word: str
    start: int
    end: int


@dataclass(frozen=True)
class LongFormMatch:
    """A long form found in a text: ``text[start:end]`` means ``code``."""

    code: str
    start: int
    end: int


def word_spans(text: str) -> list[WordSpan]:
    """The words of ``text`` (typographic apostrophes made plain), with their positions."""
    plain = text.replace("’", "'")
    return [WordSpan(m.group(), m.start(), m.end()) for m in _WORD.finditer(plain)]


def phrase_words(text: str) -> tuple[str, ...]:
    """Lower-cased words of a phrase, hyphen/space/punctuation insensitive.

    ``phrase_words("Multi-Agency  Risk") == ("multi", "agency", "risk")``.
    """
    return tuple(w.word.lower() for w in word_spans(text))


def normalise_phrase(text: str) -> str:
    """A phrase as one comparable string: ``"multi agency risk assessment conference"``."""
    return " ".join(phrase_words(text))


class AcronymMatcher:
    """Finds glossary acronyms in text by code or long form."""

    def __init__(self, terms: Iterable[AcronymForms]) -> None:
        self._terms: dict[str, AcronymForms] = {}
        self._by_upper: dict[str, str] = {}
        self._forms: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for term in terms:
            if not term.code:
                continue
            self._terms[term.code] = term
            self._by_upper.setdefault(term.code.upper(), term.code)
            for form in term.long_forms:
                words = phrase_words(form)
                if len(words) < 2:
                    continue  # one word is no long form, and would match too widely
                self._forms.setdefault(words[0], []).append((words, term.code))
        for candidates in self._forms.values():
            candidates.sort(key=lambda c: -len(c[0]))

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._terms)

    def signature(self) -> dict[str, list[str]]:
        """Code -> its long forms as matched (normalised, sorted): what documents depend on."""
        forms: dict[str, set[str]] = {code: set() for code in self._terms}
        for candidates in self._forms.values():
            for words, code in candidates:
                forms[code].add(" ".join(words))
        return {code: sorted(forms[code]) for code in sorted(forms)}

    def changed_codes(self, recorded: Mapping[str, Sequence[str]] | None) -> set[str]:
        """Codes added, removed or given other long forms since ``recorded`` (a signature)."""
        current = self.signature()
        before = {code: sorted(forms) for code, forms in (recorded or {}).items()}
        return {c for c in current.keys() | before.keys() if current.get(c) != before.get(c)}

    def term(self, code: str) -> AcronymForms | None:
        return self._terms.get(code)

    def code_for(self, word: str) -> str | None:
        """The glossary code a word names, in any case: ``"marac"`` -> ``"MARAC"``."""
        return self._by_upper.get(word.upper())

    def code_for_phrase(self, phrase: str) -> str | None:
        """The code whose long form is exactly ``phrase`` (case/hyphen/space insensitive)."""
        words = phrase_words(phrase)
        for form, code in self._forms.get(words[0] if words else "", ()):
            if form == words:
                return code
        return None

    def long_forms_in(self, text: str) -> list[LongFormMatch]:
        """Long forms in ``text``, left to right; where two overlap, the longer wins."""
        return self._long_forms(word_spans(text))

    def codes_in(self, text: str) -> list[str]:
        """Codes written as words in ``text`` (case-sensitive), in order of first mention."""
        return self._codes(word_spans(text))

    def find(self, *texts: str) -> list[str]:
        """Every code ``texts`` mention, by code or long form, sorted.

        The same codes as ``codes_in`` and ``long_forms_in`` give, read from the words
        alone (no positions): indexing asks this of every record's text."""
        codes: set[str] = set()
        for text in texts:
            words = _WORD.findall(text.replace("’", "'"))
            for word in set(words):
                code = self._code_written(word)
                if code is not None:
                    codes.add(code)
            if self._forms:
                codes.update(self._long_form_codes([w.lower() for w in words]))
        return sorted(codes)

    def _long_form_codes(self, words: Sequence[str]) -> Iterator[str]:
        """The codes of the long forms in lower-cased ``words``, as ``_long_forms`` finds them."""
        forms = self._forms
        i, count = 0, len(words)
        while i < count:
            candidates = forms.get(words[i])
            if candidates:
                match = self._form_at(words, i)
                if match is not None:
                    yield match[1]
                    i += match[0]
                    continue
            i += 1

    def _long_forms(self, spans: Sequence[WordSpan]) -> list[LongFormMatch]:
        lowered = [s.word.lower() for s in spans]
        found: list[LongFormMatch] = []
        i = 0
        while i < len(spans):
            match = self._form_at(lowered, i)
            if match is None:
                i += 1
                continue
            length, code = match
            found.append(LongFormMatch(code, spans[i].start, spans[i + length - 1].end))
            i += length
        return found

    def _codes(self, spans: Sequence[WordSpan]) -> list[str]:
        found: dict[str, None] = {}
        for span in spans:
            code = self._code_written(span.word)
            if code is not None:
                found.setdefault(code)
        return list(found)

    def _code_written(self, word: str) -> str | None:
        if word in self._terms:
            return word
        bare = word[:-2] if word.endswith("'s") else word  # a possessive: "MARAC's"
        if bare in self._terms:
            return bare
        if bare.endswith("s") and bare[:-1] in self._terms and bare[:-1].isupper():
            return bare[:-1]  # a plural: "MARACs"
        return None

    def _form_at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        for form, code in self._forms.get(words[i], ()):
            if tuple(words[i : i + len(form)]) == form:
                return len(form), code
        return None


async def load_matcher(session: AsyncSession) -> AcronymMatcher:
    """A matcher of the acronyms in the database."""
    return AcronymMatcher(stored_acronyms(await load_glossary(session)))
