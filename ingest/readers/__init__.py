"""Format readers: bytes of one file in, plain text out.

Each reader raises ``ReadFailure`` with a one-line reason (and a code, when the file is
refused for its size rather than its content); ``ingest.read`` adds the file name and
turns it into an ``IngestError``.
"""

from ingest.errors import IngestErrorCode


class ReadFailure(Exception):
    """The bytes could not be read as the expected format; ``reason`` says why in one line."""

    def __init__(self, reason: str, code: IngestErrorCode = IngestErrorCode.UNREADABLE) -> None:
        super().__init__(reason, code)
        self.reason = reason
        self.code = code

    def __str__(self) -> str:
        return self.reason
