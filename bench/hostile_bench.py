"""Hostile-input benchmark: what hostile and broken input costs the service.

    python -m bench.hostile_bench [--cases fanout,upload,pool,folder,kill]
        [--levels 20,25,30] [--concurrent 2,4] [--concurrent-levels 30]
        [--docx-mb 20,200] [--pdf-pages 1000] [--text-mb 4,8,16,45] [--limits default,raised]
        [--ingest-memory-mb MB] [--ingest-seconds S] [--max-file-mb MB]
        [--kill-files 4] [--kill-text-mb 8] [--workers 2] [--timeout 300]

Cases, each timed from outside the processes doing the work, whose resident memory
(VmRSS from /proc, the processes and their descendants) is sampled every 20 ms:

* fanout: queries whose fragments each spread the next one twice, against
  ``assurance serve --workers 2`` on the loopback, one at a time and several at once;
* upload: hostile files through the ``ingestDocument`` mutation (multipart, an editor
  key), under the default limits and again with the refusing limits (compression
  ratio, pages, unpacked size) raised, so that memory and time limits must stop them;
* pool: the same files read and parsed by a ``WorkerPool`` in this process, without
  HTTP, storing or indexing;
* folder: ``assurance ingest FOLDER`` over the sample minutes and every bad kind of file;
* kill: ``assurance ingest`` killed with SIGKILL while its workers are busy, and how many
  of its descendants are alive 1, 2, 5 and 10 s later.

During a server case ``/healthz`` is requested every 100 ms, each on a new connection so
that either worker may answer. The server workers' resident memory is read before and
one second after each case: what the long-lived processes keep. It prints a table per
group and ratios against the figures measured before the limits landed. Nothing here
asserts anything about time.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Final

import httpx

from api.settings import Settings
from bench.live_server import assurance_command, serve, server_environment
from bench.processes import (
    CLK_TCK,
    MB,
    SAMPLE_SECONDS,
    MemorySampler,
    ProcessInfo,
    alive,
    all_processes,
    command_line,
    descendants,
    kill_survivors,
    megabytes,
    process_kind,
    resident_bytes,
)
from bench.search_bench import percentile
from ingest.errors import IngestError
from ingest.parse.themes import load_base_glossary
from ingest.pipeline import expand_paths
from ingest.workers import BytesTask, WorkerPool
from tests.support.hostile_files import docx_bomb, large_minutes_text, pdf_page_bomb

SAMPLES: Final = Path(__file__).parents[1] / "samples"
GOOD_SAMPLE: Final = SAMPLES / "eastmoor-performance-2021-06.txt"
CASES: Final = ("fanout", "upload", "pool", "folder", "kill")
HEALTH_INTERVAL: Final = 0.1
SETTLE_SECONDS: Final = 1.0  # after a case, before the server workers' memory is read again
KILL_CHECKS: Final = (1.0, 2.0, 5.0, 10.0)
BUSY_CPU_SECONDS: Final = 0.3  # a worker that has used this much CPU is reading a file
RAISED: Final = 1_000_000  # a refusing limit raised out of the way

CHANGES_QUERY: Final = "{ changes { totalCount } }"
INGEST_MUTATION: Final = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) {
    meeting { id title }
    outcome
    errors { field code message }
  }
}
"""


# --- /healthz while a case runs ----------------------------------------------------------------


@dataclass(frozen=True)
class HealthStats:
    probes: int
    p95_ms: float
    max_ms: float
    timeouts: int
    failures: int


class HealthProbe:
    """``GET /healthz`` every 100 ms on a new connection each, until the block ends.

    Probes are not waited for before the next one is sent; a probe that gets no answer
    within ``timeout`` counts as a time-out, its latency as ``timeout``.
    """

    def __init__(self, base: str, timeout: float) -> None:
        self.url = f"{base}/healthz"
        self.timeout = timeout
        self.latencies_ms: list[float] = []
        self.timeouts = 0
        self.failures = 0
        self._client = httpx.AsyncClient(
            timeout=timeout, limits=httpx.Limits(max_keepalive_connections=0)
        )
        self._probes: set[asyncio.Task[None]] = set()
        self._loop: asyncio.Task[None] | None = None

    async def __aenter__(self) -> HealthProbe:
        self._loop = asyncio.create_task(self._send_every_interval())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._loop is not None
        self._loop.cancel()
        await asyncio.gather(self._loop, return_exceptions=True)
        await asyncio.gather(*self._probes, return_exceptions=True)
        await self._client.aclose()

    def stats(self) -> HealthStats:
        values = self.latencies_ms
        return HealthStats(
            probes=len(values),
            p95_ms=percentile(values, 0.95) if values else math.nan,
            max_ms=max(values, default=math.nan),
            timeouts=self.timeouts,
            failures=self.failures,
        )

    async def _send_every_interval(self) -> None:
        while True:
            task = asyncio.create_task(self._probe())
            self._probes.add(task)
            task.add_done_callback(self._probes.discard)
            await asyncio.sleep(HEALTH_INTERVAL)

    async def _probe(self) -> None:
        started = time.perf_counter()
        try:
            response = await self._client.get(self.url)
        except httpx.TimeoutException:
            self.timeouts += 1
            self.latencies_ms.append(self.timeout * 1000)
            return
        except httpx.HTTPError:
            self.failures += 1
            return
        self.latencies_ms.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            self.failures += 1


