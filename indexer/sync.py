"""Keep the index in step with the database: apply the change log, rebuild, check.

The database is the source of truth. Each generation records the last change-log
position it applied; ``apply_changes`` takes the entries after it in batches and,
for every record they name, deletes its document and adds it again as the database
has it now (or not at all when the record is gone). Applying an entry twice therefore
changes nothing, which makes a crash between the Whoosh commit and the position write
harmless. Every batch runs under the store's write lock, so several processes can
apply changes to one index folder at once.

Whoosh work (writing, committing) runs in a worker thread so that the event loop
stays free; a cancelled caller waits for the thread before the lock is let go.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import time
import weakref
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from whoosh.query.compound import Or
from whoosh.query.qcore import Query
from whoosh.query.terms import Term

from indexer.documents import IndexDocument, build_documents, empty_ids
from indexer.glossary import AcronymMatcher, load_matcher, phrase_words
from indexer.parallel import ParallelWriter
from indexer.schema import (
    ACTION,
    ITEM,
    MEETING,
    METRIC,
    SCHEMA_VERSION,
    document_key,
    parse_key,
)
from indexer.storage import (
    LOCK_FILE,
    LOCK_POLL_SECONDS,
    FileLock,
    Generation,
    IndexLockTimeout,
    IndexStore,
)
from records.db import session_factory
from records.models import Action, AgendaItem, ChangeLogEntry, Meeting, Metric

# Records read per query while rebuilding, and change-log entries per catch-up batch.
REBUILD_CHUNK = 500
# Change-log entries applied per Whoosh commit (an ingest logs about 25 per file). Each
# commit costs a segment written and, now and then, a merge: a bulk ingest of 1,000
# files took 38 s of CPU to apply in batches of 500 and 16 s in batches of 5,000, whose
# documents and postings (about 120 MB more at the peak) are held until their commit.
APPLY_BATCH = 5_000
EXACT = "exact"
ACRONYMS = "acronyms"
# More segments than this after applying changes: merge the small ones.
MAX_SEGMENTS = 10

T = TypeVar("T")
logger = logging.getLogger("assurance.index")
_RecordModel = type[AgendaItem] | type[Meeting] | type[Action] | type[Metric]
_MODELS: tuple[tuple[str, _RecordModel], ...] = (
    (MEETING, Meeting),
    (ITEM, AgendaItem),
    (ACTION, Action),
    (METRIC, Metric),
)


@dataclass(frozen=True)
class IndexStatus:
    """Where the index stands against the change log."""

    position: int  # last change-log position applied to the current generation
    latest: int  # the change log's last position
    lag: int  # entries not yet applied
    documents: int
    generation: str | None = None


async def latest_position(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.max(ChangeLogEntry.position))) or 0)


async def apply_changes(
    engine: AsyncEngine, store: IndexStore, *, batch_size: int = APPLY_BATCH
) -> int:
    """Apply every change-log entry after the index's position; the number this call applied.

    A current generation written with an older schema is replaced by a rebuild (the
    number applied is then the entries it lacked). Otherwise one Whoosh commit per batch
    of ``batch_size`` entries (merging small segments once there are ``MAX_SEGMENTS``),
    then the new position is written.
    Waits for other writers up to the store's lock timeout (``IndexLockTimeout`` after
    that).

    Calls for one index folder in one event loop run one at a time, and a call waiting
    behind a run that started after it was made returns 0 once that run is done: the run
    read the change log after the call began, so it applied every entry committed before
    (several writers finishing at once cost one or two index commits, not one each).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    runs = _runs_of(engine, store)
    runs.calls += 1
    call = runs.calls
    async with runs.lock:
        if runs.covered >= call:
            return 0
        covers = runs.calls
        applied = await _apply_all(engine, store, batch_size)
        runs.covered = covers
    return applied


