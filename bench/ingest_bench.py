"""Ingest benchmark: ``assurance ingest FOLDER`` over synthetic corpora, timed from outside.

    python -m bench.ingest_bench [--files 1000,10000] [--workers 2] [--database-url URL]
        [--seed 7] [--formats txt]

For each size in ``--files`` it writes a corpus of that many minutes (``bench.corpus``)
into a temporary folder, makes a fresh database (SQLite in the temporary folder, or a
database of its own on the PostgreSQL server named by ``--database-url``, dropped
afterwards) and runs the command as an operator would, in a process of its own: read
and parse on ``--workers`` processes, store, and bring the search index up to date
before it returns. The command's resident memory and CPU time, its descendants' (the
fork server and the workers) with it, are sampled from /proc every 20 ms. Then it runs
the command again over the same folder (every file should come back unchanged).

It prints, per run: seconds, files/s and items/s (wall clock, process start included),
CPU seconds per file (all the processes), the peak resident memory of the largest
process and of all of them, and whether the index holds a document for every record
(the change log applied to its end); then how much of the ground truth the parser
recovered. It prints figures and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from api.settings import Settings
from bench.corpus import FORMATS, GeneratedMeeting, iter_meetings, write_meetings
from bench.live_server import server_environment
from bench.processes import CLK_TCK, MemorySampler, megabytes, process_info
from indexer.storage import IndexStore
from indexer.sync import check
from records.db import create_engine
from records.enums import MeetingKind
from records.models import Action, AgendaItem, Meeting, Metric, SourceDocument
from records.scratch import scratch_database

TARGET_FILES_PER_SECOND: Final = 30.0
# The command's last line: "N files in S s (F files/s): I ingested, X failed; C changes indexed".
SUMMARY_LINE: Final = re.compile(
    r"(?P<files>\d+) files? in [\d.]+ s .*: (?P<ingested>\d+) ingested, (?P<failed>\d+) "
    r"failed; (?P<indexed>\d+) changes indexed"
)
MISMATCHES_SHOWN = 8


@dataclass(frozen=True)
class StoredDocument:
    """What the database says about one ingested file."""

    file_name: str
    date: dt.date
    kind: MeetingKind
    items: int
    actions: int


@dataclass(frozen=True)
class Mismatch:
    file_name: str
    field: str
    expected: str
    got: str


@dataclass
class Quality:
    """How many files' date, kind, item count and action count match the ground truth."""

    files: int = 0
    matched: int = 0
    per_field: Counter[str] = field(default_factory=Counter)
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.matched / self.files if self.files else 0.0


FIELDS = ("date", "kind", "items", "actions")


def compare(meetings: Sequence[GeneratedMeeting], stored: dict[str, StoredDocument]) -> Quality:
    """Compare each generated meeting with the document stored from its file (by file stem)."""
    quality = Quality(files=len(meetings))
    for meeting in meetings:
        document = stored.get(meeting.stem)
        if document is None:
            quality.mismatches.append(Mismatch(meeting.stem, "file", "stored", "not stored"))
            continue
        expected = {
            "date": meeting.date.isoformat(),
            "kind": meeting.kind.value,
            "items": str(len(meeting.items)),
            "actions": str(len(meeting.actions)),
        }
        got = {
            "date": document.date.isoformat(),
            "kind": document.kind.value,
            "items": str(document.items),
            "actions": str(document.actions),
        }
        wrong = [name for name in FIELDS if expected[name] != got[name]]
        for name in FIELDS:
            if name not in wrong:
                quality.per_field[name] += 1
        if not wrong:
            quality.matched += 1
        quality.mismatches.extend(
            Mismatch(document.file_name, name, expected[name], got[name]) for name in wrong
        )
    return quality