# --- outcomes and results -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What one request or file came to: an HTTP status (None: no response or no HTTP), an
    error code or a word for success (OK, STORED, PARSED, ...), and the message."""

    status: int | None
    code: str
    message: str

    def short(self) -> str:
        return self.code if self.status is None else f"{self.status} {self.code}"


def response_outcome(response: httpx.Response) -> Outcome:
    """The outcome of a GraphQL response: its first error's code, or what the data says."""
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        return Outcome(status, "NOT_JSON", response.text[:200])
    if not isinstance(body, dict):
        return Outcome(status, "NOT_JSON", response.text[:200])
    errors = body.get("errors")
    if errors:
        first = errors[0]
        code = (first.get("extensions") or {}).get("code") or "ERROR"
        return Outcome(status, str(code), str(first.get("message", "")))
    data = body.get("data") or {}
    payload = data.get("ingestDocument")
    if isinstance(payload, dict):
        if payload.get("errors"):
            error = payload["errors"][0]
            return Outcome(status, str(error["code"]), str(error["message"]))
        meeting = payload.get("meeting") or {}
        return Outcome(status, str(payload.get("outcome")), f"meeting {meeting.get('title')!r}")
    return Outcome(status, "OK", json.dumps(data)[:200])


@dataclass
class CaseResult:
    """One case: what came of it, how long it took, the memory of the processes doing it."""

    group: str
    name: str
    input_bytes: int
    outcomes: list[Outcome]
    seconds: float
    tree_before_mb: float  # the case's processes together (a server and its children)
    peak_tree_mb: float
    tree_after_mb: float
    peak_process_mb: float  # the largest one process
    before_mb: float  # the long-lived process(es): server workers, pool worker
    after_mb: float
    load: float  # the 1-minute load average when the case started
    health: HealthStats | None = None
    changes_added: int | None = None  # entries the case added to the server's change log
    note: str = ""

    @property
    def kept_mb(self) -> float:
        return self.after_mb - self.before_mb

    @property
    def codes(self) -> list[str]:
        return [outcome.code for outcome in self.outcomes]

    def outcome_text(self) -> str:
        shorts = [outcome.short() for outcome in self.outcomes]
        if len(set(shorts)) == 1 and len(shorts) > 1:
            return f"{len(shorts)}x {shorts[0]}"
        return ", ".join(shorts)


# --- hostile inputs -------------------------------------------------------------------------------


def fanout_query(levels: int, variant: int = 0) -> str:
    """``{...G0}`` where each fragment Gi spreads G(i+1) twice, over ``levels`` fragments:
    a document of about 40 bytes a level that expands to 2^(levels-1) fields. A
    ``variant`` other than 0 names the operation, so that the server's parse and
    validation caches do not answer for it."""
    fragments = [
        f"fragment G{level} on Query{{...G{level + 1} ...G{level + 1}}}"
        for level in range(levels - 1)
    ]
    fragments.append(f"fragment G{levels - 1} on Query{{__typename}}")
    operation = f"query Fan{variant}{{...G0}}" if variant else "{...G0}"
    return " ".join([operation, *fragments])


@dataclass(frozen=True)
class HostileFile:
    label: str  # the case's name in the tables
    name: str  # the file name sent or written
    data: bytes


def mb_label(value: float) -> str:
    return f"{value:g}"


def hostile_files(
    docx_mb: Sequence[int], pdf_pages: Sequence[int], text_mb: Sequence[float]
) -> list[HostileFile]:
    files = [
        HostileFile(f"docx {size} MB of XML", f"bomb-{size}mb.docx", docx_bomb(size))
        for size in docx_mb
    ]
    files += [
        HostileFile(f"pdf {pages:,} pages", f"pages-{pages}.pdf", pdf_page_bomb(pages))
        for pages in pdf_pages
    ]
    files += [
        HostileFile(
            f"text {mb_label(size)} MB", f"large-{mb_label(size)}mb.txt", large_minutes_text(size)
        )
        for size in text_mb
    ]
    return files


@dataclass(frozen=True)
class LimitsConfig:
    """Settings (field name -> value) a group runs under, beside their defaults."""

    name: str
    values: dict[str, float]

    def environment(self) -> dict[str, str]:
        return {f"ASSURANCE_{key.upper()}": str(value) for key, value in self.values.items()}

    def settings(self, data_dir: Path) -> Settings:
        return Settings.model_construct(None, data_dir=data_dir, **self.values)

    def describe(self) -> str:
        if not self.values:
            return "the defaults"
        return ", ".join(f"{key}={value}" for key, value in self.values.items())


def limits_configs(
    names: Sequence[str],
    *,
    max_file_mb: float | None,
    ingest_memory_mb: int | None,
    ingest_seconds: float | None,
) -> list[LimitsConfig]:
    """``default``: every limit at its default (the file size limit raised when asked);
    ``raised``: page, unpacked-size and compression-ratio limits out of the way, so that
    only the memory and time limits (``--ingest-memory-mb``, ``--ingest-seconds``) stop
    a file."""
    base: dict[str, float] = {} if max_file_mb is None else {"max_file_mb": max_file_mb}
    configs: list[LimitsConfig] = []
    for name in names:
        if name == "default":
            configs.append(LimitsConfig(name, dict(base)))
        elif name == "raised":
            raised = {
                **base,
                "max_compression_ratio": RAISED,
                "max_pdf_pages": RAISED,
                "max_unpacked_mb": RAISED,
            }
            if ingest_memory_mb is not None:
                raised["ingest_memory_mb"] = ingest_memory_mb
            if ingest_seconds is not None:
                raised["ingest_seconds"] = ingest_seconds
            configs.append(LimitsConfig(name, raised))
        else:
            raise ValueError(f"unknown limits {name!r} (default, raised)")
    return configs


# --- the server ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveServer:
    base: str
    url: str
    pid: int  # the supervisor (`assurance serve`)
    key: str | None  # an editor API key, when made


def server_workers(supervisor: int) -> list[int]:
    """uvicorn's worker processes under ``supervisor``."""
    table = all_processes()
    return sorted(
        pid
        for pid in descendants(supervisor, table)
        if table[pid].ppid == supervisor and "spawn_main" in command_line(pid)
    )


