"""A PostgreSQL server of a test's own, to stop and start again (never the shared one).

``initdb`` and ``pg_ctl`` from the PostgreSQL 15 binaries, run as the ``postgres`` user
(``runuser``, since the tests run as root; as that user directly otherwise), with the
data folder in a fresh temporary folder owned by that user and a free loopback port.
Durability is switched off (``fsync``, ``full_page_writes``): the cluster lives for one test.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.live_server import free_port

BINARIES = Path(os.environ.get("ASSURANCE_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "postgres"


def missing() -> str | None:
    """Why a private cluster cannot be made here, or None when it can."""
    for name in ("initdb", "pg_ctl"):
        if not (BINARIES / name).is_file():
            return f"{BINARIES / name} is missing (PostgreSQL 15 server binaries)"
    try:
        pwd.getpwnam(USER)
    except KeyError:
        return f"there is no {USER!r} user to run PostgreSQL as"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "runuser is missing (needed to run PostgreSQL as postgres from root)"
    return None


@dataclass
class PrivateCluster:
    folder: Path  # owned by postgres: data/, the socket, the log
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    @property
    def url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str, timeout: float = 60) -> None:
        prefix = ["runuser", "-u", USER, "--"] if os.geteuid() == 0 else []
        done = subprocess.run(
            [*prefix, *command], capture_output=True, text=True, timeout=timeout, check=False
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}{log}")

    def init(self) -> None:
        self._run(
            str(BINARIES / "initdb"), "-D", str(self.data), "-U", USER,
            "--auth=trust", "--no-sync", "--no-instructions", "-E", "UTF8",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        self._run(
            str(BINARIES / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run(
            str(BINARIES / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop"
        )


@contextlib.contextmanager
def private_cluster() -> Iterator[PrivateCluster]:
    """A started cluster of this test's own; stopped and removed when the block ends."""
    folder = Path(tempfile.mkdtemp(prefix="assurance-pg-"))
    owner = pwd.getpwnam(USER)
    os.chown(folder, owner.pw_uid, owner.pw_gid)
    cluster = PrivateCluster(folder, free_port())
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        if (cluster.data / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)
