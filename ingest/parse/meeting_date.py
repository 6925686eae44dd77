"""Which of the dates in the opening of a record is the meeting's own.

A record names many dates: its own, the previous meeting's ("minutes of the meeting held
on ..."), the next one's, the day a letter or page was issued, a deadline for questions,
the date a meeting was moved from, a reporting period. Every date in the opening lines is
a candidate, scored by where it stands (a "Date:" label, or the date label of a header
table flattened into a block of labels over a block of values, the title line, a line that
starts with it, a summons "will take place ... on") and by what surrounds it (a start time
after it, a weekday; "previous", "next", "moved from", "published", "by" a deadline,
"were approved" after it, or a date that the text gives elsewhere as another meeting's,
unless only as the sitting an earlier meeting's words looked forward to: "to be brought to
the next Board on 18 December" in an action's running update).
A label naming the meeting ("Date of meeting:", a decision page's "Decided at meeting:
18/11/2016 - Scrutiny Committee" at its foot) counts wherever it stands.
On a portal's page of one agenda item ("Agenda item" over the item's title) only a
labelled date is the meeting's: the item's title and text date earlier meetings and reports.
The best candidate that reaches ``ACCEPT`` is the meeting's date; when none does, the
text does not state its own date, and no date is better than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ingest.parse.dates import DateMatch, TimeMatch, find_date, find_time, iter_dates
from ingest.parse.label_blocks import label_blocks
from ingest.parse.lines import Line, is_prose, other_documents_from

SCAN_LINES = 60
"""Non-blank lines of the opening whose dates are candidates."""
LINE_CHARS = 1500
"""Characters of a line read for dates (a page flattened onto one line is long)."""
ACCEPT = 3.0
"""The least score of a date taken for the meeting's own."""
CONTEXT_CHARS = 80
"""Characters before and after a date read for what surrounds it."""
SUMMONS_CHARS = 200
"""Characters before a date read for a letter of summons ("invited to attend ...")."""
TITLE_CHARS = 200
"""How far into its line a date may stand and still be part of a title."""