def tree_resident_mb(root: int) -> float:
    """``root`` and its descendants' resident memory together."""
    return total_resident_mb([root, *descendants(root, all_processes())])


def total_resident_mb(pids: Iterable[int]) -> float:
    """The processes' resident memory together; NaN when there is none."""
    sizes = [size for size in map(resident_bytes, pids) if size is not None]
    return megabytes(sum(sizes)) if sizes else math.nan


def create_editor_key(settings: Settings, extra_env: Mapping[str, str]) -> str:
    """An editor key made by ``assurance keys create``, as an operator makes one."""
    command = [sys.executable, "-m", "api.cli", "keys", "create"]
    done = subprocess.run(
        [*command, "--role", "editor", "--name", "hostile benchmark"],
        env=server_environment(settings, extra_env),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"assurance keys create failed: {done.stderr.strip()}")
    return done.stdout.strip().splitlines()[-1].strip()


@contextmanager
def running_server(
    folder: Path, config: LimitsConfig, workers: int, *, with_key: bool
) -> Iterator[LiveServer]:
    """``assurance serve --workers N`` on a new data folder under ``config``'s settings."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = config.settings(folder / "var")
    env = config.environment()
    key = create_editor_key(settings, env) if with_key else None
    with serve(
        settings, workers, folder / "server.log", command=assurance_command, extra_env=env
    ) as server:
        base = server.url.removesuffix("/graphql")
        yield LiveServer(base, server.url, server.pid, key)


async def measure_on_server(
    server: LiveServer,
    group: str,
    name: str,
    input_bytes: int,
    send: Callable[[], Awaitable[list[Outcome]]],
    health_timeout: float,
) -> CaseResult:
    """Run ``send`` while sampling the server's memory and probing ``/healthz``."""
    load = os.getloadavg()[0]
    workers = server_workers(server.pid)
    before = total_resident_mb(workers)
    with MemorySampler(lambda: [server.pid], tree=True) as memory:
        async with HealthProbe(server.base, health_timeout) as probe:
            started = time.perf_counter()
            outcomes = await send()
            seconds = time.perf_counter() - started
    await asyncio.sleep(SETTLE_SECONDS)
    workers_after = server_workers(server.pid)
    note = "" if workers_after == workers else "a server worker was replaced"
    return CaseResult(
        group=group,
        name=name,
        input_bytes=input_bytes,
        outcomes=outcomes,
        seconds=seconds,
        tree_before_mb=megabytes(memory.first_total),
        peak_tree_mb=megabytes(memory.peak_total),
        tree_after_mb=tree_resident_mb(server.pid),
        peak_process_mb=megabytes(memory.peak_process),
        before_mb=before,
        after_mb=total_resident_mb(workers_after),
        load=load,
        health=probe.stats(),
        note=note,
    )


async def post_query(client: httpx.AsyncClient, url: str, query: str) -> Outcome:
    try:
        response = await client.post(url, json={"query": query})
    except httpx.TimeoutException:
        return Outcome(None, "CLIENT_TIMEOUT", "no answer before the client's time-out")
    except httpx.HTTPError as error:
        return Outcome(None, "NO_RESPONSE", f"{type(error).__name__}: {error}")
    return response_outcome(response)


async def post_upload(client: httpx.AsyncClient, server: LiveServer, file: HostileFile) -> Outcome:
    operations = {"query": INGEST_MUTATION, "variables": {"file": None}}
    try:
        response = await client.post(
            server.url,
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (file.name, file.data, "application/octet-stream")},
            headers={
                "Authorization": f"Bearer {server.key}",
                "Apollo-Require-Preflight": "true",
            },
        )
    except httpx.TimeoutException:
        return Outcome(None, "CLIENT_TIMEOUT", "no answer before the client's time-out")
    except httpx.HTTPError as error:
        return Outcome(None, "NO_RESPONSE", f"{type(error).__name__}: {error}")
    return response_outcome(response)


# --- the groups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    levels: tuple[int, ...] = (20, 25, 30)
    concurrent: tuple[int, ...] = (2, 4)
    concurrent_levels: int = 30
    docx_mb: tuple[int, ...] = (20, 200)
    pdf_pages: tuple[int, ...] = (1000,)
    text_mb: tuple[float, ...] = (4, 8, 16, 45)
    limits: tuple[str, ...] = ("default", "raised")
    ingest_memory_mb: int | None = None
    ingest_seconds: float | None = None
    max_file_mb: float | None = None  # the folder and kill runs (uploads: raised to fit)
    kill_files: int = 4
    kill_text_mb: float = 8
    workers: int = 2
    timeout: float = 300.0
    health_timeout: float = 10.0


async def run_fanout(folder: Path, options: Options) -> list[CaseResult]:
    """Fragment fan-out queries against a server with every setting at its default."""
    results: list[CaseResult] = []
    config = LimitsConfig("default", {})
    with running_server(folder, config, options.workers, with_key=False) as server:
        async with httpx.AsyncClient(timeout=options.timeout) as client:
            await post_query(client, server.url, "{ __typename }")  # warm-up
            variants = itertools.count(1)  # every query a new text: no cache answers it
            plan = [(levels, 1) for levels in options.levels]
            plan += [(options.concurrent_levels, count) for count in options.concurrent]
            for levels, count in plan:
                query = fanout_query(levels)

                async def send(levels: int = levels, count: int = count) -> list[Outcome]:
                    sent = [
                        post_query(client, server.url, fanout_query(levels, next(variants)))
                        for _ in range(count)
                    ]
                    return list(await asyncio.gather(*sent))

                name = f"{levels} levels" + (f" x{count} at once" if count > 1 else "")
                results.append(
                    await measure_on_server(
                        server,
                        "fanout",
                        name,
                        len(query.encode()),
                        send,
                        options.health_timeout,
                    )
                )
    return results


