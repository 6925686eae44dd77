"""Index folders on disk: generations, the CURRENT pointer, positions and the write lock.

    <root>/gen-<n>/            a Whoosh index, with ``position`` beside its files: the
                               last change-log position applied to it (and
                               ``glossary.json``: the acronyms its documents were
                               matched against; ``schema``: the SCHEMA_VERSION it
                               was created with, absent before version 2)
    <root>/CURRENT             names the generation searches use ("gen-3"); replaced
                               atomically, so a reader sees the old name or the new one
    <root>/write.lock          held (fcntl) by whoever writes to any generation or
                               switches CURRENT

A rebuild fills a new generation while searches go on in the current one, then
switches CURRENT; the generation before stays on disk until the next switch, so
searchers that opened it keep working.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh.index import Index, LockError, create_in, open_dir

from indexer.engine import BatchWriter
from indexer.schema import SCHEMA_VERSION, build_schema

CURRENT_FILE = "CURRENT"
POSITION_FILE = "position"
GLOSSARY_FILE = "glossary.json"
SCHEMA_FILE = "schema"
# The layout of generations written before the version was recorded.
UNRECORDED_SCHEMA_VERSION = 1
LOCK_FILE = "write.lock"
GENERATION_PREFIX = "gen-"
DEFAULT_LOCK_TIMEOUT = 120.0
LOCK_POLL_SECONDS = 0.05

# Whoosh names an index's table of contents "_MAIN_<generation>.toc".
_TOC_GLOB = "_MAIN_*.toc"
_GENERATION_NAME = re.compile(rf"{GENERATION_PREFIX}(\d+)")


class IndexLockTimeout(TimeoutError):
    """The index stayed locked by another writer for longer than the lock timeout."""


def _write_atomically(path: Path, content: str) -> None:
    """Write a small file so that readers see the old content or the new, never a part."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as file:
        file.write(content)
        file.flush()
        os.fsync(file.fileno())
    os.replace(tmp, path)
    with contextlib.suppress(OSError):  # make the rename itself durable where possible
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


