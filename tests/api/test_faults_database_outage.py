"""PostgreSQL stopped under load, then started again.

A PostgreSQL server of the test's own (``tests.support.private_postgres``; the shared
server is never stopped) serves a real ``assurance serve`` while clients keep reading
and searching. While the database is down every answer is a JSON error with a code
(no stack trace, no plain-text 500) and /readyz says not ready, naming the database.
Each phase lasts until it has been seen (polled every 50 ms, not slept through): the
outage until /readyz has said so and the clients have been answered twice each. Once
the database is back the same server process answers again by itself, its readiness
returns, and a meeting stored after the outage becomes searchable through it (its
index follower recovered too).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import migrations
from api.settings import Settings
from records.db import create_engine
from tests.support.paths import SAMPLES
from tests.support.private_postgres import missing, private_cluster
from tests.support.records import ingest_files
from tests.support.served import MEETINGS_FOUND, assurance_server

CLIENTS = 4
ANSWERS = 2 * CLIENTS  # answers seen in a phase before the next one begins
BEFORE = SAMPLES / "northshire-monthly-assurance-2021-03.txt"
AFTER = SAMPLES / "eastmoor-performance-2021-06.txt"
READ = "{ meetings(first: 5) { totalCount edges { node { id title date } } } }"

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))


@dataclass
class Load:
    """Clients reading and searching without pause; each answer kept with its phase."""

    url: str
    phase: str = "before"
    answers: dict[str, list[httpx.Response]] = field(default_factory=dict)
    failures: dict[str, list[str]] = field(default_factory=dict)
    running: bool = True

    async def client(self, number: int) -> None:
        async with httpx.AsyncClient(timeout=30) as client:
            turn = 0
            while self.running:
                turn += 1
                phase = self.phase
                body: dict[str, Any] = (
                    {"query": MEETINGS_FOUND, "variables": {"q": "assurance"}}
                    if (number + turn) % 2
                    else {"query": READ}
                )
                try:
                    response = await client.post(self.url, json=body)
                except httpx.HTTPError as exc:  # the server must keep answering
                    self.failures.setdefault(phase, []).append(repr(exc))
                    await asyncio.sleep(0.05)
                    continue
                self.answers.setdefault(phase, []).append(response)
                await asyncio.sleep(0.01)

    def ok(self, phase: str) -> list[httpx.Response]:
        return [
            r
            for r in self.answers.get(phase, [])
            if r.status_code == 200 and "errors" not in r.json()
        ]


async def _wait(probe: Any, what: str, seconds: float) -> Any:
    """``await probe()``'s first true answer within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not (found := await probe()):
        assert time.monotonic() < deadline, f"not within {seconds:g} s: {what}"
        await asyncio.sleep(0.05)
    return found


async def test_postgresql_down_under_load_gives_clear_errors_then_recovers_by_itself(
    tmp_path: Path,
) -> None:
    with private_cluster() as cluster:
        await migrations.upgrade(cluster.url)
        engine = create_engine(cluster.url)
        try:
            await ingest_files(engine, BEFORE)
        finally:
            await engine.dispose()
        settings = Settings(data_dir=tmp_path / "var", database_url=cluster.url)
        with assurance_server(settings, tmp_path / "server.log") as server:
            pid = server.pid
            load = Load(server.url)
            clients = [asyncio.create_task(load.client(n)) for n in range(CLIENTS)]
            async with httpx.AsyncClient(timeout=30) as probe:

                async def ready() -> bool:
                    return (await probe.get(f"{server.base}/readyz")).status_code == 200

                try:

                    async def answering() -> bool:
                        return len(load.ok("before")) >= ANSWERS

                    await _wait(answering, "answers before the outage", 30)

                    await asyncio.to_thread(cluster.stop, "fast")
                    load.phase = "down"

                    async def not_ready() -> httpx.Response | None:
                        readiness = await probe.get(f"{server.base}/readyz")
                        return None if readiness.status_code == 200 else readiness

                    readiness = await _wait(not_ready, "/readyz not ready in the outage", 30)
                    assert readiness.status_code == 503, readiness.text
                    assert any("database" in r for r in readiness.json()["reasons"]), readiness.text

                    async def refused() -> bool:
                        return len(load.answers.get("down", [])) >= ANSWERS

                    await _wait(refused, "answers during the outage", 30)

                    load.phase = "restarting"
                    await asyncio.to_thread(cluster.start)
                    await _wait(ready, "ready again after the database came back", 30)
                    load.phase = "after"

                    async def answering_again() -> bool:
                        return len(load.answers.get("after", [])) >= ANSWERS

                    await _wait(answering_again, "answers after the outage", 30)
                finally:
                    load.running = False
                    await asyncio.gather(*clients)

                assert server.process is not None and server.process.poll() is None
                assert server.pid == pid  # the same process: not restarted
                down = load.answers["down"]
                assert not load.failures, load.failures
                for response in down:
                    assert response.status_code == 503, (response.status_code, response.text)
                    assert response.headers["content-type"].startswith("application/json")
                    assert response.headers["retry-after"]
                    [error] = response.json()["errors"]
                    assert error["extensions"]["code"] == "DATABASE_UNAVAILABLE", error
                    assert "database" in error["message"], error
                after = load.answers["after"]
                assert after and load.ok("after") == after, [r.text for r in after][:3]

                # Written after the outage (by another process): found through this server.
                engine = create_engine(cluster.url)
                try:
                    await ingest_files(engine, AFTER)
                finally:
                    await engine.dispose()

                async def found() -> bool:
                    response = await probe.post(
                        server.url,
                        json={"query": MEETINGS_FOUND, "variables": {"q": "performance"}},
                    )
                    body = response.json()
                    return (
                        "errors" not in body
                        and body["data"]["meetings"]["totalCount"] == 2
                        and any(
                            "erformance" in edge["node"]["title"]
                            for edge in body["data"]["search"]["edges"]
                        )
                    )

                await _wait(found, "the meeting stored after the outage is found", 30)
