"""Values longer than their columns: cut and said, so the file is stored on every database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from ingest.fit import ELLIPSIS, column_length
from ingest.pipeline import ingest_paths
from records.db import session_factory
from records.models import Attendance, SourceDocument

# A table whose columns were lost: the names of the whole page run into one capacity.
RUN_TOGETHER = " ".join(
    f"Officer{n} Surname{n} Eastdale County Council Community Safety Partnership" for n in range(12)
)
MINUTES = f"""Eastdale Safer Communities Board
Minutes of the meeting held on 12 March 2019 at 10.00am, County Hall

Present:
Jane Holt\tChief Constable
Ravi Mistry\t{RUN_TOGETHER}

1. Apologies
None were received.

2. Minutes of the previous meeting
The minutes were agreed as a correct record.
"""


async def test_an_over_long_value_is_cut_and_the_file_stored(
    engine: AsyncEngine, tmp_path: Path
) -> None:
    path = tmp_path / "eastdale-board-2019-03.txt"
    path.write_text(MINUTES, encoding="utf-8")
    assert len(RUN_TOGETHER) > column_length(Attendance.capacity)

    summary = await ingest_paths(engine, [path])

    assert not summary.failed, [report.error for report in summary.failed]
    async with session_factory(engine)() as session:
        capacities = list(await session.scalars(select(Attendance.capacity)))
        document = await session.scalar(select(SourceDocument))
    cut = [c for c in capacities if c and c.endswith(ELLIPSIS)]
    assert len(cut) == 1
    assert len(cut[0]) == column_length(Attendance.capacity)
    assert RUN_TOGETHER.startswith(cut[0].removesuffix(ELLIPSIS))
    assert document is not None
    assert any("cut: capacity (1)" in warning for warning in document.warnings)
