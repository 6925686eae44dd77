"""The kind of a meeting whose opening names no body, from what else the page prints.

A page copied without its title line still carries its body's name in its furniture: a
contact line ("Contact: Jo Hale, Police and Crime Panel Support Officer"), a running title
or footer printed on every page ("Police and Crime Panel – 12 March 2020 – Page 3"). Such
a line names the body whose page it is, where the text's own sentences may name others
("the reports of the Police and Crime Panel were received").

A council's scrutiny committee is told by its standing business, which no other committee
has: call-ins, proposals for scrutiny reviews, an update from the Cabinet or from an
executive member on their portfolio, the Cabinet's forward plan of decisions. Those are
headings of its agenda, not words of its minutes ("the Cabinet had agreed ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ingest.parse.kinds import find_meeting_kind
from ingest.parse.lines import is_prose
from records.enums import MeetingKind

FURNITURE_WORDS = 16
"""Words of a running title, footer or contact line."""
HEADING_WORDS = 12
"""Words of a heading of standing business."""
REPEATS = 2
"""Times a line is printed to be a running title or footer."""

# "Contact: Jo Hale, Police and Crime Panel Support Officer", "Enquiries to: Clerk to the
# Panel", "For further information contact ...", "Clerk to the Police and Crime Panel".
_CONTACT = re.compile(
    r"^(?:contact(?:\s+officer)?|enquiries(?:\s+to)?|for\s+(?:further|more)\s+information|"
    r"clerk(?:\s+to\s+the\s+[\w ,&]{3,60})?|secretary\s+to\s+the\s+[\w ,&]{3,60})\b[^:]{0,30}[:\s]",
    re.IGNORECASE,
)
# A body's name holds a body word; "Senior Scrutiny Officer" names a post, "Assurance
# statement:" a label.
_BODY_WORD = re.compile(
    r"\b(?:panel|committee|sub-committee|board|authority|commission|forum|group|team)s?\b",
    re.IGNORECASE,
)
# A running title's changing parts: its page number and date ("Page 3", "12.03.20").
_PAGE_PARTS = re.compile(r"\bpage\s+\d+(?:\s+of\s+\d+)?\b|\d+", re.IGNORECASE)
_SCRUTINY_BUSINESS = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?(?:(?:consideration\s+of\s+)?call[- ]?ins?\b|"
    r"(?:proposals?\s+for\s+)?scrutiny\s+reviews?\b|"
    r"(?:update|report)s?\s+from\s+(?:the\s+)?(?:cabinet|executive)\b|"
    r"cabinet\s+(?:member\s+)?updates?\b|"
    r"(?:executive|cabinet)\s+member(?:['’]s)?\s+(?:portfolio\s+)?updates?\b|"
    r"(?:cabinet|executive)(?:['’]s)?\s+forward\s+plan\b|forward\s+plan\s+of\s+(?:key\s+)?decisions\b)",
    re.IGNORECASE,
)


def _short(content: str, words: int) -> bool:
    return 0 < len(content.split()) <= words and not is_prose(content)


def furniture_kind(contents: Sequence[str]) -> MeetingKind | None:
    """The one kind the page's furniture names (contact lines, lines printed on every page),
    or None when it names none or several."""
    kinds: set[MeetingKind] = set()
    repeated: Counter[str] = Counter()
    for content in contents:
        content = content.strip()
        if len(content.split()) > FURNITURE_WORDS:
            continue
        if not _BODY_WORD.search(content) or content.endswith(":"):
            continue
        if _CONTACT.match(content):
            kind = find_meeting_kind(content)
            if kind is not None:
                kinds.add(kind)
            continue
        if _short(content, FURNITURE_WORDS):
            repeated[" ".join(_PAGE_PARTS.sub(" ", content.casefold()).split())] += 1
    for line, count in repeated.items():
        if count >= REPEATS and (kind := find_meeting_kind(line)) is not None:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


def council_scrutiny(contents: Sequence[str]) -> bool:
    """Whether a heading of the text is a council scrutiny committee's standing business."""
    return any(
        _SCRUTINY_BUSINESS.match(content.strip())
        for content in contents
        if _short(content.strip(), HEADING_WORDS)
    )
