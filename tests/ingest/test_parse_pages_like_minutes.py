"""Pages that read like minutes but record no meeting: a writer's own account of a meeting,
a table of decisions, a bulletin about a body's work, a site's page about its meetings.
Invented text in, refusal (or a record, for the minutes they resemble) out."""

from __future__ import annotations

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from records.enums import DocumentType

# A blogger's account: the marks of minutes it retells (apologies, declarations, "The Chair
# welcomed") and a narrator who says more than once what they did and saw.
NARRATED = """Eastmoor Police Authority Estates Committee 14th March 2011 Part 1

I went along to the Estates Committee of Eastmoor Police Authority at its offices on the \
quay.

We were the only members of the public there, with a few officers at the back.

The Chair welcomed everyone and there were two apologies, from Cllr Ada Reader and a \
member whose name I didn't catch.

The Chair asked for declarations of interest. None were made.

The minutes of the last meeting were agreed and the Committee moved on to the sale of the \
old section house.
"""

NARRATED_FLATTER = """Westshire Police and Crime Panel, 3 June 2015: my notes

Apologies for absence were received from Councillor Tolland.

I attended as one of three residents in the public seats and sat near the press desk.

The Chairman opened the meeting and declarations of interest were asked for; I saw no hands.

RESOLVED that the precept be noted. The vote was quick, and I could not hear who abstained.
"""

DECISIONS_PIPED = """Ref | Originator of decision | Summary of Decision - 2016 | Decision agreed | \
Further details |
2016/022 |
Ada Reader |
Estates Disposal
To sell the former section house.
|
Yes |
View Decision |
2016/021 |
Ben Tolland |
Custody Contract
To extend the contract for a year.
|
Yes |
View Decision |
"""

DECISIONS_LINKED = """Commissioner's decisions

2019/14 Fleet replacement programme
Approved by the Commissioner on the advice of the Chief Finance Officer
Read decision

2019/13 Victim services grant
Grant to the county's victim service for one year
Read decision

2019/12 Estates strategy
Adoption of the estates strategy for consultation
Read decision
"""

BULLETIN = """COUNTY COUNCIL – 4 MARCH 2009
This is the 6th quarterly bulletin from the council's members on the Police Authority. The \
members are at present Ada Reader, Ben Tolland (Vice-Chairman of the Authority) and Cara \
Quayle.
1. / Neighbourhood PolicingThe Authority has agreed the plan for its new teams, which start \
work in April.
2. / Budget
The Authority set its precept for 2009/10 at its meeting in February.
"""

NEWSLETTER = """Westshire Police and Crime Panel Newsletter – Spring 2019

Welcome to the panel's newsletter for councils and partners.

Budget and precept
The panel looked at the Commissioner's proposed precept in February and supported it.

New members
Two new independent members, Cara Quayle and Dev Anand, joined the panel this year.
"""

SITE_PAGE = """Northshire Police Authority

Home > Meetings

Meetings

When it met on 21 March 2012 the Authority decided to move to a Lead Member way of working \
until the Commissioner takes office in November 2012.

The full Authority will go on meeting as a formal Committee until then.

The Authority has also set up an interim Audit Committee. Its dates and papers will be \
posted on this website.
"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param(NARRATED, "blog post or news report", id="narrator-without-a-page-mark"),
        pytest.param(NARRATED_FLATTER, "blog post or news report", id="narrator-in-the-seats"),
        pytest.param(DECISIONS_PIPED, "decision log", id="table-head-naming-decisions"),
        pytest.param(DECISIONS_LINKED, "decision log", id="entries-each-with-its-link"),
        pytest.param(BULLETIN, "bulletin or newsletter", id="quarterly-bulletin"),
        pytest.param(NEWSLETTER, "bulletin or newsletter", id="newsletter-heading"),
        pytest.param(SITE_PAGE, "information page", id="site-page-about-its-meetings"),
    ],
)
def test_pages_that_read_like_minutes_are_refused(text: str, reason: str) -> None:
    with pytest.raises(NotMinutesError, match=reason):
        parse_document(text)


def test_minutes_quoting_a_speakers_own_words_are_kept() -> None:
    draft = parse_document(
        "Westshire Police and Crime Panel\n\nMinutes of the meeting held on 3 June 2015\n\n"
        "Present: Councillor Ada Reader (Chair), Councillor Ben Tolland\n\n"
        "1. Public questions\n\nA resident said: “I went to the station twice and I could "
        "not find anyone at the counter.”\n\nThe Commissioner replied that the counter "
        "hours had changed. I was told, he said, that the hours would be reviewed.\n\n"
        "RESOLVED that the answer be noted.\n"
    )
    assert draft.document_type is DocumentType.MINUTES


def test_a_transcript_where_speakers_say_where_they_went_is_kept() -> None:
    draft = parse_document(
        "Police and Crime Committee\n\nTranscript of Item 5 – Question and Answer Session\n\n"
        "Date: 12 March 2019\n\nPresent: Ada Reader AM (Chair), Ben Tolland AM\n\n"
        "Apologies for absence were received from Cara Quayle AM.\n\n"
        "5. Neighbourhood policing\n\nAda Reader AM (Chair): Thank you. Let us begin.\n\n"
        "Ben Tolland AM: I went to the front counter at the station twice last month.\n\n"
        "Deputy Mayor: I understand. The counters have shorter hours now.\n\n"
        "Ben Tolland AM: I could not see an officer on either visit.\n\n"
        "Deputy Mayor: I will look into it and write to you.\n"
    )
    assert draft.document_type is DocumentType.MINUTES


def test_an_agenda_that_will_place_its_recording_on_the_website_is_kept() -> None:
    draft = parse_document(
        "Public Accountability Board 13 May 2021 Agenda\n\nDear Colleague\n\nYou are invited "
        "to attend the next meeting of the Public Accountability Board which will be held on "
        "Thursday 13th May, 2021 at 10.00 am.\n\nA copy of the recording will be placed on "
        "our website for later viewing.\n\n1 Welcome and Apologies\n\n2 Public Questions\n\n"
        "3 Performance Report\n"
    )
    assert draft.document_type is DocumentType.AGENDA
