"""The I/O-light half of ingest: read -> clean -> parse, runnable in a worker process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry, MeetingDraft
from ingest.errors import IngestError, IngestErrorCode, NotMinutesError
from ingest.fit import fit_draft
from ingest.parse import parse_document
from ingest.parse.action_status_lines import StatusStatement, find_status_statements
from ingest.parse.dates import iter_dates
from ingest.read import RawDocument


@dataclass(frozen=True)
class PreparedDocument:
    """A file read, cleaned and parsed: everything the store needs, nothing from the database."""

    file_name: str
    format: str
    sha256: str
    size: int
    text: str
    draft: MeetingDraft
    warnings: tuple[str, ...]
    # What the text says became of earlier meetings' actions (``status_statements``),
    # found here so that a worker process does it; None: not looked for yet.
    statements: tuple[StatusStatement, ...] | None = None


def reading_date(draft: MeetingDraft, text: str) -> dt.date | None:
    """The day a document's dates without a year are read from: its meeting's, else the
    latest its text gives (as the parser reads it)."""
    if draft.date is not None:
        return draft.date
    return max((m.date for m in iter_dates(text)), default=None)


def status_statements(draft: MeetingDraft, text: str) -> tuple[StatusStatement, ...]:
    """The statements a document makes about earlier meetings' actions, in text order
    (none when no day can be read for it)."""
    day = reading_date(draft, text)
    return () if day is None else tuple(find_status_statements(text, day))


def prepare_raw(raw: RawDocument, glossary: Sequence[GlossaryEntry]) -> PreparedDocument:
    cleaned = clean_text(raw.text)
    if not cleaned.text.strip():
        raise IngestError(raw.file_name, "no text left after cleaning", IngestErrorCode.UNREADABLE)
    try:
        draft = parse_document(cleaned.text, glossary=glossary, file_name=raw.file_name)
    except NotMinutesError as exc:
        raise IngestError(
            raw.file_name, f"not meeting minutes: {exc}", IngestErrorCode.NOT_MINUTES
        ) from exc
    fit_draft(draft)
    return PreparedDocument(
        file_name=raw.file_name,
        format=raw.format,
        sha256=raw.sha256,
        size=raw.size,
        text=cleaned.text,
        draft=draft,
        warnings=tuple(cleaned.warnings) + tuple(draft.warnings),
        statements=status_statements(draft, cleaned.text),
    )
