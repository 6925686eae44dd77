"""The one error type of the ingest pipeline: a file and a plain reason."""


class IngestError(Exception):
    """A file could not be ingested. ``str()`` gives one line naming the file and the reason."""

    def __init__(self, file_name: str, reason: str) -> None:
        super().__init__(f"{file_name}: {reason}")
        self.file_name = file_name
        self.reason = reason


class NotMinutesError(ValueError):
    """Raised by the parser when a text does not describe a meeting (no date, no items)."""
