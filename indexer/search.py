"""The search API: query string + filters -> a page of hits with facets, highlights, cursors.

A ``Searcher`` wraps one Whoosh searcher of one index (one generation). A search needs
the exact set of matching documents (the total, the facets, date order) and, for
relevance order, the best-scored ones. Queries of words, pair terms, ``AND``, ``OR``
and ``NOT`` are scored over whole posting lists (``indexer.engine.postings``: Whoosh's BM25F
scores, to the last bit), which yields both at once. Phrases checked by position,
prefixes and fuzzy words go through Whoosh's matchers: either one pass scores every
match, or (for queries matching a large share of the index, and prefix queries) Whoosh
fetches the top hits with a limit and block skipping while a second, unscored pass
counts. Filters are document-number sets (``filter=``/``mask=`` for Whoosh), never
terms ANDed into the scored query; the sets per (field, value) are cached until
``refresh()`` finds a new reader. Highlights are made for the page's hits only.

Pages are cut by cursor, not by offset (page sizes and the cursor format are
``records.paging``'s). A cursor holds the last hit's sort key and its document key; the
order is (score descending | day descending | day ascending), then document key
ascending, so equal scores or days never make a page repeat or skip a hit. A query with
no words to rank by (empty, or only conditions) comes newest first. A page bounded by a
``before`` cursor, or read backward (the ``last`` hits), is cut from every match put in
order: the forward fetches cannot stop early there.
"""

from __future__ import annotations

import datetime as dt
import heapq
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal

from whoosh.index import Index
from whoosh.query.positional import Phrase
from whoosh.query.qcore import Query
from whoosh.query.terms import Prefix
from whoosh.reading import IndexReader
from whoosh.searching import Searcher as WhooshSearcher

from indexer import engine
from indexer.cache import Cache
from indexer.engine import DecodedCache, PostingIndex, Unsupported
from indexer.facets import FACET_FIELDS, DocSets, FacetCount, Facets, facet_counts
from indexer.highlights import Highlighter, WordTerms
from indexer.query import AcronymTable, ParsedQuery, SearchSyntaxError, parse_query
from indexer.suggest import suggest
from records.glossary import GlossaryEntry
from records.paging import (
    DEFAULT_PAGE_SIZE,
    CursorError,
    decode_cursor,
    encode_cursor,
    number_field,
    page_size,
    text_field,
    whole_field,
)

__all__ = [
    "DecodedCache",
    "FacetCount",
    "Facets",
    "Hit",
    "SearchFilter",
    "SearchPage",
    "SearchSyntaxError",
    "Searcher",
    "SortOrder",
]

# Scored hits fetched at least, whatever the page size (a cheap margin for ties).
MIN_FETCH: Final = 16
# Query strings remembered read (with their suggestion) per index generation.
MAX_PARSED: Final = 256
# Queries estimated to match more than this share of the index are ranked by fetching
# the top hits (block skipping) and counted apart, rather than scored all in one pass.
FREQUENT_SHARE: Final = 0.2


@dataclass(frozen=True)
class SearchFilter:
    """Conditions every hit meets; within one field any listed value will do."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    years: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()


class SortOrder(StrEnum):
    RELEVANCE = "RELEVANCE"
    DATE_DESC = "DATE_DESC"
    DATE_ASC = "DATE_ASC"


@dataclass(frozen=True)
class Hit:
    key: str
    type: str
    record_id: int
    meeting_id: int
    score: float
    highlights: list[str]
    date: dt.date | None
    year: int | None
    kind: str
    themes: tuple[str, ...]
    cursor: str = ""  # this hit's place: pass as ``after`` (or ``before``) to page on


@dataclass(frozen=True)
class SearchPage:
    total: int
    hits: list[Hit]
    facets: Facets
    suggestion: str | None
    end_cursor: str | None
    has_next_page: bool
    start_cursor: str | None = None
    has_previous_page: bool = False


# --- cursors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cursor:
    """A hit's place: its sort value, document key and position (a hint for fetching)."""

    order: SortOrder
    value: float  # score, or day (YYYYMMDD) for date orders
    key: str
    position: int  # hits before and including this one

    @classmethod
    def read(cls, text: str, order: SortOrder, argument: str = "after") -> _Cursor:
        """The place a hit's cursor (``[order, value, key, position]``, written by
        ``Searcher._hit``) holds; a CursorError naming ``argument`` when it is none."""
        try:
            value, key, position = decode_cursor(
                text, order.value, number_field, text_field, whole_field
            )
        except CursorError as exc:
            exc.argument = argument
            raise
        return cls(order, value, key, max(0, position))


