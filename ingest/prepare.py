"""The I/O-light half of ingest: read -> clean -> parse, runnable in a worker process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.clean import clean_text
from ingest.draft import GlossaryEntry, MeetingDraft
from ingest.errors import IngestError, NotMinutesError
from ingest.parse import parse_document
from ingest.read import RawDocument, read_bytes, read_document


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
        raise IngestError(raw.file_name, "no text left after cleaning")
    try:
        draft = parse_document(cleaned.text, glossary=glossary, file_name=raw.file_name)
    except NotMinutesError as exc:
        raise IngestError(raw.file_name, f"not meeting minutes: {exc}") from exc
    return PreparedDocument(
        file_name=raw.file_name,
        format=raw.format,
        sha256=raw.sha256,
        size=raw.size,
        text=cleaned.text,
        draft=draft,
        warnings=tuple(cleaned.warnings) + tuple(draft.warnings),
    )


def prepare_path(path: Path, glossary: Sequence[GlossaryEntry], max_bytes: int) -> PreparedDocument:
    return prepare_raw(read_document(path, max_bytes=max_bytes), glossary)


def prepare_upload(
    file_name: str, data: bytes, glossary: Sequence[GlossaryEntry], max_bytes: int
) -> PreparedDocument:
    return prepare_raw(read_bytes(file_name, data, max_bytes=max_bytes), glossary)