def upload_file_limit(options: Options, files: Sequence[HostileFile]) -> float | None:
    """The file size limit the upload servers need: the default unless a file passes it."""
    default_mb = Settings.model_construct().max_file_mb
    largest = max((len(f.data) for f in files), default=0) / MB
    if options.max_file_mb is not None:
        return options.max_file_mb
    return None if largest < default_mb else math.ceil(largest) + 8


async def change_count(client: httpx.AsyncClient, server: LiveServer) -> int:
    """Entries in the server's change log: what a stored file adds, a refused one does not."""
    response = await client.post(server.url, json={"query": CHANGES_QUERY})
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(f"the change log could not be read: {body['errors']}")
    return int(body["data"]["changes"]["totalCount"])


def upload_pools(server: LiveServer) -> int:
    """How many server workers have started their pool of upload processes."""
    table = all_processes()
    return sum(
        any(process_kind(pid, table) == "fork server" for pid in descendants(worker, table))
        for worker in server_workers(server.pid)
    )


async def start_upload_pools(client: httpx.AsyncClient, server: LiveServer, workers: int) -> int:
    """Upload a good file a few times at once, each on a new connection, so that every
    server worker starts its pool (the first upload a worker takes starts it) before the
    cases; the number of workers whose pool runs."""
    sample = HostileFile("warm-up", GOOD_SAMPLE.name, GOOD_SAMPLE.read_bytes())
    for _ in range(5):
        if upload_pools(server) >= workers:
            break
        async with httpx.AsyncClient(
            timeout=client.timeout, limits=httpx.Limits(max_keepalive_connections=0)
        ) as fresh:
            await asyncio.gather(*(post_upload(fresh, server, sample) for _ in range(2 * workers)))
    return upload_pools(server)


async def run_uploads(
    folder: Path, options: Options, files: Sequence[HostileFile]
) -> list[CaseResult]:
    results: list[CaseResult] = []
    configs = limits_configs(
        options.limits,
        max_file_mb=upload_file_limit(options, files),
        ingest_memory_mb=options.ingest_memory_mb,
        ingest_seconds=options.ingest_seconds,
    )
    for config in configs:
        print(f"upload server ({config.name}): {config.describe()}")
        with running_server(folder / config.name, config, options.workers, with_key=True) as server:
            async with httpx.AsyncClient(timeout=options.timeout) as client:
                started = await start_upload_pools(client, server, options.workers)
                print(
                    f"  warm-up: {started} of {options.workers} server workers run an upload pool"
                )
                for file in files:

                    async def send(file: HostileFile = file) -> list[Outcome]:
                        return [await post_upload(client, server, file)]

                    changes = await change_count(client, server)

                    result = await measure_on_server(
                        server,
                        f"upload, {config.name}",
                        file.label,
                        len(file.data),
                        send,
                        options.health_timeout,
                    )
                    result.changes_added = await change_count(client, server) - changes
                    results.append(result)
                    print(
                        f"  {file.label}: {result.outcome_text()} in {result.seconds:.1f} s",
                        file=sys.stderr,
                    )
    return results


def run_pool(options: Options, files: Sequence[HostileFile]) -> list[CaseResult]:
    """The files read and parsed by one pool worker in this process, under each config."""
    glossary = load_base_glossary()
    results: list[CaseResult] = []
    for config in limits_configs(
        options.limits,
        max_file_mb=upload_file_limit(options, files),
        ingest_memory_mb=options.ingest_memory_mb,
        ingest_seconds=options.ingest_seconds,
    ):
        limits = config.settings(Path("var")).ingest_limits
        with WorkerPool(1, limits) as pool:
            warm = pool.submit(BytesTask(GOOD_SAMPLE.name, GOOD_SAMPLE.read_bytes()), glossary)
            warm.result()  # starts the fork server and the worker: not part of any case
            for file in files:
                if not pool.pids():  # the last file's worker was stopped: start the next one
                    pool.submit(
                        BytesTask(GOOD_SAMPLE.name, GOOD_SAMPLE.read_bytes()), glossary
                    ).result()
                load = os.getloadavg()[0]
                before = total_resident_mb(pool.pids())
                with MemorySampler(pool.pids, tree=True) as memory:
                    started = time.perf_counter()
                    prepared = pool.submit(BytesTask(file.name, file.data), glossary).result()
                    seconds = time.perf_counter() - started
                if isinstance(prepared, IngestError):
                    outcome = Outcome(None, prepared.code.value, str(prepared))
                else:
                    draft = prepared.draft
                    outcome = Outcome(
                        None,
                        "PARSED",
                        f"{len(draft.items):,} items, {len(draft.actions):,} actions",
                    )
                results.append(
                    CaseResult(
                        group=f"pool, {config.name}",
                        name=file.label,
                        input_bytes=len(file.data),
                        outcomes=[outcome],
                        seconds=seconds,
                        tree_before_mb=megabytes(memory.first_total),
                        peak_tree_mb=megabytes(memory.peak_total),
                        tree_after_mb=total_resident_mb(pool.pids()),
                        peak_process_mb=megabytes(memory.peak_process),
                        before_mb=before,
                        after_mb=total_resident_mb(pool.pids()),
                        load=load,
                    )
                )
                print(
                    f"  pool {config.name}, {file.label}: {outcome.short()} in {seconds:.1f} s",
                    file=sys.stderr,
                )
    return results


# --- assurance ingest over a folder ------------------------------------------------------------

