"""Search benchmark: the project's Whoosh index against SQLite FTS5 on one synthetic corpus.

    python -m bench.search_bench [--items 10000,100000] [--repeat 30] [--seed 7] [--out DIR]

For each corpus size (agenda items) it builds the index documents of a synthetic corpus
(``bench.search_corpus``), indexes them with the project's schema and storage as a
rebuild does (``--build batches``: one commit per 500 documents, as the change log is
applied), loads the same documents into an SQLite FTS5 table (porter tokenizer, bm25 with
the title weighted as in the schema, a side table for the filter columns), then runs
classes of queries drawn from the corpus vocabulary through ``indexer.search.Searcher``
and through the equivalent SQL (the top 20 by bm25 with snippets, and the exact count or
the counts per year). It prints the build figures, one latency table per size, the
targets beside the figures, and a correctness check of filtered searches against a
brute-force count over the corpus. Nothing here asserts anything about time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import functools
import gc
import itertools
import math
import os
import pstats
import random
import sqlite3
import sys
import tempfile
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from whoosh.analysis.filters import STOP_WORDS

from bench.processes import MemorySampler, all_processes, descendants, megabytes
from bench.search_corpus import SearchCorpus, build_corpus, fts_row
from indexer.analysis import ACRONYM_FLAG, exact_analyzer, stem_word
from indexer.documents import IndexDocument
from indexer.parallel import ParallelWriter, default_workers
from indexer.query import AcronymTable
from indexer.search import Searcher, SearchFilter, SearchPage, SortOrder
from indexer.storage import Generation, IndexStore
from indexer.sync import MAX_SEGMENTS, REBUILD_CHUNK
from ingest.draft import GlossaryEntry
from ingest.parse.themes import load_base_glossary

CLASSES: Final = (
    "rare term",
    "common term",
    "phrase",
    "boolean",
    "term + date range",
    "term + year",
    "facets by year",
    "rare term + facets",
)
QUERIES_PER_CLASS: Final = 6
PAGE_SIZE: Final = 20
CHECK_PAGE: Final = 10
# Title weight in FTS5's bm25, as the schema's TITLE_BOOST.
FTS_TITLE_WEIGHT: Final = 2.0
PHRASE_SAMPLE_DOCS: Final = 4000
# Words nobody searches for, beyond Whoosh's stop words: left out of the drawn queries.
FUNCTION_WORDS: Final = frozenset(
    {
        "about", "also", "been", "being", "could", "does", "done", "from", "had", "has", "have",
        "into", "more", "most", "much", "other", "said", "some", "such", "than", "that", "their",
        "them", "then", "there", "these", "they", "this", "those", "very", "was", "were", "what",
        "when", "where", "whether", "which", "while", "who", "would",
    }
)  # fmt: skip
MISMATCHES_SHOWN: Final = 12
PROFILE_LINES: Final = 8
PROFILE_BUILD_DOCS: Final = 3000

# Targets stated for the search index (reported, never asserted).
TARGET_RATIO: Final = 2.0
TARGET_RARE_FACETS_MS: Final = 15.0
TARGET_ITEMS_PER_SECOND: Final = 1500.0
# The most a build may add at a million items (whether it stays flat shows across sizes).
TARGET_BUILD_MB: Final = 4096
BUILD_SAMPLE_SECONDS: Final = 0.1


# --- the corpus as plain facts, for choosing queries and counting by brute force ----------


@dataclass(slots=True)
class DocFacts:
    """What the brute-force checks need of one document: its filter values and terms."""

    key: str
    type: str
    year: int
    day: int
    kind: str
    themes: tuple[str, ...]
    terms: array[int]  # ids of the index terms of its title and text (sorted, unique)


@dataclass
class Vocabulary:
    """Index terms (as the text analyzer makes them) with document frequencies, and the
    words as written (lower-cased) that a user could type for them."""

    ids: dict[str, int] = field(default_factory=dict)
    df: list[int] = field(default_factory=list)
    word_df: Counter[str] = field(default_factory=Counter)
    stem_of: dict[str, str] = field(default_factory=dict)

    def term_id(self, term: str) -> int:
        found = self.ids.get(term)
        if found is None:
            found = self.ids[term] = len(self.df)
            self.df.append(0)
        return found

    def frequency(self, term: str) -> int:
        found = self.ids.get(term)
        return self.df[found] if found is not None else 0

    def word_terms(self, word: str) -> set[int]:
        """The index terms a typed plain word matches: its stem, and the word itself (an
        acronym written in capitals is indexed lower-cased, unstemmed)."""
        terms = {stem_word(word), word}
        return {self.ids[t] for t in terms if t in self.ids}


@functools.cache
def _exact_analyzer() -> Any:
    return exact_analyzer()


def index_terms(text: str) -> Iterator[tuple[str, str | None]]:
    """(index term, typed word or None) for each token the text analyzer keeps.

    The same steps as ``indexer.analysis.text_analyzer``: the exact analyzer's tokens
    (lower-cased, acronyms flagged), stop words dropped unless written as acronyms, the
    rest stemmed. The typed word is given for plain alphabetic words of 4+ letters.
    """
    for token in _exact_analyzer()(text):
        word = token.text
        if getattr(token, ACRONYM_FLAG, False):
            yield word, None
        elif word not in STOP_WORDS:
            yield stem_word(word), (word if len(word) >= 4 and word.isalpha() else None)


def analyse(documents: Sequence[IndexDocument]) -> tuple[list[DocFacts], Vocabulary]:
    vocabulary = Vocabulary()
    facts: list[DocFacts] = []
    for document in documents:
        terms: set[int] = set()
        words: set[str] = set()
        for term, word in index_terms(f"{document.title}\n{document.text}"):
            terms.add(vocabulary.term_id(term))
            if word is not None:
                words.add(word)
                vocabulary.stem_of[word] = term
        for term_id in terms:
            vocabulary.df[term_id] += 1
        vocabulary.word_df.update(words)
        date = document.meeting.date
        assert date is not None, "the synthetic corpus dates every meeting"
        facts.append(
            DocFacts(
                key=document.key,
                type=document.type,
                year=date.year,
                day=date.year * 10_000 + date.month * 100 + date.day,
                kind=document.meeting.kind,
                themes=document.themes,
                terms=array("I", sorted(terms)),
            )
        )
    return facts, vocabulary


def postings(facts: Sequence[DocFacts], wanted: Iterable[int]) -> dict[int, set[int]]:
    """Positions in ``facts`` of the documents holding each wanted term id."""
    found: dict[int, set[int]] = {t: set() for t in wanted}
    for position, doc in enumerate(facts):
        for term_id in doc.terms:
            if term_id in found:
                found[term_id].add(position)
    return found


# --- queries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchQuery:
    """One query in the project's syntax, with its FTS5 equivalent."""

    text: str
    match: str  # FTS5 MATCH expression
    filter: SearchFilter = field(default_factory=SearchFilter)
    facets: bool = False
    word: str | None = None  # the one plain word, for brute-force counts

    @property
    def label(self) -> str:
        parts = [self.text]
        f = self.filter
        if f.date_from or f.date_to:
            parts.append(f"{f.date_from or ''}..{f.date_to or ''}")
        for name in ("years", "themes", "kinds", "types"):
            values = getattr(f, name)
            if values:
                parts.append(f"{name}={','.join(map(str, values))}")
        return " ".join(parts)


