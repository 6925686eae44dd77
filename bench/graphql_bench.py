"""GraphQL benchmark: the API served by uvicorn, timed over HTTP on the loopback.

    python -m bench.graphql_bench [--meetings 1000,10000] [--requests 200] [--concurrency 1,4]
                                  [--workers 1] [--data DIR] [--seed 7] [--database-url URL]

For each corpus size (meetings) it builds a data folder as ``assurance ingest`` does (a
synthetic corpus ingested with ``ingest.pipeline.ingest_paths``, then the change log
applied to the search index), or reuses the one ``--data`` already holds. It counts the
SQL statements one request of each query class sends (in-process, with the app's schema
and a fresh request context), times the same rare-word searches through
``indexer.search.Searcher`` directly, then starts uvicorn in a subprocess on a free
loopback port and sends ``POST /graphql`` requests from a bounded asyncio client, each
class at each concurrency. It prints requests per second, p50/p95/p99 latency and
errors per class, and the targets beside the figures. Nothing here asserts anything
about time.

The classes: a meeting by id; the nested page (20 meetings of a year with their chair,
themes, items, sub-items, actions with owners, and figures); a typical list page (20
meetings with title, date, kind, chair, theme codes and the ids of their items and
actions, which a front end counts); a rare-word search with facets; and the minimal
request. Strawberry's own floor for the nested page's shape is measured in the same run
(``bench.strawberry_floor``): the API's answers to the nested query, made into plain
objects, served by a bare Strawberry app on uvicorn and asked the same requests, and
executed in-process. The targets: the nested page at most 1.5x that floor over HTTP,
the list page under 10 ms, and search over HTTP at most the minimal request's time plus
1.2x the Python API's.

Those classes run with the cache of answers switched off, so that they time the
queries themselves. A second server, with the cache on, then answers each class's
first request again and again (every one a hit after the warm-up), beside the minimal
request; the cost of reading the change-log position that keys the cache is timed
in-process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx
import strawberry
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from whoosh.analysis.filters import STOP_WORDS
from whoosh.index import Index

from api.database import open_database
from api.positions import open_positions
from api.protection import protection_extensions
from api.searchers import SearcherPool
from api.settings import Settings
from bench.corpus import write_corpus
from bench.live_server import HttpResult, post_graphql, serve
from bench.search_bench import Vocabulary, WordBands, choose_words, percentile
from bench.strawberry_floor import (
    FLOOR_PAGES_ENV,
    PageKey,
    floor_command,
    floor_schema,
    write_pages,
)
from indexer.analysis import stem_word
from indexer.search import Searcher
from indexer.storage import IndexStore
from indexer.sync import apply_changes, check
from ingest.draft import GlossaryEntry
from ingest.pipeline import ingest_paths
from records.db import session_factory
from records.glossary import load_glossary
from records.models import Action, AgendaItem, Meeting, Metric, SourceDocument
from records.scratch import scratch_database
from schema import build_schema
from schema.context import Context
from schema.node import to_global_id

MARKER: Final = "bench-data.json"
BUILDING: Final = "bench-data.building.json"
DATABASE_FILE: Final = "assurance.db"  # where Settings puts SQLite in the data folder
INGEST_WORKERS: Final = 2
SAMPLE_SIZE: Final = 100  # meeting ids drawn for "meeting by id"
PAGES_PER_YEAR: Final = 4  # windows of the nested query: pages of 20 per year
IN_PROCESS_RUNS: Final = 20
REQUEST_TIMEOUT: Final = 60.0

# Targets stated for the GraphQL API (reported, never asserted).
TARGET_FLOOR_RATIO: Final = 1.5  # the nested page against Strawberry's floor for its shape
TARGET_LIST_P50_MS: Final = 10.0
TARGET_SEARCH_RATIO: Final = 1.2  # search over HTTP: the minimal request + this x the Python API

MEETING_QUERY: Final = """
query MeetingById($id: ID!) {
  meeting(id: $id) {
    id title kind date startTime venue body
    chair { name }
    minuteTaker { name }
    items { id number title text children { id number title text } }
  }
}
"""

NESTED_QUERY: Final = """
query MeetingsPage($year: Int!, $after: String) {
  meetings(first: 20, filter: {year: $year}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title kind date body
      chair { name }
      themes { code name }
      items {
        number title
        children { number title }
        actions { reference text status dueDate owners { name } }
      }
      metrics { value unit label kind }
    } }
  }
}
"""

# A typical list page: what a front end shows for each meeting of a list, counting the
# items and actions it lists.
LIST_QUERY: Final = """
query ListPage($year: Int!, $after: String) {
  meetings(first: 20, filter: {year: $year}, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title date kind
      chair { name }
      themes { code }
      items { id }
      actions { id }
    } }
  }
}
"""

SEARCH_QUERY: Final = """
query Search($q: String!) {
  search(query: $q, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { score highlights node {
      __typename
      ... on AgendaItem { id number title }
      ... on Meeting { id title date }
      ... on Action { id reference text }
      ... on Metric { id label value }
    } }
    facets {
      years { value count }
      themes { value count }
      kinds { value count }
      types { value count }
    }
    suggestion
  }
}
"""

MEETING_BY_ID: Final = "meeting by id"
NESTED: Final = "nested 20 meetings"
LIST_PAGE: Final = "list page 20 meetings"
FLOOR: Final = "strawberry floor"
SEARCH: Final = "search rare + facets"
MINIMAL: Final = "minimal request"
# The least a request can ask: what every request costs before it reads any data.
MINIMAL_QUERY: Final = "{ __typename }"
# The first server times the queries themselves; the second answers repeats from its cache.
CACHE_OFF: Final = {"ASSURANCE_RESPONSE_CACHE_ENTRIES": "0"}
CACHED_PREFIX: Final = "cached "
POSITION_READS: Final = 200


# --- the data folder ------------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltData:
    """A data folder holding a migrated database and an index in step with it."""

    settings: Settings
    meetings: int
    build_seconds: float
    ingest_seconds: float
    index_seconds: float
    reused: bool


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return found if isinstance(found, dict) else None


def _names(marker: dict[str, Any] | None, meetings: int, seed: int) -> bool:
    return marker is not None and marker.get("meetings") == meetings and marker.get("seed") == seed


async def _documents(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(SourceDocument)) or 0)


async def _reuse(settings: Settings, meetings: int, seed: int) -> BuiltData | None:
    """The folder's earlier build of this size and seed, its index brought in step; None
    when the folder holds no such build."""
    marker = _read_json(settings.data_dir / MARKER)
    if marker is None or not _names(marker, meetings, seed):
        return None
    engine = await open_database(settings)
    try:
        if marker.get("documents") != await _documents(engine):
            return None
        await apply_changes(engine, IndexStore(settings.index_dir))
    finally:
        await engine.dispose()
    return BuiltData(
        settings,
        meetings,
        _seconds(marker.get("build_seconds")),
        _seconds(marker.get("ingest_seconds")),
        _seconds(marker.get("index_seconds")),
        reused=True,
    )


def _seconds(value: object) -> float:
    return float(value) if isinstance(value, int | float) else math.nan


def _clear(data_dir: Path) -> None:
    """Remove what an earlier build left in the folder (and nothing else)."""
    for name in (MARKER, BUILDING, DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm"):
        (data_dir / name).unlink(missing_ok=True)
    for name in ("index", "corpus"):
        shutil.rmtree(data_dir / name, ignore_errors=True)


async def _build(settings: Settings, meetings: int, seed: int) -> BuiltData:
    """Write the corpus, ingest it (files already stored are skipped) and index it."""
    corpus = settings.data_dir / "corpus"
    engine = await open_database(settings)
    try:
        started = time.perf_counter()
        write_corpus(corpus, meetings, seed=seed)
        summary = await ingest_paths(
            engine, [corpus], limits=settings.ingest_limits, workers=INGEST_WORKERS
        )
        ingested = time.perf_counter()
        await apply_changes(engine, IndexStore(settings.index_dir))
        indexed = time.perf_counter()
        documents = await _documents(engine)
    finally:
        await engine.dispose()
    if summary.failed:
        print(f"ingest: {len(summary.failed)} file(s) failed, e.g. {summary.failed[0].error}")
    shutil.rmtree(corpus, ignore_errors=True)
    built = BuiltData(
        settings, meetings, indexed - started, ingested - started, indexed - ingested, False
    )
    _write_json(
        settings.data_dir / MARKER,
        {
            "meetings": meetings,
            "seed": seed,
            "documents": documents,
            "build_seconds": round(built.build_seconds, 2),
            "ingest_seconds": round(built.ingest_seconds, 2),
            "index_seconds": round(built.index_seconds, 2),
        },
    )
    (settings.data_dir / BUILDING).unlink(missing_ok=True)
    return built


def _write_json(path: Path, content: dict[str, Any]) -> None:
    path.write_text(json.dumps(content), encoding="utf-8")


async def build_data(
    meetings: int, *, seed: int, data_dir: Path, database_url: str | None = None
) -> BuiltData:
    """The data folder for ``meetings`` meetings, built unless ``data_dir`` holds it already.

    A SQLite folder counts as built when its marker names the same size and seed and the
    database holds as many documents as the marker says; its index is then brought in
    step. A build of the same size and seed that was interrupted is resumed (stored
    files are skipped); anything else the folder holds from an earlier build is removed
    first, since corpora of different sizes are different meetings. With
    ``database_url`` (an empty scratch database) the data is always built.
    """
    settings = Settings(data_dir=data_dir, database_url=database_url)
    if database_url is None:
        reused = await _reuse(settings, meetings, seed)
        if reused is not None:
            return reused
        if not _names(_read_json(data_dir / BUILDING), meetings, seed):
            _clear(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        _write_json(data_dir / BUILDING, {"meetings": meetings, "seed": seed})
    return await _build(settings, meetings, seed)


# --- the query classes ----------------------------------------------------------------------


@dataclass(frozen=True)
class QueryClass:
    """One class of request: a query document and the variables its requests take in turn."""

    name: str
    query: str
    variables: list[dict[str, Any]]


async def execute(
    schema: strawberry.Schema, context: Context, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    """The data of one in-process execution that must succeed."""
    result = await schema.execute(query, variable_values=variables, context_value=context)
    if result.errors or result.data is None:
        messages = [e.message for e in result.errors or []]
        raise RuntimeError(f"query failed in-process: {messages}")
    return result.data


async def meeting_ids(engine: AsyncEngine, rng: random.Random) -> list[dict[str, Any]]:
    """Variables for ``meeting by id``: global ids of meetings drawn at random."""
    async with session_factory(engine)() as session:
        ids = list(await session.scalars(select(Meeting.id).order_by(Meeting.id)))
    chosen = rng.sample(ids, min(SAMPLE_SIZE, len(ids)))
    return [{"id": to_global_id("Meeting", record_id)} for record_id in chosen]


async def meeting_years(engine: AsyncEngine) -> list[int]:
    async with session_factory(engine)() as session:
        first, last = (
            await session.execute(select(func.min(Meeting.date), func.max(Meeting.date)))
        ).one()
    if first is None or last is None:
        return []
    return list(range(first.year, last.year + 1))


async def nested_windows(
    schema: strawberry.Schema, engine: AsyncEngine, years: Sequence[int]
) -> list[dict[str, Any]]:
    """Variables for the nested query: up to ``PAGES_PER_YEAR`` pages of 20 in each year,
    the later pages reached with the previous page's ``endCursor``."""
    query = """
    query Cursors($year: Int!, $after: String) {
      meetings(first: 20, filter: {year: $year}, after: $after) {
        pageInfo { hasNextPage endCursor }
      }
    }
    """
    windows: list[dict[str, Any]] = []
    for year in years:
        after: str | None = None
        for _ in range(PAGES_PER_YEAR):
            variables = {"year": year, "after": after}
            data = await execute(schema, Context(engine=engine), query, variables)
            windows.append(variables)
            page = data["meetings"]["pageInfo"]
            if not page["hasNextPage"]:
                break
            after = page["endCursor"]
    return windows


