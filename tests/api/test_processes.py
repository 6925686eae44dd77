"""Several server processes on one database, each following the change log with its own
index: real ``assurance serve`` processes on loopback ports (one of them with two workers
sharing an index folder), on one PostgreSQL database and on one SQLite file.

Uploads, an ``assurance ingest`` run of its own and updateAction go through some
processes; reads and searches through the others. After each write every process's
index comes to hold exactly the database's records (the same ids, the same counts), and
a read through another process sees the write at once (its ETag
moves with the database). Then a process is killed (-9) during an upload and started
again: the upload is stored whole or not at all, never twice, and its index catches up.
The kill lands inside the upload's write transaction (seen holding the write lock).

How soon the indexes catch up is not asserted here (four processes on a busy machine
may take longer than the bound): bench/follow_bench.py measures it against the bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from api.auth import Role, create_key
from api.settings import Settings
from bench.live_server import ServerProcess, assurance_command, server_environment
from indexer.storage import IndexStore
from records.db import create_engine, session_factory
from records.models import Action, AgendaItem, Meeting, Metric, SourceDocument
from tests.support.paths import SAMPLES
from tests.support.records import index_snapshot, ingest_files, last_position, record_keys
from tests.support.served import writing

# The default bound: a write is searchable through every process within it.
BOUND = Settings().index_sync_seconds
# How long a test waits for the indexes to catch up (a busy machine).
PATIENCE = 20 * BOUND
UPLOADED = SAMPLES / "northshire-monthly-assurance-2021-03.txt"
INGESTED = SAMPLES / "eastmoor-performance-2021-06.txt"
KILLED = SAMPLES / "eastmoor-thematic-cse-2020-11.pdf"  # the upload its server dies in

INGEST = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) { meeting { id title } outcome errors { code message } }
}
"""
UPDATE_ACTION = """
mutation Update($id: ID!, $note: String!) {
  updateAction(id: $id, status: COMPLETED, note: $note) {
    action { id status } errors { code message }
  }
}
"""
MEETING_ACTIONS = """
query Actions($id: ID!) { meeting(id: $id) { actions { id status } } }
"""
FOUND = """
query Found($q: String!) {
  meetings { totalCount }
  search(query: $q, filter: {types: [MEETING]}, first: 50) {
    edges { node { ... on Meeting { id } } }
  }
}
"""


@dataclass
class Cluster:
    url: str  # the database
    engine: AsyncEngine
    servers: dict[str, ServerProcess]
    key: str  # an editor's API key
    client: httpx.AsyncClient

    async def post(self, server: str, query: str, **variables: Any) -> dict[str, Any]:
        response = await self.client.post(
            self.servers[server].url,
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.key}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body["data"]

    async def upload(self, server: str, path: Path) -> dict[str, Any]:
        operations = {"query": INGEST, "variables": {"file": None}}
        response = await self.client.post(
            self.servers[server].url,
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (path.name, path.read_bytes(), "application/octet-stream")},
            headers={"Authorization": f"Bearer {self.key}", "Apollo-Require-Preflight": "true"},
            timeout=120,
        )
        assert response.status_code == 200, response.text
        payload: dict[str, Any] = response.json()["data"]["ingestDocument"]
        assert payload["errors"] == [], payload
        return payload

    async def converge(self, after: str, *, without: str | None = None) -> None:
        """Every server's index comes to hold exactly the database's records."""
        latest, keys = await last_position(self.engine), await record_keys(self.engine)
        deadline = time.monotonic() + PATIENCE
        for name, server in self.servers.items():
            if name == without:
                continue
            while True:
                index = (await self.client.get(f"{server.base}/readyz")).json()["index"]
                if index["position"] >= latest:
                    break
                assert time.monotonic() < deadline, (
                    f"{name}'s index was still behind {PATIENCE} s after {after}: {index}"
                )
                await asyncio.sleep(0.02)
            store = IndexStore(server.settings.index_dir)
            assert store.position() == latest, name
            assert set(index_snapshot(store)) == keys, f"{name}'s index after {after}"
            assert index["documents"] == len(keys), name

    async def found_everywhere(self, meeting: dict[str, Any]) -> None:
        """Each server counts the database's meetings and finds ``meeting`` by its title."""
        async with session_factory(self.engine)() as session:
            meetings = await session.scalar(select(func.count()).select_from(Meeting))
        for name in self.servers:
            data = await self.post(name, FOUND, q=meeting["title"])
            assert data["meetings"]["totalCount"] == meetings, name
            hits = [edge["node"]["id"] for edge in data["search"]["edges"]]
            assert meeting["id"] in hits, (name, meeting, hits)


