"""A served API for the benchmarks: a subprocess on a free loopback port, and its requests.

``serve`` starts the app (uvicorn on the app factory, or ``assurance serve``) with the
``ASSURANCE_*`` settings of a data folder, waits for ``/readyz`` and stops it when the
block ends; ``ServerProcess`` is such a server to start, kill (-9) and start again.
``post_graphql`` times one request until its whole body is read, and ``HttpResult``
gathers the timings of one class of request.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
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


class ServerProcess:
    """A server subprocess on a loopback port, in a process group of its own: ``kill``
    ends it and every process it started (workers, upload workers) at once, as a crash
    or ``kill -9`` would; ``start`` again serves the same data folder (on the same port,
    unless ``port`` is changed)."""

    def __init__(
        self,
        settings: Settings,
        workers: int,
        log_path: Path,
        *,
        command: ServerCommand = uvicorn_command,
        extra_env: Mapping[str, str] | None = None,
        port: int | None = None,
    ) -> None:
        self.settings = settings
        self.workers = workers
        self.log_path = log_path
        self.command = command
        self.extra_env = extra_env
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.ready_seconds = math.nan
        self._started = 0.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The GraphQL endpoint."""
        return f"{self.base}/graphql"

    @property
    def pid(self) -> int:
        if self.process is None:
            raise RuntimeError("the server is not started")
        return self.process.pid

    def start(self) -> None:
        """Start the process (its output appended to the log); ``wait_until_ready`` next."""
        started = time.perf_counter()
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(self.port, self.workers),
                env=server_environment(self.settings, self.extra_env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._started = started

    def wait_until_ready(self) -> None:
        if self.process is None:
            raise RuntimeError("the server is not started")
        wait_until_ready(self.process, self.base, self.log_path)
        self.ready_seconds = time.perf_counter() - self._started

    def kill(self) -> None:
        """SIGKILL to the whole process group: nothing gets to clean up."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        """Ask the server to stop (SIGTERM); kill it if it has not within 15 s."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()
            self.process = None


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
    server = ServerProcess(settings, workers, log_path, command=command, extra_env=extra_env)
    log_path.write_bytes(b"")
    server.start()
    try:
        server.wait_until_ready()
        yield Server(server.url, server.ready_seconds, server.pid)
    finally:
        server.stop()


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
