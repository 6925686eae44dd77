"""Search end to end against Datasette serving the same records from an SQLite FTS5 table.

    python -m bench.datasette_bench [--meetings 10000] [--requests 100] [--data DIR] [--seed 7]

Datasette is a benchmark extra (``pip install -e '.[bench]'``). For one corpus size the
data folder is built (or reused) as ``bench.graphql_bench`` builds it. The records the
search index holds (meetings, agenda items, actions, figures: ``indexer.documents``, the
same title and text the index is given) are written to an SQLite file as a table
``records`` (key, type, title, text, year, kind) with an external-content FTS5 table
``records_fts`` (porter tokenizer), which Datasette searches with ``?_search=``. Both
servers run with one worker on the loopback: the API (uvicorn, the cache of answers
off) answering ``search(query:, first: 20, filter:)`` with each hit's record and the
year facet, and Datasette answering its table JSON API with 20 rows and a year facet
(``?_search=...&_size=20&_facet=year``, raw FTS5 syntax for phrases and boolean
queries, ``&year=`` for a year filter; its time limits raised so that every facet is
counted). For each class (rare word, common word, phrase, boolean, year filter) it
prints p50/p95 of each over HTTP, measured by the same client until the body is read,
the ratio of ours to Datasette's, and the hit counts each reported. Nothing here
asserts anything about time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from api.database import open_database
from bench.graphql_bench import CACHE_OFF, build_data, word_bands
from bench.live_server import HttpResult, free_port, response_error, serve, tail
from bench.search_bench import choose_phrases
from indexer import RECORD_TYPES
from indexer.documents import IndexDocument, build_documents, empty_ids
from indexer.glossary import load_matcher
from indexer.storage import IndexStore
from records.db import session_factory
from records.glossary import load_glossary
from records.models import Action, AgendaItem, Meeting, Metric

DATASETTE_FILE: Final = "datasette.db"
TABLE: Final = "records"
PAGE: Final = 20
QUERIES_PER_CLASS: Final = 6
BUILD_BATCH: Final = 2000
READY_TIMEOUT: Final = 120.0
TARGET_RATIO: Final = 0.5  # ours at most half of Datasette's time, class by class
# Generous limits so that Datasette counts every facet rather than giving up on it.
DATASETTE_SETTINGS: Final = {
    "sql_time_limit_ms": "60000",
    "facet_time_limit_ms": "60000",
    "default_page_size": str(PAGE),
}

SEARCH_QUERY: Final = """
query Search($q: String!, $filter: SearchFilter) {
  search(query: $q, first: 20, filter: $filter) {
    totalCount
    edges { score node {
      __typename
      ... on Meeting { id title date }
      ... on AgendaItem { id number title }
      ... on Action { id reference text }
      ... on Metric { id label value }
    } }
    facets { years { value count } }
  }
}
"""

RARE, COMMON, PHRASE, BOOLEAN, YEAR = (
    "rare word",
    "common word",
    "phrase",
    "boolean",
    "year filter",
)

SCHEMA: Final = f"""
CREATE TABLE {TABLE} (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, type TEXT NOT NULL, title TEXT NOT NULL,
    text TEXT NOT NULL, year INTEGER, kind TEXT
);
CREATE INDEX {TABLE}_year ON {TABLE} (year);
CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(
    title, text, content="{TABLE}", content_rowid="id", tokenize="porter"
);
"""


# --- the FTS5 database ----------------------------------------------------------------------


async def record_documents(engine: AsyncEngine) -> Iterator[IndexDocument]:
    """Every record the search index holds, as the index is given it."""
    models: dict[str, Any] = {
        "meeting": Meeting,
        "item": AgendaItem,
        "action": Action,
        "metric": Metric,
    }
    if set(models) != set(RECORD_TYPES):
        raise RuntimeError(f"record types changed: {sorted(RECORD_TYPES)}")
    async with session_factory(engine)() as session:
        matcher = await load_matcher(session)
        ids = {
            name: list(await session.scalars(select(m.id).order_by(m.id)))
            for name, m in models.items()
        }
        documents: list[IndexDocument] = []
        for name, record_ids in ids.items():
            for start in range(0, len(record_ids), BUILD_BATCH):
                wanted = empty_ids()
                wanted[name] = set(record_ids[start : start + BUILD_BATCH])
                documents.extend(await build_documents(session, matcher, wanted))
    return iter(documents)


def write_fts(path: Path, documents: Iterator[IndexDocument]) -> int:
    """The documents as ``records`` and its FTS5 index in a new SQLite file; their number."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        rows = []
        for document in documents:
            fields = document.fields()
            rows.append(
                (
                    fields["key"],
                    fields["type"],
                    document.title,
                    document.text,
                    fields.get("year"),
                    fields["kind"],
                )
            )
        with db:
            db.executemany(
                f"INSERT INTO {TABLE} (key, type, title, text, year, kind) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.execute(
                f"INSERT INTO {TABLE}_fts (rowid, title, text) SELECT id, title, text FROM {TABLE}"
            )
            db.execute(f"INSERT INTO {TABLE}_fts ({TABLE}_fts) VALUES ('optimize')")
    finally:
        db.close()
    return len(rows)