async def stored_documents(engine: AsyncEngine) -> dict[str, StoredDocument]:
    """Every stored source document with its meeting's date and kind and its own record counts."""
    item_counts = (
        select(AgendaItem.document_id, func.count().label("n"))
        .group_by(AgendaItem.document_id)
        .subquery()
    )
    action_counts = (
        select(Action.document_id, func.count().label("n")).group_by(Action.document_id).subquery()
    )
    query = (
        select(
            SourceDocument.file_name,
            Meeting.date,
            Meeting.kind,
            func.coalesce(item_counts.c.n, 0),
            func.coalesce(action_counts.c.n, 0),
        )
        .join(Meeting, SourceDocument.meeting_id == Meeting.id)
        .outerjoin(item_counts, item_counts.c.document_id == SourceDocument.id)
        .outerjoin(action_counts, action_counts.c.document_id == SourceDocument.id)
    )
    async with engine.connect() as conn:
        rows = (await conn.execute(query)).all()
    return {
        Path(name).stem: StoredDocument(name, date, MeetingKind(kind), items, actions)
        for name, date, kind, items, actions in rows
    }


async def count_records(engine: AsyncEngine) -> dict[str, int]:
    counts: dict[str, int] = {}
    async with engine.connect() as conn:
        for name, model in (
            ("meetings", Meeting),
            ("documents", SourceDocument),
            ("items", AgendaItem),
            ("actions", Action),
            ("metrics", Metric),
        ):
            counts[name] = int(await conn.scalar(select(func.count()).select_from(model)) or 0)
    return counts


def format_quality(quality: Quality, meetings: Sequence[GeneratedMeeting]) -> list[str]:
    per_field = ", ".join(
        f"{name} {quality.per_field[name] / quality.files:.1%}" for name in FIELDS
    )
    expected_metrics = sum(len(m.metrics) for m in meetings)
    lines = [
        f"quality: {quality.matched}/{quality.files} files ({quality.share:.1%}) match the ground "
        f"truth on date, kind, item count and action count ({per_field})",
        f"ground truth totals: items {sum(len(m.items) for m in meetings)}, "
        f"actions {sum(len(m.actions) for m in meetings)}, metrics {expected_metrics}",
    ]
    for mismatch in quality.mismatches[:MISMATCHES_SHOWN]:
        lines.append(
            f"  {mismatch.file_name}: {mismatch.field} expected {mismatch.expected}, "
            f"got {mismatch.got}"
        )
    if len(quality.mismatches) > MISMATCHES_SHOWN:
        lines.append(f"  ... {len(quality.mismatches) - MISMATCHES_SHOWN} more mismatches")
    return lines


class TreeSampler(MemorySampler):
    """``MemorySampler`` of a process and its descendants that also keeps each one's CPU
    time (user and system) as last seen, so that the tree's CPU time can be summed."""

    def __init__(self, pid: int) -> None:
        super().__init__(lambda: [pid], tree=True)
        self.cpu_ticks: dict[tuple[int, int], int] = {}

    def sample(self) -> None:
        super().sample()
        for pid, start in list(self.seen.items()):
            info = process_info(pid)
            if info is not None and info.start_ticks == start:
                self.cpu_ticks[(pid, start)] = info.cpu_ticks

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu_ticks.values()) / CLK_TCK


@dataclass
class Run:
    """One run of ``assurance ingest`` over a corpus, and what the database then held."""

    label: str
    files: int
    workers: int
    seconds: float
    cpu_seconds: float
    peak_process: int
    peak_total: int
    ingested: int
    failed: int
    indexed: int
    counts: dict[str, int]
    documents: int  # in the index
    lag: int  # change-log entries the index lacks
    errors: list[str] = field(default_factory=list)

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def items_per_second(self) -> float:
        return self.counts["items"] / self.seconds if self.seconds else 0.0

    @property
    def index_current(self) -> bool:
        records = sum(self.counts[n] for n in ("meetings", "items", "actions", "metrics"))
        return self.lag == 0 and self.documents == records


def ingest_command(corpus: Path, workers: int) -> list[str]:
    """``assurance ingest`` as an operator runs it."""
    return [sys.executable, "-m", "api.cli", "ingest", str(corpus), "--workers", str(workers)]


