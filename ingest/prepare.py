"""The I/O-light half of ingest: read -> clean -> parse, runnable in a worker process."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.clean import clean_text, is_cleaning_note
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
    # A digest of the draft and the statements (``reading_of``); "" when not worked out.
    reading: str = ""


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


def reading_of(draft: MeetingDraft, statements: Sequence[StatusStatement]) -> str:
    """A digest of everything the parser read in a text: the same text read by the same
    parser gives the same digest, and a parser that reads anything otherwise another."""
    reading = {
        "draft": dataclasses.asdict(draft),
        "statements": [dataclasses.asdict(statement) for statement in statements],
    }
    encoded = json.dumps(reading, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _parsed(
    raw: RawDocument, notes: Sequence[str], glossary: Sequence[GlossaryEntry]
) -> PreparedDocument:
    """``raw.text`` (cleaned already) parsed into a prepared document, with the notes of
    what cleaning did to the file."""
    try:
        draft = parse_document(raw.text, glossary=glossary, file_name=raw.file_name)
    except NotMinutesError as exc:
        raise IngestError(
            raw.file_name, f"not meeting minutes: {exc}", IngestErrorCode.NOT_MINUTES
        ) from exc
    fit_draft(draft)
    statements = status_statements(draft, raw.text)
    return PreparedDocument(
        file_name=raw.file_name,
        format=raw.format,
        sha256=raw.sha256,
        size=raw.size,
        text=raw.text,
        draft=draft,
        warnings=tuple(notes) + tuple(draft.warnings),
        statements=statements,
        reading=reading_of(draft, statements),
    )


def prepare_raw(raw: RawDocument, glossary: Sequence[GlossaryEntry]) -> PreparedDocument:
    cleaned = clean_text(raw.text)
    if not cleaned.text.strip():
        raise IngestError(raw.file_name, "no text left after cleaning", IngestErrorCode.UNREADABLE)
    return _parsed(dataclasses.replace(raw, text=cleaned.text), cleaned.warnings, glossary)


def prepare_stored(
    raw: RawDocument, warnings: Sequence[str], glossary: Sequence[GlossaryEntry]
) -> PreparedDocument:
    """A stored document parsed again: ``raw.text`` is the cleaned text ingest stored (the
    spans of its records point into it, so it is not cleaned again), ``warnings`` the
    document's stored warnings, of which the notes of what cleaning did to the file are
    kept and the parser's are made anew."""
    notes = [warning for warning in warnings if is_cleaning_note(warning)]
    return _parsed(raw, notes, glossary)
