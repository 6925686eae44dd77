"""Mixed load benchmark: reads, searches, uploads and action updates at once, over HTTP.

    python -m bench.load_bench [--database-url URL] [--seconds 60] [--concurrency 8]
                               [--workers 2] [--mix read=4,search=3,upload=2,update=2]
                               [--formats txt,md,docx] [--seed 7] [--no-keep-alive]

It creates a database of its own (with ``--database-url``, a scratch PostgreSQL
database on that server, dropped afterwards; otherwise a SQLite file in a temporary
data folder), ingests the bundled ``samples/`` and indexes them, makes an editor API
key with ``assurance keys create``, then starts ``assurance serve --workers N`` and
sends requests from ``--concurrency`` client tasks for ``--seconds``, after an untimed
warm-up (one request of each class per connection): each task draws a class by the
weights of ``--mix`` and waits for its answer before the next. Connections are kept
alive (each stays with the worker that accepted it) unless ``--no-keep-alive``.

* **read**: a page of meetings with their chair, agenda items, the items' actions and
  their owners, each action's history, and the metrics (linked through DataLoaders);
* **search**: ``search`` with highlights, facets and the suggestion;
* **upload**: ``ingestDocument`` with a GraphQL multipart upload of a minutes file no
  earlier request sent (synthetic meetings from ``bench.corpus``, rendered before the
  load starts, formats taken in turn);
* **update**: ``updateAction`` on an action of the samples, with a note no other
  request carries and a status.

On PostgreSQL it samples ``pg_stat_activity`` (what each backend of the database is
doing or waiting on), the advisory-lock requests not yet granted in ``pg_locks`` and
what the lock's holder is doing, throughout the load. It prints per class: requests,
errors, p50/p95/p99/max latency (ms, from sending until the body is read) and requests
per second; the CPU seconds of the server, PostgreSQL, the client and everything else
on the machine (``/proc``); the samples; how many connections PostgreSQL opened; and the
checks once the index has caught up: every acknowledged note is in its action's
history exactly once, every acknowledged upload's document is stored once, no two
meetings share an identity, and the index holds one document per record. Nothing here
asserts anything about time; a failed check makes the exit status 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Any, Final

import httpx
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from api.database import open_database
from api.settings import Settings
from bench.corpus import FORMATS, format_for, iter_meetings
from bench.graphql_bench import SEARCH_QUERY
from bench.live_server import (
    HttpResult,
    assurance_command,
    post_graphql,
    response_error,
    serve,
    server_environment,
)
from indexer.storage import IndexStore
from indexer.sync import apply_changes, check
from ingest.pipeline import ingest_paths
from records.db import create_engine, session_factory
from records.models import Action, ActionUpdate, AgendaItem, Meeting, Metric, SourceDocument
from records.scratch import scratch_database
from schema.node import to_global_id

SAMPLES: Final = Path(__file__).resolve().parents[1] / "samples"
REQUEST_TIMEOUT: Final = 120.0
CATCH_UP_TIMEOUT: Final = 120.0
SAMPLE_SECONDS: Final = 0.1  # between two looks at pg_stat_activity
UPLOADS_PER_SECOND: Final = 20  # files rendered per second of load, more than are sent

READ: Final = "read"
SEARCH: Final = "search"
UPLOAD: Final = "upload"
UPDATE: Final = "update"
CLASSES: Final = (READ, SEARCH, UPLOAD, UPDATE)
DEFAULT_MIX: Final = {READ: 4, SEARCH: 3, UPLOAD: 2, UPDATE: 2}
LABELS: Final = {
    READ: "linked read",
    SEARCH: "search",
    UPLOAD: "upload (ingestDocument)",
    UPDATE: "updateAction",
}
SEARCH_WORDS: Final = (
    "MARAC",
    "domestic abuse",
    "body worn video",
    "vetting",
    "stop and search",
    "ASB",
    "knife crime",
    "victims",
    "DVPN",
    "response times",
)
STATUSES: Final = ("OPEN", "IN_PROGRESS", "COMPLETED", "DEFERRED")

READ_QUERY: Final = """
query Linked($first: Int!) {
  meetings(first: $first) {
    totalCount
    edges { node {
      id title date
      chair { name }
      items { number title actions { id reference status owners { name } } }
      actions { id status history { text status } }
      metrics { value unit label }
    } }
  }
}
"""
UPLOAD_QUERY: Final = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) {
    meeting { id title }
    outcome
    errors { code message }
  }
}
"""
UPDATE_QUERY: Final = """
mutation Update($id: ID!, $status: ActionStatus, $note: String) {
  updateAction(id: $id, status: $status, note: $note) {
    action { id status }
    errors { code message }
  }
}
"""


