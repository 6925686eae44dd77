"""Propagation lag: how long a write through one server process takes to reach the others.

    python -m bench.follow_bench [--database-url URL] [--servers 3] [--workers 1]
                                 [--writes 40] [--bound 2] [--seed 7]

It creates a database of its own (with ``--database-url``, a scratch PostgreSQL database
on that server, dropped afterwards; otherwise a SQLite file), ingests the bundled
``samples/``, makes an editor key, and starts ``--servers`` ``assurance serve``
processes (``--workers`` each), each with its own data folder and index, with
``ASSURANCE_INDEX_SYNC_SECONDS`` = ``--bound``. Through the first server it then sends
``--writes`` writes per round, in turn ``updateAction`` (a status and a note) and
``ingestDocument`` (synthetic minutes from ``bench.corpus``), each after a random pause
of up to one look of the follower, so that writes land anywhere in its cycle. After
each write's answer it times, for every other server:

* **idle** round: until the server's index folder records the write's change-log
  position, read from the folder itself, so that no request reaches the server meanwhile
  (a read would wake its follower): the lag with no traffic, set by the follower's looks;
* **read** round: until the server answers a request that shows the write (an upload:
  ``search`` for its meeting's title on its date finds the meeting; an update: ``/readyz``
  reports the position), one request every 50 ms: reads wake the follower, so this is the
  lag a client polling another process sees.

It prints p50, p95 and max (ms) per round and kind of write, how many went over the
bound, and the cost of the change-log position a read takes its ETag from
(``api.positions``) against one query through the pool per request
(``api.http_cache.change_log_position``), in process. Nothing here asserts anything
about time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import httpx
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from api.follower import LOOKS_PER_BOUND
from api.http_cache import change_log_position
from api.positions import open_positions
from api.settings import Settings
from bench.live_server import ServerProcess, assurance_command
from bench.load_bench import UPDATE_QUERY, UploadFile, create_editor_key, prepare, upload_files
from bench.search_bench import percentile
from indexer.storage import IndexStore
from records.db import create_engine
from records.scratch import scratch_database
from schema.node import to_global_id

POLL_SECONDS: Final = 0.002  # between two looks at a server's index folder
READ_POLL_SECONDS: Final = 0.05  # between two requests to a server
GIVE_UP_SECONDS: Final = 60.0
POSITION_READS: Final = 2000
STATUSES: Final = ("IN_PROGRESS", "COMPLETED", "OPEN", "DEFERRED")
UPDATE: Final = "update"
UPLOAD: Final = "upload"
IDLE: Final = "idle"
READ: Final = "read"
UPLOAD_QUERY: Final = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) { meeting { id title date } outcome errors { code message } }
}
"""
FOUND_QUERY: Final = """
query Found($q: String!, $day: Date!) {
  search(query: $q, filter: {types: [MEETING], dateFrom: $day, dateTo: $day}, first: 50) {
    edges { node { ... on Meeting { id } } }
  }
}
"""

# Whether a server shows the write just made.
Shows = Callable[[httpx.AsyncClient, ServerProcess], Awaitable[bool]]


@dataclass(frozen=True)
class Options:
    database_url: str | None
    servers: int
    workers: int
    writes: int
    bound: float
    seed: int


@dataclass
class Lags:
    """Milliseconds from a write's answer until another server has it."""

    ms: dict[tuple[str, str], list[float]] = field(default_factory=dict)

    def add(self, regime: str, kind: str, value: float) -> None:
        self.ms.setdefault((regime, kind), []).append(value)

    def lines(self, bound: float) -> list[str]:
        lines = [f"{'round':<6} {'write':<7} {'n':>4} {'p50':>8} {'p95':>8} {'max':>8}  over bound"]
        for regime in (IDLE, READ):
            every: list[float] = []
            for kind in (UPDATE, UPLOAD):
                values = self.ms.get((regime, kind), [])
                every += values
                lines.append(_line(regime, kind, values, bound))
            lines.append(_line(regime, "all", every, bound))
        return lines