def rare_words(index: Index, glossary: Sequence[GlossaryEntry], rng: random.Random) -> list[str]:
    """Words as a user types them whose stem is in few documents (see ``word_bands``)."""
    return word_bands(index, glossary, rng).rare


def word_bands(index: Index, glossary: Sequence[GlossaryEntry], rng: random.Random) -> WordBands:
    """Words as a user types them by how many documents their stem is in, drawn as the
    search benchmark draws them (``bench.search_bench.choose_words``), but from the built
    index: typed forms from the ``exact`` field, frequencies of their stems in ``text``."""
    vocabulary = Vocabulary()
    with index.reader() as reader:
        documents = int(reader.doc_count())
        for raw in reader.lexicon("exact"):
            word = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
            if len(word) < 4 or not word.isalpha() or word in STOP_WORDS:
                continue
            stem = stem_word(word)
            vocabulary.word_df[word] = int(reader.doc_frequency("exact", word))
            vocabulary.stem_of[word] = stem
            vocabulary.df[vocabulary.term_id(stem)] = int(reader.doc_frequency("text", stem))
    return choose_words(vocabulary, documents, glossary, rng)


# --- in-process figures: SQL statements, and the search through the Python API -------------


@dataclass(frozen=True)
class InProcess:
    """One class executed in-process: statements and SQL time of one request, and the
    p50 of ``IN_PROCESS_RUNS`` executions (each with a fresh context)."""

    name: str
    statements: int
    sql_ms: float
    p50_ms: float


