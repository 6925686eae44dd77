"""Minutes, agenda or action log, from what the opening calls the document and what the
text does.

The opening names the document first: the first of "Minutes", "Notes", "Agenda" or
"Action log" in its lines ("Agenda and minutes" and "Minutes of the meeting held on ..."
are minutes; "agenda item" and "the minutes of the last meeting" name nothing). Then the
text: minutes record what happened ("RESOLVED that", "The Panel noted", "Members asked
whether"), an agenda announces it ("To receive", "(Pages 7 - 14)", "The Panel is asked
to", "Members are requested to attend"). An agenda that records no discussion stays an
agenda; a page whose opening heads an action log ("Rolling Action Log", "Outstanding
References") and lists no agenda items is an action log, as is a text that is mostly an
action table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ingest.parse.lines import Line, is_prose
from ingest.parse.tables import find_tables, rows_in_tables
from records.enums import DocumentType

OPENING_LINES = 12
"""Non-blank lines of the opening read for what the document calls itself."""
OPENING_CHARS = 400
"""Characters of each opening line read (a page flattened onto one line is long)."""
BODY_LINES = 400
"""Lines read for what the text does (records or announces)."""
LINE_CHARS = 3000
"""Characters of each line read for it."""
RECORDED = 3
"""Sentences recording discussion from which a text is minutes whatever it is called."""
HEADING_WORDS = 8
"""Words of a heading that names an action log."""
NAMED_HEADING_WORDS = 14
"""Words of such a heading that opens with the log's name and goes on to name its body."""
ANNOUNCED = 3
"""Sentences announcing business from which a text called minutes that records nothing is
an agenda."""