@dataclass(frozen=True)
class WordBands:
    rare: list[str]
    medium: list[str]
    common: list[str]
    frequencies: dict[str, int] = field(default_factory=dict)  # word -> documents

    def describe(self) -> str:
        """Each band's document frequencies, e.g. "rare 3-12, medium 260-1,180, ..."."""
        parts = []
        for name in ("rare", "medium", "common"):
            counts = [self.frequencies[w] for w in getattr(self, name)]
            if counts:
                parts.append(f"{name} {min(counts):,}-{max(counts):,}")
        return "documents per word: " + ", ".join(parts)


def _fts_word(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def choose_words(
    vocabulary: Vocabulary, documents: int, glossary: Sequence[GlossaryEntry], rng: random.Random
) -> WordBands:
    """Typed words by how many documents their stem is in: rare (2 to 0.05% of the
    documents, at least 5; or, when the corpus's vocabulary has too few such words, the
    rarest words it has), medium (1% to 5%), common (10% to 33%). Glossary codes are
    left out (they expand to acronyms), and so are function words."""
    table = AcronymTable(glossary)
    best: dict[str, str] = {}  # stem -> its most frequent typed form
    for word in sorted(vocabulary.word_df):
        if word in FUNCTION_WORDS or table.code_for_word(word) is not None:
            continue
        stem = vocabulary.stem_of[word]
        held = best.get(stem)
        if held is None or vocabulary.word_df[word] > vocabulary.word_df[held]:
            best[stem] = word
    frequency = {w: vocabulary.frequency(s) for s, w in best.items()}

    def band(low: float, high: float) -> list[str]:
        chosen = sorted(w for w, n in frequency.items() if low <= n <= high)
        return rng.sample(chosen, min(QUERIES_PER_CLASS, len(chosen)))

    rare = band(2, max(5, documents / 2000))
    if len(rare) < QUERIES_PER_CLASS:
        rarest = sorted((n, w) for w, n in frequency.items() if n >= 2)
        pool = sorted(w for _, w in rarest[: 3 * QUERIES_PER_CLASS])
        rare = rng.sample(pool, min(QUERIES_PER_CLASS, len(pool)))
    medium = band(documents / 100, documents / 20)
    common = band(documents / 10, documents / 3)
    return WordBands(
        rare=rare,
        medium=medium,
        common=common,
        frequencies={w: frequency[w] for w in (*rare, *medium, *common)},
    )


def _searchable(word: str) -> bool:
    return (
        len(word) >= 3 and word.isalpha() and word not in STOP_WORDS and word not in FUNCTION_WORDS
    )


def choose_phrases(documents: Sequence[IndexDocument], rng: random.Random) -> list[str]:
    """Two-word phrases as written, found in 0.5% to 5% of a sample of the documents."""
    step = max(1, len(documents) // PHRASE_SAMPLE_DOCS)
    sample = documents[::step]
    counts: Counter[tuple[str, str]] = Counter()
    analyzer = exact_analyzer()
    for document in sample:
        words = [t.text for t in analyzer(document.text)]
        pairs = {
            (a, b) for a, b in itertools.pairwise(words) if all(_searchable(w) for w in (a, b))
        }
        counts.update(pairs)
    low, high = 0.005 * len(sample), 0.05 * len(sample)
    chosen = sorted(f"{a} {b}" for (a, b), n in counts.items() if low <= n <= high)
    return rng.sample(chosen, min(QUERIES_PER_CLASS, len(chosen)))


def _years(facts: Sequence[DocFacts]) -> list[int]:
    return sorted({f.year for f in facts})


def _date_range(rng: random.Random, years: Sequence[int]) -> tuple[dt.date, dt.date]:
    """A span of 6 to 24 months inside the corpus's years."""
    start = dt.date(rng.choice(years[:-1] or years), rng.randint(1, 12), 1)
    months = rng.randint(6, 24)
    end_month = start.month - 1 + months
    end = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def build_queries(
    bands: WordBands, phrases: Sequence[str], years: Sequence[int], rng: random.Random
) -> dict[str, list[BenchQuery]]:
    """Each query class's queries, drawn deterministically from ``rng``."""

    def word(w: str, search_filter: SearchFilter | None = None, facets: bool = False) -> BenchQuery:
        return BenchQuery(w, _fts_word(w), search_filter or SearchFilter(), facets, word=w)

    # Filters go with medium and common words alike (the frequent ones cost most).
    mixed = [w for pair in zip(bands.medium, bands.common, strict=False) for w in pair]
    mixed = mixed[:QUERIES_PER_CLASS]
    boolean: list[BenchQuery] = []
    for a in bands.common:
        b, c = rng.sample(bands.medium, 2)
        boolean.append(
            BenchQuery(
                f"{a} AND {b} NOT {c}", f"{_fts_word(a)} AND {_fts_word(b)} NOT {_fts_word(c)}"
            )
        )
    ranges = [_date_range(rng, years) for _ in mixed]
    return {
        "rare term": [word(w) for w in bands.rare],
        "common term": [word(w) for w in bands.common],
        "phrase": [BenchQuery(f'"{p}"', _fts_word(p)) for p in phrases],
        "boolean": boolean,
        "term + date range": [
            word(w, SearchFilter(date_from=start, date_to=end))
            for w, (start, end) in zip(mixed, ranges, strict=True)
        ],
        "term + year": [word(w, SearchFilter(years=(rng.choice(years),))) for w in mixed],
        "facets by year": [word(w, facets=True) for w in bands.common],
        "rare term + facets": [word(w, facets=True) for w in bands.rare],
    }


# --- engines --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    total: int
    keys: list[str]


@dataclass(frozen=True)
class BuildResult:
    engine: str
    seconds: float
    documents: int
    items: int
    size_bytes: int
    note: str = ""
    # Resident memory the build added at its peak: this process's and its descendants'
    # (the index's worker processes) together, over what they held before it began.
    memory_bytes: int = 0
    # The peak of the descendants alone (the worker processes, the fork server).
    workers_bytes: int = 0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def build_whoosh(
    corpus: SearchCorpus, root: Path, *, mode: str = "rebuild", workers: int | None = None
) -> tuple[BuildResult, Generation]:
    """A new generation holding every document, made CURRENT.

    ``rebuild``: the documents added type by type in id order, 500 at a time, to a
    ``ParallelWriter`` (``workers`` processes, each writing a segment, once the corpus is
    large enough), one commit (``indexer.sync.rebuild``). ``batches``: one
    ``commit(merge=False)`` per 500 documents in corpus order, then one merging commit
    when more than ``MAX_SEGMENTS`` segments remain (``indexer.sync.apply_changes`` and
    ``merge_segments``).
    """
    store = IndexStore(root)
    documents = corpus.in_build_order() if mode == "rebuild" else corpus.documents
    started = time.perf_counter()
    with building_memory() as memory, workers_memory() as workers_peak, store.locked():
        generation = store.new_generation()
        index = generation.open_index()
        commits = 0
        processes = 1
        try:
            if mode == "rebuild":
                builder = ParallelWriter(store.writer(index), workers=workers)
                try:
                    for start in range(0, len(documents), REBUILD_CHUNK):
                        builder.add_documents(documents[start : start + REBUILD_CHUNK])
                except BaseException:
                    builder.cancel()  # stops the workers, so that this process can end
                    raise
                processes = builder.workers if builder.parallel else 1
                builder.commit()
                commits = 1
            else:
                for start in range(0, len(documents), REBUILD_CHUNK):
                    writer = store.writer(index)
                    for document in documents[start : start + REBUILD_CHUNK]:
                        writer.add_document(**document.fields())
                    writer.commit(merge=False)
                    commits += 1
                with index.reader() as reader:
                    segments = sum(1 for _ in reader.leaf_readers())
                if segments > MAX_SEGMENTS:
                    store.writer(index).commit(merge=True)
                    commits += 1
            with index.reader() as reader:
                segments = sum(1 for _ in reader.leaf_readers())
        finally:
            index.close()
        store.switch_to(generation)
    seconds = time.perf_counter() - started
    note = f"{commits} commit{'s' if commits > 1 else ''}, {segments} segment(s)"
    if processes > 1:
        note += f", {processes} worker processes"
    result = BuildResult(
        "whoosh",
        seconds,
        len(documents),
        corpus.items,
        _folder_size(generation.path),
        note,
        memory.peak_total - memory.first_total,
        workers_peak.peak_total,
    )
    return result, generation


def building_memory() -> MemorySampler:
    """A sampler of this process and its descendants, every 0.1 s (a build is long)."""
    return MemorySampler(lambda: [os.getpid()], tree=True, interval=BUILD_SAMPLE_SECONDS)


def workers_memory() -> MemorySampler:
    """A sampler of this process's descendants alone, every 0.1 s."""
    return MemorySampler(
        lambda: descendants(os.getpid(), all_processes()),
        tree=False,
        interval=BUILD_SAMPLE_SECONDS,
    )


FTS_SCHEMA: Final = f"""
CREATE TABLE meta (id INTEGER PRIMARY KEY, key TEXT, type TEXT, year INTEGER, day INTEGER,
                   kind TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize='porter');
INSERT INTO fts (fts, rank) VALUES ('rank', 'bm25({FTS_TITLE_WEIGHT}, 1.0)');
"""


def build_fts(corpus: SearchCorpus, path: Path) -> BuildResult:
    """The documents in an FTS5 table (rowid = the side table's id), then ``optimize``."""
    started = time.perf_counter()
    with building_memory() as memory, closing(sqlite3.connect(path)) as db:
        db.executescript(FTS_SCHEMA)
        rows = [fts_row(d) for d in corpus.in_build_order()]
        with db:
            db.executemany(
                "INSERT INTO meta (id, key, type, year, day, kind) VALUES (?, ?, ?, ?, ?, ?)",
                ((i, r.key, r.type, r.year, r.day, r.kind) for i, r in enumerate(rows, 1)),
            )
            db.executemany(
                "INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)",
                ((i, r.title, r.text) for i, r in enumerate(rows, 1)),
            )
        with db:
            db.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    seconds = time.perf_counter() - started
    return BuildResult(
        "fts5",
        seconds,
        len(corpus.documents),
        corpus.items,
        path.stat().st_size,
        "optimized",
        memory.peak_total - memory.first_total,
    )


def fts_conditions(search_filter: SearchFilter) -> tuple[str, list[Any]]:
    """SQL conditions on the side table ``m`` for a filter (dates, years, kinds, types)."""
    if search_filter.themes or search_filter.bodies:
        raise ValueError("the FTS5 table has no theme or body columns")
    sql: list[str] = []
    params: list[Any] = []
    if search_filter.date_from is not None:
        sql.append("m.day >= ?")
        params.append(_day_number(search_filter.date_from))
    if search_filter.date_to is not None:
        sql.append("m.day <= ?")
        params.append(_day_number(search_filter.date_to))
    for column, values in (
        ("year", search_filter.years),
        ("kind", search_filter.kinds),
        ("type", search_filter.types),
    ):
        if values:
            sql.append(f"m.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    return "".join(f" AND {s}" for s in sql), params


def _day_number(day: dt.date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


class FtsEngine:
    """The equivalent SQL: the top 20 by bm25 with a snippet, and the count (or counts per
    year when facets are asked for)."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path)

    def close(self) -> None:
        self.db.close()

    def search(self, query: BenchQuery) -> Answer:
        where, params = fts_conditions(query.filter)
        joined = "fts JOIN meta m ON m.id = fts.rowid"
        top = self.db.execute(
            "SELECT m.key, snippet(fts, 1, '<mark>', '</mark>', '…', 24) "
            f"FROM {joined} WHERE fts MATCH ?{where} ORDER BY fts.rank LIMIT {PAGE_SIZE}",
            [query.match, *params],
        ).fetchall()
        if query.facets:
            years = self.db.execute(
                f"SELECT m.year, count(*) FROM {joined} WHERE fts MATCH ?{where} GROUP BY m.year",
                [query.match, *params],
            ).fetchall()
            total = sum(n for _, n in years)
        elif where:
            total = self.db.execute(
                f"SELECT count(*) FROM {joined} WHERE fts MATCH ?{where}", [query.match, *params]
            ).fetchone()[0]
        else:
            total = self.db.execute(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", [query.match]
            ).fetchone()[0]
        return Answer(int(total), [str(key) for key, _ in top])


class WhooshEngine:
    """The project's search API: ``Searcher.search`` for the first page of 20."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    def page(self, query: BenchQuery, first: int = PAGE_SIZE, **options: Any) -> SearchPage:
        return self.searcher.search(
            query.text, filter=query.filter, first=first, facets=query.facets, **options
        )

    def search(self, query: BenchQuery) -> Answer:
        page = self.page(query)
        return Answer(page.total, [hit.key for hit in page.hits])


# --- timing ---------------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (``share`` in 0..1) of a non-empty sequence."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class ClassTiming:
    name: str
    queries: int
    whoosh_ms: list[float] = field(default_factory=list)
    fts_ms: list[float] = field(default_factory=list)
    whoosh_hits: list[int] = field(default_factory=list)
    fts_hits: list[int] = field(default_factory=list)
    # Each query's first run on each engine (before the repeats).
    whoosh_first_ms: list[float] = field(default_factory=list)
    fts_first_ms: list[float] = field(default_factory=list)

    def p(self, engine: str, share: float) -> float:
        values = self.whoosh_ms if engine == "whoosh" else self.fts_ms
        return percentile(values, share) if values else math.nan

    def first(self, engine: str) -> float:
        """The median of the queries' first runs."""
        values = self.whoosh_first_ms if engine == "whoosh" else self.fts_first_ms
        return percentile(values, 0.5) if values else math.nan

    @property
    def ratio(self) -> float:
        fts = self.p("fts5", 0.5)
        return self.p("whoosh", 0.5) / fts if fts else math.inf


def _timed(run: Callable[[BenchQuery], Answer], query: BenchQuery) -> tuple[float, Answer]:
    started = time.perf_counter()
    answer = run(query)
    return (time.perf_counter() - started) * 1000, answer


def time_classes(
    whoosh: WhooshEngine,
    fts: FtsEngine,
    queries: dict[str, list[BenchQuery]],
    repeat: int,
) -> list[ClassTiming]:
    """Each class's queries ``repeat`` times on both engines, the engines taking turns.
    Each query's first run on each engine is timed apart: it reads what later runs find
    in caches (decoded posting lists and rows on the Whoosh side; SQLite's page cache)."""
    timings: list[ClassTiming] = []
    for name in CLASSES:
        chosen = queries[name]
        timing = ClassTiming(name, len(chosen))
        for query in chosen:
            ms, answer = _timed(whoosh.search, query)
            timing.whoosh_first_ms.append(ms)
            timing.whoosh_hits.append(answer.total)
            ms, answer = _timed(fts.search, query)
            timing.fts_first_ms.append(ms)
            timing.fts_hits.append(answer.total)
        for _ in range(repeat):
            for query in chosen:
                timing.whoosh_ms.append(_timed(whoosh.search, query)[0])
                timing.fts_ms.append(_timed(fts.search, query)[0])
        timings.append(timing)
    return timings


def _profile_lines(profiler: cProfile.Profile, runs: int) -> list[str]:
    """The functions of ``indexer/`` with the most cumulative time, then the functions
    with the most time of their own, in milliseconds per run."""
    stats: dict[tuple[str, int, str], tuple[Any, ...]]
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    rows = [
        (f"{_short_path(path)}:{line}({function})", cum * 1000 / runs, own * 1000 / runs)
        for (path, line, function), (_, _, own, cum, _) in stats.items()
    ]
    ours = sorted((r for r in rows if r[0].startswith("indexer/")), key=lambda r: -r[1])
    heavy = sorted(rows, key=lambda r: -r[2])
    lines = [f"  {cum:8.2f} ({own:6.2f})  {where}" for where, cum, own in ours[:PROFILE_LINES]]
    lines.append("  most time of their own:")
    lines.extend(f"  {cum:8.2f} ({own:6.2f})  {where}" for where, cum, own in heavy[:PROFILE_LINES])
    return lines


def profile_classes(
    whoosh: WhooshEngine, queries: dict[str, list[BenchQuery]], repeat: int
) -> list[str]:
    """For each class, where the Whoosh side's time goes under cProfile."""
    lines: list[str] = []
    for name in CLASSES:
        chosen = queries[name]
        if not chosen:
            continue
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(repeat):
            for query in chosen:
                whoosh.search(query)
        profiler.disable()
        lines.append(f"{name}: ms per query, cumulative (own)")
        lines.extend(_profile_lines(profiler, repeat * len(chosen)))
    return lines


def profile_build(
    corpus: SearchCorpus, root: Path, documents: int = PROFILE_BUILD_DOCS
) -> list[str]:
    """Where indexing time goes: the first ``documents`` (in build order) added to a
    scratch generation and committed, under cProfile."""
    chosen = corpus.in_build_order()[:documents]
    store = IndexStore(root)
    with store.locked():
        generation = store.new_generation()
        index = generation.open_index()
        try:
            profiler = cProfile.Profile()
            profiler.enable()
            writer = store.writer(index)
            for document in chosen:
                writer.add_document(**document.fields())
            writer.commit()
            profiler.disable()
        finally:
            index.close()
    lines = [f"indexing {len(chosen):,} documents: ms per 1,000 documents, cumulative (own)"]
    lines.extend(_profile_lines(profiler, max(1, len(chosen) // 1000)))
    return lines


def _short_path(path: str) -> str:
    for marker in ("/site-packages/", "/work/main/", "/indexer/"):
        if marker in path:
            _, _, tail = path.partition(marker)
            return ("indexer/" + tail) if marker == "/indexer/" else tail
    return path


# --- correctness ----------------------------------------------------------------------------


@dataclass
class Check:
    searches: int = 0
    mismatches: list[str] = field(default_factory=list)


def _meets(doc: DocFacts, search_filter: SearchFilter) -> bool:
    f = search_filter
    if f.date_from is not None and doc.day < _day_number(f.date_from):
        return False
    if f.date_to is not None and doc.day > _day_number(f.date_to):
        return False
    if f.years and doc.year not in f.years:
        return False
    if f.themes and not set(f.themes) & set(doc.themes):
        return False
    if f.kinds and doc.kind not in f.kinds:
        return False
    return not (f.types and doc.type not in f.types)


def check_filters(
    whoosh: WhooshEngine,
    facts: Sequence[DocFacts],
    vocabulary: Vocabulary,
    words: Sequence[str],
    years: Sequence[int],
    rng: random.Random,
) -> Check:
    """Filtered searches against brute force over ``facts``.

    For each word and filter: the total equals the number of documents that hold one of
    the word's index terms and meet the filter; every hit of the first page (by
    relevance) is such a document; the first page by date is the brute force's newest
    documents (day descending, then key); and, without a filter, the year facet counts
    match.
    """
    check = Check()
    term_sets = {w: vocabulary.word_terms(w) for w in words}
    found = postings(facts, set().union(*term_sets.values()))
    start, end = _date_range(rng, years)
    filters = [
        SearchFilter(),
        SearchFilter(years=(rng.choice(years),)),
        SearchFilter(years=tuple(sorted(rng.sample(years, 2)))),
        SearchFilter(date_from=start, date_to=end),
        SearchFilter(date_from=dt.date(rng.choice(years), 7, 1)),
        SearchFilter(themes=("DA",)),
        SearchFilter(kinds=("THEMATIC",)),
        SearchFilter(types=("action",)),
        SearchFilter(years=(rng.choice(years),), types=("item",)),
    ]
    key_of = {doc.key: i for i, doc in enumerate(facts)}
    for word in words:
        holding: set[int] = set().union(*(found[t] for t in term_sets[word]))
        for search_filter in filters:
            query = BenchQuery(word, _fts_word(word), search_filter, word=word)
            expected = {i for i in holding if _meets(facts[i], search_filter)}
            _check_relevance(whoosh, query, facts, holding, expected, key_of, check)
            _check_date_order(whoosh, query, facts, expected, check)
        _check_year_facets(whoosh, word, facts, holding, check)
    return check


def _check_relevance(
    whoosh: WhooshEngine,
    query: BenchQuery,
    facts: Sequence[DocFacts],
    holding: set[int],
    expected: set[int],
    key_of: dict[str, int],
    check: Check,
) -> None:
    page = whoosh.page(query, first=CHECK_PAGE)
    check.searches += 1
    if page.total != len(expected):
        check.mismatches.append(f"{query.label}: total {page.total}, brute force {len(expected)}")
    if len(page.hits) != min(CHECK_PAGE, len(expected)):
        check.mismatches.append(
            f"{query.label}: {len(page.hits)} hits on the first page, expected "
            f"{min(CHECK_PAGE, len(expected))}"
        )
    for hit in page.hits:
        position = key_of.get(hit.key)
        if position is None:
            check.mismatches.append(f"{query.label}: hit {hit.key} is not in the corpus")
        elif position not in holding:
            check.mismatches.append(f"{query.label}: hit {hit.key} lacks the word")
        elif position not in expected:
            check.mismatches.append(f"{query.label}: hit {hit.key} fails the filter")


def _check_date_order(
    whoosh: WhooshEngine,
    query: BenchQuery,
    facts: Sequence[DocFacts],
    expected: set[int],
    check: Check,
) -> None:
    page = whoosh.page(query, first=CHECK_PAGE, sort=SortOrder.DATE_DESC)
    check.searches += 1
    newest = sorted(expected, key=lambda i: (-facts[i].day, facts[i].key))[:CHECK_PAGE]
    want = [facts[i].key for i in newest]
    got = [hit.key for hit in page.hits]
    if got != want:
        check.mismatches.append(
            f"{query.label} (newest first): got {got[:3]}..., expected {want[:3]}..."
        )


def _check_year_facets(
    whoosh: WhooshEngine, word: str, facts: Sequence[DocFacts], holding: set[int], check: Check
) -> None:
    page = whoosh.page(BenchQuery(word, _fts_word(word), facets=True, word=word))
    check.searches += 1
    want = Counter(str(facts[i].year) for i in holding)
    got = {c.value: c.count for c in page.facets.years}
    if got != dict(want):
        check.mismatches.append(f"{word} (year facets): got {got}, brute force {dict(want)}")


# --- report ---------------------------------------------------------------------------------


def format_builds(builds: Sequence[BuildResult]) -> list[str]:
    header = (
        f"{'build':<8} {'seconds':>8} {'docs/s':>8} {'items/s':>8} {'size MB':>8} "
        f"{'peak +MB':>8} {'workers':>8}  notes"
    )
    lines = [header, "-" * len(header)]
    for b in builds:
        lines.append(
            f"{b.engine:<8} {b.seconds:>8.2f} {b.documents_per_second:>8,.0f} "
            f"{b.items_per_second:>8,.0f} {b.size_bytes / 1e6:>8.1f} "
            f"{megabytes(b.memory_bytes):>8,.0f} {megabytes(b.workers_bytes):>8,.0f}  {b.note}"
        )
    lines.append(
        "peak +MB: resident memory the build added at its peak, this process's and its "
        "workers' together; workers: the peak of the worker processes' (and the fork "
        "server's) own, summed"
    )
    return lines


def format_timings(timings: Sequence[ClassTiming]) -> list[str]:
    header = (
        f"{'query class':<20} {'hits W/F':>15}  {'whoosh p50':>10} {'p95':>7} {'p99':>7}  "
        f"{'fts5 p50':>8} {'p95':>7} {'p99':>7}  {'ratio':>6}  {'first W/F':>13}"
    )
    lines = [header, "-" * len(header)]
    for t in timings:
        hits = f"{_mean(t.whoosh_hits):,.0f}/{_mean(t.fts_hits):,.0f}"
        first = f"{t.first('whoosh'):.2f}/{t.first('fts5'):.2f}"
        lines.append(
            f"{t.name:<20} {hits:>15}  {t.p('whoosh', 0.5):>10.2f} {t.p('whoosh', 0.95):>7.2f} "
            f"{t.p('whoosh', 0.99):>7.2f}  {t.p('fts5', 0.5):>8.2f} {t.p('fts5', 0.95):>7.2f} "
            f"{t.p('fts5', 0.99):>7.2f}  {t.ratio:>5.1f}x  {first:>13}"
        )
    lines.append(
        "first W/F: median ms of each query's first run (before the repeats) on each engine"
    )
    return lines


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def format_targets(timings: Sequence[ClassTiming], whoosh_build: BuildResult) -> list[str]:
    worst = max(timings, key=lambda t: t.ratio)
    within = [t for t in timings if t.ratio <= TARGET_RATIO]
    rare = next(t for t in timings if t.name == "rare term + facets")
    rare_p50 = rare.p("whoosh", 0.5)
    rate = whoosh_build.items_per_second
    built_mb = megabytes(whoosh_build.memory_bytes)

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    return [
        "targets (reported, not asserted):",
        f"  every class within {TARGET_RATIO:g}x of FTS5's p50: "
        f"{verdict(len(within) == len(timings))} ({len(within)}/{len(timings)} classes; "
        f"worst: {worst.name}, {worst.ratio:.1f}x)",
        f"  rare term + facets under {TARGET_RARE_FACETS_MS:g} ms p50: "
        f"{verdict(rare_p50 < TARGET_RARE_FACETS_MS)} ({rare_p50:.2f} ms)",
        f"  indexing at least {TARGET_ITEMS_PER_SECOND:,.0f} items/s: "
        f"{verdict(rate >= TARGET_ITEMS_PER_SECOND)} ({rate:,.0f} items/s, "
        f"{whoosh_build.documents_per_second:,.0f} documents/s)",
        f"  index build memory under {TARGET_BUILD_MB:,} MB: "
        f"{verdict(built_mb < TARGET_BUILD_MB)} ({built_mb:,.0f} MB added at its peak)",
    ]


def format_queries(queries: dict[str, list[BenchQuery]]) -> list[str]:
    lines = ["queries:"]
    for name in CLASSES:
        lines.append(f"  {name}: " + "; ".join(q.label for q in queries[name]))
    return lines


# --- one corpus size ------------------------------------------------------------------------


@dataclass
class SizeReport:
    items: int
    lines: list[str]


def run_size(
    items: int,
    *,
    repeat: int,
    seed: int,
    folder: Path,
    build_mode: str = "rebuild",
    workers: int | None = None,
    profile: bool = False,
    glossary: Sequence[GlossaryEntry] | None = None,
    emit: Callable[[str], None] = print,
) -> SizeReport:
    """Build, time and check one corpus size; ``emit`` each line as it is ready."""
    lines: list[str] = []

    def out(line: str = "") -> None:
        lines.append(line)
        emit(line)

    entries = load_base_glossary() if glossary is None else list(glossary)
    started = time.perf_counter()
    corpus = build_corpus(items, seed=seed, glossary=entries)
    prepared = time.perf_counter() - started
    counts = ", ".join(f"{corpus.count(t):,} {t}s" for t in ("meeting", "item", "action", "metric"))
    dates = sorted(
        d.meeting.date for d in corpus.documents if d.type == "meeting" and d.meeting.date
    )
    out(
        f"corpus: {items:,} items, seed {seed}: {len(corpus.documents):,} documents ({counts}), "
        f"meetings {dates[0]} to {dates[-1]}; documents built in {prepared:.1f}s"
    )
    started = time.perf_counter()
    facts, vocabulary = analyse(corpus.documents)
    analysed = time.perf_counter() - started
    out(f"vocabulary: {len(vocabulary.df):,} index terms (analysed in {analysed:.1f}s)")

    folder.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    whoosh_build, _ = build_whoosh(corpus, folder / "index", mode=build_mode, workers=workers)
    fts_build = build_fts(corpus, folder / "fts5.sqlite")
    out()
    out(f"load average {load_before:.1f} before the builds, {os.getloadavg()[0]:.1f} after")
    for line in format_builds([whoosh_build, fts_build]):
        out(line)

    rng = random.Random(seed)
    years = _years(facts)
    bands = choose_words(vocabulary, len(facts), entries, rng)
    phrases = choose_phrases(corpus.documents, rng)
    queries = build_queries(bands, phrases, years, rng)
    build_profile = profile_build(corpus, folder / "profile-index") if profile else []
    del corpus
    gc.collect()
    gc.freeze()  # the corpus facts stay: keep them out of the collector's full passes

    store = IndexStore(folder / "index")
    started = time.perf_counter()
    searcher = Searcher(store.open(), entries)
    opened = (time.perf_counter() - started) * 1000
    whoosh = WhooshEngine(searcher)
    fts = FtsEngine(folder / "fts5.sqlite")
    try:
        first_query = queries["rare term + facets"][0]
        cold_ms, _ = _timed(whoosh.search, first_query)
        out()
        out(
            f"whoosh searcher opened in {opened:.0f} ms; first search ({first_query.text!r}, "
            f"facets) {cold_ms:.0f} ms (reads the filter and facet sets once per generation)"
        )
        load_before = os.getloadavg()[0]
        timings = time_classes(whoosh, fts, queries, repeat)
        load_after = os.getloadavg()[0]
        out(
            f"load average {load_before:.1f} before the timed runs, {load_after:.1f} after "
            f"({os.cpu_count()} CPUs)"
        )
        out(
            f"{len(facts):,} documents; {repeat} runs of {QUERIES_PER_CLASS} queries per class; "
            "ms; ratio = whoosh p50 / fts5 p50; hits = mean total whoosh/fts5"
        )
        out()
        for line in format_timings(timings):
            out(line)
        out()
        for line in format_targets(timings, whoosh_build):
            out(line)
        out()
        check = check_filters(
            whoosh, facts, vocabulary, [*bands.rare, *bands.medium, *bands.common], years, rng
        )
        out(
            f"correctness: {check.searches} searches checked against brute force, "
            f"{len(check.mismatches)} mismatches"
        )
        for mismatch in check.mismatches[:MISMATCHES_SHOWN]:
            out(f"  {mismatch}")
        if len(check.mismatches) > MISMATCHES_SHOWN:
            out(f"  ... {len(check.mismatches) - MISMATCHES_SHOWN} more")
        out()
        for line in format_queries(queries):
            out(line)
        out(f"  {bands.describe()}")
        if profile:
            out()
            out("profile (cProfile; whoosh side):")
            for line in [*build_profile, *profile_classes(whoosh, queries, max(1, repeat // 3))]:
                out(line)
    finally:
        searcher.close()
        fts.close()
        gc.unfreeze()
    return SizeReport(items, lines)


# --- command line ---------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError("sizes are item counts, e.g. 10000,100000") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes are positive item counts, e.g. 10000,100000")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.search_bench",
        description="Time the project's Whoosh search against SQLite FTS5 on a synthetic corpus.",
    )
    parser.add_argument("--items", type=_sizes, default=[10_000], help="e.g. 10000,100000")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--out", type=Path, default=None, help="keep the indexes and reports in this folder"
    )
    parser.add_argument("--build", choices=("rebuild", "batches"), default="rebuild")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help=f"processes writing a rebuild's segments (default {default_workers()})",
    )
    parser.add_argument(
        "--profile", action="store_true", help="profile each class's Whoosh searches"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    for items in args.items:
        with tempfile.TemporaryDirectory(prefix="assurance-search-bench-") as scratch:
            folder = (args.out or Path(scratch)) / f"items-{items}"
            if folder.exists() and any(folder.iterdir()):
                parser.error(f"{folder} is not empty")
            report = run_size(
                items,
                repeat=args.repeat,
                seed=args.seed,
                folder=folder,
                build_mode=args.build,
                workers=args.workers,
                profile=args.profile,
            )
            if args.out:
                (folder / "report.txt").write_text("\n".join(report.lines) + "\n", "utf-8")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
