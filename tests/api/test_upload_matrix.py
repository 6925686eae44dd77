"""Every kind of bad upload over HTTP: refused by name, with the CLI's message, changing nothing."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import httpx
import pypdf
import pytest
from fpdf import FPDF

from api.auth import Role
from api.database import open_database
from api.settings import Settings
from ingest.pipeline import ingest_paths
from tests.support.api import ClientFactory, graphql, ingest_seed, make_key
from tests.support.documents import docx_bytes, minutes_pdf, pdf_bytes
from tests.support.hostile_files import docx_bomb, pdf_page_bomb
from tests.support.paths import SAMPLES
from tests.support.records import counts, last_position

LIMIT_MB = 1 / 16  # 64.0 KB: the seed and every built file fit, except the large one
PAGE_LIMIT = 50
GOOD = SAMPLES / "eastmoor-performance-2021-06.txt"
OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504

INGEST = """
mutation Ingest($file: Upload!) {
  ingestDocument(file: $file) {
    meeting { id title }
    outcome
    errors { field code message }
  }
}
"""
STATE = """
query State($words: String!) {
  meetings { totalCount }
  search(query: $words) { totalCount }
  changes { totalCount }
}
"""


def encrypted_pdf() -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(minutes_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def scanned_pdf() -> bytes:
    """One page holding a grey rectangle and no text, as a scanner makes them."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 150, 200, style="F")
    return pdf_bytes(pdf)


def empty_docx() -> bytes:
    """A Word file with an empty paragraph and text only in its running header."""
    document = docx.Document()
    document.add_paragraph("")
    document.sections[0].header.paragraphs[0].text = "Only a header"
    return docx_bytes(document)


@dataclass(frozen=True)
class BadFile:
    name: str
    build: Callable[[], bytes]
    code: str
    reason: str  # what follows "<name>: " in the message (its start for NOT_MINUTES)


BAD_FILES = [
    BadFile("empty-minutes.txt", lambda: b"", "EMPTY_FILE", "file is empty"),
    BadFile("blank.txt", lambda: b"  \n\n\t \n", "UNREADABLE", "file has no text"),
    BadFile(
        "large.txt",
        lambda: b"Minutes\n" * 10_240,
        "TOO_LARGE",
        "file is 80.0 KB, over the 64.0 KB limit",
    ),
    BadFile(
        "budget.xlsx",
        lambda: b"PK\x03\x04 not really a spreadsheet",
        "UNSUPPORTED_TYPE",
        "unsupported file type '.xlsx' (expected .txt, .md, .pdf or .docx)",
    ),
    BadFile(
        "minutes.doc",
        lambda: OLE_HEADER + "WordDocument".encode("utf-16-le"),
        "UNSUPPORTED_TYPE",
        "unsupported file type '.doc' (old Word format: save it as .docx)",
    ),
    BadFile(
        "minutes.rtf",
        lambda: b"{\\rtf1\\ansi Monthly Assurance Meeting\\par}",
        "UNSUPPORTED_TYPE",
        "unsupported file type '.rtf' (save it as .docx or .pdf)",
    ),
    BadFile(
        "MINUTES",
        lambda: b"Monthly Assurance Meeting\n",
        "UNSUPPORTED_TYPE",
        "file has no extension (expected .txt, .md, .pdf or .docx)",
    ),
    BadFile(
        "minutes.txt",
        lambda: b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 20,
        "UNREADABLE",
        "not a text file: binary content",
    ),
    BadFile(
        "garbled.txt",
        lambda: codecs.BOM_UTF8 + b"Monthly Assurance Meeting \xff\xfe\xfd\n",
        "UNREADABLE",
        "cannot decode text: invalid UTF-8",
    ),
    BadFile(
        "broken.pdf",
        lambda: b"%PDF-1.7\n1 0 obj << /Broken",
        "UNREADABLE",
        "not a valid PDF",
    ),
    BadFile("locked.pdf", encrypted_pdf, "UNREADABLE", "PDF is encrypted"),
    BadFile("scan.pdf", scanned_pdf, "UNREADABLE", "PDF has no text layer (scanned image?)"),
    BadFile(
        "broken.docx",
        lambda: b"PK\x03\x04 this is not really a zip archive" * 10,
        "UNREADABLE",
        "not a valid Word .docx file",
    ),
    BadFile(
        "locked.docx",
        lambda: OLE_HEADER + "EncryptionInfo".encode("utf-16-le"),
        "UNREADABLE",
        "Word document is encrypted (password protected)",
    ),
    BadFile("blank.docx", empty_docx, "UNREADABLE", "Word document has no text"),
    BadFile(
        "bomb.docx",
        lambda: docx_bomb(5),
        "TOO_LARGE",
        "Word document part word/document.xml is compressed ",
    ),
    BadFile(
        "pages.pdf",
        lambda: pdf_page_bomb(PAGE_LIMIT + 10),
        "TOO_LARGE",
        f"PDF has {PAGE_LIMIT + 10} pages, over the {PAGE_LIMIT}-page limit",
    ),
    BadFile(
        "notes.txt",
        lambda: b"Shopping list\n\nMilk, bread and eggs. Call the plumber about the sink.\n",
        "NOT_MINUTES",
        "not meeting minutes: ",
    ),
]


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The shared settings with small limits, so that files over them are cheap to make."""
    return settings.model_copy(update={"max_file_mb": LIMIT_MB, "max_pdf_pages": PAGE_LIMIT})


@dataclass
class Uploader:
    """A client on the seeded app, sending multipart uploads with an editor key."""

    client: httpx.AsyncClient
    editor_key: str

    async def upload(self, name: str, data: bytes) -> dict[str, Any]:
        """The ingestDocument payload for one file; the request itself must succeed."""
        operations = {"query": INGEST, "variables": {"file": None}}
        response = await self.client.post(
            "/graphql",
            data={
                "operations": json.dumps(operations),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (name, data, "application/octet-stream")},
            headers={
                "Authorization": f"Bearer {self.editor_key}",
                "Apollo-Require-Preflight": "true",
            },
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        payload: dict[str, Any] = body["data"]["ingestDocument"]
        return payload

    async def state(self, words: str = "MARAC") -> dict[str, Any]:
        """Meetings, search hits for ``words`` and change-log entries, as the API counts them."""
        response = await self.client.post("/graphql", json=graphql(STATE, words=words))
        body = response.json()
        assert "errors" not in body, body
        data: dict[str, Any] = body["data"]
        return data


@pytest.fixture
async def uploader(settings: Settings, client_for: ClientFactory) -> AsyncIterator[Uploader]:
    await ingest_seed(settings)
    key = await make_key(settings, Role.EDITOR)
    async with client_for() as client:
        yield Uploader(client, key)


async def cli_reason(settings: Settings, folder: Path, name: str, data: bytes) -> str:
    """Why ``assurance ingest`` refuses the file (it prints "failed: <path>: <reason>")."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    engine = await open_database(settings)
    try:
        summary = await ingest_paths(engine, [path], limits=settings.ingest_limits)
    finally:
        await engine.dispose()
    [report] = summary.reports
    assert report.error is not None, f"{name} was stored by the CLI"
    return report.error


