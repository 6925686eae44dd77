"""Lifecycle benchmark: what linking actions across meetings adds to ingest, and how fast
``Action.chain`` answers.

    python -m bench.lifecycle_bench [--meetings 3000] [--queries 300] [--database-url URL]

Generates a synthetic corpus (``bench.corpus``: carried actions name earlier meetings of
their force), reads and parses every file once, then stores them in file order into two
fresh databases: with ``ingest.store.store_document`` alone, and with
``ingest.lifecycle.link.store_and_link`` (the same store, then linking), one
transaction per file as the pipeline does. It prints both times, linking's share of
the store and of the whole ingest (parse included: its time on one process is the sum
over the workers, so the share of a one-process ingest is smaller), what was linked, and the latency
of ``Action.chain`` queries through the schema in process (a fresh request context
each). It prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

import migrations
from bench.corpus import write_corpus
from ingest.lifecycle.link import store_and_link
from ingest.parse.themes import load_base_glossary
from ingest.prepare import PreparedDocument, prepare_raw
from ingest.read import read_document
from ingest.store import StoreResult, store_document
from records.db import create_engine, session_factory, write_session
from records.glossary import sync_base_glossary
from records.models import ActionEvent, ActionLifecycle, ActionLink
from records.scratch import scratch_database
from schema import build_schema
from schema.context import Context
from schema.node import to_global_id

CHAIN = """
query($id: ID!) {
  node(id: $id) { ... on Action { chain { id reference status meeting { date } } } }
}
"""

Store = Callable[[AsyncSession, PreparedDocument], Awaitable[StoreResult]]


def _prepare_one(path: Path) -> PreparedDocument:
    return prepare_raw(read_document(path), load_base_glossary())


def prepare(paths: Sequence[Path], workers: int) -> tuple[list[PreparedDocument], float]:
    """Every file read and parsed (on ``workers`` processes), and the seconds it took."""
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        prepared = list(pool.map(_prepare_one, paths, chunksize=16))
    return prepared, time.perf_counter() - started


async def store_all(
    engine: AsyncEngine, prepared: Sequence[PreparedDocument], store: Store
) -> float:
    async with write_session(engine) as session:
        await sync_base_glossary(session, load_base_glossary())
    started = time.perf_counter()
    for doc in prepared:
        async with write_session(engine) as session:
            await store(session, doc)
    return time.perf_counter() - started


async def chain_latencies(engine: AsyncEngine, queries: int, seed: int) -> tuple[list[float], int]:
    """Seconds per ``Action.chain`` query, for actions of lifecycles of two meetings or more."""
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
    if not ids:
        return [], 0
    schema = build_schema()
    rng = random.Random(seed)
    seconds: list[float] = []
    longest = 0
    for _ in range(queries):
        action_id = rng.choice(ids)
        started = time.perf_counter()
        result = await schema.execute(
            CHAIN,
            variable_values={"id": to_global_id("Action", action_id)},
            context_value=Context(engine=engine),
        )
        seconds.append(time.perf_counter() - started)
        assert result.errors is None, result.errors
        assert result.data is not None
        longest = max(longest, len(result.data["node"]["chain"]))
    return seconds, longest


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
    counts = {f"links {kind.value}": n for kind, n in sorted(kinds.items())}
    counts["lifecycles over 2+ meetings"] = chains or 0
    counts["events"] = events or 0
    return counts


async def run(
    meetings: int, queries: int, database_url: str | None, seed: int, workers: int
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        paths = write_corpus(scratch / "corpus", meetings, seed=seed)
        prepared, parse_seconds = prepare(paths, workers)
        print(
            f"{len(paths)} generated meetings, read and parsed in {parse_seconds:.1f} s "
            f"on {workers} processes"
        )
        timings: dict[str, float] = {}
        for name, store in (("store only", store_document), ("store and link", store_and_link)):
            async with scratch_database(database_url, scratch / name.replace(" ", "-")) as url:
                await migrations.upgrade(url)
                engine = create_engine(url)
                try:
                    timings[name] = await store_all(engine, prepared, store)
                    rate = len(prepared) / timings[name]
                    print(f"{name:>15}: {timings[name]:.1f} s ({rate:.0f} files/s)")
                    if store is store_and_link:
                        for label, count in (await linked_counts(engine)).items():
                            print(f"  {label}: {count}")
                        seconds, longest = await chain_latencies(engine, queries, seed)
                finally:
                    await engine.dispose()
        added = timings["store and link"] - timings["store only"]
        print(
            f"linking adds {added:.1f} s: {added / timings['store only']:.0%} of storing, "
            f"{added / (timings['store only'] + parse_seconds):.0%} of ingest (parse and store)"
        )
        if seconds:
            ms = sorted(s * 1000 for s in seconds)
            p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
            print(
                f"Action.chain in process: p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms "
                f"over {len(ms)} queries (longest chain {longest} meetings)"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lifecycle_bench", description=__doc__)
    parser.add_argument("--meetings", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server (default SQLite)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="parse processes")
    args = parser.parse_args(argv)
    asyncio.run(run(args.meetings, args.queries, args.database_url, args.seed, args.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