_ACTION_LOG = re.compile(
    r"\baction(?:s)?\s+(?:log|tracker|register|sheet|schedule|updates?)\b|\blog\s+of\s+actions\b|"
    r"\boutstanding\s+(?:actions|references)\b|\baction\s+progress\b|\brolling\s+actions?\b|"
    r"\b(?:list|schedule|summary)\s+of\s+actions\b|"
    r"\b(?:conclusions?|decisions?|outcomes?)\s+and\s+actions\s+(?:reached|agreed|arising)\b|"
    r"^issue\s+-\s+decisions$",
    re.IGNORECASE,
)
# What the opening calls the document; the first that stands in it wins ("Agenda and
# decisions" records what the meeting decided).
_NAMED = re.compile(
    r"(?P<minutes>\bagenda(?:,\s+decisions)?\s+and\s+(?:draft\s+)?(?:minutes|decisions)\b|"
    r"\bagenda\s+a\s+chofnodion\b|"  # (the same in Welsh)
    r"\b(?:draft\s+|approved\s+|confirmed\s+|unconfirmed\s+)?(?:minutes?|notes|record)\s+of\b|"
    r"^(?:draft\s+|approved\s+|public\s+)?(?:minutes?|meeting\s+notes|notes)\b(?!\s*[:(])|"
    r"\b(?:minutes|meeting\s+notes)\s*$|\b(?:minutes|notes)\s+and\s+decisions?\b)|"
    r"(?P<action_log>\baction\s+(?:log|tracker|register)\b(?!\s+and\s+matters))|"
    r"(?P<agenda>(?<!the\s)(?<!this\s)(?<!an\s)(?<!its\s)(?<!our\s)"
    r"\bagenda\b(?!\s+(?:item|point|plan|for\s+change|setting))(?!\s*:))",
    re.IGNORECASE,
)
# A line that starts as a title names the document even when an extraction ran a sentence
# onto it: "Minutes of the ...", "Agenda for ...", "agenda strategic governance board ·
# strategic governance board 19 june 2017 progress had been made...", "AGENDA TO: THE
# MEMBERS OF ..." (a summons: the heading in capitals, whatever follows it).
_TITLE_SENTENCE = re.compile(
    # after the heading in capitals it may run on from: "KENT COUNTY COUNCIL EASTSHIRE POLICE
    # AND CRIME PANEL MINUTES of a meeting of ..."
    r"^(?-i:[A-Z][A-Z&,'’()\s-]{0,150}\s)?"
    r"(?:approved\s+|draft\s+|confirmed\s+|unconfirmed\s+)?(?:minutes?|notes|record)\s+"
    r"(?:of|from)\b|^(?P<agenda>agenda\s+for|(?-i:AGENDA)(?!\s+(?-i:ITEM|POINT|AND)\b)(?=\W)|agenda(?!\s+(?:item|point|and)\b)(?=\s+(?:[\w&,'-]+\s+){0,6}?"
    r"(?:board|panel|committee|meeting)\b))",
    re.IGNORECASE,
)
# An agenda's heading in capitals before its first item inside a page run onto one line
# ("... Monday, 11 March 2013 at 2.00 pm Bodlondeb, Conwy AGENDA 1. Apologies for absence").
_AGENDA_LIST = re.compile(r"(?-i:\bAGENDA)\s+(?:(?i:item)\s+)?1[.):]?\s+(?-i:[A-Z])")
# "the minutes of the last meeting", "To approve the minutes", "3. Minutes of the meeting held
# on ...": minutes of another meeting, named inside an agenda or minutes.
_OTHER_MINUTES = re.compile(
    r"(?:\b(?:confirm|agree|approve|receive|sign|note|adopt|consider)\w*|\bthe|\bprevious|"
    r"\blast|\d[.)]?)\s+(?:\w+\s+){0,3}?(?:minutes|notes)\s+of\b|"
    r"\bminutes\s+of\s+(?:the\s+)?(?:previous|last|earlier)\b",
    re.IGNORECASE,
)
_MINUTES_AND_ACTIONS = re.compile(r"\bminutes\s*(?:/|and|&)\s*actions?\b", re.IGNORECASE)
# A portal's head of its list of items ("No. Item", "| No. | Item |").
_ITEMS_HEAD = re.compile(r"^\|?\s*no\.?[\s|]*item\b[\s|]*$", re.IGNORECASE)
# The label of a paper's or page's subject: "Subject: Summary List of Actions".
_SUBJECT_LABEL = re.compile(r"^(?:subject|title)\s*:\s*", re.IGNORECASE)
_ITEM_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*[.):]?(?:\s|(?=[A-Z]))")
# "Papers: Action Log", "Contact: ...": a label's value names no document ("AGENDA TO:" is
# the heading over a summons's address, not a label).
_LABELLED = re.compile(
    r"^(?!(?:meeting|title|document)\s*:)(?!(?-i:AGENDA|MINUTES)\s)[A-Za-z][A-Za-z /&]{0,20}:\s"
)
# Sentences that record what happened at a meeting.
_RECORDED = re.compile(
    r"\bRESOLVED\b|\bresolved\s*(?:that|:|-|–)|\b(?:was|were)\s+(?:noted|agreed|received|asked|"
    r"told|advised|informed|approved|confirmed|appointed|elected|welcomed|declared|reported|"
    r"given|raised|discussed|presented|circulated|accepted)\b|"
    r"\b(?:noted|agreed|reported|explained|said|stated|confirmed|advised|added|replied|"
    r"responded|commented|acknowledged|highlighted)\s+that\b|\basked\s+(?:whether|about|for|"
    r"if|how|why|what|when)\b|\b(?:welcomed|thanked|introduced|presented)\s+(?:the|everyone|"
    r"members|all|him|her|them)\b|\b(?:declared|raised)\s+an?\s+\w*\s*interest\b|"
    r"\bno\s+(?:interests|declarations|questions|apologies|items)\s+(?:were|had\s+been)\b|"
    # "No declarations of disclosable pecuniary interests were made at the meeting."
    r"\bno\s+(?:declarations?|interests|questions|apologies)\s+of\s+[^.;]{1,60}?\s+"
    r"(?:were|was|had\s+been)\s+(?:made|received|declared|raised|given|submitted)\b|"
    # "The Service Manager gave a short update on the actions"
    r"\bgave\s+(?:an?|the|their|his|her)\s+(?:\w+\s+){0,2}?(?:update|report|presentation|"
    r"overview|summary|briefing)\b|"
    r"\bnone\s+(?:were|had\s+been)\s+(?:declared|received|made|raised)\b|"
    r"\bthere\s+(?:were|was)\s+(?:none|no)\b|\b(?:was|were)\s+in\s+attendance\b|"
    r"\b(?:was|were)\s+made\s+by\b|"
    r"\b(?:panel|committee|board|sub-committee|meeting|members?|chair(?:man|person)?|"
    r"commissioner|pcc)\s+(?:\w+ly\s+)?(?:noted|agreed|resolved|received|considered|welcomed|"
    r"thanked|heard|approved|confirmed|endorsed|discussed|accepted|adopted|requested|"
    r"questioned|queried|reported|explained)\b",
    re.IGNORECASE,
)
# What an agenda says of a meeting still to come.
_ANNOUNCED = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?to\s+(?:receive|consider|note|approve|agree|confirm|elect|appoint|"
    r"decide|discuss|review|endorse|ratify|scrutinise|sign)\b|"
    r"\((?:pages?|pp?\.?)\s*\d+(?:\s*[-–]\s*\d+)?\)|\[p\]|\bpage\s+no\b|"
    r"\b(?:is|are|will\s+be)\s+(?:asked|invited|requested|recommended)\s+to\b|"
    r"\b(?:requested|summoned|invited|asked)\s+to\s+attend\b|\bcopy\s+(?:enclosed|attached|"
    r"to\s+follow)\b|\bto\s+follow\b|\bpaper\s+attached\b|\bshare\s+this\s+agenda\s+point\b|"
    r"^(?:oral|verbal)\s+(?:update|report)\b|^report\s+of\s+the\b|"
    # a preview of the meeting: "The Panel are scheduled to meet to discuss ...", "The panel
    # will also look at the work programme"
    r"\b(?:is|are)\s+scheduled\s+to\s+(?:meet|discuss|consider|look|receive|review)\b|"
    r"\bwill\s+(?:also\s+)?(?:look\s+at|discuss|consider|receive|review)\b",
    re.IGNORECASE,
)
_ACTION_LINE = re.compile(r"^(?:action\b|actions?\s*(?:\d|[:–-]))", re.IGNORECASE)


