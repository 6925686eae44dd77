"""Lifecycle benchmark: what linking actions across meetings adds to ingest, and how fast
``Action.chain`` and ``Theme.timeline`` answer.

    python -m bench.lifecycle_bench [--meetings 3000] [--queries 300] [--body-years 10]
                                    [--stores ingest,upload] [--database-url URL]

Generates a synthetic corpus (``bench.corpus``: carried actions name earlier meetings of
their force) and reads and parses every file once on ``--workers`` processes (their CPU
time measured). Then, as ``assurance ingest`` runs (``--stores ingest``): the whole
pipeline (``ingest.pipeline.ingest_paths``: parse workers, batches of files a
transaction) and the change log applied to a new index, into two fresh databases, once
as it is and once with ``store_document`` in place of linking and series; it prints
each run's clock time and this process's CPU (every thread's: the database driver's
too) and what linking adds as a share of each. Then as uploads are stored (``--stores
upload``): a file a transaction into three fresh databases, with
``ingest.store.store_document`` alone, with ``ingest.lifecycle.link.store_and_link``
and with ``ingest.series.link.store_with_series``, and what linking and series add to
storing. It prints what was linked, and the latency of ``Action.chain`` queries through
the schema in process (a fresh request context each).

Then one body's years (``--body-years``, 10 by default): a force's meetings of every
kind, 30 a year (monthly assurance, quarterly performance meetings, boards and panels,
thematic meetings on each theme in turn), generated, stored and linked into a fresh
database and indexed, and the latency in process of ``Action.chain`` and of
``Theme.timeline`` over all those years by year, quarter and month (every field, search
hits included, through the server's searchers; a fresh request context each), with the
load average while they ran. Queries run through the schema with the server's extensions
(its limits, and its caches of parsed and validated query texts), as the server runs
them. ``--meetings 0`` or ``--body-years 0`` leaves out either part. It prints figures
and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Collection, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from unittest import mock

import strawberry
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

import migrations
from api.protection import protection_extensions
from api.searchers import SearcherPool
from api.settings import Settings
from bench.corpus import (
    FORCES,
    THEMATIC_TOPICS,
    GeneratedMeeting,
    Slot,
    generate_meeting,
    write_corpus,
    write_meetings,
)
from indexer.storage import IndexStore
from indexer.sync import apply_changes, rebuild
from ingest import pipeline
from ingest.lifecycle.link import PendingLink, store_and_link
from ingest.parse.themes import load_base_glossary
from ingest.pipeline import ingest_paths
from ingest.prepare import PreparedDocument, prepare_raw
from ingest.read import read_document
from ingest.series.link import store_with_series
from ingest.store import StoreOutcome, StoreResult, store_document
from records.db import create_engine, session_factory, write_session
from records.enums import MeetingKind
from records.glossary import sync_base_glossary
from records.models import (
    ActionEvent,
    ActionLifecycle,
    ActionLink,
    MetricPoint,
    MetricSeries,
    Theme,
    meeting_themes,
)
from records.scratch import scratch_database
from schema import build_schema
from schema.context import Context
from schema.node import to_global_id

CHAIN = """
query($id: ID!) {
  node(id: $id) { ... on Action { chain { id reference status meeting { date } } } }
}
"""

TIMELINE = """
query($code: String!, $from: Date!, $to: Date!, $by: CalendarPeriod!) {
  theme(code: $code) {
    timeline(from: $from, to: $to, by: $by) {
      period start end meetings items actionsRaised actionsClosed openActions searchHits
    }
  }
}
"""
PERIODS = ("YEAR", "QUARTER", "MONTH")
# One body's meetings in a year, by kind: 30 in all.
BODY_YEAR = (
    (MeetingKind.MONTHLY_ASSURANCE, 12),
    (MeetingKind.THEMATIC, 6),
    (MeetingKind.PERFORMANCE, 4),
    (MeetingKind.ACCOUNTABILITY_BOARD, 4),
    (MeetingKind.POLICE_AND_CRIME_PANEL, 4),
)
FIRST_BODY_YEAR = 2015

Store = Callable[[AsyncSession, PreparedDocument], Awaitable[StoreResult]]
T = TypeVar("T")


@dataclass
class Latency:
    """Seconds per query: on the clock, and of this process's CPU (every thread's: the
    database driver's and the searchers' too), which a busy machine inflates less."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def line(self, name: str, detail: str) -> str:
        p50, p95 = percentiles(self.wall)
        cpu_p50, _ = percentiles(self.cpu)
        return (
            f"{name} in process: p50 {p50:.1f} ms, p95 {p95:.1f} ms (CPU p50 {cpu_p50:.1f} ms) "
            f"over {len(self.wall)} queries ({detail})"
        )