# --- what the load sends ----------------------------------------------------------------------


@dataclass(frozen=True)
class UploadFile:
    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return sha256(self.data).hexdigest()


def upload_files(count: int, seed: int, formats: Sequence[str]) -> list[UploadFile]:
    """``count`` minutes files of synthetic meetings, formats taken in turn."""
    files = []
    for meeting in iter_meetings(count, seed=seed):
        fmt = format_for(meeting.index, formats)
        files.append(UploadFile(f"{meeting.stem}.{fmt}", meeting.render(fmt)))
    return files


@dataclass
class Ledger:
    """What the server acknowledged, to check against the database afterwards."""

    notes: dict[str, int] = field(default_factory=dict)  # note -> action id, acknowledged
    unacknowledged_notes: int = 0
    uploads: dict[str, str] = field(default_factory=dict)  # sha256 -> outcome, acknowledged
    unacknowledged_uploads: int = 0


@dataclass
class Load:
    """One load run: the server, the client, what to send, and what came back."""

    url: str
    editor_key: str
    action_ids: list[int]
    files: Iterator[UploadFile]
    rng: random.Random
    run_id: str
    results: dict[str, HttpResult]
    ledger: Ledger = field(default_factory=Ledger)
    notes_sent: int = 0
    uploads_exhausted: bool = False

    @property
    def write_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.editor_key}"}

    async def read(self, client: httpx.AsyncClient) -> tuple[float, str | None]:
        return await post_graphql(client, self.url, READ_QUERY, {"first": 10})

    async def search(self, client: httpx.AsyncClient) -> tuple[float, str | None]:
        words = self.rng.choice(SEARCH_WORDS)
        return await post_graphql(client, self.url, SEARCH_QUERY, {"q": words})

    async def upload(self, client: httpx.AsyncClient) -> tuple[float, str | None] | None:
        upload = next(self.files, None)
        if upload is None:
            self.uploads_exhausted = True
            return None
        operations = {"query": UPLOAD_QUERY, "variables": {"file": None}}
        started = time.perf_counter()
        try:
            response = await client.post(
                self.url,
                data={
                    "operations": json.dumps(operations),
                    "map": json.dumps({"0": ["variables.file"]}),
                },
                files={"0": (upload.name, upload.data, "application/octet-stream")},
                headers={**self.write_headers, "Apollo-Require-Preflight": "true"},
            )
        except httpx.HTTPError as error:
            self.ledger.unacknowledged_uploads += 1
            return (time.perf_counter() - started) * 1000, f"{type(error).__name__}: {error}"
        elapsed = (time.perf_counter() - started) * 1000
        problem = response_error(response) or _payload_error(response, "ingestDocument")
        if problem is None:
            outcome = response.json()["data"]["ingestDocument"]["outcome"]
            self.ledger.uploads[upload.sha256] = str(outcome)
        else:
            self.ledger.unacknowledged_uploads += 1
        return elapsed, problem

    async def update(self, client: httpx.AsyncClient) -> tuple[float, str | None]:
        action_id = self.rng.choice(self.action_ids)
        self.notes_sent += 1
        note = f"load {self.run_id} note {self.notes_sent}"
        variables = {
            "id": to_global_id("Action", action_id),
            "status": self.rng.choice(STATUSES),
            "note": note,
        }
        started = time.perf_counter()
        try:
            response = await client.post(
                self.url,
                json={"query": UPDATE_QUERY, "variables": variables},
                headers=self.write_headers,
            )
        except httpx.HTTPError as error:
            self.ledger.unacknowledged_notes += 1
            return (time.perf_counter() - started) * 1000, f"{type(error).__name__}: {error}"
        elapsed = (time.perf_counter() - started) * 1000
        problem = response_error(response) or _payload_error(response, "updateAction")
        if problem is None:
            self.ledger.notes[note] = action_id
        else:
            self.ledger.unacknowledged_notes += 1
        return elapsed, problem


