"""``assurance serve`` as a real process for the fault tests: started on a data folder and a
database, asked over HTTP, killed or stopped, and its index compared with the database;
and the full disk those tests give a process that writes the index."""

from __future__ import annotations

import contextlib
import resource
import signal
import sqlite3
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from api.settings import Settings
from bench.live_server import ServerProcess, assurance_command
from indexer.storage import LOCK_FILE, FileLock, IndexStore
from records.db import WRITE_LOCK_KEY
from tests.support.paths import SAMPLES
from tests.support.records import index_snapshot, last_position, record_keys

MEETINGS_FOUND = """
query Found($q: String!) {
  meetings { totalCount }
  search(query: $q, filter: {types: [MEETING]}, first: 50) {
    totalCount edges { node { ... on Meeting { id title } } }
  }
}
"""

# A full disk, for real: a process may write no more than FILE_SIZE_LIMIT bytes to one file
# (RLIMIT_FSIZE, SIGXFSZ ignored), so a write past it fails with EFBIG as it would with
# ENOSPC. The index of FULL_DISK_FIRST fits (its first segment, about 240 kB); FULL_DISK_LATER
# added needs a segment past the limit (about 540 kB), as does a whole rebuilt index.
FILE_SIZE_LIMIT = 384 * 1024
FULL_DISK_FIRST = SAMPLES / "northshire-monthly-assurance-2021-03.txt"
FULL_DISK_LATER = (
    SAMPLES / "eastmoor-performance-2021-06.txt",
    SAMPLES / "eastmoor-performance-2019-10.txt",
    SAMPLES / "eastmoor-thematic-soc-2023-05.txt",
)
NO_ROOM = "no room to write the search index"  # how the app and the commands name it


def limit_file_size() -> None:
    """In a child before exec (``preexec_fn``): writes past FILE_SIZE_LIMIT bytes to a file
    fail (EFBIG) instead of killing the process."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, resource.RLIM_INFINITY))


@contextlib.contextmanager
def assurance_server(
    settings: Settings, log: Path, *, extra_env: Mapping[str, str] | None = None
) -> Iterator[ServerProcess]:
    """``assurance serve`` (one process) on ``settings``' data folder and database,
    started and ready; stopped when the block ends."""
    server = ServerProcess(settings, 1, log, command=assurance_command, extra_env=extra_env)
    server.start()
    try:
        server.wait_until_ready()
        yield server
    finally:
        server.stop()


def post(
    client: httpx.Client, server: ServerProcess, query: str, **variables: Any
) -> httpx.Response:
    return client.post(server.url, json={"query": query, "variables": variables})


def data(client: httpx.Client, server: ServerProcess, query: str, **variables: Any) -> Any:
    """The ``data`` of a query that must succeed."""
    response = post(client, server, query, **variables)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


def readyz(client: httpx.Client, server: ServerProcess) -> tuple[int, dict[str, Any]]:
    response = client.get(f"{server.base}/readyz")
    return response.status_code, response.json()


def wait_for(probe: Any, what: str, *, seconds: float = 45.0, every: float = 0.1) -> Any:
    """``probe()``'s first true answer within ``seconds``; fails naming ``what`` otherwise."""
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        if found:
            return found
        assert time.monotonic() < deadline, f"not within {seconds:g} s: {what}"
        time.sleep(every)


async def assert_index_equals_database(engine: AsyncEngine, index_dir: Path) -> None:
    """The index's CURRENT generation is at the change log's last position and holds a
    document for exactly the database's records."""
    store = IndexStore(index_dir)
    assert store.position() == await last_position(engine)
    assert set(index_snapshot(store)) == await record_keys(engine)


async def writing(engine: AsyncEngine) -> bool:
    """True while a write transaction holds the database's write lock (``write_session``)."""
    if engine.dialect.name == "postgresql":
        async with engine.connect() as conn:
            held = await conn.scalar(
                text(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
                    "AND objid = :key AND granted)"
                ),
                {"key": WRITE_LOCK_KEY},
            )
            return bool(held)
    probe = sqlite3.connect(engine.url.database or "", timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:  # "database is locked": a writer holds it
        return True
    finally:
        probe.close()


def index_locked(store: IndexStore) -> bool:
    """True while a process holds the index folder's write lock (applying changes)."""
    lock = FileLock(store.root / LOCK_FILE, 0)
    if not store.root.is_dir() or lock.try_acquire():
        lock.release()
        return False
    return True
