"""The I/O-light half of ingest: read -> clean -> parse, runnable in a worker process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry, MeetingDraft
from ingest.errors import IngestError, IngestErrorCode, NotMinutesError
from ingest.fit import fit_draft
from ingest.parse import parse_document
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
    )
