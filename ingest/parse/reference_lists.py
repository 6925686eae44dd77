"""Entries of a list of outstanding references numbered as the register numbers them.

Committees that keep "Outstanding References" (the City of London's committees and
boards, and others that copy their reports) review them under a heading or a sentence
that names the list ("Outstanding References", "The Committee considered a report of the
Town Clerk which listed Outstanding References from earlier meetings"), each entry led
by its number in the register: "2.         Police Pensions Sub-Committee", "7 – Staff
Survey Indicators". Those numbers are the references of earlier actions, kept from
meeting to meeting (2, 6, 9; 1, 7), not the numbers of this meeting's items.

The list starts at a line naming outstanding references that is no item's own title
(neither numbered nor under a bare item number, as in "4." / "Outstanding References")
and ends at the next short line that is no entry: another heading, a bare item number,
a web page's "view the full minutes text" link.

An action schedule reviewed under a heading of its own ("ACTION SCHEDULE AND WORK
PROGRAMME", "Action Log", "Outstanding Actions") may lead each progress note with the
item of the schedule it is about: "Item 1 Ongoing", "Item 3 SCT to liaise with ... Action
discharged." Those are the schedule's items, kept from meeting to meeting, not this
meeting's agenda items; so are the numbers of a list of the log's updates that a sentence
leads ("The Action Log was noted and the following updates provided:" / "1. The Board
agreed that the following actions can be closed ...", "2. (ref.7) WN confirmed ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.parse.lines import Line

__all__ = ["ENTRY", "reference_entry_lines", "schedule_entry_lines"]

_NAMES_THE_LIST = re.compile(r"\boutstanding\s+references\b", re.IGNORECASE)
# "2.   Police Pensions Sub-Committee", "7 – Staff Survey Indicators": a number and a title.
ENTRY = re.compile(r"(?P<number>\d{1,3})(?:\.|\s*[-–—])\s+(?=[A-Z])")
_NUMBERED = re.compile(r"\d{1,3}(?:\.\d{1,2})*[.)]?(?:\s|$)")
_HEADING_WORDS = 12
_FURNITURE = re.compile(r"\.\.\.\s*view\s+the\s+full", re.IGNORECASE)


def _opens_list(lines: Sequence[Line], line: Line) -> bool:
    """A line naming outstanding references that is not an item's own numbered title."""
    if not _NAMES_THE_LIST.search(line.content) or _NUMBERED.match(line.content):
        return False
    above = next((ln for ln in reversed(lines[: line.index]) if not ln.blank), None)
    return above is None or not _NUMBERED.fullmatch(above.content.strip() + " ")


def _closes_list(line: Line) -> bool:
    """A short line that is no entry: a heading, a bare number, page furniture."""
    content = line.content
    if _FURNITURE.search(content) or _NUMBERED.fullmatch(content + " "):
        return True
    if content[:1].isdigit():
        return False  # an entry led by a code of another shape ("1/2018/P – Example Videos")
    words = content.split()
    return len(words) <= _HEADING_WORDS and not content.rstrip().endswith((".", ":", ";"))


def reference_entry_lines(lines: Sequence[Line]) -> set[int]:
    """Indices of the lines that open an entry of a list of outstanding references."""
    entries: set[int] = set()
    inside = False
    for line in lines:
        if line.blank:
            continue
        if _opens_list(lines, line):
            inside = True
            continue
        if not inside:
            continue
        if ENTRY.match(line.content):
            entries.add(line.index)
        elif _closes_list(line):
            inside = False
    return entries


# A heading over an action schedule, alone on its line and unnumbered: "ACTION SCHEDULE AND
# WORK PROGRAMME", "Action Log", "Outstanding Actions", "Review of Actions".
_SCHEDULE = re.compile(
    r"(?:(?:review|progress|update)s?\s+(?:of\s+|on\s+)?(?:the\s+)?)?"
    r"(?:previous\s+|outstanding\s+|rolling\s+)?"
    r"(?:actions|action\s+(?:log|schedule|tracker|register|sheet|points))\b[\w &/-]{0,60}",
    re.IGNORECASE,
)
# "Item 1 Ongoing", "Item 9 - ongoing.": a progress note led by the schedule's item; not a
# bare "Item 7" under its title (a layout that prints the title above the number).
_SCHEDULE_ENTRY = re.compile(r"item\s+\d{1,3}\b[\s:.–—-]*\w", re.IGNORECASE)


# A sentence that leads the log's updates as a list: "The Action Log was noted and the
# following updates provided:".
_LEADS_THE_LOG = re.compile(
    r"\baction\s+(?:log|schedule|tracker|register|sheet)\b.*\bfollowing\b.*:$", re.IGNORECASE
)
# "1. The Board agreed ...", "2. (ref.7) WN confirmed ...": the list's numbered entries.
_NUMBERED_ENTRY = re.compile(r"\d{1,3}[.)]\s+\S")


def schedule_entry_lines(lines: Sequence[Line]) -> set[int]:
    """Indices of the lines "Item N ..." that lead the notes of an action schedule under a
    heading of its own, and of the numbered entries of a list of the log's updates that a
    sentence leads ("The Action Log was noted and the following updates provided:" / "1.
    The Board agreed that ...", "2. (ref.7) WN confirmed ..."), up to the next line that
    is no such entry."""
    entries: set[int] = set()
    inside: re.Pattern[str] | None = None
    for line in lines:
        if line.blank:
            continue
        content = line.content.strip()
        if _SCHEDULE.fullmatch(content):
            inside = _SCHEDULE_ENTRY
            continue
        if _LEADS_THE_LOG.search(content):
            inside = _NUMBERED_ENTRY
            continue
        if inside is not None and inside.match(content):
            entries.add(line.index)
        else:
            inside = None
    return entries
