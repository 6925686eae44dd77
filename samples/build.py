"""Build the Word (.docx) and PDF samples from their text sources in ``samples/src/``.

Run from the repository root::

    .venv/bin/python samples/build.py

Each source is plain text with a few markers:

``@format: docx|pdf``, ``@date: YYYY-MM-DD``, ``@title:``, ``@header:``, ``@footer:``
    metadata lines at the top (the date fixes the document timestamps; the header
    and footer become the Word section header/footer or the PDF running header/footer)
``# text`` / ``## text``
    a heading (level 1 / level 2)
``• text``
    a bulleted paragraph
lines containing tabs
    consecutive ones form a table; the first row is the header row
``[columns]`` ... ``[/columns]``
    PDF only: the enclosed blocks are set on a page of their own in two columns
any other non-blank line
    one paragraph

The output is deterministic: document timestamps come from ``@date`` and the
.docx zip entries carry a fixed date, so rebuilding gives identical bytes.
The PDFs use the DejaVu Sans font files kept in ``fonts/`` (licence beside them), so the
bytes do not depend on the fonts a machine has installed.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.shared import Pt
from fpdf import FPDF
from fpdf.fonts import FontFace

SAMPLES = Path(__file__).resolve().parent
SOURCES = SAMPLES / "src"
FONT_DIR = SAMPLES / "fonts"
AUTHOR = "Office of the Police and Crime Commissioner"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Paragraph:
    text: str
    bullet: bool = False


@dataclass
class Table:
    rows: list[list[str]]


@dataclass
class Columns:
    blocks: list[Block]


Block = Heading | Paragraph | Table | Columns


@dataclass
class Source:
    name: str
    format: str
    date: dt.datetime
    title: str
    header: str
    footer: str
    blocks: list[Block] = field(default_factory=list)


def parse_source(path: Path) -> Source:
    meta: dict[str, str] = {}
    top: list[Block] = []
    target = top
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if table_rows:
            target.append(Table([list(r) for r in table_rows]))
            table_rows.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("@") and ":" in line and not top:
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        if "\t" in line:
            table_rows.append(line.split("\t"))
            continue
        flush_table()
        if not line:
            continue
        if line == "[columns]":
            columns = Columns([])
            top.append(columns)
            target = columns.blocks
        elif line == "[/columns]":
            target = top
        elif line.startswith("## "):
            target.append(Heading(2, line[3:]))
        elif line.startswith("# "):
            target.append(Heading(1, line[2:]))
        elif line.startswith("• "):
            target.append(Paragraph(line[2:], bullet=True))
        else:
            target.append(Paragraph(line))
    flush_table()
    date = dt.datetime.fromisoformat(meta["date"]).replace(hour=17, tzinfo=dt.UTC)
    return Source(
        name=path.stem,
        format=meta["format"],
        date=date,
        title=meta["title"],
        header=meta.get("header", ""),
        footer=meta.get("footer", ""),
        blocks=top,
    )


def _flat(blocks: list[Block]) -> list[Heading | Paragraph | Table]:
    out: list[Heading | Paragraph | Table] = []
    for block in blocks:
        if isinstance(block, Columns):
            out.extend(_flat(block.blocks))
        else:
            out.append(block)
    return out


# --- Word -------------------------------------------------------------------------------


def build_docx(src: Source) -> bytes:
    document = docx.Document()
    props = document.core_properties
    props.title = src.title
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.created = src.date.replace(tzinfo=None)
    props.modified = src.date.replace(tzinfo=None)
    props.last_printed = src.date.replace(tzinfo=None)
    props.revision = 1
    section = document.sections[0]
    section.header.paragraphs[0].text = src.header
    section.footer.paragraphs[0].text = src.footer
    for block in _flat(src.blocks):
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            style = "List Bullet" if block.bullet else None
            document.add_paragraph(block.text, style=style)
        else:
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            table.style = "Table Grid"
            for row, cells in zip(table.rows, block.rows, strict=True):
                for cell, text in zip(row.cells, cells, strict=False):
                    cell.text = text
            for cell in table.rows[0].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
                    run.font.size = Pt(10)
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with a fixed date on every entry: same content, same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------


class MinutesPDF(FPDF):
    """A4 portrait with a running header and a footer carrying the page number."""

    def __init__(self, running_header: str, running_footer: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.running_header = running_header
        self.running_footer = running_footer
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(auto=True, margin=22)

    def header(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(20, 10)
        self.cell(0, 4, self.running_header, align="C")
        self.line(20, 15.5, 190, 15.5)
        self.set_text_color(0, 0, 0)
        self.set_xy(20, 22)

    def footer(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(20, -15)
        self.cell(85, 4, self.running_footer, align="L")
        self.cell(85, 4, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)


def _column_widths(rows: list[list[str]], total: float) -> tuple[float, ...]:
    width = max(len(r) for r in rows)
    longest = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(width)]
    weights = [min(max(n, 9), 60) for n in longest]
    scale = total / sum(weights)
    return tuple(w * scale for w in weights)


def _pdf_block(pdf: MinutesPDF, block: Heading | Paragraph | Table) -> None:
    if isinstance(block, Heading):
        pdf.set_font("DejaVu", "B", 13 if block.level == 1 else 11)
        pdf.ln(2)
        pdf.multi_cell(0, 6, block.text, align="L")
        pdf.ln(1)
    elif isinstance(block, Paragraph):
        pdf.set_font("DejaVu", "", 10)
        if block.bullet:
            pdf.set_x(pdf.l_margin + 4)
            pdf.multi_cell(0, 5, "• " + block.text, align="L")
        else:
            pdf.multi_cell(0, 5, block.text, align="L")
        pdf.ln(1.5)
    else:
        pdf.set_font("DejaVu", "", 9)
        headings = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))
        widths = _column_widths(block.rows, pdf.epw)
        with pdf.table(
            col_widths=widths,
            text_align="LEFT",
            headings_style=headings,
            line_height=4.5,
            first_row_as_headings=True,
        ) as table:
            for cells in block.rows:
                row = table.row()
                for text in cells + [""] * (len(widths) - len(cells)):
                    row.cell(text)
        pdf.ln(3)


def _pdf_columns(pdf: MinutesPDF, block: Columns) -> None:
    pdf.add_page()
    columns = pdf.text_columns(ncols=2, gutter=8, balance=True, text_align="LEFT", line_height=1.15)
    with columns:
        for inner in _flat(block.blocks):
            if isinstance(inner, Heading):
                pdf.set_font("DejaVu", "B", 11)
            else:
                pdf.set_font("DejaVu", "", 9.5)
            if isinstance(inner, Table):
                raise ValueError("tables are not supported inside [columns]")
            prefix = "• " if isinstance(inner, Paragraph) and inner.bullet else ""
            columns.write(prefix + inner.text)
            columns.ln()
            columns.ln()
    pdf.add_page()


def build_pdf(src: Source) -> bytes:
    pdf = MinutesPDF(src.header, src.footer)
    pdf.set_creation_date(src.date)
    pdf.set_title(src.title)
    pdf.set_author(AUTHOR)
    pdf.set_lang("en-GB")
    pdf.add_page()
    for block in src.blocks:
        if isinstance(block, Columns):
            _pdf_columns(pdf, block)
        else:
            _pdf_block(pdf, block)
    return bytes(pdf.output())


def main() -> int:
    for path in sorted(SOURCES.glob("*.src")):
        src = parse_source(path)
        data = build_docx(src) if src.format == "docx" else build_pdf(src)
        target = SAMPLES / f"{src.name}.{src.format}"
        target.write_bytes(data)
        print(f"{target.relative_to(SAMPLES.parent)}  {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
