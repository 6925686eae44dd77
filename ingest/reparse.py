"""Parse stored documents again, so that what a newer parser reads reaches the documents
ingested before it, without their files.

Meeting by meeting, each stored document's text is parsed as ingest parses it
(``ingest.prepare.prepare_stored``: the cleaned text ingest stored, not cleaned again, for
the spans of its records point into it) and its reading compared with the stored one
(``SourceDocument.reading``). A meeting whose documents all read as before is left as it
is: nothing written, no id changed. Otherwise, in one transaction, the documents that read
otherwise are removed and stored again from their new reading, in the order they first
came, each as a new version of it would be: the updates pushed to their actions are carried
to the new ones, and a document whose reading names another meeting (another date, body or
kind) moves to it. The meeting goes when no document is left in it; when one moved away
and others are left, those are stored again too, so that the best of them gives the
meeting's header (title, attendance, chair). Links, lifecycles and metric
series are then worked out again as for a removal and an arrival, and the change log
tells the index what changed.

Documents are parsed on worker processes under the limits of an ingest
(``ingest.workers``), since a newer parser may meet a stored text it handles slowly. A
document the parser now refuses (it reads as a news page, say), or cannot parse within
those limits, is kept as it was and reported with the reason: nothing stored is lost by
parsing it again. A meeting whose
documents another writer changes while they are parsed (a new version uploaded) is read
again (``ATTEMPTS``), so that an older reading never replaces a newer document.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from ingest.carry import pushed_updates_of
from ingest.draft import GlossaryEntry
from ingest.errors import IngestError
from ingest.lifecycle.link import (
    PendingLink,
    link_stored,
    relink_after_removal,
    removal_of_meeting,
    store_for_linking,
)
from ingest.pipeline import prepare_glossary
from ingest.prepare import PreparedDocument
from ingest.read import RawDocument
from ingest.series.link import body_of_meeting, refresh_series, refresh_series_of_batch
from ingest.store import EarlierReading, StoreResult
from ingest.workers import IngestLimits, StoredTask, WorkerPool
from records import writes
from records.db import bulk_engine, session_factory, write_session
from records.models import Meeting, SourceDocument


class ReparseOutcome(enum.StrEnum):
    UNCHANGED = "unchanged"  # read as before: nothing written
    REPARSED = "reparsed"  # its records made again, in the same meeting
    MOVED = "moved"  # its records made again, in another meeting
    REFUSED = "refused"  # the parser refuses it now, or not within the limits: kept as it was
    SKIPPED = "skipped"  # another writer changed its meeting each time it was read: kept


@dataclass(frozen=True)
class ReparseReport:
    """What became of one stored document: the meeting it was of, and is of now."""

    file_name: str
    outcome: ReparseOutcome
    meeting_id: int
    new_meeting_id: int
    reason: str | None = None


@dataclass(frozen=True)
class _Stored:
    id: int
    raw: RawDocument
    warnings: list[str]
    reading: str | None


async def reparse_stored(
    engine: AsyncEngine,
    *,
    meeting_ids: Sequence[int] | None = None,
    on_meeting: Callable[[Sequence[ReparseReport]], None] | None = None,
    workers: int = 0,
    limits: IngestLimits | None = None,
) -> list[ReparseReport]:
    """Parse the documents of every stored meeting (or of ``meeting_ids``) again and store
    what reads otherwise (see the module); a report per document, meeting by meeting in
    the order of their ids. ``on_meeting`` is told each meeting's reports as they come.
    ``workers`` processes parse under ``limits`` (``WorkerPool``: 0 parses in this process,
    without the memory and time limits)."""
    glossary = await prepare_glossary(engine)
    query = select(Meeting.id).order_by(Meeting.id)
    if meeting_ids is not None:
        query = query.where(Meeting.id.in_(meeting_ids))
    async with session_factory(engine)() as session:
        ids = list(await session.scalars(query))
    writer = bulk_engine(engine)
    reports: list[ReparseReport] = []
    try:
        with WorkerPool(workers, limits) as pool:
            for meeting_id in ids:
                done = await _reparse_meeting(writer, meeting_id, glossary, pool)
                reports.extend(done)
                if on_meeting is not None:
                    on_meeting(done)
    finally:
        if writer is not engine:
            await writer.dispose()
    return reports


async def _stored_documents(engine: AsyncEngine, meeting_id: int) -> list[_Stored]:
    columns = (
        SourceDocument.id,
        SourceDocument.file_name,
        SourceDocument.format,
        SourceDocument.sha256,
        SourceDocument.size,
        SourceDocument.text,
        SourceDocument.warnings,
        SourceDocument.reading,
    )
    query = select(*columns).where(SourceDocument.meeting_id == meeting_id)
    async with session_factory(engine)() as session:
        rows = (await session.execute(query.order_by(SourceDocument.id))).all()
    return [
        _Stored(
            row.id,
            RawDocument(row.file_name, row.format, row.sha256, row.size, row.text),
            list(row.warnings or ()),
            row.reading,
        )
        for row in rows
    ]


ATTEMPTS = 3
"""Times a meeting is read again when its documents changed while it was being parsed (an
upload of a new version, say), before it is left as it is for the next run."""


class _ChangedMeanwhile(Exception):
    """The meeting's documents are not those that were parsed: another writer changed them."""

    def __init__(self, meeting_id: int, stored: Sequence[_Stored]) -> None:
        super().__init__(meeting_id)
        self.reports = [
            ReparseReport(d.raw.file_name, ReparseOutcome.SKIPPED, meeting_id, meeting_id)
            for d in stored
        ]


