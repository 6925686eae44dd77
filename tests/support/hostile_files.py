"""Files made to cost a reader far more than their size: zip bombs, page bombs, huge texts.

Each builder returns the bytes of a file that is valid in its format, so that only a
limit (not a parse error) can stop it.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pypdf
from fpdf import FPDF

MB = 1024 * 1024
_PARAGRAPH = (
    b"<w:p><w:r><w:t>The panel noted the report on domestic abuse and asked for "
    b"the figures by district.</w:t></w:r></w:p>"
)
_HEADER = (
    "Police and Crime Panel\n"
    "Minutes of the meeting held on Tuesday 9 March 2021 at 10.00am\n"
    "Present: Jane Doe (Chair), John Roe, Ann Poe\n\n"
)
_ITEM = (
    "{n}. Performance report {n}\n"
    "The Chief Constable said that 43% of cases had no supervisory input and that "
    "£2.4m had been saved. The PCC asked for a plan by 1 April 2021.\n"
    "Action {n}: CC to report back on the {n} posts filled.\n\n"
)


def docx_bomb(unpacked_mb: int) -> bytes:
    """A .docx whose body is ``unpacked_mb`` MB of one paragraph repeated (compresses ~300x)."""
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting held on 3 March 2021")
    plain = io.BytesIO()
    document.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                repeats = unpacked_mb * MB // len(_PARAGRAPH)
                data = data.replace(b"<w:sectPr", _PARAGRAPH * repeats + b"<w:sectPr", 1)
            package.writestr(member, data)
    return bomb.getvalue()


def pdf_page_bomb(pages: int) -> bytes:
    """A PDF of ``pages`` pages that all share one page's content (a few hundred KB)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in range(40):
        pdf.cell(
            0,
            6,
            f"Accountability Board minutes, 3 March 2021, line {line}.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    page = pypdf.PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0]
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def large_minutes_text(megabytes: float) -> bytes:
    """Minutes of about ``megabytes`` MB: one header, then numbered items with actions."""
    parts = [_HEADER]
    size = len(_HEADER)
    n = 0
    while size < megabytes * MB:
        n += 1
        item = _ITEM.format(n=n)
        parts.append(item)
        size += len(item)
    return "".join(parts).encode("utf-8")