# --- ranking ----------------------------------------------------------------------------


@dataclass
class _Ranked:
    """One page of document numbers in order, with what the page needs to know."""

    docnums: list[int]
    scores: dict[int, float]
    has_next: bool
    total: int | None = None  # known when the scored run saw every match
    has_previous: bool = False
    start: int | None = None  # hits before the page, when known (else the cursor's position)


@dataclass
class _Restriction:
    allow: set[int] | None = None  # None: every document (Whoosh takes sets, not frozensets)
    mask: set[int] | None = None
    empty: bool = False


def _day_number(day: dt.date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


class Searcher:
    """Searches one Whoosh index; call ``refresh()`` to see later commits. One per thread."""

    def __init__(
        self,
        index: Index,
        glossary: Sequence[GlossaryEntry],
        *,
        decoded: DecodedCache | None = None,
    ) -> None:
        """``decoded``: where decoded posting lists and rows are kept (one of its own
        unless given; searchers of one index may share one)."""
        self._index = index
        self._glossary = AcronymTable(glossary)
        self._decoded = decoded if decoded is not None else DecodedCache()
        self._searcher: WhooshSearcher = index.searcher()
        self._docsets = DocSets(self._searcher.reader())
        self._postings = PostingIndex(self._searcher, decoded=self._decoded)
        self._words = WordTerms(self._searcher.schema)
        # Query strings read against this generation (terms it lacks are left out).
        self._parsed: Cache[tuple[str, bool], _ReadQuery] = Cache(MAX_PARSED)

    # --- lifecycle -----------------------------------------------------------------------

    def refresh(self) -> None:
        """See the index's latest commit; cached document sets are dropped if it changed."""
        fresh = engine.latest(self._searcher, self._index)
        if fresh is not self._searcher:
            self._searcher = fresh
            self._docsets = DocSets(fresh.reader())
            self._postings = PostingIndex(fresh, decoded=self._decoded)
            self._words = WordTerms(fresh.schema)
            self._parsed.clear()

    def close(self) -> None:
        engine.close(self._searcher)

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def doc_count(self) -> int:
        return int(self._searcher.doc_count())

    # --- searching -----------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        filter: SearchFilter = SearchFilter(),
        sort: SortOrder = SortOrder.RELEVANCE,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
        exact: bool = False,
        facets: bool | Collection[str] = True,
        last: int | None = None,
        before: str | None = None,
        highlights: bool = True,
        suggestion: bool = True,
    ) -> SearchPage:
        """One page of hits for ``query``: the ``first`` after ``after``, or (``last``
        given, in place of ``first``) the last ``last`` before ``before``; ``after`` and
        ``before`` both bound the hits either way. Raises SearchSyntaxError for an
        unreadable query, PageSizeError for a ``first`` or ``last`` out of range and
        CursorError for an ``after`` or ``before`` that is no cursor of this order
        (``records.paging``).

        ``facets``: every facet (True), none (False) or those named (``Facets``' field
        names); ``highlights``: whether hits get their passages; ``suggestion``: whether
        to look for a "did you mean" (a misspelt word costs about as much as the search).
        What is not asked for is not worked out (for a rare word, the facets and
        highlights cost twice the search) and comes back empty."""
        backward = last is not None
        size = page_size(last, "last") if last is not None else page_size(first)
        sort = SortOrder(sort)
        read = self._read(query, exact)
        parsed = read.parsed
        suggested = read.suggestion() if suggestion else None
        restriction = self._restriction(parsed, filter)
        if restriction.empty or parsed.matches_nothing:
            return SearchPage(0, [], Facets.empty(), suggested, None, False)

        if sort is SortOrder.RELEVANCE and not parsed.ranked:
            sort = SortOrder.DATE_DESC  # nothing to rank by (no words): newest first
        cursor = _Cursor.read(after, sort) if after else None
        stop = _Cursor.read(before, sort, "before") if before else None
        matched: AbstractSet[int] | None = None
        windowed = backward or stop is not None
        scored = (
            self._scored(parsed.query, restriction)
            if sort is SortOrder.RELEVANCE and not windowed
            else None
        )
        if windowed:
            ranked, matched = self._window(
                parsed.query, restriction, sort, cursor, stop, size, backward
            )
        elif scored is not None:
            ranked = self._rank_all(scored, cursor, size)
            matched = scored.keys()
        elif sort is SortOrder.RELEVANCE:
            one_pass = self._one_pass(parsed.query)
            ranked, matched = self._by_score(parsed.query, restriction, cursor, size, one_pass)
            if facets and matched is None:
                matched = self._matched(parsed.query, restriction)
        else:
            matched = self._matched(parsed.query, restriction)
            ranked = self._by_date(
                parsed.query, restriction, matched, cursor, size, sort is SortOrder.DATE_DESC
            )
        if not windowed:
            ranked.has_previous = cursor is not None
        if matched is not None:
            total = len(matched)
        elif ranked.total is not None:
            total = ranked.total
        else:
            total = len(self._matched(parsed.query, restriction))

        highlighter = (
            Highlighter(parsed.marks, self._searcher.schema, words=self._words)
            if highlights
            else None
        )
        start = ranked.start if ranked.start is not None else (cursor.position if cursor else 0)
        hits = [
            self._hit(docnum, ranked.scores.get(docnum, 0.0), highlighter, sort, start + i)
            for i, docnum in enumerate(ranked.docnums, start=1)
        ]
        return SearchPage(
            total=total,
            hits=hits,
            facets=facet_counts(
                self._docsets, matched, FACET_FIELDS.keys() if facets is True else facets
            )
            if matched is not None and facets
            else Facets.empty(),
            suggestion=suggested,
            end_cursor=hits[-1].cursor if hits else None,
            has_next_page=ranked.has_next,
            start_cursor=hits[0].cursor if hits else None,
            has_previous_page=ranked.has_previous,
        )

    def trend(
        self,
        query: str,
        *,
        filter: SearchFilter = SearchFilter(),
        by: Literal["year", "month"] = "year",
        exact: bool = False,
    ) -> list[FacetCount]:
        """Matching documents per year ("2021") or month ("2021-02"), in time order, with
        zeros for the periods between the first and the last that have none."""
        if by not in ("year", "month"):
            raise ValueError("by must be 'year' or 'month'")
        parsed = self._read(query, exact).parsed
        restriction = self._restriction(parsed, filter)
        if restriction.empty or parsed.matches_nothing:
            return []
        matched = self._matched(parsed.query, restriction)
        counts: dict[int, int] = {}
        for day, docs in self._docsets.days():
            if not day:
                continue
            n = len(docs & matched)
            if n:
                period = day // 10_000 if by == "year" else day // 100
                counts[period] = counts.get(period, 0) + n
        if not counts:
            return []
        return [FacetCount(_period_label(p, by), counts.get(p, 0)) for p in _periods(counts, by)]

    # --- steps ---------------------------------------------------------------------------

    def _read(self, query: str, exact: bool) -> _ReadQuery:
        """The query string read against this generation's reader, remembered until
        ``refresh()`` finds a new one (the terms it left out depend on the reader)."""
        key = (query, exact)
        found = self._parsed.get(key)
        if found is not None:
            return found
        # Lone surrogates cannot be encoded as index terms; they become "?".
        text = query.encode("utf-8", "replace").decode("utf-8")
        reader = self._searcher.reader()
        parsed = parse_query(
            text, self._searcher.schema, self._glossary, exact=exact, reader=reader
        )
        return self._parsed.put(key, _ReadQuery(parsed, reader))

    def _restriction(self, parsed: ParsedQuery, search_filter: SearchFilter) -> _Restriction:
        docsets = self._docsets
        sets: list[frozenset[int]] = []
        if search_filter.date_from is not None or search_filter.date_to is not None:
            sets.append(
                docsets.between(
                    _day_number(search_filter.date_from) if search_filter.date_from else None,
                    _day_number(search_filter.date_to) if search_filter.date_to else None,
                )
            )
        wanted: list[tuple[str, Iterable[str | int]]] = [
            ("year", search_filter.years),
            ("themes", [self._glossary.theme_code(t) for t in search_filter.themes]),
            ("kind", [k.strip().upper().replace(" ", "_") for k in search_filter.kinds]),
            ("type", [t.strip().lower() for t in search_filter.types]),
            ("body", [" ".join(b.lower().split()) for b in search_filter.bodies]),
        ]
        wanted += [(node.field, node.values) for node in parsed.require]
        for fieldname, values in wanted:
            values = list(values)
            if values:
                sets.append(docsets.any_of(fieldname, values))
        excluded = frozenset().union(
            *(docsets.any_of(node.field, node.values) for node in parsed.exclude)
        )
        if not sets:
            return _Restriction(allow=None, mask=set(excluded) if excluded else None)
        sets.sort(key=len)
        allow = set(sets[0])
        for other in sets[1:]:
            allow &= other
        allow -= excluded
        return _Restriction(allow=allow, empty=not allow)

    def _scored(self, q: Query, restriction: _Restriction) -> dict[int, float] | None:
        """Every match with its score, from whole posting lists; None when the query
        needs Whoosh's own matchers (phrases, prefixes, fuzzy words)."""
        try:
            return self._postings.scores(q, restriction.allow, restriction.mask)
        except Unsupported:
            return None

    def _matched(self, q: Query, restriction: _Restriction) -> set[int]:
        """Every matching document number (unscored: no limit, no ranking)."""
        try:
            found = self._postings.docs(q)
        except Unsupported:
            return self._matched_by_whoosh(q, restriction)
        if restriction.allow is not None:
            found &= restriction.allow
        if restriction.mask:
            found -= restriction.mask
        return found

    def _matched_by_whoosh(self, q: Query, restriction: _Restriction) -> set[int]:
        results = self._searcher.search(
            q, scored=False, filter=restriction.allow, mask=restriction.mask
        )
        return set(results.docs())

    def _one_pass(self, q: Query) -> bool:
        """Whether to score every match in one pass rather than fetch the top hits (with
        block skipping) and count the matches in a second, unscored pass.

        One pass wins when matching is the cost (phrases; many segments) and loses when
        scoring is (words in a large share of the documents; prefixes, which expand to
        many terms). Measured on 37k documents: a phrase 74 ms against 300 ms, a word in
        a third of the documents 175 ms against 125 ms.
        """
        leaves = list(q.leaves())
        if any(isinstance(leaf, Prefix) for leaf in leaves):
            return False
        if any(isinstance(leaf, Phrase) for leaf in leaves):
            return True
        return q.estimate_size(self._searcher.reader()) <= FREQUENT_SHARE * self.doc_count

    def _top(self, q: Query, restriction: _Restriction, limit: int) -> list[tuple[int, float]]:
        """The top ``limit`` (docnum, score) pairs, best first (block skipping allowed)."""
        return engine.top_hits(
            self._searcher, q, limit, allow=restriction.allow, mask=restriction.mask
        )

    def _by_score(
        self,
        q: Query,
        restriction: _Restriction,
        cursor: _Cursor | None,
        first: int,
        every: bool,
    ) -> tuple[_Ranked, set[int] | None]:
        """The page after ``cursor`` in (score desc, key asc) order, and (with ``every``)
        the set of all matching documents.

        With ``every`` one pass scores every match: it yields the exact set of matches
        (for the total and the facets) and the ranking together. Without it, Whoosh
        keeps the top ``limit`` with block skipping, breaking ties at the cut by document
        number, so documents scoring exactly the lowest fetched score may be missing:
        they are held back until a larger fetch (doubling) shows them all.
        """
        if every:
            scored, matched = engine.all_hits(
                self._searcher, q, allow=restriction.allow, mask=restriction.mask
            )
            return self._rank_all(scored, cursor, first), matched
        need = first + 1
        limit = max(MIN_FETCH, need + (cursor.position if cursor else 0))
        while True:
            limit = max(1, min(limit, self.doc_count))
            items = self._top(q, restriction, limit)
            complete = len(items) < limit or limit >= self.doc_count
            if not complete:
                lowest = items[-1][1]
                items = [item for item in items if item[1] > lowest]
            ordered = self._after(self._ordered(items), cursor)
            if complete or len(ordered) >= need:
                page = ordered[:first]
                ranked = _Ranked(
                    docnums=[n for n, _ in page],
                    scores=dict(page),
                    has_next=len(ordered) > first,
                    total=len(items) if complete else None,
                )
                return ranked, None
            limit *= 2

    def _rank_all(self, scored: dict[int, float], cursor: _Cursor | None, first: int) -> _Ranked:
        """The page after ``cursor`` among every scored match: only the best ``k`` (and
        every document tied with the ``k``-th) are put in order, ``k`` doubling as needed."""
        need = first + 1
        k = max(MIN_FETCH, need + (cursor.position if cursor else 0))
        while True:
            if k >= len(scored):
                chosen, complete = list(scored.items()), True
            else:
                lowest = _kth_largest(scored.values(), k)
                chosen = [(n, score) for n, score in scored.items() if score >= lowest]
                complete = False
            ordered = self._after(self._ordered(chosen), cursor)
            if complete or len(ordered) >= need:
                page = ordered[:first]
                return _Ranked(
                    docnums=[n for n, _ in page],
                    scores=dict(page),
                    has_next=len(ordered) > first,
                    total=len(scored),
                )
            k *= 2

    def _ordered(self, items: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """(docnum, score) by score descending, equal scores by document key."""
        tied = {score for score, n in Counter(score for _, score in items).items() if n > 1}
        key = self._docsets.key
        return sorted(items, key=lambda it: (-it[1], key(it[0]) if it[1] in tied else ""))

    def _after(
        self, ordered: list[tuple[int, float]], cursor: _Cursor | None
    ) -> list[tuple[int, float]]:
        if cursor is None:
            return ordered
        key = self._docsets.key
        return [
            (n, score)
            for n, score in ordered
            if score < cursor.value or (score == cursor.value and key(n) > cursor.key)
        ]

    def _window(
        self,
        q: Query,
        restriction: _Restriction,
        sort: SortOrder,
        after: _Cursor | None,
        before: _Cursor | None,
        size: int,
        backward: bool,
    ) -> tuple[_Ranked, set[int]]:
        """The page between ``after`` and ``before`` among every match put in order: its
        first ``size`` hits, or its last (``backward``); and the set of all matches.

        Pages bounded by ``before`` or read from the end come this way: whether a hit
        lies before the bound, or how many do, is known only once all are in order.
        In relevance order document keys are read for tied scores and where a cursor
        is looked up (by bisection); in date order for every match, as forward pages
        read those of the days they cross.
        """
        if sort is SortOrder.RELEVANCE:
            scored = self._scored(q, restriction)
            if scored is None:
                scored, _ = engine.all_hits(
                    self._searcher, q, allow=restriction.allow, mask=restriction.mask
                )
            matched = set(scored)
            ordered = self._ordered(list(scored.items()))
        else:
            matched = self._matched(q, restriction)
            sign = -1 if sort is SortOrder.DATE_DESC else 1
            day_of, key = self._docsets.day_of, self._docsets.key
            ordered = [(n, 0.0) for n in sorted(matched, key=lambda n: (sign * day_of(n), key(n)))]
        place = self._place(sort)
        low = bisect_right(ordered, _place_of(after, sort), key=place) if after else 0
        high = bisect_left(ordered, _place_of(before, sort), key=place) if before else len(ordered)
        window = ordered[low : max(low, high)]
        if backward:
            page = window[max(0, len(window) - size) :]
            start = low + len(window) - len(page)
            has_next, has_previous = before is not None, len(window) > size
        else:
            page, start = window[:size], low
            has_next, has_previous = len(window) > size, after is not None
        docnums = [n for n, _ in page]
        scores = (
            dict(page) if sort is SortOrder.RELEVANCE else self._scores_for(q, restriction, docnums)
        )
        ranked = _Ranked(
            docnums=docnums,
            scores=scores,
            has_next=has_next,
            total=len(matched),
            has_previous=has_previous,
            start=start,
        )
        return ranked, matched

    def _place(self, sort: SortOrder) -> Callable[[tuple[int, float]], tuple[float, str]]:
        """A (docnum, score)'s place in ``sort`` order, as a key that sorts ascending."""
        key = self._docsets.key
        if sort is SortOrder.RELEVANCE:
            return lambda item: (-item[1], key(item[0]))
        sign = -1 if sort is SortOrder.DATE_DESC else 1
        day_of = self._docsets.day_of
        return lambda item: (sign * day_of(item[0]), key(item[0]))

    def _by_date(
        self,
        q: Query,
        restriction: _Restriction,
        matched: set[int],
        cursor: _Cursor | None,
        first: int,
        descending: bool,
    ) -> _Ranked:
        """The page after ``cursor`` in (day, key asc) order; scores for the page only."""
        need = first + 1
        days = self._docsets.days()
        undated = frozenset(matched - self._docsets.dated())
        groups: list[tuple[int, Iterable[int]]] = [(day, docs) for day, docs in days]
        if undated:
            groups.insert(0, (0, undated))
        if descending:
            groups.reverse()
        key = self._docsets.key
        page: list[int] = []
        for day, docs in groups:
            if cursor is not None and (day > cursor.value if descending else day < cursor.value):
                continue
            members = [n for n in docs if n in matched]
            if not members:
                continue
            keyed = sorted((key(n), n) for n in members)
            if cursor is not None and day == cursor.value:
                keyed = [(k, n) for k, n in keyed if k > cursor.key]
            page.extend(n for _, n in keyed)
            if len(page) >= need:
                break
        docnums = page[:first]
        return _Ranked(
            docnums=docnums,
            scores=self._scores_for(q, restriction, docnums),
            has_next=len(page) > first,
        )

    def _scores_for(
        self, q: Query, restriction: _Restriction, docnums: Sequence[int]
    ) -> dict[int, float]:
        """Relevance scores of a few given documents (for pages in date order)."""
        if not docnums:
            return {}
        only = set(docnums)
        try:
            return self._postings.scores(q, only, restriction.mask)
        except Unsupported:
            pass
        results = self._searcher.search(q, limit=len(only), filter=only, mask=restriction.mask)
        return {docnum: float(score or 0.0) for docnum, score in results.items()}

    def _hit(
        self,
        docnum: int,
        score: float,
        highlighter: Highlighter | None,
        sort: SortOrder,
        position: int,
    ) -> Hit:
        """The hit for a document, with its cursor (its place in ``sort`` order)."""
        stored = self._postings.stored_fields(docnum)
        date = stored.get("date")
        themes = str(stored.get("themes") or "")
        key = str(stored.get("key", ""))
        value = score if sort is SortOrder.RELEVANCE else self._docsets.day_of(docnum)
        return Hit(
            key=key,
            type=str(stored.get("type", "")),
            record_id=int(stored.get("record_id") or 0),
            meeting_id=int(stored.get("meeting_id") or 0),
            score=score,
            highlights=highlighter.fragments(
                str(stored.get("text") or ""), str(stored.get("title") or "")
            )
            if highlighter is not None
            else [],
            date=date.date() if isinstance(date, dt.datetime) else date,
            year=int(stored["year"]) if stored.get("year") is not None else None,
            kind=str(stored.get("kind") or ""),
            themes=tuple(t for t in themes.split(",") if t),
            cursor=encode_cursor(sort.value, value, key, position),
        )


class _ReadQuery:
    """A parsed query string and, once asked for, its "did you mean" suggestion."""

    __slots__ = ("_reader", "_suggested", "_suggestion", "parsed")

    def __init__(self, parsed: ParsedQuery, reader: IndexReader) -> None:
        self.parsed = parsed
        self._reader = reader
        self._suggested = False
        self._suggestion: str | None = None

    def suggestion(self) -> str | None:
        if not self._suggested:
            words = self.parsed.words
            self._suggestion = suggest(self._reader, self.parsed.text, words) if words else None
            self._suggested = True
        return self._suggestion


def _place_of(cursor: _Cursor, sort: SortOrder) -> tuple[float, str]:
    """The place a cursor holds, as ``Searcher._place`` gives those of hits."""
    sign = 1 if sort is SortOrder.DATE_ASC else -1
    return (sign * cursor.value, cursor.key)


# Up to this many scores, sorting them all finds the k-th largest sooner than a heap.
SORT_SCORES_UP_TO: Final = 1024


def _kth_largest(values: Collection[float], k: int) -> float:
    """The ``k``-th largest of ``values`` (1 <= k <= len(values))."""
    if len(values) <= SORT_SCORES_UP_TO:
        return sorted(values, reverse=True)[k - 1]
    return heapq.nlargest(k, values)[-1]


def _periods(counts: dict[int, int], by: str) -> list[int]:
    low, high = min(counts), max(counts)
    if by == "year":
        return list(range(low, high + 1))
    periods = []
    year, month = divmod(low, 100)
    while year * 100 + month <= high:
        periods.append(year * 100 + month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return periods


def _period_label(period: int, by: str) -> str:
    if by == "year":
        return str(period)
    year, month = divmod(period, 100)
    return f"{year:04d}-{month:02d}"
