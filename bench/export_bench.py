"""Export benchmark: rows a second and memory of ``assurance export`` as the rows grow.

    python -m bench.export_bench [--sizes 10000,100000] [--table actions]
        [--formats csv,jsonl,parquet] [--server postgresql://postgres@127.0.0.1:5432/test]

For each size it builds a database of that many records of the table (SQLite in a
temporary folder, or a scratch database on ``--server``), written straight into the
tables with their links (owners, themes, lifecycles, agenda items), not through the
parser, which would take hours at a million rows. Then, for each format, a fresh Python
process runs the command's own export (``api.commands.export.write_export``) to a file
and reports how long the export took (from opening the database to the last byte), the
process's CPU time (all its threads: the SQLite driver's included; on a busy machine
rows a CPU second say more than rows a second), its resident memory once everything is
imported and before the export starts, its peak (``VmHWM``), and its resident memory
sampled every 10 ms against the rows written so far: the curve, at each tenth of the
rows, shows whether memory grows with them. Nothing here asserts anything about time or
memory.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

import migrations
from records.db import create_engine
from records.enums import (
    ActionStatus,
    DocumentType,
    DueBasis,
    MeetingKind,
    MetricKind,
    MetricUnit,
)
from records.models import (
    Action,
    ActionLifecycle,
    AgendaItem,
    Meeting,
    Metric,
    Person,
    SourceDocument,
    Theme,
    action_owners,
    action_themes,
    item_themes,
    meeting_themes,
)
from records.scratch import scratch_database

THEMES: Final = ("DA", "SOC", "VAWG", "ASB", "CSE", "RASSO", "CONTACT", "VICTIMS")
BODIES: Final = ("Northshire", "Eastmoor", "Wealdham", "Southmere", "Westvale", "Harnford")
PEOPLE: Final = 300
# Records of a meeting, as the synthetic minutes have them (a few more actions).
ACTIONS_PER_MEETING: Final = 10
ITEMS_PER_MEETING: Final = 6
METRICS_PER_MEETING: Final = 8
INSERT_ROWS: Final = 5_000
SAMPLE_SECONDS: Final = 0.01
WORDS: Final = (
    *("the", "DCC", "to", "report", "back", "on", "domestic", "abuse", "outcomes", "and"),
    *("MARAC", "referrals", "received", "with", "a", "recovery", "plan", "for", "101"),
    *("answer", "times", "use", "of", "body", "worn", "video", "by", "response", "officers"),
    *("including", "victim", "satisfaction", "survey", "results", "quarter"),
)


# --- the database ---------------------------------------------------------------------------


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


async def _insert(engine: AsyncEngine, table: Any, rows: list[dict[str, Any]]) -> None:
    async with engine.begin() as connection:
        for start in range(0, len(rows), INSERT_ROWS):
            await connection.execute(insert(table), rows[start : start + INSERT_ROWS])


async def build(engine: AsyncEngine, records: int, table: str, seed: int = 7) -> None:
    """``records`` rows of ``table`` (meetings, items, actions or metrics), with the
    meetings, items, people, themes and lifecycles they belong to."""
    rng = random.Random(seed)
    per_meeting = {
        "meetings": 1,
        "items": ITEMS_PER_MEETING,
        "actions": ACTIONS_PER_MEETING,
        "metrics": METRICS_PER_MEETING,
    }[table]
    meetings = max(1, -(-records // per_meeting))
    first = dt.date(2014, 1, 6)
    await _insert(
        engine,
        Theme.__table__,
        [{"id": n, "code": code, "name": code, "aliases": []} for n, code in enumerate(THEMES, 1)],
    )
    await _insert(
        engine,
        Person.__table__,
        [{"id": n, "name": f"Person {n}", "name_key": f"person {n}"} for n in range(1, PEOPLE + 1)],
    )
    meeting_rows, documents, meeting_links = [], [], []
    for m in range(1, meetings + 1):
        body = BODIES[m % len(BODIES)]
        meeting_rows.append(
            {
                "id": m,
                "title": f"{body} Performance Meeting",
                "kind": MeetingKind.PERFORMANCE,
                # One meeting in fifty (the seventh first) without a date, as minutes stating none.
                "date": None if m % 50 == 7 else first + dt.timedelta(days=rng.randrange(4300)),
                "body": body,
                "body_key": body.lower(),
                "identity_key": f"{body.lower()} {m}",
                "chair_id": rng.randrange(1, PEOPLE + 1),
                "minute_taker_id": rng.randrange(1, PEOPLE + 1),
                "venue": "Headquarters",
                "warnings": [],
            }
        )
        documents.append(
            {
                "id": m,
                "meeting_id": m,
                "file_name": f"meeting-{m}.txt",
                "format": "txt",
                "document_type": DocumentType.MINUTES,
                "sha256": f"{m:064x}",
                "size": 100,
                "text": "synthetic",
                "warnings": [],
            }
        )
        meeting_links += [
            {"meeting_id": m, "theme_id": t} for t in rng.sample(range(1, len(THEMES) + 1), 2)
        ]
    await _insert(engine, Meeting.__table__, meeting_rows)
    await _insert(engine, SourceDocument.__table__, documents)
    await _insert(engine, meeting_themes, meeting_links)
    del meeting_rows, documents, meeting_links

    wanted = {name: 0 for name in ("items", "actions", "metrics")}
    if table in wanted:
        wanted[table] = records
    items = max(wanted["items"], meetings * 2)
    item_rows, item_links = [], []
    for n in range(1, items + 1):
        meeting = (n - 1) % meetings + 1
        item_rows.append(
            {
                "id": n,
                "meeting_id": meeting,
                "document_id": meeting,
                "number": str(n // meetings + 1),
                "title": _sentence(rng, 4),
                "text": _sentence(rng, 60),
                "position": n // meetings,
                "span_start": 0,
                "span_end": 1,
            }
        )
        item_links.append({"item_id": n, "theme_id": rng.randrange(1, len(THEMES) + 1)})
    await _insert(engine, AgendaItem.__table__, item_rows)
    await _insert(engine, item_themes, item_links)
    del item_rows, item_links

    action_rows, cycles, owners, action_links = [], [], [], []
    for n in range(1, wanted["actions"] + 1):
        meeting = (n - 1) % meetings + 1
        status = rng.choice(list(ActionStatus))
        due = first + dt.timedelta(days=rng.randrange(4400)) if n % 3 else None
        action_rows.append(
            {
                "id": n,
                "meeting_id": meeting,
                "document_id": meeting,
                "item_id": (n - 1) % items + 1,
                "reference": str(n % 40 + 1),
                "text": _sentence(rng, 18),
                "owner_text": "DCC and ACC",
                "status": status,
                "due_date": due,
                "position": n // meetings,
                "span_start": 0,
                "span_end": 1,
            }
        )
        raised = first + dt.timedelta(days=rng.randrange(4000))
        closed = raised + dt.timedelta(days=rng.randrange(400)) if n % 4 == 0 else None
        cycles.append(
            {
                "action_id": n,
                "chain_key": n if n % 5 else max(1, n - meetings),
                "in_chain": True,
                "raised_on": raised,
                "closed_on": closed,
                "status": ActionStatus.COMPLETED if closed else status,
                "times_deferred": n % 3,
                "due_date": due,
                "due_basis": DueBasis.STATED if due else None,
                "last_seen_on": raised,
            }
        )
        for person in rng.sample(range(1, PEOPLE + 1), 1 + n % 2):
            owners.append({"action_id": n, "person_id": person})
        action_links.append({"action_id": n, "theme_id": rng.randrange(1, len(THEMES) + 1)})
    await _insert(engine, Action.__table__, action_rows)
    await _insert(engine, ActionLifecycle.__table__, cycles)
    await _insert(engine, action_owners, owners)
    await _insert(engine, action_themes, action_links)
    del action_rows, cycles, owners, action_links

    metric_rows = [
        {
            "id": n,
            "meeting_id": (n - 1) % meetings + 1,
            "document_id": (n - 1) % meetings + 1,
            "item_id": (n - 1) % items + 1,
            "theme_id": rng.randrange(1, len(THEMES) + 1),
            "value": round(rng.uniform(0, 100), 1),
            "unit": MetricUnit.PERCENT,
            "kind": MetricKind.OBSERVED,
            "label": "DA cases with supervisory input",
            "context": _sentence(rng, 25),
            "position": n // meetings,
            "span_start": 0,
            "span_end": 1,
        }
        for n in range(1, wanted["metrics"] + 1)
    ]
    await _insert(engine, Metric.__table__, metric_rows)


# --- one export, in a process of its own -----------------------------------------------------


def _high_water_bytes() -> int:
    """The most resident memory this process has had (``VmHWM``; ``ru_maxrss`` would count
    the parent's memory at the fork that started it)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def _cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _rss_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class _Sampler:
    """The rows written so far and the process's resident memory, every 10 ms."""

    def __init__(self) -> None:
        self.total = 0
        self.rows = 0
        self.samples: list[tuple[int, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self, total: int) -> None:
        self.total = total
        self._thread.start()

    def advance(self, rows: int) -> None:
        self.rows += rows

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self.samples.append((self.rows, _rss_bytes()))

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self.samples.append((self.rows, _rss_bytes()))

    def curve(self, points: int = 10) -> list[int]:
        """The most memory held by the time each tenth of the rows was written."""
        found = []
        for step in range(1, points + 1):
            reached = self.total * step / points
            held = [rss for rows, rss in self.samples if rows <= reached]
            found.append(max(held) if held else 0)
        return found


def child(url: str, table: str, format: str, out: Path) -> dict[str, Any]:
    from api.commands.export import write_export
    from api.export.filters import ExportFilter
    from api.export.formats import Format
    from api.export.tables import TABLES
    from api.settings import Settings

    settings = Settings(data_dir=out.parent / "var", database_url=url)
    before = _rss_bytes()
    sampler = _Sampler()
    started, cpu = time.perf_counter(), _cpu_seconds()
    with out.open("wb") as sink:
        rows = asyncio.run(
            write_export(
                settings,
                TABLES[table],
                ExportFilter(),
                dt.date(2024, 3, 31),
                Format(format),
                sink,
                sampler,
            )
        )
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    sampler.stop()
    return {
        "rows": rows,
        "seconds": seconds,
        "cpu": cpu,
        "bytes": out.stat().st_size,
        "rss_before": before,
        "peak": _high_water_bytes(),
        "curve": sampler.curve(),
    }


# --- the runs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    records: int
    format: str
    rows: int
    seconds: float
    cpu: float
    bytes: int
    rss_before: int
    peak: int
    curve: list[int]


def _measure(url: str, table: str, format: str, folder: Path) -> dict[str, Any]:
    out = folder / f"export.{format}"
    found = subprocess.run(
        [sys.executable, "-m", "bench.export_bench", "--child", url, table, format, str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    if found.returncode != 0:
        raise RuntimeError(f"the export failed:\n{found.stderr}")
    result: dict[str, Any] = json.loads(found.stdout.strip().splitlines()[-1])
    out.unlink()
    return result


async def _prepared(url: str, records: int, table: str) -> None:
    await migrations.upgrade(url)
    engine = create_engine(url)
    try:
        await build(engine, records, table)
    finally:
        await engine.dispose()


def _mb(value: int) -> str:
    return f"{value / 2**20:,.0f}"


def run(
    sizes: Sequence[int],
    table: str,
    formats: Sequence[str],
    server: str | None,
    emit: Callable[[str], None] = print,
) -> list[Measured]:
    """Each size built, then exported in each format; a line of figures per export."""
    backend = "PostgreSQL" if server else "SQLite"
    emit(f"export of {table} from {backend}; memory in MB (resident)")
    emit(
        f"{'records':>10} {'format':>7} {'seconds':>8} {'rows/s':>9} {'cpu s':>6} "
        f"{'rows/cpu s':>10} {'output':>7} {'before':>7} {'peak':>6} {'growth':>7}  "
        "resident at each tenth of the rows"
    )
    results: list[Measured] = []
    for records in sizes:
        with tempfile.TemporaryDirectory(prefix="export-bench-") as name:
            found = asyncio.run(_size(records, table, formats, server, Path(name), emit))
        results += found
    return results


async def _size(
    records: int,
    table: str,
    formats: Sequence[str],
    server: str | None,
    folder: Path,
    emit: Callable[[str], None],
) -> list[Measured]:
    found = []
    async with scratch_database(server, folder / "db") as url:
        started = time.perf_counter()
        await _prepared(url, records, table)
        emit(f"  built {records:,} {table} in {time.perf_counter() - started:.1f} s")
        for format in formats:
            measured = await asyncio.to_thread(_measure, url, table, format, folder)
            m = Measured(records, format, **measured)
            found.append(m)
            emit(
                f"{m.records:>10,} {m.format:>7} {m.seconds:>8.2f} "
                f"{m.rows / m.seconds:>9,.0f} {m.cpu:>6.2f} {m.rows / m.cpu:>10,.0f} "
                f"{_mb(m.bytes):>7} "
                f"{_mb(m.rss_before):>7} {_mb(m.peak):>6} {_mb(m.peak - m.rss_before):>7}  "
                + " ".join(_mb(v) for v in m.curve)
            )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--child"]:
        url, table, format, out = arguments[1:5]
        print(json.dumps(child(url, table, format, Path(out))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="records, comma-separated")
    parser.add_argument(
        "--table", default="actions", choices=("meetings", "items", "actions", "metrics")
    )
    parser.add_argument("--formats", default="csv,jsonl,parquet")
    parser.add_argument("--server", default=None, help="a PostgreSQL server URL (else SQLite)")
    args = parser.parse_args(arguments)
    sizes = [int(size) for size in args.sizes.split(",")]
    run(sizes, args.table, args.formats.split(","), args.server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