NOT_MINUTES_TEXT: Final = (
    b"Shopping list\n\nMilk, bread and eggs. Call the plumber about the sink.\n"
)
BINARY_BYTES: Final = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 64
BROKEN_PDF: Final = b"%PDF-1.7\n1 0 obj << /Broken"
BROKEN_DOCX: Final = b"PK\x03\x04 this is not really a zip archive" * 10


def build_mixed_folder(folder: Path, options: Options, max_file_mb: float) -> dict[str, str]:
    """The sample minutes and every bad kind of file; file name -> what it is."""
    folder.mkdir(parents=True)
    kinds: dict[str, str] = {}
    for sample in expand_paths([SAMPLES]):
        if sample.parent == SAMPLES:
            shutil.copy(sample, folder / sample.name)
            kinds[sample.name] = "sample"
    bad: dict[str, tuple[str, bytes]] = {
        "empty.txt": ("empty", b""),
        "binary.txt": ("binary", BINARY_BYTES),
        "shopping-list.txt": ("not minutes", NOT_MINUTES_TEXT),
        "broken.pdf": ("broken PDF", BROKEN_PDF),
        "broken.docx": ("broken .docx", BROKEN_DOCX),
    }
    for name, (kind, data) in bad.items():
        (folder / name).write_bytes(data)
        kinds[name] = kind
    over = folder / "over-the-limit.txt"
    with over.open("wb") as out:  # a text one megabyte over the size limit
        line = GOOD_SAMPLE.read_bytes()
        size = 0
        while size <= (max_file_mb + 1) * MB:
            out.write(line)
            size += len(line)
    kinds[over.name] = "over the size limit"
    for size in options.docx_mb:
        (folder / f"bomb-{size}mb.docx").write_bytes(docx_bomb(size))
        kinds[f"bomb-{size}mb.docx"] = f"docx {size} MB of XML"
    for pages in options.pdf_pages:
        (folder / f"pages-{pages}.pdf").write_bytes(pdf_page_bomb(pages))
        kinds[f"pages-{pages}.pdf"] = f"pdf {pages:,} pages"
    return kinds


@dataclass(frozen=True)
class FileLine:
    name: str
    kind: str
    result: str  # the CLI's result column: an outcome, or an error code
    reason: str  # the CLI's "failed:" line, for a file that failed


@dataclass
class FolderResult:
    files: list[FileLine]
    summary: str
    exit_code: int
    seconds: float
    peak_tree_mb: float
    peak_process_mb: float
    left_behind: int  # descendants still running a second after the command ended
    stderr_tail: str = ""


SUMMARY_LINE: Final = re.compile(r"^\d+ files? in .*$", re.MULTILINE)
FAILED_LINE: Final = re.compile(r"^failed: (?P<path>.+?): (?P<reason>.+)$", re.MULTILINE)


def ingest_command(folder: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "api.cli", "ingest", str(folder), "--workers", str(workers)]


def cli_environment(data_dir: Path, config: LimitsConfig) -> dict[str, str]:
    env = server_environment(config.settings(data_dir), config.environment())
    env["COLUMNS"] = "1000"  # no wrapped lines in what the command prints
    return env


def table_results(stdout: str, names: Sequence[str]) -> dict[str, str]:
    """File name -> result column of the summary table (rows come in the files' order; the
    table may cut long names short with an ellipsis)."""
    lines = stdout.splitlines()
    start = next((n for n, line in enumerate(lines) if set(line.strip()) == {"─"}), None)
    if start is None:
        return {}
    rows = []
    for line in lines[start + 1 :]:
        if SUMMARY_LINE.match(line) or not line.strip():
            break
        cells = line.replace("│", " ").split()  # names here hold no spaces; results are one word
        if len(cells) >= 2:
            rows.append((cells[0], cells[1]))
    found: dict[str, str] = {}
    for name, (shown, result) in zip(names, rows, strict=False):
        if name.startswith(shown.rstrip("…")):
            found[name] = result
    return found


def run_folder(folder: Path, options: Options) -> FolderResult:
    config = LimitsConfig(
        "default", {} if options.max_file_mb is None else {"max_file_mb": options.max_file_mb}
    )
    limit_mb = options.max_file_mb or Settings.model_construct().max_file_mb
    files = folder / "files"
    kinds = build_mixed_folder(files, options, limit_mb)
    names = [path.name for path in expand_paths([files])]
    stdout_path, stderr_path = folder / "ingest.out", folder / "ingest.err"
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            ingest_command(files, options.workers),
            env=cli_environment(folder / "var", config),
            stdout=out,
            stderr=err,
        )
        with MemorySampler(lambda: [process.pid], tree=True) as memory:
            try:
                exit_code = process.wait(timeout=options.timeout * 4)
            except subprocess.TimeoutExpired:
                process.kill()
                exit_code = process.wait()
        seconds = time.perf_counter() - started
    time.sleep(SETTLE_SECONDS)
    left = {pid: start for pid, start in memory.seen.items() if pid != process.pid}
    left_behind = len(alive(left)[0])
    kill_survivors(left)
    stdout = stdout_path.read_text(encoding="utf-8", errors="replace")
    stderr = stderr_path.read_text(encoding="utf-8", errors="replace")
    results = table_results(stdout, names)
    reasons = {Path(m["path"]).name: m["reason"] for m in FAILED_LINE.finditer(stderr)}
    summary = SUMMARY_LINE.search(stdout)
    return FolderResult(
        files=[
            FileLine(
                name,
                kinds.get(name, "?"),
                results.get(name, "(not in the table)"),
                reasons.get(name, ""),
            )
            for name in names
        ],
        summary=summary.group(0) if summary else "(no summary line)",
        exit_code=exit_code,
        seconds=seconds,
        peak_tree_mb=megabytes(memory.peak_total),
        peak_process_mb=megabytes(memory.peak_process),
        left_behind=left_behind,
        stderr_tail=" | ".join(
            line for line in stderr.splitlines()[-3:] if not FAILED_LINE.match(line)
        ),
    )


