"""``ingestDocument(file: Upload!)``: one minutes file through the ingest pipeline.

The same steps and messages as ``assurance ingest``: the file is read (the upload
in chunks, stopping as soon as it passes the size limit), cleaned and parsed, then
stored in one write transaction, after which the index applies the change log. A
file that fails leaves the database and the index as they were and comes back as a
typed error naming the file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Annotated, Protocol, cast

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.file_uploads import Upload

from indexer.storage import IndexStore
from ingest.draft import GlossaryEntry
from ingest.errors import IngestError
from ingest.pipeline import prepare_glossary, store_prepared
from ingest.prepare import PreparedDocument, prepare_raw
from ingest.read import SUPPORTED_SUFFIXES, RawDocument, base_file_name, format_size, read_bytes
from ingest.store import StoreOutcome
from records import models
from records.db import session_factory
from schema.errors import UserError
from schema.meetings import Meeting
from schema.mutations.common import catch_up_index, engine_of, index_of, upload_limit_of

CHUNK_BYTES = 256 * 1024
FILE_FIELD = "file"

# Codes of the errors ingestDocument returns.
NO_FILE_NAME = "NO_FILE_NAME"
UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
EMPTY_FILE = "EMPTY_FILE"
TOO_LARGE = "TOO_LARGE"
UNREADABLE = "UNREADABLE"
NOT_MINUTES = "NOT_MINUTES"


class UploadedFile(Protocol):
    """What an upload offers (``starlette.datastructures.UploadFile`` fits)."""

    @property
    def filename(self) -> str | None: ...

    @property
    def size(self) -> int | None: ...

    async def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True)
class IngestOutcome:
    """The stored meeting, or the errors that stopped the file."""

    meeting_id: int | None = None
    outcome: StoreOutcome | None = None
    warnings: tuple[str, ...] = ()
    errors: list[UserError] = field(default_factory=list)


class _Rejected(Exception):
    def __init__(self, code: str, error: IngestError) -> None:
        super().__init__(str(error))
        self.code = code
        self.error = error

    def user_error(self) -> UserError:
        return UserError(field=FILE_FIELD, code=self.code, message=str(self.error))


async def read_upload(upload: UploadedFile, file_name: str, max_bytes: int) -> bytes:
    """The upload's bytes, read in chunks; ``IngestError`` as soon as it passes ``max_bytes``.

    A size the client declared is checked before anything is read.
    """
    declared = upload.size
    if declared is not None and declared > max_bytes:
        raise IngestError(
            file_name, f"file is {format_size(declared)}, over the {format_size(max_bytes)} limit"
        )
    chunks: list[bytes] = []
    total = 0
    while chunk := await upload.read(CHUNK_BYTES):
        total += len(chunk)
        if total > max_bytes:
            raise IngestError(file_name, f"file is over the {format_size(max_bytes)} limit")
        chunks.append(chunk)
    return b"".join(chunks)


async def ingest_upload(
    engine: AsyncEngine, store: IndexStore | None, upload: UploadedFile, *, max_bytes: int
) -> IngestOutcome:
    """Read, clean, parse and store one uploaded file, then bring the index up to date."""
    try:
        prepared = await _prepare(engine, upload, max_bytes)
    except _Rejected as rejected:
        return IngestOutcome(errors=[rejected.user_error()])
    result = await store_prepared(engine, prepared)
    await catch_up_index(engine, store)
    return IngestOutcome(
        meeting_id=result.meeting_id, outcome=result.outcome, warnings=prepared.warnings
    )


async def _prepare(engine: AsyncEngine, upload: UploadedFile, max_bytes: int) -> PreparedDocument:
    file_name = base_file_name(upload.filename or "")
    if not file_name:
        raise _Rejected(NO_FILE_NAME, IngestError("(upload)", "the upload has no file name"))
    if PurePath(file_name).suffix.lower() not in SUPPORTED_SUFFIXES:
        # read_bytes checks the type first, so it gives the CLI's own message.
        raise _Rejected(UNSUPPORTED_TYPE, _reader_error(file_name, b"", max_bytes))
    try:
        data = await read_upload(upload, file_name, max_bytes)
    except IngestError as error:
        raise _Rejected(TOO_LARGE, error) from error
    if not data:
        raise _Rejected(EMPTY_FILE, _reader_error(file_name, data, max_bytes))
    glossary = await prepare_glossary(engine)
    try:
        raw = await asyncio.to_thread(_read, file_name, data, max_bytes)
    except IngestError as error:
        raise _Rejected(UNREADABLE, error) from error
    try:
        return await asyncio.to_thread(_parse, raw, glossary)
    except IngestError as error:
        raise _Rejected(NOT_MINUTES, error) from error


def _read(file_name: str, data: bytes, max_bytes: int) -> RawDocument:
    """``read_bytes``, with a reader's unexpected failure reported as the CLI reports it."""
    try:
        return read_bytes(file_name, data, max_bytes=max_bytes)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            file_name, f"could not be read or parsed ({type(exc).__name__}: {exc})"
        ) from exc


def _parse(raw: RawDocument, glossary: Sequence[GlossaryEntry]) -> PreparedDocument:
    """``prepare_raw``, with a parser's unexpected failure reported as the CLI reports it."""
    try:
        return prepare_raw(raw, glossary)
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            raw.file_name, f"could not be read or parsed ({type(exc).__name__}: {exc})"
        ) from exc


def _reader_error(file_name: str, data: bytes, max_bytes: int) -> IngestError:
    try:
        read_bytes(file_name, data, max_bytes=max_bytes)
    except IngestError as error:
        return error
    raise AssertionError(f"{file_name} was expected to be refused")  # pragma: no cover


strawberry.enum(
    StoreOutcome,
    name="IngestOutcome",
    description="STORED: a new meeting; ATTACHED: a new document of a known meeting; "
    "REPLACED: a new version of a document; UNCHANGED: the same file again.",
)


@strawberry.type(description="The result of ingestDocument: the meeting, or what was wrong.")
class IngestDocumentPayload:
    meeting: Meeting | None = strawberry.field(
        description="The meeting the document belongs to (null when it was refused)."
    )
    outcome: StoreOutcome | None = strawberry.field(description="What the file did.")
    warnings: list[str] = strawberry.field(
        description="What the reader and parser found doubtful in this file."
    )
    errors: list[UserError] = strawberry.field(
        description="Why the file was refused; empty on success."
    )


async def resolve_ingest_document(
    info: strawberry.Info,
    file: Annotated[
        Upload, strawberry.argument(description="The file, sent as a GraphQL multipart upload.")
    ],
) -> IngestDocumentPayload:
    context = info.context
    engine = engine_of(context)
    result = await ingest_upload(
        engine,
        index_of(context),
        cast(UploadedFile, file),
        max_bytes=upload_limit_of(context),
    )
    meeting = None
    if result.meeting_id is not None:
        async with session_factory(engine)() as session:
            record = await session.get(models.Meeting, result.meeting_id)
        meeting = Meeting.from_model(record) if record is not None else None
    return IngestDocumentPayload(
        meeting=meeting,
        outcome=result.outcome,
        warnings=list(result.warnings),
        errors=result.errors,
    )
