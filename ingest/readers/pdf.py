"""Text of a PDF file with pdfplumber, in reading order, without page furniture.

Ruled tables become tab-separated rows (their words are not repeated in the text),
two-column pages are read column by column, repeated running headers/footers and
page numbers are dropped, and pages are joined with a blank line.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ingest.errors import IngestErrorCode
from ingest.readers import ReadFailure
from ingest.readers.pdf_layout import (
    TableBlock,
    Word,
    drop_page_furniture,
    group_lines,
    order_page,
    render_page,
)

_HEADER_SEARCH = 1024
# Letters closer than this share of the font size belong to one word; PDFs that
# position each word without space characters need a tolerance relative to the size.
_X_TOLERANCE_RATIO = 0.2


def read_pdf(data: bytes, *, max_pages: int) -> str:
    """Text of a PDF. Raises ``ReadFailure`` for corrupt, encrypted or image-only files,
    and for more than ``max_pages`` pages (counted before any page is read).
    """
    if b"%PDF-" not in data[:_HEADER_SEARCH]:
        raise ReadFailure("not a valid PDF")
    pages = [
        render_page(order_page(group_lines(words), tables))
        for words, tables in _extract(data, max_pages)
    ]
    pages = drop_page_furniture(pages)
    text = "\n\n".join("\n".join(page) for page in pages)
    if not any(c.isalpha() for c in text):
        raise ReadFailure("PDF has no text layer (scanned image?)")
    return text


def _extract(data: bytes, max_pages: int) -> list[tuple[list[Word], list[TableBlock]]]:
    """The words outside tables, and the tables, of every page.

    Each page is closed once read: pdfplumber otherwise keeps every page's objects
    (megabytes a page) until the document closes.
    """
    try:
        # pdfminer tries the empty password, which opens most "protected" PDFs.
        with pdfplumber.open(io.BytesIO(data), password="") as document:
            count = len(document.pages)
            if count > max_pages:
                raise ReadFailure(
                    f"PDF has {count:,} pages, over the {max_pages:,}-page limit",
                    IngestErrorCode.TOO_LARGE,
                )
            contents = []
            for page in document.pages:
                contents.append(_page_content(page))
                page.close()
            return contents
    except ReadFailure:
        raise
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, PDFPasswordIncorrect):
            raise ReadFailure("PDF is encrypted") from None
        if isinstance(cause, PDFEncryptionError):
            raise ReadFailure("PDF is encrypted (unsupported encryption)") from None
        raise ReadFailure("not a valid PDF") from None
    except PDFPasswordIncorrect:
        raise ReadFailure("PDF is encrypted") from None
    except Exception:  # pdfminer raises many types for a damaged file
        raise ReadFailure("not a valid PDF") from None


def _page_content(page: Any) -> tuple[list[Word], list[TableBlock]]:
    if _has_doubled_chars(page.chars):
        page = page.dedupe_chars()  # slow, so only for pages with overprinted ("fake bold") text
    tables = [t for t in page.find_tables() if _column_count(t) >= 2]
    boxes = [t.bbox for t in tables]
    words = [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        for w in page.extract_words(
            keep_blank_chars=False, use_text_flow=False, x_tolerance_ratio=_X_TOLERANCE_RATIO
        )
        if not _inside_any(w, boxes)
    ]
    blocks = [_table_block(t) for t in tables]
    return words, [b for b in blocks if b.rows]


def _has_doubled_chars(chars: list[dict[str, Any]]) -> bool:
    seen: set[tuple[str, float, float]] = set()
    for char in chars:
        key = (str(char["text"]), round(float(char["x0"])), round(float(char["top"])))
        if key in seen and not str(char["text"]).isspace():
            return True
        seen.add(key)
    return False


def _column_count(table: Any) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _inside_any(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(word["x0"]) + float(word["x1"])) / 2
    y = (float(word["top"]) + float(word["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table_block(table: Any) -> TableBlock:
    rows: list[str] = []
    for row in table.extract():
        cells = [" ".join(cell.split()) for cell in row if cell is not None]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            rows.append("\t".join(cells))
    _x0, top, _x1, bottom = table.bbox
    return TableBlock(top=float(top), bottom=float(bottom), rows=tuple(rows))