def _line(regime: str, kind: str, values: Sequence[float], bound: float) -> str:
    if not values:
        return f"{regime:<6} {kind:<7} {0:>4}"
    over = sum(value > bound * 1000 for value in values)
    return (
        f"{regime:<6} {kind:<7} {len(values):>4} {percentile(values, 0.5):>8.1f} "
        f"{percentile(values, 0.95):>8.1f} {max(values):>8.1f}  {over}"
    )


@dataclass
class Writer:
    """Sends writes through one server; each returns how to tell another server shows it."""

    client: httpx.AsyncClient
    server: ServerProcess
    key: str
    action_ids: list[int]
    files: list[UploadFile]
    rng: random.Random
    updates: int = 0
    uploads: int = 0

    async def update(self, position: Callable[[], Awaitable[int]]) -> Shows:
        self.updates += 1
        variables = {
            "id": to_global_id("Action", self.rng.choice(self.action_ids)),
            "status": STATUSES[self.updates % len(STATUSES)],
            "note": f"follow bench note {self.updates}",
        }
        response = await self.client.post(
            self.server.url,
            json={"query": UPDATE_QUERY, "variables": variables},
            headers={"Authorization": f"Bearer {self.key}"},
        )
        _payload(response, "updateAction")
        written = await position()

        async def reports(client: httpx.AsyncClient, server: ServerProcess) -> bool:
            index = (await client.get(f"{server.base}/readyz")).json()["index"]
            return int(index["position"]) >= written

        return reports

    async def upload(self, position: Callable[[], Awaitable[int]]) -> Shows:
        upload = self.files[self.uploads]
        self.uploads += 1
        response = await self.client.post(
            self.server.url,
            data={
                "operations": json.dumps({"query": UPLOAD_QUERY, "variables": {"file": None}}),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (upload.name, upload.data, "application/octet-stream")},
            headers={"Authorization": f"Bearer {self.key}", "Apollo-Require-Preflight": "true"},
        )
        meeting = _payload(response, "ingestDocument")["meeting"]
        variables = {"q": meeting["title"], "day": meeting["date"]}

        async def finds(client: httpx.AsyncClient, server: ServerProcess) -> bool:
            answer = await client.post(
                server.url, json={"query": FOUND_QUERY, "variables": variables}
            )
            edges = _payload(answer, "search")["edges"]
            return any(edge["node"]["id"] == meeting["id"] for edge in edges)

        return finds


def _payload(response: httpx.Response, name: str) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"{name}: HTTP {response.status_code}: {response.text[:300]}")
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(f"{name}: {body['errors']}")
    data = body["data"][name]
    if isinstance(data, dict) and data.get("errors"):
        raise RuntimeError(f"{name}: {data['errors']}")
    return data


async def _index_reaches(server: ServerProcess, position: int) -> float:
    """The moment (``perf_counter``) ``server``'s index folder records ``position``, seen
    from this process (no request sent)."""
    store = IndexStore(server.settings.index_dir)
    started = time.perf_counter()
    while store.position() < position:
        if time.perf_counter() - started > GIVE_UP_SECONDS:
            raise RuntimeError(f"{server.base} did not apply position {position}")
        await asyncio.sleep(POLL_SECONDS)
    return time.perf_counter()


async def _shows(client: httpx.AsyncClient, server: ServerProcess, shows: Shows) -> float:
    """The moment (``perf_counter``) ``server`` answers with the write."""
    started = time.perf_counter()
    while not await shows(client, server):
        if time.perf_counter() - started > GIVE_UP_SECONDS:
            raise RuntimeError(f"{server.base} did not show the write")
        await asyncio.sleep(READ_POLL_SECONDS)
    return time.perf_counter()


