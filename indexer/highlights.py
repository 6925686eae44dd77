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
from collections.abc import Sequence
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein
from whoosh.fields import Schema

from indexer.glossary import AcronymMatcher, GlossaryTerm, word_spans
from indexer.query import AnalyzerKind, MarkSpec, field_analyzer

MAX_FRAGMENT_CHARS: Final = 200
MAX_FRAGMENTS: Final = 3
ELLIPSIS: Final = "…"

Span = tuple[int, int]
_SPACES = re.compile(r"\s+")


class Highlighter:
    """Marks one query's matches in stored texts; build one per search."""

    def __init__(
        self,
        marks: MarkSpec,
        schema: Schema,
        *,
        max_chars: int = MAX_FRAGMENT_CHARS,
        max_fragments: int = MAX_FRAGMENTS,
    ) -> None:
        self.marks = marks
        self.schema = schema
        self.max_chars = max_chars
        self.max_fragments = max_fragments
        self._kinds: set[AnalyzerKind] = {k for k, _ in marks.terms}
        self._kinds.update(k for k, _ in marks.prefixes)
        self._kinds.update(k for k, _, _ in marks.fuzzy)
        self._kinds.update(k for k, _ in marks.phrases)
        self._codes = {a.code for a in marks.acronyms}
        self._long_forms = AcronymMatcher(
            GlossaryTerm(a.code, a.long_forms) for a in marks.acronyms
        )

    def fragments(self, text: str) -> list[str]:
        """Up to ``max_fragments`` fragments of ``text``; the opening when nothing is marked."""
        if not text.strip():
            return []
        spans = _merge(self.spans(text))
        if not spans:
            return [self._render(text, _window(text, 0, 0, self.max_chars, spans), [])]
        clusters = _clusters(spans, self.max_chars * 3 // 4)
        chosen = sorted(
            sorted(clusters, key=lambda c: (-_cluster_score(text, c), c[0][0]))[
                : self.max_fragments
            ],
            key=lambda c: c[0][0],
        )
        windows: list[Span] = []
        for cluster in chosen:
            start, end = _window(text, cluster[0][0], cluster[-1][1], self.max_chars, spans)
            if windows and start < windows[-1][1]:
                start = _snap_start(text, windows[-1][1], cluster[0][0], spans)
            windows.append((start, end))
        return [self._render(text, window, spans) for window in windows]

    # --- finding marks -------------------------------------------------------------------

    def spans(self, text: str) -> list[Span]:
        """Character ranges of ``text`` to mark (unsorted, may overlap)."""
        found: list[Span] = []
        for kind in self._kinds:
            found.extend(self._token_spans(kind, text))
        if self._codes:
            found.extend(self._acronym_spans(text))
        return found

    def _token_spans(self, kind: AnalyzerKind, text: str) -> list[Span]:
        analyzer = field_analyzer(self.schema, "exact" if kind == "exact" else "text")
        tokens = [
            (t.text, t.startchar, t.endchar)
            for t in analyzer(text, chars=True, mode="index")
            if t.startchar is not None and t.endchar is not None
        ]
        terms = {term for k, term in self.marks.terms if k == kind}
        prefixes = tuple(p for k, p in self.marks.prefixes if k == kind)
        fuzzy = [(word, dist) for k, word, dist in self.marks.fuzzy if k == kind]
        found: list[Span] = []
        for word, start, end in tokens:
            if (
                word in terms
                or (prefixes and word.startswith(prefixes))
                or any(_near(word, target, dist) for target, dist in fuzzy)
            ):
                found.append((start, end))
        words = [t[0] for t in tokens]
        for k, phrase in self.marks.phrases:
            if k != kind:
                continue
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

    def _render(self, text: str, window: Span, spans: Sequence[Span]) -> str:
        start, end = window
        out: list[str] = [ELLIPSIS] if start > 0 else []
        pos = start
        for s, e in spans:
            if s < start or e > end:
                continue
            out.append(_plain(text[pos:s]))
            out.append(f"<mark>{_plain(text[s:e])}</mark>")
            pos = e
        out.append(_plain(text[pos:end]))
        if end < len(text):
            out.append(ELLIPSIS)
        return _SPACES.sub(" ", "".join(out)).strip()


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