@dataclass
class _Runs:
    """The catch-ups of one index folder from one database in one event loop."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    calls: int = 0  # apply_changes calls made so far
    covered: int = 0  # calls made before the last completed run started


_RUNS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[str, str], _Runs]] = (
    weakref.WeakKeyDictionary()
)


def _runs_of(engine: AsyncEngine, store: IndexStore) -> _Runs:
    by_index = _RUNS.setdefault(asyncio.get_running_loop(), {})
    key = (os.path.abspath(store.root), engine.url.render_as_string(hide_password=True))
    return by_index.setdefault(key, _Runs())


async def _apply_all(engine: AsyncEngine, store: IndexStore, batch_size: int) -> int:
    """Bring the index up to the change log's latest position as this call finds it.

    Only the process holding the store's lock applies entries, a batch at a time; a
    process that finds the lock taken looks again at the position every
    ``LOCK_POLL_SECONDS`` and stops as soon as the holder has applied what this call
    needs, so two processes sharing an index folder do not read and write the same
    entries twice. Waiting ends with ``IndexLockTimeout`` when the lock stays taken
    for the store's lock timeout without the position moving.
    """
    generation = store.current()
    if generation is None:
        async with store.locked_async():
            generation = store.ensure_current()
    if generation.outdated():
        return await _rebuild_outdated(engine, store, generation)
    target = await latest_position(engine)
    glossary = _Glossary(engine)
    matcher = await glossary.matcher()
    lock = FileLock(store.root / LOCK_FILE, store.lock_timeout)
    applied = 0
    seen = generation.position()
    deadline = time.monotonic() + store.lock_timeout
    while True:
        current = store.current()
        if current is not None:
            if current.position() >= target and not matcher.changed_codes(current.glossary()):
                return applied
            if current.position() != seen:  # another process is applying: keep waiting
                seen = current.position()
                deadline = time.monotonic() + store.lock_timeout
        if not lock.try_acquire():
            if time.monotonic() >= deadline:
                raise IndexLockTimeout(
                    f"the search index stayed locked for {store.lock_timeout:g} s"
                )
            await asyncio.sleep(LOCK_POLL_SECONDS)
            continue
        try:
            generation = store.ensure_current()
            count = await _apply_batch(engine, store, generation, glossary, batch_size)
        finally:
            lock.release()
        applied += count
        if count < batch_size:
            return applied


async def _rebuild_outdated(engine: AsyncEngine, store: IndexStore, outdated: Generation) -> int:
    """Rebuild because ``outdated``'s schema is not the current one; the entries it lacked."""
    missing = max(0, await latest_position(engine) - outdated.position())
    logger.info(
        "the search index %s was written with schema version %d (now %d): rebuilding",
        outdated.name,
        outdated.schema_version(),
        SCHEMA_VERSION,
    )
    await rebuild(engine, store)
    return missing


async def rebuild(engine: AsyncEngine, store: IndexStore) -> int:
    """Build a new generation from the database alone, switch to it; its document count.

    The new generation starts at the change log's position before any record is read,
    catches up with the changes made while it was built, and becomes CURRENT. The
    generation it replaces stays on disk (searches that opened it keep working) until
    the next rebuild; older ones are removed.
    """
    async with store.locked_async():
        generation = store.new_generation()
    try:
        glossary = _Glossary(engine)
        start = await latest_position(engine)
        matcher = await glossary.matcher()
        await _fill(engine, store, generation, matcher)
        generation.write_position(start)
        generation.write_glossary(matcher.signature())
        while await _apply_batch(engine, store, generation, glossary, REBUILD_CHUNK):
            pass  # catch up without the lock, so that others can still apply changes
        async with store.locked_async():
            while await _apply_batch(engine, store, generation, glossary, REBUILD_CHUNK):
                pass
            previous = store.current()
            if previous is not None and previous.number > generation.number:
                store.remove(generation)  # a later rebuild finished first
                return previous.document_count()
            store.switch_to(generation)
            if previous is not None:
                store.remove_generations_before(previous)
    except BaseException:
        with contextlib.suppress(Exception):
            store.remove(generation)
        raise
    return generation.document_count()