@contextlib.contextmanager
def statement_log(engine: AsyncEngine) -> Iterator[list[float]]:
    """Durations (ms) of the statements the engine sends while the block runs."""
    durations: list[float] = []
    started: list[float] = []

    def before(*_: Any) -> None:
        started.append(time.perf_counter())

    def after(*_: Any) -> None:
        durations.append((time.perf_counter() - started.pop()) * 1000)

    sync_engine = engine.sync_engine
    event.listen(sync_engine, "before_cursor_execute", before)
    event.listen(sync_engine, "after_cursor_execute", after)
    try:
        yield durations
    finally:
        event.remove(sync_engine, "before_cursor_execute", before)
        event.remove(sync_engine, "after_cursor_execute", after)


async def measure_in_process(
    schema: strawberry.Schema, engine: AsyncEngine, pool: SearcherPool, query_class: QueryClass
) -> InProcess:
    def context() -> Context:
        return Context(engine=engine, searcher=pool.get)

    first = query_class.variables[0]
    await execute(schema, context(), query_class.query, first)  # warm-up
    with statement_log(engine) as durations:
        await execute(schema, context(), query_class.query, first)
    timings: list[float] = []
    for run in range(IN_PROCESS_RUNS):
        variables = query_class.variables[run % len(query_class.variables)]
        started = time.perf_counter()
        await execute(schema, context(), query_class.query, variables)
        timings.append((time.perf_counter() - started) * 1000)
    return InProcess(query_class.name, len(durations), sum(durations), percentile(timings, 0.5))


