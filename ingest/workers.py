"""Reading and parsing files in worker processes, each file under a memory and a time limit.

A file is untrusted input: a small .docx can inflate to gigabytes of XML, a small PDF
can repeat one page a thousand times, and a reader or the parser can meet a shape it
handles slowly. ``ReadLimits`` refuses what can be seen before reading; the rest is
bounded here, by reading and parsing (``ingest.prepare``) in child processes:

* a worker's address space is capped (``RLIMIT_AS``): a file that needs more memory
  fails in its worker (MemoryError, or the worker dies) and is reported as that file's
  failure, while the other files go on;
* each file has a wall-clock budget; past it the worker is killed and replaced;
* a worker that has grown past ``recycle_bytes`` after a file is replaced, so the memory
  one large file took is given back to the machine;
* workers exit when the process that started them dies, kill -9 included: each one
  watches its parent.

Errors come back as values (``IngestError`` pickles with its code). Workers fork from a
fork server with the readers and the parser imported already (about 10 ms a worker),
not from the caller, which runs an event loop and database threads.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Final

from ingest.draft import GlossaryEntry
from ingest.errors import IngestError, IngestErrorCode
from ingest.prepare import PreparedDocument, prepare_raw, prepare_stored
from ingest.read import RawDocument, ReadLimits, read_bytes, read_document

MB: Final = 1024 * 1024
# How often a worker looks whether the process that started it is still alive.
PARENT_POLL_SECONDS: Final = 0.5
# How long a worker asked to stop may take before it is killed.
STOP_SECONDS: Final = 2.0
# How long a new worker may take to start (the first one also starts the fork server).
START_SECONDS: Final = 60.0


@dataclass(frozen=True)
class IngestLimits:
    """Everything that bounds what one file may cost (each part is a setting)."""

    read: ReadLimits = field(default_factory=ReadLimits)
    memory_bytes: int | None = 2048 * MB  # a worker's address space; None: no cap
    seconds: float | None = 120.0  # to read and parse one file; None: no limit
    recycle_bytes: int = 512 * MB  # a worker resident past this after a file is replaced


@dataclass(frozen=True)
class PathTask:
    path: Path


@dataclass(frozen=True)
class BytesTask:
    file_name: str
    data: bytes


@dataclass(frozen=True)
class StoredTask:
    """A stored document parsed again: its cleaned text and the notes of that cleaning
    (``ingest.prepare.prepare_stored``)."""

    raw: RawDocument
    warnings: tuple[str, ...]


Task = PathTask | BytesTask | StoredTask


def task_name(task: Task) -> str:
    """The file name errors about ``task`` carry."""
    if isinstance(task, PathTask):
        return task.path.name
    return task.raw.file_name if isinstance(task, StoredTask) else task.file_name


def prepare_task(
    task: Task,
    glossary: Sequence[GlossaryEntry],
    limits: ReadLimits,
    memory_bytes: int | None = None,
) -> PreparedDocument | IngestError:
    """Read, clean and parse one file; every failure comes back as an ``IngestError`` value.

    ``memory_bytes`` is the cap the caller runs under, named when it is reached.
    """
    name = task_name(task)
    try:
        if isinstance(task, StoredTask):
            return prepare_stored(task.raw, task.warnings, glossary)
        if isinstance(task, PathTask):
            raw = read_document(task.path, limits)
        else:
            raw = read_bytes(task.file_name, task.data, limits)
        return prepare_raw(raw, glossary)
    except IngestError as error:
        return error
    except MemoryError:
        return _too_much_memory(name, memory_bytes)
    except Exception as exc:  # a reader or parser fault must not stop the other files
        return IngestError(
            name,
            f"could not be read or parsed ({type(exc).__name__}: {exc})",
            IngestErrorCode.FAILED,
        )


# --- the worker process ----------------------------------------------------------------


def _serve(conn: Connection, memory_bytes: int | None, parent_pid: int) -> None:
    """A worker's life: take tasks until told to stop or until its parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    if memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    conn.send("ready")
    glossary: tuple[GlossaryEntry, ...] = ()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task, sent, limits = message
        if sent is not None:  # None: the glossary of the task before
            glossary = sent
        result = prepare_task(task, glossary, limits, memory_bytes)
        # After running out of memory the heap may be fragmented past use: a fresh
        # worker takes the next file.
        stays = not (
            isinstance(result, IngestError) and result.code is IngestErrorCode.RESOURCE_LIMIT
        )
        try:
            conn.send((result, _resident_bytes(), stays))
        except MemoryError:
            conn.send((_too_much_memory(task_name(task), memory_bytes), None, False))
        if not stays:
            return


