"""``assurance ingest FOLDER`` killed (-9) five times at random moments, then run to the end.

A folder of generated minutes (``bench.corpus``) is ingested by a real ``assurance
ingest`` process that is killed with SIGKILL five times, each at a random moment (0 to
0.3 s) after the run is seen working: holding the database's write lock (storing a
batch of files in one transaction) or the index's write lock (applying the change log).
A last run goes through. The database then holds exactly what a clean ingest of the
same folder into an empty database holds (meetings, documents, items, actions, their
updates and metrics, by content), and the index holds a document for exactly the
database's records at the change log's last position.

Twenty-four files by default rather than two hundred: each ``assurance ingest`` start
costs about 4 s of CPU (imports) and the folder is ingested twice (the clean reference
and the killed runs); the whole test costs about 26 s of CPU, where two hundred files
take minutes on a runner of two cores. The 24 files are stored in one transaction (one
store batch), so a kill inside it stores none of them and a kill after it leaves the
index behind the database. ``ASSURANCE_KILLED_INGEST_FILES=200`` runs the same test over
two hundred files, seven store batches, so that kills also fall between batches.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from api.settings import Settings
from bench.corpus import write_corpus
from bench.live_server import server_environment
from indexer.storage import IndexStore
from ingest.pipeline import BATCH_FILES
from records.db import create_engine, session_factory
from records.models import SourceDocument
from tests.support.contents import record_contents
from tests.support.databases import throwaway_database
from tests.support.records import ingest_files
from tests.support.served import assert_index_equals_database, index_locked, writing

FILES = int(os.environ.get("ASSURANCE_KILLED_INGEST_FILES", "24"))
KILLS = 5
RUN_SECONDS = 240.0  # one run's limit (a stuck run fails the test, never hangs it)
# How often a run is looked at: storing the folder's batch and indexing it each take
# about a second, far longer; each look is a database query, which at every 10 ms over
# a run's seconds of imports cost more CPU than the clean ingest.
POLL_SECONDS = 0.05


async def _documents(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        return int(await session.scalar(select(func.count()).select_from(SourceDocument)) or 0)


def _ingest(settings: Settings, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "api.cli", "ingest", str(folder), "--workers", "1"],
            env=server_environment(settings),
            stdout=output,
            stderr=subprocess.STDOUT,
        )


async def _kill_when_working(
    engine: AsyncEngine,
    store: IndexStore,
    process: subprocess.Popen[bytes],
    delay: float,
    stored: int = 0,
) -> str | None:
    """SIGKILL ``process`` ``delay`` s after it is seen storing or indexing with at least
    ``stored`` documents in the database; what it was doing then, or None if it finished
    first."""
    deadline = time.monotonic() + RUN_SECONDS
    while True:
        if process.poll() is not None:
            return None
        if not stored or await _documents(engine) >= stored:
            if await writing(engine):
                doing = "storing"
                break
            if index_locked(store):
                doing = "indexing"
                break
        assert time.monotonic() < deadline, f"the run did nothing for {RUN_SECONDS} s"
        await asyncio.sleep(POLL_SECONDS)
    await asyncio.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return doing


async def test_an_ingest_killed_five_times_then_run_again_equals_a_clean_ingest(
    database_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "minutes"
    files = write_corpus(folder, FILES)
    backend = "sqlite" if database_url.startswith("sqlite") else "postgresql"
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    async with throwaway_database(backend, tmp_path / "clean", migrated=True) as clean_url:
        clean = create_engine(clean_url)
        try:
            await ingest_files(clean, folder)
            expected = await record_contents(clean)
        finally:
            await clean.dispose()
    assert len(expected["SourceDocument"]) == len(files)

    await migrations.upgrade(database_url)
    settings = Settings(data_dir=tmp_path / "var", database_url=database_url)
    engine = create_engine(database_url)
    store = IndexStore(settings.index_dir)
    log = tmp_path / "ingest.log"
    try:
        kills: list[str] = []
        while len(kills) < KILLS:
            # With more than one store batch, each kill waits for a stored count drawn
            # from what is stored and the batches before the last, so kills fall in
            # different batches.
            now = await _documents(engine)
            stored = rng.randrange(now, FILES - BATCH_FILES) if now < FILES - BATCH_FILES else 0
            run = _ingest(settings, folder, log)
            try:
                doing = await _kill_when_working(engine, store, run, rng.uniform(0, 0.3), stored)
            finally:
                if run.poll() is None:
                    run.kill()
                    run.wait()
            assert doing is not None, f"a run finished before kill {len(kills) + 1}: {kills}"
            kills.append(f"{doing}, {await _documents(engine)} stored")

        print(f"random seed {seed}; kills: {kills}")  # seen with pytest -s
        last = _ingest(settings, folder, log)
        assert await asyncio.to_thread(last.wait, RUN_SECONDS) == 0, log.read_text()[-3000:]

        assert await record_contents(engine) == expected, f"random seed {seed}; kills {kills}"
        await assert_index_equals_database(engine, settings.index_dir)
    finally:
        await engine.dispose()