# --- the classes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchCase:
    """One search as both sides ask it."""

    label: str  # what is searched, for the output
    graphql: dict[str, Any]  # variables of SEARCH_QUERY
    datasette: dict[str, str]  # query-string parameters of the table's JSON API


@dataclass(frozen=True)
class SearchClass:
    name: str
    cases: list[SearchCase]


def _word_case(word: str, year: int | None = None) -> SearchCase:
    graphql: dict[str, Any] = {"q": word}
    datasette = {"_search": word}
    if year is not None:
        graphql["filter"] = {"years": [year]}
        datasette["year"] = str(year)
    label = word if year is None else f"{word} in {year}"
    return SearchCase(label, graphql, datasette)


def _raw_case(ours: str, fts5: str) -> SearchCase:
    return SearchCase(ours, {"q": ours}, {"_search": fts5, "_search_mode": "raw"})


def build_classes(
    rare: Sequence[str],
    common: Sequence[str],
    phrases: Sequence[str],
    years: Sequence[int],
    rng: random.Random,
) -> list[SearchClass]:
    """The five classes, each with up to ``QUERIES_PER_CLASS`` searches."""

    def some(values: Sequence[str]) -> list[str]:
        return rng.sample(list(values), min(QUERIES_PER_CLASS, len(values)))

    pairs = list(zip(some(common), some(rare), strict=False))
    return [
        SearchClass(RARE, [_word_case(w) for w in some(rare)]),
        SearchClass(COMMON, [_word_case(w) for w in some(common)]),
        SearchClass(PHRASE, [_raw_case(f'"{p}"', f'"{p}"') for p in some(phrases)]),
        SearchClass(BOOLEAN, [_raw_case(f"{a} AND {b}", f"{a} AND {b}") for a, b in pairs]),
        SearchClass(YEAR, [_word_case(w, rng.choice(list(years))) for w in some(common)]),
    ]


# --- the servers ----------------------------------------------------------------------------


