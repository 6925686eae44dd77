"""Minutes, agenda or action log, from the title and the shape of the text.

The title decides first ("Agenda", "Agenda pack", "Action log", "Action tracker"); a
document that names neither is an action log when it is mostly an action table with
hardly any prose, and an agenda when it lists items but records no discussion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.parse.lines import Line, is_prose
from ingest.parse.tables import find_tables, rows_in_tables
from records.enums import DocumentType

_ACTION_LOG = re.compile(
    r"\baction(?:s)?\s+(?:log|tracker|register|sheet|schedule)\b|\blog of actions\b|"
    r"\boutstanding actions\b|\baction progress\b",
    re.IGNORECASE,
)
_AGENDA = re.compile(r"\bagenda\b(?!\s+item)", re.IGNORECASE)
_MINUTES = re.compile(r"\b(?:minutes|notes|record of)\b", re.IGNORECASE)
_ACTION_LINE = re.compile(r"^(?:action\b|actions?\s*(?:\d|[:–-]))", re.IGNORECASE)


def detect_document_type(
    title: str, lines: Sequence[Line], *, header_lines: Sequence[Line] = (), item_count: int = 0
) -> DocumentType:
    """``MINUTES`` unless the title or the structure says agenda or action log."""
    standalone = [line for line in header_lines if not line.blank][:8]
    named = " ".join([title, *(line.content for line in standalone if line.words <= 4)])
    if not _MINUTES.search(named):
        if _ACTION_LOG.search(named):
            return DocumentType.ACTION_LOG
        if _AGENDA.search(named):
            return DocumentType.AGENDA
    in_tables = rows_in_tables(find_tables(lines), "action")
    table_rows = len(in_tables)
    prose = [
        line
        for line in lines
        if not line.blank
        and line.index not in in_tables
        and len(line.cells) <= 1
        and is_prose(line.content)
    ]
    actions = sum(bool(_ACTION_LINE.match(line.content)) for line in lines)
    if _MINUTES.search(named):
        return DocumentType.MINUTES
    if table_rows >= 3 and len(prose) <= 3:
        return DocumentType.ACTION_LOG
    if item_count >= 3 and len(prose) <= 2 and len(prose) * 2 < item_count and actions == 0:
        return DocumentType.AGENDA
    return DocumentType.MINUTES
