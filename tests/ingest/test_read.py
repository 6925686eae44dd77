"""Readers: every format from the samples and from files built here, and every bad input."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from fpdf import FPDF

from ingest.errors import IngestError
from ingest.read import SUPPORTED_SUFFIXES, RawDocument, ReadLimits, read_bytes, read_document
from ingest.readers.markdown import markdown_to_text
from ingest.readers.pdf_layout import Line, Word, drop_page_furniture, order_page
from tests.support.documents import docx_bytes, minutes_pdf, pdf_bytes

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in SUPPORTED_SUFFIXES)


def _failure(path: Path, limits: ReadLimits | None = None) -> IngestError:
    with pytest.raises(IngestError) as caught:
        read_document(path, limits or ReadLimits())
    assert caught.value.file_name == path.name
    assert str(caught.value) == f"{path.name}: {caught.value.reason}"
    return caught.value


# --- samples ----------------------------------------------------------------------------


def test_samples_cover_every_format() -> None:
    formats = {p.suffix for p in SAMPLE_FILES}
    assert formats == {".txt", ".md", ".pdf", ".docx"}
    assert len(SAMPLE_FILES) >= 14


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_reads(path: Path) -> None:
    document = read_document(path)
    data = path.read_bytes()
    assert document.file_name == path.name
    assert document.format == path.suffix[1:]
    assert document.size == len(data)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert "eastmoor" in document.text.lower() or "northshire" in document.text.lower()
    assert "\r" not in document.text
    assert not document.text.startswith("\ufeff")


def test_sample_txt_is_returned_as_is() -> None:
    path = SAMPLES / "northshire-monthly-assurance-2019-08.txt"
    assert read_document(path).text == path.read_text(encoding="utf-8")


def test_sample_markdown_loses_its_markup() -> None:
    text = read_document(SAMPLES / "northshire-monthly-assurance-2022-03.md").text
    lines = text.split("\n")
    assert lines[0] == "Northshire Police and Crime Commissioner – Monthly Assurance Meeting"
    assert "Name\tCapacity" in lines
    assert "Joanne Ashworth\tChief Constable (CC)" in lines
    assert not any(line.startswith("#") for line in lines)
    assert not any(line and set(line) <= set("|-: \t") for line in lines)
    assert "**" not in text and "|" not in text
    assert "Venue: Conference Room, OPCC Offices, 12 Abbey Street, Dunmere" in lines
    assert any(line.startswith("• The CC said she was concerned") for line in lines)


def test_sample_docx_keeps_document_order_and_drops_header() -> None:
    text = read_document(SAMPLES / "northshire-thematic-domestic-abuse-2019-11.docx").text
    lines = text.split("\n")
    # Word's headings (by their styles' outline levels) are marked as Markdown headings
    assert lines[0] == "# Office of the Police and Crime Commissioner for Northshire"
    assert "OFFICIAL" not in text  # section header and footer are not body text
    attendance = lines.index("Name\tCapacity")
    assert lines[attendance + 1] == "Richard Halloran\tPolice and Crime Commissioner (PCC)"
    assert attendance < lines.index("## 1. Strategic assessment of domestic abuse")
    assert "No.\tAction\tOwner\tDue date\tStatus" in lines
    assert lines[-1].startswith("4\tDVPN, DVPO and breach figures")  # no trailing blank lines
    assert "• He asked that breach figures be reported quarterly." in lines


def test_sample_pdf_reads_columns_in_order_and_drops_furniture() -> None:
    text = read_document(SAMPLES / "northshire-thematic-soc-2021-04.pdf").text
    # the two-column page: the left column ends mid-sentence, the right one goes on
    assert "how confident the force was\nthat the profile captured the whole picture" in text
    assert text.index("Cuckooing had been reported") < text.index("The PCC asked how the force")
    # running header, footer and page numbers are gone
    assert "Northshire OPCC – Thematic Meeting" not in text
    assert "OFFICIAL" not in text and "Page 1 of" not in text
    # the attendance table is read once, as tab-separated rows
    assert "Dan Whelan\tDetective Superintendent, Serious and Organised Crime (Det Supt SOC)" in (
        text.split("\n")
    )
    assert text.count("Dan Whelan") == 1
    assert text.split("\n\n")[0].startswith("Office of the Police and Crime Commissioner")


def test_sample_pdf_action_log_table_sits_between_its_paragraphs() -> None:
    text = read_document(SAMPLES / "northshire-accountability-board-2023-01.pdf").text
    lines = text.split("\n")
    header = lines.index("No.\tAction\tOwner\tDue date\tStatus")
    assert lines[header - 1] == "Item 6 – Action log"
    assert lines[header + 4].startswith("4\tQuarterly MARAC reporting")
    assert lines[header + 5] == "Item 7 – Any other business"
    assert text.count("Schedule of savings") == 1


def _load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("samples_build", SAMPLES / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_sample_build_reproduces_the_committed_files() -> None:
    build = _load_build_script()
    sources = sorted((SAMPLES / "src").glob("*.src"))
    assert len(sources) >= 6
    for source in sources:
        parsed = build.parse_source(source)
        data = build.build_docx(parsed) if parsed.format == "docx" else build.build_pdf(parsed)
        committed = SAMPLES / f"{source.stem}.{parsed.format}"
        assert data == committed.read_bytes(), committed.name


# --- text files -------------------------------------------------------------------------


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "minutes-cp1252.txt"
    content = "The PCC’s budget of £1.2m was agreed – Action 1: CC to report.\r\n"
    path.write_bytes(content.encode("cp1252"))
    document = read_document(path)
    assert document.text == "The PCC’s budget of £1.2m was agreed – Action 1: CC to report.\n"
    assert document.format == "txt"


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café budget £350,000 – ½ spent".encode("cp1252"))
    assert read_document(path).text == "Café budget £350,000 – ½ spent"


def test_non_western_text_is_detected_by_charset_normalizer(tmp_path: Path) -> None:
    path = tmp_path / "cyrillic.txt"
    content = "Протокол заседания комиссии по безопасности. " * 8
    path.write_bytes(content.encode("koi8_r"))
    assert read_document(path).text == content


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfMonthly Assurance Meeting\n")
    assert read_document(path).text == "Monthly Assurance Meeting\n"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes("Minutes – £5\r\n".encode("utf-16"))
    assert read_document(path).text == "Minutes – £5\n"


def test_binary_txt_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 20)
    assert _failure(path).reason == "not a text file: binary content"


def test_binary_md_with_control_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_bytes(bytes(range(1, 32)) * 10 + b"some words")
    assert _failure(path).reason == "not a text file: binary content"


def test_whitespace_only_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t \n")
    assert _failure(path).reason == "file has no text"


def test_markdown_tables_headings_and_emphasis() -> None:
    source = "\n".join(
        [
            "# Monthly Assurance Meeting #",
            "Title line",
            "==========",
            "**Date:** 3 March __2022__ and *italic* text, 5 * 3 stays",
            "",
            "| Name | Capacity |",
            "|:-----|---------:|",
            "| Jo Bloggs | Chief Constable (CC) |",
            "| A \\| B | [Link text](http://example.org) |",
            "",
            "No. | Action",
            "--- | ---",
            "1 | CC to report",
            "",
            "- first bullet",
            "  * nested bullet",
            "> quoted line",
            "```",
            "code line",
            "```",
            "",
            "---",
        ]
    )
    assert markdown_to_text(source).split("\n") == [
        "Monthly Assurance Meeting",
        "Title line",
        "Date: 3 March 2022 and italic text, 5 * 3 stays",
        "",
        "Name\tCapacity",
        "Jo Bloggs\tChief Constable (CC)",
        "A | B\tLink text",
        "",
        "No.\tAction",
        "1\tCC to report",
        "",
        "• first bullet",
        "  • nested bullet",
        "quoted line",
        "code line",
        "",
        "",
    ]


# --- Word -------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "RUNNING HEADER"
    document.sections[0].footer.paragraphs[0].text = "RUNNING FOOTER"
    document.add_heading("Performance Meeting", level=1)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Attendance"
    for column, text in enumerate(["Name", "Capacity", "Initials"]):
        table.cell(1, column).text = text
    table.cell(2, 0).merge(table.cell(3, 0)).text = "Jo Bloggs"
    table.cell(2, 1).text = "Chief Constable"
    table.cell(2, 2).text = "JB"
    table.cell(3, 1).text = "Deputy Chief Constable"
    table.cell(3, 2).text = "AN"
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("After the table.")
    path = tmp_path / "meeting.docx"
    path.write_bytes(docx_bytes(document))

    result = read_document(path)
    assert result.format == "docx"
    assert result.text.split("\n") == [
        "# Performance Meeting",
        "Before the table.",
        "Attendance",
        "Name\tCapacity\tInitials",
        "Jo Bloggs\tChief Constable\tJB",
        "\tDeputy Chief Constable\tAN",
        "• First point",
        "After the table.",
    ]


def test_docx_headings_are_marked_by_outline_level_whatever_their_style_is_called(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_heading("Eastdale Accountability Board", level=1)
    document.add_heading("Domestic abuse", level=2)
    document.add_paragraph("The DCC presented the report.")
    # a heading style renamed, as documents in other languages have them
    document.styles["Heading 2"].element.set(qn("w:styleId"), "Uberschrift2")
    for paragraph in document.paragraphs:
        style = paragraph._p.pPr.pStyle if paragraph._p.pPr is not None else None
        if style is not None and style.val == "Heading2":
            style.val = "Uberschrift2"
    path = tmp_path / "board.docx"
    path.write_bytes(docx_bytes(document))

    assert read_document(path).text.split("\n") == [
        "# Eastdale Accountability Board",
        "## Domestic abuse",
        "The DCC presented the report.",
    ]


def test_docx_multi_paragraph_cell_stays_on_one_line(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "1"
    cell = table.cell(0, 1)
    cell.text = "CC to report"
    cell.add_paragraph("by 30 April 2021")
    path = tmp_path / "log.docx"
    path.write_bytes(docx_bytes(document))
    assert read_document(path).text == "1\tCC to report by 30 April 2021"


def test_docx_numbered_list_keeps_its_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Welcome", style="List Number")
    document.add_paragraph("Matters arising", style="List Number")
    document.add_paragraph("Tracked", style="Normal")
    path = tmp_path / "numbered.docx"
    path.write_bytes(docx_bytes(document))
    lines = read_document(path).text.split("\n")
    assert lines[0].endswith("Welcome") and lines[0][0] == "1"
    assert lines[1].endswith("Matters arising") and lines[1][0] == "2"
    assert lines[2] == "Tracked"


def test_docx_without_text_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.sections[0].header.paragraphs[0].text = "Only a header"
    path = tmp_path / "blank.docx"
    path.write_bytes(docx_bytes(document))
    assert _failure(path).reason == "Word document has no text"


def test_corrupt_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    assert _failure(path).reason == "not a valid Word .docx file"


def test_zip_that_is_not_a_word_file_is_refused(tmp_path: Path) -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    path = tmp_path / "archive.docx"
    path.write_bytes(buffer.getvalue())
    assert _failure(path).reason == "not a valid Word .docx file"


def test_old_and_encrypted_word_files_are_named(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    old = tmp_path / "old.docx"
    old.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    assert _failure(old).reason == (
        "not a valid Word .docx file (old .doc format? save it as .docx)"
    )
    locked = tmp_path / "locked.docx"
    locked.write_bytes(ole + "EncryptionInfo".encode("utf-16-le"))
    assert _failure(locked).reason == "Word document is encrypted (password protected)"


# --- PDF --------------------------------------------------------------------------------


def test_pdf_drops_running_header_and_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(minutes_pdf())
    document = read_document(path)
    assert document.format == "pdf"
    pages = document.text.split("\n\n")
    assert pages == [
        "1. Welcome\nThe PCC asked about welcome. The CC replied.",
        "2. Contact management\nThe PCC asked about contact management. The CC replied.\n"
        "No.\tAction\tOwner\n1\tReport on 999 answer times\tDCC\n2\tShare the audit\tCC\n"
        "Text after the table.",
        "3. Finance\nThe PCC asked about finance. The CC replied.",
    ]


def test_pdf_two_columns_are_read_column_by_column(tmp_path: Path) -> None:
    left = " ".join(f"left{n} words in the first column" for n in range(40))
    right = " ".join(f"right{n} words in the second column" for n in range(40))
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(
        0, 6, "Thematic Meeting: Serious and Organised Crime - full width title", new_x="LMARGIN"
    )
    top = pdf.get_y() + 4
    pdf.set_xy(10, top)
    pdf.multi_cell(90, 5, left)
    pdf.set_xy(110, top)
    pdf.multi_cell(90, 5, right)
    path = tmp_path / "columns.pdf"
    path.write_bytes(pdf_bytes(pdf))
    text = read_document(path).text
    assert text.startswith("Thematic Meeting: Serious and Organised Crime - full width title")
    words = text.split()
    assert words.index("left39") < words.index("right0")
    left_words = [w for w in words if w.startswith("left")]
    assert left_words == [f"left{n}" for n in range(40)]


def test_pdf_label_value_layout_is_not_taken_for_columns(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    people = [(f"Name{n} Surname", f"Capacity {n} of the force") for n in range(14)]
    for name, capacity in people:
        pdf.set_x(10)
        pdf.cell(80, 6, name)
        pdf.cell(0, 6, capacity, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "attendance.pdf"
    path.write_bytes(pdf_bytes(pdf))
    lines = read_document(path).text.split("\n")
    assert lines == [f"{name}\t{capacity}" for name, capacity in people]


def test_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(minutes_pdf())))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "protected.pdf"
    path.write_bytes(buffer.getvalue())
    assert "The PCC asked about contact management." in read_document(path).text


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(minutes_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "locked.pdf"
    path.write_bytes(buffer.getvalue())
    assert _failure(path).reason == "PDF is encrypted"


def test_image_only_pdf_is_refused(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 150, 200, style="F")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(pdf))
    assert _failure(path).reason == "PDF has no text layer (scanned image?)"


@pytest.mark.parametrize(
    "data",
    [b"this is not a PDF at all", b"%PDF-1.7\n1 0 obj << /Broken", b"\x00\x01\x02" * 40],
    ids=["text", "truncated", "junk"],
)
def test_corrupt_pdf_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    assert _failure(path).reason == "not a valid PDF"


def test_pdf_page_furniture_rules() -> None:
    pages = [
        ["Running header", "Body one", "text", "- 1 -"],
        ["Running header", "Body two", "Page 2 of 3"],
        ["Running header", "Body three", "3"],
        ["Running header", "Body four", "iv"],
    ]
    assert drop_page_furniture(pages) == [
        ["Body one", "text"],
        ["Body two"],
        ["Body three"],
        ["Body four"],
    ]
    counted = [
        ["Minutes - page 1", "Action 1: CC to report", "on ASB"],
        ["Minutes - page 2", "Action 5: CC to report", "on BWV"],
        ["Minutes - page 3", "Action 9: CC to report", "on VAWG"],
    ]
    assert drop_page_furniture(counted) == [
        ["Action 1: CC to report", "on ASB"],
        ["Action 5: CC to report", "on BWV"],
        ["Action 9: CC to report", "on VAWG"],
    ]
    single = [["Minutes 12 March 2020", "Body", "1"]]
    assert drop_page_furniture(single) == [["Minutes 12 March 2020", "Body"]]


def test_order_page_keeps_single_column_order() -> None:
    lines = [
        Line((Word("Second", 10, 50, 30, 40),)),
        Line((Word("First", 10, 50, 10, 20),)),
    ]
    assert [item.words[0].text for item in order_page(lines, []) if isinstance(item, Line)] == [
        "First",
        "Second",
    ]


# --- errors shared by all formats -------------------------------------------------------


def test_empty_file_is_refused(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.pdf", "empty.docx", "empty.md"):
        path = tmp_path / name
        path.write_bytes(b"")
        assert _failure(path).reason == "file is empty"


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "large.txt"
    path.write_bytes(b"minutes " * 256)
    error = _failure(path, ReadLimits(max_bytes=1024))
    assert error.reason == "file is 2.0 KB, over the 1.0 KB limit"


def test_oversize_message_in_megabytes() -> None:
    with pytest.raises(IngestError) as caught:
        read_bytes(
            "huge.pdf",
            b"x" * (3 * 1024 * 1024 + 200_000),
            ReadLimits(max_bytes=2 * 1024 * 1024),
        )
    assert caught.value.reason == "file is 3.2 MB, over the 2.0 MB limit"


def test_unsupported_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04")
    assert _failure(path).reason == (
        "unsupported file type '.xlsx' (expected .txt, .md, .pdf or .docx)"
    )
    old = tmp_path / "minutes.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    assert (
        _failure(old).reason == "unsupported file type '.doc' (old Word format: save it as .docx)"
    )
    bare = tmp_path / "README"
    bare.write_bytes(b"text")
    assert _failure(bare).reason == "file has no extension (expected .txt, .md, .pdf or .docx)"


def test_missing_file_is_named(tmp_path: Path) -> None:
    assert _failure(tmp_path / "absent.txt").reason == "file not found"


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "MINUTES.TXT"
    path.write_bytes(b"Monthly Assurance Meeting")
    assert read_document(path).format == "txt"


def test_read_bytes_uses_the_base_name() -> None:
    data = b"Action 1: DCC to report.\n"
    document = read_bytes("C:\\Users\\clerk\\Minutes\\june.txt", data)
    assert document == RawDocument(
        file_name="june.txt",
        format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        text="Action 1: DCC to report.\n",
    )
    with pytest.raises(IngestError) as caught:
        read_bytes("uploads/report.pdf", b"not a pdf")
    assert caught.value.file_name == "report.pdf"
    assert str(caught.value) == "report.pdf: not a valid PDF"
