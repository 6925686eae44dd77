"""The processes of a benchmark: the /proc tree, resident memory sampled while work runs,
survivors looked for afterwards (Linux)."""

from __future__ import annotations

import math
import os
import signal
import threading
from collections.abc import Callable, Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

MB: Final = 1024 * 1024
SAMPLE_SECONDS: Final = 0.02
CLK_TCK: Final = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class ProcessInfo:
    pid: int
    ppid: int
    state: str
    start_ticks: int  # since boot: with the pid, names one process even if the pid is reused
    cpu_ticks: int  # user and system


def process_info(pid: int) -> ProcessInfo | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces
    return ProcessInfo(
        pid=pid,
        ppid=int(fields[1]),
        state=fields[0],
        start_ticks=int(fields[19]),
        cpu_ticks=int(fields[11]) + int(fields[12]),
    )


def all_processes() -> dict[int, ProcessInfo]:
    found: dict[int, ProcessInfo] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            info = process_info(int(entry.name))
            if info is not None:
                found[info.pid] = info
    return found


def descendants(root: int, table: Mapping[int, ProcessInfo]) -> list[int]:
    """The processes below ``root`` through parent links (not ``root`` itself)."""
    children: dict[int, list[int]] = {}
    for info in table.values():
        children.setdefault(info.ppid, []).append(info.pid)
    found: list[int] = []
    pending = list(children.get(root, ()))
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, ()))
    return found


def resident_bytes(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return 0  # a zombie has no VmRSS line


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


def process_kind(pid: int, table: Mapping[int, ProcessInfo]) -> str:
    """What a process of ours is, from its command line (multiprocessing's children)."""
    command = command_line(pid)
    if "resource_tracker" in command:
        return "resource tracker"
    if "multiprocessing.forkserver" in command:
        # Workers fork from the fork server and keep its command line.
        parent = table.get(pid)
        parent_command = command_line(parent.ppid) if parent else ""
        return "worker" if "multiprocessing.forkserver" in parent_command else "fork server"
    if "spawn_main" in command:
        return "server worker"
    return "other"


def megabytes(size: int | None) -> float:
    return math.nan if size is None else size / MB


class MemorySampler:
    """Samples the summed and the largest resident memory of some processes every
    ``interval`` seconds (20 ms unless told).

    ``roots`` gives the pids to watch at each sample; with ``tree`` their descendants
    (found through parent links) are counted too. Every process seen is remembered,
    with its start time, so that survivors can be looked for afterwards.
    """

    def __init__(
        self,
        roots: Callable[[], Iterable[int]],
        *,
        tree: bool,
        interval: float = SAMPLE_SECONDS,
    ) -> None:
        self.roots = roots
        self.tree = tree
        self.interval = interval
        self.first_total = 0
        self.peak_total = 0
        self.peak_process = 0
        self.samples = 0
        self.seen: dict[int, int] = {}  # pid -> start ticks
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="memory-sampler", daemon=True)

    def __enter__(self) -> MemorySampler:
        self.sample()
        self.first_total = self.peak_total
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        pids = set(self.roots())
        if self.tree:
            table = all_processes()
            for root in list(pids):
                pids.update(descendants(root, table))
            for pid in pids:
                if pid in table:
                    self.seen.setdefault(pid, table[pid].start_ticks)
        sizes = [size for size in map(resident_bytes, pids) if size is not None]
        self.samples += 1
        self.peak_total = max(self.peak_total, sum(sizes))
        self.peak_process = max(self.peak_process, max(sizes, default=0))


def alive(pids: Mapping[int, int]) -> tuple[list[int], list[int]]:
    """Of ``pids`` (pid -> start ticks): those still running, and those dead but unreaped."""
    running: list[int] = []
    zombies: list[int] = []
    for pid, start in pids.items():
        info = process_info(pid)
        if info is None or info.start_ticks != start:
            continue
        (zombies if info.state in ("Z", "X") else running).append(pid)
    return running, zombies


def kill_survivors(pids: Mapping[int, int]) -> None:
    """SIGKILL the processes of ours in ``pids`` that are still running (by pid, checked)."""
    for pid in alive(pids)[0]:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
