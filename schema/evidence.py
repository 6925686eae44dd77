"""Provenance: the passage of its source document a record was read from.

Items, actions, metrics, attendances and the updates the minutes give store the span of
the cleaned text they were parsed from (``span_start``/``span_end`` into
``SourceDocument.text``), meetings that of their header (``header_span_start``/
``header_span_end``); ``Evidence`` shows that span. The passage is cut from the
document the ``document`` loader holds, so the evidence of every record of a page costs
one batched statement, shared with ``evidence { document }``.
"""

from __future__ import annotations

import strawberry

from records import models
from schema.context import Context
from schema.documents import SourceDocument
from schema.fields import resolver_field
from schema.relations import related, relation

Info = strawberry.Info[Context, None]

EVIDENCE_DOC = (
    "The passage of the source document this record was read from; null when the "
    "record has none (one made or pushed through the API)."
)


@strawberry.type(
    description="Where a record was read from: a span of its source document's cleaned text."
)
class Evidence:
    start: int = strawberry.field(
        description="Where the passage starts: a character offset (Unicode code points, "
        "from 0) into `document.text`."
    )
    end: int = strawberry.field(
        description="Where the passage ends: the offset just past its last character, so "
        "`text` is `document.text` from `start` up to `end`."
    )
    document_id: strawberry.Private[int]

    document: SourceDocument = relation(
        "document", key="document_id", description="The document the passage is in."
    )

    @resolver_field(description="The passage itself, as the document's text gives it.")
    def text(self, info: Info) -> str:
        start, end = self.start, self.end
        return related(
            info.context.loaders.document,
            self.document_id,
            lambda document: _passage(document, start, end),
        )


def _passage(document: models.SourceDocument | None, start: int, end: int) -> str:
    assert document is not None  # the records of a document are deleted with it
    return document.text[start:end]


def evidence_of(document_id: int | None, start: int | None, end: int | None) -> Evidence | None:
    """The evidence of a record's stored span; None when it stores none."""
    if document_id is None or start is None or end is None:
        return None
    return Evidence(start=start, end=end, document_id=document_id)
