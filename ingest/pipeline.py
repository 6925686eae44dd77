"""Ingest files, folders and uploads: prepare in worker processes, store in transactions.

``ingest_paths`` serves the command line, ``ingest_upload`` the ``ingestDocument``
mutation; both read and parse through a ``WorkerPool`` (ingest.workers) and report
each file as a ``FileReport``, a refused file with its reason and code.

An upload is stored in a transaction of its own. A folder's files are stored in batches
(``store_batch``), one transaction and one commit for up to ``BATCH_FILES`` files, each
file stored as it would be alone. A file that fails while its batch is written rolls the
batch back; the batch's files are then stored again one transaction each, so that the
failed file leaves nothing and the others are kept. The actions a batch's files change
are linked in one pass at its end, and the metric series of the bodies it touched
worked out once, from what its files stored: the links and series storing them one by
one would give.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.draft import GlossaryEntry
from ingest.errors import IngestError, IngestErrorCode
from ingest.lifecycle.link import PendingLink, link_stored, store_for_linking
from ingest.parse.themes import load_base_glossary
from ingest.prepare import PreparedDocument
from ingest.read import SUPPORTED_SUFFIXES
from ingest.series.link import refresh_series_of_batch, store_with_series
from ingest.store import StoreOutcome, StoreResult
from ingest.workers import BytesTask, IngestLimits, PathTask, WorkerPool
from records.db import bulk_engine, session_factory, write_session
from records.glossary import holds_base_glossary, load_glossary, sync_base_glossary
from records.models import Action, AgendaItem, Attendance, Meeting, Metric, SourceDocument

# Files stored in one write transaction (other writers wait for it: a fraction of a second).
BATCH_FILES = 32
# Files read and parsed ahead of the batch being stored, per worker, besides the next
# batch: enough to keep the workers busy while a batch is written, few enough that memory
# does not grow with the number of files.
FILES_AHEAD_PER_WORKER = 8


@dataclass(frozen=True)
class FileReport:
    """What happened to one file; ``error`` and ``error_code`` are set (and nothing
    stored) when it failed. An upload's ``path`` is its file name."""

    path: Path
    outcome: StoreOutcome | None = None
    meeting_id: int | None = None
    title: str | None = None
    date: str | None = None
    attendees: int = 0
    items: int = 0
    actions: int = 0
    metrics: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    error_code: IngestErrorCode | None = None

    @classmethod
    def refused(cls, path: Path, error: IngestError) -> FileReport:
        return cls(path=path, error=error.reason, error_code=error.code)

    @property
    def failed(self) -> bool:
        return self.error is not None


@dataclass
class IngestSummary:
    reports: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[FileReport]:
        return [r for r in self.reports if r.failed]

    @property
    def files_per_second(self) -> float:
        return len(self.reports) / self.seconds if self.seconds else 0.0


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files found under folders (sorted, recursive).

    Inside folders, hidden files and README files are passed over. A path that
    does not exist is kept, so that it is reported as a failure by name.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not p.name.startswith(".")
                    and p.stem.upper() != "README"
                )
            )
        else:
            files.append(path)
    return list(dict.fromkeys(files))


async def prepare_glossary(engine: AsyncEngine) -> list[GlossaryEntry]:
    """The whole glossary of the database, with the curated one brought in first.

    Read without the write lock when the curated entries are there already (every
    upload asks), so that only the first ingest after a change of them waits for it.
    """
    base = load_base_glossary()
    async with session_factory(engine)() as session:
        stored = await load_glossary(session)
    if holds_base_glossary(stored, base):
        return stored
    async with write_session(engine) as session:
        await sync_base_glossary(session, base)
        return await load_glossary(session)


async def store_prepared(engine: AsyncEngine, prepared: PreparedDocument) -> StoreResult:
    """Store one prepared file, link its actions across meetings and work out its body's
    metric series again, in one transaction."""
    async with write_session(engine) as session:
        return await store_with_series(session, prepared)


async def store_batch(
    engine: AsyncEngine, documents: Sequence[PreparedDocument]
) -> list[StoreResult | IngestError]:
    """Store prepared files in order, as ``store_prepared`` would one by one, in one
    transaction; what became of each. When one fails, the transaction is rolled back and
    each file is stored again in a transaction of its own (see the module)."""
    if len(documents) > 1:
        with contextlib.suppress(Exception):
            return list(await _store_together(engine, documents))
    return [await _store_alone(engine, document) for document in documents]


async def _store_together(
    engine: AsyncEngine, documents: Sequence[PreparedDocument]
) -> list[StoreResult]:
    results: list[StoreResult] = []
    pending: list[PendingLink] = []
    async with write_session(engine) as session:
        for document in documents:
            result, link = await store_for_linking(session, document)
            results.append(result)
            if link is not None:
                pending.append(link)
            await session.flush()
            session.expunge_all()  # the next file reads what this one wrote, not objects
        # The batch's actions linked in one pass, and each body's series once, from what
        # all its files stored.
        await link_stored(session, pending)
        await refresh_series_of_batch(session, results)
    return results


async def _store_alone(
    engine: AsyncEngine, document: PreparedDocument
) -> StoreResult | IngestError:
    try:
        return await store_prepared(engine, document)
    except Exception as exc:  # the transaction was rolled back; report and go on
        return IngestError(
            document.file_name,
            f"could not be stored ({type(exc).__name__}: {exc})",
            IngestErrorCode.FAILED,
        )