@dataclass(frozen=True)
class Generation:
    """One Whoosh index folder, ``<root>/gen-<number>``."""

    number: int
    path: Path

    @property
    def name(self) -> str:
        return f"{GENERATION_PREFIX}{self.number}"

    def has_index(self) -> bool:
        """True once the folder holds a Whoosh index (a table of contents file)."""
        return any(self.path.glob(_TOC_GLOB))

    def create_index(self) -> Index:
        """An empty index with the current schema, at position 0."""
        self.path.mkdir(parents=True, exist_ok=True)
        index = create_in(str(self.path), build_schema())
        _write_atomically(self.path / SCHEMA_FILE, f"{SCHEMA_VERSION}\n")
        self.write_position(0)
        return index

    def open_index(self) -> Index:
        return open_dir(str(self.path))

    def document_count(self) -> int:
        """The documents the index holds now."""
        index = self.open_index()
        try:
            return int(index.doc_count())
        finally:
            index.close()

    def schema_version(self) -> int:
        """The ``SCHEMA_VERSION`` the index was created with."""
        try:
            text = (self.path / SCHEMA_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return UNRECORDED_SCHEMA_VERSION
        return int(text) if text.isdigit() else UNRECORDED_SCHEMA_VERSION

    def outdated(self) -> bool:
        """True when the index was written with another schema: only a rebuild mends it."""
        return self.schema_version() != SCHEMA_VERSION

    def position(self) -> int:
        """The last change-log position applied to this index (0 if none)."""
        try:
            return int((self.path / POSITION_FILE).read_text(encoding="utf-8").strip() or 0)
        except FileNotFoundError:
            return 0

    def write_position(self, position: int) -> None:
        _write_atomically(self.path / POSITION_FILE, f"{position}\n")

    def glossary(self) -> dict[str, list[str]] | None:
        """The glossary signature the documents were matched against (None if unknown)."""
        try:
            data = json.loads((self.path / GLOSSARY_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        return {str(code): [str(form) for form in forms] for code, forms in data.items()}

    def write_glossary(self, signature: Mapping[str, Sequence[str]]) -> None:
        _write_atomically(self.path / GLOSSARY_FILE, json.dumps(signature, sort_keys=True))


class FileLock:
    """An exclusive ``flock`` on a file, waited for up to ``timeout`` seconds.

    ``flock`` locks belong to an open file, so two holders in one process exclude
    each other just as two processes do. The lock is released if the process dies.
    """

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise self._timed_out()
            time.sleep(LOCK_POLL_SECONDS)

    async def acquire_async(self) -> None:
        """Like ``acquire``, without blocking the event loop while waiting."""
        deadline = time.monotonic() + self.timeout
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise self._timed_out()
            await asyncio.sleep(LOCK_POLL_SECONDS)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _timed_out(self) -> IndexLockTimeout:
        return IndexLockTimeout(f"the search index stayed locked for {self.timeout:g} s")


class IndexStore:
    """One index folder under the data folder (e.g. ``<data_dir>/index``)."""

    def __init__(self, root: Path, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.root = Path(root)
        self.lock_timeout = lock_timeout

    # --- reading -----------------------------------------------------------------------

    def open(self) -> Index:
        """The CURRENT generation's index; creates an empty one if there is none."""
        generation = self.current()
        if generation is None:
            with self.locked():
                generation = self.ensure_current()
        return generation.open_index()

    def position(self) -> int:
        """The last change-log position applied to the CURRENT generation (0 if none)."""
        generation = self.current()
        return generation.position() if generation else 0

    def current(self) -> Generation | None:
        """The generation CURRENT names, if it names one that holds an index."""
        try:
            name = (self.root / CURRENT_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        match = _GENERATION_NAME.fullmatch(name)
        if match is None:
            return None
        generation = self.generation(int(match.group(1)))
        return generation if generation.has_index() else None

    def generation(self, number: int) -> Generation:
        return Generation(number, self.root / f"{GENERATION_PREFIX}{number}")

    def generations(self) -> list[Generation]:
        """Every generation folder, oldest first (including unfinished ones)."""
        if not self.root.is_dir():
            return []
        numbers = (
            int(match.group(1))
            for child in self.root.iterdir()
            if child.is_dir() and (match := _GENERATION_NAME.fullmatch(child.name))
        )
        return [self.generation(n) for n in sorted(numbers)]

    # --- writing (callers hold the lock) -------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the store's write lock (waiting up to ``lock_timeout``)."""
        lock = FileLock(self.root / LOCK_FILE, self.lock_timeout)
        lock.acquire()
        try:
            yield
        finally:
            lock.release()

    @contextlib.asynccontextmanager
    async def locked_async(self) -> AsyncIterator[None]:
        lock = FileLock(self.root / LOCK_FILE, self.lock_timeout)
        await lock.acquire_async()
        try:
            yield
        finally:
            lock.release()

    def ensure_current(self) -> Generation:
        """The CURRENT generation, or a new empty one made current. Hold the lock."""
        generation = self.current()
        if generation is None:
            generation = self.new_generation()
            self.switch_to(generation)
        return generation

    def new_generation(self) -> Generation:
        """A new, empty generation numbered after every existing one. Hold the lock."""
        existing = self.generations()
        generation = self.generation(existing[-1].number + 1 if existing else 1)
        generation.path.mkdir(parents=True)
        generation.create_index()
        return generation

    def switch_to(self, generation: Generation) -> None:
        """Make ``generation`` the one searches open. Hold the lock."""
        _write_atomically(self.root / CURRENT_FILE, f"{generation.name}\n")

    def remove_generations_before(self, keep: Generation) -> list[Generation]:
        """Remove every generation older than ``keep`` (and not current). Hold the lock."""
        current = self.current()
        removed = []
        for generation in self.generations():
            if generation.number < keep.number and generation != current:
                shutil.rmtree(generation.path, ignore_errors=True)
                removed.append(generation)
        return removed

    def remove(self, generation: Generation) -> None:
        """Remove an unfinished generation. Hold the lock."""
        if generation != self.current():
            shutil.rmtree(generation.path, ignore_errors=True)

    def writer(self, index: Index) -> BatchWriter:
        """A writer, waiting for Whoosh's own lock up to ``lock_timeout``."""
        try:
            writer = BatchWriter(index, timeout=self.lock_timeout)
        except LockError as exc:
            raise IndexLockTimeout(
                f"the search index at {getattr(index, 'storage', index)} stayed locked"
            ) from exc
        return writer


__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "FileLock",
    "Generation",
    "IndexLockTimeout",
    "IndexStore",
]