# A heading spaced out letter by letter: "A G E N D A", "M I N U T E S".
_LETTER_SPACED = re.compile(r"^(?:[A-Za-z] ){3,}[A-Za-z]$")
# The same heading inside a page run onto one line: "... Time: 1.00 p.m. A G E N D A 1. To
# determine ..." (five letters or more, in capitals: no run of initials).
_LETTER_SPACED_WORD = re.compile(r"(?<![\w.])(?:[A-Z] ){4,}[A-Z](?![\w.])")


def _unspaced(content: str) -> str:
    """ "A G E N D A" -> "AGENDA", also inside a longer line; any other line as it is."""
    stripped = content.strip()
    if _LETTER_SPACED.match(stripped):
        return stripped.replace(" ", "")
    return _LETTER_SPACED_WORD.sub(lambda found: found.group().replace(" ", ""), content)


def _opening(
    lines: Sequence[Line], count: int = OPENING_LINES, chars: int = OPENING_CHARS
) -> list[str]:
    opening: list[str] = []
    for line in lines:
        if line.blank:
            continue
        opening.append(_unspaced(line.content[:chars]))
        if len(opening) == count:
            break
    return opening


# A cover letter calling its readers to the meeting: "Dear Member ... You are requested to
# attend a meeting of the Joint Audit Committee on ...". The pack it opens is an agenda,
# whatever earlier minutes it carries.
_SUMMONS = re.compile(
    r"\b(?:you\s+are|members\s+are)\s+(?:hereby\s+)?(?:requested|summoned|required)\s+to\s+"
    r"attend\b",
    re.IGNORECASE,
)
AGENDA_LIST_CHARS = 1500
"""Characters of a page run onto one line read for its agenda's heading over item 1."""


def named_type(opening: Sequence[str]) -> DocumentType | None:
    """What the opening lines call the document, or None when they call it nothing: a
    summons to the meeting calls it an agenda, as does a page run onto one line that heads
    its list of items "AGENDA" ("... Civic Centre A G E N D A 1 Apologies for absence")."""
    for content in opening:
        if _SUMMONS.search(content[:OPENING_CHARS]):
            return DocumentType.AGENDA
        named = _named_line(content[:OPENING_CHARS])
        if named is not None:
            return named
    for content in opening:
        if is_prose(content) and _AGENDA_LIST.search(content[:AGENDA_LIST_CHARS]):
            return DocumentType.AGENDA
    return None


