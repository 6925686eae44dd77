"""Applying the change log, rebuilding and checking the index, on real databases and indexes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine
from whoosh.query.terms import Term

from indexer.schema import SCHEMA_VERSION
from indexer.storage import SCHEMA_FILE, Generation, IndexLockTimeout, IndexStore
from indexer.sync import apply_changes, check, latest_position, rebuild
from records.db import session_factory
from records.models import Action, AgendaItem, ChangeLogEntry, Meeting, Metric
from tests.support.paths import SAMPLES, SEED
from tests.support.records import index_snapshot, ingest_files

ROOT = Path(__file__).parents[2]


async def record_count(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        total = 0
        for model in (AgendaItem, Meeting, Action, Metric):
            total += await session.scalar(select(func.count()).select_from(model)) or 0
        return total


async def clean_rebuild(engine: AsyncEngine, root: Path) -> dict[str, dict[str, Any]]:
    store = IndexStore(root)
    await rebuild(engine, store)
    return index_snapshot(store)


def revised_seed(folder: Path) -> Path:
    """A new version of the seed minutes: one more action, about MARAC referrals."""
    revised = folder / SEED.name
    revised.write_text(
        SEED.read_text(encoding="utf-8").replace(
            "Action 4: Future briefing notes",
            "Action 5: DCC to report on MARAC referral volumes.\n\tAction 4: Future briefing notes",
        ),
        encoding="utf-8",
    )
    return revised


MINUTES = """Northshire Police and Crime Commissioner
Performance Meeting – Minutes
Date: Tuesday {date}, 2pm
Venue: Committee Room 2, Northshire Police HQ
Chair: Paula Reid

Present:
Paula Reid (PCC)
Martin Okafor (CC)

