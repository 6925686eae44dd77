"""The formats an export is written in: CSV, JSON lines and Parquet.

- CSV: a header line, then a line a record, written as the analysts' pages write theirs
  (``api.export.text``: a cell a spreadsheet would run as a formula starts with ``'``);
  an empty cell for a missing value, days as YYYY-MM-DD, ``true``/``false``, lists (theme
  codes, owners) joined by ``; ``, whole numbers without a decimal point.
- JSON lines: one object a record, a line each, with every column: ``null`` for a missing
  value, days as ``"YYYY-MM-DD"`` strings, lists as arrays, numbers and booleans as such.
- Parquet: typed columns (string, int64, double, date32, bool, list<string>), written a
  row group of ``ROW_GROUP_ROWS`` records at a time, so memory holds one row group; the
  filter and the as-of day are in the file's metadata.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Callable, Mapping
from enum import StrEnum
from typing import IO, Any, Final

from api.export.tables import Kind, Record, RecordTable
from api.export.text import csv_text, json_lines

ROW_GROUP_ROWS: Final = 10_000
LIST_SEPARATOR: Final = "; "
METADATA_PREFIX: Final = "assurance."

Batches = AsyncIterator[list[Record]]


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


MEDIA_TYPES: Final = {
    Format.CSV: "text/csv; charset=utf-8",
    Format.JSONL: "application/x-ndjson; charset=utf-8",
    Format.PARQUET: "application/vnd.apache.parquet",
}


def number_text(value: float) -> str:
    """43.0 as "43", 4.25 as "4.25": the shortest text that reads back as the number."""
    return str(int(value)) if value.is_integer() else repr(value)


def _list_text(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def _number(value: float | None) -> str | None:
    return None if value is None else number_text(float(value))


def _boolean(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


# What each format changes in a record's values; every other value is written as it is
# (the CSV writer writes None as an empty cell, a day as YYYY-MM-DD and text as text).
CSV_CELLS: Final[dict[Kind, Callable[[Any], Any]]] = {
    Kind.LIST: _list_text,
    Kind.NUMBER: _number,
    Kind.BOOLEAN: _boolean,
}
JSON_VALUES: Final[dict[Kind, Callable[[Any], Any]]] = {Kind.DATE: _day}


async def _converted(
    batches: Batches, table: RecordTable, changes: Mapping[Kind, Callable[[Any], Any]]
) -> AsyncIterator[Record]:
    """The records, with the values of the kinds ``changes`` names changed in place."""
    changed = [
        (column.name, changes[column.kind]) for column in table.columns if column.kind in changes
    ]
    async for batch in batches:
        for record in batch:
            for name, change in changed:
                record[name] = change(record[name])
            yield record


def text_chunks(format: Format, table: RecordTable, batches: Batches) -> AsyncIterator[str]:
    """The export as CSV or JSON lines, in pieces of about 64 KB."""
    if format is Format.CSV:
        return csv_text(_converted(batches, table, CSV_CELLS), table.names)
    if format is Format.JSONL:
        return json_lines(_converted(batches, table, JSON_VALUES))
    raise ValueError(f"{format} is not a text format")


async def write_parquet(
    table: RecordTable,
    batches: Batches,
    sink: IO[bytes],
    metadata: Mapping[str, str],
    *,
    row_group_rows: int = ROW_GROUP_ROWS,
) -> None:
    """The export as a Parquet file written to ``sink`` (a file, or a pipe: Parquet is
    written front to back, its footer last)."""
    import pyarrow as pa  # here: the other formats and commands do without its import time
    import pyarrow.parquet as pq

    schema = pa.schema(
        [pa.field(column.name, _arrow_type(pa, column.kind)) for column in table.columns],
        metadata={METADATA_PREFIX + key: value for key, value in metadata.items()},
    )
    columns: dict[str, list[Any]] = {name: [] for name in table.names}
    held = 0
    with pq.ParquetWriter(sink, schema) as writer:  # Snappy: what every reader reads
        async for batch in batches:
            for record in batch:
                for name, values in columns.items():
                    values.append(record[name])
            held += len(batch)
            if held >= row_group_rows:
                writer.write_table(pa.Table.from_pydict(columns, schema=schema))
                for values in columns.values():
                    values.clear()
                held = 0
        if held:
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))


def _arrow_type(pa: Any, kind: Kind) -> Any:
    return {
        Kind.TEXT: pa.string(),
        Kind.INTEGER: pa.int64(),
        Kind.NUMBER: pa.float64(),
        Kind.DATE: pa.date32(),
        Kind.BOOLEAN: pa.bool_(),
        Kind.LIST: pa.list_(pa.string()),
    }[kind]


def metadata_of(
    table: RecordTable, parameters: Mapping[str, str], as_of: dt.date
) -> dict[str, str]:
    """What a Parquet file says of itself: the table, the filter and the as-of day."""
    return {
        "table": table.name,
        "filter": json.dumps(dict(parameters), ensure_ascii=False),
        "as_of": as_of.isoformat(),
    }
