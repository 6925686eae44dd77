"""Read a minutes file (.txt, .md, .pdf, .docx) into its text, or fail with a plain reason.

``read_document`` reads a path, ``read_bytes`` the bytes of an upload; both return a
``RawDocument`` and raise ``IngestError(file_name, reason)`` for a file that cannot
be read (empty, too large, unsupported type, binary, corrupt, encrypted, no text).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.readers import ReadFailure
from ingest.readers.markdown import markdown_to_text
from ingest.readers.pdf import read_pdf
from ingest.readers.text import decode_text
from ingest.readers.word import read_docx

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".pdf", ".docx"})

_EXPECTED = "expected .txt, .md, .pdf or .docx"
_HINTS = {
    ".doc": "old Word format: save it as .docx",
    ".rtf": "save it as .docx or .pdf",
    ".odt": "save it as .docx or .pdf",
}


@dataclass(frozen=True)
class RawDocument:
    file_name: str  # base name
    format: str  # "txt" | "md" | "pdf" | "docx"
    sha256: str  # of the file bytes
    size: int  # bytes
    text: str  # extracted text


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read one file from disk. The size is checked before the file is read."""
    path = Path(path)
    file_name = path.name
    suffix = _checked_suffix(file_name)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError(file_name, "not a file")
        _check_size(file_name, size, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(file_name, "file not found") from None
    except PermissionError:
        raise IngestError(file_name, "cannot read file: permission denied") from None
    except IsADirectoryError:
        raise IngestError(file_name, "not a file") from None
    except OSError as error:
        raise IngestError(file_name, f"cannot read file: {error.strerror or error}") from None
    return _read(file_name, suffix, data, max_bytes)


def read_bytes(file_name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Read an uploaded file's bytes; ``file_name`` may carry a client's folder path."""
    base_name = base_file_name(file_name)
    return _read(base_name, _checked_suffix(base_name), data, max_bytes)


def base_file_name(file_name: str) -> str:
    """The last part of a path written with / or \\ separators."""
    return re.split(r"[\\/]", file_name.strip())[-1]


def _read(file_name: str, suffix: str, data: bytes, max_bytes: int) -> RawDocument:
    _check_size(file_name, len(data), max_bytes)
    try:
        text = _READERS[suffix](data)
    except ReadFailure as failure:
        raise IngestError(file_name, failure.reason) from None
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
        raise IngestError(file_name, f"file has no extension ({_EXPECTED})")
    hint = _HINTS.get(suffix, _EXPECTED)
    raise IngestError(file_name, f"unsupported file type '{suffix}' ({hint})")


def _check_size(file_name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise IngestError(file_name, "file is empty")
    if size > max_bytes:
        raise IngestError(
            file_name, f"file is {format_size(size)}, over the {format_size(max_bytes)} limit"
        )


def format_size(size: int) -> str:
    """Bytes, KB or MB with one decimal (1 MB = 1024 * 1024 bytes)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _read_text(data: bytes) -> str:
    text = decode_text(data)
    if not text.strip():
        raise ReadFailure("file has no text")
    return text


def _read_markdown(data: bytes) -> str:
    return markdown_to_text(_read_text(data))


_READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
