"""A running title that names the body, printed atop every page under a site's or viewer's
furniture: its first printing is the record's only title and stays; the others are page
furniture. Invented text in, cleaned lines out."""

from __future__ import annotations

import pytest

from ingest.clean import clean_text
from ingest.parse import parse_document
from records.enums import MeetingKind

_PAGE = (
    "{title}\nCouncillor Ada Reader asked about item {n}.\nMembers noted the report on "
    "it.\nMembers agreed to write to the Commissioner.\nThe Chair thanked the officers.\n"
)


def _pages(furniture: str, title: str) -> str:
    return furniture + "".join(_PAGE.format(title=title, n=n) for n in range(4))


@pytest.mark.parametrize(
    ("furniture", "title"),
    [
        ("Total Page:9\nFile Type:pdf\n", "WESTSHIRE POLICE AND CRIME PANEL"),
        ("Citation preview\nDownload\n", "Eastmoor Joint Audit Committee – Minutes"),
        ("Share\n", "Police Authority Resources Committee"),
    ],
)
def test_a_running_title_naming_the_body_is_kept_once_at_the_top(
    furniture: str, title: str
) -> None:
    lines = [line for line in clean_text(_pages(furniture, title)).text.splitlines() if line]
    assert lines.count(title) == 1
    assert lines.index(title) == furniture.count("\n")


def test_a_running_header_naming_no_body_is_dropped_from_every_page() -> None:
    text = _pages("Total Page:9\nFile Type:pdf\n", "OFFICIAL - SENSITIVE")
    assert "OFFICIAL - SENSITIVE" not in clean_text(text).text


def test_the_kept_title_gives_the_kind() -> None:
    text = _pages("Total Page:9\nFile Type:pdf\n", "WESTSHIRE POLICE AND CRIME PANEL")
    cleaned = clean_text(text)
    assert parse_document(cleaned.text).kind is MeetingKind.POLICE_AND_CRIME_PANEL