@contextlib.contextmanager
def serve_datasette(database: Path, log_path: Path) -> Iterator[str]:
    """Datasette on a free loopback port serving ``database``; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = [
        arg for name, value in DATASETTE_SETTINGS.items() for arg in ("--setting", name, value)
    ]
    command = [
        sys.executable, "-m", "datasette", "serve", "--immutable", str(database),
        "--host", "127.0.0.1", "--port", str(port), *settings,
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait(process, f"{base}/-/versions.json", log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait(process: subprocess.Popen[bytes], url: str, log_path: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    with httpx.Client(timeout=5.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"Datasette stopped: {tail(log_path)}")
            with contextlib.suppress(httpx.HTTPError):
                if client.get(url).status_code == 200:
                    return
            time.sleep(0.1)
    raise RuntimeError(f"Datasette was not ready in {READY_TIMEOUT:.0f}s: {tail(log_path)}")


def datasette_url(base: str, database: Path, case: SearchCase) -> str:
    parameters = {**case.datasette, "_size": str(PAGE), "_facet": "year"}
    return f"{base}/{database.stem}/{TABLE}.json?{urlencode(parameters)}"


async def get_datasette(client: httpx.AsyncClient, url: str) -> tuple[float, str | None, int]:
    """Milliseconds until the body is read, what was wrong, and the hits it counted."""
    started = time.perf_counter()
    response = await client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        return elapsed, f"HTTP {response.status_code}: {response.text[:200]}", 0
    body = response.json()
    facets = body.get("facet_results", {})
    if "year" not in facets.get("results", facets):
        return elapsed, f"no year facet: {json.dumps(facets)[:200]}", 0
    return elapsed, None, int(body.get("filtered_table_rows_count") or 0)


async def time_class(
    search_class: SearchClass,
    requests: int,
    send: Callable[[httpx.AsyncClient, SearchCase], Any],
    name: str,
) -> tuple[HttpResult, dict[str, int]]:
    """``requests`` requests over one connection, the cases in turn, after each once."""
    result = HttpResult(name, 1)
    counts: dict[str, int] = {}
    async with httpx.AsyncClient(timeout=60.0) as client:
        for case in search_class.cases:
            _, _, counts[case.label] = await send(client, case)
        for run in range(requests):
            elapsed, error, _ = await send(
                client, search_class.cases[run % len(search_class.cases)]
            )
            result.record(elapsed, error)
    return result, counts


# --- one size -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassResult:
    name: str
    ours: HttpResult
    datasette: HttpResult
    our_counts: dict[str, int]
    datasette_counts: dict[str, int]

    @property
    def ratio(self) -> float:
        theirs = self.datasette.p(0.5)
        return self.ours.p(0.5) / theirs if theirs else float("inf")


def format_results(results: Sequence[ClassResult]) -> list[str]:
    header = (
        f"{'class':<12} {'ours p50':>9} {'p95':>8} {'datasette p50':>14} {'p95':>8} "
        f"{'ours/ds':>8} {'errors':>7}  target (at most {TARGET_RATIO}x)"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        met = "met" if r.ratio <= TARGET_RATIO else "NOT met"
        lines.append(
            f"{r.name:<12} {r.ours.p(0.5):>9.2f} {r.ours.p(0.95):>8.2f} "
            f"{r.datasette.p(0.5):>14.2f} {r.datasette.p(0.95):>8.2f} {r.ratio:>8.2f} "
            f"{r.ours.errors + r.datasette.errors:>7}  {met}"
        )
    lines.append("")
    lines.append("hits counted (ours / Datasette's), per search:")
    for r in results:
        shown = ", ".join(
            f"{label}: {r.our_counts[label]:,}/{r.datasette_counts[label]:,}"
            for label in r.our_counts
        )
        lines.append(f"  {r.name}: {shown}")
    errors = [r.ours.first_error or r.datasette.first_error for r in results]
    lines.extend(f"  first error: {e}" for e in errors if e)
    return lines


async def run_size(
    meetings: int,
    *,
    requests: int,
    seed: int,
    data: Path | None,
    emit: Callable[[str], None] = print,
) -> list[str]:
    lines: list[str] = []

    def out(line: str = "") -> None:
        lines.append(line)
        emit(line)

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="assurance-datasette-") as scratch_name:
        scratch = Path(scratch_name)
        built = await build_data(
            meetings, seed=seed, data_dir=(data or scratch) / f"meetings-{meetings}"
        )
        settings = built.settings
        engine = await open_database(settings)
        try:
            async with session_factory(engine)() as session:
                glossary = await load_glossary(session)
            started = time.perf_counter()
            documents = list(await record_documents(engine))
            database = scratch / DATASETTE_FILE
            written = write_fts(database, iter(documents))
            fts_seconds = time.perf_counter() - started
        finally:
            await engine.dispose()
        bands = word_bands(IndexStore(settings.index_dir).open(), glossary, rng)
        years = sorted({y for d in documents if (y := d.fields().get("year")) is not None})
        classes = build_classes(
            bands.rare, bands.common, choose_phrases(documents, rng), years, rng
        )
        out(
            f"data: {meetings:,} meetings (seed {seed}) in {settings.data_dir}; {written:,} "
            f"records written to an FTS5 table in {fts_seconds:.1f}s "
            f"({database.stat().st_size / 2**20:.0f} MB)"
        )
        for search_class in classes:
            out(f"  {search_class.name}: {', '.join(c.label for c in search_class.cases)}")

        results: dict[str, tuple[HttpResult, dict[str, int]]] = {}
        with serve(settings, 1, scratch / "api.log", extra_env=CACHE_OFF) as server:
            url = server.url

            async def ours(
                client: httpx.AsyncClient, case: SearchCase
            ) -> tuple[float, str | None, int]:
                return await post_search(client, url, case)

            for search_class in classes:
                results[search_class.name] = await time_class(search_class, requests, ours, "ours")
        theirs: dict[str, tuple[HttpResult, dict[str, int]]] = {}
        with serve_datasette(database, scratch / "datasette.log") as base:

            async def datasette(
                client: httpx.AsyncClient, case: SearchCase
            ) -> tuple[float, str | None, int]:
                return await get_datasette(client, datasette_url(base, database, case))

            for search_class in classes:
                theirs[search_class.name] = await time_class(
                    search_class, requests, datasette, "datasette"
                )
    combined = [
        ClassResult(
            c.name, results[c.name][0], theirs[c.name][0], results[c.name][1], theirs[c.name][1]
        )
        for c in classes
    ]
    out("")
    out(f"over HTTP, one worker each, {requests} requests a class, ms until the body is read:")
    for line in format_results(combined):
        out(line)
    return lines


async def post_search(
    client: httpx.AsyncClient, url: str, case: SearchCase
) -> tuple[float, str | None, int]:
    """Milliseconds until the body is read, what was wrong, and the hits it counted."""
    started = time.perf_counter()
    response = await client.post(url, json={"query": SEARCH_QUERY, "variables": case.graphql})
    elapsed = (time.perf_counter() - started) * 1000
    error = response_error(response)
    if error is not None:
        return elapsed, error, 0
    return elapsed, None, int(response.json()["data"]["search"]["totalCount"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.datasette_bench",
        description="Search over HTTP: the API against Datasette serving the same records "
        "from an FTS5 table.",
    )
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument(
        "--requests", type=int, default=100, help="timed requests per class and server"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="keep the data folder under DIR/meetings-<N> and reuse it",
    )
    args = parser.parse_args(argv)
    if args.requests < 1 or args.meetings < 1:
        parser.error("--meetings and --requests must be at least 1")
    asyncio.run(run_size(args.meetings, requests=args.requests, seed=args.seed, data=args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