async def timed(latency: Latency, query: Awaitable[T]) -> T:
    """``query``'s result, its time added to ``latency``."""
    started, cpu = time.perf_counter(), time.process_time()
    result = await query
    latency.wall.append(time.perf_counter() - started)
    latency.cpu.append(time.process_time() - cpu)
    return result


def _prepare_one(path: Path) -> PreparedDocument:
    return prepare_raw(read_document(path), load_base_glossary())


def prepare(paths: Sequence[Path], workers: int) -> tuple[list[PreparedDocument], float, float]:
    """Every file read and parsed (on ``workers`` processes), the seconds it took and the
    workers' CPU seconds."""
    started, cpu = time.perf_counter(), children_cpu()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        prepared = list(pool.map(_prepare_one, paths, chunksize=16))
    return prepared, time.perf_counter() - started, children_cpu() - cpu


def children_cpu() -> float:
    """CPU seconds of the child processes that have ended (the parse workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def store_all(
    engine: AsyncEngine, prepared: Sequence[PreparedDocument], store: Store
) -> tuple[float, float]:
    """Seconds on the clock and of this process's CPU to store ``prepared`` a file a
    transaction."""
    async with write_session(engine) as session:
        await sync_base_glossary(session, load_base_glossary())
    started, cpu = time.perf_counter(), time.process_time()
    for doc in prepared:
        async with write_session(engine) as session:
            await store(session, doc)
    return time.perf_counter() - started, time.process_time() - cpu


async def chain_latencies(engine: AsyncEngine, queries: int, seed: int) -> tuple[Latency, int]:
    """Times of ``Action.chain`` queries, for actions of lifecycles of two meetings or more."""
    async with session_factory(engine)() as session:
        long_chains = (
            select(ActionLifecycle.chain_key)
            .where(ActionLifecycle.in_chain)
            .group_by(ActionLifecycle.chain_key)
            .having(func.count() >= 2)
        )
        ids = list(
            await session.scalars(
                select(ActionLifecycle.action_id).where(ActionLifecycle.chain_key.in_(long_chains))
            )
        )
    latency = Latency()
    if not ids:
        return latency, 0
    schema = server_schema()
    rng = random.Random(seed)
    longest = 0
    for _ in range(queries):
        action_id = rng.choice(ids)
        result = await timed(
            latency,
            schema.execute(
                CHAIN,
                variable_values={"id": to_global_id("Action", action_id)},
                context_value=Context(engine=engine),
            ),
        )
        assert result.errors is None, result.errors
        assert result.data is not None
        longest = max(longest, len(result.data["node"]["chain"]))
    return latency, longest


def server_schema() -> strawberry.Schema:
    """The schema with the extensions the server runs it with (its limits, and the caches
    that parse and validate a query text once: the benchmark sends one text many times,
    as a client's page does)."""
    return build_schema(extensions=protection_extensions(Settings()))


def percentiles(seconds: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.95))]


def body_schedule(years: int, seed: int) -> list[Slot]:
    """One force's meetings over ``years`` years from 2015, in date order: each kind's
    meetings spread over the year (a weekday of the second or third week of their month),
    the thematic ones on each theme in turn."""
    rng = random.Random(seed)
    force = FORCES[0]
    themes = [topic.theme for topic in THEMATIC_TOPICS]
    slots: list[Slot] = []
    thematic = 0
    for year in range(FIRST_BODY_YEAR, FIRST_BODY_YEAR + years):
        for kind, count in BODY_YEAR:
            for n in range(count):
                month = 1 + n * 12 // count
                day = dt.date(year, month, 8) + dt.timedelta(days=rng.randrange(10))
                while day.weekday() > 3:  # Monday to Thursday
                    day += dt.timedelta(days=1)
                theme = None
                if kind is MeetingKind.THEMATIC:
                    theme, thematic = themes[thematic % len(themes)], thematic + 1
                slots.append(Slot(force, kind, day, theme))
    slots.sort(key=lambda slot: (slot.date, slot.kind.value))
    return slots


