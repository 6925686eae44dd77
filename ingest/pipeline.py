"""Ingest files and folders: prepare in worker processes, store one transaction per file."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import multiprocessing
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.draft import GlossaryEntry
from ingest.errors import IngestError
from ingest.glossary import load_glossary, sync_base_glossary
from ingest.parse.themes import load_base_glossary
from ingest.prepare import PreparedDocument, prepare_path
from ingest.read import SUPPORTED_SUFFIXES
from ingest.store import StoreOutcome, StoreResult, store_document
from records.db import session_factory, write_session
from records.models import Action, AgendaItem, Meeting, Metric, SourceDocument


@dataclass(frozen=True)
class FileReport:
    """What happened to one file; ``error`` is set (and nothing stored) when it failed."""

    path: Path
    outcome: StoreOutcome | None = None
    meeting_id: int | None = None
    title: str | None = None
    date: str | None = None
    items: int = 0
    actions: int = 0
    metrics: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None

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
    """Bring the curated glossary into the database and read back the whole of it."""
    async with write_session(engine) as session:
        await sync_base_glossary(session, load_base_glossary())
        return await load_glossary(session)


def _prepare_or_error(
    path: Path, glossary: Sequence[GlossaryEntry], max_bytes: int
) -> PreparedDocument | IngestError:
    """Worker entry point: errors come back as values so that one bad file stops nothing."""
    try:
        if not path.exists():
            raise IngestError(path.name, "no such file")
        return prepare_path(path, glossary, max_bytes)
    except IngestError as exc:
        return exc
    except Exception as exc:  # a reader or parser bug must not stop the other files
        return IngestError(path.name, f"could not be read or parsed ({type(exc).__name__}: {exc})")


def _worker_context() -> multiprocessing.context.BaseContext:
    """Workers fork from a server process that has the readers and parser imported already.

    Forking the server (not this process, which runs an event loop and database
    threads) is safe, and cheaper than starting and importing from scratch per worker.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.prepare"])
    return context


async def store_prepared(engine: AsyncEngine, prepared: PreparedDocument) -> StoreResult:
    """Store one prepared file in its own transaction."""
    async with write_session(engine) as session:
        return await store_document(session, prepared)


async def ingest_paths(
    engine: AsyncEngine,
    paths: Sequence[Path],
    *,
    max_bytes: int,
    workers: int = 1,
    on_report: Callable[[FileReport], None] | None = None,
) -> IngestSummary:
    """Ingest files (and folders of files); a failed file leaves the database untouched."""
    started = time.perf_counter()
    files = expand_paths(paths)
    glossary = await prepare_glossary(engine)
    summary = IngestSummary()
    loop = asyncio.get_running_loop()
    executor: Executor | None = None
    if workers > 1 and len(files) > 1:
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=_worker_context())
    try:
        unchanged = await _already_stored(engine, files, max_bytes)
        futures = {
            path: loop.run_in_executor(executor, _prepare_or_error, path, glossary, max_bytes)
            for path in files
            if path not in unchanged
        }
        for path in files:
            report = unchanged.get(path) or await _store_one(engine, path, await futures[path])
            summary.reports.append(report)
            if on_report:
                on_report(report)
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    summary.seconds = time.perf_counter() - started
    return summary


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

    query = (
        select(SourceDocument, Meeting.title, Meeting.date)
        .join(Meeting, Meeting.id == SourceDocument.meeting_id)
        .add_columns(count(AgendaItem), count(Action), count(Metric))
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
            date=date.isoformat(),
            items=items,
            actions=actions,
            metrics=metrics,
            warnings=tuple(document.warnings),
        )
        for document, title, date, items, actions, metrics in rows
    }


async def _store_one(
    engine: AsyncEngine, path: Path, prepared: PreparedDocument | IngestError
) -> FileReport:
    if isinstance(prepared, IngestError):
        return FileReport(path=path, error=prepared.reason)
    try:
        result = await store_prepared(engine, prepared)
    except Exception as exc:  # the transaction was rolled back; report and go on
        return FileReport(path=path, error=f"could not be stored ({type(exc).__name__}: {exc})")
    draft = prepared.draft
    return FileReport(
        path=path,
        outcome=result.outcome,
        meeting_id=result.meeting_id,
        title=draft.title,
        date=draft.date.isoformat(),
        items=len(draft.items),
        actions=len(draft.actions),
        metrics=len(draft.metrics),
        warnings=prepared.warnings,
    )
