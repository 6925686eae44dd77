"""Text of a Word .docx file: body paragraphs and tables in document order.

Each paragraph is one line (list paragraphs get their bullet or number label);
each table row is one line with its cells joined by tabs, merged cells once.
Section headers and footers, text boxes and deleted (tracked) text are left out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn

from ingest.errors import IngestErrorCode
from ingest.readers import ReadFailure
from ingest.readers.word_lists import ListLabeller

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MB = 1024 * 1024
# Members smaller than this are not checked for their compression ratio: tiny parts
# of repeated XML compress very well and hold nothing dangerous.
_RATIO_CHECKED_FROM = _MB
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")
_CUSTOM_XML = qn("w:customXml")
_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_CR = qn("w:cr")
_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_PPR = qn("w:pPr")
_RPR = qn("w:rPr")
_SKIPPED = frozenset(
    {
        qn("w:del"),
        qn("w:txbxContent"),
        qn("w:instrText"),
        qn("w:delText"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)


def read_docx(data: bytes, *, max_unpacked_bytes: int, max_compression_ratio: int) -> str:
    """Text of a .docx file. Raises ``ReadFailure`` for files Word could not open either,
    and for packages that unpack to more than the limits allow (checked before inflating).
    """
    document = _open(data, max_unpacked_bytes, max_compression_ratio)
    body = document.element.body
    labeller = ListLabeller(_numbering_element(document), _styles_element(document))
    lines = list(_block_lines(body, labeller))
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ReadFailure("Word document has no text")
    return "\n".join(lines)


def _open(data: bytes, max_unpacked_bytes: int, max_compression_ratio: int) -> Any:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:
            raise ReadFailure("Word document is encrypted (password protected)")
        raise ReadFailure("not a valid Word .docx file (old .doc format? save it as .docx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadFailure("not a valid Word .docx file")
    _check_unpacked_size(data, max_unpacked_bytes, max_compression_ratio)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises many types for a damaged package
        raise ReadFailure("not a valid Word .docx file") from None


def _check_unpacked_size(data: bytes, max_unpacked_bytes: int, max_compression_ratio: int) -> None:
    """Refuse a package by the sizes its directory declares, before anything is inflated.

    Python's zipfile stops inflating a member at its declared size (and then fails its
    checksum), so declared sizes bound what reading the package can cost.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ReadFailure("not a valid Word .docx file") from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_unpacked_bytes:
        raise ReadFailure(
            f"Word document unpacks to {unpacked / _MB:.1f} MB, over the "
            f"{max_unpacked_bytes / _MB:.1f} MB limit",
            IngestErrorCode.TOO_LARGE,
        )
    for member in members:
        if member.file_size < _RATIO_CHECKED_FROM:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > max_compression_ratio:
            raise ReadFailure(
                f"Word document part {member.filename} is compressed {ratio:.0f} times "
                f"(over the limit of {max_compression_ratio}): a decompression bomb?",
                IngestErrorCode.TOO_LARGE,
            )


def _numbering_element(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _styles_element(document: Any) -> Any:
    try:
        return document.part.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _block_lines(container: Any, labeller: ListLabeller) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == _P:
            yield _paragraph_line(child, labeller)
        elif child.tag == _TBL:
            yield from _table_lines(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, labeller)
        elif child.tag == _CUSTOM_XML:
            yield from _block_lines(child, labeller)


def _paragraph_line(paragraph: Any, labeller: ListLabeller) -> str:
    text = paragraph_text(paragraph)
    label = labeller.label(paragraph)
    if label is None or not text.strip():
        return text
    mark, separator = label
    return f"{mark}{separator}{text}"


def paragraph_text(paragraph: Any) -> str:
    """Visible text of one ``w:p``: runs, hyperlinks, insertions; tabs and breaks kept."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED or tag in (_PPR, _RPR):
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        else:
            _collect(child, parts)


def _table_lines(table: Any) -> Iterator[str]:
    for row in table.iter(_TR):
        if _enclosing_table(row) is not table:
            continue
        cells = [
            _cell_text(cell)
            for cell in row.findall(_TC) + _sdt_cells(row)
            if not _is_horizontal_continuation(cell)
        ]
        cells = _drop_repeats(cells)
        if any(cells):
            yield "\t".join(cells)


def _sdt_cells(row: Any) -> list[Any]:
    cells: list[Any] = []
    for sdt in row.findall(_SDT):
        content = sdt.find(_SDT_CONTENT)
        if content is not None:
            cells.extend(content.findall(_TC))
    return cells


def _enclosing_table(element: Any) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _is_horizontal_continuation(cell: Any) -> bool:
    """Old-style horizontal merge: the continuation cells repeat nothing and are skipped."""
    properties = cell.find(qn("w:tcPr"))
    merge = properties.find(qn("w:hMerge")) if properties is not None else None
    return merge is not None and merge.get(qn("w:val")) in (None, "continue")


def _cell_text(cell: Any) -> str:
    """One line for one cell; a vertically merged continuation cell is empty."""
    properties = cell.find(qn("w:tcPr"))
    if properties is not None:
        merge = properties.find(qn("w:vMerge"))
        if merge is not None and merge.get(qn("w:val")) in (None, "continue"):
            return ""
    texts = [paragraph_text(p) for p in cell.iter(_P) if not _in_text_box(p, cell)]
    return " ".join(" ".join(t.split()) for t in texts if t.strip())


def _in_text_box(paragraph: Any, cell: Any) -> bool:
    parent = paragraph.getparent()
    while parent is not None and parent is not cell:
        if parent.tag in _SKIPPED:
            return True
        parent = parent.getparent()
    return False


def _drop_repeats(cells: list[str]) -> list[str]:
    """Drop trailing empty cells, and a row whose cells all say the same becomes one cell."""
    while cells and not cells[-1]:
        cells.pop()
    non_empty = {c for c in cells if c}
    if len(non_empty) == 1 and len(cells) > 1 and all(c for c in cells):
        return [cells[0]]
    return cells
