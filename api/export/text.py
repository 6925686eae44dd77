"""Rows as text, written in pieces as they come: CSV and JSON lines.

Every download of the project writes its text here (the analysts' pages' CSV files, the
record exports), so a cell is written the same way whichever produced it. Pieces are
about ``FLUSH_CHARS`` long: few enough writes to be cheap, small enough that memory
stays flat however many rows follow.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any, Final

FLUSH_CHARS: Final = 64 * 1024
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS: Final = ("=", "+", "@", "\t", "\r")
FORMULA_FIRST: Final = frozenset(FORMULA_STARTS)

Row = Mapping[str, Any]


async def csv_text(rows: AsyncIterator[Row], columns: Sequence[str]) -> AsyncIterator[str]:
    """A header line, then a line a row (``\r\n`` ends): the row's value of each column
    (empty when it has none), each text cell made inert (``inert``, inlined: a call a cell
    is most of the time a million rows take)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for_formula = FORMULA_FIRST
    async for row in rows:
        writer.writerow(
            [
                "'" + cell if isinstance(cell, str) and cell[:1] in for_formula else cell
                for cell in map(row.get, columns)  # a missing value is None: an empty cell
            ]
        )
        if buffer.tell() > FLUSH_CHARS:
            yield _drain(buffer)
    yield _drain(buffer)


async def json_lines(rows: AsyncIterator[Row]) -> AsyncIterator[str]:
    """One JSON object a row, a line each (JSON lines): ``rows`` must hold JSON values."""
    lines: list[str] = []
    size = 0
    async for row in rows:
        line = json.dumps(row, ensure_ascii=False) + "\n"
        lines.append(line)
        size += len(line)
        if size > FLUSH_CHARS:
            yield "".join(lines)
            lines.clear()
            size = 0
    yield "".join(lines)


def inert(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, with a ``'`` before it (the
    spreadsheet's own mark of text); every other value as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