async def ingest_paths(
    engine: AsyncEngine,
    paths: Sequence[Path],
    *,
    limits: IngestLimits | None = None,
    workers: int = 0,
    on_report: Callable[[FileReport], None] | None = None,
) -> IngestSummary:
    """Ingest files (and folders of files); a failed file leaves the database untouched.

    ``workers`` processes read and parse (``WorkerPool``; 0: in this process, without
    memory and time limits). Files are stored in order, in batches (``store_batch``),
    and reported in order once their batch is committed.
    """
    started = time.perf_counter()
    writer = bulk_engine(engine)
    try:
        summary = await _ingest_files(writer, expand_paths(paths), limits, workers, on_report)
    finally:
        if writer is not engine:
            await writer.dispose()
    summary.seconds = time.perf_counter() - started
    return summary


async def _ingest_files(
    engine: AsyncEngine,
    files: Sequence[Path],
    limits: IngestLimits | None,
    workers: int,
    on_report: Callable[[FileReport], None] | None,
) -> IngestSummary:
    limits = limits or IngestLimits()
    glossary = await prepare_glossary(engine)
    summary = IngestSummary()
    unchanged = await _already_stored(engine, files, limits.read.max_bytes)
    ahead = BATCH_FILES + max(1, workers) * FILES_AHEAD_PER_WORKER
    with WorkerPool(workers, limits) as pool:
        pending: deque[tuple[Path, Future[PreparedDocument | IngestError] | None]] = deque()

        async def store_next_batch() -> None:
            batch: list[tuple[Path, PreparedDocument | IngestError | FileReport]] = []
            while pending and len(batch) < BATCH_FILES:
                path, future = pending.popleft()
                known = unchanged.get(path)
                if known is None:
                    assert future is not None
                    prepared = await asyncio.wrap_future(future)
                    batch.append((path, prepared))
                else:
                    batch.append((path, known))
            for report in await _store_reports(engine, batch):
                summary.reports.append(report)
                if on_report:
                    on_report(report)

        for path in files:
            future = None if path in unchanged else pool.submit(PathTask(path), glossary)
            pending.append((path, future))
            if len(pending) > ahead:
                await store_next_batch()
        while pending:
            await store_next_batch()
    return summary


async def ingest_upload(
    engine: AsyncEngine, pool: WorkerPool, file_name: str, data: bytes
) -> FileReport:
    """Ingest one uploaded file: read and parse it on ``pool``, store it, report it."""
    glossary = await prepare_glossary(engine)
    prepared = await pool.prepare(BytesTask(file_name, data), glossary)
    return await _store_one(engine, Path(prepared.file_name), prepared)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


async def _already_stored(
    engine: AsyncEngine, files: Sequence[Path], max_bytes: int
) -> dict[Path, FileReport]:
    """Reports for files whose exact bytes are stored already: they are not read or parsed again."""
    hashes: dict[str, Path] = {}
    for path in files:
        with contextlib.suppress(OSError):
            if path.is_file() and 0 < path.stat().st_size <= max_bytes:
                hashes.setdefault(_sha256(path), path)
    if not hashes:
        return {}

    def count(model: type[AgendaItem] | type[Action] | type[Metric]) -> ScalarSelect[int]:
        return (
            select(func.count())
            .where(model.document_id == SourceDocument.id)
            .correlate(SourceDocument)
            .scalar_subquery()
        )

    attendees = (
        select(func.count())
        .where(Attendance.meeting_id == SourceDocument.meeting_id)
        .correlate(SourceDocument)
        .scalar_subquery()
    )
    query = (
        select(SourceDocument, Meeting.title, Meeting.date)
        .join(Meeting, Meeting.id == SourceDocument.meeting_id)
        .add_columns(attendees, count(AgendaItem), count(Action), count(Metric))
        .where(SourceDocument.sha256.in_(hashes))
    )
    async with session_factory(engine)() as session:
        rows = (await session.execute(query)).all()
    return {
        hashes[document.sha256]: FileReport(
            path=hashes[document.sha256],
            outcome=StoreOutcome.UNCHANGED,
            meeting_id=document.meeting_id,
            title=title,
            date=date.isoformat() if date else None,
            attendees=attendees,
            items=items,
            actions=actions,
            metrics=metrics,
            warnings=tuple(document.warnings),
        )
        for document, title, date, attendees, items, actions, metrics in rows
    }


async def _store_reports(
    engine: AsyncEngine, batch: Sequence[tuple[Path, PreparedDocument | IngestError | FileReport]]
) -> list[FileReport]:
    """Store the prepared files of a batch together; a report per file, in order."""
    documents = [item for _, item in batch if isinstance(item, PreparedDocument)]
    results = iter(await store_batch(engine, documents))
    reports: list[FileReport] = []
    for path, item in batch:
        if isinstance(item, FileReport):
            reports.append(item)
        elif isinstance(item, IngestError):
            reports.append(FileReport.refused(path, item))
        else:
            reports.append(_report(path, item, next(results)))
    return reports


async def _store_one(
    engine: AsyncEngine, path: Path, prepared: PreparedDocument | IngestError
) -> FileReport:
    if isinstance(prepared, IngestError):
        return FileReport.refused(path, prepared)
    return _report(path, prepared, await _store_alone(engine, prepared))


def _report(
    path: Path, prepared: PreparedDocument, result: StoreResult | IngestError
) -> FileReport:
    if isinstance(result, IngestError):
        return FileReport.refused(path, result)
    draft = prepared.draft
    return FileReport(
        path=path,
        outcome=result.outcome,
        meeting_id=result.meeting_id,
        title=draft.title,
        date=draft.date.isoformat() if draft.date else None,
        attendees=len(draft.attendees),
        items=len(draft.items),
        actions=len(draft.actions),
        metrics=len(draft.metrics),
        warnings=prepared.warnings,
    )
