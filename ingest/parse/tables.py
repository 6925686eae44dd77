"""Tables with a header row: action logs and attendance lists.

A header row is a line of two or more short cells without figures ("No.\\tAction\\tOwner\\t
Due date\\tStatus", "Name:\\tCapacity:"). The table's rows are the lines after it that still
have two or more cells; a blank line does not end a table when a row follows it.

Document-sharing sites flatten a table's cells into one line joined by " / " ("Ref /
Action / Owner / Status", then "3 / Provide the overtime figures / DCC / Open"): an action
log whose header reads so is read with those cells (see ``slash_cells``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ingest.parse.lines import Line
from ingest.parse.people import split_person

TableKind = Literal["action", "attendance"]

_ACTION_COLUMN = re.compile(
    r"^(?:agreed\s+)?actions?(?:\s+(?:required|point|agreed|description))?$"
)
_ACTION_DETAIL_COLUMN = re.compile(
    r"^(?:owners?|lead|leads|responsible|responsibility|by whom|who|due|due date|deadline|"
    r"by when|target date|date due|status|update|updates|progress|rag|rag status|"
    r"completion date|date raised|raised|date completed|comments?|ref|reference)$"
)
_NAME_COLUMN = re.compile(r"^(?:names?|attendees?|members?|present|attendance)$")
_CAPACITY_COLUMN = re.compile(
    r"^(?:capacity|role|roles|title|job title|position|post|designation|organi[sz]ation|"
    r"representing|department|agency)$"
)
_LABEL_CELL = re.compile(
    r"^(?:attendance|present|attendees|in attendance|also present|apologies|members)\s*:$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Table:
    kind: TableKind
    header: int
    """Line index of the header row."""
    columns: tuple[str, ...]
    """Header cells, lower case, without a leading label cell and trailing colons."""
    rows: tuple[int, ...]
    """Line indices of the rows."""
    label: str | None = None
    """A label cell before the header cells ("Attendance:"), if any."""

    @property
    def last(self) -> int:
        return self.rows[-1] if self.rows else self.header


def _normalise(cell: str) -> str:
    return cell.strip().rstrip(":").strip().lower()


# Cells joined by a slash with a space each side: "Action / Owner / Status". "CC/DCC" and
# "Rachel Hale/ Owen Price" are one cell.
_SLASH = re.compile(r"\s+/\s+")


def slash_cells(content: str) -> tuple[str, ...]:
    """The cells of a line flattened with " / " between them (empty cells kept out)."""
    return tuple(cell.strip() for cell in _SLASH.split(content) if cell.strip())


def header_columns(
    line: Line, cells: Sequence[str] | None = None
) -> tuple[str | None, tuple[str, ...]] | None:
    """(label cell, column names) when ``line`` (or ``cells``, read from it another way) is a
    table header row, else None."""
    cells = list(line.cells if cells is None else cells)
    label: str | None = None
    if cells and _LABEL_CELL.match(cells[0]):
        label = cells.pop(0).rstrip(":").strip()
    if len(cells) < 2 or any(
        len(cell.split()) > 4 or (cell.endswith(".") and cell.lower() != "no.") for cell in cells
    ):
        return None
    if any(re.search(r"\d", cell) and cell.lower() not in ("no.", "#") for cell in cells):
        return None
    return label, tuple(_normalise(cell) for cell in cells)


def _names(column: str) -> list[str]:
    """A column name and, for a bilingual one ("perchennog / owner"), each half."""
    halves = [half.strip() for half in column.split(" / ")] if " / " in column else []
    return [column, *halves]


def _has_column(columns: Sequence[str], pattern: re.Pattern[str]) -> bool:
    return any(pattern.match(name) for column in columns for name in _names(column))


def table_kind(columns: Sequence[str]) -> TableKind | None:
    if _has_column(columns, _ACTION_COLUMN) and _has_column(columns, _ACTION_DETAIL_COLUMN):
        return "action"
    if _has_column(columns, _NAME_COLUMN) and _has_column(columns, _CAPACITY_COLUMN):
        return "attendance"
    return None


def name_column(columns: Sequence[str]) -> int:
    """Index of the column that holds names in an attendance table ("Role | Name": 1)."""
    return next(
        (i for i, c in enumerate(columns) if any(_NAME_COLUMN.match(n) for n in _names(c))), 0
    )


def _is_row(line: Line, kind: TableKind, columns: Sequence[str], *, slashed: bool = False) -> bool:
    """Whether ``line`` continues a table of ``kind`` with these header ``columns``."""
    cells = list(slash_cells(line.content) if slashed else line.cells)
    if len(cells) < 2 or line.heading_level:
        return False
    if kind == "attendance":
        if _LABEL_CELL.match(cells[0]):
            cells.pop(0)
        names = name_column(columns) if len(cells) == len(columns) else 0
        return bool(cells) and split_person(cells[names]) is not None
    return len(cells) >= max(2, len(columns) - 2)


def _rows_after(
    lines: Sequence[Line],
    header: int,
    kind: TableKind,
    columns: Sequence[str],
    *,
    slashed: bool = False,
) -> tuple[int, ...]:
    rows: list[int] = []
    index = header + 1
    while index < len(lines):
        line = lines[index]
        if line.table_rule:
            index += 1
            continue
        if line.blank:
            following = next((ln for ln in lines[index + 1 :] if not ln.blank), None)
            if following is None or not _is_row(following, kind, columns, slashed=slashed):
                break
            index += 1
            continue
        if not _is_row(line, kind, columns, slashed=slashed):
            break
        rows.append(index)
        index += 1
    return tuple(rows)


def find_tables(lines: Sequence[Line]) -> list[Table]:
    """Every table with a recognisable header row, in order."""
    tables: list[Table] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = header_columns(line)
        kind = table_kind(header[1]) if header else None
        slashed = False
        if (header is None or kind is None) and len(line.cells) == 1:
            # "Action / Owner / Status": an action log flattened (names and posts joined so
            # are read by the attendance's own readers)
            header = header_columns(line, slash_cells(line.content))
            kind = "action" if header and table_kind(header[1]) == "action" else None
            slashed = True
        if header is None or kind is None:
            index += 1
            continue
        rows = _rows_after(lines, index, kind, header[1], slashed=slashed)
        tables.append(Table(kind, index, header[1], rows, header[0]))
        index = (rows[-1] if rows else index) + 1
    return tables


def rows_in_tables(tables: Sequence[Table], *kinds: TableKind) -> set[int]:
    """Line indices of the header and rows of the tables of the given kinds (all if none)."""
    inside: set[int] = set()
    for table in tables:
        if not kinds or table.kind in kinds:
            inside.add(table.header)
            inside.update(table.rows)
    return inside