async def _warm_up(
    load: Load,
    senders: dict[str, Callable[[httpx.AsyncClient], Any]],
    classes: Sequence[str],
    client: httpx.AsyncClient,
) -> None:
    for name in classes:
        await senders[name](client)


def _payload_error(response: httpx.Response, mutation: str) -> str | None:
    errors = response.json()["data"][mutation]["errors"]
    return json.dumps(errors)[:200] if errors else None


@dataclass(frozen=True)
class Timed:
    """What the timed part of a load measured besides the requests themselves."""

    seconds: float  # from the first timed request sent to the last answer read
    cpu: CpuUse
    activity: Activity
    connections: list[int]  # the client's connections each server worker held at the end


async def run_load(
    load: Load,
    mix: dict[str, int],
    seconds: float,
    concurrency: int,
    server_pid: int,
    url: str,
    *,
    keep_alive: bool = True,
) -> Timed:
    """``concurrency`` tasks sending requests drawn by ``mix`` until ``seconds`` have passed,
    after an untimed warm-up; the CPU used and PostgreSQL's activity meanwhile."""
    classes = [name for name in CLASSES if mix.get(name)]
    weights = [mix[name] for name in classes]
    senders: dict[str, Callable[[httpx.AsyncClient], Any]] = {
        READ: load.read,
        SEARCH: load.search,
        UPLOAD: load.upload,
        UPDATE: load.update,
    }
    # Kept alive, each connection stays with the server worker that accepted it.
    keep = concurrency if keep_alive else 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=keep)
    async with httpx.AsyncClient(timeout=REQUEST_TIMEOUT, limits=limits) as client:
        # Untimed, on every connection at once: each class once, so that the timed
        # requests open no connection and find each server worker's upload pool started
        # (the uploads and notes sent here are checked with the others).
        await asyncio.gather(
            *(_warm_up(load, senders, classes, client) for _ in range(concurrency))
        )
        first_round = iter(classes)  # each class once, so that even a short load has all

        async def sender(deadline: float) -> None:
            while time.perf_counter() < deadline:
                name = next(first_round, None) or load.rng.choices(classes, weights)[0]
                if name == UPLOAD and load.uploads_exhausted:
                    continue
                sent = time.perf_counter()
                try:
                    outcome = await senders[name](client)
                except httpx.HTTPError as error:  # reads and searches: writes keep a ledger
                    elapsed = (time.perf_counter() - sent) * 1000
                    outcome = elapsed, f"{type(error).__name__}: {error}"
                if outcome is not None:
                    load.results[name].record(*outcome)

        cpu_before = CpuUse.now(server_pid)
        async with sampling(url) as activity:
            started = time.perf_counter()
            await asyncio.gather(*(sender(started + seconds) for _ in range(concurrency)))
            elapsed = time.perf_counter() - started
        port = httpx.URL(load.url).port or 80
        held = connections_held(server_workers(server_pid), port)
        return Timed(elapsed, CpuUse.now(server_pid).since(cpu_before), activity, held)


# --- what PostgreSQL's backends wait on --------------------------------------------------------


ACTIVITY_SQL: Final = """
SELECT state, wait_event_type, wait_event, count(*)
FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
GROUP BY 1, 2, 3
"""
HOLDER_SQL: Final = """
SELECT a.state, a.wait_event_type, a.wait_event
FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
"""
SESSIONS_SQL: Final = "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
ADVISORY_WAITERS_SQL: Final = """
SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()
"""


@dataclass
class Activity:
    """Backends of the database by state and wait event, summed over the samples."""

    samples: int = 0
    backends: Counter[str] = field(default_factory=Counter)
    advisory_waiters: list[int] = field(default_factory=list)
    connections_opened: int = 0  # sessions PostgreSQL started for the database meanwhile
    holder: Counter[str] = field(default_factory=Counter)  # the write lock's holder, by state

    def lines(self) -> list[str]:
        if not self.samples:
            return []
        waiting = self.advisory_waiters
        lines = [
            f"PostgreSQL backends of the database, sampled every {SAMPLE_SECONDS * 1000:.0f} ms "
            f"({self.samples} samples): mean number in each state",
        ]
        for label, total in self.backends.most_common(12):
            lines.append(f"  {total / self.samples:6.2f}  {label}")
        lines.append(
            f"advisory lock requests waiting (pg_locks, not granted): mean "
            f"{sum(waiting) / len(waiting):.2f}, max {max(waiting)}; in "
            f"{sum(1 for w in waiting if w) * 100 / len(waiting):.0f}% of the samples"
        )
        held = sum(self.holder.values())
        if held:
            states = ", ".join(
                f"{state} {count * 100 / held:.0f}%" for state, count in self.holder.most_common()
            )
            lines.append(
                f"the write lock (advisory) was held in {held * 100 / self.samples:.0f}% of the "
                f"samples; its holder was {states}"
            )
        lines.append(
            f"connections opened to the database during the load: {self.connections_opened}"
        )
        return lines


