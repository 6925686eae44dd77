"""What kind of record a document is, in layouts that misled the reading before: an agenda
pack flattened onto one line by a document-sharing site (its own snippet repeated in a
site-made title and a transcript), and a page of a committee's conclusions and actions.
Invented text in, document type out."""

import pytest

from ingest.clean import clean_text
from ingest.parse import parse_document
from records.enums import DocumentType

SHARED_AGENDA = (
    "{body} Police and Crime Panel Police and … · and Crime Panel and agreed that Mrs....\n\n"
    "41\n"
    "xyzq {body} Police and Crime Panel {date} at 2.00 pm Town Hall, Aberlyn AGENDA "
    "1. Apologies for absence 2. Declarations of Interest Members must declare any personal "
    "interest they hold in business on this agenda. 3. Minutes (Pages 3 - 11) To confirm the "
    "minutes of the last meeting. 4. To consider the draft Police and Crime Plan (Pages 12 - "
    "30) Public Document Pack\n\n"
    "Transcript of {body} Police and Crime Panel Police and … · and Crime Panel and agreed "
    "that Mrs....\n\n"
    "Page 1: {body} Police and Crime Panel Police and … · and Crime Panel and agreed that Mrs. "
    "Ruth Vane and Mr. Owain Tudor be put forward as the preferred independent members. "
    "AGENDA ITEM\n\n"
    "{body} Police and Crime Panel\n\n{date} at 2.00 pm Town Hall, Aberlyn\n\n"
    "AGENDA 1. Apologies for absence\n\n"
    "2. Declarations of Interest Members must declare any personal interest they hold\n\n"
    "in business on this agenda.\n"
)


@pytest.mark.parametrize(
    ("body", "date"),
    [("Mid Glannau", "Monday, 11 March 2024"), ("Eastmarch", "Thursday, 3 October 2019")],
)
def test_an_agenda_pack_flattened_by_a_document_sharing_site(body: str, date: str) -> None:
    draft = parse_document(clean_text(SHARED_AGENDA.format(body=body, date=date)).text)
    assert draft.document_type is DocumentType.AGENDA


def test_minutes_that_record_many_sentences_opening_alike_stay_minutes() -> None:
    # sentences that open the same way are still different sentences
    lines = "\n\n".join(
        f"{n}. Minute {n}\n\nRESOLVED that the {topic} report be noted and published."
        for n, topic in enumerate(("estates", "fleet", "custody", "training"), start=1)
    )
    text = f"Agenda\n\nWestmarch Police and Crime Panel\n\n14 May 2024\n\n{lines}\n"
    assert parse_document(text).document_type is DocumentType.MINUTES


CONCLUSIONS_PAGE = (
    "Skip to main content\n\nPublished: 22 August 2023\n\n"
    "Committee Chair's Report - 24 August 2023\n\n"
    "This report gives members of the Authority an overview of business progressed through "
    "Committee meetings which have met since the last Authority Meeting.\n\n"
    "Meeting of the Authority - 24 August 2023\n\nDate : 24 August 2023\n\n"
    "{heading} at {committee}\n\n"
    "Further assurance to set out the overtime controls now in place in each division.\n\n"
    "A named finance lead to attend each future Committee meeting when the revenue "
    "monitoring report is taken.\n\n"
    "Further work on the procurement strategy to be brought back to the next meeting.\n"
)


@pytest.mark.parametrize(
    ("heading", "committee"),
    [
        ("Conclusion and Actions Reached", "Resources Committee"),
        ("Conclusions and Actions Agreed", "Audit, Risk and Assurance Committee"),
    ],
)
def test_a_page_of_a_committees_conclusions_and_actions(heading: str, committee: str) -> None:
    text = CONCLUSIONS_PAGE.format(heading=heading, committee=committee)
    assert parse_document(text).document_type is DocumentType.ACTION_LOG