def _named_line(content: str) -> DocumentType | None:
    """What one line of the opening calls the document, or None."""
    if _ITEM_NUMBER.match(content) or _LABELLED.match(content):
        return None
    if is_prose(content):
        # a sentence names the document only as its title: "Minutes of the meeting of ..."
        title = _TITLE_SENTENCE.match(content)
        if title is not None:
            return DocumentType.AGENDA if title.group("agenda") else DocumentType.MINUTES
        return DocumentType.AGENDA if _AGENDA_LIST.search(content) else None
    for match in _NAMED.finditer(content):
        before = content[max(0, match.start() - 60) : match.end() + 4]
        if match.group("minutes") and _OTHER_MINUTES.search(before):
            continue
        if match.group("minutes"):
            return DocumentType.MINUTES
        if match.group("action_log"):
            return DocumentType.ACTION_LOG
        return DocumentType.AGENDA
    return None


def heads_an_action_log(opening: Sequence[str]) -> bool:
    """Whether a heading of the opening names an action log ("Rolling Action Log and Matters
    Arising", "Public Outstanding References", a paper's "Subject: Summary List of Actions"),
    not an item or another label's value."""
    for content in opening:
        content = _SUBJECT_LABEL.sub("", content, count=1)
        if _MINUTES_AND_ACTIONS.search(content):
            continue  # "MINUTES/ACTIONS SHEET": minutes with their actions
        found = _ACTION_LOG.search(content)
        if found is None or ":" in content or _ITEM_NUMBER.match(content):
            continue
        words = len(content.split())
        # a heading that opens with the log's name may go on to name its committee
        # ("Conclusions and Actions Agreed at Audit, Risk and Assurance Committee")
        if words <= HEADING_WORDS or (found.start() == 0 and words <= NAMED_HEADING_WORDS):
            return True
    return False


RECORDED_LEAD_CHARS = 40
"""Characters around a recording phrase that tell one sentence from another."""


def record_and_announce(lines: Sequence[Line]) -> tuple[int, int]:
    """How many sentences record what happened, and how many announce what is to come. A
    sentence printed more than once (a page's snippet of itself in its title, then again in
    a transcript of the same page) is counted once."""
    recorded: set[str] = set()
    announced = 0
    for line in lines[:BODY_LINES]:
        if line.blank:
            continue
        content = line.content[:LINE_CHARS]
        for match in _RECORDED.finditer(content):
            start = match.start() - RECORDED_LEAD_CHARS
            # near the line's start ("RESOLVED that ...") the words after it tell one
            # sentence from another
            end = match.end() + (RECORDED_LEAD_CHARS if start < 0 else 0)
            recorded.add(" ".join(content[max(0, start) : end].casefold().split()))
        announced += len(_ANNOUNCED.findall(content))
    return len(recorded), announced


# The heading of a meeting's minutes: "MINUTES OF THE MEETING HELD AT ... ON 19TH OCTOBER".
_MINUTES_HEADING = re.compile(
    r"^(?:draft\s+|approved\s+|confirmed\s+|unconfirmed\s+)?minutes\s+of\s+(?:the|a)\s+"
    r"(?:[\w&'’-]+\s+){0,8}?meeting\b",
    re.IGNORECASE,
)


_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|be)\b", re.IGNORECASE)


def _heading_like(content: str) -> bool:
    """A line that reads as a heading, not a sentence or a sentence's cut end ("The Action
    Log was noted and the")."""
    return not is_prose(content) and _VERB.search(content) is None


RECORDED_ABOVE = 2
"""Lines recording business above a heading that make it an item of minutes under way."""


def _headings_before_records(opening: Sequence[str]) -> list[str]:
    """The headings of the opening above the minutes' record of business: below lines that
    record it ("Apologies for absence were received ...", "There were no declarations of
    interest."), a heading such as "Outstanding References" is one more item of the minutes,
    not the document's own (a page's one-line summary above its heading records nothing)."""
    headings: list[str] = []
    recording = 0
    for content in opening:
        recording += bool(_RECORDED.search(content[:LINE_CHARS]))
        if recording >= RECORDED_ABOVE:
            break
        if _heading_like(content):
            headings.append(content)
    return headings[:OPENING_LINES]


def _earlier_minutes_start(lines: Sequence[Line], *, after: int) -> int:
    """Where, below an agenda's opening, the minutes of an earlier meeting start (a pack
    carries them to be approved): the index of their heading, or the end of the text."""
    for line in lines[after:]:
        if _MINUTES_HEADING.match(line.content) and not _ITEM_NUMBER.match(line.content):
            return line.index
    return len(lines)