async def check(engine: AsyncEngine, store: IndexStore) -> IndexStatus:
    """The current generation's position, the change log's latest position and the lag."""
    generation = store.current()
    latest = await latest_position(engine)
    if generation is None:
        return IndexStatus(position=0, latest=latest, lag=latest, documents=0)
    position = generation.position()
    return IndexStatus(
        position=position,
        latest=latest,
        lag=max(0, latest - position),
        documents=generation.document_count(),
        generation=generation.name,
    )


async def merge_segments(store: IndexStore, *, max_segments: int = MAX_SEGMENTS) -> bool:
    """Merge small segments of the current generation when there are too many."""
    async with store.locked_async():
        generation = store.current()
        if generation is None:
            return False
        return await _in_thread(lambda: _merge(store, generation, max_segments))


class _Glossary:
    """The glossary matcher, read from the database once, when first needed."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._matcher: AcronymMatcher | None = None

    async def matcher(self) -> AcronymMatcher:
        if self._matcher is None:
            async with session_factory(self._engine)() as session:
                self._matcher = await load_matcher(session)
        return self._matcher


@dataclass(frozen=True)
class _Batch:
    """Change-log entries after a generation's position, and the documents they ask for."""

    after: int  # the generation's position when the batch was read
    recorded: dict[str, list[str]] | None  # its glossary signature then
    entries: int
    last: int  # the position the batch brings the generation to
    keys: list[str]  # documents to delete
    documents: list[IndexDocument]  # documents to add
    signature: dict[str, list[str]]  # the glossary the documents were matched against


async def _read_batch(
    engine: AsyncEngine, generation: Generation, glossary: _Glossary, batch_size: int
) -> _Batch | None:
    """Up to ``batch_size`` entries after ``generation``'s position; None when there is
    nothing to apply.

    When the glossary changed since the generation's documents were matched against
    it, the documents that mention a changed acronym (by code or long form) are
    rebuilt as well, so that the index stays what a rebuild would make.
    """
    after = generation.position()
    recorded = generation.glossary()
    matcher = await glossary.matcher()
    changed_codes = matcher.changed_codes(recorded)
    async with session_factory(engine)() as session:
        entries = (
            await session.execute(
                select(ChangeLogEntry.position, ChangeLogEntry.entity, ChangeLogEntry.entity_id)
                .where(ChangeLogEntry.position > after)
                .order_by(ChangeLogEntry.position)
                .limit(batch_size)
            )
        ).all()
        if not entries and not changed_codes:
            return None
        ids = empty_ids()
        for _, kind, entity_id in entries:
            if (record_type := kind.index_type) is not None:
                ids[record_type].add(entity_id)
        if changed_codes:
            mentioning = await _in_thread(
                functools.partial(_keys_mentioning, generation, matcher, changed_codes)
            )
            for key in mentioning:
                record_type, record_id = parse_key(key)
                ids.setdefault(record_type, set()).add(record_id)
        documents = await build_documents(session, matcher, ids)
    return _Batch(
        after=after,
        recorded=recorded,
        entries=len(entries),
        last=entries[-1].position if entries else after,
        keys=[document_key(t, i) for t, record_ids in ids.items() for i in sorted(record_ids)],
        documents=list(documents),
        signature=matcher.signature(),
    )


def _write_batch(store: IndexStore, generation: Generation, batch: _Batch) -> None:
    """Write a batch to ``generation``: documents, then position (and glossary, if it
    changed). The caller holds the store's lock, or writes to a generation no one else
    writes to."""
    _replace_documents(store, generation, batch.keys, batch.documents)
    if batch.last != batch.after:
        generation.write_position(batch.last)
    if batch.signature != batch.recorded:
        generation.write_glossary(batch.signature)


async def _apply_batch(
    engine: AsyncEngine,
    store: IndexStore,
    generation: Generation,
    glossary: _Glossary,
    batch_size: int,
) -> int:
    """Read and write one batch of ``generation``; how many entries it held."""
    batch = await _read_batch(engine, generation, glossary, batch_size)
    if batch is None:
        return 0
    await _in_thread(functools.partial(_write_batch, store, generation, batch))
    return batch.entries


