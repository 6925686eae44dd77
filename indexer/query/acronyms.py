"""The glossary as queries need it: a word naming an acronym, a run of words spelling a
long form, a theme named by its code, name or alias."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from indexer.glossary import phrase_words
from records.glossary import AcronymForms, GlossaryEntry


def _stem_key(word: str) -> str:
    return word.lower().rstrip("s")


class AcronymTable:
    """The glossary as the query side needs it: code lookup and long-form matching.

    A code is recognised in any case ("marac"), except a code that is itself an ordinary
    word of its own name (HATE for "Hate Crime", VICTIMS for "Victims"): that one only
    when written in capitals. Long forms are the entry's name and, for acronyms that are
    not themes, its aliases (spelling variants); theme aliases are topics, not synonyms.
    Only long forms of two or more words are matched in queries.
    """

    def __init__(self, entries: Iterable[GlossaryEntry]) -> None:
        self._codes: dict[str, AcronymForms] = {}
        self._any_case: set[str] = set()  # codes named by a query word in any case
        self._long: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._themes: dict[str, str] = {}
        for entry in entries:
            code = entry.code.strip()
            if not code:
                continue
            forms = [entry.name, *(() if entry.is_theme else entry.aliases)]
            name_words = {_stem_key(w) for w in phrase_words(entry.name)}
            acronym = AcronymForms(
                code=code, long_forms=tuple(f for f in forms if len(phrase_words(f)) >= 2)
            )
            self._codes[code.lower()] = acronym
            if _stem_key(code) in name_words:
                self._any_case.discard(code)
            else:
                self._any_case.add(code)
            for form in acronym.long_forms:
                words = phrase_words(form)
                self._long.setdefault(words[0], []).append((words, code))
            if entry.is_theme:
                for label in (code, entry.name, *entry.aliases):
                    self._themes.setdefault(" ".join(phrase_words(label)), code)
        for candidates in self._long.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def code_for_word(self, word: str) -> AcronymForms | None:
        """The acronym a query word names, if any ("MARAC", "marac", but "hate" is not HATE)."""
        acronym = self._codes.get(word.lower())
        if acronym is None:
            return None
        if acronym.code in self._any_case or word == acronym.code:
            return acronym
        return None

    def acronym(self, code: str) -> AcronymForms | None:
        return self._codes.get(code.lower())

    def long_form_codes(self, words: Sequence[str]) -> tuple[str, ...]:
        """The codes whose long form is exactly ``words`` (normalised); usually one."""
        wanted = tuple(words)
        if not wanted:
            return ()
        return tuple(code for form, code in self._long.get(wanted[0], ()) if form == wanted)

    def match_run(
        self, parts: Sequence[tuple[str, ...]], start: int
    ) -> tuple[tuple[str, ...], int] | None:
        """The longest long form made of whole query words from ``start``: (codes, end)."""
        if start >= len(parts) or not parts[start]:
            return None
        for form, _ in self._long.get(parts[start][0], ()):
            consumed: list[str] = []
            end = start
            while end < len(parts) and len(consumed) < len(form):
                consumed.extend(parts[end])
                end += 1
            if tuple(consumed) == form:
                return self.long_form_codes(form), end
        return None

    def theme_code(self, value: str) -> str:
        """A theme code for a code, name or alias ("domestic abuse" -> "DA")."""
        key = " ".join(phrase_words(value))
        return self._themes.get(key, value.strip().upper().replace(" ", "_"))