async def nested_answers(
    schema: strawberry.Schema, engine: AsyncEngine, windows: Sequence[dict[str, Any]]
) -> dict[PageKey, dict[str, Any]]:
    """The API's answers to the nested query for each window: what the floor serves."""
    answers: dict[PageKey, dict[str, Any]] = {}
    for variables in windows:
        data = await execute(schema, Context(engine=engine), NESTED_QUERY, variables)
        answers[variables["year"], variables["after"]] = data["meetings"]
    return answers


async def measure_floor_in_process(
    answers: dict[PageKey, dict[str, Any]], windows: Sequence[dict[str, Any]]
) -> InProcess:
    """The floor schema's p50 in-process, over the same windows; its answers are checked
    to be the API's."""
    floor = floor_schema(answers)
    for variables in windows:
        result = await floor.execute(NESTED_QUERY, variable_values=variables)
        if result.errors or result.data is None:
            raise RuntimeError(f"the floor schema failed: {result.errors}")
        if result.data["meetings"] != answers[variables["year"], variables["after"]]:
            raise RuntimeError(f"the floor schema answers {variables} otherwise than the API")
    timings: list[float] = []
    for run in range(IN_PROCESS_RUNS):
        started = time.perf_counter()
        await floor.execute(NESTED_QUERY, variable_values=windows[run % len(windows)])
        timings.append((time.perf_counter() - started) * 1000)
    return InProcess(FLOOR, 0, 0.0, percentile(timings, 0.5))


def time_python_search(searcher: Searcher, words: Sequence[str], requests: int) -> list[float]:
    """Milliseconds of ``requests`` searches for the words in turn, as the API runs them
    (first 20, facets), each word searched once untimed first."""
    for word in words:
        searcher.search(word, first=20, facets=True)
    timings: list[float] = []
    for run in range(requests):
        started = time.perf_counter()
        searcher.search(words[run % len(words)], first=20, facets=True)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


# --- the client ------------------------------------------------------------------------------