async def _rounds(
    engine: AsyncEngine,
    writer: Writer,
    others: Sequence[ServerProcess],
    client: httpx.AsyncClient,
    options: Options,
) -> Lags:
    lags = Lags()
    rng = random.Random(options.seed)
    look = options.bound / LOOKS_PER_BOUND

    async def position() -> int:
        return await change_log_position(engine)

    for regime in (IDLE, READ):
        for number in range(options.writes):
            await asyncio.sleep(rng.uniform(0, look))
            kind = UPDATE if number % 2 == 0 else UPLOAD
            shows = await (writer.update if kind == UPDATE else writer.upload)(position)
            answered = time.perf_counter()
            written = await position()  # read after the answer: part of the lag measured
            if regime == IDLE:
                waits = [_index_reaches(server, written) for server in others]
            else:
                waits = [_shows(client, server, shows) for server in others]
            for seconds in await asyncio.gather(*waits):  # the moments each had it
                lags.add(regime, kind, (seconds - answered) * 1000)
    return lags


async def _position_costs(engine: AsyncEngine) -> list[str]:
    positions = await open_positions(engine)
    try:
        fresh, pooled = [], []
        for _ in range(POSITION_READS):
            started = time.perf_counter()
            await positions.latest()
            fresh.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            await change_log_position(engine)
            pooled.append((time.perf_counter() - started) * 1000)
    finally:
        await positions.close()
    return [
        f"the change-log position per read, in process, over {POSITION_READS} reads:",
        f"  {type(positions).__name__:<24} p50 {percentile(fresh, 0.5):.3f} ms, "
        f"p95 {percentile(fresh, 0.95):.3f} ms",
        f"  {'a query through the pool':<24} p50 {percentile(pooled, 0.5):.3f} ms, "
        f"p95 {percentile(pooled, 0.95):.3f} ms",
    ]


async def run(options: Options, emit: Callable[[str], None] = print) -> None:
    with tempfile.TemporaryDirectory(prefix="assurance-follow-") as scratch_name:
        scratch = Path(scratch_name)
        async with scratch_database(options.database_url, scratch / "db") as url:
            await _run(url, options, scratch, emit)


async def _run(url: str, options: Options, scratch: Path, emit: Callable[[str], None]) -> None:
    configs = [
        Settings(data_dir=scratch / f"server-{n}", database_url=url) for n in range(options.servers)
    ]
    action_ids, _, samples_line = await prepare(configs[0])
    emit(f"database: {make_url(url).get_backend_name()}; {samples_line}")
    key = create_editor_key(configs[0])
    files = upload_files(options.writes, options.seed, ("txt",))
    environment = {"ASSURANCE_INDEX_SYNC_SECONDS": f"{options.bound:g}"}
    servers = [
        ServerProcess(
            config,
            options.workers,
            scratch / f"server-{n}.log",
            command=assurance_command,
            extra_env=environment,
        )
        for n, config in enumerate(configs)
    ]
    engine = create_engine(url)
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_until_ready()
        emit(
            f"servers: {options.servers} x assurance serve --workers {options.workers}, "
            f"index_sync_seconds {options.bound:g} (a look every "
            f"{options.bound / LOOKS_PER_BOUND * 1000:.0f} ms); writes through the first, "
            f"lag measured at the other {options.servers - 1}"
        )
        async with httpx.AsyncClient(timeout=120) as client:
            writer = Writer(client, servers[0], key, action_ids, files, random.Random(options.seed))
            lags = await _rounds(engine, writer, servers[1:], client, options)
        emit("")
        emit("lag from a write's answer until another server has it (ms):")
        for line in lags.lines(options.bound):
            emit("  " + line)
        emit("")
        for line in await _position_costs(engine):
            emit(line)
    finally:
        for server in servers:
            server.stop()
        await engine.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="a PostgreSQL server (default: SQLite)")
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--writes", type=int, default=40, help="writes per round")
    parser.add_argument("--bound", type=float, default=Settings().index_sync_seconds)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.servers < 2:
        parser.error("--servers: at least 2 (one to write through, one to measure)")
    options = Options(
        args.database_url, args.servers, args.workers, args.writes, args.bound, args.seed
    )
    asyncio.run(run(options))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
