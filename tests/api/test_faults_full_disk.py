"""A full disk while the search index is written leaves the last good generation serving.

The full disk is real: the kernel refuses writes past a file size limit
(``RLIMIT_FSIZE``, with ``SIGXFSZ`` ignored, as Python does: the write fails with
``EFBIG`` as it would with ``ENOSPC``) in the process that writes the index, a real
``assurance serve`` (its limit lowered from outside with ``prlimit``, then raised
again) and a process rebuilding the index as ``assurance reindex`` does (started under
the limit). The limit lets the
index's first segment be (about 240 kB) but not the next one (about 540 kB) or a whole
rebuilt index.

* Applying changes: the server's follower fails, /readyz names the cause ("no room to
  write the search index") and turns not ready once the lag lasts; searches still
  answer from the generation written before; once the limit is raised the next pass
  catches up by itself and the index equals the database.
* Rebuilding: the rebuild fails naming the error (``OSError`` EFBIG), CURRENT still
  names the generation before and no unfinished generation is left; the server still
  searches; run again with room, the rebuild switches and the index equals the database.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import httpx

import migrations
from api.settings import Settings
from bench.live_server import ServerProcess
from indexer.storage import IndexStore
from indexer.sync import rebuild
from records.db import create_engine
from tests.support.records import ingest_files, last_position, record_keys
from tests.support.served import (
    FILE_SIZE_LIMIT,
    FULL_DISK_FIRST,
    FULL_DISK_LATER,
    MEETINGS_FOUND,
    NO_ROOM,
    assert_index_equals_database,
    assurance_server,
    data,
    limit_file_size,
    readyz,
    wait_for,
)


def _found(client: httpx.Client, server: ServerProcess, query: str) -> list[str]:
    result = data(client, server, MEETINGS_FOUND, q=query)
    return [edge["node"]["title"] for edge in result["search"]["edges"]]


# What ``assurance reindex`` runs, without the command line's imports (seconds on a
# busy machine): a rebuild of the index from the database.
REBUILD = """
import asyncio, sys
from indexer.storage import IndexStore
from indexer.sync import rebuild
from records.db import create_engine

async def main() -> None:
    engine = create_engine(sys.argv[1])
    try:
        print(await rebuild(engine, IndexStore(sys.argv[2])))
    finally:
        await engine.dispose()

asyncio.run(main())
"""


def _rebuild_with_no_room(settings: Settings) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", REBUILD, settings.resolved_database_url, str(settings.index_dir)],
        preexec_fn=limit_file_size,  # the test starts no threads that could fork with it
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )


async def test_a_full_disk_leaves_the_last_generation_serving_until_there_is_room(
    database_url: str, tmp_path: Path
) -> None:
    await migrations.upgrade(database_url)
    settings = Settings(data_dir=tmp_path / "var", database_url=database_url)
    store = IndexStore(settings.index_dir)
    engine = create_engine(database_url)
    extra = {"ASSURANCE_INDEX_READY_LAG_SECONDS": "1", "ASSURANCE_INDEX_SYNC_SECONDS": "0.5"}
    try:
        await ingest_files(engine, FULL_DISK_FIRST)
        with (
            assurance_server(settings, tmp_path / "server.log", extra_env=extra) as server,
            httpx.Client(timeout=30) as client,
        ):
            first = _found(client, server, "assurance")
            assert first, "the first meeting is searchable"
            before = store.current()
            assert before is not None

            # Applying changes with no room: the follower fails, the old generation serves.
            resource.prlimit(
                server.pid, resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, resource.RLIM_INFINITY)
            )
            await ingest_files(engine, *FULL_DISK_LATER)
            latest = await last_position(engine)

            def no_room() -> list[str]:
                status, body = readyz(client, server)
                reasons = body.get("reasons", []) if status == 503 else []
                return [reason for reason in reasons if NO_ROOM in reason]

            [reason] = wait_for(no_room, "/readyz not ready, naming the full disk")
            assert "File too large" in reason, reason
            assert store.current() == before and store.position() < latest
            assert _found(client, server, "assurance") == first
            assert data(client, server, MEETINGS_FOUND, q="x")["meetings"]["totalCount"] == 4

            # Room again: the next pass catches up without a restart.
            resource.prlimit(
                server.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
            )
            wait_for(lambda: readyz(client, server)[0] == 200, "ready once there is room")
            wait_for(lambda: store.position() == latest, "the index caught up")
            await assert_index_equals_database(engine, settings.index_dir)
            assert "Eastmoor" in " ".join(_found(client, server, "performance"))

            # Rebuilding with no room: fails, CURRENT and the searches stay as they were.
            current = store.current()
            failed = _rebuild_with_no_room(settings)
            assert failed.returncode != 0
            assert "OSError: [Errno 27] File too large" in failed.stderr, failed.stderr[-2000:]
            assert store.current() == current
            assert store.generations() == [current], "no unfinished generation is left"
            assert _found(client, server, "assurance") != []
            await assert_index_equals_database(engine, settings.index_dir)

            # With room the rebuild switches to a new generation.
            assert await rebuild(engine, store) == len(await record_keys(engine))
            assert store.current() != current
            await assert_index_equals_database(engine, settings.index_dir)
            assert _found(client, server, "assurance") != []
    finally:
        await engine.dispose()
