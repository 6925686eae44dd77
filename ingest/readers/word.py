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
_PSTYLE = qn("w:pStyle")
_STYLE = qn("w:style")
_STYLE_ID = qn("w:styleId")
_BASED_ON = qn("w:basedOn")
_OUTLINE_LEVEL = qn("w:outlineLvl")
_VAL = qn("w:val")
# Outline levels 0-5 become Markdown headings "#" to "######"; 9 is body text.
MARKED_LEVELS = 6
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
    styles = _styles_element(document)
    labeller = ListLabeller(_numbering_element(document), styles)
    lines = list(_block_lines(body, labeller, _outline_levels(styles)))
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


def _outline_levels(styles: Any) -> dict[str, int]:
    """Paragraph style id -> outline level (0 for "Heading 1"), following ``basedOn``.

    Word marks a heading by its style's outline level, whatever the style is called in
    the document's language ("Heading1", "berschrift1", "Titre1").
    """
    if styles is None:
        return {}
    own: dict[str, tuple[int | None, str | None]] = {}
    for style in styles.findall(_STYLE):
        ppr = style.find(_PPR)
        level = ppr.find(_OUTLINE_LEVEL) if ppr is not None else None
        based_on = style.find(_BASED_ON)
        own[str(style.get(_STYLE_ID))] = (
            _outline_value(level),
            based_on.get(_VAL) if based_on is not None else None,
        )
    levels: dict[str, int] = {}
    for style_id in own:
        current: str | None = style_id
        for _ in range(len(own)):  # a basedOn cycle ends here
            if current is None or current not in own:
                break
            level, current = own[current]
            if level is not None:
                levels[style_id] = level
                break
    return levels


def _outline_value(element: Any) -> int | None:
    value = element.get(_VAL) if element is not None else None
    return int(value) if value is not None and value.isdigit() else None


def _block_lines(container: Any, labeller: ListLabeller, outline: dict[str, int]) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == _P:
            yield _paragraph_line(child, labeller, outline)
        elif child.tag == _TBL:
            yield from _table_lines(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, labeller, outline)
        elif child.tag == _CUSTOM_XML:
            yield from _block_lines(child, labeller, outline)


def _paragraph_line(paragraph: Any, labeller: ListLabeller, outline: dict[str, int]) -> str:
    """The paragraph's text, after its list number, marked "#" to "######" as a Markdown
    heading when its style (or itself) gives it an outline level: headings are a Word
    document's own agenda structure, which its plain text loses."""
    text = paragraph_text(paragraph)
    if not text.strip():
        return text
    label = labeller.label(paragraph)
    if label is not None:
        mark, separator = label
        text = f"{mark}{separator}{text}"
    level = _paragraph_outline(paragraph, outline)
    if level is not None and level < MARKED_LEVELS and "\n" not in text.strip():
        return f"{'#' * (level + 1)} {text.strip()}"
    return text


def _paragraph_outline(paragraph: Any, outline: dict[str, int]) -> int | None:
    ppr = paragraph.find(_PPR)
    if ppr is None:
        return None
    own = _outline_value(ppr.find(_OUTLINE_LEVEL))
    if own is not None:
        return own
    style = ppr.find(_PSTYLE)
    return outline.get(str(style.get(_VAL))) if style is not None else None


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