async def _reparse_meeting(
    engine: AsyncEngine, meeting_id: int, glossary: Sequence[GlossaryEntry], pool: WorkerPool
) -> list[ReparseReport]:
    skipped: list[ReparseReport] = []
    for _ in range(ATTEMPTS):
        try:
            return await _reparse_meeting_once(engine, meeting_id, glossary, pool)
        except _ChangedMeanwhile as changed:
            skipped = changed.reports
    return skipped  # each writer stored its documents with their own reading


async def _reparse_meeting_once(
    engine: AsyncEngine, meeting_id: int, glossary: Sequence[GlossaryEntry], pool: WorkerPool
) -> list[ReparseReport]:
    # A meeting removed or merged into another by an earlier one's documents has none left.
    stored = await _stored_documents(engine, meeting_id)
    results = await asyncio.gather(
        *(pool.prepare(StoredTask(d.raw, tuple(d.warnings)), glossary) for d in stored)
    )
    prepared: dict[int, PreparedDocument] = {}
    reports: dict[int, ReparseReport] = {}
    for document, result in zip(stored, results, strict=True):
        if isinstance(result, IngestError):
            reports[document.id] = ReparseReport(
                document.raw.file_name,
                ReparseOutcome.REFUSED,
                meeting_id,
                meeting_id,
                reason=result.reason,
            )
        else:
            prepared[document.id] = result
    changed = [d for d in stored if d.id in prepared and prepared[d.id].reading != d.reading]
    if changed:
        async with write_session(engine) as session:
            # the documents parsed are still the meeting's, as they were read (the write
            # lock is held from here on)
            if await _readings(session, meeting_id) != {d.id: d.reading for d in stored}:
                raise _ChangedMeanwhile(meeting_id, stored)
            rest = [d for d in stored if d.id in prepared and d not in changed]
            done = await _store_again(
                session,
                meeting_id,
                [(d.id, prepared[d.id]) for d in changed],
                [(d.id, prepared[d.id]) for d in rest],
            )
        stored_again = [*changed, *rest][: len(done)]  # the rest only when one moved away
        for document, stored_result in zip(stored_again, done, strict=True):
            moved = stored_result.meeting_id != meeting_id
            reports[document.id] = ReparseReport(
                document.raw.file_name,
                ReparseOutcome.MOVED if moved else ReparseOutcome.REPARSED,
                meeting_id,
                stored_result.meeting_id,
            )
    for document in stored:
        reports.setdefault(
            document.id,
            ReparseReport(document.raw.file_name, ReparseOutcome.UNCHANGED, meeting_id, meeting_id),
        )
    return [reports[document.id] for document in stored]


async def _readings(session: AsyncSession, meeting_id: int) -> dict[int, str | None]:
    rows = await session.execute(
        select(SourceDocument.id, SourceDocument.reading).where(
            SourceDocument.meeting_id == meeting_id
        )
    )
    return {document_id: reading for document_id, reading in rows}


async def _store_again(
    session: AsyncSession,
    meeting_id: int,
    changed: Sequence[tuple[int, PreparedDocument]],
    rest: Sequence[tuple[int, PreparedDocument]],
) -> list[StoreResult]:
    """Remove the ``changed`` documents (ids, with their new reading) from their meeting and
    store their new reading, in one transaction; when one moves to another meeting, the
    meeting's ``rest`` too, since its header may have come from the one that left (the best
    of those left gives it). What became of each stored again: the changed, then the rest
    when they were. Links and series are worked out once, after all of them."""
    removal = await removal_of_meeting(session, meeting_id)
    body = await body_of_meeting(session, meeting_id)
    results, pending = await _replace(session, meeting_id, changed)
    if rest and any(result.meeting_id != meeting_id for result in results):
        more, more_pending = await _replace(session, meeting_id, rest)
        results += more
        pending += more_pending
    left = await session.scalar(select(func.count()).where(SourceDocument.meeting_id == meeting_id))
    if not left:
        await writes.remove_meeting(session, meeting_id)
    await link_stored(session, pending)
    await relink_after_removal(session, removal)
    await refresh_series_of_batch(session, results)
    if body is not None:
        await refresh_series(session, body)
    return results


async def _replace(
    session: AsyncSession, meeting_id: int, documents: Sequence[tuple[int, PreparedDocument]]
) -> tuple[list[StoreResult], list[PendingLink]]:
    """Remove ``documents`` from their meeting and store their new reading in its place,
    each carrying the updates pushed to its earlier reading's actions."""
    ids = [document_id for document_id, _ in documents]
    pushed = {document_id: await pushed_updates_of(session, [document_id]) for document_id in ids}
    log = writes.ChangeLog()
    await writes.remove_documents(session, log, meeting_id, ids)
    await writes.write_meeting_log(session, log, meeting_id)
    results: list[StoreResult] = []
    pending: list[PendingLink] = []
    for document_id, document in documents:
        earlier = EarlierReading(meeting_id, pushed[document_id])
        result, link = await store_for_linking(session, document, earlier=earlier)
        results.append(result)
        if link is not None:
            pending.append(link)
        await session.flush()
        session.expunge_all()  # the next document reads what this one wrote, not objects
    return results, pending
