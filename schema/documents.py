"""Source documents: the files records were read from."""

from __future__ import annotations

import datetime as dt

import strawberry

from records import models
from records.enums import DocumentType
from schema import enums as _enums  # noqa: F401  (registers the GraphQL enums)
from schema.node import Node


@strawberry.type(description="A file that was ingested; every record traces back to one.")
class SourceDocument(Node):
    file_name: str = strawberry.field(description="The file's name when it was ingested.")
    format: str = strawberry.field(description="The file format: txt, md, pdf or docx.")
    document_type: DocumentType = strawberry.field(description="Minutes, agenda or action log.")
    sha256: str = strawberry.field(description="SHA-256 of the file's bytes (hex).")
    size: int = strawberry.field(description="The file's size in bytes.")
    ingested_at: dt.datetime = strawberry.field(description="When the file was ingested.")
    warnings: list[str] = strawberry.field(
        description="What reading and cleaning the file had to repair or could not read."
    )
    text: str = strawberry.field(
        description="The file's cleaned text, which its records were parsed from: the "
        "offsets of `Evidence` index into it."
    )

    @classmethod
    def from_model(cls, document: models.SourceDocument) -> SourceDocument:
        return cls(
            db_id=document.id,
            file_name=document.file_name,
            format=document.format,
            document_type=document.document_type,
            sha256=document.sha256,
            size=document.size,
            ingested_at=document.ingested_at,
            warnings=list(document.warnings or []),
            text=document.text,
        )