async def sample_activity(url: str, activity: Activity, stop: asyncio.Event) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)
    try:
        async with engine.connect() as conn:
            sessions = int((await conn.execute(text(SESSIONS_SQL))).scalar_one())
            while not stop.is_set():
                rows = (await conn.execute(text(ACTIVITY_SQL))).all()
                for state, wait_type, wait_event, count in rows:
                    waiting = f"{wait_type}:{wait_event}" if wait_type else "running (no wait)"
                    activity.backends[f"{state or '-'} / {waiting}"] += int(count)
                activity.advisory_waiters.append(
                    int((await conn.execute(text(ADVISORY_WAITERS_SQL))).scalar_one())
                )
                for state, wait_type, wait_event in (await conn.execute(text(HOLDER_SQL))).all():
                    waiting = f"{wait_type}:{wait_event}" if wait_type else "running (no wait)"
                    activity.holder[f"{state or '-'} / {waiting}"] += 1
                activity.samples += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), SAMPLE_SECONDS)
            opened = int((await conn.execute(text(SESSIONS_SQL))).scalar_one()) - sessions
            activity.connections_opened = opened
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def sampling(url: str) -> AsyncIterator[Activity]:
    """Samples of PostgreSQL's activity while the block runs (none on SQLite)."""
    activity = Activity()
    if make_url(url).get_backend_name() != "postgresql":
        yield activity
        return
    stop = asyncio.Event()
    task = asyncio.create_task(sample_activity(url, activity, stop))
    try:
        yield activity
    finally:
        stop.set()
        await task


