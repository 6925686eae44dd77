"""Filling a new generation on several processes: one segment per worker process.

A rebuild adds every record of the database to an empty index, and Whoosh writes a
segment on one core. ``ParallelWriter`` takes documents a batch at a time from the
process that reads the database. Small rebuilds (and every rebuild with one worker) stay
in this process, in the ``BatchWriter`` it was given. Once more than
``MIN_DOCUMENTS_PER_WORKER`` documents per worker have come, the batches go in turn to
worker processes. No process holds more than a few batches of documents, and each
writer's postings spill to disk past a bound (``indexer.engine.writer``); what a worker
still keeps per document grows with its segment (bench/README.md, "Growth"). Each worker
writes its own segment with a ``BatchWriter`` that does not take Whoosh's lock (the given
writer holds it), and ``commit`` lists every segment in the index's table of contents at
once, without merging them. So a search sees all of the rebuild or none of it, as with one writer.

Workers start from a fork server, so they do not inherit the caller's threads (the
event loop, database drivers). Batches are handed round in a fixed order, so the same
documents always make the same segments.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any, Final

from indexer.documents import IndexDocument
from indexer.engine import BatchWriter, Segment, segment_writer

# A worker process is worth its start-up and its segment only with this many documents.
# (Searches evaluate segments above 5,000 documents fastest: see indexer.engine.postings.)
MIN_DOCUMENTS_PER_WORKER: Final = 6_000
MAX_WORKERS: Final = 4
# Batches waiting for each worker (back-pressure on the reading side).
QUEUED_BATCHES: Final = 2
# How often the writer looks whether a worker that owes it a segment is still alive.
POLL_SECONDS: Final = 0.5


class IndexBuildError(RuntimeError):
    """A worker process could not write its segment."""


def default_workers() -> int:
    """Worker processes for a rebuild: one per core, at most ``MAX_WORKERS``."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cores or 1))


class ParallelWriter:
    """Adds batches of documents to a new, empty generation's index; see the module."""

    def __init__(self, writer: BatchWriter, *, workers: int | None = None) -> None:
        self.writer = writer
        self.workers = default_workers() if workers is None else max(1, workers)
        self._waiting: list[Sequence[IndexDocument]] = []
        self._waiting_count = 0
        self._tasks: list[_Task] = []
        self._turn = 0

    @property
    def parallel(self) -> bool:
        """Whether worker processes are writing the segments."""
        return bool(self._tasks)

    def add_documents(self, documents: Sequence[IndexDocument]) -> None:
        if not documents:
            return
        if self._tasks:
            self._send(documents)
            return
        if self.workers == 1:
            self._add_here(documents)
            return
        self._waiting.append(documents)
        self._waiting_count += len(documents)
        if self._waiting_count > MIN_DOCUMENTS_PER_WORKER * self.workers:
            self._start()

    def commit(self) -> None:
        """Write every segment and list them all in the index; the writer is closed."""
        if not self._tasks:
            waiting, self._waiting = self._waiting, []
            for documents in waiting:
                self._add_here(documents)
            self.writer.commit(merge=False)
            return
        try:
            for task in self._tasks:
                task.send(None)  # no more batches
            segments = [task.segment() for task in self._tasks]
        except BaseException:
            self.cancel()
            raise
        for task in self._tasks:
            task.close()
        self._tasks.clear()
        self.writer.commit_segments(segments)

    def cancel(self) -> None:
        """Stop the workers and close the writer; nothing is committed."""
        for task in self._tasks:
            task.stop()
        self._tasks.clear()
        self._waiting.clear()
        if not self.writer.closed:
            self.writer.cancel()

    def _add_here(self, documents: Sequence[IndexDocument]) -> None:
        """Add documents to this process's writer (cancelled if one cannot be added)."""
        try:
            for document in documents:
                self.writer.add_document(**document.fields())
        except BaseException:
            self.cancel()
            raise

    def _start(self) -> None:
        location = self.writer.location()
        if location is None:
            self.workers = 1  # workers need the index on disk
            waiting, self._waiting = self._waiting, []
            for documents in waiting:
                self._add_here(documents)
            return
        folder, indexname = location
        context = multiprocessing.get_context("forkserver")
        self._tasks = [_Task(context, folder, indexname) for _ in range(self.workers)]
        waiting, self._waiting = self._waiting, []
        for documents in waiting:
            self._send(documents)

    def _send(self, documents: Sequence[IndexDocument]) -> None:
        task = self._tasks[self._turn % len(self._tasks)]
        self._turn += 1
        task.send(list(documents))


class _Task:
    """One worker process, its queue of batches and the pipe its segment comes back on."""

    def __init__(self, context: Any, folder: str, indexname: str) -> None:
        self.jobs = context.Queue(QUEUED_BATCHES)
        self._receive, send = context.Pipe(duplex=False)
        self.process = context.Process(
            target=write_segment,
            args=(folder, indexname, self.jobs, send),
            name="index-segment-writer",
            daemon=True,
        )
        self.process.start()
        send.close()

    def send(self, documents: list[IndexDocument] | None) -> None:
        """Queue a batch (None: the last has been sent), waiting while the queue is full."""
        while True:
            try:
                self.jobs.put(documents, timeout=POLL_SECONDS)
                return
            except queue.Full:
                self._check_alive()

    def segment(self) -> Segment | None:
        """The segment the worker wrote (None if it had no documents)."""
        while not self._receive.poll(POLL_SECONDS):
            self._check_alive()
        return self._outcome()

    def close(self) -> None:
        self.process.join()
        self._receive.close()
        self.jobs.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()
        self._receive.close()
        self.jobs.close()
        self.jobs.cancel_join_thread()

    def _check_alive(self) -> None:
        """Raise what became of a worker that is no longer running (it sends its
        segment or its error before it ends, so here that is an error)."""
        if self.process.is_alive():
            return
        if self._receive.poll():
            self._outcome()
        raise IndexBuildError(
            f"an index segment writer stopped (exit code {self.process.exitcode})"
        )

    def _outcome(self) -> Segment | None:
        """The worker's segment, read from its pipe; its error raised."""
        try:
            outcome, value = self._receive.recv()
        except EOFError as exc:
            raise IndexBuildError(
                f"an index segment writer stopped (exit code {self.process.exitcode})"
            ) from exc
        if outcome != "segment":
            raise IndexBuildError(f"an index segment writer failed: {value}")
        segment: Segment | None = value
        return segment


def write_segment(folder: str, indexname: str, jobs: Any, results: Connection) -> None:
    """A worker's life: add every batch from ``jobs`` to a new segment of the index in
    ``folder``, then send the segment (or why it failed) down ``results``."""
    try:
        writer = segment_writer(folder, indexname)
        try:
            while (documents := jobs.get()) is not None:
                for document in documents:
                    writer.add_document(**document.fields())
            segment = writer.finish_segment()
        except BaseException:
            writer.discard()
            raise
        results.send(("segment", segment))
    except BaseException as exc:  # reported to the parent, which raises it
        results.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        results.close()