def body_meetings(years: int, seed: int) -> list[GeneratedMeeting]:
    """The minutes of ``body_schedule``, each meeting following on from the one before."""
    rng = random.Random(seed)
    meetings: list[GeneratedMeeting] = []
    for index, slot in enumerate(body_schedule(years, seed)):
        previous = meetings[-1] if meetings else None
        meetings.append(generate_meeting(rng, index, slot=slot, previous=previous))
    return meetings


async def timeline_latencies(
    engine: AsyncEngine,
    searchers: SearcherPool,
    first: dt.date,
    last: dt.date,
    queries: int,
    seed: int,
) -> dict[str, tuple[Latency, int]]:
    """Times of ``Theme.timeline`` queries from ``first`` to ``last`` by each period
    length, for themes of the body's meetings, and the periods each timeline gives."""
    async with session_factory(engine)() as session:
        codes = sorted(
            set(
                await session.scalars(
                    select(Theme.code).join(meeting_themes, meeting_themes.c.theme_id == Theme.id)
                )
            )
        )
    schema = server_schema()
    rng = random.Random(seed)
    found: dict[str, tuple[Latency, int]] = {}
    for by in PERIODS:
        latency = Latency()
        periods = 0
        for _ in range(queries):
            variables = {
                "code": rng.choice(codes),
                "from": first.isoformat(),
                "to": last.isoformat(),
                "by": by,
            }
            result = await timed(
                latency,
                schema.execute(
                    TIMELINE,
                    variable_values=variables,
                    context_value=Context(engine=engine, searcher=searchers.get),
                ),
            )
            assert result.errors is None, result.errors
            assert result.data is not None
            periods = len(result.data["theme"]["timeline"])
        found[by] = (latency, periods)
    return found


async def body_years(
    years: int, queries: int, database_url: str | None, seed: int, workers: int, scratch: Path
) -> None:
    """One body's ``years``: generated, stored, linked and indexed; then ``Action.chain``
    and ``Theme.timeline`` timed over it."""
    meetings = body_meetings(years, seed)
    paths = write_meetings(scratch / "body-corpus", meetings)
    prepared, parse_seconds, _ = prepare(paths, workers)
    async with scratch_database(database_url, scratch / "body-database") as url:
        await migrations.upgrade(url)
        engine = create_engine(url)
        try:
            store_seconds, _ = await store_all(engine, prepared, store_and_link)
            store = IndexStore(scratch / "body-index")
            started = time.perf_counter()
            documents = await rebuild(engine, store)
            index_seconds = time.perf_counter() - started
            first = dt.date(FIRST_BODY_YEAR, 1, 1)
            last = dt.date(FIRST_BODY_YEAR + years - 1, 12, 31)
            print(
                f"one body ({meetings[0].force}), {years} years ({first.year} to {last.year}): "
                f"{len(paths)} meetings read and parsed in {parse_seconds:.1f} s, stored and "
                f"linked in {store_seconds:.1f} s, {documents} records indexed in "
                f"{index_seconds:.1f} s"
            )
            for label, count in (await linked_counts(engine)).items():
                print(f"  {label}: {count}")
            searchers = SearcherPool(store)
            await searchers.load_glossary(session_factory(engine))
            try:
                load_before = os.getloadavg()
                chains, longest = await chain_latencies(engine, queries, seed)
                timelines = await timeline_latencies(engine, searchers, first, last, queries, seed)
                load_after = os.getloadavg()
            finally:
                searchers.close()
        finally:
            await engine.dispose()
    if chains.wall:
        print(chains.line("Action.chain", f"longest chain {longest} meetings"))
    for by, (latency, periods) in timelines.items():
        print(latency.line(f"Theme.timeline by {by.lower()}", f"{periods} periods"))
    print(
        "load average (1, 5, 15 min) before and after the queries: "
        + " / ".join(", ".join(f"{x:.2f}" for x in load) for load in (load_before, load_after))
    )