# --- kill -9 of assurance ingest ------------------------------------------------------------------


@dataclass(frozen=True)
class AliveAt:
    seconds: float
    running: int
    zombies: int
    kinds: str
    resident_mb: float


@dataclass
class KillResult:
    killed_after: float  # seconds from the start of the command
    busy_workers: int
    descendants: dict[str, int]  # kind -> count at the kill
    checks: list[AliveAt]
    note: str = ""


def count_kinds(pids: Iterable[int], kinds: Mapping[int, str]) -> str:
    counts: dict[str, int] = {}
    for pid in pids:
        counts[kinds[pid]] = counts.get(kinds[pid], 0) + 1
    return ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items())) or "none"


def run_kill(folder: Path, options: Options) -> KillResult:
    """Start ``assurance ingest`` over large texts, SIGKILL it once its workers are busy,
    then count its descendants still alive ``KILL_CHECKS`` seconds later."""
    files = folder / "files"
    files.mkdir(parents=True)
    text = large_minutes_text(options.kill_text_mb)
    for n in range(options.kill_files):
        (files / f"large-{n}.txt").write_bytes(text + f"\nCopy {n}.\n".encode())
    config = LimitsConfig("default", {})
    with (folder / "ingest.out").open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(
            ingest_command(files, options.workers),
            env=cli_environment(folder / "var", config),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        wanted = min(options.workers, options.kill_files)
        busy: list[int] = []
        table: dict[int, ProcessInfo] = {}
        kinds: dict[int, str] = {}
        deadline = time.monotonic() + options.timeout
        while process.poll() is None and time.monotonic() < deadline:
            table = all_processes()
            kinds = {pid: process_kind(pid, table) for pid in descendants(process.pid, table)}
            busy = [
                pid
                for pid, kind in kinds.items()
                if kind == "worker" and table[pid].cpu_ticks >= BUSY_CPU_SECONDS * CLK_TCK
            ]
            if len(busy) >= wanted:
                break
            time.sleep(SAMPLE_SECONDS)
        if process.poll() is not None:
            return KillResult(
                time.perf_counter() - started, 0, {}, [], "the ingest ended before it was killed"
            )
        watched = {pid: table[pid].start_ticks for pid in kinds}
        at_kill = {kind: list(kinds.values()).count(kind) for kind in set(kinds.values())}
        killed_after = time.perf_counter() - started
        os.kill(process.pid, signal.SIGKILL)
        killed = time.monotonic()
        process.wait()
    checks: list[AliveAt] = []
    for after in KILL_CHECKS:
        time.sleep(max(0.0, killed + after - time.monotonic()))
        running, zombies = alive(watched)
        checks.append(
            AliveAt(
                after,
                len(running),
                len(zombies),
                count_kinds(running, kinds),
                total_resident_mb(running),
            )
        )
    kill_survivors(watched)
    return KillResult(killed_after, len(busy), at_kill, checks)


# --- printing ---------------------------------------------------------------------------------


def fmt(value: float, digits: int = 1) -> str:
    return "-" if math.isnan(value) else f"{value:,.{digits}f}"


def print_cases(title: str, results: Sequence[CaseResult], *, server: bool) -> None:
    if not results:
        return
    print(f"\n{title}")
    header = (
        f"{'case':<22} {'bytes':>11} {'outcome':<24} {'seconds':>8} {'load':>4} "
        f"{'tree MB':>7} {'peak':>7} {'after':>7} {'proc pk':>7} {'long-lived MB (kept)':>24}"
    )
    if server:
        header += f" {'hz n':>5} {'p95 ms':>7} {'max ms':>8} {'t/o':>3}"
    print(header)
    print("-" * len(header))
    for r in results:
        change = "" if math.isnan(r.kept_mb) else f" ({r.kept_mb:+,.0f})"
        kept = f"{fmt(r.before_mb, 0)} -> {fmt(r.after_mb, 0)}{change}"
        line = (
            f"{r.name:<22} {r.input_bytes:>11,} {r.outcome_text():<24} {r.seconds:>8.2f} "
            f"{r.load:>4.1f} {fmt(r.tree_before_mb, 0):>7} {fmt(r.peak_tree_mb, 0):>7} "
            f"{fmt(r.tree_after_mb, 0):>7} {fmt(r.peak_process_mb, 0):>7} {kept:>24}"
        )
        if server and r.health is not None:
            h = r.health
            line += f" {h.probes:>5} {fmt(h.p95_ms, 0):>7} {fmt(h.max_ms, 0):>8} {h.timeouts:>3}"
        notes = [r.note] if r.note else []
        if r.changes_added is not None:
            notes.insert(0, f"change log {r.changes_added:+,}")
        print(line + (f"  ({'; '.join(notes)})" if notes else ""))
    print("messages:")
    for r in results:
        for message in dict.fromkeys(o.message for o in r.outcomes):
            print(f"  {r.name}: {message[:300]}")


def print_folder(result: FolderResult) -> None:
    print("\nassurance ingest FOLDER: samples and bad files")
    header = f"{'file':<52} {'kind':<20} {'result':<12} reason"
    print(header)
    print("-" * 100)
    for f in result.files:
        print(f"{f.name:<52} {f.kind:<20} {f.result:<12} {f.reason[:160]}")
    print(f"summary: {result.summary}")
    print(
        f"exit code {result.exit_code}; {result.seconds:.1f} s; memory of the command and its "
        f"workers: peak {fmt(result.peak_tree_mb)} MB together, largest process "
        f"{fmt(result.peak_process_mb)} MB; descendants running 1 s after it ended: "
        f"{result.left_behind}"
    )
    if result.stderr_tail:
        print(f"stderr: {result.stderr_tail}")


def print_kill(result: KillResult) -> None:
    print("\nkill -9 of assurance ingest while its workers are busy")
    if result.note:
        print(f"  {result.note} ({result.killed_after:.1f} s)")
        return
    at_kill = ", ".join(f"{count} {kind}" for kind, count in sorted(result.descendants.items()))
    print(
        f"killed {result.killed_after:.1f} s after the start, {result.busy_workers} worker(s) "
        f"busy; descendants then: {at_kill}"
    )
    print(f"{'after s':>8} {'running':>8} {'zombies':>8} {'RSS MB':>8}  which")
    for check in result.checks:
        print(
            f"{check.seconds:>8g} {check.running:>8} {check.zombies:>8} "
            f"{fmt(check.resident_mb):>8}  {check.kinds}"
        )


# --- before and after -------------------------------------------------------------------------


@dataclass(frozen=True)
class Before:
    """A figure measured before the limits landed (same machine); ``at_least`` when the
    run was stopped unfinished."""

    value: float
    unit: str
    at_least: bool = False

    def text(self) -> str:
        return f"{'>' if self.at_least else ''}{self.value:,.1f} {self.unit}"


BEFORE_FANOUT_SECONDS: Final = {
    20: Before(5.6, "s"),
    25: Before(186, "s"),
    30: Before(300, "s", at_least=True),
}
BEFORE_DOCX: Final = {
    20: (Before(31, "s"), None, Before(350, "MB")),
    200: (Before(300, "s", at_least=True), Before(3500, "MB", at_least=True), None),
}
BEFORE_PDF: Final = {1000: (Before(58, "s"), Before(3350, "MB"), Before(1800, "MB"))}
BEFORE_TEXT_SECONDS: Final = {
    4.0: Before(2.3, "s"),
    8.0: Before(7.1, "s"),
    16.0: Before(24.7, "s"),
    45.0: Before(240, "s", at_least=True),
}
BEFORE_TEXT_MB: Final = {45.0: Before(570, "MB", at_least=True)}  # when it was stopped


def ratio(before: Before, after: float) -> str:
    if math.isnan(after) or after <= 0:
        return "-"
    return f"{'>' if before.at_least else ''}{before.value / after:,.1f}x"


def comparisons(report: Report) -> list[tuple[str, str, str, str]]:
    """Rows (what, before, now, before/now) for the cases measured before the limits."""
    rows: list[tuple[str, str, str, str]] = []
    for r in report.cases:
        if r.group == "fanout" and r.name == "30 levels x2 at once" and r.health is not None:
            rows.append(
                (
                    f"fan-out {r.name}, /healthz max",
                    "timed out",
                    f"{r.health.max_ms:,.0f} ms",
                    "-",
                )
            )
        if r.group == "fanout" and "at once" not in r.name:
            levels = int(r.name.split()[0])
            if levels in BEFORE_FANOUT_SECONDS:
                before = BEFORE_FANOUT_SECONDS[levels]
                rows.append(
                    (
                        f"fan-out {r.name}, time",
                        before.text(),
                        f"{r.seconds:.3f} s",
                        ratio(before, r.seconds),
                    )
                )
        if r.group.startswith(("upload", "pool")) and "FAILED" not in r.codes:
            where = r.group
            figures = _before_file(r.name)
            if figures is None:
                continue
            seconds, peak, kept = figures
            if seconds is not None:
                rows.append(
                    (
                        f"{r.name} ({where}), time",
                        seconds.text(),
                        f"{r.seconds:.2f} s",
                        ratio(seconds, r.seconds),
                    )
                )
            if peak is not None:
                rows.append(
                    (
                        f"{r.name} ({where}), largest process",
                        peak.text(),
                        f"{r.peak_process_mb:,.0f} MB",
                        ratio(peak, r.peak_process_mb),
                    )
                )
            if kept is not None and r.group.startswith("upload"):
                rows.append(
                    (
                        f"{r.name} ({where}), kept by the server",
                        kept.text(),
                        f"{r.kept_mb:+,.1f} MB",
                        "-",
                    )
                )
    if report.folder is not None:
        failed = sum(1 for line in report.folder.files if line.reason)
        rows.append(
            (
                "assurance ingest FOLDER with bad files",
                "crashed",
                f"{len(report.folder.files)} reported, {failed} failed",
                "-",
            )
        )
    if report.kill is not None and report.kill.checks:
        last = report.kill.checks[-1]
        rows.append(
            (
                "kill -9 of ingest: descendants running",
                "4 after >60 s",
                f"{last.running} after {last.seconds:g} s",
                "-",
            )
        )
    return rows


def _before_file(name: str) -> tuple[Before | None, Before | None, Before | None] | None:
    docx = re.fullmatch(r"docx (\d+) MB of XML", name)
    if docx and int(docx[1]) in BEFORE_DOCX:
        return BEFORE_DOCX[int(docx[1])]
    pdf = re.fullmatch(r"pdf ([\d,]+) pages", name)
    if pdf and int(pdf[1].replace(",", "")) in BEFORE_PDF:
        return BEFORE_PDF[int(pdf[1].replace(",", ""))]
    text = re.fullmatch(r"text ([\d.]+) MB", name)
    if text and float(text[1]) in BEFORE_TEXT_SECONDS:
        size = float(text[1])
        return BEFORE_TEXT_SECONDS[size], BEFORE_TEXT_MB.get(size), None
    return None


def print_comparisons(report: Report) -> None:
    rows = comparisons(report)
    if not rows:
        return
    print("\nbefore the limits (same machine) and now; ratio = before / now:")
    print(f"{'what':<52} {'before':>14} {'now':>26} {'ratio':>9}")
    print("-" * 104)
    for what, before, now, factor in rows:
        print(f"{what:<52} {before:>14} {now:>26} {factor:>9}")


# --- the command line ---------------------------------------------------------------------------


def numbers(kind: Callable[[str], Any]) -> Callable[[str], tuple[Any, ...]]:
    def parse(text: str) -> tuple[Any, ...]:
        return tuple(kind(part) for part in text.split(",") if part.strip())

    return parse


def words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def parse_args(argv: Sequence[str] | None) -> tuple[tuple[str, ...], Options, Path | None]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    defaults = Options()
    parser.add_argument(
        "--cases", type=words, default=CASES, help="comma-separated: " + ",".join(CASES)
    )
    parser.add_argument("--levels", type=numbers(int), default=defaults.levels)
    parser.add_argument(
        "--concurrent",
        type=numbers(int),
        default=defaults.concurrent,
        help="requests sent at once, at --concurrent-levels",
    )
    parser.add_argument("--concurrent-levels", type=int, default=defaults.concurrent_levels)
    parser.add_argument("--docx-mb", type=numbers(int), default=defaults.docx_mb)
    parser.add_argument("--pdf-pages", type=numbers(int), default=defaults.pdf_pages)
    parser.add_argument("--text-mb", type=numbers(float), default=defaults.text_mb)
    parser.add_argument("--limits", type=words, default=defaults.limits, help="default,raised")
    parser.add_argument("--ingest-memory-mb", type=int, default=None, help="with raised limits")
    parser.add_argument("--ingest-seconds", type=float, default=None, help="with raised limits")
    parser.add_argument("--max-file-mb", type=float, default=None)
    parser.add_argument("--kill-files", type=int, default=defaults.kill_files)
    parser.add_argument("--kill-text-mb", type=float, default=defaults.kill_text_mb)
    parser.add_argument("--workers", type=int, default=defaults.workers)
    parser.add_argument("--timeout", type=float, default=defaults.timeout, help="per request, s")
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="work in this folder and keep it (server logs, data folders, files)",
    )
    args = parser.parse_args(argv)
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    return (
        args.cases,
        Options(
            levels=args.levels,
            concurrent=args.concurrent,
            concurrent_levels=args.concurrent_levels,
            docx_mb=args.docx_mb,
            pdf_pages=args.pdf_pages,
            text_mb=args.text_mb,
            limits=args.limits,
            ingest_memory_mb=args.ingest_memory_mb,
            ingest_seconds=args.ingest_seconds,
            max_file_mb=args.max_file_mb,
            kill_files=args.kill_files,
            kill_text_mb=args.kill_text_mb,
            workers=args.workers,
            timeout=args.timeout,
        ),
        args.keep,
    )