def _keys_mentioning(
    generation: Generation, matcher: AcronymMatcher, codes: Collection[str]
) -> set[str]:
    """Keys of the documents that may mention ``codes`` (a superset), or are tagged with them.

    Looks in the unstemmed ``exact`` field for each code as a word ("marac", "maracs",
    "marac's", or a part of a hyphenated word) and, for each long form, for its
    rarest word; the documents found are rebuilt and matched again.
    """
    index = generation.open_index()
    try:
        with index.searcher() as searcher:
            reader = searcher.reader()
            words: set[str] = set()
            for code in codes:
                lower = code.lower()
                words.update((lower, f"{lower}s", f"{lower}'s"))
                term = matcher.term(code)
                for form in term.long_forms if term else ():
                    form_words = phrase_words(form)
                    if len(form_words) > 1:
                        words.add(min(form_words, key=lambda w: reader.doc_frequency(EXACT, w)))
            terms = {w for w in words if (EXACT, w) in reader}
            for raw in reader.lexicon(EXACT):
                text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                if "-" in text and not words.isdisjoint(text.split("-")):
                    terms.add(text)
            queries: list[Query] = [Term(EXACT, t) for t in sorted(terms)]
            queries += [Term(ACRONYMS, code) for code in sorted(codes)]
            if not queries:
                return set()
            return {
                str(searcher.stored_fields(docnum)["key"])
                for docnum in searcher.docs_for_query(Or(queries))
            }
    finally:
        index.close()


def _replace_documents(
    store: IndexStore,
    generation: Generation,
    keys: Sequence[str],
    documents: Sequence[IndexDocument],
) -> None:
    """Delete the documents of ``keys`` and add ``documents``, in one commit.

    The commit merges small segments (Whoosh's policy) once the index has
    ``MAX_SEGMENTS`` before it, rather than in a commit of its own afterwards.
    """
    if not keys and not documents:
        return
    index = generation.open_index()
    try:
        writer = store.writer(index)
        with _cancel_on_error(writer):
            for key in keys:
                writer.delete_by_term("key", key)
            for document in documents:
                writer.add_document(**document.fields())
            writer.commit(merge=writer.segment_count >= MAX_SEGMENTS)
    finally:
        index.close()


async def _fill(
    engine: AsyncEngine, store: IndexStore, generation: Generation, matcher: AcronymMatcher
) -> None:
    """Add a document for every record in the database to an empty generation."""
    index = generation.open_index()
    try:
        writer = ParallelWriter(store.writer(index))
        with _cancel_on_error(writer):
            for record_type, model in _MODELS:
                last_id = 0
                while True:
                    async with session_factory(engine)() as session:
                        record_ids = list(
                            await session.scalars(
                                select(model.id)
                                .where(model.id > last_id)
                                .order_by(model.id)
                                .limit(REBUILD_CHUNK)
                            )
                        )
                        if not record_ids:
                            break
                        documents = await build_documents(
                            session, matcher, {record_type: record_ids}
                        )
                    await _in_thread(functools.partial(writer.add_documents, documents))
                    last_id = record_ids[-1]
            await _in_thread(writer.commit)
    finally:
        index.close()


def _merge(store: IndexStore, generation: Generation, max_segments: int) -> bool:
    index = generation.open_index()
    try:
        with index.reader() as reader:
            segments = sum(1 for _ in reader.leaf_readers())
        if segments <= max_segments:
            return False
        writer = store.writer(index)
        with _cancel_on_error(writer):
            writer.commit(merge=True)
        return True
    finally:
        index.close()


class _Cancellable(Protocol):
    def cancel(self) -> None: ...


CancellableT = TypeVar("CancellableT", bound=_Cancellable)


@contextlib.contextmanager
def _cancel_on_error(writer: CancellableT) -> Iterator[CancellableT]:
    try:
        yield writer
    except BaseException:
        with contextlib.suppress(Exception):
            writer.cancel()
        raise


async def _in_thread(function: Callable[[], T]) -> T:
    """Run blocking Whoosh work in a thread; if the caller is cancelled, let it finish first."""
    task = asyncio.ensure_future(asyncio.to_thread(function))
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        with contextlib.suppress(BaseException):
            await task
        raise
