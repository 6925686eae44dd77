"""Reading and parsing in worker processes: limits, failures that stay one file's, clean exits."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.errors import IngestError, IngestErrorCode
from ingest.parse.themes import load_base_glossary
from ingest.pipeline import ingest_paths
from ingest.prepare import PreparedDocument
from ingest.read import ReadLimits
from ingest.workers import IngestLimits, PathTask, WorkerPool
from records.db import session_factory
from records.models import Meeting
from tests.support.hostile_files import docx_bomb, large_minutes_text, pdf_page_bomb
from tests.support.paths import SAMPLES, SEED

GOOD = (
    SAMPLES / "northshire-monthly-assurance-2019-08.txt",
    SAMPLES / "eastmoor-performance-2021-06.txt",
    SAMPLES / "northshire-thematic-vawg-2022-06.docx",
    SAMPLES / "northshire-thematic-soc-2021-04.pdf",
)
GLOSSARY = load_base_glossary()
MB = 1024 * 1024
SMALL = ReadLimits(max_bytes=MB, max_pdf_pages=40)

# name -> (bytes, the code it is refused with, the start of the reason)
BAD: dict[str, tuple[bytes, IngestErrorCode, str]] = {
    "empty.txt": (b"", IngestErrorCode.EMPTY_FILE, "file is empty"),
    "binary.txt": (bytes(range(256)) * 40, IngestErrorCode.UNREADABLE, "not a text file"),
    "shopping.txt": (
        b"Eggs\nMilk\nBread\nA short list of things to buy on the way home.\n",
        IngestErrorCode.NOT_MINUTES,
        "not meeting minutes",
    ),
    "broken.pdf": (b"%PDF-1.7\n garbage", IngestErrorCode.UNREADABLE, "not a valid PDF"),
    "broken.docx": (b"PK\x03\x04 garbage", IngestErrorCode.UNREADABLE, "not a valid Word"),
    "huge.txt": (large_minutes_text(1.5), IngestErrorCode.TOO_LARGE, "file is 1.5 MB, over"),
    "bomb.docx": (docx_bomb(20), IngestErrorCode.TOO_LARGE, "Word document part"),
    "pages.pdf": (pdf_page_bomb(41), IngestErrorCode.TOO_LARGE, "PDF has 41 pages, over"),
}


def test_ingest_error_pickles_with_its_code() -> None:
    error = IngestError("a.pdf", "PDF is encrypted", IngestErrorCode.UNREADABLE)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.file_name, copy.reason, copy.code) == ("a.pdf", "PDF is encrypted", "UNREADABLE")
    assert str(copy) == "a.pdf: PDF is encrypted"


async def test_a_folder_of_good_and_bad_files_through_worker_processes(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for path in GOOD:
        (folder / path.name).write_bytes(path.read_bytes())
    for name, (data, _, _) in BAD.items():
        (folder / name).write_bytes(data)

    summary = await ingest_paths(
        engine, [folder, tmp_path / "missing.txt"], limits=IngestLimits(read=SMALL), workers=2
    )

    reports = {report.path.name: report for report in summary.reports}
    assert set(reports) == {p.name for p in GOOD} | set(BAD) | {"missing.txt"}
    for name, (_, code, reason) in BAD.items():
        assert (reports[name].error_code, reports[name].error[: len(reason)]) == (code, reason)
    assert reports["missing.txt"].error_code is IngestErrorCode.NOT_FOUND
    assert not any(reports[path.name].failed for path in GOOD)
    async with session_factory(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(Meeting)) == len(GOOD)


def test_a_file_over_the_time_limit_is_stopped_and_the_next_one_is_read(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(large_minutes_text(16))
    # The slow file takes minutes to parse; the seed well under a second, even on a busy machine.
    with WorkerPool(1, IngestLimits(seconds=3)) as pool:
        stopped = pool.submit(PathTask(slow), GLOSSARY).result()
        after = pool.submit(PathTask(SEED), GLOSSARY).result()

    assert isinstance(stopped, IngestError)
    assert stopped.code is IngestErrorCode.RESOURCE_LIMIT
    assert stopped.reason == "reading and parsing it took longer than the 3 s limit"
    assert isinstance(after, PreparedDocument) and after.draft.items


def test_a_file_over_the_memory_limit_fails_alone(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(large_minutes_text(24))
    with WorkerPool(1, IngestLimits(memory_bytes=160 * MB)) as pool:
        refused = pool.submit(PathTask(big), GLOSSARY).result()
        after = pool.submit(PathTask(SEED), GLOSSARY).result()

    assert isinstance(refused, IngestError)
    assert refused.code is IngestErrorCode.RESOURCE_LIMIT
    assert "memory" in refused.reason
    assert isinstance(after, PreparedDocument) and after.draft.items


def test_a_worker_killed_while_reading_is_that_files_failure(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(large_minutes_text(16))
    with WorkerPool(1) as pool:
        reading = pool.submit(PathTask(slow), GLOSSARY)
        pids = _wait_for(pool.pids)
        os.kill(pids[0], signal.SIGKILL)
        killed = reading.result()
        after = pool.submit(PathTask(SEED), GLOSSARY).result()

    assert isinstance(killed, IngestError)
    assert killed.code is IngestErrorCode.RESOURCE_LIMIT
    assert killed.reason == (
        "the process reading it was killed by signal 9 (SIGKILL) (most likely out of memory)"
    )
    assert isinstance(after, PreparedDocument)


def test_no_process_outlives_a_killed_ingest(tmp_path: Path) -> None:
    folder = tmp_path / "incoming"
    folder.mkdir()
    for n in range(4):
        (folder / f"big-{n}.txt").write_bytes(large_minutes_text(12))
    command = Path(sys.executable).with_name("assurance")
    environment = {**os.environ, "ASSURANCE_DATA_DIR": str(tmp_path / "var")}
    environment.pop("ASSURANCE_DATABASE_URL", None)
    ingest = subprocess.Popen(
        [str(command), "ingest", str(folder), "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The fork server, the resource tracker and two workers.
        family = _wait_for(lambda: _descendants(ingest.pid), at_least=4)
    finally:
        ingest.kill()
        ingest.wait()

    assert len(family) >= 4, family
    assert _wait_for(lambda: [pid for pid in family if _alive(pid)], at_least=0) == []


T = TypeVar("T")


def _wait_for(probe: Callable[[], list[T]], *, at_least: int = 1, seconds: float = 60.0) -> list[T]:
    """``probe()`` once it has ``at_least`` elements (or none, for ``at_least=0``)."""
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        done = len(found) >= at_least if at_least else not found
        if done or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
