"""The export benchmark end to end at a tiny size: records built, each format exported in a
process of its own, its figures printed; and the records it builds read back whole."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from api.export.filters import ExportFilter
from api.export.stream import export_run
from api.export.tables import TABLES
from bench.export_bench import build, main


def test_runs_end_to_end_and_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sizes", "300", "--formats", "csv,parquet"]) == 0
    output = capsys.readouterr().out
    assert "built 300 actions" in output
    lines = [
        line.split() for line in output.splitlines() if re.match(r"\s+300\s+(csv|parquet)", line)
    ]
    assert [line[1] for line in lines] == ["csv", "parquet"]
    for line in lines:
        assert float(line[2]) > 0 and float(line[4]) > 0  # seconds, CPU seconds
        assert len(line) == 10 + 10  # the figures, then memory at each tenth of the rows


@pytest.mark.parametrize("table", ["meetings", "items", "actions", "metrics"])
async def test_the_built_records_export_whole(engine: AsyncEngine, table: str) -> None:
    await build(engine, 120, table)
    async with export_run(engine, TABLES[table], ExportFilter(), dt.date(2024, 3, 31)) as run:
        rows = [row async for batch in run.batches() for row in batch]
    assert run.total == len(rows) >= 120
    assert len({row["id"] for row in rows}) == len(rows)
    undated = [row for row in rows if row.get("date", row.get("meeting_date")) is None]
    assert undated and rows[: len(undated)] == undated  # undated meetings' records first
