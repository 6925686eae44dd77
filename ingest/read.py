"""Read a minutes file (.txt, .md, .pdf, .docx) into its text, or fail with a plain reason.

``read_document`` reads a path, ``read_bytes`` the bytes of an upload; both return a
``RawDocument`` and raise ``IngestError(file_name, reason, code)`` for a file that cannot
be read (empty, too large, unsupported type, binary, corrupt, encrypted, no text).
``ReadLimits`` bounds what one file may make a reader do: its bytes, a PDF's pages, a
Word file's unpacked size and compression ratio (a small .docx can hold gigabytes of XML).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError, IngestErrorCode
from ingest.readers import ReadFailure
from ingest.readers.markdown import markdown_to_text
from ingest.readers.pdf import read_pdf
from ingest.readers.text import decode_text
from ingest.readers.word import read_docx

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MB

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".pdf", ".docx"})

_EXPECTED = "expected .txt, .md, .pdf or .docx"
_HINTS = {
    ".doc": "old Word format: save it as .docx",
    ".rtf": "save it as .docx or .pdf",
    ".odt": "save it as .docx or .pdf",
}


@dataclass(frozen=True)
class ReadLimits:
    """What one file may hold before it is refused unread (each limit is a setting)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pdf_pages: int = 500
    # A .docx's members, uncompressed, in all; and the most any one member of over a
    # megabyte may be compressed (XML compresses 5-20 times; a zip bomb hundreds).
    max_unpacked_bytes: int = 200 * MB
    max_compression_ratio: int = 100


@dataclass(frozen=True)
class RawDocument:
    file_name: str  # base name
    format: str  # "txt" | "md" | "pdf" | "docx"
    sha256: str  # of the file bytes
    size: int  # bytes
    text: str  # extracted text


def read_document(path: Path, limits: ReadLimits = ReadLimits()) -> RawDocument:
    """Read one file from disk. The size is checked before the file is read."""
    path = Path(path)
    file_name = path.name
    suffix = _checked_suffix(file_name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError(file_name, "not a file", IngestErrorCode.NOT_FOUND)
        _check_size(file_name, size, limits.max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(file_name, "file not found", IngestErrorCode.NOT_FOUND) from None
    except PermissionError:
        raise IngestError(
            file_name, "cannot read file: permission denied", IngestErrorCode.NOT_FOUND
        ) from None
    except IsADirectoryError:
        raise IngestError(file_name, "not a file", IngestErrorCode.NOT_FOUND) from None
    except OSError as error:
        raise IngestError(
            file_name, f"cannot read file: {error.strerror or error}", IngestErrorCode.NOT_FOUND
        ) from None
    return _read(file_name, suffix, data, limits)


def read_bytes(file_name: str, data: bytes, limits: ReadLimits = ReadLimits()) -> RawDocument:
    """Read an uploaded file's bytes; ``file_name`` may carry a client's folder path."""
    base_name = base_file_name(file_name)
    if not base_name:
        raise IngestError("(upload)", "the upload has no file name", IngestErrorCode.NO_FILE_NAME)
    return _read(base_name, _checked_suffix(base_name), data, limits)


def base_file_name(file_name: str) -> str:
    """The last part of a path written with / or \\ separators."""
    return re.split(r"[\\/]", file_name.strip())[-1]


def _read(file_name: str, suffix: str, data: bytes, limits: ReadLimits) -> RawDocument:
    _check_size(file_name, len(data), limits.max_bytes)
    try:
        text = _READERS[suffix](data, limits)
    except ReadFailure as failure:
        raise IngestError(file_name, failure.reason, failure.code) from None
    text = text.removeprefix("\ufeff")
    return RawDocument(
        file_name=file_name,
        format=suffix[1:],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text=text,
    )


def _checked_suffix(file_name: str) -> str:
    suffix = Path(file_name).suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return suffix
    if not suffix:
        raise IngestError(
            file_name, f"file has no extension ({_EXPECTED})", IngestErrorCode.UNSUPPORTED_TYPE
        )
    hint = _HINTS.get(suffix, _EXPECTED)
    raise IngestError(
        file_name, f"unsupported file type '{suffix}' ({hint})", IngestErrorCode.UNSUPPORTED_TYPE
    )


def _check_size(file_name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise IngestError(file_name, "file is empty", IngestErrorCode.EMPTY_FILE)
    if size > max_bytes:
        raise IngestError(
            file_name,
            f"file is {format_size(size)}, over the {format_size(max_bytes)} limit",
            IngestErrorCode.TOO_LARGE,
        )


def format_size(size: int) -> str:
    """Bytes, KB or MB with one decimal (1 MB = 1024 * 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _read_text(data: bytes, _limits: ReadLimits) -> str:
    text = decode_text(data)
    if not text.strip():
        raise ReadFailure("file has no text")
    return text


def _read_markdown(data: bytes, limits: ReadLimits) -> str:
    return markdown_to_text(_read_text(data, limits))


def _read_pdf(data: bytes, limits: ReadLimits) -> str:
    return read_pdf(data, max_pages=limits.max_pdf_pages)


def _read_docx(data: bytes, limits: ReadLimits) -> str:
    return read_docx(
        data,
        max_unpacked_bytes=limits.max_unpacked_bytes,
        max_compression_ratio=limits.max_compression_ratio,
    )


_READERS: dict[str, Callable[[bytes, ReadLimits], str]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".pdf": _read_pdf,
    ".docx": _read_docx,
}