def _exit_with_parent(parent_pid: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        try:
            os.kill(parent_pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to another user's process
            os._exit(1)


def _resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _too_much_memory(name: str, memory_bytes: int | None) -> IngestError:
    limit = "" if memory_bytes is None else f" (the limit is {memory_bytes // MB:,} MB)"
    return IngestError(
        name,
        f"reading and parsing it needed more memory than allowed{limit}",
        IngestErrorCode.RESOURCE_LIMIT,
    )


# --- the parent's side -------------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["ingest.workers"])
    return context


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, limits: IngestLimits) -> None:
        parent_end, child_end = multiprocessing.Pipe()
        self.conn = parent_end
        self.process: BaseProcess = _context().Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(child_end, limits.memory_bytes, os.getpid()),
            name="assurance-ingest-worker",
            daemon=True,
        )
        self.process.start()
        child_end.close()
        # The glossary the worker holds: sent with a task only when it differs (it is the
        # same for every file of an ingest, and pickling it cost a millisecond or two a file).
        self._glossary: tuple[GlossaryEntry, ...] | None = None
        # Time limits count from here: a task's clock must not include the start.
        if not self.conn.poll(START_SECONDS) or self.conn.recv() != "ready":
            self.kill()
            raise RuntimeError("an ingest worker process did not start")

    def run(
        self, task: Task, glossary: Sequence[GlossaryEntry], limits: IngestLimits
    ) -> tuple[PreparedDocument | IngestError, bool]:
        """The task's result, and whether this worker may take another task."""
        name = task_name(task)
        try:
            entries = tuple(glossary)
            same = entries is self._glossary or entries == self._glossary
            self.conn.send((task, None if same else entries, limits.read))
            self._glossary = entries
            if not self.conn.poll(limits.seconds):
                self.kill()
                seconds = f"{limits.seconds:g}"
                return (
                    IngestError(
                        name,
                        f"reading and parsing it took longer than the {seconds} s limit",
                        IngestErrorCode.RESOURCE_LIMIT,
                    ),
                    False,
                )
            result, resident, stays = self.conn.recv()
        except (EOFError, OSError):
            return self._died(name), False
        return result, stays and (resident is None or resident <= limits.recycle_bytes)

    def _died(self, name: str) -> IngestError:
        self.process.join(STOP_SECONDS)
        code = self.process.exitcode
        if code is not None and code < 0:
            how = f"was killed by signal {-code} ({signal.Signals(-code).name})"
        else:
            how = f"stopped with exit code {code}"
        likely = " (most likely out of memory)" if code == -signal.SIGKILL else ""
        return IngestError(
            name,
            f"the process reading it {how}{likely}",
            IngestErrorCode.RESOURCE_LIMIT if code == -signal.SIGKILL else IngestErrorCode.FAILED,
        )

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(STOP_SECONDS)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class WorkerPool:
    """Worker processes that read and parse files under ``IngestLimits``; see the module.

    ``size`` threads each drive one worker process, started on first use. ``size=0``
    reads and parses in this process instead: no memory or time limits then, only
    ``ReadLimits`` (for tests and for callers that isolate files themselves).
    """

    def __init__(self, size: int, limits: IngestLimits | None = None) -> None:
        self.size = size
        self.limits = limits or IngestLimits()
        self._threads = ThreadPoolExecutor(max(size, 1), thread_name_prefix="ingest-worker")
        self._local = threading.local()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def submit(
        self, task: Task, glossary: Sequence[GlossaryEntry]
    ) -> Future[PreparedDocument | IngestError]:
        """Read and parse ``task`` on a worker; the future holds the document or the error."""
        return self._threads.submit(self._run, task, tuple(glossary))

    async def prepare(
        self, task: Task, glossary: Sequence[GlossaryEntry]
    ) -> PreparedDocument | IngestError:
        return await asyncio.wrap_future(self.submit(task, glossary))

    def pids(self) -> list[int]:
        """The process ids of the workers running now (for monitoring)."""
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid is not None]

    def close(self) -> None:
        """Stop every worker: tasks not yet started are dropped, running ones fail."""
        with self._lock:
            self._closed = True
            workers, self._workers = list(self._workers), set()
        self._threads.shutdown(wait=False, cancel_futures=True)
        for worker in workers:
            worker.stop()
        self._threads.shutdown(wait=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _run(
        self, task: Task, glossary: tuple[GlossaryEntry, ...]
    ) -> PreparedDocument | IngestError:
        if self.size == 0:
            return prepare_task(task, glossary, self.limits.read)
        worker = self._worker()
        if worker is None:
            return IngestError(task_name(task), "ingest was stopped", IngestErrorCode.FAILED)
        result, reusable = worker.run(task, glossary, self.limits)
        if not reusable:
            self._retire(worker)
        return result

    def _worker(self) -> _Worker | None:
        worker: _Worker | None = getattr(self._local, "worker", None)
        if worker is None:
            with self._lock:
                if self._closed:
                    return None
                worker = _Worker(self.limits)
                self._workers.add(worker)
            self._local.worker = worker
        return worker

    def _retire(self, worker: _Worker) -> None:
        self._local.worker = None
        with self._lock:
            self._workers.discard(worker)
        worker.stop()