# a decision page's foot names the meeting that took it: "Decided at meeting: 18/11/2016 -
# Internal Scrutiny Committee"
_DECIDED_AT = r"decided\s+at\s+(?:the\s+)?meeting"
_LABEL = (
    r"(?:date\s*(?:and|&|/)\s*time|date\s+of\s+(?:the\s+)?meeting|meeting\s+date|"
    rf"dyddiad(?:\s*/\s*date)?|{_DECIDED_AT}|date|when)"
)
# "Date: 15th June", and a table's label and value cells joined by a slash: "Date: / 15th June"
_LABEL_BEFORE = re.compile(
    rf"(?:^|[^\w])(?<!of\s){_LABEL}\s*[:\-–—]?\s*(?:(?<=:)\s*/\s*)?$", re.IGNORECASE
)
_BARE_LABEL = re.compile(rf"^{_LABEL}\s*:?$", re.IGNORECASE)
# A label that names the meeting's date outright, above a bare "Date" (the day a cover sheet
# was issued): "DATE 15 June 2017 AGENDA ... DATE OF MEETING 19 June 2017".
_MEETING_DATE_LABEL = re.compile(
    rf"\b(?:date\s+of\s+(?:the\s+)?meeting|meeting\s+date|{_DECIDED_AT})\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
# What says that a date is another meeting's, said just before it.
_OTHER_MEETING = re.compile(
    # "following" as "after" says when this meeting sat: "the meeting held immediately
    # following the Police and Crime Panel at 2pm on 10 October"
    r"\b(?:previous|last|next|future|"
    r"(?<!held\s)(?<!immediately\s)(?<!directly\s)(?<!shortly\s)(?<!straight\s)following|"
    r"forthcoming|earlier|prior|recent|subsequent)\b[^.;]*$|"
    r"\b(?:moved|rescheduled|postponed|changed|deferred|adjourned)\s+(?:from|on)\b[^.;]*$|"
    r"\b(?:approved|agreed|confirmed|considered|ratified|noted)\s+(?:at|by|on)\b[^.;]*$|"
    r"\b(?:to|at)\s+(?:the|its|a)\s+(?:[\w,&'’-]+\s+){0,6}?(?:meeting|session|hearing)\s+"
    r"(?:of\s+[^.;]{0,40}?)?(?:on|held\s+on|of)\s*(?:the\s+)?$|"
    r"\b(?:confirm|agree|approve|receive|sign|note|adopt|take)\w*\s+(?:as\s+[^.;]{0,30}?\s+)?"
    r"the\s+(?:draft\s+|public\s+)?(?:minutes|notes)\b[^.;]*$",
    re.IGNORECASE,
)
# "Minutes of the meeting held on ...", "Minutes - 16th June", "Board Minutes 13 August",
# "minutes of 3 May": the record's own title at the very top, anywhere else the minutes of
# an earlier meeting.
_MINUTES_OF = re.compile(
    r"\b(?:minutes?|notes?|record|summary)\b(?:\s+(?:and|&)\s+actions?(?:\s+updates?)?)?"
    r"(?:\s+(?:of|from|for)\b[^.;]{0,120}?|\s*[-–—:]\s*|\s+)$",
    re.IGNORECASE,
)
# A line of the header that is the record's own title: "Minutes of a special meeting of the
# Conduct Sub-committee on 16 October 2003 held at ...".
_TITLE_SENTENCE = re.compile(
    r"^(?:approved\s+|draft\s+|confirmed\s+|unconfirmed\s+)?(?:minutes?|notes|record)\s+of\s+"
    r"(?:the|a|an)\s+",
    re.IGNORECASE,
)
_MINUTES_HEADING = re.compile(
    r"^(?:draft\s+|approved\s+)?(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?meeting\s+held\s+on\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_OF = re.compile(r"\b(?:of|from|for)\b", re.IGNORECASE)
# A file name or path in a footer ("R:\\PCP\\MINUTES - 25 OCTOBER 2012.DOC"): its dates are
# nobody's.
_FILE_NAME = re.compile(r"\b[A-Za-z]:\\|\.(?:docx?|pdf|rtf|xlsx?)\b", re.IGNORECASE)
_HELD = re.compile(
    r"\b(?:held|hold|convened|took\s+place|take\s+place|taking\s+place|meets?|meeting|"
    r"attend|sitting)\b[^.;]{0,120}?\b(?:on|dated?)\s*(?:the\s+)?$|"
    r"\b(?:held|convened)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# The day a page or letter was issued or updated ("Published: 3 March", "Dated 28
# September", "Last updated 14/03/2022"); "the meeting dated ..." is the meeting's own.
# A letter's own date in its reference block: "Enquiries to: Jo Hale Telephone: 0300 123
# Our reference: IR Date: 11/11/2019" (the meeting it calls is dated in its summons).
_LETTER_DATE = re.compile(
    r"\b(?:(?:our|your)\s+ref(?:erence)?|tel(?:ephone)?(?:\s+no)?)\b[.:]?[^.;]{0,40}?"
    r"\bdate\s*[:\-–—]?\s*$",
    re.IGNORECASE,
)
_ISSUED = re.compile(
    r"\b(?:published|publication|issued?|created|posted|post\s+on|uploaded?|printed|"
    r"(?<!meeting\s)dated|"
    r"despatched|dispatched|circulated|updated?|modified|as\s+(?:at|of)|copyright)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# A document viewer's upload date above the document it shows: "19.03.2013 Views".
_VIEWER_DATE = re.compile(r"^\s*views?\s*$", re.IGNORECASE)
# A deadline ("by 12 noon on Thursday 30 January"), not "chaired by" or "hosted by".
_DEADLINE = re.compile(
    r"(?<!chaired\s)(?<!hosted\s)(?<!taken\s)(?<!led\s)(?<!minuted\s)(?<!presented\s)"
    r"\b(?:by|before|until|till|no\s+later\s+than|deadline|closing|due|reach|expires?)\b"
    r"(?:\s+\S+){0,4}?\s*$",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\b(?:between|since|from|during|period|ending|ended|commencing|starting|to|and|until|"
    r"w/?c|week)\b\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_APPROVED_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:were|was|be|been|being|are|is)\s+(?:\w+\s+)?(?:approved|agreed|"
    r"confirmed|signed|accepted|received|noted|adopted|taken\s+as\s+read)\b|"
    r"^[^.;]{0,80}?\bas\s+an?\s+(?:true|correct|accurate|fair)\s+record\b",
    re.IGNORECASE,
)
# A letter of summons: "You are invited to attend the next meeting of the Board which will
# be held on Tuesday 30th April 2019", "I hereby summon you to attend a virtual meeting of
# the Panel which will be held at 10.00 am, on Friday, 31st July, 2020" is this meeting, its
# "next" the letter's own (and the letter's own date, above it, is not the meeting's).
_SUMMONED = re.compile(
    r"(?:\b(?:(?:invited|summoned|requested|asked|required)\s+to|summon\s+you\s+to)\s+attend\s+"
    r"(?:(?:the|a|an|next|special|extraordinary|virtual|remote|hybrid|public|formal|annual)\s+)*"
    # the body's or meeting's own name may stand before "meeting": "a Level 2 meeting", "the
    # Joint Audit Committee meeting"
    r"(?:(?-i:[A-Z0-9])[\w&'’-]*\s+(?:(?:and|&|of)\s+)?){0,6}?meeting\b|"
    # "A meeting of the Eastshire Police and Crime Panel will be held at ... on"
    r"\b(?:an?|the)\s+(?:(?:special|extraordinary|ordinary|virtual|remote|hybrid|public|formal|"
    r"annual|informal)\s+)?meeting\s+of\s+(?:the\s+)?[^.;]{2,120}?\s+(?:will|is\s+to|shall)\s+"
    r"(?:be\s+held|take\s+place)\b)"
    r"(?:[^.;]|(?<=\d)\.(?=\d))*$",  # no sentence end between (a time's stop aside)
    re.IGNORECASE,
)
# In a letter ("Dear Colleague"), "The next Public Accountability Board will take place on
# ..." is the meeting the letter calls.
_LETTER_SUMMONS = re.compile(
    r"\bnext\s+(?:[\w&,'-]+\s+){0,6}?(?:meeting|board|panel|committee|session)\s+"
    r"(?:of\s+[^.;]{2,80}?\s+)?(?:will|is\s+to|shall)\s+(?:be\s+held|take\s+place)\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d))*$",
    re.IGNORECASE,
)
# A covering letter sending the record: "I enclose the minutes of the meetings held in
# Committee Room 2 on 21/22 January 2014" is this record's meeting.
_ENCLOSED = re.compile(
    r"\b(?:enclos|attach)\w*\s+(?:herewith\s+)?(?:(?:a\s+)?copy\s+of\s+)?the\s+(?:draft\s+|"
    r"approved\s+|confirmed\s+)?(?:minutes|notes)\s+of\b[^.;]{0,160}$",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"^dear\s+\w+", re.IGNORECASE)
# A whole page flattened onto one line after its page number: "1 EASTSHIRE BOARD MEETING
# APPROVED Minutes of the meeting held on ...", "1 A Clerk Tel No: Dear Chief Constable ...
# You are requested to attend a Level 1 meeting on ...". Its opening is the record's own title
# (in capitals) or a summons, where a first agenda item ("1. Minutes of the meeting held on
# ...") has no running title before "Minutes" and calls no one to attend.
_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+(?=\S)")
_RUNNING_TITLE = re.compile(
    r"^(?:(?-i:[A-Z0-9&][A-Z0-9&'’/-]*)\s+){1,10}?(?:(?:approved|draft|confirmed|unconfirmed)\s+)?"
    r"minutes\s+of\s+(?:the|a|an)\s+(?:[\w&]+\s+){0,3}?meeting\s+(?:of\b|held\b)",
    re.IGNORECASE,
)
PAGE_OPENING_CHARS = 600
"""Characters of a page-numbered line read for the page's title or summons."""
PAGE_MIN_CHARS = 300
"""The least length of a line that is a whole page flattened, where an agenda's line "5
AUDIT COMMITTEE MINUTES OF THE MEETING HELD ON 3 JUNE" is one entry."""


def page_opening(content: str) -> bool:
    """Whether a line led by a bare page number is a page's own opening, flattened: the
    record's running title, or a letter summoning its readers to the meeting."""
    return page_opening_end(content) > 0


def page_opening_end(content: str) -> int:
    """Where the running title or the summons of a page flattened under its page number
    ends in ``content`` (0 when the line is no such page): no entry starts inside it."""
    number = _PAGE_NUMBER.match(content)
    if number is None or len(content) < PAGE_MIN_CHARS:
        return 0
    rest = content[number.end() : PAGE_OPENING_CHARS]
    title = _RUNNING_TITLE.match(rest)
    if title is not None:
        return number.end() + title.end()
    for found in iter_dates(rest):
        if _SUMMONED.search(rest[: found.span[0]]) is not None:
            return number.end() + found.span[1]
    return 0


HEADING_WORDS = 8
"""Words of a heading line over a date."""
LISTED_DATE_WORDS = 10
"""Words of an entry in a list of dates ("Thursday 13 March 2014, 2.00 pm, venue TBC")."""
# "Next meeting", "Date of the next meeting:", "Future meetings", "Previous meeting".
_OTHER_MEETING_HEADING = re.compile(
    r"^(?:\d{1,3}[.)]?\s+)?(?:(?:date|details|time)s?(?:\s+(?:and|&)\s+\w+)?\s+of\s+(?:the\s+)?)?"
    r"(?:next|previous|last|future|forthcoming)\s+meetings?(?:\s+dates?)?\s*:?$|"
    # a sentence leading into a list of dates set for meetings: "The new dates were:"
    r"^(?:the\s+)?(?:new|revised|proposed|rescheduled|future)\s+(?:meeting\s+)?dates\s+"
    r"(?:are|were|will\s+be|agreed)\s*:$",
    re.IGNORECASE,
)
# A publication's page says which meeting received it: "The publication discussed was
# referenced in the meeting below" over that meeting's name, "Date :" and "Location :".
_RECEIVING_MEETING = re.compile(
    r"\b(?:was|were)\s+(?:referenced|discussed|considered|presented|received|tabled|noted)\s+"
    r"(?:in|at|by)\s+the\s+meetings?\s+below\b",
    re.IGNORECASE,
)
RECEIVING_BLOCK_LINES = 3
"""Non-blank lines under that sentence that describe the receiving meeting."""
_THIS_MEETING = re.compile(r"\bthis\s+(?:meeting|session|panel|committee|board)\b", re.I)
_TIME_SEPARATOR = re.compile(
    r"^[\s,;.@()|*–—-]*(?:(?:at|from|commencing|starting|start|starts|time|times|begins?|"
    r"kl|on)\b[\s,;.:@()|*–—-]*)*$",
    re.IGNORECASE,
)
_END_TIME = re.compile(r"^\s*(?:-|–|—|to|until|till)\s*$", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(?:meeting|minutes?|notes|board|panel|committee|agenda|forum|session|authority|"
    r"cabinet|council|partnership|hearing|conference|group|executive|commission)\b",
    re.IGNORECASE,
)
_NAME_DASH = re.compile(r"[A-Za-z)][\s.,]*[-–—]\s*(?:\w+,?\s+)?$")
_ITEM_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*[.):]?\s")


@dataclass(frozen=True)
class DateCandidate:
    """A date in the opening, where it stands and how well it fits the meeting's own."""

    match: DateMatch
    line: Line
    rank: int
    """The line's place among the non-blank lines (0 for the first)."""
    score: float
    other_meeting: bool
    """Said to be another meeting's date (previous, next, moved from, approved at)."""


@dataclass(frozen=True)
class _Found:
    match: DateMatch
    line: Line
    rank: int
    before: str
    after: str


def _opening(lines: Sequence[Line]) -> Iterator[tuple[int, Line]]:
    rank = 0
    for line in lines:
        if line.blank:
            continue
        if rank >= SCAN_LINES:
            return
        yield rank, line
        rank += 1


def _dates(
    lines: Sequence[Line], year: int | None
) -> tuple[list[_Found], dict[int, tuple[Line, ...]]]:
    """Every date of the opening with what stands before and after it on its line; and the
    two non-blank lines before each line, the nearest first (where a bare "Date:" label or a
    "Next meeting" heading may stand)."""
    found: list[_Found] = []
    previous: dict[int, tuple[Line, ...]] = {}
    last: tuple[Line, ...] = ()
    for rank, line in _opening(lines):
        previous[line.index] = last
        carried = _sentence_carried(last[0] if last else None, line)
        last = (line, *last[:1])
        content = line.content[:LINE_CHARS]
        if _FILE_NAME.search(content):
            continue
        matches = list(iter_dates(content, default_year=year))
        for position, match in enumerate(matches):
            start, end = match.span
            earlier = matches[position - 1].span[1] if position else 0
            later = matches[position + 1].span[0] if position + 1 < len(matches) else len(content)
            before = content[max(earlier, start - CONTEXT_CHARS) : start]
            if not earlier and carried:
                before = f"{carried[-(CONTEXT_CHARS - len(before)) :]} {before}"
            after = content[end : min(later, end + CONTEXT_CHARS)]
            found.append(_Found(match, line, rank, before, after))
    return found, previous


def _sentence_carried(above: Line | None, line: Line) -> str:
    """The words of the line just above that the sentence of ``line`` starts with, when that
    sentence was wrapped ("MINUTES of the meeting of the Authority, held at Headquarters," /
    "Sutton Road, Maidstone on 20 November 2012."): what stands before a date on its line
    then starts on the line above."""
    if above is None or above.index != line.index - 1 or len(above.cells) > 1:
        return ""
    content = above.content.rstrip()
    if not content or content.endswith((".", ";", ":", "!", "?")) or not is_prose(content):
        return ""
    return content


def _summoned(found: _Found, letter_from: int | None = None) -> bool:
    """Whether a date is the one a summons calls the meeting to ("invited to attend the
    meeting ... on", "A meeting of the Panel will be held ... on"; under a letter's
    salutation at ``letter_from``, "The next Board will take place on")."""
    start = found.match.span[0]
    before = found.line.content[max(0, start - SUMMONS_CHARS) : start]
    if _SUMMONED.search(before) is not None:
        return True
    in_letter = letter_from is not None and found.line.index > letter_from
    return in_letter and _LETTER_SUMMONS.search(before) is not None


def _enclosed(found: _Found) -> bool:
    """Whether a covering letter sends the minutes of the meeting held on this date."""
    start = found.match.span[0]
    return _ENCLOSED.search(found.line.content[max(0, start - SUMMONS_CHARS) : start]) is not None


def _salutation(lines: Sequence[Line]) -> int | None:
    """The index of a letter's "Dear ..." line in the opening, if the text opens as a letter."""
    greetings = (line.index for _, line in _opening(lines) if _SALUTATION.match(line.content))
    return next(greetings, None)


def _listing_line(lines: Sequence[Line]) -> int | None:
    """The index of the line heading a list of other documents, where the text has one."""
    at = other_documents_from([line.content for line in lines])
    return None if at is None else lines[at[0]].index


def _other_meeting(found: _Found, at_top: bool, letter_from: int | None = None) -> bool:
    """Whether the words around a date make it another meeting's: "previous", "moved
    from", "were approved" after it, "minutes of the meeting held on" below the title."""
    if _summoned(found, letter_from):
        return False
    if _OTHER_MEETING.search(found.before) or _APPROVED_AFTER.search(found.after):
        return True
    minutes_of = _MINUTES_OF.search(found.before)
    return minutes_of is not None and not at_top and _OF.search(minutes_of.group()) is not None


def _records_heading(found: _Found) -> bool:
    """Whether a date stands in a heading that only titles a record of it ("Minutes of the
    Meeting Held on 18th June 2024" on a page of meetings): it may be this meeting's own
    minutes, so other dates equal to it are not marked as another meeting's."""
    before = found.line.content[: found.match.span[0]]
    return (
        _TITLE_SENTENCE.match(before) is not None or _MINUTES_HEADING.match(before) is not None
    ) and not _OTHER_MEETING.search(before)


def _under_other_meeting_heading(found: _Found, above: Sequence[Line]) -> bool:
    """Whether a date that starts its line stands under a heading of another meeting ("Next
    meeting" / "(From the date of this meeting)" / "22 December 2021")."""
    if not _starts_line(found):
        return False
    for line in above:
        if _OTHER_MEETING_HEADING.match(line.content):
            return True
        dated = find_date(line.content)
        if dated is not None and dated.span[0] == 0 and line.words <= LISTED_DATE_WORDS:
            continue  # an earlier entry of the same list of dates
        if dated is not None or line.words > HEADING_WORDS:
            return False
    return False


def time_after(text: str) -> TimeMatch | None:
    """The start time written right after a date: ``text`` is what follows the date on its
    line ("2.00 pm", ", 13:30-15:30", " AT 10.30 A.M.", " @ 2pm", "   Time: 1400hrs")."""
    found = find_time(text[:CONTEXT_CHARS])
    if found is None or not _TIME_SEPARATOR.match(text[: found.span[0]]):
        return None
    return found


def time_before(text: str) -> TimeMatch | None:
    """The start time written right before a date ("10:15 a.m. – 12:15 p.m., Tuesday", the
    first of two times side by side):
    ``text`` is what precedes the date on its line; the span is into ``text``."""
    offset = max(0, len(text) - CONTEXT_CHARS)
    tail = text[offset:]
    times: list[TimeMatch] = []
    position = 0
    while (found := find_time(tail[position:])) is not None:
        times.append(TimeMatch(found.time, (found.span[0] + position, found.span[1] + position)))
        position += found.span[1]
    if not times or not _TIME_SEPARATOR.match(tail[times[-1].span[1] :]):
        return None
    start = times[-1]
    # "10:15 – 12:15", and a range whose dash was lost: "10:30 16:30 on 19th September"
    between = tail[times[-2].span[1] : start.span[0]] if len(times) > 1 else ""
    if len(times) > 1 and (_END_TIME.match(between) or not between.strip()):
        start = times[-2]
    return TimeMatch(start.time, (start.span[0] + offset, start.span[1] + offset))


def _time_next_to(found: _Found) -> bool:
    return time_after(found.after) is not None or time_before(found.before) is not None


def _date_led_entries(found: Sequence[_Found]) -> int:
    """How many lines start with a date then a title ("24 August 2023 - Performance"), as
    the entries of a list of meetings or decisions do."""
    dates = {
        f.match.date
        for f in found
        if f.match.span[0] <= 2 and re.match(r"^\s*[-–—]\s*\w", f.after) is not None
    }
    return len(dates)


@dataclass(frozen=True)
class _Opening:
    """What the scores of all dates depend on: where the header ends, the title's lines,
    the first sentence, the first dated line, and how many lines start with a date."""

    header_end: int
    title_lines: frozenset[int]
    first_prose: int
    first_date_line: int
    entries: int
    header_dates: int = 0
    """How many different dates the header gives, other meetings' aside."""
    letter_from: int | None = None
    """The index of a letter's salutation ("Dear Colleague"), when the text opens as one."""
    labelled_lines: frozenset[int] = frozenset()
    """Lines holding the value of a date label of a header table flattened into a block of
    labels and a block of values (see ``ingest.parse.label_blocks``)."""
    item_page: bool = False
    """Whether the text is a portal's page of one agenda item (see ``_item_page``)."""
    other_documents_from: int | None = None
    """The index of a heading over a list of other documents ("Similar documents")."""


def _stands_at_top(item: _Found, opening: _Opening) -> bool:
    """Whether a date stands in the record's own title ("MINUTES OF THE MEETING OF THE
    PANEL HELD ON ..."), where "minutes of" names this record, not an earlier one."""
    line = item.line
    if line.index >= opening.header_end:
        return False
    if _ITEM_NUMBER.match(line.content) and not page_opening(line.content):
        return False
    near_start = item.match.span[0] < TITLE_CHARS
    if not near_start and len(line.content) > 2 * TITLE_CHARS:
        # a page flattened onto one line: far into it "2. Minutes of the Meeting held on 4
        # December" is an item about an earlier meeting, not the title
        return False
    return (
        item.rank <= opening.first_prose
        or line.index in opening.title_lines
        or _TITLE_SENTENCE.match(line.content) is not None
        or (near_start and (item.rank <= 3 or line.index == opening.first_date_line))
    )


def _starts_line(item: _Found) -> bool:
    """Whether a date starts its line, alone or after the start time ("9.30am – 10 December
    2020 Online")."""
    if item.match.span[0] <= 3:
        return True
    time = time_before(item.before)
    return time is not None and time.span[0] <= 3 and len(item.before) < CONTEXT_CHARS


def _under_title(item: _Found, opening: _Opening, before_line: Line | None) -> bool:
    """Whether a date starts the line just under the title ("Joint Audit Committee Meeting"
    then "Friday 22nd September 2017"), the only date the header gives."""
    return (
        opening.header_dates == 1
        and before_line is not None
        and before_line.index in opening.title_lines
        and item.rank <= 4
        and _starts_line(item)
    )


_RECORD_HEADING = re.compile(
    r"\b(?:minutes|meeting\s+notes|notes\s+of\s+(?:the\s+)?meeting)\s*$", re.I
)


def _under_record_heading(item: _Found, before_line: Line | None) -> bool:
    """Whether a date starts the line just under a short heading that names a record
    ("Chief Officers' Council Minutes" / "15-16 July 2020, Virtual Meeting")."""
    if before_line is None or not _starts_line(item) or before_line.words > HEADING_WORDS:
        return False
    heading = before_line.content.strip(" *#|")
    return (
        _RECORD_HEADING.search(heading) is not None
        and find_date(heading) is None
        and not _OTHER_MEETING_HEADING.match(heading)
        and not is_prose(heading)
    )


LETTER_DATE_LINES = 4
"""Lines (blank ones counted) from a letter's date, alone on its line, to its "Dear ..."."""


def _dates_the_letter(item: _Found, opening: _Opening) -> bool:
    """Whether a date alone on its line just above a letter's salutation is the day the
    letter was written ("4 February 2014" / "Dear Colleague, I enclose the minutes of the
    meeting held on ..."): the meeting it calls or sends the minutes of is dated in it."""
    letter = opening.letter_from
    if letter is None or not 0 < letter - item.line.index <= LETTER_DATE_LINES:
        return False
    rest = item.line.content[: item.match.span[0]] + item.line.content[item.match.span[1] :]
    return not rest.strip(" ,.")


def _score(item: _Found, opening: _Opening, before_line: Line | None, other: bool) -> float:
    """How well one date fits the meeting's own, before other meetings' dates are known."""
    line, match = item.line, item.match
    in_header = line.index < opening.header_end
    score = -6.0 if other else 0.0
    labelled = (
        _LABEL_BEFORE.search(item.before) is not None
        or (
            match.span[0] == 0
            and before_line is not None
            and _BARE_LABEL.match(before_line.content) is not None
        )
        or line.index in opening.labelled_lines
    )
    score += 5 if labelled else 0
    meeting_label = _MEETING_DATE_LABEL.search(item.before) is not None
    score += 1 if meeting_label else 0
    titled = (
        (line.index in opening.title_lines and match.span[0] < TITLE_CHARS)
        or (
            item.rank <= 4
            and match.span[0] < TITLE_CHARS
            and _TITLE_WORDS.search(item.before) is not None
        )
        or _under_title(item, opening, before_line)
    )
    score += 3 if titled and in_header else 0
    score += 1 if _NAME_DASH.search(item.before) and _TITLE_WORDS.search(item.before) else 0
    own_line = _starts_line(item) and len(line.content.split()) <= 16
    score += 3 if own_line and opening.entries < 2 else 0
    score += 2 if in_header and _under_record_heading(item, before_line) else 0
    score += 2 if in_header and not other and _HELD.search(item.before) else 0
    top = _stands_at_top(item, opening)
    score += 2 if top and _MINUTES_OF.search(item.before) else 0
    score += 5 if not other and _THIS_MEETING.search(line.content, 0, match.span[0]) else 0
    score += 5 if _summoned(item, opening.letter_from) or _enclosed(item) else 0
    score += 2 if _time_next_to(item) else 0
    score += 1 if match.weekday is not None else 0
    score -= 1 if not match.has_year else 0
    score -= 1 if not match.has_day else 0
    issued_label = (
        match.span[0] == 0
        and before_line is not None
        and before_line.content.rstrip().endswith(":")
        and _ISSUED.search(before_line.content) is not None
    )
    score -= 6 if _ISSUED.search(item.before) or issued_label else 0
    score -= 6 if _VIEWER_DATE.match(item.after) else 0
    score -= 6 if _LETTER_DATE.search(item.before) or _dates_the_letter(item, opening) else 0
    score -= 5 if _DEADLINE.search(item.before) else 0
    score -= 3 if _PERIOD.search(item.before) else 0
    score -= 3 if not in_header and not meeting_label else 0
    score -= 1 if item.rank > 12 else 0
    score -= ITEM_PAGE_PENALTY if opening.item_page and not labelled else 0
    listing = opening.other_documents_from
    score -= OTHER_DOCUMENTS_PENALTY if listing is not None and line.index > listing else 0
    return score


# A portal's page of one agenda item opens with this heading, then the item's title.
_ITEM_PAGE = re.compile(r"^agenda\s+item\s*:?$", re.IGNORECASE)
ITEM_PAGE_PENALTY = 6.0
"""Points a date loses on a portal's page of one agenda item unless a label gives it."""
OTHER_DOCUMENTS_PENALTY = 10.0
"""Points a date loses under a list of other documents: their titles date other meetings."""


def _item_page(lines: Sequence[Line]) -> bool:
    """Whether the text is a portal's page of one agenda item ("Agenda item" / "Minutes of
    the meeting held on 5 January 2017" / "Minutes:" / ...): the item's title and text give
    an earlier meeting's date or a report's, and only a label ("Meeting: 12/01/2017") gives
    the meeting's own."""
    first = next((line for _, line in _opening(lines)), None)
    return first is not None and _ITEM_PAGE.match(first.content.strip(" *#")) is not None


def score_dates(
    lines: Sequence[Line],
    *,
    header_end: int,
    title_lines: Sequence[int] = (),
    year: int | None = None,
) -> list[DateCandidate]:
    """Every date in the opening of ``lines`` with its score, in the order of the text.

    A date that the text gives elsewhere as another meeting's (previous, next, moved
    from, approved at) loses points wherever it stands."""
    found, previous = _dates(lines, year)
    opening = _Opening(
        header_end=header_end,
        title_lines=frozenset(title_lines),
        first_prose=_first_prose_rank(lines),
        first_date_line=found[0].line.index if found else -1,
        entries=_date_led_entries(found),
        letter_from=_salutation(lines),
        labelled_lines=frozenset(
            value.line.index for value in label_blocks(lines) if _BARE_LABEL.match(value.label)
        ),
        item_page=_item_page(lines),
        other_documents_from=_listing_line(lines),
    )
    receiving = _receiving_meeting_lines(lines)
    others = [
        _other_meeting(item, _stands_at_top(item, opening), opening.letter_from)
        or _under_other_meeting_heading(item, previous.get(item.line.index, ()))
        or item.line.index in receiving
        for item in found
    ]
    header_dates = {
        item.match.date
        for item, other in zip(found, others, strict=True)
        if not other and item.line.index < header_end
    }
    opening = replace(opening, header_dates=len(header_dates))
    scored: list[tuple[_Found, float, bool]] = []
    other_dates: set[dt.date] = set()  # other meetings' dates given with a year
    other_days: set[tuple[int, int]] = set()  # (month, day) of all of them
    yearless_days: set[tuple[int, int]] = set()  # (month, day) of those without a year
    for item, other in zip(found, others, strict=True):
        if other and not _records_heading(item) and not _carried_forward(item, header_end):
            day = (item.match.date.month, item.match.date.day)
            other_days.add(day)
            if item.match.has_year:
                other_dates.add(item.match.date)
            else:
                yearless_days.add(day)
        above = previous.get(item.line.index, ())
        score = _score(item, opening, above[0] if above else None, other)
        scored.append((item, score, other))
    candidates: list[DateCandidate] = []
    for item, score, other in scored:
        match = item.match
        day = (match.date.month, match.date.day)
        if match.has_year:
            same = match.date in other_dates or day in yearless_days
        else:
            same = day in other_days
        if not other and same:
            score -= 4
        candidates.append(DateCandidate(match, item.line, item.rank, score, other_meeting=other))
    return candidates


# "brought to the next Executive Board on 18 December 2015": a sitting still to come when
# the words were written.
_FORWARD = re.compile(r"\b(?:next|future|following|forthcoming|subsequent)\b[^.;]*$", re.IGNORECASE)


def _carried_forward(item: _Found, header_end: int) -> bool:
    """Whether a date below the header is one an earlier meeting set for a sitting to come
    ("Paper to be brought to the next Board on 18 December"): an action's running update
    carries those words to the meeting they name, so the header's same date stays its own."""
    return item.line.index >= header_end and _FORWARD.search(item.before) is not None


def _receiving_meeting_lines(lines: Sequence[Line]) -> set[int]:
    """The lines that describe the meeting a published paper went to ("referenced in the
    meeting below"): their dates are that meeting's, not the paper's own meeting's."""
    block: set[int] = set()
    remaining = 0
    for _, line in _opening(lines):
        if remaining:
            block.add(line.index)
            remaining -= 1
        if _RECEIVING_MEETING.search(line.content):
            remaining = RECEIVING_BLOCK_LINES
    return block


def _first_prose_rank(lines: Sequence[Line]) -> int:
    for rank, line in _opening(lines):
        if is_prose(line.content):
            return rank
    return SCAN_LINES


def choose_meeting_date(
    lines: Sequence[Line],
    *,
    header_end: int,
    title_lines: Sequence[int] = (),
    year: int | None = None,
) -> DateCandidate | None:
    """The meeting's own date: the best-scored candidate that reaches ``ACCEPT``, a full
    date before a month alone; None when no date in the opening is the meeting's."""
    candidates = score_dates(lines, header_end=header_end, title_lines=title_lines, year=year)
    return best_candidate(candidates)


def best_candidate(candidates: Sequence[DateCandidate]) -> DateCandidate | None:
    """Of scored dates, the meeting's own (see ``choose_meeting_date``)."""
    best: DateCandidate | None = None
    for candidate in candidates:
        if candidate.score < ACCEPT:
            continue
        key = (candidate.match.has_day, candidate.score)
        if best is None or key > (best.match.has_day, best.score):
            best = candidate
    return best
