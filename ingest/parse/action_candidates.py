"""What minutes are read in when actions carry no "Action:" marker: paragraphs under
headings, and the candidates the readers of references and commitments propose.

A paragraph is a run of non-blank lines; a bullet, a clause label ("(ii)", "5.4", "3.")
or a heading line starts a new one. A heading is a short line without a closing full
stop ("Outstanding References pdf icon PDF 71 KB", "ROLLING ACTION LOG"). Headings are
sorted into those over a review of earlier actions ("Review of Actions from Previous
Meeting", "Outstanding References", "Matters arising") and the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ingest.parse.lines import Line
from ingest.parse.positions import SpanSet
from records.enums import ActionStatus

__all__ = [
    "ACTION_MARKER",
    "ACTION_REFERENCE",
    "UPDATE_LINE",
    "Candidate",
    "Paragraph",
    "is_review_heading",
    "names_an_action_review",
    "names_new_actions",
    "paragraphs",
]


@dataclass
class Candidate:
    """An action found without a marker: where it stands, its own words, what is known.

    ``updates`` are spans of notes on it (an entry's bullets); ``status`` is the one the
    text states; ``owner`` the phrase naming who does it, when the sentence names one;
    ``decided`` when the owner was read from the grammar of a decision ("REQUESTED the
    Local Senior Officer to ..."), which names the owner better than the words do.
    """

    start: int
    end: int
    body: tuple[int, int]
    reference: str | None = None
    owner: str | None = None
    status: ActionStatus | None = None
    updates: list[tuple[int, int]] = field(default_factory=list)
    decided: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``start``/``end`` its content, ``body`` after its bullet or label."""

    start: int
    end: int
    body: int
    label: str | None
    bullet: bool
    heading: bool
    first_line: int


# An action's number: "2", "2.1", "12/20" (number/year), "21/03/01" (year/month/number),
# "11032020.2" (the meeting's date as eight figures, then the number).
ACTION_REFERENCE = r"(?:[0-3]\d[01]\d(?:19|20)\d\d\.\d{1,3}|\d{1,3}(?:\.\d{1,3})*(?:/\d{1,3}){0,2})"
# A register's code: a series of capitals, then parts joined by slashes or hyphens, the
# last a number ("COG/A/014/2016", "FLT-07", "EB/2019/12").
_REGISTER_CODE = r"[A-Z]{2,6}(?:[/-][A-Z0-9]{1,6}){0,3}[/-]\d{1,4}(?![\w/])"
# The marker of an action ("Action 2:", "ACTION -", "AP3", "Actions" over a list), which
# also tells a line that reports on an action from a heading. "Action Nos. 4, 5 and 9"
# cites three actions at once: the numbers after the first are ``more``.
ACTION_MARKER = re.compile(
    r"\b(?P<word>ACTION\s+POINTS?|Action\s+[Pp]oints?|AGREED\s+ACTIONS?|Agreed\s+[Aa]ctions?"
    r"|ACTIONS\s+(?:ARISING|AGREED)|Actions\s+(?:[Aa]rising|[Aa]greed)"
    r"|ACTIONS?|Actions?|New\s+[Aa]ction)"
    rf"(?:\s*(?:Nos?\.?|Numbers?|#)\s*|\s*)(?P<ref>[A-Z]?{ACTION_REFERENCE}[a-z]?(?![\w/])"
    rf"|{_REGISTER_CODE})?"
    rf"(?(ref)(?P<more>(?:(?:\s*,\s*|\s+(?:and|&)\s+){ACTION_REFERENCE}(?![\w/]))+)?)"
    rf"|\bAP\s?(?P<apref>{ACTION_REFERENCE})(?![\w/])"
)
# "Update: ...", "Progress - ...", "Update 18.01.22 – Complete": a note on the action above.
UPDATE_LINE = re.compile(
    r"(?:\*\*|__)?(?P<label>Update|Progress|Post[- ]meeting(?:\s+note)?|Status"
    r"|Since\s+the\s+meeting)(?:[^:\n]{0,30}?:|\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\s*[-–—])"
    r"(?:\*\*|__)?\s*(?P<body>\S.*)$",
    re.IGNORECASE,
)
# "(ii)", "b)", "5.4", "3.", and "a." before a capital ("a.  Current issues emerging").
_LABEL = re.compile(
    r"(?P<label>\((?:[ivx]{1,5}|\d{1,2}|[a-h])\)\.?|(?:[ivx]{1,5}|[a-h])\)|\d{1,2}(?:\.\d{1,2})+"
    r"|\d{1,3}[.)]|[a-h]\.(?=\s+[A-Z]))(?=\s)\s*"
)
# "; and (vi) to ask ...": the next clause of a resolution, run on by a text extraction.
_INLINE_CLAUSE = re.compile(
    r"[;:]\s*(?:and\s+|or\s+)?(?P<label>\((?:[ivx]{1,5}|\d{1,2}|[a-h])\))\s+(?=\S)"
)
_NUMBER_ONLY = re.compile(r"\d{1,3}(?:\.\d{1,2})*\.?|\(?[ivx]{1,5}[.)]|\(\d{1,2}\)")
_BULLET = re.compile(r"(?:[-*+•●▪◦·‣⁃□■\uf0b7\uf0a7]|o(?=\s))\s*")
_FURNITURE = re.compile(r"pdf\s+icon|\bPDF\s+\d+\s*KB\b|view\s+the\s+full", re.IGNORECASE)
_HEADING_WORDS = 14
_WRAPPED_WORDS = 8
_CLOSING = ".;,:!?"


def _ends_sentence(content: str) -> bool:
    return content.rstrip("\"')]*|").endswith(tuple(_CLOSING))


def _heading_like(line: Line, previous: Line | None, following: Line | None) -> bool:
    """A short line standing alone, without a closing full stop."""
    content = line.content.strip("|\t ")
    words = content.split()
    if line.bullet or not words or len(words) > _HEADING_WORDS:
        return False
    if UPDATE_LINE.match(content):
        return False
    if _FURNITURE.search(content) and not content.startswith("..."):
        return True
    label = _LABEL.match(content)
    opening = content[label.end() :] if label else content
    if _ends_sentence(content) or not opening or not (opening[0].isupper() or opening[0].isdigit()):
        return _NUMBER_ONLY.fullmatch(content) is not None
    capitals = not any(c.islower() for c in content) and sum(c.isalpha() for c in content) > 2
    before = previous is None or capitals or not _continues(previous, line)
    numbered = label is not None  # "2. Holding to account – VAWG"
    after = (
        following is None
        or following.blank
        or not _continues(line, following)
        or ((capitals or numbered) and not following.content[:1].islower())
    )
    return before and after


def _continues(previous: Line, line: Line) -> bool:
    """Whether ``line`` carries on the paragraph of ``previous``: a text extraction broke a
    long line mid-sentence, or the line starts in lower case."""
    if previous.blank or _ends_sentence(previous.content):
        return False
    if line.bullet or _LABEL.match(line.content):
        return False
    return previous.words >= _WRAPPED_WORDS or line.content[:1].islower()


def paragraphs(text: str, lines: Sequence[Line], skip: SpanSet) -> list[Paragraph]:
    """The paragraphs of the text in order, lines inside ``skip`` (tables) left out."""
    found: list[Paragraph] = []
    current: list[Line] = []

    def close() -> None:
        if current:
            first, last = current[0], current[-1]
            found.extend(_clauses(text, _paragraph(text, first, last.content_end, heading=False)))
            current.clear()

    for index, line in enumerate(lines):
        if line.blank or line.table_rule or line.start in skip:
            close()
            continue
        previous = lines[index - 1] if index else None
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _heading_like(line, previous, following):
            close()
            found.append(_paragraph(text, line, line.content_end, heading=True))
            continue
        labelled = _LABEL.match(text, line.content_start, line.content_end)
        if line.bullet or labelled or (previous is not None and not _continues(previous, line)):
            close()
        current.append(line)
    close()
    return found


def _paragraph(text: str, first: Line, end: int, *, heading: bool) -> Paragraph:
    start = first.content_start
    body = start
    bullet = _BULLET.match(text, start, end)
    if first.bullet and bullet:
        body = bullet.end()
    label = _LABEL.match(text, body, end)
    if label and not heading:
        body = label.end()
    return Paragraph(
        start=start,
        end=end,
        body=body,
        label=_label_text(label.group("label")) if label else None,
        bullet=first.bullet,
        heading=heading,
        first_line=first.index,
    )


def _label_text(label: str) -> str:
    """ "(ii)" -> "ii", "3." -> "3", "5.4" stays."""
    return label.strip("().")


def _clauses(text: str, paragraph: Paragraph) -> list[Paragraph]:
    """A paragraph parted at clause labels run into it ("...; and (vi) to ask ...")."""
    cuts = list(_INLINE_CLAUSE.finditer(text, paragraph.body, paragraph.end))
    if not cuts:
        return [paragraph]
    parts: list[Paragraph] = []
    start, body, label, bullet = paragraph.start, paragraph.body, paragraph.label, paragraph.bullet
    for cut in cuts:
        end = cut.start() + 1  # the clause keeps its ";"
        parts.append(Paragraph(start, end, body, label, bullet, False, paragraph.first_line))
        start, body = cut.start("label"), cut.end()
        label, bullet = _label_text(cut.group("label")), False
    parts.append(Paragraph(start, paragraph.end, body, label, bullet, False, paragraph.first_line))
    return parts


# --- headings --------------------------------------------------------------------------------

_REVIEW = re.compile(
    r"\b(?:actions?|action\s+(?:log|points?|updates?|tracker|register|sheet)"
    r"|(?:outstanding|public)\s+references?|references\b|resolutions|matters\s+arising)\b",
    re.IGNORECASE,
)
_ACTION_REVIEW = re.compile(
    r"^\W*(?:\d{1,3}[.)]?\s+)?(?:(?:review|progress|update)s?\s+(?:of\s+|on\s+)?(?:the\s+)?)?"
    r"(?:previous\s+|outstanding\s+|rolling\s+)?"
    r"(?:actions\b|action\s+(?:log|points?|updates?|tracker|register|sheet|schedule)\b)",
    re.IGNORECASE,
)


# "Conclusions and actions reached", "Outcomes & Actions", "Decisions and actions agreed":
# a heading over what this meeting settled, each paragraph under it one action; not a
# report's title ("Commissioner's Decisions and Actions").
_NEW_ACTIONS = re.compile(
    r"^\W*(?:\d{1,3}[.)]?\s+)?(?:conclusions?|outcomes?)\s+(?:and|&)\s+actions\b"
    r"|\bactions\s+(?:reached|agreed)\s*(?:\(\w{1,3}\))?\W*$",
    re.IGNORECASE,
)


def names_new_actions(heading: str) -> bool:
    """A heading over the actions this meeting agreed, set out as plain paragraphs."""
    return bool(_NEW_ACTIONS.search(heading))


def is_review_heading(heading: str) -> bool:
    """A heading over earlier actions, references or matters arising."""
    return bool(_REVIEW.search(heading))


def names_an_action_review(heading: str) -> bool:
    """A heading whose subject is the earlier actions themselves ("Review Actions and
    Recommendations from Previous Meeting", "Action log", "Outstanding actions"), not a
    heading that mentions them beside the minutes ("Minutes and actions")."""
    return bool(_ACTION_REVIEW.match(heading))