async def run_requests(
    url: str,
    query_class: QueryClass,
    requests: int,
    concurrency: int,
    rng: random.Random,
) -> HttpResult:
    """``requests`` POSTs from ``concurrency`` worker tasks over one connection each, after
    a warm-up of as many requests as there are variants (at most 50)."""
    result = HttpResult(query_class.name, concurrency)
    variants = query_class.variables
    warm_up = variants[: min(len(variants), 50)]
    plan = [variants[n % len(variants)] for n in range(requests)]
    rng.shuffle(plan)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT, limits=limits) as client:
        for variables in warm_up:
            await post_graphql(client, url, query_class.query, variables)
        pending = iter(plan)

        async def worker() -> None:
            for variables in pending:
                result.record(*await post_graphql(client, url, query_class.query, variables))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


# --- output -------------------------------------------------------------------------------


def format_in_process(figures: Sequence[InProcess]) -> list[str]:
    header = f"{'query class':<22} {'statements':>10} {'SQL ms':>8} {'in-process p50 ms':>18}"
    lines = [header, "-" * len(header)]
    lines.extend(
        f"{f.name:<22} {f.statements:>10} {f.sql_ms:>8.2f} {f.p50_ms:>18.2f}" for f in figures
    )
    return lines


def format_http(results: Sequence[HttpResult]) -> list[str]:
    width = max([22, *(len(r.name) for r in results)])
    header = (
        f"{'query class':<{width}} {'conc':>4} {'requests':>8} {'errors':>6} {'req/s':>8} "
        f"{'p50':>8} {'p95':>8} {'p99':>8}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(
            f"{r.name:<{width}} {r.concurrency:>4} {r.requests:>8} {r.errors:>6} "
            f"{r.per_second:>8.1f} {r.p(0.5):>8.2f} {r.p(0.95):>8.2f} {r.p(0.99):>8.2f}"
        )
    lines.extend(
        f"  first error ({r.name}, concurrency {r.concurrency}): {r.first_error}"
        for r in results
        if r.first_error
    )
    return lines


def repeated(classes: Sequence[QueryClass]) -> list[QueryClass]:
    """Each class with its first variables only: every request after the first is a repeat."""
    return [QueryClass(CACHED_PREFIX + c.name, c.query, c.variables[:1]) for c in classes]


def format_cache(
    uncached: Sequence[HttpResult], cached: Sequence[HttpResult], position: Sequence[float]
) -> list[str]:
    """Each repeated query's p50 against the minimal request's, at the lowest concurrency."""
    lowest = min(r.concurrency for r in cached)
    plain = {r.name: r for r in uncached if r.concurrency == lowest}
    hits = {r.name: r for r in cached if r.concurrency == lowest}
    floor = plain[MINIMAL].p(0.5)
    lines = [
        f"a repeated query against the minimal request ({MINIMAL_QUERY}, {floor:.2f} ms p50 "
        f"with the cache off) at concurrency {lowest}:"
    ]
    for name, result in plain.items():
        if CACHED_PREFIX + name not in hits:
            continue  # the floor: another server
        hit = hits[CACHED_PREFIX + name].p(0.5)
        lines.append(
            f"  {name:<22} {hit:>7.2f} ms p50 from the cache ({hit / floor:.2f}x the minimal "
            f"request; {result.p(0.5):.2f} ms when run)"
        )
    lines.append(
        f"  reading the change-log position (api.positions, in-process): p50 "
        f"{percentile(position, 0.5):.3f} ms, p95 {percentile(position, 0.95):.3f} ms over "
        f"{len(position)} reads"
    )
    return lines


async def time_position_reads(engine: AsyncEngine, reads: int) -> list[float]:
    """The change-log position as a read takes it for its ETag (``api.positions``)."""
    positions = await open_positions(engine)
    timings = []
    try:
        for _ in range(reads):
            started = time.perf_counter()
            await positions.latest()
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        await positions.close()
    return timings


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def format_targets(results: Sequence[HttpResult], python_p50: float, workers: int) -> list[str]:
    """The targets beside the figures at the lowest concurrency run."""
    lowest = min(r.concurrency for r in results)
    at = {r.name: r for r in results if r.concurrency == lowest}
    note = "" if workers == 1 else f"; measured with {workers} workers, the targets are for one"
    lines = [f"targets (reported, not asserted), at concurrency {lowest}{note}:"]
    nested, floor = at[NESTED].p(0.5), at[FLOOR].p(0.5)
    ratio = nested / floor if floor else math.inf
    lines.append(
        f"  nested 20-meeting page at most {TARGET_FLOOR_RATIO}x Strawberry's floor for its "
        f"shape: {_met(ratio <= TARGET_FLOOR_RATIO)} ({ratio:.2f}x: {nested:.2f} ms p50, the "
        f"floor {floor:.2f} ms, both over HTTP)"
    )
    listed = at[LIST_PAGE].p(0.5)
    lines.append(
        f"  list page of 20 meetings under {TARGET_LIST_P50_MS:.0f} ms p50: "
        f"{_met(listed < TARGET_LIST_P50_MS)} ({listed:.2f} ms)"
    )
    search, minimal = at[SEARCH].p(0.5), at[MINIMAL].p(0.5)
    bound = minimal + TARGET_SEARCH_RATIO * python_p50
    lines.append(
        f"  search through GraphQL at most the minimal request + {TARGET_SEARCH_RATIO}x the "
        f"Python API: {_met(search <= bound)} ({search:.2f} ms over HTTP against "
        f"{minimal:.2f} + {TARGET_SEARCH_RATIO} x {python_p50:.2f} = {bound:.2f} ms)"
    )
    lines.append(
        f"  for scale: a minimal request ({MINIMAL_QUERY}) takes {minimal:.2f} ms p50 over "
        f"HTTP; search through Searcher.search {python_p50:.2f} ms in-process"
    )
    return lines