def run_command(corpus: Path, workers: int, settings: Settings) -> tuple[str, float, TreeSampler]:
    """Run the command to its end; its output, wall-clock seconds and sampled tree."""
    env = server_environment(settings, {"COLUMNS": "200"})
    started = time.perf_counter()
    process = subprocess.Popen(
        ingest_command(corpus, workers),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeSampler(process.pid)
    with sampler:
        out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):  # 1: some files failed, reported below
        raise RuntimeError(f"assurance ingest exited with {process.returncode}: {err[-2000:]}")
    return out + err, seconds, sampler


async def index_state(settings: Settings) -> tuple[dict[str, int], int, int]:
    """Records in the database; documents in the index and the entries it lacks."""
    assert settings.database_url is not None
    engine = create_engine(settings.database_url)
    try:
        counts = await count_records(engine)
        status = await check(engine, IndexStore(settings.index_dir))
    finally:
        await engine.dispose()
    return counts, status.documents, status.lag


def measure(label: str, corpus: Path, files: int, workers: int, settings: Settings) -> Run:
    output, seconds, sampler = run_command(corpus, workers, settings)
    summary = SUMMARY_LINE.search(" ".join(output.split()))
    if summary is None:
        raise RuntimeError(f"no summary line in the output of assurance ingest: {output[-2000:]}")
    counts, documents, lag = asyncio.run(index_state(settings))
    return Run(
        label=label,
        files=files,
        workers=workers,
        seconds=seconds,
        cpu_seconds=sampler.cpu_seconds,
        peak_process=sampler.peak_process,
        peak_total=sampler.peak_total,
        ingested=int(summary["ingested"]),
        failed=int(summary["failed"]),
        indexed=int(summary["indexed"]),
        counts=counts,
        documents=documents,
        lag=lag,
        errors=[line for line in output.splitlines() if line.startswith("failed:")],
    )


async def _fresh_database(url: str) -> None:
    await migrations.upgrade(url)


def run_size(
    files: int,
    workers: Sequence[int],
    *,
    database_url: str | None,
    seed: int,
    formats: Sequence[str],
    scratch: Path,
) -> tuple[list[Run], list[str]]:
    """Write a corpus of ``files`` minutes; per worker count, ingest it twice into a fresh
    database; the runs, and how much of the ground truth the parser recovered (the lines
    of ``format_quality``, from the first database)."""
    corpus = scratch / f"corpus-{files}"
    generated = list(iter_meetings(files, seed=seed))
    write_meetings(corpus, generated, formats)
    runs: list[Run] = []
    quality: Quality | None = None
    for count in workers:
        folder = scratch / f"run-{files}-{count}"
        with _database(database_url, folder) as url:
            settings = Settings(data_dir=folder / "data", database_url=url)
            asyncio.run(_fresh_database(url))
            runs.append(measure("first", corpus, files, count, settings))
            if quality is None:
                quality = compare(generated, asyncio.run(_stored(url)))
            runs.append(measure("again", corpus, files, count, settings))
    assert quality is not None
    return runs, format_quality(quality, generated)


class _database:
    """``scratch_database`` for synchronous code: the URL of a new, empty database."""

    def __init__(self, server_url: str | None, folder: Path) -> None:
        self._context = scratch_database(server_url, folder / "db", prefix="assurance_bench")
        self._loop = asyncio.new_event_loop()

    def __enter__(self) -> str:
        return self._loop.run_until_complete(self._context.__aenter__())

    def __exit__(self, *exc: object) -> None:
        try:
            self._loop.run_until_complete(self._context.__aexit__(None, None, None))
        finally:
            self._loop.close()


async def _stored(url: str) -> dict[str, StoredDocument]:
    engine = create_engine(url)
    try:
        return await stored_documents(engine)
    finally:
        await engine.dispose()


