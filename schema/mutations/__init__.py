"""The ``Mutation`` type: writes for force systems, each in a module of its own.

Every payload carries ``errors { field code message }`` for input the caller can
fix; permissions (editor, admin) are checked before a resolver runs.
"""

from __future__ import annotations

import strawberry

from schema.mutations.delete_meeting import DeleteMeetingPayload, resolve_delete_meeting
from schema.mutations.ingest_document import IngestDocumentPayload, resolve_ingest_document
from schema.mutations.update_action import UpdateActionPayload, resolve_update_action
from schema.permissions import IsAdmin, IsEditor


@strawberry.type(
    description="Write to the archive: ingest documents, record progress on actions, remove "
    "meetings. Needs an API key (`Authorization: Bearer <key>`) of the role each field names; "
    "what the caller can fix comes back in the payload's `errors`."
)
class Mutation:
    ingest_document: IngestDocumentPayload = strawberry.mutation(
        resolver=resolve_ingest_document,
        permission_classes=[IsEditor],
        description="Ingest one minutes, agenda or action-log file (.txt, .md, .pdf, .docx) "
        "and index it. Needs the editor role.",
    )
    update_action: UpdateActionPayload = strawberry.mutation(
        resolver=resolve_update_action,
        permission_classes=[IsEditor],
        description="Record progress on an action: a new status, due date and/or note, kept "
        "in its history. Needs the editor role.",
    )
    delete_meeting: DeleteMeetingPayload = strawberry.mutation(
        resolver=resolve_delete_meeting,
        permission_classes=[IsAdmin],
        description="Remove a meeting and every record made from its documents. Needs the "
        "admin role.",
    )


__all__ = ["Mutation"]