async def database_state(settings: Settings) -> tuple[dict[str, int], int]:
    """Rows per record table and the change log's last position, read from the database."""
    engine = await open_database(settings)
    try:
        return await counts(engine), await last_position(engine)
    finally:
        await engine.dispose()


def assert_refused(payload: dict[str, Any], bad: BadFile, cli: str) -> None:
    """One error about the file: its name, then the reason the CLI gives."""
    assert payload["meeting"] is None and payload["outcome"] is None, payload
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("file", bad.code)
    assert error["message"] == f"{bad.name}: {cli}"
    assert cli.startswith(bad.reason)


@pytest.mark.parametrize("bad", BAD_FILES, ids=[bad.name for bad in BAD_FILES])
async def test_bad_upload_is_refused_by_name_and_changes_nothing(
    uploader: Uploader, settings: Settings, tmp_path: Path, bad: BadFile
) -> None:
    data = bad.build()
    cli = await cli_reason(settings, tmp_path / "cli", bad.name, data)
    state, stored = await uploader.state(), await database_state(settings)
    assert state["meetings"]["totalCount"] == 1 and state["search"]["totalCount"] >= 1

    payload = await uploader.upload(bad.name, data)

    assert_refused(payload, bad, cli)
    assert await uploader.state() == state
    assert await database_state(settings) == stored


async def test_a_good_upload_succeeds_after_every_bad_one(
    uploader: Uploader, settings: Settings
) -> None:
    state, stored = await uploader.state("Eastmoor"), await database_state(settings)
    assert state["search"]["totalCount"] == 0
    for bad in BAD_FILES:
        payload = await uploader.upload(bad.name, bad.build())
        assert [e["code"] for e in payload["errors"]] == [bad.code], bad.name
    assert await uploader.state("Eastmoor") == state
    assert await database_state(settings) == stored

    payload = await uploader.upload(GOOD.name, GOOD.read_bytes())

    assert payload["errors"] == [] and payload["outcome"] == "STORED", payload
    assert payload["meeting"]["title"]
    after = await uploader.state("Eastmoor")
    assert after["meetings"]["totalCount"] == 2
    assert after["search"]["totalCount"] >= 1
    assert after["changes"]["totalCount"] > state["changes"]["totalCount"]
    assert (await database_state(settings))[1] > stored[1]
