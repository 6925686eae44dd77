"""The index follower: a server process's search index kept in step with the change log.

Writes reach the database through any process (another server, ``assurance ingest``);
each server process applies them to its own index while it runs. The follower looks at
the change log's latest position several times within ``bound`` seconds (a few
microseconds on SQLite, one round trip on PostgreSQL) and, when the index is behind,
applies the new entries (``indexer.sync.apply_changes``: one run at a time per process,
and under the index folder's write lock, so workers sharing a folder take turns). A
newer position seen by anyone (a read's ETag, /readyz) wakes it at once.

A pass that fails (the database unreachable, the index locked past its timeout, a full
disk) is logged and tried again at the next look; the lag it leaves is what /readyz
reports, and turns the process not ready once it has lasted too long. A disk that is
full (or a file size limit reached) is named as such: the generation searches use is
left as it was, and the next pass after space is back catches up.

Before a process serves, ``IndexFollower.rebuild_if_unreadable`` checks that the
generation searches would use can be read (damaged files: truncated, overwritten) and
rebuilds it from the database when it cannot; a missing folder or table of contents is
simply a new generation, filled from the change log.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final

from sqlalchemy.ext.asyncio import AsyncEngine

from api.positions import Positions
from indexer.storage import Generation, IndexStore
from indexer.sync import apply_changes, rebuild

# Looks at the change log per bound: a change waits at most bound / LOOKS for the next.
LOOKS_PER_BOUND: Final = 8
# A failure that goes on is logged again at most this often.
REPEAT_LOG_SECONDS: Final = 60.0
# Errors of a write that found no room: the disk full, a quota or a file size limit.
NO_ROOM: Final = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})

logger = logging.getLogger("assurance.index")


@dataclass(frozen=True)
class IndexLag:
    """How far this process's index is behind the database."""

    position: int  # the change-log position the index has applied
    latest: int  # the change log's latest position
    seconds: float  # how long the index has not been known current (0 when it is)
    error: str | None  # why the last pass failed, if it did

    @property
    def behind(self) -> int:
        return max(0, self.latest - self.position)

    def as_json(self) -> dict[str, object]:
        body: dict[str, object] = {
            "position": self.position,
            "latest": self.latest,
            "behind": self.behind,
            "lag_seconds": round(self.seconds, 3),
        }
        if self.error is not None:
            body["error"] = self.error
        return body


class IndexFollower:
    """Applies the change log to ``store`` while the app runs (``start``/``stop``).

    ``on_applied`` runs after the index moved on (whoever applied the entries: workers
    sharing the folder apply for each other), to reload what depends on the database
    beside the index (the searchers' glossary). ``bound`` 0: no following; the index is
    then caught up only by the app's start and its own writes, and ``lag`` still reports.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        store: IndexStore,
        positions: Positions,
        *,
        bound: float,
        on_applied: Callable[[], Awaitable[None]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._engine = engine
        self._store = store
        self._positions = positions
        self._bound = bound
        self._on_applied = on_applied
        self._clock = clock
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._current_at = clock()  # when the index was last known current
        self._position = store.position()
        self._reloaded_at = self._position  # the index position on_applied last ran for
        self._error: str | None = None
        self._failing_since: float | None = None
        self._logged_at = 0.0

    @property
    def interval(self) -> float:
        return self._bound / LOOKS_PER_BOUND

    def start(self) -> None:
        """Follow in a task of this event loop (nothing to do when ``bound`` is 0)."""
        self._positions.on_advance = self._advanced
        if self._bound > 0 and self._task is None:
            self._task = asyncio.create_task(self._follow(), name="index follower")

    async def stop(self) -> None:
        """Stop following; a pass under way is cancelled once its Whoosh work is done."""
        self._positions.on_advance = None
        if self._task is not None:
            task, self._task = self._task, None
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def wake(self) -> None:
        self._wake.set()

    @staticmethod
    async def rebuild_if_unreadable(engine: AsyncEngine, store: IndexStore) -> bool:
        """Rebuild the index from the database when its CURRENT generation cannot be
        read (True then); called before the process serves."""
        generation = store.current()
        if generation is None:
            return False
        reason = unreadable(generation)
        if reason is None:
            return False
        logger.error(
            "the search index %s cannot be read (%s): rebuilding it from the database",
            generation.path,
            reason,
        )
        await rebuild(engine, store)
        return True

    async def lag(self) -> IndexLag:
        """The lag now: the change log's latest position read afresh (errors propagate)."""
        at = self._clock()
        latest = await self._positions.latest()
        self._observe(latest, self._store.position(), at)
        return self._lag(latest)

    def last_lag(self) -> IndexLag:
        """The lag as last observed (no I/O)."""
        return self._lag(self._positions.known)

    async def follow_once(self) -> None:
        """One pass: apply what the index lacks; errors propagate."""
        at = self._clock()
        latest = await self._positions.latest()
        if latest > self._store.position() or self._store.current() is None:
            await apply_changes(self._engine, self._store)
        position = self._store.position()
        self._observe(latest, position, at)
        if position != self._reloaded_at:
            await self._on_applied()
            self._reloaded_at = position

    # --- the task ------------------------------------------------------------------------

    async def _follow(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()
            try:
                await self.follow_once()
            except Exception as exc:
                self._failed(exc)
            else:
                self._recovered()

    def _advanced(self, latest: int) -> None:
        if latest > self._position:
            self._wake.set()

    def _observe(self, latest: int, position: int, at: float) -> None:
        """``latest`` was read at ``at`` or later: an index at it had every change
        committed before ``at``."""
        self._position = position
        if position >= latest:
            self._current_at = max(self._current_at, at)

    def _lag(self, latest: int) -> IndexLag:
        behind = latest > self._position
        seconds = max(0.0, self._clock() - self._current_at) if behind else 0.0
        return IndexLag(self._position, max(latest, self._position), seconds, self._error)

    def _failed(self, exc: Exception) -> None:
        now = self._clock()
        self._error = describe_failure(exc)
        if self._failing_since is None:
            self._failing_since = now
            self._logged_at = now
            logger.exception("following the change log failed; trying again")
        elif now - self._logged_at >= REPEAT_LOG_SECONDS:
            self._logged_at = now
            logger.error(
                "following the change log has failed for %.0f s: %s",
                now - self._failing_since,
                self._error,
            )

    def _recovered(self) -> None:
        if self._failing_since is not None:
            logger.info(
                "following the change log again after %.1f s of failures",
                self._clock() - self._failing_since,
            )
        self._failing_since = None
        self._error = None


def describe_failure(exc: BaseException) -> str:
    """A failed pass in a line; a write that found no room says so first."""
    described = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, OSError) and exc.errno in NO_ROOM:
        return f"no room to write the search index (disk full or file size limit): {described}"
    return described


def unreadable(generation: Generation) -> str | None:
    """Why ``generation``'s index cannot be read, or None when it can.

    Opens the index and a reader of it, and reads each segment's last stored document
    and the first term: what a damaged table of contents or segment file (cut short,
    overwritten) fails at, in a few milliseconds however large the index.
    """
    try:
        index = generation.open_index()
        try:
            with index.reader() as reader:
                for leaf, _ in reader.leaf_readers():
                    if leaf.doc_count_all():
                        leaf.stored_fields(leaf.doc_count_all() - 1)
                next(iter(reader.all_terms()), None)
        finally:
            index.close()
    except Exception as exc:  # whatever damaged files raise: Whoosh names no one error
        return f"{type(exc).__name__}: {exc}"
    return None