def format_table(runs: Sequence[Run]) -> str:
    header = (
        f"{'files':>6} {'workers':>7} {'run':<6} {'seconds':>8} {'files/s':>8} {'items/s':>8} "
        f"{'CPU ms/file':>11} {'peak MB':>8} {'all MB':>7} {'items':>7} {'indexed':>8} "
        f"{'index':>8} {'failed':>6}"
    )
    lines = [header, "-" * len(header)]
    for r in runs:
        lines.append(
            f"{r.files:>6} {r.workers:>7} {r.label:<6} {r.seconds:>8.2f} "
            f"{r.files_per_second:>8.1f} {r.items_per_second:>8.1f} "
            f"{r.cpu_seconds / r.files * 1000:>11.1f} {megabytes(r.peak_process):>8.0f} "
            f"{megabytes(r.peak_total):>7.0f} {r.counts['items']:>7} {r.indexed:>8} "
            f"{'current' if r.index_current else f'lag {r.lag}':>8} {r.failed:>6}"
        )
    return "\n".join(lines)


def format_targets(runs: Sequence[Run]) -> list[str]:
    """The goal (files/s of a first ingest) and how memory grows with the corpus."""
    firsts = [r for r in runs if r.label == "first"]
    lines = []
    for r in firsts:
        verdict = "met" if r.files_per_second >= TARGET_FILES_PER_SECOND else "NOT met"
        lines.append(
            f"{r.files} files, {r.workers} workers: at least {TARGET_FILES_PER_SECOND:.0f} "
            f"files/s {verdict} ({r.files_per_second:.1f}; {r.counts['items'] / r.files:.1f} "
            f"items, {r.counts['actions'] / r.files:.1f} actions and "
            f"{r.counts['metrics'] / r.files:.1f} figures a file)"
        )
    by_workers: dict[int, list[Run]] = {}
    for r in firsts:
        by_workers.setdefault(r.workers, []).append(r)
    for workers, same in sorted(by_workers.items()):
        small, large = min(same, key=lambda r: r.files), max(same, key=lambda r: r.files)
        if large.files > small.files:
            lines.append(
                f"peak memory of the largest process, {workers} workers: "
                f"{megabytes(small.peak_process):.0f} MB at {small.files} files, "
                f"{megabytes(large.peak_process):.0f} MB at {large.files} files "
                f"({large.peak_process / small.peak_process:.2f}x for "
                f"{large.files / small.files:.0f}x the files)"
            )
    return lines


def run_benchmark(
    sizes: Sequence[int],
    workers: Sequence[int],
    *,
    database_url: str | None = None,
    seed: int = 7,
    formats: Sequence[str] = ("txt",),
) -> None:
    backend = make_url(database_url).get_backend_name() if database_url else "sqlite"
    print(f"database: {backend}; formats: {', '.join(formats)}; seed {seed}")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="assurance-bench-") as folder:
        for files in sizes:
            size_runs, quality = run_size(
                files,
                workers,
                database_url=database_url,
                seed=seed,
                formats=formats,
                scratch=Path(folder),
            )
            runs.extend(size_runs)
            print(f"\n{files} files:")
            for line in quality:
                print(line)
    print()
    print(format_table(runs))
    print()
    for line in format_targets(runs):
        print(line)
    errors = sorted({e for r in runs for e in r.errors})
    for error in errors[:MISMATCHES_SHOWN]:
        print(error)


def _counts(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",") if part.strip()]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("give positive integers, e.g. 1000,10000")
    return counts


def _formats(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    if not chosen or set(chosen) - set(FORMATS):
        raise argparse.ArgumentTypeError(f"formats are among {','.join(FORMATS)}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ingest_bench",
        description="Time assurance ingest over synthetic corpora and check what it stored.",
    )
    parser.add_argument(
        "--files", type=_counts, default=[1000, 10_000], help="corpus sizes, e.g. 1000,10000"
    )
    parser.add_argument(
        "--workers",
        type=_counts,
        default=None,
        help="processes that read and parse, e.g. 1,2 (default: the ingest_workers setting)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="PostgreSQL server URL to create a scratch database on (default: SQLite)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", type=_formats, default=["txt"], help="e.g. txt,md,docx")
    args = parser.parse_args(argv)
    if args.database_url and make_url(args.database_url).get_backend_name() != "postgresql":
        parser.error("--database-url takes a PostgreSQL server URL (SQLite is the default)")
    run_benchmark(
        args.files,
        args.workers or [Settings().ingest_workers],
        database_url=args.database_url,
        seed=args.seed,
        formats=args.formats,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
