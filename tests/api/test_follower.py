"""Following the change log in one process: positions as fresh as a read needs, the
follower applying what other processes write, failing, retrying and stopping (the same
with several server processes: test_processes)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.follower import LOOKS_PER_BOUND, IndexFollower
from api.positions import ConnectionPositions, Positions, SQLitePositions, open_positions
from api.readiness import readiness
from indexer.storage import LOCK_FILE, FileLock, IndexStore
from records.db import create_engine
from tests.support.paths import SAMPLES, SEED
from tests.support.records import index_snapshot, ingest_files, last_position, record_keys

BOUND = 0.4  # the follower looks every BOUND / LOOKS_PER_BOUND seconds
# How long a test waits for what the follower should do within BOUND (a busy machine).
PATIENCE = 20 * BOUND
SAMPLE = SAMPLES / "eastmoor-performance-2019-10.txt"


@pytest.fixture
async def other(database_url: str, engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """An engine of its own on the same database: how another process writes."""
    other = create_engine(database_url)
    try:
        yield other
    finally:
        await other.dispose()


@pytest.fixture
async def positions(engine: AsyncEngine) -> AsyncIterator[Positions]:
    positions = await open_positions(engine)
    try:
        yield positions
    finally:
        await positions.close()


class Follower:
    """An ``IndexFollower`` on its own index folder, counting its ``on_applied`` calls."""

    def __init__(self, engine: AsyncEngine, positions: Positions, root: Path, lock: float):
        self.store = IndexStore(root, lock_timeout=lock)
        self.applied = 0
        self.follower = IndexFollower(
            engine, self.store, positions, bound=BOUND, on_applied=self._on_applied
        )

    async def _on_applied(self) -> None:
        self.applied += 1


async def _eventually(check: Callable[[], bool], what: str) -> None:
    for _ in range(int(PATIENCE / 0.02)):
        if check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{what}: not within {PATIENCE} s")


# --- positions ------------------------------------------------------------------------------


async def test_positions_take_in_writes_by_other_processes(
    engine: AsyncEngine, other: AsyncEngine, positions: Positions
) -> None:
    expected = SQLitePositions if engine.dialect.name == "sqlite" else ConnectionPositions
    assert isinstance(positions, expected)
    advanced: list[int] = []
    positions.on_advance = advanced.append
    assert await positions.latest() == 0
    await ingest_files(other, SEED)
    theirs = await last_position(other)
    assert theirs > 0
    assert await positions.latest() == theirs == positions.known
    assert await positions.latest() == theirs
    await ingest_files(engine, SAMPLE)  # through this process's own pool
    ours = await last_position(engine)
    assert ours > theirs
    assert await positions.latest() == ours
    assert advanced == [theirs, ours]


async def test_reads_asked_for_together_share_one_and_none_misses_a_write(
    engine: AsyncEngine, other: AsyncEngine, positions: Positions
) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite's positions send no statement through the pool")
    reads: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "change_log" in statement:
            reads.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    assert await asyncio.gather(*(positions.latest() for _ in range(50))) == [0] * 50
    assert 1 <= len(reads) <= 2  # the first call's read, and one the others share
    before = asyncio.gather(*(positions.latest() for _ in range(10)))
    await ingest_files(other, SEED)  # committed after those calls were made
    after = await asyncio.gather(*(positions.latest() for _ in range(10)))
    assert set(await before) <= {0, await last_position(other)}
    assert after == [await last_position(other)] * 10


async def test_a_lost_connection_is_replaced_at_once(
    engine: AsyncEngine, other: AsyncEngine, positions: Positions
) -> None:
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite's positions hold no server connection")
    await positions.latest()
    async with other.connect() as conn:  # ends every other session of this database
        await conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    await ingest_files(other, SEED)
    assert await positions.latest() == await last_position(other)  # on a new connection


# --- the follower ---------------------------------------------------------------------------


async def test_the_follower_applies_what_other_processes_write(
    engine: AsyncEngine, other: AsyncEngine, positions: Positions, tmp_path: Path
) -> None:
    follower = Follower(engine, positions, tmp_path / "index", lock=5.0)
    follower.follower.start()
    try:
        await ingest_files(other, SEED, SAMPLE)
        latest = await last_position(other)
        await _eventually(lambda: follower.store.position() == latest, "the index caught up")
        assert set(index_snapshot(follower.store)) == await record_keys(other)
        await _eventually(lambda: follower.applied >= 1, "the glossary was reloaded")
        lag = await follower.follower.lag()
        assert (lag.position, lag.latest, lag.behind, lag.seconds) == (latest, latest, 0, 0)
    finally:
        await follower.follower.stop()
    assert follower.follower.interval == BOUND / LOOKS_PER_BOUND


async def test_a_failing_pass_is_logged_and_tried_again(
    engine: AsyncEngine,
    other: AsyncEngine,
    positions: Positions,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    follower = Follower(engine, positions, tmp_path / "index", lock=BOUND)
    follower.store.open().close()
    held = FileLock(follower.store.root / LOCK_FILE, 0)
    assert held.try_acquire()  # another writer of the folder, stuck
    caplog.set_level(logging.INFO, logger="assurance.index")
    follower.follower.start()
    try:
        await ingest_files(other, SEED)
        await _eventually(lambda: follower.follower.last_lag().error is not None, "a failure")
        lag = await follower.follower.lag()
        assert lag.position == 0 and lag.behind == lag.latest > 0 and lag.seconds > 0
        assert lag.error is not None and "IndexLockTimeout" in lag.error
        unready = await readiness(follower.store, follower.follower, max_lag_seconds=0)
        assert not unready.ready
        assert "IndexLockTimeout" in unready.reasons[0]
        index = unready.as_json()["index"]
        assert isinstance(index, dict)
        assert index.pop("lag_seconds") >= round(lag.seconds, 3)  # asked a little later
        assert index == {
            "position": 0,
            "latest": lag.latest,
            "behind": lag.behind,
            "error": lag.error,
            "documents": 0,
        }
        failures = [r for r in caplog.records if "following the change log failed" in r.message]
        assert len(failures) == 1 and failures[0].exc_info is not None  # once, not per pass
        held.release()
        latest = await last_position(other)
        await _eventually(lambda: follower.store.position() == latest, "caught up after")
        await _eventually(lambda: follower.follower.last_lag().error is None, "recovered")
        assert any("following the change log again" in r.message for r in caplog.records)
        ready = await readiness(follower.store, follower.follower, max_lag_seconds=0)
        assert ready.ready and ready.documents == len(await record_keys(other))
    finally:
        held.release()
        await follower.follower.stop()


async def test_stop_ends_a_pass_that_waits_for_the_lock(
    engine: AsyncEngine, other: AsyncEngine, positions: Positions, tmp_path: Path
) -> None:
    follower = Follower(engine, positions, tmp_path / "index", lock=60.0)
    follower.store.open().close()
    held = FileLock(follower.store.root / LOCK_FILE, 0)
    assert held.try_acquire()
    follower.follower.start()
    try:
        await ingest_files(other, SEED)
        latest = await last_position(other)
        # The pass has read the new position (the follower's own read), so it is on its
        # way to the lock it cannot take; stopping must not wait for the lock's 60 s.
        await _eventually(lambda: positions.known == latest, "a pass began")
        await asyncio.wait_for(follower.follower.stop(), PATIENCE)
    finally:
        held.release()
    assert follower.store.position() == 0
    reopened = FileLock(follower.store.root / LOCK_FILE, 0)
    assert reopened.try_acquire()  # the stopped pass holds nothing
    reopened.release()
