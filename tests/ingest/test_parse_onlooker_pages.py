"""An onlooker's blog post about a meeting is refused, not stored as its minutes: a
headline naming the body, the time the post went up, and a writer who watched the
meeting. Invented text in, refusal out; a record that opens the same way is kept."""

import pytest

from ingest.errors import NotMinutesError
from ingest.parse import parse_document
from records.enums import DocumentType

BLOG_POSTS = (
    "Westmarch Police and Crime Panel – March 2014\n\n"
    "Thursday, March 27th, 2014. 1:47am\n\n"
    "Westmarch's Police and Crime Panel met on the 26th of March 2014. I watched, recorded, "
    "and spoke in the public question slot, at the meeting.\n\n"
    "Good news:\n\n"
    "  • The acting chair said the panel would ask for help to draw up a work programme, "
    "having sat for over a year without one.\n"
    "  • The meeting was thinly attended. Only five of thirteen members were in the room when "
    "it began.\n",
    "Eastshire panel meets again\n\n"
    "12 October 2021 at 22:15\n\n"
    "The Eastshire Police and Crime Panel sat on Monday afternoon in the council chamber. I "
    "sat in the gallery for the whole of it, and I counted four members who never spoke.\n\n"
    "The Commissioner's budget took up most of the time, and the questions were gentle.\n",
)


@pytest.mark.parametrize("post", BLOG_POSTS)
def test_an_onlookers_blog_post_about_a_meeting_is_refused(post: str) -> None:
    with pytest.raises(NotMinutesError, match="news page or statement"):
        parse_document(post)


def test_minutes_with_a_date_and_time_under_the_title_are_kept() -> None:
    text = (
        "Westmarch Police and Crime Panel\n\n"
        "Thursday, 27 March 2014. 10:00am\n\n"
        "Present: Cllr Ada Hale (Chair), Cllr Ben Orme\n\n"
        "1. Apologies\n\nApologies were received from Cllr Col Brandt.\n"
    )
    assert parse_document(text).document_type is DocumentType.MINUTES