@dataclass
class Report:
    cases: list[CaseResult] = field(default_factory=list)
    folder: FolderResult | None = None
    kill: KillResult | None = None


def run(cases: Sequence[str], options: Options, scratch: Path) -> Report:
    """Run the chosen cases, printing each group's table as it ends."""
    report = Report()
    files: list[HostileFile] = []
    if {"upload", "pool"} & set(cases):
        files = hostile_files(options.docx_mb, options.pdf_pages, options.text_mb)
    if "fanout" in cases:
        fanout = asyncio.run(run_fanout(scratch / "fanout", options))
        print_cases(
            f"fragment fan-out: assurance serve --workers {options.workers}", fanout, server=True
        )
        report.cases += fanout
    if "upload" in cases:
        uploads = asyncio.run(run_uploads(scratch / "upload", options, files))
        for config in options.limits:
            group = [r for r in uploads if r.group == f"upload, {config}"]
            print_cases(f"ingestDocument uploads, {config} limits", group, server=True)
        report.cases += uploads
    if "pool" in cases:
        pooled = run_pool(options, files)
        for config in options.limits:
            group = [r for r in pooled if r.group == f"pool, {config}"]
            print_cases(
                f"read and parse only (WorkerPool(1), this process), {config} limits",
                group,
                server=False,
            )
        report.cases += pooled
    if "folder" in cases:
        report.folder = run_folder(scratch / "folder", options)
        print_folder(report.folder)
    if "kill" in cases:
        report.kill = run_kill(scratch / "kill", options)
        print_kill(report.kill)
    print_comparisons(report)
    return report