# --- where the CPU went ----------------------------------------------------------------------


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/<pid>/stat`` after the command name (None once it is gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None


def process_tree(root: int) -> list[int]:
    """``root`` and every process under it (Linux ``/proc``; just ``root`` elsewhere)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        fields = _stat_fields(int(entry.name))
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, []))
    return tree


def cpu_seconds(pids: Sequence[int], *, reaped: bool = False) -> float:
    """User and system CPU seconds the processes have used so far (with ``reaped``, also
    that of their children which have ended: PostgreSQL's backends, once closed)."""
    ticks = 0
    for pid in pids:
        fields = _stat_fields(pid)
        if fields is not None:
            ticks += sum(int(value) for value in fields[11 : 15 if reaped else 13])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    """Every PostgreSQL server process on this machine (whichever database it serves)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if (entry / "comm").read_text().strip() == "postgres":
                found.append(int(entry.name))
    return found


def server_workers(server_pid: int) -> list[int]:
    """The worker processes a multi-worker server (uvicorn's supervisor) has started."""
    workers = []
    for pid in process_tree(server_pid):
        with contextlib.suppress(OSError):
            if b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes():
                workers.append(pid)
    return workers


def connections_held(pids: Sequence[int], port: int) -> list[int]:
    """How many established connections to ``port`` each process holds (``/proc``)."""
    established: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "01" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    established.add(fields[9])
    counts = []
    for pid in pids:
        held = 0
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    link = os.readlink(fd)
                    held += link.startswith("socket:[") and link[8:-1] in established
        counts.append(held)
    return counts


def machine_busy_seconds() -> tuple[float, float]:
    """CPU seconds spent busy and in all, summed over the cores, since boot (``/proc/stat``)."""
    with contextlib.suppress(OSError):
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        idle = values[3] + values[4]  # idle, iowait
        total = sum(values[:8])
        tick = os.sysconf("SC_CLK_TCK")
        return (total - idle) / tick, total / tick
    return math.nan, math.nan


@dataclass
class CpuUse:
    """CPU seconds used during the load, by whom."""

    server: float = 0.0
    postgres: float = 0.0
    client: float = 0.0
    machine_busy: float = 0.0
    machine_total: float = 0.0

    @classmethod
    def now(cls, server_pid: int) -> CpuUse:
        busy, total = machine_busy_seconds()
        return cls(
            server=cpu_seconds(process_tree(server_pid)),
            postgres=cpu_seconds(postgres_pids(), reaped=True),
            client=sum(os.times()[:2]),
            machine_busy=busy,
            machine_total=total,
        )

    def since(self, start: CpuUse) -> CpuUse:
        return CpuUse(
            self.server - start.server,
            self.postgres - start.postgres,
            self.client - start.client,
            self.machine_busy - start.machine_busy,
            self.machine_total - start.machine_total,
        )

    def line(self, seconds: float) -> str:
        share = self.machine_busy * 100 / self.machine_total if self.machine_total else math.nan
        others = self.machine_busy - self.server - self.postgres - self.client
        return (
            f"CPU during the load ({os.cpu_count()} CPUs, {seconds:.1f}s): machine busy "
            f"{share:.0f}%; server processes {self.server:.1f}s, PostgreSQL (all databases) "
            f"{self.postgres:.1f}s, this client {self.client:.1f}s, anything else {others:.1f}s"
        )


# --- the checks -------------------------------------------------------------------------------


async def _count(engine: AsyncEngine, model: Any) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def record_count(engine: AsyncEngine) -> int:
    """Records the index holds a document for: meetings, agenda items, actions, metrics."""
    return sum([await _count(engine, m) for m in (Meeting, AgendaItem, Action, Metric)])


async def check_writes(
    engine: AsyncEngine, ledger: Ledger, run_id: str, meetings_before: int
) -> list[str]:
    """What went wrong with the acknowledged writes: lost or duplicated; empty when nothing."""
    problems: list[str] = []
    async with session_factory(engine)() as session:
        stored = Counter(
            (row.action_id, row.text)
            for row in (
                await session.execute(
                    select(ActionUpdate.action_id, ActionUpdate.text).where(
                        ActionUpdate.text.like(f"load {run_id} note %")
                    )
                )
            ).all()
        )
        lost = [note for note, action in ledger.notes.items() if stored[(action, note)] == 0]
        doubled = [key for key, count in stored.items() if count > 1]
        documents = Counter(
            await session.scalars(
                select(SourceDocument.sha256).where(SourceDocument.sha256.in_(list(ledger.uploads)))
            )
        )
        same_sha = (
            await session.execute(
                select(SourceDocument.sha256)
                .group_by(SourceDocument.sha256)
                .having(func.count() > 1)
            )
        ).all()
        same_meeting = (
            await session.execute(
                select(Meeting.identity_key, Meeting.kind, Meeting.date)
                .group_by(Meeting.identity_key, Meeting.kind, Meeting.date)
                .having(func.count() > 1)
            )
        ).all()
        meetings = int(await session.scalar(select(func.count()).select_from(Meeting)) or 0)
    if lost:
        problems.append(f"{len(lost)} acknowledged note(s) missing from history, e.g. {lost[0]}")
    if doubled:
        problems.append(f"{len(doubled)} note(s) stored more than once, e.g. {doubled[0]}")
    missing_uploads = [sha for sha in ledger.uploads if documents[sha] == 0]
    if missing_uploads:
        problems.append(f"{len(missing_uploads)} acknowledged upload(s) not stored")
    if same_sha or any(count > 1 for count in documents.values()):
        problems.append(f"{len(same_sha)} document(s) stored more than once")
    if same_meeting:
        problems.append(f"{len(same_meeting)} meeting identities held by more than one meeting")
    new_meetings = sum(1 for outcome in ledger.uploads.values() if outcome == "STORED")
    if meetings - meetings_before < new_meetings:
        problems.append(
            f"{new_meetings} uploads answered STORED but only {meetings - meetings_before} "
            f"meetings were added"
        )
    return problems


async def wait_for_index(url: str) -> float:
    """Seconds until ``/readyz`` answers 200 (the index has applied the whole change log)."""
    base = url.rsplit("/", 1)[0]
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=10.0) as client:
        while time.perf_counter() - started < CATCH_UP_TIMEOUT:
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(f"{base}/readyz")).status_code == 200:
                    return time.perf_counter() - started
            await asyncio.sleep(0.1)
    return float("nan")


# --- one run ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    seconds: float = 60.0
    concurrency: int = 8
    keep_alive: bool = True
    workers: int = 2
    mix: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_MIX))
    formats: tuple[str, ...] = FORMATS
    seed: int = 7
    database_url: str | None = None


