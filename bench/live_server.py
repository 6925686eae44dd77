"""A served API for the benchmarks: a subprocess on a free loopback port, and its requests.

``serve`` starts the app (uvicorn on the app factory, or ``assurance serve``) with the
``ASSURANCE_*`` settings of a data folder, waits for ``/readyz`` and stops it when the
block ends. ``post_graphql`` times one request until its whole body is read, and
``HttpResult`` gathers the timings of one class of request.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import httpx

from api.settings import Settings
from bench.search_bench import percentile

APP_FACTORY: Final = "api.app:app_from_environment"
READY_TIMEOUT: Final = 120.0

# The command line of a server on ``port`` with ``workers`` processes.
ServerCommand = Callable[[int, int], list[str]]


def uvicorn_command(port: int, workers: int) -> list[str]:
    """uvicorn on the app factory, quiet: what the GraphQL benchmark times."""
    return [
        sys.executable, "-m", "uvicorn", APP_FACTORY, "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip


def assurance_command(port: int, workers: int) -> list[str]:
    """``assurance serve`` as an operator runs it (migration check, shared metrics folder)."""
    return [
        sys.executable, "-m", "api.cli", "serve",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
    ]  # fmt: skip


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(
    settings: Settings, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """This process's environment with the ``ASSURANCE_*`` settings of the data folder
    (and ``extra`` variables on top)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSURANCE_")}
    env["ASSURANCE_DATA_DIR"] = str(settings.data_dir.resolve())
    if settings.database_url:
        env["ASSURANCE_DATABASE_URL"] = settings.database_url
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class Server:
    url: str  # the GraphQL endpoint
    ready_seconds: float
    pid: int  # the process started (with several workers, their supervisor)


@contextlib.contextmanager
def serve(
    settings: Settings,
    workers: int,
    log_path: Path,
    *,
    command: ServerCommand = uvicorn_command,
    extra_env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """The app served on a free loopback port, until the block ends."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command(port, workers),
            env=server_environment(settings, extra_env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_ready(process, base, log_path)
            yield Server(f"{base}/graphql", time.perf_counter() - started, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_ready(process: subprocess.Popen[bytes], base: str, log_path: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    with httpx.Client(timeout=5.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped: {tail(log_path)}")
            with contextlib.suppress(httpx.HTTPError):
                if client.get(f"{base}/readyz").status_code == 200:
                    return
            time.sleep(0.1)
    raise RuntimeError(f"the server was not ready in {READY_TIMEOUT:.0f}s: {tail(log_path)}")


def tail(path: Path, lines: int = 8) -> str:
    return " | ".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


@dataclass
class HttpResult:
    """The timed requests of one class at one concurrency."""

    name: str
    concurrency: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    first_error: str | None = None

    @property
    def requests(self) -> int:
        return len(self.latencies_ms)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def p(self, share: float) -> float:
        return percentile(self.latencies_ms, share) if self.latencies_ms else math.nan

    def record(self, elapsed_ms: float, error: str | None) -> None:
        self.latencies_ms.append(elapsed_ms)
        if error is not None:
            self.errors += 1
            self.first_error = self.first_error or error


async def post_graphql(
    client: httpx.AsyncClient,
    url: str,
    query: str,
    variables: dict[str, Any],
    headers: Mapping[str, str] | None = None,
) -> tuple[float, str | None]:
    """Milliseconds until the whole response is read, and what was wrong with it, if anything."""
    started = time.perf_counter()
    response = await client.post(
        url, json={"query": query, "variables": variables}, headers=headers
    )
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed, response_error(response)


def response_error(response: httpx.Response) -> str | None:
    """What was wrong with a GraphQL response (a status other than 200, ``errors``), or None."""
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if body.get("errors"):
        return json.dumps(body["errors"])[:200]
    return None
