"""Catching the index up when several writers finish at once, on real databases and indexes.

Callers in one process share a run; a process that finds another applying the same
entries waits for it instead of applying them again; merges ride on a batch's commit.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from indexer.storage import IndexLockTimeout, IndexStore
from indexer.sync import MAX_SEGMENTS, apply_changes, latest_position, rebuild
from records.db import session_factory
from records.models import Action, ChangeLogEntry
from schema.mutations.update_action import ActionChange, update_action
from tests.support.paths import SAMPLES, SEED
from tests.support.records import index_snapshot, ingest_files


def commits(store: IndexStore) -> int:
    """The current generation's Whoosh generation number: one more for every commit."""
    index = store.open()
    try:
        return int(index.latest_generation())
    finally:
        index.close()


def segments(store: IndexStore) -> int:
    index = store.open()
    try:
        with index.reader() as reader:
            return sum(1 for _ in reader.leaf_readers())
    finally:
        index.close()


async def action_ids(engine: AsyncEngine) -> list[int]:
    async with session_factory(engine)() as session:
        return list(await session.scalars(select(Action.id).order_by(Action.id)))


async def note(engine: AsyncEngine, action_id: int, text: str) -> None:
    """A note on an action, logged as updateAction logs it (without catching the index up)."""
    outcome = await update_action(engine, None, action_id, ActionChange(note=text), author="test")
    assert outcome.errors == []


async def clean_snapshot(engine: AsyncEngine, root: Path) -> dict[str, dict[str, object]]:
    store = IndexStore(root)
    await rebuild(engine, store)
    return index_snapshot(store)


async def test_callers_waiting_at_once_share_one_commit(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    before, position = commits(store), await latest_position(engine)
    for number, action_id in enumerate(await action_ids(engine)):
        await note(engine, action_id, f"note {number}")
    logged = await latest_position(engine) - position

    applied = await asyncio.gather(*(apply_changes(engine, store) for _ in range(6)))

    assert sorted(applied) == [0, 0, 0, 0, 0, logged]  # each entry applied once, by one caller
    assert commits(store) == before + 1
    assert store.position() == await latest_position(engine)
    assert index_snapshot(store) == await clean_snapshot(engine, tmp_path / "clean")


async def test_each_writer_finds_its_own_change_indexed_when_its_catch_up_returns(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    before = commits(store)
    ids = await action_ids(engine)

    async def write_then_catch_up(action_id: int) -> tuple[int, int]:
        outcome = await update_action(
            engine, store, action_id, ActionChange(note=f"progress on {action_id}"), author="test"
        )
        assert outcome.errors == []
        seen = store.position()  # what a search made now would find applied
        return seen, await _last_entry_of(engine, action_id)

    results = await asyncio.gather(*(write_then_catch_up(i) for i in ids))

    for seen, own in results:
        assert seen >= own
    assert commits(store) > before
    assert index_snapshot(store) == await clean_snapshot(engine, tmp_path / "clean")


async def _last_entry_of(engine: AsyncEngine, action_id: int) -> int:
    async with session_factory(engine)() as session:
        position = await session.scalar(
            select(func.max(ChangeLogEntry.position)).where(
                ChangeLogEntry.entity == "action", ChangeLogEntry.entity_id == action_id
            )
        )
    assert position is not None
    return int(position)


async def test_a_writer_that_finds_another_applying_waits_instead_of_applying_again(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    """Two stores on one folder stand for two server processes sharing an index."""
    await ingest_files(engine, SEED)
    folder = tmp_path / "index"
    store = IndexStore(folder)
    await apply_changes(engine, store)
    (tmp_path / "same-index").symlink_to(folder, target_is_directory=True)
    other = IndexStore(tmp_path / "same-index")
    before, position = commits(store), await latest_position(engine)
    await ingest_files(engine, SAMPLES / "eastmoor-performance-2019-10.txt")
    logged = await latest_position(engine) - position

    applied = await asyncio.gather(apply_changes(engine, store), apply_changes(engine, other))

    assert sorted(applied) == [0, logged]
    assert commits(store) == before + 1
    assert store.position() == other.position() == await latest_position(engine)
    assert index_snapshot(store) == await clean_snapshot(engine, tmp_path / "clean")


async def test_nothing_to_apply_returns_without_waiting_for_another_writers_lock(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index", lock_timeout=0.3)
    await apply_changes(engine, store)

    with store.locked():  # another process writing to the index, for longer than the timeout
        assert await apply_changes(engine, store) == 0

        [action_id, *_] = await action_ids(engine)
        await note(engine, action_id, "logged while the other writer holds the index")
        with pytest.raises(IndexLockTimeout):
            await apply_changes(engine, store)  # this change does need the lock

    assert await apply_changes(engine, store) == 1


async def test_many_small_catch_ups_merge_segments_and_keep_the_index_exact(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    ids = await action_ids(engine)
    catch_ups = 3 * MAX_SEGMENTS
    for number in range(catch_ups):  # the same few actions again and again: many deletions
        await note(engine, ids[number % 2], f"step {number}")
        assert await apply_changes(engine, store) == 1

    assert segments(store) <= MAX_SEGMENTS  # one new segment per catch-up, merged on the way
    assert index_snapshot(store) == await clean_snapshot(engine, tmp_path / "clean")