# --- one size -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    requests: int = 200
    concurrency: tuple[int, ...] = (1, 4)
    workers: int = 1
    seed: int = 7
    data: Path | None = None
    database_url: str | None = None


async def _record_counts(engine: AsyncEngine) -> str:
    parts = []
    async with session_factory(engine)() as session:
        for name, model in (
            ("meetings", Meeting),
            ("items", AgendaItem),
            ("actions", Action),
            ("metrics", Metric),
        ):
            count = int(await session.scalar(select(func.count()).select_from(model)) or 0)
            parts.append(f"{count:,} {name}")
    return ", ".join(parts)


async def run_size(
    meetings: int, options: Options, emit: Callable[[str], None] = print
) -> list[str]:
    """Build (or reuse) one size's data folder, then measure it; ``emit`` each line."""
    lines: list[str] = []

    def out(line: str = "") -> None:
        lines.append(line)
        emit(line)

    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="assurance-gql-")))
        data_dir = (options.data or scratch) / f"meetings-{meetings}"
        async with contextlib.AsyncExitStack() as async_stack:
            database_url = None
            if options.database_url:
                database_url = await async_stack.enter_async_context(
                    scratch_database(options.database_url, scratch / "db")
                )
            built = await build_data(
                meetings, seed=options.seed, data_dir=data_dir, database_url=database_url
            )
            await _measure(built, options, scratch, out)
    return lines