1. Apologies
None were received.
2. {topic}
{text}
Action 1: CC to report back to the next meeting.
3. Any other business
There was none.
"""


def minutes(folder: Path, name: str, date: str, topic: str, text: str) -> Path:
    path = folder / name
    path.write_text(MINUTES.format(date=date, topic=topic, text=text), encoding="utf-8")
    return path


# --- applying the change log ----------------------------------------------------------------


async def test_check_reports_lag_before_and_after_apply(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SAMPLES, SEED)
    store = IndexStore(tmp_path / "index")
    latest = await latest_position(engine)

    before = await check(engine, store)
    assert (before.position, before.latest, before.lag, before.documents) == (0, latest, latest, 0)

    assert await apply_changes(engine, store) == latest
    after = await check(engine, store)
    assert (after.position, after.latest, after.lag) == (latest, latest, 0)
    assert after.documents == await record_count(engine)
    assert after.generation == "gen-1"


async def test_position_is_kept_and_a_second_apply_does_nothing(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    applied = await apply_changes(engine, store, batch_size=7)
    assert applied == await latest_position(engine) > 7
    snapshot = index_snapshot(store)

    reopened = IndexStore(tmp_path / "index")
    assert reopened.position() == applied
    assert await apply_changes(engine, reopened) == 0
    assert index_snapshot(reopened) == snapshot
    assert snapshot == await clean_rebuild(engine, tmp_path / "clean")


async def test_new_version_replaces_the_old_records_documents(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    old = index_snapshot(store)
    old_items = {k for k in old if k.startswith("item:")}

    await ingest_files(engine, revised_seed(tmp_path))
    assert await apply_changes(engine, store) > 0
    new = index_snapshot(store)

    async with session_factory(engine)() as session:
        item_ids = set(await session.scalars(select(AgendaItem.id)))
        action_id = await session.scalar(select(Action.id).where(Action.reference == "5"))
    assert not old_items & set(new)
    assert {k for k in new if k.startswith("item:")} == {f"item:{i}" for i in item_ids}
    assert action_id is not None
    action = new[f"action:{action_id}"]
    assert "MARAC referral volumes" in action["text"]
    assert "MARAC" in action["acronyms"].split(",")
    assert new == await clean_rebuild(engine, tmp_path / "clean")


async def test_an_index_written_with_an_older_schema_is_rebuilt_when_changes_are_applied(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    old = store.current()
    assert old is not None and not old.outdated()
    (old.path / SCHEMA_FILE).unlink()  # as generations were written before the version file
    assert old.outdated()

    await ingest_files(engine, revised_seed(tmp_path))
    missing = await latest_position(engine) - old.position()
    assert await apply_changes(engine, store) == missing > 0
    new = store.current()
    assert new is not None and new.number > old.number and not new.outdated()
    assert new.schema_version() == SCHEMA_VERSION
    assert (await check(engine, store)).lag == 0
    assert index_snapshot(store) == await clean_rebuild(engine, tmp_path / "clean")
    assert await apply_changes(engine, store) == 0


async def test_crash_between_commit_and_position_write_is_repaired_by_applying_again(
    engine: AsyncEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    store.open()
    written: list[int] = []
    original = Generation.write_position

    def crash_on_second_batch(self: Generation, position: int) -> None:
        if written:
            raise RuntimeError("simulated crash before the position was written")
        written.append(position)
        original(self, position)

    monkeypatch.setattr(Generation, "write_position", crash_on_second_batch)
    with pytest.raises(RuntimeError, match="simulated crash"):
        await apply_changes(engine, store, batch_size=10)
    monkeypatch.undo()

    assert store.position() == written[0] == 10
    assert len(index_snapshot(store)) > 0  # the second batch reached Whoosh
    applied = await apply_changes(engine, store, batch_size=10)
    assert applied == await latest_position(engine) - 10
    assert index_snapshot(store) == await clean_rebuild(engine, tmp_path / "clean")


async def test_acronyms_defined_later_reach_documents_indexed_earlier(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    first = minutes(
        tmp_path,
        "first.txt",
        "14 March 2023",
        "Safer streets",
        "The Safer Streets Partnership Board had met twice since the last meeting.",
    )
    second = minutes(
        tmp_path,
        "second.txt",
        "11 April 2023",
        "Partnerships",
        "The Safer Streets Partnership Board (SSPB) agreed its terms of reference.",
    )
    store = IndexStore(tmp_path / "index")
    await ingest_files(engine, first)
    await apply_changes(engine, store)
    [before] = [f for f in index_snapshot(store).values() if f["title"] == "Safer streets"]
    assert "SSPB" not in before["acronyms"].split(",")

    await ingest_files(engine, second)
    await apply_changes(engine, store)
    snapshot = index_snapshot(store)
    [after] = [f for f in snapshot.values() if f["title"] == "Safer streets"]
    assert "SSPB" in after["acronyms"].split(",")
    assert snapshot == await clean_rebuild(engine, tmp_path / "clean")


async def test_a_held_lock_is_waited_for_then_reported_without_whoosh_errors(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index", lock_timeout=0.3)
    with store.locked(), pytest.raises(IndexLockTimeout):
        await apply_changes(engine, store)

    # Whoosh's own writer lock, taken behind the store's back, is reported the same way.
    index = store.open()
    writer = index.writer()
    try:
        with pytest.raises(IndexLockTimeout):
            await apply_changes(engine, store)
    finally:
        writer.cancel()
        index.close()

    # A lock let go while a writer waits: the writer goes ahead.
    patient = IndexStore(tmp_path / "index", lock_timeout=30)

    async def hold_briefly() -> None:
        with patient.locked():
            await asyncio.sleep(0.3)

    holder = asyncio.create_task(hold_briefly())
    await asyncio.sleep(0.05)
    assert await apply_changes(engine, patient) == await latest_position(engine)
    await holder


# --- rebuilding -----------------------------------------------------------------------------


async def test_rebuild_switches_generations_while_an_old_searcher_keeps_working(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SAMPLES, SEED)
    store = IndexStore(tmp_path / "index")
    await apply_changes(engine, store)
    incremental = index_snapshot(store)

    old_index = store.open()
    with old_index.searcher() as old_searcher:
        documents = await rebuild(engine, store)
        assert documents == len(incremental)
        assert store.current() == store.generation(2)
        assert store.position() == await latest_position(engine)

        # The old searcher still reads its generation.
        assert old_searcher.doc_count() == len(incremental)
        old_keys = {f["key"] for f in old_searcher.reader().all_stored_fields()}
        assert old_keys == set(incremental)
        [hit] = old_searcher.search(Term("key", next(iter(incremental))), limit=1)
        assert hit["key"] in incremental

        # A new open() sees the new generation, with the same documents.
        assert index_snapshot(store) == incremental
        assert [g.name for g in store.generations()] == ["gen-1", "gen-2"]
    old_index.close()

    # The next rebuild keeps the generation before it and removes older ones.
    await rebuild(engine, store)
    assert [g.name for g in store.generations()] == ["gen-2", "gen-3"]
    assert index_snapshot(store) == incremental


async def test_rebuild_catches_up_with_changes_and_later_applies_continue(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    store = IndexStore(tmp_path / "index")
    await rebuild(engine, store)
    assert store.position() == await latest_position(engine)

    await ingest_files(engine, revised_seed(tmp_path))
    status = await check(engine, store)
    assert status.lag > 0
    assert await apply_changes(engine, store) == status.lag
    assert (await check(engine, store)).lag == 0
    assert index_snapshot(store) == await clean_rebuild(engine, tmp_path / "clean")


# --- several processes ----------------------------------------------------------------------

APPLY_SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from indexer.storage import IndexStore
    from indexer.sync import apply_changes
    from records.db import create_engine

    async def main() -> None:
        engine = create_engine(sys.argv[1])
        try:
            print(await apply_changes(engine, IndexStore(Path(sys.argv[2])), batch_size=5))
        finally:
            await engine.dispose()

    asyncio.run(main())
    """
)


async def test_two_processes_apply_changes_at_once(
    engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    await ingest_files(engine, SEED)
    await ingest_files(
        engine,
        minutes(tmp_path, "other.txt", "14 March 2023", "MARAC referrals", "Referrals rose."),
    )
    root = tmp_path / "index"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", APPLY_SCRIPT, database_url, str(root)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "LockError" not in err
    applied = sum(int(out.strip()) for out, _ in outputs)
    async with session_factory(engine)() as session:
        entries = await session.scalar(select(func.count()).select_from(ChangeLogEntry))
    assert applied == entries

    store = IndexStore(root)
    assert store.position() == await latest_position(engine)
    snapshot = index_snapshot(store)
    assert len(snapshot) == await record_count(engine)
    assert {f["year"] for f in snapshot.values()} == {2021, 2023}
    assert snapshot == await clean_rebuild(engine, tmp_path / "clean")
