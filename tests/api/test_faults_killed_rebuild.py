"""A process killed (-9) while it rebuilds the search index, then a server started again.

Two processes rebuild an index: ``assurance serve`` when the index on disk was written
with an older schema (its start rebuilds it before it serves), and ``assurance
reindex``. Each is killed with SIGKILL at a random moment while its new generation is
being filled (CURRENT still naming the old one), and more minutes are ingested while
nothing serves. ``assurance serve`` started again on the same folder becomes ready
with an index that holds exactly the database's records at the change log's last
position, written with the current schema.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

import migrations
from api.settings import Settings
from bench.corpus import write_corpus
from bench.live_server import ServerProcess, assurance_command, server_environment
from indexer.schema import SCHEMA_VERSION
from indexer.storage import Generation, IndexStore
from indexer.sync import apply_changes
from records.db import create_engine
from tests.support.paths import SAMPLES
from tests.support.records import ingest_files, record_keys
from tests.support.served import (
    MEETINGS_FOUND,
    assert_index_equals_database,
    assurance_server,
    data,
)

FILES = 20  # enough records that a rebuild takes a while to fill (about 500 documents)
LATER = SAMPLES / "eastmoor-performance-2021-06.txt"


def _outdate(generation: Generation) -> None:
    """Mark ``generation`` as written with the schema before the current one."""
    (generation.path / "schema").write_text(f"{SCHEMA_VERSION - 1}\n", encoding="utf-8")
    assert generation.outdated()


def _kill_while_filling(
    store: IndexStore, old: Generation, process: subprocess.Popen[bytes], delay: float
) -> None:
    """SIGKILL ``process`` ``delay`` s after it starts filling a new generation."""
    deadline = time.monotonic() + 180
    while not any(g.number > old.number for g in store.generations()):
        assert process.poll() is None, "the process ended before it rebuilt"
        assert time.monotonic() < deadline, "no rebuild started"
        time.sleep(0.005)
    time.sleep(delay)
    process.kill()
    process.wait()
    assert store.current() == old, "the rebuild finished before the kill"


@pytest.mark.parametrize("rebuilder", ["serve", "reindex"])
async def test_a_process_killed_while_rebuilding_the_index_is_caught_up_by_a_server(
    rebuilder: str, database_url: str, tmp_path: Path
) -> None:
    await migrations.upgrade(database_url)
    settings = Settings(data_dir=tmp_path / "var", database_url=database_url)
    store = IndexStore(settings.index_dir)
    engine = create_engine(database_url)
    delay = random.uniform(0, 0.3)
    try:
        await ingest_files(engine, *write_corpus(tmp_path / "minutes", FILES))
        await apply_changes(engine, store)
        old = store.current()
        assert old is not None
        log = tmp_path / "server.log"
        if rebuilder == "serve":
            _outdate(old)
            server = ServerProcess(settings, 1, log, command=assurance_command)
            server.start()
            assert server.process is not None
            try:
                _kill_while_filling(store, old, server.process, delay)
            finally:
                server.kill()
        else:
            with log.open("ab") as output:
                reindex = subprocess.Popen(
                    [sys.executable, "-m", "api.cli", "reindex"],
                    env=server_environment(settings),
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            try:
                _kill_while_filling(store, old, reindex, delay)
            finally:
                if reindex.poll() is None:
                    reindex.kill()
                    reindex.wait()

        await ingest_files(engine, LATER)  # written while nothing serves
        with assurance_server(settings, log) as server, httpx.Client(timeout=30) as client:
            current = store.current()
            assert current is not None and not current.outdated()
            await assert_index_equals_database(engine, settings.index_dir)
            found = data(client, server, MEETINGS_FOUND, q="performance")
            assert found["meetings"]["totalCount"] == FILES + 1
            assert found["search"]["edges"], "the meeting ingested after the kill is found"
            assert current.document_count() == len(await record_keys(engine))
    finally:
        await engine.dispose()
