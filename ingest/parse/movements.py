"""People present because the minutes say they came in, went out or came back.

"Mr Jo Hale and Mr Roy Tapp left the room at 10:55am", "At 11am Mr Jo Hale returned to the
room", "Ms Ann Bell, Police and Crime Commissioner, entered the chamber at 11am along with Mr
Roy Tapp and Mr Ed Lowe". Minutes record who left and came back (for a private item, an
interest, a train) wherever the clerk notes it, and one who leaves a meeting was at it: these
are attendance, whatever else the sentence goes on to say ("... left the room to invite the
Commissioner in"). What someone "would" do ("Councillor Jo Hale would arrive late") is
announced before it happens, and is not taken as attendance.

One who withdraws for an item (an interest to declare) is a member, and present; otherwise a
member (a councillor) is present and anyone else named so attends (``status_of``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ingest.parse.sentence_people import PRESENT, Stated, people_before, people_in, status_of

_MAX_CLAUSES = 8
_PLACE = r"(?:room|meeting|chamber|council\s+chamber|hall|virtual\s+meeting|call)\b"
_MOVED = re.compile(
    r",?\s+(?:(?:had\s+)?(?:then\s+|briefly\s+|temporarily\s+)?"
    rf"(?:left|entered|re-?entered|exited|returned\s+to|re-?joined|withdrew\s+from)\s+the\s+{_PLACE}"
    r"|arrived\s+(?:during|for|after|shortly|part)\b|left\s+(?:early|at\s+\d))"
)
# "Jo Hale left the room for this item", "... withdrew from the meeting during consideration of
# the item": a member stepping out for an item in which they have an interest.
_FOR_AN_ITEM = re.compile(
    r"\s+(?:for|during)\s+(?:the\s+)?(?:this|that|the|consideration|discussion|debate|whole|"
    r"remainder|items?\b)"
)
# "... entered the room at 11am along with Mr Roy Tapp, Mr Ed Lowe and Ms Di Cole": those
# who came in with them, to the sentence's end.
_ALONG_WITH = re.compile(r"\s(?:along|together)\s+with[;:,]?\s+(?=[A-Z])")
# ("... left the meeting at the end of the previous meeting") another meeting's movements
_WITHDREW = re.compile(r",?\s+(?:had\s+)?(?:then\s+|briefly\s+|temporarily\s+)?(?:left|withdrew)\b")
_OTHER_MEETING = re.compile(r"\b(?:previous|last|next|earlier)\s+meeting\b")


def movements(sentence: str) -> Iterator[Stated]:
    """The people a sentence says came in, went out or came back, and those with them."""
    if _OTHER_MEETING.search(sentence):
        return
    for moved in itertools.islice(_MOVED.finditer(sentence), _MAX_CLAUSES):
        withdrew = bool(_WITHDREW.match(moved.group())) and _FOR_AN_ITEM.match(
            sentence, moved.end()
        )
        for entry, person in people_before(sentence, moved.start()):
            yield entry, person, PRESENT if withdrew else status_of(entry)
        along = _ALONG_WITH.search(sentence, moved.end())
        if along is not None:
            names = sentence[along.end() :].rstrip(" .")
            for entry, person in people_in(names):
                yield entry, person, status_of(entry)