async def linked_counts(engine: AsyncEngine) -> dict[str, int]:
    async with session_factory(engine)() as session:
        kinds = dict(
            (
                await session.execute(
                    select(ActionLink.kind, func.count()).group_by(ActionLink.kind)
                )
            ).all()
        )
        chains = await session.scalar(
            select(func.count()).select_from(
                select(ActionLifecycle.chain_key)
                .where(ActionLifecycle.in_chain)
                .group_by(ActionLifecycle.chain_key)
                .having(func.count() >= 2)
                .subquery()
            )
        )
        events = await session.scalar(select(func.count()).select_from(ActionEvent))
        series = await session.scalar(select(func.count()).select_from(MetricSeries))
        points = await session.scalar(select(func.count()).select_from(MetricPoint))
    counts = {f"links {kind.value}": n for kind, n in sorted(kinds.items())}
    counts["lifecycles over 2+ meetings"] = chains or 0
    counts["events"] = events or 0
    if series:
        counts["metric series"] = series
        counts["series points"] = points or 0
    return counts


async def run(
    meetings: int,
    queries: int,
    database_url: str | None,
    seed: int,
    workers: int,
    body_span: int = 0,
    stores: Collection[str] = ("ingest", "upload"),
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        if meetings:
            await linking(meetings, queries, database_url, seed, workers, scratch, stores)
        if body_span:
            await body_years(body_span, queries, database_url, seed, workers, scratch)


async def linking(
    meetings: int,
    queries: int,
    database_url: str | None,
    seed: int,
    workers: int,
    scratch: Path,
    paths_timed: Collection[str] = ("ingest", "upload"),
) -> None:
    """What linking adds to ingesting the corpus (as ``assurance ingest`` stores it) and to
    storing it as uploads, and ``Action.chain`` over it."""
    paths = write_corpus(scratch / "corpus", meetings, seed=seed)
    prepared, parse_seconds, parse_cpu = prepare(paths, workers)
    print(
        f"{len(paths)} generated meetings, read and parsed in {parse_seconds:.1f} s "
        f"on {workers} processes, CPU {parse_cpu:.1f} s "
        f"({parse_cpu / len(paths) * 1000:.1f} ms a file)"
    )
    chains, longest = Latency(), 0
    if "ingest" in paths_timed:
        chains, longest = await linking_in_ingest(
            paths, parse_cpu, workers, database_url, queries, seed, scratch
        )
    if "upload" in paths_timed:
        await linking_in_uploads(prepared, parse_seconds, database_url, scratch)
    if chains.wall:
        print(chains.line("Action.chain", f"longest chain {longest} meetings"))


async def linking_in_ingest(
    paths: Sequence[Path],
    parse_cpu: float,
    workers: int,
    database_url: str | None,
    queries: int,
    seed: int,
    scratch: Path,
) -> tuple[Latency, int]:
    """``ingest.pipeline.ingest_paths`` over the corpus and the change log applied to a
    new index, as ``assurance ingest`` runs them, with linking and without it (the same
    pipeline with ``store_document`` in place of linking and series); what linking adds
    on the clock and to the CPU."""
    runs: dict[bool, tuple[float, float]] = {}
    chains, longest = Latency(), 0
    for link in (False, True):
        name = "ingest, linked" if link else "ingest, not linked"
        folder = scratch / name.replace(" ", "-").replace(",", "")
        async with scratch_database(database_url, folder) as url:
            await migrations.upgrade(url)
            engine = create_engine(url)
            try:
                with contextlib.ExitStack() as stack:
                    if not link:
                        stack.enter_context(without_linking())
                    started, cpu = time.perf_counter(), time.process_time()
                    summary = await ingest_paths(engine, paths, workers=workers)
                    await apply_changes(engine, IndexStore(folder / "index"))
                    runs[link] = seconds, used = (
                        time.perf_counter() - started,
                        time.process_time() - cpu,
                    )
                stored = sum(r.outcome is StoreOutcome.STORED for r in summary.reports)
                print(
                    f"{name:>18}: {stored} stored and indexed in {seconds:.1f} s "
                    f"({len(paths) / seconds:.1f} files/s); this process's CPU {used:.1f} s "
                    f"({used / len(paths) * 1000:.1f} ms a file: store, link, index)"
                )
                if link:
                    for label, count in (await linked_counts(engine)).items():
                        print(f"  {label}: {count}")
                    chains, longest = await chain_latencies(engine, queries, seed)
            finally:
                await engine.dispose()
    (alone, alone_cpu), (linked, linked_cpu) = runs[False], runs[True]
    added, added_cpu = linked - alone, linked_cpu - alone_cpu
    print(
        f"linking and series add {added:.1f} s on the clock: {added / alone:.0%} of the "
        f"ingest's time without them; CPU {added_cpu:.1f} s ({added_cpu / len(paths) * 1000:.1f}"
        f" ms a file): {added_cpu / (alone_cpu + parse_cpu):.0%} of the ingest's CPU without "
        f"them (parse {parse_cpu:.1f} s, as measured apart, + store and index {alone_cpu:.1f} s)"
    )
    return chains, longest


@contextlib.contextmanager
def without_linking() -> Iterator[None]:
    """``ingest.pipeline`` storing documents with ``store_document`` alone: no linking
    and no series."""

    async def store_only(
        session: AsyncSession, doc: PreparedDocument
    ) -> tuple[StoreResult, PendingLink | None]:
        return await store_document(session, doc), None

    async def no_series(_session: AsyncSession, _results: Sequence[StoreResult]) -> None:
        return None

    with mock.patch.multiple(
        pipeline,
        store_for_linking=store_only,
        store_with_series=store_document,
        refresh_series_of_batch=no_series,
    ):
        yield


async def linking_in_uploads(
    prepared: Sequence[PreparedDocument],
    parse_seconds: float,
    database_url: str | None,
    scratch: Path,
) -> None:
    """The corpus stored a file a transaction, as uploads are: alone, linked, and linked
    with each body's series worked out again a file."""
    timings: dict[str, tuple[float, float]] = {}
    runs: tuple[tuple[str, Store], ...] = (
        ("store only", store_document),
        ("store and link", store_and_link),
        ("link and series", store_with_series),
    )
    for name, store in runs:
        async with scratch_database(database_url, scratch / name.replace(" ", "-")) as url:
            await migrations.upgrade(url)
            engine = create_engine(url)
            try:
                timings[name] = seconds, cpu = await store_all(engine, prepared, store)
                print(
                    f"{'uploads, ' + name:>24}: {seconds:.1f} s "
                    f"({len(prepared) / seconds:.0f} files/s), "
                    f"CPU {cpu:.1f} s ({cpu / len(prepared) * 1000:.1f} ms a file)"
                )
            finally:
                await engine.dispose()
    alone, alone_cpu = timings["store only"]
    for name, what in (("store and link", "linking"), ("link and series", "linking and series")):
        seconds, cpu = timings[name]
        added, added_cpu = seconds - alone, cpu - alone_cpu
        print(
            f"as uploads, {what} adds {added:.1f} s: {added / alone:.0%} of storing, "
            f"{added / (alone + parse_seconds):.0%} of parse and store on the clock; "
            f"CPU {added_cpu:.1f} s: {added_cpu / alone_cpu:.0%} of storing's"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lifecycle_bench", description=__doc__)
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--body-years", type=int, default=10, help="one body's years (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server (default SQLite)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parse processes")
    parser.add_argument(
        "--stores",
        default="ingest,upload",
        help="how the corpus is stored: ingest (batches, as the command), upload, or both",
    )
    args = parser.parse_args(argv)
    stores = set(args.stores.split(","))
    if not stores or stores - {"ingest", "upload"}:
        parser.error("--stores takes ingest, upload or ingest,upload")
    asyncio.run(
        run(
            args.meetings,
            args.queries,
            args.database_url,
            args.seed,
            args.workers,
            args.body_years,
            stores,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