# Inside a pack run onto few lines, where its enclosures start: the stamp of an enclosed
# paper's page ("Page 1 Agenda Item 6"), a minutes heading in capitals ("MINUTES OF THE
# MEETING HELD ON ...", "MINUTES of a meeting of the ..."; an agenda's item names "the
# minutes of the meeting held on ..."), an attendance label ("Present: -"). An agenda
# announces; only the enclosed minutes record.
_ENCLOSURE = re.compile(
    r"\bpage\s+\d{1,3}\s+agenda\s+item\s+\d{1,3}\b|"
    r"(?-i:\bMINUTES\s+OF\s+(?:THE|A)\s+(?:[A-Z0-9&'’-]+\s+){0,8}?MEETING\s+HELD\b)|"
    r"(?-i:\bMINUTES\s+of\s+a\s+meeting\s+of\b)|"
    r"(?<=\s)present\s*:",
    re.IGNORECASE,
)


def _before_enclosures(lines: Sequence[Line]) -> list[Line]:
    """The agenda's own text: its lines cut where a pack flattened onto few lines starts
    carrying another paper (see ``_ENCLOSURE``)."""
    kept: list[Line] = []
    for line in lines:
        found = _ENCLOSURE.search(line.content)
        if found is None:
            kept.append(line)
            continue
        kept.append(replace(line, content=line.content[: found.start()]))
        break
    return kept


def agenda_end(text: str, lines: Sequence[Line], *, header_lines: Sequence[Line] = ()) -> int:
    """Where an agenda's own text ends: the offset in ``text`` at which its pack starts
    carrying an earlier meeting's minutes (``_earlier_minutes_start``) or another paper
    (``_ENCLOSURE``), else the text's length. The chair and the apologies found beyond it
    are the enclosed meeting's, not the agenda's."""
    end = _earlier_minutes_start(lines, after=len(header_lines))
    for line in lines[:end]:
        found = _ENCLOSURE.search(text[line.content_start : line.content_end])
        if found is not None:
            return line.content_start + found.start()
    return lines[end].start if end < len(lines) else len(text)


def detect_document_type(
    title: str, lines: Sequence[Line], *, header_lines: Sequence[Line] = (), item_count: int = 0
) -> DocumentType:
    """``MINUTES`` unless the opening or what the text does says agenda or action log."""
    opening = _opening(header_lines or lines)
    headings = _headings_before_records(_opening(header_lines or lines, OPENING_LINES * 3))
    if heads_an_action_log(opening[:3]) or (item_count <= 1 and heads_an_action_log(headings)):
        return DocumentType.ACTION_LOG
    long_opening = _opening(header_lines or lines, chars=AGENDA_LIST_CHARS)
    named = named_type([title]) if not long_opening else named_type(long_opening)
    if named is DocumentType.AGENDA:
        # an agenda pack may carry the previous meeting's minutes after its agenda
        lines = lines[: _earlier_minutes_start(lines, after=len(header_lines))]
        lines = _before_enclosures(lines)
    recorded, announced = record_and_announce(lines)
    if named is DocumentType.ACTION_LOG:
        return DocumentType.ACTION_LOG
    if named is DocumentType.MINUTES and (recorded or announced < ANNOUNCED):
        return DocumentType.MINUTES
    if named is not None and recorded < RECORDED:
        # called an agenda; or called minutes (a page's link "Panel minutes") while it only
        # announces business
        return DocumentType.AGENDA
    if recorded == 0 and any(_ITEMS_HEAD.match(line.content) for line in lines[:BODY_LINES]):
        return DocumentType.AGENDA  # a portal's list of items with no minute under any
    in_tables = rows_in_tables(find_tables(lines), "action")
    prose = [
        line
        for line in lines
        if not line.blank
        and line.index not in in_tables
        and len(line.cells) <= 1
        and is_prose(line.content)
    ]
    if len(in_tables) >= 3 and len(prose) <= 3:
        return DocumentType.ACTION_LOG
    if recorded == 0 and (announced >= 2 or item_count >= 3):
        return DocumentType.AGENDA
    actions = sum(bool(_ACTION_LINE.match(line.content)) for line in lines)
    if item_count >= 3 and recorded <= 1 and len(prose) * 2 < item_count and actions == 0:
        return DocumentType.AGENDA
    return DocumentType.MINUTES
