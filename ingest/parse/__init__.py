"""Parser: cleaned minutes text -> ``MeetingDraft`` (pure functions, no I/O).

``parse_document`` is imported on first use, so the helper modules (``ingest.parse.dates``
and the others) can be imported on their own without loading the whole parser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.parse.document import parse_document

__all__ = ["parse_document"]


def __getattr__(name: str) -> Any:
    if name == "parse_document":
        from ingest.parse.document import parse_document

        return parse_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