async def _measure(
    built: BuiltData, options: Options, scratch: Path, out: Callable[[str], None]
) -> None:
    settings = built.settings
    backend = make_url(settings.resolved_database_url).get_backend_name()
    how = "reused, built earlier" if built.reused else "built"
    out(
        f"data: {built.meetings:,} meetings (seed {options.seed}) in {settings.data_dir}, "
        f"{backend}; {how} in {built.build_seconds:.1f}s (ingest {built.ingest_seconds:.1f}s, "
        f"index {built.index_seconds:.1f}s)"
    )
    rng = random.Random(options.seed)
    # As the server builds it: with the limits and the parse and validation caches.
    schema = build_schema(extensions=protection_extensions(settings))
    engine = await open_database(settings)
    store = IndexStore(settings.index_dir)
    pool = SearcherPool(store)
    try:
        await pool.load_glossary(session_factory(engine))
        async with session_factory(engine)() as session:
            glossary = await load_glossary(session)
        status = await check(engine, store)
        records = await _record_counts(engine)
        out(f"records: {records}; index: {status.documents:,} documents, lag {status.lag}")
        words = rare_words(store.open(), glossary, rng)
        windows = await nested_windows(schema, engine, await meeting_years(engine))
        classes = [
            QueryClass(MEETING_BY_ID, MEETING_QUERY, await meeting_ids(engine, rng)),
            QueryClass(NESTED, NESTED_QUERY, windows),
            QueryClass(LIST_PAGE, LIST_QUERY, windows),
            QueryClass(SEARCH, SEARCH_QUERY, [{"q": w} for w in words]),
            QueryClass(MINIMAL, MINIMAL_QUERY, [{}]),
        ]
        years = sorted({w["year"] for w in windows})
        out(
            f"requests: {len(classes[0].variables)} meeting ids; {len(windows)} windows of 20 "
            f"meetings ({years[0]}-{years[-1]}, up to {PAGES_PER_YEAR} pages a year); "
            f"rare words {', '.join(words)}"
        )
        figures = [await measure_in_process(schema, engine, pool, c) for c in classes]
        answers = await nested_answers(schema, engine, windows)
        figures.append(await measure_floor_in_process(answers, windows))
        searcher = pool.get()
        python_ms = time_python_search(searcher, words, options.requests)
        position_ms = await time_position_reads(engine, POSITION_READS)
    finally:
        pool.close()
        await engine.dispose()
    out("")
    out("SQL statements per request (in-process, one execution with a fresh context):")
    for line in format_in_process(figures):
        out(line)
    out("")
    python_p50 = percentile(python_ms, 0.5)
    out(
        f"search through the Python API (Searcher.search, first 20, facets, in-process): "
        f"p50 {python_p50:.2f} ms, p95 {percentile(python_ms, 0.95):.2f} ms, "
        f"p99 {percentile(python_ms, 0.99):.2f} ms over {len(python_ms)} searches"
    )
    load_before = os.getloadavg()[0]
    results: list[HttpResult] = []
    with serve(settings, options.workers, scratch / "server.log", extra_env=CACHE_OFF) as server:
        out(
            f"server: uvicorn, {options.workers} worker(s), {server.url}, ready in "
            f"{server.ready_seconds:.1f}s (cache of answers off)"
        )
        for query_class in classes:
            for concurrency in options.concurrency:
                results.append(
                    await run_requests(server.url, query_class, options.requests, concurrency, rng)
                )
    floor_pages = scratch / "floor-pages.json"
    write_pages(floor_pages, answers)
    floor_class = QueryClass(FLOOR, NESTED_QUERY, windows)
    with serve(
        settings,
        options.workers,
        scratch / "floor.log",
        command=floor_command,
        extra_env={FLOOR_PAGES_ENV: str(floor_pages)},
    ) as server:
        for concurrency in options.concurrency:
            results.append(
                await run_requests(server.url, floor_class, options.requests, concurrency, rng)
            )
    cached: list[HttpResult] = []
    with serve(settings, options.workers, scratch / "server-cached.log") as server:
        for query_class in repeated(classes):
            for concurrency in options.concurrency:
                cached.append(
                    await run_requests(server.url, query_class, options.requests, concurrency, rng)
                )
    out(
        f"load average {load_before:.1f} before the requests, {os.getloadavg()[0]:.1f} after "
        f"({os.cpu_count()} CPUs); ms, measured by the client until the response is read"
    )
    out("")
    for line in format_http(results):
        out(line)
    out("")
    for line in format_targets(results, python_p50, options.workers):
        out(line)
    out("")
    out("cache of answers (a second server, cache on; each class repeats its first request):")
    for line in format_http(cached):
        out(line)
    out("")
    for line in format_cache(results, cached, position_ms):
        out(line)


# --- command line ---------------------------------------------------------------------------


def _counts(text: str) -> tuple[int, ...]:
    try:
        counts = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("comma-separated positive integers, e.g. 1,4")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.graphql_bench",
        description="Time GraphQL requests over HTTP against a served synthetic archive.",
    )
    parser.add_argument("--meetings", type=_counts, default=(1000, 10000), help="e.g. 1000,10000")
    parser.add_argument("--requests", type=int, default=200, help="timed requests per class")
    parser.add_argument("--concurrency", type=_counts, default=(1, 4), help="e.g. 1,4")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="keep the data folders under DIR/meetings-<N> and reuse them (default: temporary)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--database-url",
        default=None,
        help="PostgreSQL server URL to create a scratch database on (default: SQLite)",
    )
    args = parser.parse_args(argv)
    if args.database_url and make_url(args.database_url).get_backend_name() != "postgresql":
        parser.error("--database-url takes a PostgreSQL server URL (SQLite is the default)")
    if args.database_url and args.data:
        parser.error("--data keeps SQLite data folders; a PostgreSQL database is built each run")
    if args.requests < 1 or args.workers < 1:
        parser.error("--requests and --workers must be at least 1")
    options = Options(
        requests=args.requests,
        concurrency=args.concurrency,
        workers=args.workers,
        seed=args.seed,
        data=args.data,
        database_url=args.database_url,
    )
    for number, meetings in enumerate(args.meetings):
        if number:
            print()
        asyncio.run(run_size(meetings, options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
