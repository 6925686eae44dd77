"""Ingest files, folders and uploads: prepare in worker processes, store one transaction per file.

``ingest_paths`` serves the command line, ``ingest_upload`` the ``ingestDocument``
mutation; both read and parse through a ``WorkerPool`` (ingest.workers) and report
each file as a ``FileReport``, a refused file with its reason and code.
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
from ingest.lifecycle.link import store_and_link
from ingest.parse.themes import load_base_glossary
from ingest.prepare import PreparedDocument
from ingest.read import SUPPORTED_SUFFIXES
from ingest.store import StoreOutcome, StoreResult
from ingest.workers import BytesTask, IngestLimits, PathTask, WorkerPool
from records.db import session_factory, write_session
from records.glossary import holds_base_glossary, load_glossary, sync_base_glossary
from records.models import Action, AgendaItem, Attendance, Meeting, Metric, SourceDocument

# Files read and parsed ahead of the one being stored, per worker: enough to keep the
# workers busy, few enough that memory does not grow with the number of files.
FILES_AHEAD_PER_WORKER = 4


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
    """Store one prepared file, and link its actions across meetings, in one transaction."""
    async with write_session(engine) as session:
        return await store_and_link(session, prepared)


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
    memory and time limits). Files are stored in order, one transaction each.
    """
    started = time.perf_counter()
    limits = limits or IngestLimits()
    files = expand_paths(paths)
    glossary = await prepare_glossary(engine)
    summary = IngestSummary()
    unchanged = await _already_stored(engine, files, limits.read.max_bytes)
    ahead = max(1, workers) * FILES_AHEAD_PER_WORKER
    with WorkerPool(workers, limits) as pool:
        pending: deque[tuple[Path, Future[PreparedDocument | IngestError] | None]] = deque()

        async def store_next() -> None:
            path, future = pending.popleft()
            report = unchanged.get(path)
            if report is None:
                assert future is not None
                report = await _store_one(engine, path, await asyncio.wrap_future(future))
            summary.reports.append(report)
            if on_report:
                on_report(report)

        for path in files:
            future = None if path in unchanged else pool.submit(PathTask(path), glossary)
            pending.append((path, future))
            if len(pending) > ahead:
                await store_next()
        while pending:
            await store_next()
    summary.seconds = time.perf_counter() - started
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


async def _store_one(
    engine: AsyncEngine, path: Path, prepared: PreparedDocument | IngestError
) -> FileReport:
    if isinstance(prepared, IngestError):
        return FileReport.refused(path, prepared)
    try:
        result = await store_prepared(engine, prepared)
    except Exception as exc:  # the transaction was rolled back; report and go on
        return FileReport.refused(
            path,
            IngestError(
                path.name,
                f"could not be stored ({type(exc).__name__}: {exc})",
                IngestErrorCode.FAILED,
            ),
        )
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
