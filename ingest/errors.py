"""The one error type of the ingest pipeline: a file, a plain reason and a stable code."""

from __future__ import annotations

from enum import StrEnum


class IngestErrorCode(StrEnum):
    """Why a file was refused, for programs (``ingestDocument``'s ``errors { code }``)."""

    NOT_FOUND = "NOT_FOUND"  # a path that does not exist or is not a readable file
    NO_FILE_NAME = "NO_FILE_NAME"  # an upload without a file name
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"  # not .txt, .md, .pdf or .docx
    EMPTY_FILE = "EMPTY_FILE"
    TOO_LARGE = "TOO_LARGE"  # over a limit on bytes, pages or unpacked size
    UNREADABLE = "UNREADABLE"  # corrupt, encrypted, or no text in it
    NOT_MINUTES = "NOT_MINUTES"  # text, but not the record of a meeting
    RESOURCE_LIMIT = "RESOURCE_LIMIT"  # reading and parsing needed more memory or time
    FAILED = "FAILED"  # an unexpected fault while reading, parsing or storing


class IngestError(Exception):
    """A file could not be ingested. ``str()`` gives one line naming the file and the reason.

    Errors cross process boundaries (files are read in worker processes), so the
    error pickles with all three of its parts.
    """

    def __init__(
        self, file_name: str, reason: str, code: IngestErrorCode = IngestErrorCode.UNREADABLE
    ) -> None:
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason
        self.code = IngestErrorCode(code)

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str, str]]:
        return (type(self), (self.file_name, self.reason, self.code.value))


class NotMinutesError(ValueError):
    """Raised by the parser when a text does not describe a meeting (no date, no items)."""
