"""Cleaned text as a list of lines with character offsets, cells and light markup removed.

Every parser module reads the text through ``split_lines`` so offsets stay exact: a
``Line`` keeps its position in the text, while ``content`` drops what only decorates
the line (markdown heading marks, bullet glyphs, bold markers, outer whitespace) and
``cells`` splits table rows (tab-separated, or markdown ``| a | b |``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_HEADING_MARK = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^(?:[-*+•●▪◦·‣⁃□■\uf0b7\uf0a7]|o(?=\s))\s*")
_EMPHASIS = re.compile(r"\*\*|__")
# "|---|---|", "-----", and a row's bars alone where a table's cells were lost ("|")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-{3,}[\s:|-]*\|?$|^[-_*=\s]{3,}$|^\|[\s|]*$")


@dataclass(frozen=True)
class Line:
    """One line of the text.

    ``start``/``end`` delimit the whole line (without its newline); ``content_start`` and
    ``content_end`` delimit its non-blank part.
    """

    index: int
    start: int
    end: int
    content_start: int
    content_end: int
    content: str
    cells: tuple[str, ...]
    heading_level: int = 0
    bullet: bool = False
    table_rule: bool = False

    @property
    def blank(self) -> bool:
        return not self.content

    @property
    def words(self) -> int:
        return len(self.content.split())


def _strip_markup(stripped: str) -> tuple[str, int, bool]:
    level = 0
    bullet = False
    heading = _HEADING_MARK.match(stripped)
    if heading:
        level = len(heading.group(1))
        stripped = stripped[heading.end() :]
    marker = _BULLET.match(stripped)
    if marker and not stripped.startswith(("**", "__")):
        bullet = True
        stripped = stripped[marker.end() :]
    return _EMPHASIS.sub("", stripped).strip(), level, bullet


def _cells(content: str) -> tuple[str, ...]:
    if content.startswith("|") and content.endswith("|") and len(content) > 1:
        parts = content[1:-1].split("|")
    else:
        parts = content.split("\t")
    return tuple(cell.strip() for cell in parts if cell.strip())


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with their offsets (``\\n`` separated; ``\\r`` is whitespace).

    The parser splits one document's text several times: the last text's lines are kept,
    and each call gets a list of its own."""
    global _last_split
    last = _last_split  # one read: another thread may split another text meanwhile
    if last is not None and last[0] == text:
        return list(last[1])
    lines = _split_lines(text)
    _last_split = (text, tuple(lines))
    return lines


# The text ``split_lines`` split last, and its lines.
_last_split: tuple[str, tuple[Line, ...]] | None = None


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for index, raw in enumerate(text.split("\n")):
        start, end = position, position + len(raw)
        position = end + 1
        stripped = raw.strip()
        if not stripped:
            lines.append(Line(index, start, end, start, start, "", ()))
            continue
        content_start = start + (len(raw) - len(raw.lstrip()))
        content_end = start + len(raw.rstrip())
        if _TABLE_RULE.match(stripped):
            lines.append(
                Line(index, start, end, content_start, content_end, "", (), table_rule=True)
            )
            continue
        content, level, bullet = _strip_markup(stripped)
        cells = _cells(content)
        if content.startswith("|") and content.endswith("|"):
            content = "\t".join(cells)
        lines.append(
            Line(index, start, end, content_start, content_end, content, cells, level, bullet)
        )
    return lines


def next_nonblank(lines: Sequence[Line], index: int) -> Line | None:
    """The first non-blank line after ``lines[index]``."""
    for position in range(index + 1, len(lines)):
        if not lines[position].blank:
            return lines[position]
    return None


def is_prose(text: str) -> bool:
    """A sentence or paragraph rather than a heading, label or table cell."""
    words = len(text.split())
    stripped = text.rstrip()
    return words >= 14 or (words >= 6 and stripped.endswith((".", ";")))


# A document-sharing site's list of other documents under the one it shows: "Similar
# documents" or "You may also like" on a line of its own, or "Similar documents" run onto
# the shown document's heading in capitals by a text extraction.
_OTHER_DOCUMENTS = re.compile(
    r"^similar\s+documents\s*:?$|^you\s+(?:may|might)\s+also\s+like\s*:?$"
    r"|(?-i:(?<=[A-Z]{2}\s)Similar\s+documents\b)",
    re.IGNORECASE,
)


def other_documents_from(contents: Sequence[str]) -> tuple[int, int] | None:
    """Where the heading over a list of other documents stands in ``contents`` (lines'
    contents), as (line, column), where the text has one: the titles after it are other
    documents'."""
    for at, content in enumerate(contents):
        found = _OTHER_DOCUMENTS.search(content.strip())
        if found is not None:
            return at, found.start()
    return None
