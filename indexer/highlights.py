"""Highlights: short fragments of a hit's stored text with the matched words in <mark>.

The text is analysed with the same analyzers as the index, so a stemmed query word
marks every form it matched ("referral" marks "Referrals"), a quoted phrase marks
its words only where they stand together, and prefix and fuzzy words mark the words
they expanded to. Acronyms the query expanded are marked by code and by long form
("MARAC" marks "Multi-Agency Risk Assessment Conference" too), so a hit found only
through the ``acronyms`` field still shows why. Everything outside the marks is
HTML-escaped (&, <, >; quotes are left as they are, which is safe in element text).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein
from whoosh.fields import Schema

from indexer.analysis import TOKEN_PATTERN
from indexer.cache import Cache
from indexer.engine import split_analyzer
from indexer.glossary import AcronymMatcher, word_spans
from indexer.query import AnalyzerKind, MarkSpec, field_analyzer
from indexer.sentences import body_start, sentence_spans

MAX_FRAGMENT_CHARS: Final = 200
MAX_FRAGMENTS: Final = 3
ELLIPSIS: Final = "…"

Span = tuple[int, int]
_SPACES = re.compile(r"\s+")
# Distinct words, and runs of non-space characters, remembered per analyzer (a run with
# its tokens takes about 0.5 kB).
MAX_REMEMBERED: Final = 200_000
MAX_REMEMBERED_RUNS: Final = 100_000


# A tokenizer's pattern, and a remembering word -> terms function.
_Plain = tuple[re.Pattern[str], Callable[[str], tuple[str, ...]]]
# A token of a run of non-space characters: the word, its span in the run, its terms.
_RunToken = tuple[str, int, int, tuple[str, ...]]


class _Runs:
    """Runs of non-space characters split into tokens, remembered; the runs remembered (a
    set, for set operations with a text's runs) and those that hold each term.

    A run read for marking is used; a text whose runs are all remembered reads none of
    the others. A text that brings new runs marks its remembered ones used before they
    are added, so adding them drops none of its own.
    """

    def __init__(self) -> None:
        self.tokens: Cache[str, tuple[_RunToken, ...]] = Cache(
            MAX_REMEMBERED_RUNS, on_drop=self._forget
        )
        self.held: set[str] = set()
        self.holding: dict[str, set[str]] = {}

    def add(self, run: str, tokens: tuple[_RunToken, ...]) -> None:
        self.tokens.put(run, tokens)
        self.held.add(run)
        for _, _, _, terms in tokens:
            for term in terms:
                self.holding.setdefault(term, set()).add(run)

    def _forget(self, run: str, tokens: tuple[_RunToken, ...]) -> None:
        self.held.discard(run)
        for _, _, _, terms in tokens:
            for term in terms:
                runs = self.holding.get(term)
                if runs is not None:
                    runs.discard(run)
                    if not runs:
                        del self.holding[term]


class WordTerms:
    """The index terms of a text's words with their character spans, as the schema's
    analyzers make them, remembering each distinct word's terms.

    The analyzers' filters look at one token at a time, so a word gives the same terms
    wherever it stands: the text is split with the analyzer's own tokenizer pattern and
    each word's terms are worked out once (per ``WordTerms``, kept per index generation).
    An analyzer that does not start with a plain ``RegexTokenizer`` is run whole.

    With ``TOKEN_PATTERN`` (no token holds white space, and the pattern looks at no
    character outside a token but the one after a number) the text is not tokenized
    whole either: its runs of non-space characters are, once per distinct run, and a
    hit's marked words are found from the runs that hold them.
    """

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._plains: dict[AnalyzerKind, _Plain | None] = {}
        self._runs: dict[AnalyzerKind, _Runs] = {}

    def tokens(self, kind: AnalyzerKind, text: str) -> list[tuple[str, int, int]]:
        """(term, start, end) for every term of ``text``, in order."""
        plain = self._plain(kind)
        if plain is None:
            return self._analysed(kind, text)
        expression, terms_of = plain
        found: list[tuple[str, int, int]] = []
        for match in expression.finditer(text):
            for term in terms_of(match.group(0)):
                found.append((term, match.start(), match.end()))
        return found

    def terms(self, kind: AnalyzerKind, text: str) -> set[str]:
        """Every distinct term of ``text``."""
        plain = self._plain(kind)
        if plain is None:
            return {term for term, _, _ in self._analysed(kind, text)}
        expression, terms_of = plain
        return {term for word in _distinct_words(expression, text) for term in terms_of(word)}

    def spans(self, kind: AnalyzerKind, text: str, accept: WordChoice) -> list[Span]:
        """The spans of the words of ``text`` that have a term ``accept`` takes."""
        plain = self._plain(kind)
        if plain is None:
            return [
                (start, end) for term, start, end in self._analysed(kind, text) if accept.test(term)
            ]
        expression, terms_of = plain
        runs = self._text_runs(kind, plain, text)
        if runs is not None:
            found = self._run_spans(kind, text, runs, accept)
            if found is not None:
                return found
        distinct = _distinct_words(expression, text)
        if accept.terms is not None:  # only whole terms
            wanted = accept.terms
            chosen = {w for w in distinct if not wanted.isdisjoint(terms_of(w))}
        else:
            for word in distinct - accept.taken - accept.left:
                taken = any(accept.test(term) for term in terms_of(word))
                (accept.taken if taken else accept.left).add(word)
            chosen = distinct & accept.taken
        if not chosen:
            return []
        if expression.pattern == TOKEN_PATTERN:
            found = _token_occurrences(expression, text, chosen)
            if found is not None:
                return found
        return [match.span() for match in expression.finditer(text) if match.group(0) in chosen]

    def phrase_spans(
        self, kind: AnalyzerKind, text: str, phrase: tuple[str, ...]
    ) -> list[Span] | None:
        """Where the terms of ``phrase`` stand in a row, reading only from the places
        of its first word (None when that shortcut does not apply)."""
        plain = self._plain(kind)
        if plain is None or plain[0].pattern != TOKEN_PATTERN or not phrase:
            return None
        expression, terms_of = plain
        runs = self._text_runs(kind, plain, text)
        first = phrase[0]
        if runs is not None:
            starts = self._run_spans(
                kind, text, runs, WordChoice(lambda term: term == first, frozenset((first,)))
            )
        else:
            distinct = _distinct_words(expression, text)
            firsts = {w for w in distinct if first in terms_of(w)}
            starts = _token_occurrences(expression, text, firsts) if firsts else []
        if starts is None:
            return None
        found: list[Span] = []
        size = len(phrase)
        for start, _ in starts:
            matched = 0
            for match in expression.finditer(text, start):
                terms = terms_of(match.group(0))
                if not terms:
                    continue  # a word the analyzer drops (a stop word)
                if len(terms) > 1:
                    return None
                if terms[0] != phrase[matched]:
                    break
                matched += 1
                if matched == size:
                    found.append((start, match.end()))
                    break
        return found

    def _text_runs(self, kind: AnalyzerKind, plain: _Plain, text: str) -> set[str] | None:
        """The distinct runs of non-space characters of ``text``, each new one split into
        its tokens and remembered (None unless the tokenizer is ``TOKEN_PATTERN``, or when
        the text has more distinct runs than are remembered)."""
        expression, terms_of = plain
        if expression.pattern != TOKEN_PATTERN:
            return None
        runs = set(text.split())
        held = self._runs[kind]
        new = runs.difference(held.held)
        if new:
            if len(runs) > held.tokens.max_size:
                return None
            held.tokens.touch(runs.difference(new))
            for run in new:
                held.add(
                    run,
                    tuple(
                        (m.group(0), m.start(), m.end(), terms_of(m.group(0)))
                        for m in expression.finditer(run)
                    ),
                )
        return runs

    def _run_spans(
        self, kind: AnalyzerKind, text: str, runs: set[str], accept: WordChoice
    ) -> list[Span] | None:
        """The spans of the words ``accept`` takes, read from the runs of ``text`` that
        hold one (None when the runs stand in too many places to check)."""
        held = self._runs[kind]
        wanted = accept.terms
        chosen: set[str] = set()
        if wanted is not None:
            for term in wanted:
                holding = held.holding.get(term)
                if holding:
                    chosen |= holding & runs
            if not chosen:
                return []

            def takes(word: str, terms: tuple[str, ...]) -> bool:
                return not wanted.isdisjoint(terms)

        else:

            def takes(word: str, terms: tuple[str, ...]) -> bool:
                if word in accept.taken:
                    return True
                if word in accept.left:
                    return False
                taken = any(accept.test(term) for term in terms)
                (accept.taken if taken else accept.left).add(word)
                return taken

            for run in runs.difference(accept.runs_taken, accept.runs_left):
                tokens = held.tokens.get(run)
                assert tokens is not None  # remembered by ``_text_runs``
                taken = any(takes(word, terms) for word, _, _, terms in tokens)
                (accept.runs_taken if taken else accept.runs_left).add(run)
            chosen = runs & accept.runs_taken
            if not chosen:
                return []
        places = _run_places(text, chosen)
        if places is None:
            return None
        found: list[Span] = []
        for start, run in places:
            tokens = held.tokens.get(run)
            assert tokens is not None  # remembered by ``_text_runs``
            for word, s, e, terms in tokens:
                if takes(word, terms):
                    found.append((start + s, start + e))
        return found

    def _analysed(self, kind: AnalyzerKind, text: str) -> list[tuple[str, int, int]]:
        analyzer = field_analyzer(self.schema, "exact" if kind == "exact" else "text")
        return [
            (t.text, t.startchar, t.endchar)
            for t in analyzer(text, chars=True, mode="index")
            if t.startchar is not None and t.endchar is not None
        ]

    def _plain(self, kind: AnalyzerKind) -> _Plain | None:
        """The tokenizer's pattern and a remembering word -> terms function, when the
        analyzer is a ``RegexTokenizer`` followed by filters."""
        if kind in self._plains:
            return self._plains[kind]
        self._runs[kind] = _Runs()
        split = split_analyzer(field_analyzer(self.schema, "exact" if kind == "exact" else "text"))
        if split is None:
            self._plains[kind] = None
            return None
        word_terms = split.terms
        remembered: Cache[str, tuple[str, ...]] = Cache(MAX_REMEMBERED)

        def terms_of(word: str) -> tuple[str, ...]:
            found = remembered.get(word)
            if found is None:
                found = remembered.put(word, word_terms(word))
            return found

        self._plains[kind] = (split.expression, terms_of)
        return self._plains[kind]


# Words found by ``str.find`` and checked by the tokenizer at most this many times.
MAX_CHECKED: Final = 64


def _token_occurrences(
    expression: re.Pattern[str], text: str, words: set[str]
) -> list[Span] | None:
    """The spans where ``words`` stand as tokens, found without tokenizing the whole
    text (None when there are too many places to check).

    For ``TOKEN_PATTERN`` only: its tokens never hold white space and it looks at no
    character before a token, so tokenizing the run of non-space characters around a
    place gives the tokens the whole text has there.
    """
    found: list[Span] = []
    checked = 0
    size = len(text)
    for word in words:
        start = text.find(word)
        while start >= 0:
            checked += 1
            if checked > MAX_CHECKED:
                return None
            end = start + len(word)
            left = start
            while left > 0 and not text[left - 1].isspace():
                left -= 1
            right = end
            while right < size and not text[right].isspace():
                right += 1
            for match in expression.finditer(text, left, right):
                if match.start() >= start:
                    if match.start() == start and match.end() == end:
                        found.append((start, end))
                    break
            start = text.find(word, start + 1)
    return found


def _run_places(text: str, runs: set[str]) -> list[tuple[int, str]] | None:
    """(start, run) for every place one of ``runs`` stands whole in ``text`` (between
    white space or the ends), found by ``str.find``; None when more than
    ``MAX_CHECKED`` finds fall inside longer runs."""
    found: list[tuple[int, str]] = []
    misses = 0
    size = len(text)
    for run in runs:
        start = text.find(run)
        while start >= 0:
            end = start + len(run)
            if (start == 0 or text[start - 1].isspace()) and (end == size or text[end].isspace()):
                found.append((start, run))
                start = text.find(run, end)
            else:
                misses += 1
                if misses > MAX_CHECKED:
                    return None
                start = text.find(run, start + 1)
    return found


class WordChoice:
    """A test of terms, and the words (and runs of words) already found to have (or
    not) a term it takes. With ``terms``, the test takes exactly those terms."""

    def __init__(self, test: Callable[[str], bool], terms: frozenset[str] | None = None) -> None:
        self.test = test
        self.terms = terms
        self.taken: set[str] = set()
        self.left: set[str] = set()
        self.runs_taken: set[str] = set()
        self.runs_left: set[str] = set()


def _distinct_words(expression: re.Pattern[str], text: str) -> set[str]:
    if expression.groups == 0:
        return set(expression.findall(text))
    return {match.group(0) for match in expression.finditer(text)}


# An analyzer, the choice of words to mark by its terms, and the phrases to mark.
_KindPlan = tuple[AnalyzerKind, "WordChoice | None", list[tuple[str, ...]]]


class Highlighter:
    """Marks one query's matches in stored texts; build one per search."""

    def __init__(
        self,
        marks: MarkSpec,
        schema: Schema,
        *,
        max_chars: int = MAX_FRAGMENT_CHARS,
        max_fragments: int = MAX_FRAGMENTS,
        words: WordTerms | None = None,
    ) -> None:
        self.marks = marks
        self.schema = schema
        self.words = words if words is not None else WordTerms(schema)
        self.max_chars = max_chars
        self.max_fragments = max_fragments
        kinds: set[AnalyzerKind] = {k for k, _ in marks.terms}
        kinds.update(k for k, _ in marks.prefixes)
        kinds.update(k for k, _, _ in marks.fuzzy)
        kinds.update(k for k, _ in marks.phrases)
        self._plans = [self._plan(kind) for kind in sorted(kinds)]
        self._codes = {a.code for a in marks.acronyms}
        self._long_forms = AcronymMatcher(marks.acronyms)

    def fragments(self, text: str, title: str = "") -> list[str]:
        """Up to ``max_fragments`` passages of ``text`` after its ``title``: the sentences
        that hold the most distinct marked words, in text order, sentences that follow one
        another kept as one passage; the opening sentences when nothing is marked.

        A sentence longer than ``max_chars`` is cut around its marks, with an ellipsis
        where it was cut; whole sentences carry none. A text that is only its title has
        no passage (the title is shown on its own).
        """
        offset = body_start(text, title)
        body = text[offset:]
        if not body or body.isspace():
            return []
        sentences = sentence_spans(body)
        spans = _merge(self.spans(body))
        if not spans:
            opening = self._opening(body, sentences)
            return [self._render(body, opening, [], (False, opening[1] < sentences[0][1]))]
        marked: dict[int, list[Span]] = {}
        place = 0
        for span in spans:
            while place < len(sentences) - 1 and span[0] >= sentences[place][1]:
                place += 1
            marked.setdefault(place, []).append(span)
        best = sorted(marked, key=lambda i: (-_cluster_score(body, marked[i]), i))
        chosen = sorted(best[: self.max_fragments])
        passages: list[tuple[int, int, bool, bool]] = []  # start, end, cut before, after
        for i in chosen:
            start, end = self._sentence_window(body, sentences[i], marked[i], spans)
            cut = (start > sentences[i][0], end < sentences[i][1])
            if (
                passages
                and not any(cut)
                and not passages[-1][3]
                and passages[-1][1] == sentences[i - 1][1]
            ):  # follows the whole sentence before it: one passage
                passages[-1] = (passages[-1][0], end, passages[-1][2], False)
                continue
            passages.append((start, end, *cut))
        return [self._render(body, (s, e), spans, (b, a)) for s, e, b, a in passages]

    def _opening(self, body: str, sentences: Sequence[Span]) -> Span:
        """The first sentences that fit in ``max_chars``; the first cut when it does not."""
        end = sentences[0][1]
        if end - sentences[0][0] > self.max_chars:
            return _window(body, sentences[0][0], sentences[0][0], self.max_chars, [])
        for _, stop in sentences[1:]:
            if stop - sentences[0][0] > self.max_chars:
                break
            end = stop
        return sentences[0][0], end

    def _sentence_window(
        self, body: str, sentence: Span, marks: Sequence[Span], spans: Sequence[Span]
    ) -> Span:
        """The sentence, or the best cut of ``max_chars`` around its marks when longer."""
        start, end = sentence
        if end - start <= self.max_chars:
            return sentence
        cluster = max(
            _clusters(marks, self.max_chars * 3 // 4),
            key=lambda c: (_cluster_score(body, c), -c[0][0]),
        )
        inside = body[start:end]
        local = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
        first, last = cluster[0][0] - start, cluster[-1][1] - start
        cut = _window(inside, first, last, self.max_chars, local)
        return start + cut[0], start + cut[1]

    # --- finding marks -------------------------------------------------------------------

    def spans(self, text: str) -> list[Span]:
        """Character ranges of ``text`` to mark (unsorted, may overlap)."""
        found: list[Span] = []
        for plan in self._plans:
            found.extend(self._token_spans(plan, text))
        if self._codes:
            found.extend(self._acronym_spans(text))
        return found

    def _plan(self, kind: AnalyzerKind) -> _KindPlan:
        """What to mark of one analyzer's terms: a word choice (None when only phrases
        are marked) and the phrases."""
        terms = {term for k, term in self.marks.terms if k == kind}
        prefixes = tuple(p for k, p in self.marks.prefixes if k == kind)
        fuzzy = [(word, dist) for k, word, dist in self.marks.fuzzy if k == kind]

        def accept(word: str) -> bool:
            return (
                word in terms
                or bool(prefixes and word.startswith(prefixes))
                or any(_near(word, target, dist) for target, dist in fuzzy)
            )

        choice = None
        if terms or prefixes or fuzzy:
            choice = WordChoice(accept, frozenset(terms) if not prefixes and not fuzzy else None)
        phrases = [phrase for k, phrase in self.marks.phrases if k == kind]
        return kind, choice, phrases

    def _token_spans(self, plan: _KindPlan, text: str) -> list[Span]:
        kind, choice, phrases = plan
        found = self.words.spans(kind, text, choice) if choice is not None else []
        slow = []
        for phrase in phrases:
            spans = self.words.phrase_spans(kind, text, phrase)
            if spans is None:
                slow.append(phrase)
            else:
                found.extend(spans)
        if slow:
            present = self.words.terms(kind, text)
            slow = [p for p in slow if present.issuperset(p)]
        if slow:
            tokens = self.words.tokens(kind, text)
            words = [t[0] for t in tokens]
            for phrase in slow:
                size = len(phrase)
                for i in range(len(words) - size + 1):
                    if tuple(words[i : i + size]) == phrase:
                        found.append((tokens[i][1], tokens[i + size - 1][2]))
        return found

    def _acronym_spans(self, text: str) -> list[Span]:
        found = [(m.start, m.end) for m in self._long_forms.long_forms_in(text)]
        for span in word_spans(text):
            word = span.word
            bare = word[:-2] if word.endswith("'s") else word
            if bare in self._codes or (bare.endswith("s") and bare[:-1] in self._codes):
                found.append((span.start, span.end))
        return found

    # --- rendering -----------------------------------------------------------------------

    def _render(
        self, text: str, window: Span, spans: Sequence[Span], cut: tuple[bool, bool]
    ) -> str:
        """``text[window]`` escaped with ``spans`` marked; an ellipsis at a ``cut`` end."""
        if _OPEN in text or _CLOSE in text:  # the stand-ins are taken: piece by piece
            return self._render_pieces(text, window, spans, cut)
        start, end = window
        pieces: list[str] = []
        pos = start
        for s, e in spans:
            if s < start or e > end:
                continue
            pieces += (text[pos:s], _OPEN, text[s:e], _CLOSE)
            pos = e
        pieces.append(text[pos:end])
        body = "".join(pieces)
        before = ELLIPSIS if cut[0] else ""
        after = ELLIPSIS if cut[1] else ""
        # Spaces collapsed and the ends trimmed (as ``_SPACES`` and ``strip`` would).
        flat = " ".join(html.escape(before + body + after, quote=False).split())
        return flat.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")

    def _render_pieces(
        self, text: str, window: Span, spans: Sequence[Span], cut: tuple[bool, bool]
    ) -> str:
        start, end = window
        out: list[str] = [ELLIPSIS] if cut[0] else []
        pos = start
        for s, e in spans:
            if s < start or e > end:
                continue
            out.append(_plain(text[pos:s]))
            out.append(f"<mark>{_plain(text[s:e])}</mark>")
            pos = e
        out.append(_plain(text[pos:end]))
        if cut[1]:
            out.append(ELLIPSIS)
        return _SPACES.sub(" ", "".join(out)).strip()


# Stand-ins for the marks while a fragment is escaped and its spaces collapsed.
_OPEN: Final = "\x00"
_CLOSE: Final = "\x01"


def join_fragments(fragments: Sequence[str]) -> str:
    """Passages as one line, one ellipsis between each two (however they were cut)."""
    pieces = []
    last = len(fragments) - 1
    for n, fragment in enumerate(fragments):
        if n > 0:
            fragment = fragment.removeprefix(ELLIPSIS)
        if n < last:
            fragment = fragment.removesuffix(ELLIPSIS)
        pieces.append(fragment.strip())
    return f" {ELLIPSIS} ".join(p for p in pieces if p)


def _plain(text: str) -> str:
    return html.escape(_SPACES.sub(" ", text), quote=False)


def _near(word: str, target: str, dist: int) -> bool:
    return (
        word[:1] == target[:1]
        and abs(len(word) - len(target)) <= dist
        and DamerauLevenshtein.distance(word, target, score_cutoff=dist) <= dist
    )


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _clusters(spans: Sequence[Span], width: int) -> list[list[Span]]:
    """Consecutive marks grouped so that each group fits in ``width`` characters."""
    clusters: list[list[Span]] = []
    for span in spans:
        if clusters and span[1] - clusters[-1][0][0] <= width:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    return clusters


def _cluster_score(text: str, cluster: Sequence[Span]) -> int:
    distinct = {text[s:e].lower() for s, e in cluster}
    return len(distinct) * 10 + len(cluster)


def _window(text: str, first: int, last: int, size: int, spans: Sequence[Span]) -> Span:
    """About ``size`` characters around ``[first, last)``, cut at spaces, not through marks."""
    size -= 2  # room for the ellipses
    if len(text) <= size:
        return 0, len(text)  # the whole text (what the steps below come to)
    pad = max(0, (size - (last - first)) // 2)
    start = max(0, first - pad)
    end = min(len(text), last + pad)
    # Give the room one side cannot use to the other.
    if start == 0:
        end = min(len(text), max(end, size))
    if end == len(text):
        start = max(0, min(start, len(text) - size))
    start = _snap_start(text, start, first, spans)
    end = _snap_end(text, end, last, spans)
    return start, end


def _snap_start(text: str, start: int, limit: int, spans: Sequence[Span]) -> int:
    """Move ``start`` forward to a word start (not past ``limit``) and out of any mark."""
    if start <= 0:
        return 0
    for s, e in spans:
        if s < start < e:
            start = e
    if start < limit and not text[start - 1].isspace():
        space = _next_space(text, start, limit)
        start = space if space is not None else start
    return min(start, limit) if limit > 0 else start


def _snap_end(text: str, end: int, limit: int, spans: Sequence[Span]) -> int:
    """Move ``end`` back to a word end (not before ``limit``) and out of any mark."""
    if end >= len(text):
        return len(text)
    for s, e in spans:
        if s < end < e:
            end = s if s >= limit else e
    if end > limit and not text[end].isspace():
        cut = text.rfind(" ", limit, end)
        end = cut if cut > limit else end
    return max(end, limit)


def _next_space(text: str, start: int, limit: int) -> int | None:
    for i in range(start, limit):
        if text[i].isspace():
            return i + 1
    return None