def create_editor_key(settings: Settings) -> str:
    """A new editor key, made as an operator makes one (``assurance keys create``)."""
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "keys", "create", "--role", "editor", "--name", "load"],
        env=server_environment(settings),
        capture_output=True,
        text=True,
        check=True,
    )
    keys = [line.strip() for line in done.stdout.splitlines() if line.strip().startswith("ak_")]
    if not keys:
        raise RuntimeError(f"`assurance keys create` printed no key: {done.stderr.strip()}")
    return keys[-1]


async def prepare(settings: Settings) -> tuple[list[int], int, str]:
    """Ingest and index the samples; the actions' ids, the meeting count and a summary line."""
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [SAMPLES], limits=settings.ingest_limits)
        await apply_changes(engine, IndexStore(settings.index_dir))
        async with session_factory(engine)() as session:
            action_ids = list(await session.scalars(select(Action.id).order_by(Action.id)))
        meetings = await _count(engine, Meeting)
    finally:
        await engine.dispose()
    line = (
        f"samples: {len(summary.reports)} files ingested in {summary.seconds:.1f}s "
        f"({len(summary.failed)} refused), {meetings} meetings, {len(action_ids)} actions"
    )
    return action_ids, meetings, line


async def run(options: Options, emit: Callable[[str], None] = print) -> bool:
    """One load run on a fresh database; True when every check passed."""
    with tempfile.TemporaryDirectory(prefix="assurance-load-") as scratch_name:
        scratch = Path(scratch_name)
        async with scratch_database(options.database_url, scratch / "db") as url:
            settings = Settings(data_dir=scratch / "data", database_url=url)
            return await _run(settings, options, scratch, emit)


async def _run(
    settings: Settings, options: Options, scratch: Path, emit: Callable[[str], None]
) -> bool:
    backend = make_url(settings.resolved_database_url).get_backend_name()
    action_ids, meetings_before, samples_line = await prepare(settings)
    emit(f"database: {backend}; {samples_line}")
    if not action_ids:
        raise RuntimeError("the samples gave no actions to update")
    editor_key = create_editor_key(settings)
    count = int(options.seconds * UPLOADS_PER_SECOND) + 1 if options.mix.get(UPLOAD) else 0
    files = upload_files(count, options.seed, options.formats)
    rng = random.Random(options.seed)
    results = {name: HttpResult(LABELS[name], options.concurrency) for name in CLASSES}
    run_id = uuid.uuid4().hex[:8]
    # One editor key sends every write: the per-key write limit (ASSURANCE_WRITE_RATE) is
    # off, so the run measures what the server takes rather than what the limit lets by.
    with serve(
        settings,
        options.workers,
        scratch / "server.log",
        command=assurance_command,
        extra_env={"ASSURANCE_WRITE_RATE": "0"},
    ) as server:
        emit(
            f"server: assurance serve --workers {options.workers} at {server.url}, ready in "
            f"{server.ready_seconds:.1f}s; {len(files)} upload files ready "
            f"({', '.join(options.formats)})"
        )
        load = Load(server.url, editor_key, action_ids, iter(files), rng, run_id, results)
        load_before = os.getloadavg()[0]
        timed = await run_load(
            load,
            options.mix,
            options.seconds,
            options.concurrency,
            server.pid,
            settings.resolved_database_url,
            keep_alive=options.keep_alive,
        )
        seconds, cpu, activity = timed.seconds, timed.cpu, timed.activity
        spread = ", ".join(str(n) for n in sorted(timed.connections, reverse=True))
        load_after = os.getloadavg()[0]
        catch_up = await wait_for_index(server.url)
    mix = ", ".join(f"{name}={weight}" for name, weight in options.mix.items())
    connections = "" if options.keep_alive else " (a new connection per request)"
    emit(
        f"load: {seconds:.1f}s, {options.concurrency} client tasks{connections}, mix {mix}; "
        f"load average "
        f"{load_before:.1f} before, {load_after:.1f} after ({os.cpu_count()} CPUs); the client's "
        f"connections held by each server worker at the end: {spread or 'not seen'}"
    )
    emit("")
    for line in format_results([results[name] for name in CLASSES], seconds):
        emit(line)
    if load.uploads_exhausted:
        emit(f"  the {len(files)} upload files ran out before the end of the load")
    emit("")
    emit(cpu.line(seconds))
    for line in activity.lines():
        emit(line)
    engine = create_engine(settings.resolved_database_url)
    try:
        problems = await check_writes(engine, load.ledger, run_id, meetings_before)
        status = await check(engine, IndexStore(settings.index_dir))
        records = await record_count(engine)
    finally:
        await engine.dispose()
    ledger = load.ledger
    outcomes = Counter(ledger.uploads.values())
    emit("")
    emit(
        f"writes acknowledged: {len(ledger.notes)} notes ({ledger.unacknowledged_notes} not), "
        f"{len(ledger.uploads)} uploads ({ledger.unacknowledged_uploads} not; "
        + ", ".join(f"{outcome} {n}" for outcome, n in sorted(outcomes.items()))
        + ")"
    )
    emit(
        f"index: caught up {catch_up:.1f}s after the load; {status.documents} documents for "
        f"{records} records, lag {status.lag}"
    )
    if status.lag or status.documents != records:
        problems.append("the index does not hold one document per record")
    emit("checks: " + ("no lost writes, no duplicates" if not problems else "; ".join(problems)))
    return not problems