@contextlib.contextmanager
def _servers(settings: dict[str, Settings], tmp_path: Path) -> Iterator[dict[str, ServerProcess]]:
    servers = {
        name: ServerProcess(
            config,
            2 if name == "c" else 1,  # c: `assurance serve --workers 2`, one index folder
            tmp_path / f"{name}.log",
            command=assurance_command,
        )
        for name, config in settings.items()
    }
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():
            server.wait_until_ready()
        yield servers
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture
async def cluster(database_url: str, tmp_path: Path) -> AsyncIterator[Cluster]:
    await migrations.upgrade(database_url)
    engine = create_engine(database_url)
    settings = {
        name: Settings(data_dir=tmp_path / name, database_url=database_url)
        for name in ("a", "b", "c")
    }
    try:
        _, key = await create_key(engine, name="editor", role=Role.EDITOR)
        with _servers(settings, tmp_path) as servers:
            async with httpx.AsyncClient(timeout=30) as client:
                yield Cluster(database_url, engine, servers, key, client)
    finally:
        await engine.dispose()


def _ingest_on_its_own(url: str, path: Path, data_dir: Path) -> None:
    """``assurance ingest`` as an operator runs it, with an index folder of its own."""
    settings = Settings(data_dir=data_dir, database_url=url)
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "ingest", str(path)],
        env=server_environment(settings, {"ASSURANCE_INGEST_WORKERS": "1"}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


async def _records_of(engine: AsyncEngine, sha256: str) -> list[tuple[int, int, int, int]]:
    """For each meeting with a document of ``sha256``: its documents, items, actions and
    metrics."""
    async with session_factory(engine)() as session:
        meeting_ids = list(
            await session.scalars(
                select(SourceDocument.meeting_id).where(SourceDocument.sha256 == sha256)
            )
        )
        found = []
        for meeting_id in meeting_ids:
            row = []
            for model in (SourceDocument, AgendaItem, Action, Metric):
                row.append(
                    int(
                        await session.scalar(
                            select(func.count())
                            .select_from(model)
                            .where(model.meeting_id == meeting_id)
                        )
                        or 0
                    )
                )
            found.append((row[0], row[1], row[2], row[3]))
    return found


async def _clean_ingest(path: Path, folder: Path) -> tuple[int, int, int, int]:
    """What ``path`` stores in an empty database."""
    url = f"sqlite+aiosqlite:///{folder / 'clean.db'}"
    folder.mkdir()
    await migrations.upgrade(url)
    engine = create_engine(url)
    try:
        await ingest_files(engine, path)
        [records] = await _records_of(engine, hashlib.sha256(path.read_bytes()).hexdigest())
    finally:
        await engine.dispose()
    return records


async def test_processes_follow_one_database(cluster: Cluster, tmp_path: Path) -> None:
    expected_killed = await _clean_ingest(KILLED, tmp_path / "clean")

    # An upload through a; searched for through every process.
    uploaded = (await cluster.upload("a", UPLOADED))["meeting"]
    await cluster.converge("an upload through a")
    await cluster.found_everywhere(uploaded)

    # A read cached by b, then updateAction through a: b's next read sees it.
    params = {"query": MEETING_ACTIONS, "variables": json.dumps({"id": uploaded["id"]})}
    before = await cluster.client.get(cluster.servers["b"].url, params=params)
    actions = before.json()["data"]["meeting"]["actions"]
    action = next(a for a in actions if a["status"] != "COMPLETED")
    updated = await cluster.post("a", UPDATE_ACTION, id=action["id"], note="done in a")
    assert updated["updateAction"]["errors"] == []
    for name in ("b", "c"):
        after = await cluster.client.get(
            cluster.servers[name].url,
            params=params,
            headers={"If-None-Match": before.headers["etag"]},
        )
        assert after.status_code == 200, name
        statuses = {a["id"]: a["status"] for a in after.json()["data"]["meeting"]["actions"]}
        assert statuses[action["id"]] == "COMPLETED", name
    await cluster.converge("updateAction through a")

    # `assurance ingest` on its own, with its own index folder.
    _ingest_on_its_own(cluster.url, INGESTED, tmp_path / "cli")
    await cluster.converge("assurance ingest")
    async with session_factory(cluster.engine)() as session:
        title = await session.scalar(
            select(Meeting.title)
            .join(SourceDocument, SourceDocument.meeting_id == Meeting.id)
            .where(SourceDocument.file_name == INGESTED.name)
        )
    assert title is not None
    found = await cluster.post("c", FOUND, q=title)
    assert found["search"]["edges"], "c finds the meeting `assurance ingest` stored"

    # b killed (-9, with its upload workers) inside an upload's write, then started again.
    sha = hashlib.sha256(KILLED.read_bytes()).hexdigest()
    upload = asyncio.create_task(cluster.upload("b", KILLED))
    while not await writing(cluster.engine):
        assert not upload.done(), "the upload ended before its write was seen"
        await asyncio.sleep(0.001)
    cluster.servers["b"].kill()
    with contextlib.suppress(httpx.HTTPError):
        await upload  # cut off (or answered, had it just committed)
    assert await _records_of(cluster.engine, sha) in ([], [expected_killed])  # whole or none
    await cluster.converge("b was killed (the others)", without="b")
    cluster.servers["b"].start()
    cluster.servers["b"].wait_until_ready()
    await cluster.converge("b was killed and started again")
    again = await cluster.upload("b", KILLED)
    assert again["outcome"] in ("STORED", "UNCHANGED")
    assert await _records_of(cluster.engine, sha) == [expected_killed]  # once
    await cluster.converge("the upload was sent again")
    await cluster.found_everywhere(again["meeting"])
