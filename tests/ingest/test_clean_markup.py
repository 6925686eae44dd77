"""Web markup stored as text: a document site's copy of a PDF kept as HTML paragraphs, a
table kept as rows and cells, a list kept as items. Cleaning gives the lines they stand
for, and leaves alone a text that only mentions "<"."""

from __future__ import annotations

from ingest.clean import clean_text
from ingest.parse.document import parse_document
from tests.support.attendance import APOLOGIES, IN_ATTENDANCE, PRESENT


def _lines(raw: str) -> list[str]:
    return clean_text(raw).text.split("\n")


def test_paragraph_tags_become_lines() -> None:
    raw = (
        "<p>Attendees</p><p>Ann Bell – Chair; Roy Tapp – Treasurer</p>"
        "<p>1. Apologies</p><p>None were received.</p>"
    )
    assert _lines(raw) == [
        "Attendees",
        "Ann Bell – Chair; Roy Tapp – Treasurer",
        "1. Apologies",
        "None were received.",
    ]


def test_breaks_headings_and_divisions_with_attributes_become_lines() -> None:
    raw = (
        '<div class="page"><h2 id="top">Rye Police Panel</h2>Present:<br/>Cllr Ida Webb<BR>'
        "Cllr Ned Lowe<br />\n<br>Minutes of the meeting</div>"
    )
    assert _lines(raw) == [
        "Rye Police Panel",
        "Present:",
        "Cllr Ida Webb",
        "Cllr Ned Lowe",
        "Minutes of the meeting",
    ]


def test_table_rows_become_lines_of_tab_separated_cells() -> None:
    raw = (
        "<table><tr><th>Name</th><th>Role</th></tr>\n"
        "<tr><td>Jo Hale</td><td>Chief Constable</td></tr>"
        "<tr><td>Sam Orr</td> <td>Treasurer</td></tr></table>"
    )
    assert _lines(raw) == ["Name\tRole", "Jo Hale\tChief Constable", "Sam Orr\tTreasurer"]


def test_list_items_become_bullets_and_inline_tags_go() -> None:
    raw = (
        "<p><strong>Also in attendance:</strong></p><ul><li>Mr <b>Tom</b> Rudd</li>"
        '<li><a href="/people/7">Ms Eve Marr</a>, Scrutiny Officer</li></ul>'
    )
    assert _lines(raw) == [
        "Also in attendance:",
        "• Mr Tom Rudd",
        "• Ms Eve Marr, Scrutiny Officer",
    ]


def test_entities_of_marked_up_text_are_decoded() -> None:
    raw = "<p>Police &amp; Crime Panel</p><p>Dan O&#39;Hare &#8211; Chair</p><p>Ed&nbsp;Lyle</p>"
    assert _lines(raw) == ["Police & Crime Panel", "Dan O'Hare – Chair", "Ed Lyle"]


def test_a_text_that_only_mentions_angle_brackets_is_unchanged() -> None:
    for raw in (
        "Calls answered in <10 seconds rose to 91%; calls > 60 seconds fell.\nA <b> on the plan",
        "The figure for 2021 <p> was a typing error.\nThe Panel noted R&D spend.",
        "Grade <li> and <td> bands are set out in the appendix.",
    ):
        assert clean_text(raw).text == raw


def test_an_attendance_list_kept_as_paragraphs_is_read() -> None:
    raw = (
        "<p>Minutes of the Strategic Board held on 3 May 2022</p><p>Attendees</p><p>Ann Bell– "
        "Police and Crime Commissioner (Chair); Roy Tapp– Chief Constable; Ida Webb – Chief "
        "Finance Officer</p><p>Minute Taker</p><p>Ned Lowe – Staff Officer</p>"
        "<p>1. Apologies for absence</p><p>Apologies for absence were received from Deputy "
        "Chief Constable Tom Rudd and Director of Estates Eve Marr.</p>"
        "<p>2. Minutes</p><p>The minutes were agreed.</p>"
    )
    draft = parse_document(clean_text(raw).text)
    assert [(a.name, a.status) for a in draft.attendees] == [
        ("Ann Bell", PRESENT),
        ("Roy Tapp", PRESENT),
        ("Ida Webb", PRESENT),
        ("Ned Lowe", IN_ATTENDANCE),
        ("Tom Rudd", APOLOGIES),
        ("Eve Marr", APOLOGIES),
    ]
    assert draft.chair == "Ann Bell"


def test_a_table_of_attendees_kept_as_rows_is_read() -> None:
    raw = (
        "<h1>Joint Audit Committee</h1><p>Minutes of the meeting held on 9 June 2021</p>"
        "<p>Present:</p><table><tr><td>Cllr Ada Lowe</td><td>Chair</td></tr>"
        "<tr><td>Mr Ben Roper</td><td>Independent Member</td></tr>"
        "<tr><td>Ms Cy Hart</td><td>Independent Member</td></tr></table>"
        "<p>1. Declarations of interest</p><p>There were none.</p>"
    )
    draft = parse_document(clean_text(raw).text)
    assert [(a.name, a.status) for a in draft.attendees] == [
        ("Ada Lowe", PRESENT),
        ("Ben Roper", PRESENT),
        ("Cy Hart", PRESENT),
    ]
