"""``assurance keys create`` and ``assurance serve``, run as a user runs them."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from api.auth import hash_key
from api.cli import app
from records.db import create_engine, session_factory
from records.models import ApiKey


@pytest.fixture
def runner(tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ASSURANCE_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("ASSURANCE_DATABASE_URL", database_url)
    return CliRunner()


def _stored_keys(database_url: str) -> list[tuple[str, str, str]]:
    async def read() -> list[tuple[str, str, str]]:
        engine = create_engine(database_url)
        try:
            async with session_factory(engine)() as session:
                rows = await session.execute(select(ApiKey.name, ApiKey.role, ApiKey.key_hash))
                return [(r.name, r.role, r.key_hash) for r in rows]
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_keys_create_prints_the_key_once_and_stores_its_hash(
    runner: CliRunner, database_url: str
) -> None:
    result = runner.invoke(app, ["keys", "create", "--role", "editor", "--name", "force system"])
    assert result.exit_code == 0, result.output
    key = result.stdout.strip().splitlines()[-1]
    assert key.startswith("ak_") and len(key) > 40
    assert _stored_keys(database_url) == [("force system", "editor", hash_key(key))]
    bad = runner.invoke(app, ["keys", "create", "--role", "owner", "--name", "x"])
    assert bad.exit_code != 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


MORE_REQUESTS = 19


def _graphql_requests(exposition: str) -> float:
    """The sum of ``assurance_http_requests_total`` samples for POST /graphql."""
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in exposition.splitlines()
        if line.startswith("assurance_http_requests_total{")
        and 'route="/graphql"' in line
        and 'method="POST"' in line
    )


def test_serve_runs_the_app_factory_with_workers(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "ASSURANCE_DATA_DIR": str(tmp_path / "var")}
    env.pop("ASSURANCE_DATABASE_URL", None)
    assurance = [sys.executable, "-m", "api.cli"]
    process = subprocess.Popen(
        [*assurance, "serve", "--port", str(port), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        ready = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready is not None and ready.status_code == 200, "the server did not come up"
        query = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": "{ themes { code } }"},
            timeout=10,
        )
        assert query.status_code == 200 and "errors" not in query.json()
        assert query.headers["x-request-id"]
        for _ in range(MORE_REQUESTS):  # a new connection each: the workers share them
            httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": "{ themes { code } }"})
        metrics = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
        # Whichever worker answers counts every worker's requests.
        assert _graphql_requests(metrics) == 1 + MORE_REQUESTS
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/graphql" in output