def code_version() -> str:
    """The commit the working tree is at, and whether files differ from it."""
    root = Path(__file__).parents[1]
    try:
        commit = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    modified = [line[3:] for line in changed if line.strip()]
    return commit + (f", files changed since: {', '.join(modified)}" if modified else "")


def _stop(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    cases, options, keep = parse_args(argv)
    # SIGTERM ends the run through the context managers: the servers stop, the folder goes.
    signal.signal(signal.SIGTERM, _stop)
    load = os.getloadavg()[0]
    print(
        f"hostile input: cases {', '.join(cases)}; {os.cpu_count()} CPUs, load average "
        f"{load:.1f}; memory is VmRSS sampled every {SAMPLE_SECONDS * 1000:.0f} ms"
    )
    print(
        "columns: load = 1-minute load average at the start; tree MB, peak, after = the "
        "processes of the case together (the server and its children, or the pool's worker) "
        "before, at the peak and 1 s after; proc pk = the largest one process at its peak; "
        "long-lived = the server workers (or the pool's worker) before and 1 s after; "
        "hz = /healthz probes every 100 ms during the case, t/o = probes unanswered in 10 s"
    )
    print(f"code: {code_version()}")
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=False)
        print(f"working in {keep} (kept)")
        run(cases, options, keep)
    else:
        with tempfile.TemporaryDirectory(prefix="hostile-bench-") as scratch:
            run(cases, options, Path(scratch))
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
