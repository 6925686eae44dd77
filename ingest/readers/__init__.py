"""Format readers: bytes of one file in, plain text out.

Each reader raises ``ReadFailure`` with a one-line reason; ``ingest.read`` adds the
file name and turns it into an ``IngestError``.
"""


class ReadFailure(Exception):
    """The bytes could not be read as the expected format; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
