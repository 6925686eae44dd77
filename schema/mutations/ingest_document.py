"""``ingestDocument(file: Upload!)``: one minutes file through the ingest pipeline.

The same steps and messages as ``assurance ingest``: the file is read (the upload
in chunks, stopping as soon as it passes the size limit), cleaned and parsed, then
stored in one write transaction, after which the index applies the change log. A
file that fails leaves the database and the index as they were and comes back as a
typed error naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Protocol, TypeGuard

import strawberry
from sqlalchemy.ext.asyncio import AsyncEngine
from strawberry.file_uploads import Upload

from indexer.storage import IndexStore
from ingest.errors import IngestError, IngestErrorCode
from ingest.pipeline import FileReport, ingest_upload
from ingest.read import base_file_name, format_size
from ingest.store import StoreOutcome
from ingest.workers import WorkerPool
from records import models
from records.db import session_factory
from schema.enums import described_enum
from schema.errors import UserError
from schema.meetings import Meeting
from schema.mutations.common import catch_up_index, engine_of, index_of

CHUNK_BYTES = 256 * 1024
FILE_FIELD = "file"
NOT_AN_UPLOAD = "NOT_AN_UPLOAD"
# The request context's pool of processes that read and parse uploads.
UPLOADS_ATTRIBUTE = "uploads"


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

    @classmethod
    def refused(cls, error: IngestError) -> IngestOutcome:
        return cls(errors=[UserError(field=FILE_FIELD, code=error.code.value, message=str(error))])


async def read_upload(upload: UploadedFile, file_name: str, max_bytes: int) -> bytes:
    """The upload's bytes, read in chunks; ``IngestError`` as soon as it passes ``max_bytes``.

    A size the client declared is checked before anything is read.
    """
    declared = upload.size
    if declared is not None and declared > max_bytes:
        raise IngestError(
            file_name,
            f"file is {format_size(declared)}, over the {format_size(max_bytes)} limit",
            IngestErrorCode.TOO_LARGE,
        )
    chunks: list[bytes] = []
    total = 0
    while chunk := await upload.read(CHUNK_BYTES):
        total += len(chunk)
        if total > max_bytes:
            raise IngestError(
                file_name,
                f"file is over the {format_size(max_bytes)} limit",
                IngestErrorCode.TOO_LARGE,
            )
        chunks.append(chunk)
    return b"".join(chunks)


async def ingest_uploaded_file(
    engine: AsyncEngine, store: IndexStore | None, pool: WorkerPool, upload: object
) -> IngestOutcome:
    """Read the upload, have ``pool`` read and parse it, store it, then catch the index up."""
    if not _is_upload(upload):
        message = (
            f"file: expected a file sent as a GraphQL multipart upload, "
            f"not a {type(upload).__name__} value"
        )
        return IngestOutcome(
            errors=[UserError(field=FILE_FIELD, code=NOT_AN_UPLOAD, message=message)]
        )
    file_name = base_file_name(upload.filename or "")
    if not file_name:
        return IngestOutcome.refused(
            IngestError("(upload)", "the upload has no file name", IngestErrorCode.NO_FILE_NAME)
        )
    try:
        data = await read_upload(upload, file_name, pool.limits.read.max_bytes)
    except IngestError as error:
        return IngestOutcome.refused(error)
    report = await ingest_upload(engine, pool, file_name, data)
    if report.failed:
        return IngestOutcome.refused(_error_of(report))
    await catch_up_index(engine, store)
    return IngestOutcome(
        meeting_id=report.meeting_id, outcome=report.outcome, warnings=report.warnings
    )


def _is_upload(value: object) -> TypeGuard[UploadedFile]:
    return callable(getattr(value, "read", None)) and hasattr(value, "filename")


def _error_of(report: FileReport) -> IngestError:
    code = report.error_code or IngestErrorCode.FAILED
    return IngestError(report.path.name, report.error or "failed", code)


described_enum(
    StoreOutcome,
    name="IngestOutcome",
    description="What an ingested file did to the archive.",
    values={
        "STORED": "It was the first document of its meeting: a new meeting was stored.",
        "ATTACHED": "A new document (minutes, agenda or action log) of a meeting already "
        "stored, attached to it.",
        "REPLACED": "A new version of a document already stored: the old version's records "
        "were replaced.",
        "UNCHANGED": "The same file (by SHA-256) was ingested before: nothing changed.",
    },
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
    pool = getattr(context, UPLOADS_ATTRIBUTE, None)
    if isinstance(pool, WorkerPool):
        result = await ingest_uploaded_file(engine, index_of(context), pool, file)
    else:  # a context without a pool reads in this process, with the default limits
        with WorkerPool(0) as own_pool:
            result = await ingest_uploaded_file(engine, index_of(context), own_pool, file)
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
