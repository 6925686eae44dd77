"""Word and PDF files built in memory for the readers and the upload tests."""

from __future__ import annotations

import io

import docx
import docx.document
from fpdf import FPDF


def docx_bytes(document: docx.document.Document) -> bytes:
    """The bytes of a Word document built with python-docx."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class _Paged(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_y(8)
        self.cell(0, 4, "Eastmoor OPCC - Performance Meeting - 12 May 2021", align="C")
        self.set_y(25)

    def footer(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_y(-12)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")


def pdf_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


def minutes_pdf() -> bytes:
    """Three pages of minutes with a running header, page numbers and an action table."""
    pdf = _Paged()
    pdf.set_auto_page_break(auto=True, margin=20)
    for page, topic in enumerate(("Welcome", "Contact management", "Finance"), start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, f"{page}. {topic}", new_x="LMARGIN")
        pdf.multi_cell(
            0, 6, f"The PCC asked about {topic.lower()}. The CC replied.", new_x="LMARGIN"
        )
        if page == 2:
            with pdf.table(col_widths=(20, 60, 30)) as table:
                for cells in (
                    ("No.", "Action", "Owner"),
                    ("1", "Report on 999 answer times", "DCC"),
                    ("2", "Share the audit", "CC"),
                ):
                    row = table.row()
                    for text in cells:
                        row.cell(text)
            pdf.multi_cell(0, 6, "Text after the table.", new_x="LMARGIN")
    return pdf_bytes(pdf)