def format_results(results: Sequence[HttpResult], seconds: float) -> list[str]:
    header = (
        f"{'class':<24} {'requests':>8} {'errors':>6} {'p50':>8} {'p95':>8} {'p99':>8} "
        f"{'max':>8} {'req/s':>7}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        top = max(r.latencies_ms) if r.latencies_ms else float("nan")
        lines.append(
            f"{r.name:<24} {r.requests:>8} {r.errors:>6} {r.p(0.5):>8.1f} {r.p(0.95):>8.1f} "
            f"{r.p(0.99):>8.1f} {top:>8.1f} {r.requests / seconds:>7.1f}"
        )
    lines.extend(f"  first error ({r.name}): {r.first_error}" for r in results if r.first_error)
    return lines


# --- command line -----------------------------------------------------------------------------


def _mix(text: str) -> dict[str, int]:
    mix: dict[str, int] = {}
    for part in text.split(","):
        name, _, weight = part.partition("=")
        if name.strip() not in CLASSES or not weight.strip().isdigit():
            raise argparse.ArgumentTypeError(
                f"comma-separated class=weight among {', '.join(CLASSES)}, e.g. read=4,upload=1"
            )
        mix[name.strip()] = int(weight)
    if not any(mix.values()):
        raise argparse.ArgumentTypeError("at least one class needs a weight above 0")
    return mix


def _formats(text: str) -> tuple[str, ...]:
    formats = tuple(part.strip() for part in text.split(",") if part.strip())
    if not formats or set(formats) - set(FORMATS):
        raise argparse.ArgumentTypeError(f"comma-separated among {', '.join(FORMATS)}")
    return formats


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load_bench",
        description="Time a mixed load of reads, searches, uploads and action updates.",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="PostgreSQL server URL to create a scratch database on (default: SQLite)",
    )
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load")
    parser.add_argument("--concurrency", type=int, default=8, help="client tasks")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--mix", type=_mix, default=dict(DEFAULT_MIX), help="class weights")
    parser.add_argument("--formats", type=_formats, default=FORMATS, help="upload formats")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-keep-alive",
        action="store_true",
        help="a new connection for every request (spreads requests over the server workers)",
    )
    args = parser.parse_args(argv)
    if args.database_url and make_url(args.database_url).get_backend_name() != "postgresql":
        parser.error("--database-url takes a PostgreSQL server URL (SQLite is the default)")
    if args.seconds <= 0 or args.concurrency < 1 or args.workers < 1:
        parser.error("--seconds, --concurrency and --workers must be positive")
    options = Options(
        seconds=args.seconds,
        concurrency=args.concurrency,
        workers=args.workers,
        mix=args.mix,
        formats=args.formats,
        seed=args.seed,
        keep_alive=not args.no_keep_alive,
        database_url=args.database_url,
    )
    return 0 if asyncio.run(run(options)) else 1


if __name__ == "__main__":
    sys.exit(main())
