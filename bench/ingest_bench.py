"""Ingest benchmark: a synthetic corpus through ``ingest.pipeline.ingest_paths``.

    python -m bench.ingest_bench [--meetings 300] [--workers 1,2] [--database-url URL]

Generates a corpus into a temporary folder, then for each worker count ingests it into
a fresh database (SQLite in the temporary folder, or a database of its own created on
the PostgreSQL server named by ``--database-url`` and dropped afterwards), ingests it a
second time (every file should come back "unchanged"), and prints the timings, what was
stored, and how much of the ground truth the parser recovered. It prints figures and
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from api.database import open_database
from api.settings import Settings
from bench.corpus import FORMATS, GeneratedMeeting, iter_meetings, write_meetings
from ingest.pipeline import IngestSummary, ingest_paths
from records.enums import MeetingKind
from records.models import Action, AgendaItem, Meeting, Metric, SourceDocument
from records.scratch import scratch_database

MISMATCHES_SHOWN = 8


@dataclass
class RunResult:
    """One ingest run of the whole corpus, and what the database held afterwards."""

    label: str
    workers: int
    files: int
    seconds: float
    items: int
    actions: int
    metrics: int
    failed: int
    outcomes: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def files_per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0


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


def _result(label: str, workers: int, summary: IngestSummary, counts: dict[str, int]) -> RunResult:
    return RunResult(
        label=label,
        workers=workers,
        files=len(summary.reports),
        seconds=summary.seconds,
        items=counts["items"],
        actions=counts["actions"],
        metrics=counts["metrics"],
        failed=len(summary.failed),
        outcomes=Counter(str(r.outcome) for r in summary.reports if r.outcome is not None),
        errors=[f"{r.path.name}: {r.error}" for r in summary.failed],
    )


async def run_workers(
    corpus: Path, workers: int, database_url: str | None, scratch: Path
) -> tuple[list[RunResult], dict[str, StoredDocument], dict[str, int]]:
    """Ingest the corpus twice into one fresh database with ``workers`` processes."""
    async with scratch_database(database_url, scratch / f"db-{workers}") as url:
        settings = Settings(data_dir=scratch / f"data-{workers}", database_url=url)
        engine = await open_database(settings)
        try:
            first = await ingest_paths(
                engine, [corpus], limits=settings.ingest_limits, workers=workers
            )
            counts = await count_records(engine)
            stored = await stored_documents(engine)
            again = await ingest_paths(
                engine, [corpus], limits=settings.ingest_limits, workers=workers
            )
            counts_again = await count_records(engine)
        finally:
            await engine.dispose()
    results = [
        _result("first", workers, first, counts),
        _result("again", workers, again, counts_again),
    ]
    return results, stored, counts


def format_table(results: Sequence[RunResult]) -> str:
    header = (
        f"{'run':<6} {'workers':>7} {'files':>6} {'seconds':>8} {'files/s':>8} "
        f"{'items':>7} {'actions':>8} {'metrics':>8} {'failed':>6}  outcomes"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        outcomes = ", ".join(f"{name} {count}" for name, count in sorted(r.outcomes.items()))
        lines.append(
            f"{r.label:<6} {r.workers:>7} {r.files:>6} {r.seconds:>8.2f} "
            f"{r.files_per_second:>8.1f} {r.items:>7} {r.actions:>8} {r.metrics:>8} "
            f"{r.failed:>6}  {outcomes}"
        )
    return "\n".join(lines)


def format_speedups(results: Sequence[RunResult]) -> list[str]:
    firsts = {r.workers: r for r in results if r.label == "first"}
    base = firsts.get(min(firsts)) if firsts else None
    lines = []
    for workers, result in sorted(firsts.items()):
        if base is None or workers == base.workers or not result.seconds:
            continue
        lines.append(
            f"speed-up, {workers} workers over {base.workers}: {base.seconds / result.seconds:.2f}x"
        )
    return lines


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


async def run_benchmark(
    meetings: int,
    workers: Sequence[int],
    *,
    database_url: str | None = None,
    seed: int = 7,
    formats: Sequence[str] = ("txt",),
) -> None:
    with tempfile.TemporaryDirectory(prefix="assurance-bench-") as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus"
        started = time.perf_counter()
        generated = list(iter_meetings(meetings, seed=seed))
        paths = write_meetings(corpus, generated, formats)
        size = sum(p.stat().st_size for p in paths)
        backend = make_url(database_url).get_backend_name() if database_url else "sqlite"
        print(
            f"corpus: {len(paths)} files ({size / 1_000_000:.1f} MB, {', '.join(formats)}), "
            f"seed {seed}, written in {time.perf_counter() - started:.2f}s; database: {backend}"
        )
        results: list[RunResult] = []
        quality: Quality | None = None
        for count in workers:
            runs, stored, counts = await run_workers(corpus, count, database_url, scratch)
            results.extend(runs)
            if quality is None:
                quality = compare(generated, stored)
                print(
                    f"stored: {counts['meetings']} meetings, {counts['documents']} documents "
                    f"for {len(paths)} files"
                )
        print()
        print(format_table(results))
        for line in format_speedups(results):
            print(line)
        errors = sorted({e for r in results for e in r.errors})
        for error in errors[:MISMATCHES_SHOWN]:
            print(f"failed: {error}")
        if quality is not None:
            print()
            for line in format_quality(quality, generated):
                print(line)


def _worker_counts(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",") if part.strip()]
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("worker counts are positive integers, e.g. 1,2")
    return counts


def _formats(text: str) -> list[str]:
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    if not chosen or set(chosen) - set(FORMATS):
        raise argparse.ArgumentTypeError(f"formats are among {','.join(FORMATS)}")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.ingest_bench",
        description="Time ingesting a synthetic corpus and check what the parser recovered.",
    )
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--workers", type=_worker_counts, default=[1, 2], help="e.g. 1,2")
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
    asyncio.run(
        run_benchmark(
            args.meetings,
            args.workers,
            database_url=args.database_url,
            seed=args.seed,
            formats=args.formats,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
